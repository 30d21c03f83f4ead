"""The phrases the extractor reads letters by, loaded from data a team can extend.

What counts as "not held", "neither confirm nor deny" or "the original decision
is upheld" is a matter of wording that grows with every new authority's house
style, so it lives in ``workbench/data/letter_phrases.yaml`` rather than in
code. A team adds its own phrases in ``<WORKBENCH_DATA>/letter_phrases.yaml``
(same shape; entries are added, never removed). Each group of phrases is
compiled once into one case-insensitive pattern; a pattern that does not
compile stops the load with a message naming the file, the group and the entry.

Speed: a group's pattern is an alternation, which the ``re`` engine tries phrase by
phrase at every offset. So :meth:`PhraseBook.find` first drops a sentence holding
none of the group's ``words``, then leaves out of the search each phrase whose own
plain text (worked out by :mod:`.literals`) the sentence lacks, and tries each phrase
only where its opening text stands. All three only skip what cannot match: the result
is the one the whole pattern would give. A reader that asks a sentence about every group
of a section (the cues) asks :meth:`PhraseBook.matching` instead: the words of all the
groups are looked for once (:mod:`.groupmatch`), then only the phrases they name are
tried.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import SettingsError
from .groupmatch import GroupMatcher, Part
from .literals import Alternation, Anchored, holds_any, needed

#: The sections of the file and whether each holds named groups (``cues: {ncnd: ...}``)
#: or a single group (``status: {phrases: [...]}``).
_GROUPED = ("cues", "skip", "kinds", "outcomes")
_SINGLE = ("status", "noise")
_FLAGS = re.IGNORECASE | re.MULTILINE
#: Groups with fewer phrases are searched whole: checking each phrase's text costs more
#: than it saves.
_NARROW_FROM = 4


def _narrowing(entries: list[str], pattern: re.Pattern[str]) -> Alternation | None:
    """The group's phrases to search one by one, or None when that cannot pay or could
    change a match: few phrases, or capturing groups."""
    if len(entries) < _NARROW_FROM or pattern.groups:
        return None
    return Alternation(entries, _FLAGS)


def _anchored(pattern: re.Pattern[str]) -> Anchored | None:
    """The group's pattern tried only where its opening text stands, when it has one."""
    anchored = Anchored(pattern)
    return anchored if anchored.openings is not None else None


@dataclass(frozen=True, eq=False)
class PhraseBook:
    """Compiled phrase groups: ``book.cue("not_held").search(sentence)``.

    ``gates`` holds, for a group that lists ``words``, the pieces of text one of which
    every phrase of the group contains: :meth:`find` skips the group's pattern for a
    sentence holding none of them.
    """

    groups: dict[str, re.Pattern[str]]
    #: Group -> its words (plain text, looked for in the lowercased sentence).
    gates: dict[str, tuple[str, ...]]
    #: Group -> its phrases and the text each needs (groups worth narrowing only).
    narrowings: dict[str, Alternation] = field(default_factory=dict, repr=False)
    #: Group -> the words it lists (for :meth:`matching`).
    words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _matchers: dict[str, GroupMatcher] = field(default_factory=dict, repr=False)
    _index: dict[
        tuple[str, str | None],
        tuple[re.Pattern[str], tuple[str, ...] | None, Alternation | Anchored | None],
    ] = field(default_factory=dict, repr=False)

    def find(
        self, section: str, name: str | None, text: str, lowered: str | None = None
    ) -> re.Match[str] | None:
        """The group's first match in ``text`` (``lowered`` is ``text.lower()``, if known)."""
        found = self._index.get((section, name))
        if found is None:
            key = f"{section}.{name}" if name else section
            pattern = self.get(section, name)
            found = self._index[(section, name)] = (
                pattern,
                self.gates.get(key),
                self.narrowings.get(key) or _anchored(pattern),
            )
        pattern, gate, narrowing = found
        if gate is None and narrowing is None:
            return pattern.search(text)
        lowered = text.lower() if lowered is None else lowered
        if gate is not None and not holds_any(lowered, gate):
            return None
        if narrowing is not None:
            return narrowing.search(text, lowered=lowered)
        return pattern.search(text)

    def matching(self, section: str, text: str, lowered: str | None = None) -> frozenset[str]:
        """The groups of a grouped section that :meth:`find` would find in ``text``, all
        worked out at once (see :mod:`.groupmatch`): a sentence is read for every cue, and
        most carry none."""
        return self._matcher(section).matching(text, lowered)

    def _matcher(self, section: str) -> GroupMatcher:
        """The section's groups, ready to be asked at once (built on first use)."""
        matcher = self._matchers.get(section)
        if matcher is None:
            names = self.names(section)
            if not names:
                raise SettingsError(f"letter_phrases.yaml has no section {section!r} of groups")
            keys = {name: f"{section}.{name}" for name in names}
            matcher = self._matchers[section] = GroupMatcher(
                {name: (self.groups[key], self._parts(key)) for name, key in keys.items()},
                {name: self.words[key] for name, key in keys.items() if key in self.words},
            )
        return matcher

    def _parts(self, key: str) -> tuple[Part, ...]:
        """A group's phrases one by one, as :meth:`find` searches them; a group too small
        to narrow, or whose phrases capture, is tried whole."""
        narrowing = self.narrowings.get(key)
        if narrowing is not None:
            return narrowing.parts
        whole = self.groups[key]
        return ((Anchored(whole), needed(whole.pattern, whole.flags)),)

    def get(self, section: str, name: str | None = None) -> re.Pattern[str]:
        """The compiled pattern of one group (``name`` omitted for single sections)."""
        key = f"{section}.{name}" if name else section
        try:
            return self.groups[key]
        except KeyError:
            raise SettingsError(f"letter_phrases.yaml has no group {key!r}") from None

    def cue(self, name: str) -> re.Pattern[str]:
        return self.get("cues", name)

    def skip(self, name: str) -> re.Pattern[str]:
        return self.get("skip", name)

    def names(self, section: str) -> list[str]:
        """The group names of a grouped section, in file order."""
        prefix = f"{section}."
        return [key[len(prefix) :] for key in self.groups if key.startswith(prefix)]


