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
"""

from __future__ import annotations

import re
from functools import cached_property

try:  # the parsed form of a pattern: private, stable since Python 3.11
    from re import _constants as sre
    from re import _parser
except ImportError:  # a Python that moved them: every phrase is then simply always tried
    sre = _parser = None  # type: ignore[assignment]

__all__ = ["Alternation", "foldable", "needed"]

#: Characters ``re.IGNORECASE`` matches to an ASCII letter that ``str.lower`` does not turn
#: into it: dotted capital I lowers to "i" plus a combining dot, the rest stay as they are.
_FOLD_TRAPS = ("\u0307", "\u0131", "\u017f")  # after lower(): İ -> i̇, dotless ı, long ſ

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) if sre else ()


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
    ) -> tuple[tuple[re.Pattern[str], ...], tuple[frozenset[str] | None, ...], tuple[str, ...]]:
        """Each phrase compiled, the text each needs, and every such text (looked for once
        per search)."""
        patterns = tuple(re.compile(phrase, self.flags) for phrase in self.phrases)
        needs = tuple(needed(phrase, self.flags) for phrase in self.phrases)
        words = tuple(sorted({word for need in needs if need for word in need}))
        return patterns, needs, words

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """What the whole alternation finds in ``text`` (``lowered``: ``text.lower()``)."""
        lowered = text.lower() if lowered is None else lowered
        if not foldable(lowered):
            return self.whole.search(text)
        patterns, needs, words = self._parts
        present = {word for word in words if word in lowered}
        kept = [
            pattern
            for pattern, need in zip(patterns, needs, strict=True)
            if need is None or not need.isdisjoint(present)
        ]
        if len(kept) == len(patterns):
            return self.whole.search(text)
        first: re.Match[str] | None = None
        for pattern in kept:
            match = pattern.search(text)
            if match is not None and (first is None or match.start() < first.start()):
                first = match
        return first


def foldable(lowered: str) -> bool:
    """Whether substring tests on ``lowered`` (a sentence, lowercased) agree with
    ``re.IGNORECASE``: true unless it holds one of the rare letters that differ."""
    return lowered.isascii() or not any(trap in lowered for trap in _FOLD_TRAPS)


def needed(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lowercase strings one of which any match of ``pattern`` contains, or None."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
    except (re.error, RecursionError, AttributeError, TypeError, ValueError):
        return None
    found = _in_sequence(list(parsed))
    return frozenset(found) if found else None


def _in_sequence(items: list[tuple[object, object]]) -> set[str] | None:
    """The best requirement of a sequence: each run of literal text it holds, and each
    part it cannot skip, is a requirement on its own; the most selective one wins."""
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
    return max(candidates, key=lambda words: min(map(len, words)), default=None)


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
