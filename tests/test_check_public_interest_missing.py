"""public-interest-missing: a qualified exemption cited with no public interest test."""

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D


def _ctx(name: str, provisions=("s.43(2)",)):
    text = letter(name)
    points = [point(text, "1", D.HELD_WITHHELD, "We hold this information", provisions)]
    return context(text, points=points, provisions=provisions)


def test_a_qualified_exemption_with_no_public_interest_reasoning_is_an_issue():
    [finding] = run("public-interest-missing", _ctx("pit_missing.txt"))
    assert finding.severity is Severity.ISSUE
    assert finding.provision == "s.43(2)"
    assert "s.17(3)" in finding.explanation
    assert any("section 43(2)" in e.quote for e in finding.evidence)


def test_a_public_interest_test_weighing_both_sides_satisfies_the_check():
    assert run("public-interest-missing", _ctx("pit_given.txt")) == []


def test_naming_the_public_interest_without_weighing_it_is_a_warning():
    [finding] = run("public-interest-missing", _ctx("pit_unweighed.txt"))
    assert finding.severity is Severity.WARNING
    assert "not weighed" in finding.title


def test_public_interest_reasoning_under_another_exemption_only_is_a_warning():
    text = letter("pit_two_exemptions.txt")
    points = [
        point(text, "1", D.HELD_WITHHELD, "The investigation file is withheld", ("s.31(1)(a)",)),
        point(text, "2", D.HELD_WITHHELD, "The bids are withheld", ("s.43(2)",)),
    ]
    ctx = context(text, points=points, provisions=("s.31(1)(a)", "s.43(2)"))
    findings = run("public-interest-missing", ctx)
    assert [(f.provision, f.severity) for f in findings] == [("s.43(2)", Severity.WARNING)]


def test_absolute_exemptions_need_no_public_interest_test():
    text = letter("reasons_given.txt")
    points = [point(text, "1", D.HELD_PARTLY_DISCLOSED, "We hold this information", ("s.41",))]
    assert run("public-interest-missing", context(text, points=points, provisions=("s.41",))) == []
