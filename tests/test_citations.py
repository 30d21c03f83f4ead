"""Citation parsing: the ways letters cite exemptions, and the things that are not exemptions."""

from __future__ import annotations

import pytest

from workbench.catalogue import load_catalogue
from workbench.citations import Citation, cited_ids, is_exemption, normalise, parse_citations
from workbench.errors import CitationError


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("section 40(2) of the FOIA", None, ["s.40(2)"]),
        ("s.43(2)", None, ["s.43(2)"]),
        ("s43(2)", None, ["s.43(2)"]),
        ("Section22 of the Act", None, ["s.22"]),  # a PDF copied to text lost the space
        ("S.40(2)", None, ["s.40(2)"]),
        ("Section 31 (1) (a)", None, ["s.31(1)(a)"]),
        ("sections 40(2) and 41", None, ["s.40(2)", "s.41"]),
        ("Sections 40(2) & 41", None, ["s.40(2)", "s.41"]),
        ("section 40(2), 41 and 43(2) FOIA", None, ["s.40(2)", "s.41", "s.43(2)"]),
        ("s.40(2) and s.41", None, ["s.40(2)", "s.41"]),
        ("section 40(2) and (3A)", None, ["s.40(2)"]),
        ("regulation 12(5)(b) of the EIR", None, ["reg.12(5)(b)"]),
        ("Regulation 13", None, ["reg.13"]),
        ("reg. 12(4)(e)", None, ["reg.12(4)(e)"]),
        ("reg 13(5A)", None, ["reg.13(5A)"]),
        ("section 38(1)(b) of FOISA", None, ["foisa.s.38(1)(b)"]),
        ("section 38(1)(b)", "FOISA", ["foisa.s.38(1)(b)"]),
        ("section 38(1)(b)", None, ["s.38(1)(b)"]),
        ("section 40(2) of the FOIA", "FOISA", ["s.40(2)"]),
        ("Under the Freedom of Information (Scotland) Act 2002, section 38(1)(b)", None,
         ["foisa.s.38(1)(b)"]),
        ("section 30(b)(i) and (ii)", "FOISA", ["foisa.s.30(b)(i)", "foisa.s.30(b)(ii)"]),
        ("exemptions at 31(1)(a) and (b)", None, ["s.31(1)(a)", "s.31(1)(b)"]),
        ("exceptions at 12(5)(b) and (e)", None, ["reg.12(5)(b)", "reg.12(5)(e)"]),
        ("the exemption at 12(4)(e)", "EIR", ["reg.12(4)(e)"]),
        ("section 31(1)(h) and (i)", None, ["s.31(1)(h)", "s.31(1)(i)"]),
        ("Section 31 (1)(a)(b) - Law Enforcement", None, ["s.31(1)(a)", "s.31(1)(b)"]),
        (
            "an exemption under sections;\n  \u2022 29(1)(b) (Ministerial communications),\n"
            "  \u2022 30(c) (prejudice to (or likely prejudice to) public affairs) and\n"
            "  \u2022 38(1)(b) (personal information)\nof FOISA applies",
            "FOISA",
            ["foisa.s.29(1)(b)", "foisa.s.30(c)", "foisa.s.38(1)(b)"],
        ),
        ("section 36(2)(b)(i) and (ii)", None, ["s.36(2)(b)(i)", "s.36(2)(b)(ii)"]),
        ("section 40(2) by virtue of 40(3A)(a)", None, ["s.40(2)"]),
        ("section 40(2) of the FOIA by virtue of section 40(3A)(a)", None, ["s.40(2)"]),
        ("section 40(3A)(a)", None, ["s.40(3A)(a)"]),
        ("We rely on section 40(2). Section 40(3A)(a) is met.", None, ["s.40(2)", "s.40(3A)(a)"]),
        ("regulation 13 by virtue of regulation 13(2A)", None, ["reg.13"]),
        ("Section 14(1)", None, ["s.14(1)"]),
        ("s.12", None, ["s.12"]),
        ("s.22A", None, ["s.22A"]),
        ("section 43 of the Freedom of Information Act 2000", None, ["s.43"]),
        ("s.40(2)(a)", None, ["s.40(2)(a)"]),
        ("section 40 (2) of the\nFreedom of Information Act", None, ["s.40(2)"]),
        ("section 40(2) and regulation 13", None, ["s.40(2)", "reg.13"]),
        ("Article 6(1)(f) of the UK GDPR and section 40(2)", None, ["s.40(2)"]),
        ("under the Act, section 41", None, ["s.41"]),
        # A plural keyword's list with each item named without brackets.
        (
            "exceptions under regulations 12 (5)(d) confidentiality of proceedings and "
            "13(1) – third party personal data of the EIRs apply",
            None,
            ["reg.12(5)(d)", "reg.13(1)"],
        ),
        ("sections 43(2) commercial interests and 41 confidences", None, ["s.43(2)", "s.41"]),
        ("section 12 cost limit and 20 working days", None, ["s.12"]),
    ],
)  # fmt: skip
def test_parses(text: str, hint: str | None, expected: list[str]) -> None:
    assert [c.id for c in parse_citations(text, hint)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "s.17",
        "s.50",
        "section 17 of the FOIA",
        "Section 1(1) of the Act",
        "section 10(1)",
        "section 16 advice and assistance",
        "section 45 Code of Practice",
        "section 77",
        "regulation 11",
        "reg. 5(2)",
        "section 21 of FOISA",
        "section 20",
        "section 2 of the Data Protection Act 2018",
        "Data Protection Act 2018, section 40",
        "section 41 of the DPA",
        "section 43 of the Localism Act 2011",
        "regulation 4 of the Fees Regulations",
        "sections 21 to 44",
        "section 40.1 of our policy",
        "the Council's 40 requests",
        "subsection (2)",
        "section 99",
        "paragraph 5.3",
        "Stocksbridge Park S36 1FY",  # a Sheffield postcode, not section 36
    ],
)  # fmt: skip
def test_not_exemptions(text: str) -> None:
    assert parse_citations(text) == []