def _package_file() -> Path:
    return Path(str(resources.files("workbench") / "data" / "letter_phrases.yaml"))


#: The book held for the length of one reading (see :func:`phrases_held`), if any.
_HELD: ContextVar[PhraseBook | None] = ContextVar("held_phrase_book", default=None)


def phrase_book() -> PhraseBook:
    """The phrases in force: the package's, plus the team's local additions if any.

    Cached on the files' modification times, so an edited file takes effect on the
    next letter read without a restart. Inside :func:`phrases_held`, the book held.
    """
    held = _HELD.get()
    if held is not None:
        return held
    files = [_package_path(), *_local_files()]
    key = []
    for path in files:
        try:
            key.append((path, os.stat(path).st_mtime))
        except OSError:
            continue  # the local file is optional
    return _load(tuple(key))


@contextmanager
def phrases_held() -> Iterator[PhraseBook]:
    """Read with one phrase book for the length of the block (one letter's extraction).

    Every reader asks :func:`phrase_book` for its phrases, a dozen times a letter; each
    ask would look at the files' modification times again. Held, the files are looked
    at once per letter, and one letter is never read half with an old book and half
    with an edited one.
    """
    token = _HELD.set(phrase_book())
    try:
        yield phrase_book()
    finally:
        _HELD.reset(token)


@lru_cache(maxsize=1)
def _package_path() -> str:
    return str(_package_file())


def _local_files() -> list[str]:
    """Where the team's own phrases would be, worked out once per data folder setting."""
    return _local_path(os.environ.get("WORKBENCH_DATA", ""))


@lru_cache(maxsize=8)
def _local_path(_setting: str) -> list[str]:
    from .. import settings

    try:
        return [str(settings.data_dir() / "letter_phrases.yaml")]
    except SettingsError:
        return []


@lru_cache(maxsize=4)
def _load(files: tuple[tuple[str, float], ...]) -> PhraseBook:
    phrases: dict[str, list[str]] = {}
    gates: dict[str, list[str] | None] = {}
    for path, _mtime in files:
        for key, (entries, words) in _read(Path(path)).items():
            phrases.setdefault(key, []).extend(entries)
            if key not in gates:
                gates[key] = list(words) if words else None
            elif gates[key] is not None:
                # Phrases added without words of their own would be gated out: drop the gate.
                gates[key] = [*gates[key], *words] if words else None
    names = " and ".join(path for path, _ in files)
    groups = {key: _compile(names, key, entries) for key, entries in phrases.items()}
    narrowings = {
        key: narrowing
        for key, entries in phrases.items()
        if (narrowing := _narrowing(entries, groups[key])) is not None
    }
    return PhraseBook(
        groups,
        {key: tuple(dict.fromkeys(words)) for key, words in gates.items() if words},
        narrowings,
        {key: frozenset(words) for key, words in gates.items() if words},
    )


def _read(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    """``section.group`` -> (its phrases, its words), checked for shape."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SettingsError(f"Cannot read {path}: {exc}", path=path) from exc
    if not isinstance(data, dict):
        raise SettingsError(f"{path} must hold a mapping of sections", path=path)
    out: dict[str, tuple[list[str], list[str]]] = {}
    for section in _GROUPED:
        groups = data.get(section) or {}
        if not isinstance(groups, dict):
            raise SettingsError(f"{path}: {section} must map group names to phrases", path=path)
        for name, group in groups.items():
            out[f"{section}.{name}"] = _phrases(path, f"{section}.{name}", group)
    for section in _SINGLE:
        if section in data:
            out[section] = _phrases(path, section, data[section])
    unknown = set(data) - set(_GROUPED) - set(_SINGLE) - {"version"}
    if unknown:
        raise SettingsError(
            f"{path}: unknown section(s) {', '.join(sorted(unknown))}; expected "
            f"{', '.join(_GROUPED + _SINGLE)}",
            path=path,
        )
    return out


def _phrases(path: Path, key: str, group: Any) -> tuple[list[str], list[str]]:
    entries = group.get("phrases") if isinstance(group, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, str) and e for e in entries):
        raise SettingsError(f"{path}: {key} needs a list of phrases (text)", path=path, field=key)
    words = group.get("words") or []
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise SettingsError(f"{path}: {key} words must be a list of text", path=path, field=key)
    for index, entry in enumerate(entries, start=1):
        try:
            re.compile(entry)
        except re.error as exc:
            raise SettingsError(
                f"{path}: {key}, phrase {index} is not a valid pattern ({exc}): {entry}",
                path=path,
                field=key,
            ) from exc
    return entries, [word.lower() for word in words]


def _compile(names: str, key: str, entries: list[str]) -> re.Pattern[str]:
    """One pattern for a group; each phrase keeps its own anchors inside its alternative."""
    try:
        return re.compile("|".join(f"(?:{entry})" for entry in entries), _FLAGS)
    except re.error as exc:  # e.g. two phrases naming the same group
        raise SettingsError(f"{names}: the phrases of {key} do not combine ({exc})") from exc
