"""The catalogue states the law right: each rule checked against its primary source.

Each test names the source it encodes. They fail on the catalogue as it was before the
audit of issue 12 (a qualified s.37(1)(a), a s.30(1) open to regulatory investigations, an
unconfirmed reg 12(5) threshold, s.43(3) offered for trade secrets, blogs as sources ...).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from workbench.catalogue import Catalogue, load_catalogue

#: Hosts that are blogs, mirrors or retired government sites, not primary sources.
NOT_PRIMARY = (
    "foiwiki", "alexskene", "mysociety", "olliesemporium", "corporateaccountability",
    "whatdotheyknow", "foi.gov.uk", "dca.gov.uk", "juristeca", "panopticonblog",
    "dudley.gov.uk", "beacons-npa", "nas.gov.uk", "studylib", "wikisource", "bailii",
)  # fmt: skip


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_catalogue()


def _question_ids(cat: Catalogue, pid: str) -> list[str]:
    return [q.id for q in cat.questions_for(pid)]


def _all_text(cat: Catalogue, pid: str) -> str:
    entry = cat.resolve(pid)
    parts = [entry.title, entry.notes or ""]
    parts += [f"{q.text} {q.help}" for q in cat.questions_for(pid)]
    return " ".join(parts)


# --------------------------------------------------------------------------- which law


def test_the_catalogue_says_which_law_and_which_date_each_entry_follows(cat: Catalogue) -> None:
    """Every entry resolves to its regime's law text, with the date of the text followed."""
    for provision in cat.provisions:
        law = cat.law_for(provision.id)
        assert law is not None, provision.id
        assert law.url.startswith("https://www.legislation.gov.uk/"), provision.id
        assert isinstance(law.as_at, dt.date)


def test_sources_are_primary_not_blogs_mirrors_or_retired_sites(cat: Catalogue) -> None:
    """Issue 12 item 9: replace blogs, mirrors and retired sites with primary sources."""
    values = [*cat.sources.values(), *(p.source or "" for p in cat.provisions)]
    for value in values:
        assert not any(host in value for host in NOT_PRIMARY), value


# --------------------------------------------------------------------------- item 1


def test_s37_1_a_to_ab_are_absolute_and_need_no_public_interest_test(cat: Catalogue) -> None:
    """FOIA s.2(3)(ea), inserted by CRaG 2010 Sch 7 para 2, in force 19 January 2011
    (SI 2011/46 art 3): s.37(1)(a), (aa), (ab) are absolute."""
    for limb in ("s.37(1)(a)", "s.37(1)(aa)", "s.37(1)(ab)"):
        assert cat.public_interest_test(limb) is False, limb
        assert cat.get(limb).absolute_from == dt.date(2011, 1, 19)


def test_s37_1_a_was_qualified_before_19_january_2011(cat: Catalogue) -> None:
    """SI 2011/46 art 3: the absolute limbs apply from 19 January 2011 only."""
    assert cat.public_interest_test("s.37(1)(a)", received=dt.date(2010, 11, 1)) is True
    assert cat.public_interest_test("s.37(1)(a)", received=dt.date(2011, 1, 19)) is False


def test_other_s37_limbs_stay_qualified(cat: Catalogue) -> None:
    """FOIA s.2(3)(ea) lists only (a) to (ab): (ac), (ad) and (b) need the test."""
    for limb in ("s.37(1)(ac)", "s.37(1)(ad)", "s.37(1)(b)"):
        assert cat.public_interest_test(limb) is True, limb


def test_s37_2_is_absolute_only_with_the_absolute_limbs(cat: Catalogue) -> None:
    """FOIA s.2(3)(ea): "subsection (2) so far as relating to those paragraphs"."""
    assert cat.public_interest_test("s.37(2)", cited=["s.37(1)(a)"]) is False
    assert cat.public_interest_test("s.37(2)", cited=["s.37(1)(ad)"]) is True


def test_a_bare_section_37_cannot_be_decided_without_its_limb(cat: Catalogue) -> None:
    """The limbs differ, so "section 37" alone leaves the public interest test open."""
    assert cat.public_interest_test("s.37") is None


def test_s36_is_absolute_only_for_the_houses_of_parliament(cat: Catalogue) -> None:
    """FOIA s.2(3)(e): s.36 so far as relating to information held by either House."""
    assert cat.public_interest_test("s.36(2)(b)(i)") is True
    assert cat.public_interest_test("s.36(2)(b)(i)", holder="House of Lords") is False


def test_s40_2_is_absolute_under_the_first_condition_only(cat: Catalogue) -> None:
    """ICO section 40 guidance part four: the second condition (s.40(3B)) is not absolute;
    FOIA s.2(3) makes s.40(2) absolute only under the first condition."""
    assert cat.public_interest_test("s.40(2)") is False
    assert cat.public_interest_test("s.40(2)", cited=["s.40(3B)"]) is True
    assert cat.public_interest_test("s.40(2)", cited=["s.40(4A)"]) is True


