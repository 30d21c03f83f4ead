"""cost-limit-advice-missing: s.12 relied on without s.16 advice on narrowing the request."""

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D


def _ctx(name: str):
    text = letter(name)
    points = [point(text, "1", D.COST_LIMIT, "We are refusing your request", ("s.12",))]
    return context(text, points=points, provisions=("s.12",))


def test_a_cost_refusal_with_no_advice_on_narrowing_is_an_issue():
    [finding] = run("cost-limit-advice-missing", _ctx("cost_no_advice.txt"))
    assert finding.severity is Severity.ISSUE
    assert "s.16" in finding.explanation
    assert finding.point == "1"


def test_advice_on_how_to_narrow_the_request_satisfies_the_check():
    assert run("cost-limit-advice-missing", _ctx("cost_estimate_and_advice.txt")) == []


def test_the_section_12_citation_alone_triggers_the_check():
    text = letter("cost_no_advice.txt")
    [finding] = run("cost-limit-advice-missing", context(text))
    assert finding.provision == "s.12"


def _burden(name: str):
    text = letter(name)
    points = [point(text, "1", D.HELD_WITHHELD, "We hold this information", ("reg.12(4)(b)",))]
    return context(text, points=points, provisions=("reg.12(4)(b)",), regime="EIR")


def test_a_burden_refusal_under_reg_12_4_b_without_reg_9_advice_is_an_issue():
    """EIR reg 9 (advice and assistance); ICO reg 12(4)(b) guidance. The audit found a
    reg 12(4)(b) refusal with no reg 9 advice missed (issue 12)."""
    [finding] = run("cost-limit-advice-missing", _burden("r124b_burden_no_advice.txt"))
    assert finding.severity is Severity.ISSUE
    assert finding.provision == "reg.12(4)(b)"
    assert "EIR reg 9" in finding.explanation


def test_a_burden_refusal_with_advice_under_reg_9_passes():
    assert run("cost-limit-advice-missing", _burden("r124b_burden_with_advice.txt")) == []
