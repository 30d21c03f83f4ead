"""A paragraph can state several grounds; each is read.

An objection to the exemption ("I do not see why the running costs should be secret") and
a public interest argument after it are two grounds. A report of another decision after a
ground starts afresh, and a contrast answering it ("You said ... were not held, but ...")
disputes that decision.
"""

from __future__ import annotations

from pathlib import Path

from workbench.grounds import read_grounds

FILES = Path(__file__).parent / "files" / "grounds"


def _grounds():
    return read_grounds((FILES / "several_in_a_paragraph.txt").read_text(encoding="utf-8"))


def test_an_objection_and_a_ground_of_another_kind_after_it_are_two_grounds():
    categories = [g.category for g in _grounds()][:2]
    assert categories == ["exemption_disputed", "public_interest"]


def test_each_ground_keeps_to_its_own_words():
    first, second = _grounds()[:2]
    assert "strong public interest" not in first.quote
    assert second.quote.startswith("There is also a strong public interest")


def test_a_report_answered_with_but_disputes_the_reported_decision():
    last = _grounds()[-1]
    assert last.category == "more_information_held"
    assert last.quote.startswith("You said the inspection reports were not held")


def test_a_note_about_a_provision_is_not_a_ground():
    text = (
        "The minutes were refused under section 27(1). I note that section 27 is subject to "
        "the public interest test, and the public interest favours disclosure."
    )
    assert [g.category for g in read_grounds(text)] == ["public_interest"]


def test_saying_how_a_review_could_be_asked_for_is_not_the_request_for_review():
    text = "The refusal notice did not explain how I could ask for a review."
    assert [g.category for g in read_grounds(text)] == ["other"]


def test_a_doubt_put_as_a_question_for_the_review_is_a_ground_after_another():
    text = (
        "Dear Sir,\n\nMy request is not vexatious: each of my requests asked about a "
        "different year. I would also like the review to consider whether the searches for "
        "the 2019 figures covered the finance team's shared drive.\n"
    )
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["vexatious_disputed", "searches_inadequate"]


def test_a_late_reply_and_the_refusal_it_brought_are_two_grounds():
    text = (
        "Dear Sir,\n\nThe response took 35 working days, well beyond the statutory limit, "
        "and when it did arrive it refused the request on cost grounds. I do not believe "
        "that finding a single contract would take more than 18 hours.\n"
    )
    assert [g.category for g in read_grounds(text)] == ["delay", "cost_limit_disputed"]


def test_asking_for_the_remedy_after_a_ground_is_part_of_it():
    text = (
        "Dear Sir,\n\nMy request was for the minutes of the meeting of 4 May, and you have "
        "instead sent me the agenda. The agenda is not what I asked for. Please provide the "
        "minutes.\n"
    )
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["misinterpreted"]
    assert grounds[0].quote.endswith("Please provide the minutes.")


def test_what_was_done_and_what_the_requester_had_asked_for_are_two_grounds():
    text = (
        "Dear Sir,\n\nYou have charged me £35 for postage and copying when I asked for "
        "everything to be sent by email, which costs you nothing.\n"
    )
    assert [g.category for g in read_grounds(text)] == ["fees", "format_or_means"]


def test_the_exemption_and_the_extent_withheld_are_two_grounds():
    # the harm disputed, then the whole paper withheld where a little redaction would do
    text = (
        "I cannot believe that every page of the plan would help a competitor win the "
        "contract. The budget will be in the advert anyway. A little redaction at most, "
        "not the whole paper being exempt.\n"
    )
    grounds = read_grounds(text, "FOIA")
    assert [g.category for g in grounds] == ["exemption_disputed", "excessive_redaction"]