def test_section_21_of_foisa_is_procedural_but_foia_21_is_not() -> None:
    assert cited_ids("section 21", "FOISA") == []
    assert cited_ids("section 21") == ["s.21"]


def test_spans_quote_the_text() -> None:
    text = "We withheld it under sections 40(2) and 41 of the FOIA, and s43(2)."
    found = parse_citations(text)
    assert found == [
        Citation("s.40(2)", 21, 35, "sections 40(2)"),
        Citation("s.41", 40, 42, "41"),
        Citation("s.43(2)", 60, 66, "s43(2)"),
    ]
    for c in found:
        assert text[c.start : c.end] == c.quote


def test_condition_grows_the_span_of_its_provision() -> None:
    text = "relying on section 40(2) and (3A) here"
    (only,) = parse_citations(text)
    assert only.quote == "section 40(2) and (3A)"


def test_sub_item_quote() -> None:
    text = "the exemptions at 31(1)(a) and (b) apply"
    quotes = [c.quote for c in parse_citations(text)]
    assert quotes == ["31(1)(a)", "(b)"]


def test_citation_is_frozen() -> None:
    (c,) = parse_citations("s.12")
    with pytest.raises(AttributeError):
        c.id = "s.14"  # type: ignore[misc]


def test_cited_ids_dedupes_in_first_seen_order() -> None:
    letter = (
        "Dear Ms Smith,\n\nWe refused your request under section 43(2) of the FOIA and "
        "section 40(2). Section 17 requires us to explain why. Section 43(2) is a qualified "
        "exemption and we have considered the public interest. Section 40(2) applies by "
        "virtue of section 40(3A)(a). You may complain under section 50.\n"
    )
    assert cited_ids(letter) == ["s.43(2)", "s.40(2)"]


def test_every_returned_id_is_known_to_the_catalogue() -> None:
    cat = load_catalogue()
    text = "s.31(1)(a), s.40(3A)(a), reg.12(5)(e), section 38(1)(b) of FOISA, s.99, reg 20"
    ids = cited_ids(text)
    assert ids == ["s.31(1)(a)", "s.40(3A)(a)", "reg.12(5)(e)", "foisa.s.38(1)(b)"]
    assert all(cat.knows(i) for i in ids)


@pytest.mark.parametrize(
    ("raw", "regime", "expected"),
    [
        ("Section 31 (1) (a)", None, "s.31(1)(a)"),
        ("s43(2)", None, "s.43(2)"),
        ("reg. 12(4)(e)", None, "reg.12(4)(e)"),
        ("Regulation 13", "FOIA", "reg.13"),
        ("40(2)", "FOISA", "foisa.s.40(2)"),
        ("12(5)(b)", "EIR", "reg.12(5)(b)"),
        ("s.38(1)(b)", "FOISA", "foisa.s.38(1)(b)"),
        ("foisa.s.38(1)(b)", None, "foisa.s.38(1)(b)"),
        ("s.40(2)", "eir", "s.40(2)"),
        ("section 40(3A)(A)", None, "s.40(3A)(a)"),
    ],
)
def test_normalise(raw: str, regime: str | None, expected: str) -> None:
    assert normalise(raw, regime) == expected


@pytest.mark.parametrize("raw", ["", "the commercial interests exemption", "section forty"])
def test_normalise_rejects_unreadable(raw: str) -> None:
    with pytest.raises(CitationError):
        normalise(raw)


@pytest.mark.parametrize(
    ("pid", "expected"),
    [("s.40(2)", True), ("s.12", True), ("s.31(1)(a)", True), ("s.40(3A)(a)", True),
     ("reg.13", True), ("foisa.s.30(c)", True), ("s.17", False), ("s.1(1)", False),
     ("s.50", False), ("reg.11", False), ("foisa.s.47", False), ("s.99", False),
     ("nonsense", False)],
)  # fmt: skip
def test_is_exemption(pid: str, expected: bool) -> None:
    assert is_exemption(pid) is expected


def test_unknown_regime_hint_rejected() -> None:
    with pytest.raises(CitationError, match="unknown regime"):
        parse_citations("s.40(2)", "GDPR")


def test_procedural_sections_excluded_even_if_a_catalogue_lists_them(tmp_path) -> None:
    entry = (
        "  - {{id: {pid}, regime: FOIA, title: T, kind: procedural, absolute: null, "
        "test: procedural, public_interest_test: false, "
        "questions: [{{id: q, text: Q, help: H}}]}}\n"
    )
    path = tmp_path / "provisions.yaml"
    path.write_text(
        "version: 1\nprovisions:\n" + entry.format(pid="s.17") + entry.format(pid="s.12")
    )
    cat = load_catalogue(path)
    assert "s.17" in cat
    assert is_exemption("s.17", cat) is False
    assert cited_ids("sections 17 and 12", catalogue=cat) == ["s.12"]


def test_a_section_quoted_in_the_statutes_own_form_is_read_in_the_letters_regime():
    text = "Section 43 states:\n\n43.–(2)  Information is exempt information if its disclosure"
    found = parse_citations(text, "FOIA")
    assert [c.id for c in found] == ["s.43", "s.43(2)"]
    assert found[1].quote == "43.–(2)"


def test_a_statute_heading_with_no_regime_to_read_it_in_is_ignored():
    assert cited_ids("43.–(2)  Information is exempt information if ...") == []
