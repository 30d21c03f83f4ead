"""The plain text a pattern cannot match without, read from the pattern itself.

A group of phrases is one alternation, and Python's ``re`` engine tries every
alternative at every offset of a sentence: a group of sixteen phrases costs sixteen
tries per character, whatever the sentence says. Most phrases hold some plain
text they cannot match without ("please find", "as follows"), and a substring test on
the lowercased sentence is far cheaper than the pattern. :func:`needed` works that
text out once per phrase, and :class:`Alternation` leaves out of the search the
phrases a sentence cannot match (the phrase book's groups, and the longest
alternations in code, are searched this way).

The answer is a set of lowercase strings, *one* of which every match contains, or
``None`` when the pattern offers no such text (then the phrase is always tried).
Only ASCII text is used: under ``re.IGNORECASE`` an ASCII letter matches no other
character except four (see :func:`foldable`), which the caller checks for.

Most phrases also *open* with plain text ("please find", "is attached" after a word
boundary), and the engine, searching case-insensitively, tries a pattern at every offset of
a sentence. :func:`openings` reads that opening text from the pattern, and
:class:`Anchored` tries the pattern only where it stands in the sentence (found with
``str.find``): the same first match, found with far fewer tries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any

try:  # the parsed form of a pattern: private, stable since Python 3.11
    from re import _constants as sre
    from re import _parser
except ImportError:  # a Python that moved them: every phrase is then simply always tried
    sre = _parser = None  # type: ignore[assignment]

__all__ = [
    "Alternation",
    "Anchored",
    "foldable",
    "holds_any",
    "needed",
    "openings",
    "quick_start",
    "requirements",
]

#: Characters ``re.IGNORECASE`` matches to an ASCII letter that ``str.lower`` does not turn
#: into it: dotted capital I lowers to "i" plus a combining dot, the rest stay as they are.
_FOLD_TRAPS = ("\u0307", "\u0131", "\u017f")  # after lower(): İ -> i̇, dotless ı, long ſ

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) if sre else ()
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT) if sre else ()
#: An opening is read no longer than this: longer text finds no fewer places.
_OPENING_CHARS = 8
#: More openings than this cost more ``str.find`` calls than the search they spare.
_MOST_OPENINGS = 16
#: Openings shorter than this stand almost everywhere ("i", "a"): the whole search is cheaper.
_SHORTEST_OPENING = 2


class Alternation:
    """Phrases searched as their alternation would be, trying only those a text could match.

    The first match of an alternation is the leftmost match of any of its phrases, the
    earliest phrase winning a tie; a phrase whose needed text is missing from the text
    cannot match anywhere in it, so leaving it out changes nothing. When every phrase
    could match, or the text holds a letter that folds oddly, the whole alternation is
    searched. Phrases must not capture groups (their numbers would differ). Each phrase
    is compiled and read for its text on the first search, not on import.
    """

    def __init__(self, phrases: tuple[str, ...] | list[str], flags: int = 0) -> None:
        self.phrases = tuple(phrases)
        self.flags = flags
        self.whole = re.compile("|".join(f"(?:{phrase})" for phrase in phrases), flags)
        if self.whole.groups:
            raise ValueError("an Alternation's phrases must not capture groups")

    @cached_property
    def _parts(
        self,
    ) -> tuple[tuple[tuple[Anchored, frozenset[str] | None], ...], tuple[str, ...]]:
        """Each phrase compiled with where it can start and the text it needs, and every
        such text (looked for once per search). A phrase tried only at the start of the text
        ("^" without re.MULTILINE) is simply tried: that costs less than looking for its words."""
        parts = []
        for phrase in self.phrases:
            pattern = re.compile(phrase, self.flags)
            need = None if _at_start_only(pattern) else needed(phrase, self.flags)
            parts.append((Anchored(pattern), need))
        words = tuple(sorted({word for _, need in parts if need for word in need}))
        return tuple(parts), words

    @property
    def parts(self) -> tuple[tuple[Anchored, frozenset[str] | None], ...]:
        """Each phrase, compiled, with the text it needs (None: it is always tried)."""
        return self._parts[0]

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """What the whole alternation finds in ``text`` (``lowered``: ``text.lower()``)."""
        lowered = text.lower() if lowered is None else lowered
        if not foldable(lowered) or len(lowered) != len(text):
            return self.whole.search(text)
        parts, words = self._parts
        present = {word for word in words if word in lowered}
        first: re.Match[str] | None = None
        for phrase, need in parts:
            if need is not None and need.isdisjoint(present):
                continue
            if phrase.openings is None:
                match = phrase.pattern.search(text)
            else:
                # Only a match starting before the first found can win (a tie goes to the
                # earlier phrase, found already).
                match = phrase.search_folded(text, lowered, first.start() if first else None)
            if match is not None and (first is None or match.start() < first.start()):
                first = match
                if not first.start():
                    break  # no later phrase can start sooner
        return first


class Anchored:
    """A pattern searched only at the places its opening text stands in a text.

    ``search`` and ``finditer`` return what the pattern's own return (only a match's
    ``pos`` differs), so an Anchored pattern stands in for the pattern it wraps.
    Every match starts with one of :func:`openings`, so trying the pattern at each place
    one stands, leftmost first, finds the leftmost match. A pattern with no opening, or
    a text whose letters fold oddly, is searched as usual.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.folded = bool(pattern.flags & re.IGNORECASE)
        found = openings(pattern.pattern, pattern.flags)
        short = found is not None and min(map(len, found)) < _SHORTEST_OPENING
        self.openings: tuple[str, ...] | None = None if short else _sorted(found)

    def __getattr__(self, name: str) -> Any:
        """Everything else (``match``, ``sub``, ``flags``...) is the pattern's own."""
        return getattr(self.pattern, name)

    def search(self, text: str, *limits: int, lowered: str | None = None) -> re.Match[str] | None:
        """The first match in ``text`` (``lowered``: ``text.lower()``, if known). With a
        start or end offset (``pattern.search(text, pos, endpos)``), an ordinary search."""
        haystack = None if limits else self._haystack(text, lowered)
        if haystack is None:
            return self.pattern.search(text, *limits)
        return self._at_openings(text, haystack, None)

    def finditer(
        self, text: str, *limits: int, lowered: str | None = None
    ) -> Iterator[re.Match[str]]:
        """Every match in ``text``, as ``pattern.finditer`` finds them (none is empty: each
        holds its opening text, so the next is looked for where the last ended)."""
        haystack = None if limits else self._haystack(text, lowered)
        if haystack is None:
            yield from self.pattern.finditer(text, *limits)
            return
        found = self._at_openings(text, haystack, None)
        while found is not None:
            yield found
            found = self._at_openings(text, haystack, None, found.end())

    def search_folded(self, text: str, lowered: str, before: int | None) -> re.Match[str] | None:
        """:meth:`search` for a caller that has checked ``lowered`` folds like ``text``;
        with ``before``, only a match starting before that offset is looked for."""
        return self._at_openings(text, lowered if self.folded else text, before)

    def _haystack(self, text: str, lowered: str | None) -> str | None:
        """The text to look for the openings in, or None to search as usual."""
        if self.openings is None:
            return None
        if not self.folded:
            return text
        lowered = text.lower() if lowered is None else lowered
        return lowered if foldable(lowered) and len(lowered) == len(text) else None

    def _at_openings(
        self, text: str, haystack: str, before: int | None, start: int = 0
    ) -> re.Match[str] | None:
        openings = self.openings or ()
        match = self.pattern.match
        end = len(haystack) if before is None else before
        if len(openings) == 1:
            opening = openings[0]
            at = haystack.find(opening, start, end + len(opening) - 1)
            while at != -1:
                found = match(text, at)
                if found is not None:
                    return found
                at = haystack.find(opening, at + 1, end + len(opening) - 1)
            return None
        places: set[int] = set()
        for opening in openings:
            at = haystack.find(opening, start, end + len(opening) - 1)
            while at != -1:
                places.add(at)
                at = haystack.find(opening, at + 1, end + len(opening) - 1)
        for at in sorted(places):
            found = match(text, at)
            if found is not None:
                return found
        return None


