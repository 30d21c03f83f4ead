"""cost-limit-estimate-missing: s.12 relied on without an estimate of time or cost."""

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D


def _ctx(name: str):
    text = letter(name)
    points = [point(text, "1", D.COST_LIMIT, "We are refusing your request", ("s.12",))]
    return context(text, points=points, provisions=("s.12",))


def test_stating_only_the_limit_and_rate_is_not_an_estimate():
    [finding] = run("cost-limit-estimate-missing", _ctx("cost_no_estimate.txt"))
    assert finding.severity is Severity.ISSUE
    assert finding.provision == "s.12"
    assert any("section 12" in e.quote for e in finding.evidence)


def test_a_reasoned_estimate_satisfies_the_check():
    assert run("cost-limit-estimate-missing", _ctx("cost_estimate_and_advice.txt")) == []


def test_letters_not_refused_on_cost_are_not_checked():
    text = letter("searches_missing.txt")
    assert run("cost-limit-estimate-missing", context(text)) == []
