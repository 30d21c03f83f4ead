"""adverse-effect-threshold: an EIR reg 12(5) exception justified by "would be likely to"."""

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D


def _ctx(name: str, provision: str = "reg.12(5)(b)"):
    text = letter(name)
    points = [point(text, "1", D.HELD_WITHHELD, "We hold this information", (provision,))]
    return context(text, points=points, provisions=(provision,), regime="EIR")


def test_would_be_likely_to_adversely_affect_is_the_wrong_threshold():
    """EIR reg 12(5) "would adversely affect"; Archer v IC and Salisbury DC, EA/2006/0037
    (ICO LTT117): more probable than not, no "would be likely to" level (issue 12 item 3)."""
    [finding] = run("adverse-effect-threshold", _ctx("eir_likely.txt"))
    assert finding.severity is Severity.ISSUE
    assert "would be likely to" in finding.explanation
    assert "EA/2006/0037" in finding.explanation


def test_would_adversely_affect_passes():
    assert run("adverse-effect-threshold", _ctx("eir_would.txt")) == []


def test_foia_prejudice_at_would_be_likely_is_not_this_checks_business():
    """FOIA's prejudice test does have a "would be likely to" level."""
    text = letter("eir_likely.txt")
    points = [point(text, "1", D.HELD_WITHHELD, "We hold this information", ("s.42(1)",))]
    ctx = context(text, points=points, provisions=("s.42(1)",))
    assert run("adverse-effect-threshold", ctx) == []
