"""exemption-on-not-held: an exemption cited against a point answered 'not held'."""

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D


def test_an_exemption_on_information_not_held_is_an_issue():
    text = letter("exemption_on_not_held.txt")
    answer = "we can confirm that the council does not hold this information"
    points = [point(text, "1", D.NOT_HELD, answer, ("s.43(2)",))]
    [finding] = run("exemption-on-not-held", context(text, points=points, provisions=("s.43(2)",)))
    assert finding.severity is Severity.ISSUE
    assert finding.provision == "s.43(2)"
    assert finding.point == "1"
    assert finding.evidence[0].quote == answer


def test_an_exemption_relied_on_in_the_alternative_is_only_a_warning():
    text = letter("exemption_in_alternative.txt")
    answer = "we can confirm that the council does not hold this information"
    points = [point(text, "1", D.NOT_HELD, answer, ("s.43(2)",))]
    [finding] = run("exemption-on-not-held", context(text, points=points, provisions=("s.43(2)",)))
    assert finding.severity is Severity.WARNING
    assert any("Even if the information were held" in e.quote for e in finding.evidence)


def test_an_exemption_on_the_held_part_and_not_held_on_the_other_is_fine():
    text = letter("exemption_not_held_clean.txt")
    points = [
        point(text, "1", D.HELD_PARTLY_DISCLOSED, "In response to part 1", ("s.43(2)",)),
        point(text, "2", D.NOT_HELD, "In response to part 2"),
    ]
    ctx = context(text, points=points, provisions=("s.43(2)",))
    assert run("exemption-on-not-held", ctx) == []


def test_the_eir_not_held_exception_is_not_flagged():
    text = letter("exemption_on_not_held.txt")
    points = [point(text, "1", D.NOT_HELD, "does not hold this information", ("reg.12(4)(a)",))]
    ctx = context(text, regime="EIR", points=points, provisions=("reg.12(4)(a)",))
    assert run("exemption-on-not-held", ctx) == []
