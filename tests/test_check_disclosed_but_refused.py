"""disclosed-but-refused: a point answered 'disclosed in full' that still cites a provision."""

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D


def test_an_exemption_on_a_point_disclosed_in_full_is_an_issue():
    text = letter("disclosed_but_refused.txt")
    answer = "The information you asked for is attached in full."
    points = [point(text, "1", D.HELD_DISCLOSED, answer, ("s.43(2)",))]
    [found] = run("disclosed-but-refused", context(text, points=points, provisions=("s.43(2)",)))
    assert found.severity is Severity.ISSUE
    assert (found.point, found.provision) == ("1", "s.43(2)")
    assert "held, partly disclosed" in found.explanation
    assert found.evidence[0].quote == answer


def test_a_cost_refusal_cited_on_a_disclosed_point_is_flagged_too():
    text = letter("disclosed_but_refused.txt")
    points = [point(text, "1", D.HELD_DISCLOSED, "attached in full", ("s.12",))]
    [found] = run("disclosed-but-refused", context(text, points=points))
    assert found.provision == "s.12"


def test_a_provision_on_the_point_partly_disclosed_is_not_a_contradiction():
    text = letter("disclosed_but_refused_clean.txt")
    points = [
        point(text, "1", D.HELD_DISCLOSED, "Question 1: the figures are attached."),
        point(text, "2", D.HELD_PARTLY_DISCLOSED, "Question 2: we have released", ("s.43(2)",)),
    ]
    ctx = context(text, points=points, provisions=("s.43(2)",))
    assert run("disclosed-but-refused", ctx) == []
