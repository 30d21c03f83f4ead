"""A ground's provisions are normalised by the project's citation parser, in the case's regime."""

from __future__ import annotations

import pytest

from workbench.errors import CitationError
from workbench.grounds import read_grounds


def _provisions(text: str, regime: str | None = None) -> list[tuple[str, ...]]:
    return [g.provisions for g in read_grounds(text, regime)]


@pytest.mark.parametrize(
    ("text", "regime", "expected"),
    [
        ("The exemption in section 40(2) of the FOIA does not apply.", None, ("s.40(2)",)),
        ("I do not accept that section 40(2) applies.", "FOISA", ("foisa.s.40(2)",)),
        ("The exception in regulation 12(5)(b) does not apply here.", "EIR", ("reg.12(5)(b)",)),
        ("The exception at regulation 10(5)(f) does not apply.", "EISR", ("eisr.reg.10(5)(f)",)),
        # a paragraph letter written without its brackets
        ("Section 38(1)b does not apply to the names of officials.", "FOISA",
         ("foisa.s.38(1)(b)",)),
    ],
)  # fmt: skip
def test_provisions_named_in_a_ground_are_normalised(text, regime, expected):
    assert _provisions(text, regime) == [expected]


def test_procedural_sections_a_requester_argues_about_are_kept():
    text = (
        "You refused the minutes under section 27(1) of FOIA. Section 17(1)(c) of the Act "
        "requires you to state why the exemption applies, and you did not."
    )
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["other"]
    assert set(grounds[0].provisions) == {"s.17(1)(c)", "s.27(1)"}


def test_a_ground_about_these_exemptions_takes_the_ones_just_named():
    text = (
        "Far too much information has been redacted. This is particularly the case for the "
        "section 30 and 33 exemptions. There is a clear presumption in favour of disclosure "
        "with both of these exemptions that has not been followed."
    )
    grounds = read_grounds(text, "FOISA")
    assert [g.category for g in grounds] == ["excessive_redaction", "public_interest"]
    assert [g.provisions for g in grounds] == [("foisa.s.30", "foisa.s.33")] * 2


def test_a_section_named_again_without_its_subsection_is_the_same_provision():
    text = (
        "The minutes were refused under section 27(1) of FOIA. I note that section 27 is "
        "subject to the public interest test, and the public interest favours disclosure."
    )
    assert _provisions(text) == [("s.27(1)",)]


def test_sections_of_other_acts_are_not_provisions_of_the_access_regimes():
    text = "The exemption does not apply: section 2 of the Data Protection Act 2018 is irrelevant."
    assert _provisions(text) == [()]


def test_an_unknown_regime_is_refused_in_one_line():
    with pytest.raises(CitationError, match="unknown regime 'FOI'; expected one of FOIA, EIR"):
        read_grounds("The exemptions do not apply.", "FOI")


@pytest.mark.parametrize(
    ("text", "regime", "category"),
    [
        # FOISA s.18 and EISR reg.10(8): refusing to confirm or deny
        ("I do not accept the decision under section 18 of FOISA.", "FOISA", "ncnd_disputed"),
        ("Regulation 10(8) cannot apply to a planning file.", "EISR", "ncnd_disputed"),
        # FOISA s.17 and EISR reg.10(4)(a): the notice that information is not held
        ("I disagree with your section 17 notice.", "FOISA", "more_information_held"),
        ("I do not accept that regulation 10(4)(a) applies to the survey data.", "EISR",
         "more_information_held"),
    ],
)  # fmt: skip
def test_a_provision_that_is_not_an_exemption_names_the_decision_disputed(text, regime, category):
    assert [g.category for g in read_grounds(text, regime)] == [category]
