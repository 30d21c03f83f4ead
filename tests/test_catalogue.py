"""The provisions catalogue: the packaged data is complete and the loader rejects bad files."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from workbench.catalogue import Catalogue, load_catalogue
from workbench.errors import CatalogueError, CitationError


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_catalogue()


FOIA_REQUIRED = [
    "s.12", "s.14(1)", "s.14(2)", "s.21", "s.22", "s.22A", "s.23", "s.24", "s.26",
    "s.27(1)", "s.27(2)", "s.28", "s.29", "s.30(1)", "s.30(2)", "s.31",
    *[f"s.31(1)({c})" for c in "abcdefghi"],
    "s.32", "s.33", "s.34", "s.35", "s.36", "s.37", "s.38", "s.39", "s.40(1)", "s.40(2)",
    "s.41", "s.42", "s.43(1)", "s.43(2)", "s.44",
]  # fmt: skip
EIR_REQUIRED = [
    *[f"reg.12(4)({c})" for c in "abcde"],
    *[f"reg.12(5)({c})" for c in "abcdefg"],
    "reg.13",
]
FOISA_REQUIRED = [
    "foisa.s.12", "foisa.s.14", *[f"foisa.s.{n}" for n in range(25, 42)],
    "foisa.s.30(a)", "foisa.s.30(b)(i)", "foisa.s.30(b)(ii)", "foisa.s.30(c)",
    "foisa.s.38(1)(a)", "foisa.s.38(1)(b)",
]  # fmt: skip


# --------------------------------------------------------------------------- packaged data


def test_default_catalogue_is_loaded_once(cat: Catalogue) -> None:
    assert len(cat) > 80
    assert load_catalogue() is cat


@pytest.mark.parametrize("pid", FOIA_REQUIRED + EIR_REQUIRED + FOISA_REQUIRED)
def test_required_provision_present(cat: Catalogue, pid: str) -> None:
    assert pid in cat


@pytest.mark.parametrize(
    "section", [n for n in range(21, 45) if n != 25]
)  # s.25 is not an exemption
def test_every_foia_section_21_to_44_present_directly_or_by_subsection(
    cat: Catalogue, section: int
) -> None:
    root = f"s.{section}"
    assert root in cat or any(i.startswith(root + "(") for i in cat.ids)


def test_every_provision_has_questions_directly_or_via_parent(cat: Catalogue) -> None:
    for pid in cat.ids:
        assert cat.questions_for(pid), pid


def test_regime_matches_id_prefix(cat: Catalogue) -> None:
    for p in cat.provisions:
        prefixes = {"foisa.": "FOISA", "eisr.": "EISR", "reg.": "EIR"}
        expected = next((r for pre, r in prefixes.items() if p.id.startswith(pre)), "FOIA")
        assert p.regime == expected, p.id


@pytest.mark.parametrize(
    ("pid", "ncnd"),
    [("s.40(2)", "s.40(5B)"), ("s.40(1)", "s.40(5A)"), ("s.31", "s.31(3)"), ("s.43", "s.43(3)"),
     ("s.43(2)", "s.43(3)"), ("s.31(1)(a)", "s.31(3)"), ("s.23", "s.23(5)"),
     ("reg.13", "reg.13(5A)"), ("reg.12(5)(a)", "reg.12(6)"), ("s.21", None), ("s.12", None)],
)  # fmt: skip
def test_ncnd_limbs(cat: Catalogue, pid: str, ncnd: str | None) -> None:
    assert cat.get(pid).ncnd_provision == ncnd
    if ncnd:
        assert ncnd in cat


@pytest.mark.parametrize(
    ("pid", "kind", "absolute", "test", "pit"),
    [
        ("s.12", "procedural", None, "procedural", False),
        ("s.14(1)", "procedural", None, "procedural", False),
        ("s.21", "exemption", True, "class", False),
        ("s.22", "exemption", False, "class", True),
        ("s.31(1)(b)", "exemption", False, "prejudice", True),
        ("s.36", "exemption", False, "qualified_person", True),
        ("s.40(2)", "exemption", True, "lawfulness", False),
        ("s.41", "exemption", True, "conditions", False),
        ("s.43(2)", "exemption", False, "prejudice", True),
        ("reg.12(4)(b)", "procedural", False, "procedural", True),
        ("reg.12(5)(b)", "exception", False, "prejudice", True),
        ("reg.13", "exception", True, "lawfulness", False),
        ("foisa.s.30(b)(i)", "exemption", False, "harm", True),
    ],
)
def test_provision_attributes(
    cat: Catalogue, pid: str, kind: str, absolute: bool | None, test: str, pit: bool
) -> None:
    p = cat.get(pid)
    assert (p.kind, p.absolute, p.test, p.public_interest_test) == (kind, absolute, test, pit)


@pytest.mark.parametrize("pid", ["s.27(2)", "s.37(1)(b)", "s.43(1)", "s.22A", "foisa.s.38(1)(b)"])
def test_unconfirmed_material_is_marked(cat: Catalogue, pid: str) -> None:
    assert cat.get(pid).confirmed is False


def test_foisa_entries_are_confirmed_only_with_a_primary_source(cat: Catalogue) -> None:
    for p in cat.by_regime("FOISA"):
        if p.confirmed:
            assert (p.source or "").startswith("https://www.legislation.gov.uk/"), p.id


def test_question_sources_resolve_to_urls_or_case_citations(cat: Catalogue) -> None:
    citation = r"\bv\b.*(\[\d{4}\]|EA/\d{4}/\d{4})"
    for p in cat.provisions:
        if p.source is not None:
            assert p.source.startswith("http"), p.id
        for q in p.questions:
            if q.source is not None:
                value = cat.source_url(q.source) or ""
                assert value.startswith("http") or re.search(citation, value), (p.id, q.id)


def test_by_regime_filters_and_rejects_unknown(cat: Catalogue) -> None:
    eir = cat.by_regime("eir")
    assert eir and all(p.regime == "EIR" for p in eir)
    with pytest.raises(CitationError, match="unknown regime"):
        cat.by_regime("GDPR")


def test_aliases(cat: Catalogue) -> None:
    assert cat.by_alias("LPP").id == "s.42"
    assert cat.by_alias("Commercial Interests").id == "s.43(2)"
    assert cat.by_alias("no such name") is None


# --------------------------------------------------------------------------- hierarchy


@pytest.mark.parametrize(
    ("pid", "parent"),
    [("s.31(1)(a)", "s.31"), ("s.40(3A)(a)", "s.40"), ("s.40(2)(a)", "s.40(2)"),
     ("foisa.s.30(b)(i)", "foisa.s.30"), ("s.12", None), ("reg.12(5)(b)", None)],
)  # fmt: skip
def test_parent_of(cat: Catalogue, pid: str, parent: str | None) -> None:
    assert cat.parent_of(pid) == parent


def test_sub_provision_falls_back_to_parent_questions(cat: Catalogue) -> None:
    assert cat.get("s.31(1)(a)").questions == ()
    assert cat.questions_for("s.31(1)(a)") == cat.get("s.31").questions
    assert cat.questions_for("s.40(2)(a)") == cat.get("s.40(2)").questions


def test_get_unknown_suggests(cat: Catalogue) -> None:
    with pytest.raises(CitationError, match=r"did you mean s\.40\(2\)"):
        cat.get("s40(2)")
    with pytest.raises(CitationError):
        cat.questions_for("s.99")


def test_contains(cat: Catalogue) -> None:
    assert "s.40(2)" in cat
    assert "s.40(3A)" not in cat
    assert 42 not in cat


# --------------------------------------------------------------------------- applies_if


def _visible(cat: Catalogue, pid: str, answers: dict[str, str]) -> list[str]:
    return [q.id for q in cat.applicable_questions(pid, answers)]


#: Questions shown once the information is someone else's personal data: identifiability,
#: the deceased, the principle and the data protection law at the date of the response.
_PD_YES = ["personal_data", "identifiable", "deceased", "principle", "law_at_date"]


@pytest.mark.parametrize("pid", ["s.40(2)", "reg.13", "foisa.s.38(1)(b)"])
@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({}, ["personal_data", "deceased", "notice_shows_steps"]),
        ({"personal_data": "no"}, ["personal_data", "deceased", "notice_shows_steps"]),
        ({"personal_data": "yes"},
         [*_PD_YES, "legitimate_interest", "special_category", "notice_shows_steps"]),
        ({"personal_data": "yes", "legitimate_interest": "no", "reasonably_necessary": "yes"},
         [*_PD_YES, "legitimate_interest", "special_category", "notice_shows_steps"]),
        ({"personal_data": "yes", "legitimate_interest": "yes"},
         [*_PD_YES, "legitimate_interest", "reasonably_necessary", "special_category",
          "notice_shows_steps"]),
        ({"personal_data": "Yes", "legitimate_interest": "YES", "reasonably_necessary": " yes "},
         [*_PD_YES, "legitimate_interest", "reasonably_necessary", "balance_favours_subject",
          "special_category", "notice_shows_steps"]),
        # a stale "yes" further down the chain does not keep a question showing
        ({"personal_data": "no", "legitimate_interest": "yes", "reasonably_necessary": "yes"},
         ["personal_data", "deceased", "notice_shows_steps"]),
        ({"personal_data": "yes", "legitimate_interest": "unsure"},
         [*_PD_YES, "legitimate_interest", "special_category", "notice_shows_steps"]),
        # unsure whether it is personal data: ask about identifiability
        ({"personal_data": "unsure"},
         ["personal_data", "identifiable", "deceased", "notice_shows_steps"]),
    ],
)  # fmt: skip
def test_personal_data_walk(
    cat: Catalogue, pid: str, answers: dict[str, str], expected: list[str]
) -> None:
    assert _visible(cat, pid, answers) == expected


def test_applicable_questions_is_pure(cat: Catalogue) -> None:
    answers = {"personal_data": "yes", "legitimate_interest": "yes", "special_category": "no"}
    before = dict(answers)
    first = _visible(cat, "s.40(2)", answers)
    assert answers == before
    changed = {**answers, "legitimate_interest": "no"}
    second = _visible(cat, "s.40(2)", changed)
    assert "reasonably_necessary" in first and "reasonably_necessary" not in second
    assert "special_category" in second  # unrelated question unaffected
    assert answers == before


def test_prejudice_questions_walk(cat: Catalogue) -> None:
    shown = _visible(cat, "s.43(2)", {"prejudice_interest": "yes", "prejudice_real": "yes"})
    assert "prejudice_likelihood" in shown
    assert "pit_outcome" in shown
    likelihood = next(q for q in cat.questions_for("s.43(2)") if q.id == "prejudice_likelihood")
    assert likelihood.answers == ("would", "would_be_likely", "neither", "unsure")
    assert "prejudice_likelihood" not in _visible(cat, "s.43(2)", {"prejudice_interest": "no"})


def test_s12_questions_cover_the_cost_rules(cat: Catalogue) -> None:
    ids = [q.id for q in cat.questions_for("s.12")]
    for wanted in ("cost_estimate", "cost_activities", "cost_limit", "cost_aggregation_valid",
                   "cost_s16_advice"):  # fmt: skip
        assert wanted in ids
    assert "cost_aggregation_valid" not in _visible(cat, "s.12", {"cost_aggregated": "no"})
    assert "cost_aggregation_valid" in _visible(cat, "s.12", {"cost_aggregated": "yes"})


def test_include_applies_if_is_given_to_included_questions(cat: Catalogue) -> None:
    assert "pit_outcome" not in _visible(cat, "s.36", {"s36_parliament": "yes"})
    assert "pit_outcome" in _visible(cat, "s.36", {"s36_parliament": "no"})


# --------------------------------------------------------------------------- invalid files

VALID: dict[str, Any] = {
    "version": 1,
    "sources": {"SRC": "https://example.org/guide"},
    "templates": {"pit": [{"id": "pit_outcome", "text": "Balance?", "help": "Weigh it."}]},
    "provisions": [
        {
            "id": "s.40(2)",
            "regime": "FOIA",
            "title": "Third-party personal data",
            "kind": "exemption",
            "absolute": True,
            "test": "lawfulness",
            "public_interest_test": False,
            "ncnd_provision": "s.40(5B)",
            "questions": [
                {"id": "personal_data", "text": "Personal data?", "help": "Check.",
                 "source": "SRC"},
                {"id": "legitimate_interest", "text": "Interest?", "help": "Step 1.",
                 "applies_if": {"question": "personal_data", "answer": "yes"}},
            ],
        },
        {"id": "s.40(5B)", "title": "NCND", "kind": "exemption", "absolute": True,
         "test": "lawfulness", "public_interest_test": False, "questions": [{"include": "pit"}]},
        {"id": "s.40(2)(a)", "title": "A sub-provision"},
    ],
}  # fmt: skip


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "provisions.yaml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data), encoding="utf-8")
    return path


def test_minimal_valid_file_loads_and_inherits(tmp_path: Path) -> None:
    cat = load_catalogue(_write(tmp_path, VALID))
    sub = cat.get("s.40(2)(a)")
    assert (sub.regime, sub.kind, sub.absolute, sub.test) == (
        "FOIA",
        "exemption",
        True,
        "lawfulness",
    )
    assert sub.ncnd_provision == "s.40(5B)"
    assert [q.id for q in cat.questions_for("s.40(5B)")] == ["pit_outcome"]
    assert [q.id for q in cat.applicable_questions("s.40(2)(a)", {})] == ["personal_data"]


def test_unquoted_yes_in_yaml_means_yes(tmp_path: Path) -> None:
    text = yaml.safe_dump(VALID).replace("answer: 'yes'", "answer: yes")
    assert "answer: yes" in text
    cat = load_catalogue(_write(tmp_path, text))
    assert [q.id for q in cat.applicable_questions("s.40(2)", {"personal_data": "yes"})] == [
        "personal_data",
        "legitimate_interest",
    ]


def _mutate(path: str, value: Any) -> dict[str, Any]:
    """Copy VALID and set a dotted path (ints index lists); value DELETE removes the key."""
    data = copy.deepcopy(VALID)
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    target = data
    for key in keys[:-1]:
        target = target[key]
    if value is DELETE:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value
    return data


DELETE = object()
P0 = "provisions.0"
Q1 = f"{P0}.questions.1"


@pytest.mark.parametrize(
    ("path", "value", "must_mention"),
    [
        (f"{P0}.colour", "red", ["colour", "s.40(2)"]),
        (f"{Q1}.colour", "red", ["colour", "questions[1]"]),
        ("colour", "red", ["colour"]),
        (f"{P0}.kind", "loophole", ["kind", "s.40(2)"]),
        (f"{P0}.title", DELETE, ["title", "s.40(2)"]),
        (f"{P0}.regime", "EIR", ["regime", "s.40(2)"]),
        (f"{P0}.id", "s 40(2)", ["id", "s 40(2)"]),
        (f"{P0}.ncnd_provision", "s.40(9)", ["ncnd_provision", "s.40(9)"]),
        (f"{Q1}.applies_if", {"question": "no_such_question", "answer": "yes"},
         ["applies_if", "no_such_question"]),
        (f"{Q1}.applies_if", {"question": "personal_data", "answer": "perhaps"},
         ["applies_if", "perhaps"]),
        (f"{Q1}.id", "personal_data", ["duplicate question id", "personal_data"]),
        (f"{Q1}.source", "NOPE", ["source", "NOPE"]),
        (f"{Q1}.answers", ["yes", "Yes please"], ["answers", "Yes please"]),
        ("provisions.1.questions", [{"include": "missing"}], ["include", "missing"]),
        ("provisions.1.id", "s.40(2)", ["duplicate id", "s.40(2)"]),
        ("provisions.2", {**VALID["provisions"][1], "id": "s.99", "questions": []},
         ["questions", "s.99"]),
    ],
)  # fmt: skip
def test_invalid_file_names_file_and_key(
    tmp_path: Path, path: str, value: Any, must_mention: list[str]
) -> None:
    bad = _write(tmp_path, _mutate(path, value))
    with pytest.raises(CatalogueError) as info:
        load_catalogue(bad)
    message = str(info.value)
    assert str(bad) in message
    for fragment in must_mention:
        assert fragment in message


def test_yaml_syntax_error(tmp_path: Path) -> None:
    bad = _write(tmp_path, "provisions: [\n  - id: s.40(2\n")
    with pytest.raises(CatalogueError, match="not valid YAML") as info:
        load_catalogue(bad)
    assert info.value.path == str(bad)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="cannot read"):
        load_catalogue(tmp_path / "absent.yaml")
