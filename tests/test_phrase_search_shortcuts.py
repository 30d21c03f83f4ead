"""The phrase searches' shortcuts (gate words, phrases left out of a search) find exactly
what searching the whole pattern finds: they only make reading faster."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbench.parsing.groupmatch import Words
from workbench.parsing.literals import (
    Alternation,
    Anchored,
    needed,
    openings,
    quick_start,
    requirements,
)
from workbench.parsing.phrases import _GROUPED, phrase_book
from workbench.parsing.points import ASK
from workbench.parsing.text import Layout

DEV = Path(__file__).parent / "letters" / "real" / "dev"

#: Sentences that match through letters which ``re.IGNORECASE`` folds to ASCII ones but
#: ``str.lower`` does not (dotted and dotless i, long s), and plain upper case.
TRAPS = [
    "PLEASE FIND ATTACHED THE INFORMATION YOU REQUESTED.",
    "Pleaſe find attached the information.",
    "Even ıf it were held, it would be exempt.",
    "İf the information were held, it would be exempt under section 40.",
    "We dıd not hold the information at the time.",
    "The original decıſion is upheld.",
]


def _pieces() -> list[str]:
    pieces = list(TRAPS)
    for path in sorted(DEV.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        layout = Layout(text)
        pieces += [span.text for span in layout.sentences] + [line.text for line in layout.lines]
    return pieces


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groups() == b.groups()


def test_every_group_finds_what_its_whole_pattern_finds():
    book = phrase_book()
    pieces = _pieces()
    for key, pattern in book.groups.items():
        section, _, name = key.partition(".")
        for piece in pieces:
            found = book.find(section, name or None, piece)
            assert _same(found, pattern.search(piece)), f"{key}: {piece[:80]!r}"


def test_a_section_asked_at_once_names_the_groups_found_one_by_one():
    book = phrase_book()
    for section in _GROUPED:
        names = book.names(section)
        for piece in _pieces():
            found = {name for name in names if book.find(section, name, piece)}
            assert book.matching(section, piece) == found, f"{section}: {piece[:80]!r}"


def test_the_words_standing_in_a_text_are_all_found_where_they_overlap_or_nest():
    words = Words(["no", "not", "not hold", "holding", "old", "a.b", "none"])
    assert words.present("we do not holding; a.b") == {
        "no",
        "not",
        "not hold",
        "holding",
        "old",
        "a.b",
    }
    assert words.present("a-b nothing") == {"no", "not"}
    assert Words([]).present("anything") == set()


def test_an_alternation_in_code_finds_what_its_whole_pattern_finds():
    for piece in [*_pieces(), "İs there a policy?", "WHAT IS THE NUMBER OF STAFF"]:
        assert _same(ASK.search(piece), ASK.whole.search(piece)), piece[:80]


def test_an_alternation_refuses_phrases_that_capture():
    with pytest.raises(ValueError, match="capture"):
        Alternation([r"(held)", r"kept"])


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\bplease\s+(?:find|see)\b", {"please"}),
        (r"\b(?:exemption|exception)\b", {"emption", "ception"}),  # the engine's common prefix
        (r"\bnot\s+(?:held|(?:kept|stored))\b", {"held", "kept", "stored"}),
        (r"\b(?:is|are)?\s*held\b", {"held"}),
        (r"(?:held)?\s+by\b", {"by"}),
        (r"[a-z]+ing\b", {"ing"}),
    ],
)
def test_the_text_a_phrase_needs_is_read_from_it(pattern, words):
    assert needed(pattern) == words


@pytest.mark.parametrize(
    ("pattern", "every"),
    [
        (r"\bno\s+recorded\s+information\b", [{"information"}, {"recorded"}, {"no"}]),
        (r"\bnot\s+(?:held|kept)\b", [{"held", "kept"}, {"not"}]),
        (r"(?:held)?\s+\w+", []),
    ],
)
def test_every_text_a_phrase_requires_is_read_from_it_the_most_selective_first(pattern, every):
    found = requirements(pattern)
    assert [set(words) for words in found] == every
    assert (found[0] if found else None) == needed(pattern)


@pytest.mark.parametrize(
    "pattern",
    [r"(?:held)?\s+\w+", r"\bheld|\d+", r"(?=held)\w+", r"\ba\s+[a-z]+\d"],
)
def test_a_phrase_that_needs_no_fixed_text_is_always_tried(pattern):
    assert needed(pattern) is None


def test_each_phrase_tried_where_it_opens_finds_what_it_finds_anywhere():
    book = phrase_book()
    pieces = _pieces()
    patterns = [re.compile(phrase, ASK.flags) for phrase in ASK.phrases]
    patterns += list(book.groups.values())
    for pattern in patterns:
        anchored = Anchored(pattern)
        for piece in pieces:
            found = anchored.search(piece)
            assert _same(found, pattern.search(piece)), f"{pattern.pattern[:60]}: {piece[:80]!r}"


def test_every_match_tried_where_it_opens_is_every_match_found_anywhere():
    from workbench.parsing import regime
    from workbench.parsing.reference import _LABELS

    patterns = [label for _, label in _LABELS] + list(phrase_book().groups.values())
    patterns += [found.pattern for found in regime._NAMES.values()]
    patterns += [regime._SCOTTISH.pattern, regime._SCOTTISH_BODY.pattern]
    for pattern in patterns:
        anchored = Anchored(pattern)
        for piece in _pieces():
            found = [(m.span(), m.groups()) for m in anchored.finditer(piece)]
            assert found == [(m.span(), m.groups()) for m in pattern.finditer(piece)], piece[:80]


@pytest.mark.parametrize(
    ("pattern", "flags", "opening"),
    [
        (r"\bplease\s+(?:find|see)\b", re.I, {"please"}),
        (r"\b(?:Is|are|has\s+been)\s+attached", re.I, {"is", "are", "has"}),
        (r"\b(?:exemption|exception)\b", 0, {"exemption", "exception"}),
        (r"^\s*Our\s+ref", re.M, None),  # may open with spaces
        (r"(?:ab)*cd", 0, {"ab", "cd"}),
        (r"(?:the\s+)?answer", re.I, {"the", "answer"}),
        (r"(?i:Ref)erence", 0, None),  # the case rule changes inside: not read
        (r"\d+ days", 0, None),
    ],
)
def test_the_text_a_phrase_opens_with_is_read_from_it(pattern, flags, opening):
    assert openings(pattern, flags) == (frozenset(opening) if opening else None)


@pytest.mark.parametrize(
    ("pattern", "quicker"),
    [
        (re.compile(r"\b(?:ſep|jan)\s+\d+", re.I), None),  # not plain ASCII: left alone
        (re.compile(r"\b(?:mon|tue)day,?\s+\d+|\d{4}-\d\d", re.I), r"(?=[\dmt])"),
        (re.compile(r"(?:the\s+)?answer"), r"(?=[at])"),
        (re.compile(r"[-\]]x|\s*y"), r"(?=[\-\]\sy])"),
        (re.compile(r"[-\]]x|y?"), None),  # may match nothing: any offset may start a match
        (re.compile(r"[^a]b"), None),
    ],
)
def test_a_pattern_is_told_which_characters_open_it(pattern, quicker):
    told = quick_start(pattern)
    if quicker is None:
        assert told is pattern
    else:
        assert told.pattern.startswith(quicker) and told.groupindex == pattern.groupindex


def test_a_pattern_told_its_first_characters_finds_what_it_found():
    from workbench.parsing import dates

    pieces = [*_pieces(), "Monday, 4 MARCH 2024", "ſunday 4 jan 2024", "On 2023-01-02.", "04/12/23"]
    told = dates._DATE.pattern
    assert told.startswith("(?=[")
    original = re.compile(told[told.index("])(?:") + len("])(?:") : -1], dates._DATE.flags)
    for piece in pieces:
        assert [(m.span(), m.groups()) for m in dates._DATE.finditer(piece)] == [
            (m.span(), m.groups()) for m in original.finditer(piece)
        ], piece[:80]


def test_a_pattern_tried_where_it_opens_takes_offsets_as_the_pattern_does():
    pattern = re.compile(r"\bplease\s+find\b", re.I)
    anchored = Anchored(pattern)
    text = "Please find attached. Please find below."
    assert anchored.search(text, 5).span() == pattern.search(text, 5).span()
    assert [m.span() for m in anchored.finditer(text, 1, 30)] == [
        m.span() for m in pattern.finditer(text, 1, 30)
    ]
    assert anchored.sub("-", text) == pattern.sub("-", text)
