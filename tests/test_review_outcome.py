"""The outcome: derived from the findings, overridden only with a reason, labelled per scheme."""

from __future__ import annotations

import pytest
from review_fixtures import decided_review, sample_review

from workbench.errors import ReviewError, SettingsError
from workbench.outcomes import ChangeReason, Outcome, load_outcome_schemes, outcome_label
from workbench.review import (
    Engaged,
    PointReview,
    ProvisionReview,
    PublicInterest,
    derive_outcome,
)


@pytest.fixture(autouse=True)
def no_team_schemes(tmp_path, monkeypatch):
    """Packaged schemes only, unless a test writes a team file."""
    monkeypatch.setenv("WORKBENCH_TEMPLATES", str(tmp_path / "templates"))
    (tmp_path / "templates").mkdir()
    return tmp_path / "templates"


def points(*findings, remedies=()):
    return [
        PointReview(label=str(i), finding=f, remedies=list(remedies))
        for i, f in enumerate(findings, 1)
    ]


@pytest.mark.parametrize(
    ("point_findings", "provision_findings", "remedies", "expected"),
    [
        ((), (), (), None),
        ((None, None), (None,), (), None),
        (("correct", "correct"), ("upheld",), (), Outcome.MAINTAINED),
        # Procedural remedies alone do not change the decision on the information.
        (("correct",), (), ("apologise_for_delay", "advice_and_assistance"), Outcome.MAINTAINED),
        # Still releasing something after finding the point correct partly changes it.
        (("correct",), (), ("disclose",), Outcome.PARTLY_CHANGED),
        (("correct", "incorrect"), (), (), Outcome.PARTLY_CHANGED),
        (("correct", "partly_correct"), ("upheld",), (), Outcome.PARTLY_CHANGED),
        (("correct",), ("not_upheld",), (), Outcome.PARTLY_CHANGED),
        (("correct",), ("upheld_in_part",), (), Outcome.PARTLY_CHANGED),
        (("incorrect", "incorrect"), ("not_upheld",), ("disclose",), Outcome.REVERSED),
        # Wrong, but only part of the information goes out: partly changed, not reversed.
        (("incorrect",), (), ("disclose_in_part",), Outcome.PARTLY_CHANGED),
        # Items without a finding are left out, so the result is provisional.
        (("incorrect", None), (), (), Outcome.REVERSED),
    ],
)
def test_the_outcome_is_derived_from_the_item_findings(
    point_findings, provision_findings, remedies, expected
):
    provisions = [ProvisionReview(provision_id="s.40(2)", finding=f) for f in provision_findings]
    assert derive_outcome(points(*point_findings, remedies=remedies), provisions) == expected


def test_an_override_replaces_the_derived_outcome_and_needs_a_reason():
    review = decided_review()
    assert review.outcome is Outcome.MAINTAINED

    with pytest.raises(ReviewError, match="Overriding the outcome needs a reason"):
        review.override_outcome(Outcome.WITHDRAWN, "   ")
    with pytest.raises(ReviewError, match="overriding the outcome needs a reason"):
        review.with_value("outcome_override", {"outcome": "withdrawn", "reason": ""})
    assert review.outcome is Outcome.MAINTAINED

    review.override_outcome("withdrawn", "The requester withdrew by email on 12 Feb")
    assert review.outcome is Outcome.WITHDRAWN and review.outcome_overridden
    assert review.derived_outcome is Outcome.MAINTAINED
    review.clear_override()
    assert review.outcome is Outcome.MAINTAINED


def test_an_unknown_outcome_is_refused():
    with pytest.raises(ReviewError, match="Unknown outcome 'upheld'"):
        decided_review().override_outcome("upheld", "reason")


@pytest.mark.parametrize(
    ("outcome", "cabinet_office", "foisa"),
    [
        (Outcome.MAINTAINED, "Upheld in full", "Decision confirmed without modification"),
        (Outcome.PARTLY_CHANGED, "Upheld in part", "Decision confirmed with modifications"),
        (Outcome.REVERSED, "Overturned", "Different decision substituted"),
        (Outcome.WITHDRAWN, "Withdrawn", "Requirement for review withdrawn"),
    ],
)
def test_each_scheme_names_the_stored_outcome_in_its_own_words(outcome, cabinet_office, foisa):
    assert outcome_label(outcome, "cabinet_office") == cabinet_office
    assert outcome_label(outcome, "foisa").startswith(foisa)


