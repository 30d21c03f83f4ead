"""qualified-person-opinion-missing: FOIA s.36 relied on with no qualified person's opinion."""

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D


def _ctx(name: str):
    text = letter(name)
    points = [point(text, "1", D.HELD_WITHHELD, "We hold this information", ("s.36(2)(b)(ii)",))]
    return context(text, points=points, provisions=("s.36(2)(b)(ii)",))


def test_s36_with_no_qualified_persons_opinion_is_an_issue():
    """FOIA s.36(2): only "the reasonable opinion of a qualified person" engages it; ICO s.36
    guidance (who, when, what they saw). The audit found this defect missed (issue 12 item 4)."""
    [finding] = run("qualified-person-opinion-missing", _ctx("s36_no_opinion.txt"))
    assert finding.severity is Severity.ISSUE
    assert finding.provision == "s.36(2)(b)(ii)"


def test_s36_with_the_opinion_recorded_passes():
    """ICO "Section 36 - record of the qualified person's opinion": who and when, given."""
    assert run("qualified-person-opinion-missing", _ctx("s36_with_opinion.txt")) == []


def test_other_exemptions_are_not_asked_for_an_opinion():
    text = letter("s36_no_opinion.txt")
    points = [point(text, "1", D.HELD_WITHHELD, "We hold this information", ("s.43(2)",))]
    ctx = context(text, points=points, provisions=("s.43(2)",))
    assert run("qualified-person-opinion-missing", ctx) == []
