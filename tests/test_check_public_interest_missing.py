"""public-interest-missing: a qualified exemption cited with no public interest test."""

import datetime as dt

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


# --------------------------------------------------------------------------- per limb


def _withheld(name: str, provisions: tuple[str, ...], **kwargs):
    text = letter(name)
    points = [point(text, "1", D.HELD_WITHHELD, "We hold this information", provisions)]
    return context(text, points=points, provisions=provisions, **kwargs)


def test_s37_1_a_is_absolute_so_no_public_interest_test_is_asked_for():
    """FOIA s.2(3)(ea) (CRaG 2010 Sch 7 para 2; in force 19 January 2011, SI 2011/46): a
    letter citing s.37(1)(a) used to get a false "qualified exemption" issue (issue 12 item 1)."""
    ctx = _withheld("pit_s37_sovereign.txt", ("s.37(1)(a)",), received=dt.date(2019, 2, 20))
    assert run("public-interest-missing", ctx) == []


def test_s37_1_a_before_19_january_2011_was_qualified():
    """SI 2011/46 art 3: the absolute status starts on 19 January 2011."""
    ctx = _withheld("pit_s37_sovereign.txt", ("s.37(1)(a)",), received=dt.date(2010, 6, 1))
    [finding] = run("public-interest-missing", ctx)
    assert finding.severity is Severity.WARNING  # "public interest" named, not weighed


def test_s40_2_under_the_second_condition_needs_the_public_interest_test():
    """ICO section 40 guidance part four: the second condition (s.40(3B)) is not absolute,
    so a public interest test is needed even where it is met."""
    ctx = _withheld("pit_s40_second_condition.txt", ("s.40(2)",))
    [finding] = run("public-interest-missing", ctx)
    assert finding.severity is Severity.ISSUE
    assert finding.provision == "s.40(2)"


def test_a_bare_section_37_is_reported_as_not_checked():
    """The limbs of s.37 differ; without the limb the check cannot decide (information)."""
    text = letter("pit_s37_sovereign.txt").replace("section 37(1)(a)", "section 37")
    text = text.replace("Section 37(1)(a)", "Section 37")
    points = [point(text, "1", D.HELD_WITHHELD, "We hold this information", ("s.37",))]
    [finding] = run("public-interest-missing", context(text, points=points, provisions=("s.37",)))
    assert finding.severity is Severity.INFO
    assert "could not be checked" in finding.title


def test_a_foisa_letter_is_told_about_foisa_sections():
    """FOISA s.2(1)(b) and s.16(2): a FOISA letter gets FOISA citations, never FOIA's."""
    ctx = _withheld("pit_missing.txt", ("foisa.s.33(1)(b)",), regime="FOISA")
    [finding] = run("public-interest-missing", ctx)
    assert "FOISA s.2(1)(b) and s.16(2)" in finding.explanation
    assert "FOIA s.17" not in finding.explanation
