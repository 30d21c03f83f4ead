"""ncnd-provision-missing: neither confirm nor deny without the NCND limb cited."""

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D

ANSWER = "The force can neither confirm nor deny whether it holds the information"


def test_ncnd_citing_only_the_disclosure_limb_is_an_issue_suggesting_the_ncnd_limb():
    text = letter("ncnd_missing.txt")
    points = [point(text, "1", D.NCND, ANSWER, ("s.31(1)(a)",))]
    [finding] = run(
        "ncnd-provision-missing", context(text, points=points, provisions=("s.31(1)(a)",))
    )
    assert finding.severity is Severity.ISSUE
    assert "s.31(3)" in finding.explanation
    assert finding.evidence[0].quote.startswith(ANSWER)


def test_ncnd_wording_alone_triggers_the_check_even_if_no_point_was_read_as_ncnd():
    text = letter("ncnd_missing.txt")
    [finding] = run("ncnd-provision-missing", context(text, provisions=("s.31(1)(a)",)))
    assert finding.severity is Severity.ISSUE


def test_ncnd_citing_section_31_3_satisfies_the_check():
    text = letter("ncnd_cited.txt")
    points = [point(text, "1", D.NCND, ANSWER, ("s.31(3)", "s.31(1)(a)"))]
    ctx = context(text, points=points, provisions=("s.31(3)", "s.31(1)(a)"))
    assert run("ncnd-provision-missing", ctx) == []


def test_the_pre_2018_numbering_s40_5_counts_as_an_ncnd_limb():
    text = "We can neither confirm nor deny that we hold this information (section 40(5) FOIA)."
    assert run("ncnd-provision-missing", context(text, provisions=("s.40(5)",))) == []


def test_a_letter_that_confirms_or_denies_is_not_checked():
    text = letter("searches_missing.txt")
    assert run("ncnd-provision-missing", context(text)) == []


def test_trade_secrets_have_no_ncnd_limb_so_s43_3_is_not_suggested():
    """FOIA s.43(3) covers only the interests in s.43(2), not trade secrets in s.43(1)
    (issue 12 item 7)."""
    text = letter("ncnd_missing.txt")
    points = [point(text, "1", D.NCND, ANSWER, ("s.43(1)",))]
    [finding] = run("ncnd-provision-missing", context(text, points=points, provisions=("s.43(1)",)))
    assert "s.43(3)" not in finding.explanation
    # while a commercial-interests refusal is pointed to its NCND limb
    points = [point(text, "1", D.NCND, ANSWER, ("s.43(2)",))]
    [finding] = run("ncnd-provision-missing", context(text, points=points, provisions=("s.43(2)",)))
    assert "s.43(3)" in finding.explanation