def _at_start_only(pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` can only match at the start of the text."""
    if pattern.flags & re.MULTILINE:
        return False
    parsed = _parsed(pattern.pattern, pattern.flags)
    if not parsed:
        return False
    op, av = parsed[0]
    return op is sre.AT and av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)


def _sorted(found: frozenset[str] | None) -> tuple[str, ...] | None:
    return None if found is None else tuple(sorted(found))


def holds_any(lowered: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` stands in ``lowered``: the quick test a group of words gates a
    pattern with. Most sentences hold none, so every word is looked for; a substring test
    each costs about half what one regex alternation of the words does (the engine tries
    every word at every offset)."""
    for word in words:
        if word in lowered:
            return True
    return False


def foldable(lowered: str) -> bool:
    """Whether substring tests on ``lowered`` (a sentence, lowercased) agree with
    ``re.IGNORECASE``: true unless it holds one of the rare letters that differ."""
    return lowered.isascii() or not any(trap in lowered for trap in _FOLD_TRAPS)


def _parsed(pattern: str, flags: int = 0) -> Any:
    """The pattern as re's own parser reads it, or None where that parser is missing or
    refuses it (the callers then fall back to trying the whole pattern)."""
    if _parser is None:
        return None
    try:
        return _parser.parse(pattern, flags)
    except (re.error, RecursionError, AttributeError, TypeError, ValueError):
        return None


def needed(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lowercase strings one of which any match of ``pattern`` contains, or None."""
    parsed = _parsed(pattern, flags)
    if parsed is None:
        return None
    found = _in_sequence(list(parsed))
    return frozenset(found) if found else None


def requirements(pattern: str, flags: int = 0) -> tuple[frozenset[str], ...]:
    """Every set of lowercase strings one of which any match of ``pattern`` contains, the
    most selective first: "no recorded information" needs all three words, and
    :func:`needed` is the first set alone. Empty when there is none."""
    parsed = _parsed(pattern, flags)
    if parsed is None:
        return ()
    found = dict.fromkeys(frozenset(words) for words in _requirements(list(parsed)))
    return tuple(sorted(found, key=_selective, reverse=True))


def openings(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Text one of which every match of ``pattern`` starts with, or None.

    Lowercase under ``re.IGNORECASE``; ASCII only (see :func:`foldable`). Read from the
    parsed pattern: plain characters, after any ``\b``, ``^`` or lookaround (which take
    no text), through groups and each branch of an alternation.
    """
    parsed = _parsed(pattern, flags)
    if parsed is None:
        return None
    found = _opening(list(parsed))
    if found is None:
        return None
    ignoring_case = (flags | parsed.state.flags) & re.IGNORECASE
    return frozenset(text.lower() for text in found) if ignoring_case else frozenset(found)


def _opening(items: list[tuple[object, object]]) -> set[str] | None:
    """The texts a sequence starts with: its plain characters, then what the first part
    that is not a plain character starts with (None when a match may start otherwise)."""
    text = ""
    for index, (op, av) in enumerate(items):
        if op is sre.LITERAL and isinstance(av, int) and av < 128:
            text += chr(av)
            if len(text) >= _OPENING_CHARS:
                return {text}
            continue
        if op in _ZERO_WIDTH:
            continue  # takes no text: what follows opens the match
        following = _opening_of(op, av, items[index + 1 :])
        if following is None:
            return {text} if text else None
        return {text + more for more in following}
    return {text} if text else None


def _opening_of(op: object, av: object, rest: list[tuple[object, object]]) -> set[str] | None:
    """What a part of a sequence, followed by ``rest``, starts with."""
    if op is sre.SUBPATTERN:
        if av[1] or av[2]:  # type: ignore[index]
            return None  # flags changed inside the group ("(?i:...)")
        return _opening(list(av[3]) + rest)  # type: ignore[index]
    if op is sre.ATOMIC_GROUP:
        return _opening(list(av) + rest)  # type: ignore[arg-type]
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:  # type: ignore[index]
            inner = _opening(list(branch) + rest)
            if inner is None:
                return None
            union |= inner
        return union if len(union) <= _MOST_OPENINGS else None
    if op in _REPEATS:
        low, _, body = av  # type: ignore[misc]
        inner = _opening(list(body))
        if inner is None or low >= 1:
            return inner
        after = _opening(rest)  # the repeat may be skipped
        if after is None:
            return None
        union = inner | after
        return union if len(union) <= _MOST_OPENINGS else None
    return None


def quick_start(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a test of its first character put before it: the same matches.

    For a pattern no plain text opens (a date opens with a digit or with a month's or a
    day's name), the engine still tries every branch at every offset. Every match opens
    with one of a few characters, read from the parsed pattern; a lookahead for them,
    tried first, turns most offsets away at once. Returned unchanged when the first
    character could be anything, or is not plain ASCII, digit, space or word character.
    """
    parsed = _parsed(pattern.pattern, pattern.flags)
    if parsed is None:
        return pattern
    try:
        first = _first_of(list(parsed))
    except (RecursionError, AttributeError, TypeError, ValueError):
        return pattern
    if not first:
        return pattern
    try:
        quicker = re.compile(f"(?=[{''.join(sorted(first))}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # a pattern that sets its flags inline, at its start
        return pattern
    return quicker if quicker.groupindex == pattern.groupindex else pattern


#: The classes a first character may be given in: ``\d``, ``\s``, ``\w`` and their opposites.
_CLASSES = (
    {
        sre.CATEGORY_DIGIT: r"\d",
        sre.CATEGORY_NOT_DIGIT: r"\D",
        sre.CATEGORY_SPACE: r"\s",
        sre.CATEGORY_NOT_SPACE: r"\S",
        sre.CATEGORY_WORD: r"\w",
        sre.CATEGORY_NOT_WORD: r"\W",
    }
    if sre
    else {}
)


def _first_of(items: list[tuple[object, object]]) -> set[str] | None:
    """The characters (as class items) a match of the sequence may open with, or None.

    None too when the whole sequence may match nothing: any offset may then start a match.
    """
    found = _first_part(items)
    return None if found is None or found[1] else found[0]


def _first_item(op: object, av: object) -> tuple[set[str], bool] | None:
    """The first characters of one part, and whether the part may match nothing."""
    if op is sre.LITERAL:
        return ({_class_char(av)}, False) if isinstance(av, int) and av < 128 else None  # type: ignore[arg-type]
    if op is sre.IN:
        chars = set()
        for kind, value in av:  # type: ignore[attr-defined]
            if kind is sre.LITERAL and value < 128:
                chars.add(_class_char(value))
            elif kind is sre.RANGE and value[1] < 128:
                chars.add(f"{_class_char(value[0])}-{_class_char(value[1])}")
            elif kind is sre.CATEGORY and value in _CLASSES:
                chars.add(_CLASSES[value])
            else:
                return None
        return chars, False
    if op is sre.SUBPATTERN:
        if av[1] or av[2]:  # type: ignore[index]
            return None
        return _first_part(list(av[3]))  # type: ignore[index]
    if op is sre.ATOMIC_GROUP:
        return _first_part(list(av))  # type: ignore[arg-type]
    if op is sre.BRANCH:
        chars, optional = set(), False
        for branch in av[1]:  # type: ignore[index]
            found = _first_part(list(branch))
            if found is None:
                return None
            chars |= found[0]
            optional = optional or found[1]
        return chars, optional
    if op in _REPEATS:
        found = _first_part(list(av[2]))  # type: ignore[index]
        if found is None:
            return None
        return found[0], found[1] or av[0] == 0  # type: ignore[index]
    return None


def _first_part(items: list[tuple[object, object]]) -> tuple[set[str], bool] | None:
    """The first characters of a group or branch, and whether it may match nothing."""
    first: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        found = _first_item(op, av)
        if found is None:
            return None
        first |= found[0]
        if not found[1]:
            return first, False
    return first, True


def _class_char(code: int) -> str:
    """A character written so it means itself inside ``[...]``."""
    return "\\" + chr(code) if chr(code) in "\\]^-[" else re.escape(chr(code))


def _in_sequence(items: list[tuple[object, object]]) -> set[str] | None:
    """The best requirement of a sequence: the most selective of :func:`_requirements`."""
    return max(_requirements(items), key=_selective, default=None)


def _selective(words: set[str] | frozenset[str]) -> int:
    """How selective a requirement is: the shorter its shortest text, the more texts hold it."""
    return min(map(len, words))


def _requirements(items: list[tuple[object, object]]) -> list[set[str]]:
    """Each run of literal text a sequence holds, and what each part it cannot skip
    requires: every one is a requirement on its own (a match holds one of its texts)."""
    candidates: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL and isinstance(av, int) and av < 128:
            run.append(chr(av).lower())
            continue
        _close(run, candidates)
        inner = _in_item(op, av)
        if inner:
            candidates.append(inner)
    _close(run, candidates)
    return candidates


def _close(run: list[str], candidates: list[set[str]]) -> None:
    text = "".join(run).strip()
    if len(text) >= 2:
        candidates.append({text})
    run.clear()


def _in_item(op: object, av: object) -> set[str] | None:
    """What a part of a sequence requires: a group's content, every branch of an
    alternation (one of theirs), a repeat that must happen at least once."""
    if op is sre.SUBPATTERN:
        return _in_sequence(list(av[-1]))  # type: ignore[index]
    if op is sre.ATOMIC_GROUP:
        return _in_sequence(list(av))  # type: ignore[arg-type]
    if op in _REPEATS and av[0] >= 1:  # type: ignore[index]
        return _in_sequence(list(av[2]))  # type: ignore[index]
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:  # type: ignore[index]
            inner = _in_sequence(list(branch))
            if not inner:
                return None  # one branch needs nothing: the alternation needs nothing
            union |= inner
        return union
    return None
