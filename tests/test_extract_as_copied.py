"""A letter damaged the way copying damages it reads as the same letter: spread with extra
spaces (a justified PDF, a converter's leftovers), or broken by a PDF's page footers and
protective markings; and its evidence still points at the words as written."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from workbench.evaluate import letter_text
from workbench.parsing.extract import extract
from workbench.parsing.furniture import without_page_furniture
from workbench.parsing.spacing import single_spaced

LAYOUTS = Path(__file__).parent / "letters" / "structure"


def _double_spaced(text: str) -> str:
    return re.sub(r"(?<=\S) (?=\S)", "  ", text)


def _page_broken(text: str) -> str:
    """A PDF's footer and marking at the first paragraph break after every 12 lines. (A page
    that breaks inside a paragraph parts it for the reader as for anyone: not asked here.)"""
    out: list[str] = []
    since = 0
    for line in text.split("\n"):
        out.append(line)
        since += 1
        if since >= 12 and not line.strip():
            out += [f"Page {len(out) // 12 + 1} of 5", "", "OFFICIAL - SENSITIVE", ""]
            since = 0
    return "\n".join(out)


@functools.cache
def _reading(text: str) -> tuple:
    got = extract(text)
    return (
        got.kind,
        got.reference,
        got.date_received,
        got.date_of_response,
        tuple((p.label, p.determination, tuple(p.provisions)) for p in got.points),
    )


@pytest.mark.parametrize(
    "damage", [_double_spaced, _page_broken], ids=["two-spaces-between-words", "page-footers"]
)
def test_every_layout_letter_reads_the_same_when_damaged_by_copying(damage):
    differ = []
    for path in sorted(LAYOUTS.glob("*.txt")):
        text = letter_text(path.read_text(encoding="utf-8"))
        if _reading(damage(text)) != _reading(text):
            differ.append(path.name)
    assert differ == []


def test_page_footers_and_markings_are_blanked_and_nothing_else():
    text = (
        "We hold the diaries.\n\nPage 2 of 9\n\nOFFICIAL - SENSITIVE\n  NOT PROTECTIVELY MARKED\n"
        "Official meeting diaries are attached.\nThis page of 3 notes is official."
    )
    blanked = without_page_furniture(text)
    assert len(blanked) == len(text)
    assert blanked.split("\n") == [
        "We hold the diaries.",
        "",
        " " * len("Page 2 of 9"),
        "",
        " " * len("OFFICIAL - SENSITIVE"),
        " " * len("  NOT PROTECTIVELY MARKED"),
        "Official meeting diaries are attached.",
        "This page of 3 notes is official.",
    ]


def test_evidence_of_a_double_spaced_letter_is_quoted_from_the_text_as_written():
    text = _double_spaced(
        "Our ref: FOI 4410\n\nDear Ms Hale\n\nYou asked:\n\n1. How many parking fines were "
        "issued in 2023?\n2. The names of the officers who issued them.\n\nOur response:\n\n"
        "1. 4,120 fines were issued.\n2. This information is withheld under section 40(2) "
        "of the Act as it is the personal data of the officers.\n\nYours sincerely\n"
    )
    got = extract(text)
    assert [p.determination.value for p in got.points] == ["held_disclosed", "held_withheld"]
    assert got.points[1].provisions == ["s.40(2)"]
    quotes = [e for p in got.points for e in p.evidence] + list(got.field_evidence.values())
    assert quotes
    for evidence in quotes:
        assert text[evidence.start : evidence.end] == evidence.quote
    withheld = " ".join(e.quote for e in got.points[1].evidence)
    assert "withheld  under  section  40(2)" in withheld


def test_a_label_set_apart_by_spaces_keeps_them():
    text = "1  The figures are attached.\n2. Two  spaces  here  go."
    assert single_spaced(text).text == "1  The figures are attached.\n2. Two spaces here go."


def test_offsets_of_the_text_read_map_back_to_the_same_characters():
    text = "An   exemption  under  section 43\n   indented  line  stays   indented"
    spacing = single_spaced(text)
    assert spacing.text == "An exemption under section 43\n   indented line stays indented"
    for offset, character in enumerate(spacing.text):
        assert text[spacing.original(offset)] == character