@pytest.mark.parametrize(
    ("pid", "absolute"),
    [("foisa.s.32(1)(b)", False), ("foisa.s.33(1)(a)", False), ("foisa.s.36(2)", True),
     ("foisa.s.36(1)", False), ("foisa.s.37", True), ("foisa.s.38(1)(a)", True)],
)  # fmt: skip
def test_foisa_limbs_follow_section_2_2(cat: Catalogue, pid: str, absolute: bool) -> None:
    """FOISA s.2(2): ss.25, 26, 36(2), 37 and 38(1)(a), (c), (d) (and (b) under the first
    condition) are absolute; s.32(1)(b) and s.33(1)(a) are class-based but qualified."""
    assert cat.get(pid).absolute is absolute
    assert cat.public_interest_test(pid) is (not absolute)


def test_foisa_class_based_limbs(cat: Catalogue) -> None:
    """FOISA Part 2: s.32(1)(b) and s.33(1)(a) need no harm; s.32(1)(a), s.33(1)(b) do."""
    assert cat.get("foisa.s.32(1)(b)").test == "class"
    assert cat.get("foisa.s.33(1)(a)").test == "class"
    assert cat.get("foisa.s.32(1)(a)").test == "harm"
    assert cat.get("foisa.s.33(1)(b)").test == "harm"


# --------------------------------------------------------------------------- item 2


def test_s30_1_covers_criminal_investigations_only(cat: Catalogue) -> None:
    """FOIA s.30(1)(a)-(c) (legislation.gov.uk): criminal investigations and proceedings;
    regulatory and disciplinary ones go to s.31(1)(g) with s.31(2), or s.30(2)."""
    text = _all_text(cat, "s.30(1)")
    assert "criminal" in text and "s.31(1)(g)" in text
    assert "s30_regulatory_not_criminal" in _question_ids(cat, "s.30(1)")
    assert cat.get("s.30(2)").confirmed is True


# --------------------------------------------------------------------------- item 3


def test_reg_12_5_threshold_is_would_adversely_affect(cat: Catalogue) -> None:
    """Archer v IC and Salisbury DC, EA/2006/0037 (ICO LTT117): "would" = more probable than
    not; there is no "would be likely to" level under reg 12(5)."""
    question = next(q for q in cat.questions_for("reg.12(5)(b)") if q.id == "adverse_effect")
    assert question.confirmed is True
    assert "more probable than not" in question.text + question.help
    assert "would be likely to" in question.help


# --------------------------------------------------------------------------- item 4


def test_s38_is_read_as_prejudice(cat: Catalogue) -> None:
    """PETA v IC and University of Oxford, EA/2009/0076; ICO section 38 guidance: real
    endangerment with a causal link, whose health or safety, and likelihood."""
    ids = _question_ids(cat, "s.38")
    assert {"s38_who", "s38_endanger", "s38_likelihood"} <= set(ids)
    assert "causal link" in _all_text(cat, "s.38")


# --------------------------------------------------------------------------- item 5


def test_reg_12_5_f_has_its_three_statutory_conditions(cat: Catalogue) -> None:
    """EIR reg 12(5)(f)(i)-(iii): no legal obligation to supply; no other right to disclose;
    no consent."""
    ids = _question_ids(cat, "reg.12(5)(f)")
    assert {"r125f_no_obligation", "r125f_no_other_right", "r125f_no_consent"} <= set(ids)


def test_reg_12_4_d_asks_for_reg_14_4_particulars(cat: Catalogue) -> None:
    """EIR reg 14(4): name who is completing the material and when it will be finished."""
    assert "r124d_reg14_4" in _question_ids(cat, "reg.12(4)(d)")


def test_reg_12_4_e_includes_communications_between_departments(cat: Catalogue) -> None:
    """EIR reg 12(8) (quoted in the ICO's reg 12(4)(e) guidance)."""
    assert "12(8)" in _all_text(cat, "reg.12(4)(e)")


def test_reg_12_4_b_questions_follow_ico_guidance(cat: Catalogue) -> None:
    """ICO reg 12(4)(b) guidance: the Fees Regulations limit is a guide only; reg 9 advice;
    the reg 12(2) presumption (pit_eir); redaction time may count (unconfirmed)."""
    ids = _question_ids(cat, "reg.12(4)(b)")
    assert {"r124b_cost_guide", "r124b_redaction_time", "r124b_reg9_advice"} <= set(ids)
    assert "eir_presumption" in ids
    redaction = next(q for q in cat.questions_for("reg.12(4)(b)") if q.id == "r124b_redaction_time")
    assert redaction.confirmed is False


# --------------------------------------------------------------------------- item 6


def test_s12_aggregation_needs_one_person_or_people_in_concert(cat: Catalogue) -> None:
    """SI 2004/3244 reg 5: one person, or different persons who appear to be acting in concert
    or in pursuance of a campaign; same or similar information; 60 consecutive working days."""
    question = next(q for q in cat.questions_for("s.12") if q.id == "cost_aggregation_valid")
    assert "in concert" in question.text and "campaign" in question.text
    assert cat.source_url(question.source).endswith("/uksi/2004/3244/regulation/5")


