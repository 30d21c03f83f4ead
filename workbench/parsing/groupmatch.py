"""Which of a section's phrase groups a text matches, worked out in one pass.

Every sentence of a response is read for every cue ("not held", "withheld", "ncnd",
sixteen groups in all). Asked group by group, each group looks for its own words in the
sentence and then tries its phrases, and most sentences carry no cue at all: sixteen
looks to learn nothing. :class:`GroupMatcher` looks for the words of every phrase of every
group at once (:class:`Words`, one pattern over the lowercased text), then tries only the
phrases whose words stand in the text, and stops a group at its first phrase that matches
(callers ask *whether* a group matches, not where).

The words are the text each phrase cannot match without (:func:`.literals.needed`) and
the ``words`` a group lists in the phrase file (a group none of whose words stand in a
text is not tried, as :meth:`.phrases.PhraseBook.find` does). So the answer is exactly the
set of groups whose whole pattern :meth:`~.phrases.PhraseBook.find` would report: phrases
and groups are only left out where they cannot match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .literals import Anchored, foldable, requirements

__all__ = ["GroupMatcher", "Part", "Words"]


class Words:
    """Which of many plain strings stand in a text, found with one pattern.

    The pattern is the strings' letter tree ("no(?:t(?: hold)?|ne)"...), so at each place
    the engine follows the text's own letters down one branch and stops at the longest
    string standing there; every shorter one standing there is a part of it, and so is
    known from it (``_within``). Searching again one character on finds the strings that
    start inside it: every place a string starts is visited. (A plain alternation of the
    strings would try every one of them at every place: three times slower.)
    """

    def __init__(self, words: Iterable[str]) -> None:
        ordered = sorted(set(words))
        self._pattern = re.compile(_tree(ordered)) if ordered else None
        self._within = {
            word: frozenset(part for part in ordered if part in word) for word in ordered
        }

    def present(self, text: str) -> set[str]:
        """The strings that stand somewhere in ``text`` (compared exactly, case and all)."""
        found: set[str] = set()
        if self._pattern is None:
            return found
        search, within = self._pattern.search, self._within
        match = search(text)
        while match is not None:
            found |= within[match.group()]
            match = search(text, match.start() + 1)
        return found


def _tree(words: list[str]) -> str:
    """A pattern matching the longest of ``words`` that stands at a place: one branch per
    next letter, a word's longer continuations tried before the word itself ends."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _branches(root)


def _branches(node: dict[str, dict]) -> str:
    alternatives = [re.escape(char) + _below(child) for char, child in node.items() if char]
    return "|".join(alternatives)


def _below(node: dict[str, dict]) -> str:
    """What may follow a letter: nothing, when a word ends there and none goes on."""
    inner = _branches(node)
    if not inner:
        return ""
    if "" in node:
        return f"(?:{inner})?"  # greedy: a longer word is tried before this one ends
    return inner if len(node) == 1 else f"(?:{inner})"


#: A phrase, compiled, and the text it needs (None: it is always tried).
Part = tuple[Anchored, frozenset[str] | None]


@dataclass(frozen=True)
class _Try:
    """A phrase (or a whole group's pattern) of a group, and the text it needs."""

    group: str
    pattern: Anchored
    #: One of these stands in any text the phrase matches (None: it is always tried).
    need: frozenset[str] | None
    #: The phrase's other requirements (one text of each stands in any match), checked
    #: before the phrase is tried: "no recorded information" is indexed by "information",
    #: which most answers hold, and tried only where "recorded" and "no" stand too.
    also: tuple[frozenset[str], ...] = ()

    def found_in(self, text: str, lowered: str) -> bool:
        """Whether the phrase matches ``text``; ``lowered`` folds as ``text`` does."""
        for words in self.also:
            if not any(word in lowered for word in words):
                return False
        if self.pattern.openings is None:
            return self.pattern.pattern.search(text) is not None
        return self.pattern.search_folded(text, lowered, None) is not None


def _try(group: str, part: Part) -> _Try:
    pattern, need = part
    found = requirements(pattern.pattern.pattern, pattern.pattern.flags)
    return _Try(group, pattern, need, tuple(words for words in found if words != need))


class GroupMatcher:
    """The groups of one section of the phrase book, asked all at once which match a text.

    ``groups`` maps each group to its whole pattern and its parts: its phrases one by one
    (the same compiled phrases :class:`.literals.Alternation` searches), or the whole
    pattern alone. ``gates`` holds the words a group lists. Indexed by word: which parts
    need it, which groups list it; a text's words then name the few parts worth trying,
    in the groups open to it.
    """

    def __init__(
        self,
        groups: Mapping[str, tuple[re.Pattern[str], Iterable[Part]]],
        gates: Mapping[str, frozenset[str]],
    ) -> None:
        self._wholes = {name: whole for name, (whole, _) in groups.items()}
        self._tries = [_try(name, part) for name, (_, parts) in groups.items() for part in parts]
        self._always = frozenset(i for i, one in enumerate(self._tries) if one.need is None)
        self._ungated = frozenset(name for name in groups if name not in gates)
        self._gated_by: dict[str, set[str]] = {}
        for name, words in gates.items():
            for word in words:
                self._gated_by.setdefault(word, set()).add(name)
        self._needed_by: dict[str, set[int]] = {}
        for index, one in enumerate(self._tries):
            for word in one.need or ():
                self._needed_by.setdefault(word, set()).add(index)
        self._words = Words([*self._gated_by, *self._needed_by])

    def matching(self, text: str, lowered: str | None = None) -> frozenset[str]:
        """The names of the groups that match somewhere in ``text`` (``lowered``: its
        lowercase, if known). A text whose letters fold oddly (see
        :func:`.literals.foldable`) has each open group's whole pattern searched."""
        lowered = text.lower() if lowered is None else lowered
        present = self._words.present(lowered)
        open_groups = self._ungated.union(*(self._gated_by.get(word, ()) for word in present))
        if not foldable(lowered) or len(lowered) != len(text):
            return frozenset(name for name in open_groups if self._wholes[name].search(text))
        candidates = self._always.union(*(self._needed_by.get(word, ()) for word in present))
        found: set[str] = set()
        for index in candidates:
            one = self._tries[index]
            if one.group in open_groups and one.group not in found and one.found_in(text, lowered):
                found.add(one.group)
        return frozenset(found)
