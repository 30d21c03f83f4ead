"""complaint-rights-missing: the letter must give the right to complain to the regulator."""

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D


def _ctx(name: str, regime="FOIA", determination=D.HELD_WITHHELD, provisions=("s.42",)):
    text = letter(name)
    points = [point(text, "1", determination, "We hold this information", provisions)]
    return context(text, points=points, provisions=provisions, regime=regime)


def test_a_refusal_without_the_right_to_complain_is_an_issue():
    [finding] = run("complaint-rights-missing", _ctx("rights_missing.txt"))
    assert finding.severity is Severity.ISSUE
    assert "s.50" in finding.explanation


def test_a_refusal_naming_the_information_commissioner_satisfies_the_check():
    assert run("complaint-rights-missing", _ctx("rights_given.txt")) == []


def test_a_scottish_letter_sending_the_requester_to_the_ico_names_the_wrong_regulator():
    ctx = _ctx("rights_foisa_wrong_regulator.txt", "FOISA", D.HELD_DISCLOSED, ())
    [finding] = run("complaint-rights-missing", ctx)
    assert finding.severity is Severity.WARNING
    assert "Scottish Information Commissioner" in finding.explanation
    assert "Information Commissioner's Office" in finding.evidence[0].quote


def test_a_scottish_letter_naming_the_scottish_commissioner_satisfies_the_check():
    ctx = _ctx("rights_foisa_right_regulator.txt", "FOISA", D.HELD_DISCLOSED, ())
    assert run("complaint-rights-missing", ctx) == []


def test_a_foisa_review_outcome_must_give_the_court_of_session_appeal():
    """FOISA s.21(10): the review notice must give particulars of the rights under s.47(1)
    and s.56 (appeal to the Court of Session) (issue 12 item 15)."""
    ctx = context(
        letter("review_outcome_foisa.txt"),
        regime="FOISA",
        kind="internal_review_outcome",
        provisions=("foisa.s.33(1)(b)",),
    )
    [finding] = run("complaint-rights-missing", ctx)
    assert finding.severity is Severity.WARNING
    assert "s.21(10)" in finding.explanation


def test_a_foisa_review_outcome_giving_both_rights_passes():
    ctx = context(
        letter("review_outcome_foisa_appeal.txt"),
        regime="FOISA",
        kind="internal_review_outcome",
        provisions=("foisa.s.33(1)(b)",),
    )
    assert run("complaint-rights-missing", ctx) == []