def test_s12_2_cost_of_confirming_whether_held_has_its_own_entry(cat: Catalogue) -> None:
    """FOIA s.12(2): the duty to confirm or deny lapses only if confirming alone costs too much."""
    assert "s.12(2)" in cat
    assert "cost12_2_estimate" in _question_ids(cat, "s.12(2)")


def test_s14_1_burden_route_is_grossly_oppressive(cat: Catalogue) -> None:
    """ICO s.14 guidance (single burdensome request): a grossly oppressive burden."""
    question = next(q for q in cat.questions_for("s.14(1)") if q.id == "vex_grossly_oppressive")
    assert "grossly oppressive" in question.text


def test_s21_asks_for_the_exact_location(cat: Catalogue) -> None:
    """ICO section 21 guidance: direct the requester precisely to the information."""
    question = next(q for q in cat.questions_for("s.21") if q.id == "s21_location")
    assert "precisely" in question.help


# --------------------------------------------------------------------------- item 7


def test_s43_3_ncnd_applies_to_s43_2_only(cat: Catalogue) -> None:
    """FOIA s.43(3): confirming or denying would prejudice "the interests mentioned in
    subsection (2)"; there is no NCND limb for trade secrets."""
    assert cat.resolve("s.43(1)").ncnd_provision is None
    assert cat.resolve("s.43(2)").ncnd_provision == "s.43(3)"


def test_s23_and_s24_citation_question_accepts_proper_citations(cat: Catalogue) -> None:
    """ICO "How sections 23 and 24 interact": s.23(1)/s.24(1) in the alternative is accepted
    and s.23(5) with s.24(2) is expected; only both claimed for the same information is wrong."""
    ids = _question_ids(cat, "s.23")
    assert "s23_not_with_s24" not in ids
    question = next(q for q in cat.questions_for("s.23") if q.id == "s23_s24_citation")
    assert {"in_the_alternative", "ncnd_together"} <= set(question.answers)


# --------------------------------------------------------------------------- item 8


def test_personal_data_questions_cover_identifiability_deceased_and_the_law_at_the_date(
    cat: Catalogue,
) -> None:
    """ICO s.40 guidance part one (living individuals; the deceased); IC v Miller [2018] UKUT
    229 (AAC) (motivated intruder); Art 5(1)(a) and Art 9; FOIA s.40(8); DPA 1998 before
    25 May 2018."""
    for pid in ("s.40(2)", "reg.13", "foisa.s.38(1)(b)"):
        ids = _question_ids(cat, pid)
        assert {"identifiable", "deceased", "principle", "law_at_date", "special_category"} <= set(
            ids
        ), pid
    text = _all_text(cat, "s.40(2)")
    assert "motivated intruder" in text and "s.41" not in text or "section 41" in text
    assert "40(8)" in text and "25 May 2018" in text and "Article 9" in text


# --------------------------------------------------------------------------- item 9


def test_foisa_cost_limit_follows_ssi_2004_467(cat: Catalogue) -> None:
    """SSI 2004/467 reg 3 (locating, retrieving, providing; £15 an hour), reg 5 (£600),
    reg 6 (aggregation); FOISA s.15 (advice and assistance)."""
    text = _all_text(cat, "foisa.s.12")
    assert "£600" in text and "£15" in text and "locating, retrieving and providing" in text
    assert {"fcost_aggregated", "fcost_advice"} <= set(_question_ids(cat, "foisa.s.12"))
    assert cat.get("foisa.s.12").confirmed is True


def test_foisa_s18_lists_its_exemptions_and_both_public_interest_tests(cat: Catalogue) -> None:
    """FOISA s.18: ss.28 to 35, 38, 39(1), 41; the exemption's and the NCND public interest."""
    text = _all_text(cat, "foisa.s.18")
    assert "28 to 35, 38, 39(1) or 41" in text
    assert {"fncnd_listed", "fncnd_exempt_if_held", "fncnd_public_interest"} <= set(
        _question_ids(cat, "foisa.s.18")
    )


def test_foisa_s27_is_twelve_weeks_and_s27_2_research(cat: Catalogue) -> None:
    """FOISA s.27(1)(a): publication no later than twelve weeks after the request."""
    assert "twelve weeks" in _all_text(cat, "foisa.s.27")
    assert "foisa.s.27(2)" in cat


def test_foisa_s39_2_environmental_information(cat: Catalogue) -> None:
    """FOISA s.39(2): environmental information, qualified (not in s.2(2))."""
    assert "foisa.s.39(2)" in cat
    assert cat.public_interest_test("foisa.s.39(2)") is True


def test_foisa_entries_speak_of_foisa_not_foia(cat: Catalogue) -> None:
    """FOISA letters get FOISA citations: no FOISA question points the reviewer to FOIA."""
    for provision in cat.by_regime("FOISA"):
        if provision.id.startswith("foisa.s.38(1)(b)"):
            continue  # shares the third-party template, which names both Acts' sections
        for question in provision.questions:
            assert not re.search(r"\bFOIA\b", question.text + question.help), (
                provision.id,
                question.id,
            )
