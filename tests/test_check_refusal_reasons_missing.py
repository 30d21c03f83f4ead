"""refusal-reasons-missing: an exemption named for withheld information but no reason given."""

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D


def _ctx(name: str, determination=D.HELD_PARTLY_DISCLOSED, provision="s.41"):
    text = letter(name)
    points = [point(text, "1", determination, "We hold this information", (provision,))]
    return context(text, points=points, provisions=(provision,))


def test_a_bare_citation_of_section_41_is_an_issue():
    [finding] = run("refusal-reasons-missing", _ctx("reasons_missing.txt"))
    assert finding.severity is Severity.ISSUE
    assert finding.provision == "s.41"
    assert "s.17(1)(c)" in finding.explanation
    assert finding.evidence[0].quote.startswith("Some of the correspondence has been withheld")


def test_an_explained_confidentiality_claim_satisfies_the_check():
    assert run("refusal-reasons-missing", _ctx("reasons_given.txt")) == []


def test_a_neither_confirm_nor_deny_answer_is_not_asked_for_reasons():
    # s.17(4): the explanation may be withheld where it would give the answer away.
    ctx = _ctx("reasons_missing.txt", determination=D.NCND, provision="s.41(2)")
    assert run("refusal-reasons-missing", ctx) == []
