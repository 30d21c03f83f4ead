"""A ground links to what answers it in the review, and the findings there propose its finding."""

from __future__ import annotations

import pytest
from grounds_fixtures import EXEMPTION_AND_REDACTION, bare_review, review_with_grounds

from workbench import review_grounds as rg
from workbench.errors import ReviewError
from workbench.ground_links import links_for, proposal_for
from workbench.review import GroundFinding, ProvisionReview, Remedy


def _links(review, ground_id):
    return links_for(review, review.ground(ground_id))


def test_a_ground_naming_a_provision_and_a_point_links_to_their_findings():
    review = review_with_grounds(EXEMPTION_AND_REDACTION)
    first = _links(review, "g1")  # s.43(2), point 1
    assert [p.provision_id for p in first.provisions] == ["s.43(2)"]
    assert [p.label for p in first.points] == ["1"]
    second = _links(review, "g2")  # "Section 36" names s.36(2)(b)(i) at a higher level
    assert [p.provision_id for p in second.provisions] == ["s.36(2)(b)(i)"]
    delay = _links(review, "g3")
    assert delay.timeliness and not delay.provisions and delay.words() == ["timeliness"]


def test_a_ground_about_searches_links_to_the_search_record():
    review = review_with_grounds()
    links = _links(review, "g2")
    assert links.about_searches and [s.where for s in links.searches] == ["Email", "Shared drive"]
    assert links.words() == ["the search record"]


def test_an_exemption_ground_naming_nothing_links_through_its_points_else_the_only_exemption():
    review = rg.add_ground(bare_review(), "exemption_disputed", "It is not exempt", points="3")
    assert [p.provision_id for p in _links(review, "g1").provisions] == ["s.36(2)(b)(i)"]

    only = bare_review()
    only.provisions = [ProvisionReview(provision_id="s.43(2)", points=["1"])]
    only = rg.add_ground(only, "public_interest", "The balance favours disclosure")
    links = _links(only, "g1")
    assert [p.provision_id for p in links.provisions] == ["s.43(2)"]
    assert links.notes == ("s.43(2) is the only exemption the review holds",)

    two = rg.add_ground(bare_review(), "exemption_disputed", "It is not exempt")
    assert _links(two, "g1").provisions == ()  # two exemptions: no guess

    other = rg.add_ground(bare_review(), "exemption_disputed", "s.41 does not apply",
                          points="1", provisions="s.41")  # fmt: skip
    links = _links(other, "g1")
    assert links.provisions == () and [p.label for p in links.points] == ["1"]
    assert links.notes == ("s.41, which the ground names, is not among the review's provisions",)


def test_point_labels_are_matched_as_requesters_write_them():
    from workbench.reading import split_point

    review = split_point(bare_review(), "3", "3a, 3b")
    review = rg.add_ground(review, "incomplete", "Part 3 not answered", points="Q3, (1)")
    assert [p.label for p in _links(review, "g1").points] == ["1", "3a", "3b"]


def test_refusal_notice_and_advice_are_linked_by_the_provisions_named():
    review = rg.add_ground(bare_review(), "other", "No reasons given", provisions="s.17(1)(c)")
    review = rg.add_ground(review, "advice_and_assistance", "No help to narrow it")
    assert _links(review, "g1").refusal_notice and not _links(review, "g1").advice
    assert _links(review, "g2").advice


def test_findings_propose_upheld_partly_or_not_upheld():
    review = review_with_grounds(EXEMPTION_AND_REDACTION)
    assert proposal_for(review, review.ground("g1")) is None  # nothing decided yet

    review = review.with_value("provisions.0.finding", "not_upheld")
    proposal = proposal_for(review, review.ground("g1"))
    assert proposal.finding is GroundFinding.UPHELD
    assert proposal.basis == ("s.43(2) was not upheld",) and proposal.undecided == ("point 1",)

    review = review.with_value("points.0.finding", "correct")
    assert proposal_for(review, review.ground("g1")).finding is GroundFinding.PARTLY_UPHELD

    review = review.with_value("provisions.1.finding", "upheld")
    review = review.with_value("provisions.1.reasons", "The minutes record free and frank views.")
    against = proposal_for(review, review.ground("g2"))
    assert against.finding is GroundFinding.NOT_UPHELD
    assert against.reasons == "The minutes record free and frank views." and against.remedies == ()

    review = review.with_value("procedural.timeliness", "late")
    late = proposal_for(review, review.ground("g3"))
    assert late.finding is GroundFinding.UPHELD and late.remedies == (Remedy.APOLOGISE_FOR_DELAY,)


def test_the_search_record_proposes_for_a_searches_ground():
    review = review_with_grounds()
    review = review.with_value("searches.0.adequate", True)
    assert proposal_for(review, review.ground("g2")) is None  # one of two assessed
    review = review.with_value("searches.1.adequate", False)
    review = review.with_value("searches.1.further_search_needed", "The PA's inbox.")
    proposal = proposal_for(review, review.ground("g2"))
    assert proposal.finding is GroundFinding.UPHELD
    assert proposal.reasons == "The PA's inbox." and proposal.remedies == (Remedy.NEW_SEARCHES,)


def test_a_proposal_is_recorded_only_when_accepted_and_keeps_the_reviewers_reasons():
    review = review_with_grounds(EXEMPTION_AND_REDACTION)
    review = review.with_value("procedural.timeliness", "on_time")
    assert review.ground("g3").finding is None  # shown, never set on its own
    accepted = rg.accept_proposal(review, "g3")
    assert accepted.ground("g3").finding is GroundFinding.NOT_UPHELD
    assert accepted.ground("g3").reasons == "I found that the response was on time."

    own = rg.set_ground_finding(review, "g3", reasons="It came on day 20.")
    assert rg.accept_proposal(own, "g3").ground("g3").reasons == "It came on day 20."
    with pytest.raises(ReviewError, match="Nothing you have found yet answers ground g1"):
        rg.accept_proposal(review, "g1")