def test_foisa_has_its_own_label_where_no_decision_had_been_made():
    label = outcome_label(Outcome.REVERSED, "foisa", no_original_decision=True)
    assert label == "Decision reached where none had been made (s.21(4)(c))"
    review = decided_review()
    review.no_original_decision = True
    assert review.outcome_label("foisa") == label
    assert review.outcome_label("cabinet_office") == "Upheld in full"


def test_an_authority_where_upheld_means_the_requester_won(no_team_schemes):
    (no_team_schemes / "outcome_schemes.yaml").write_text(
        "schemes:\n"
        "  authority:\n"
        "    title: Our appeals\n"
        "    labels:\n"
        "      maintained: Not upheld\n"
        "      partly_changed: Partially upheld\n"
        "      reversed: Upheld\n"
        "      withdrawn: Withdrawn\n",
        encoding="utf-8",
    )
    review = sample_review()
    review.start()
    for point in review.points:
        point.finding = "incorrect"
    review.provisions[0].finding = "not_upheld"

    # The requester won: the stored value is unambiguous, each scheme says it its own way.
    assert review.outcome is Outcome.REVERSED
    assert review.outcome_label("authority") == "Upheld"
    assert review.outcome_label("cabinet_office") == "Overturned"
    assert outcome_label(Outcome.MAINTAINED, "authority") == "Not upheld"
    assert outcome_label(Outcome.MAINTAINED, "cabinet_office") == "Upheld in full"
    assert load_outcome_schemes()["authority"].title == "Our appeals"


def test_the_packaged_authority_scheme_says_appeal_upheld_when_the_requester_won():
    assert outcome_label(Outcome.REVERSED, "authority") == "Appeal upheld"
    assert outcome_label(Outcome.MAINTAINED, "authority") == "Appeal not upheld"


def test_a_team_scheme_missing_a_label_is_refused_naming_file_and_outcome(no_team_schemes):
    path = no_team_schemes / "outcome_schemes.yaml"
    path.write_text("schemes:\n  ours:\n    labels:\n      maintained: Kept\n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        outcome_label(Outcome.MAINTAINED, "ours")
    message = str(caught.value)
    assert str(path) in message
    assert "scheme 'ours' has no label for partly_changed, reversed, withdrawn" in message


def test_an_unknown_scheme_lists_the_known_ones():
    with pytest.raises(SettingsError, match="known schemes: authority, cabinet_office, foisa"):
        outcome_label(Outcome.MAINTAINED, "ico_stats")


def test_a_changed_outcome_needs_a_reason_category_before_completion():
    review = decided_review()
    review.points[0].finding = "incorrect"
    review.points[0].remedies = ["disclose"]
    assert review.outcome is Outcome.PARTLY_CHANGED

    with pytest.raises(ReviewError, match="at least one reason for the change"):
        review.complete("Ann Smith")
    review.change_reasons = [ChangeReason.EXCESSIVE_REDACTION]
    review.complete("Ann Smith")
    assert review.sign_off.outcome is Outcome.PARTLY_CHANGED


def test_a_maintained_or_withdrawn_outcome_needs_no_change_reason():
    review = decided_review()
    review.override_outcome(Outcome.WITHDRAWN, "Withdrawn by the requester")
    review.complete("Ann Smith")
    assert review.outcome is Outcome.WITHDRAWN
    assert review.change_reasons == []


def test_change_reasons_are_suggested_from_the_findings_not_applied():
    review = decided_review()
    review.points[0].finding = "incorrect"
    review.points[0].remedies = ["disclose_in_part"]
    review.provisions[0].finding = "not_upheld"
    review.provisions[0].engaged = Engaged.YES
    review.provisions[0].public_interest = PublicInterest(favours="disclosure")
    review.searches[0].adequate = False

    assert review.suggested_change_reasons() == [
        ChangeReason.SEARCHES_INADEQUATE,
        ChangeReason.PUBLIC_INTEREST_WRONGLY_BALANCED,
        ChangeReason.EXCESSIVE_REDACTION,
    ]
    assert review.change_reasons == []
