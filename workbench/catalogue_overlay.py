"""A team's own additions and corrections to the provisions catalogue, kept outside the package.

Why an overlay and not an edited copy: the packaged catalogue
(``workbench/data/provisions.yaml``) is corrected as the law and guidance change,
and a team that copied it would miss every correction.  So a team writes only
what it adds or re-words, in ``<templates folder>/provisions.yaml``, and the
workbench merges it over the packaged catalogue each time either changes, the
way a team's ``outcome_schemes.yaml`` replaces schemes by name.  The format is
described in ``docs/catalogue.md``.

The merge, by id:

- ``sources:`` adds source keys, or replaces the URL of a key the package has;
- a provision whose ``id`` the package lists keeps everything the overlay does
  not name; a field the overlay gives (``title``, ``notes``, ``aliases`` ...)
  replaces the package's, except ``questions``, which are merged by question
  ``id``: a known question takes the keys given (re-word its ``text`` or
  ``help``, point it at the team's ``source``), a new one is added after the
  others.  A sub-provision that took its questions from a parent gets its own
  copy of them first, so adding one question never hides the rest;
- a provision the package does not list is added, written in full as in the
  packaged file (fields it leaves out are taken from its nearest listed parent).

The merged catalogue is checked exactly as the packaged one is, and any error
names the overlay file, the provision and the question.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml

from .catalogue import (
    Catalogue,
    Provision,
    Question,
    catalogue_from_data,
    is_valid_id,
    packaged_catalogue,
)
from .errors import CatalogueError

#: The overlay's file name in a team's templates folder.
OVERLAY_FILE = "provisions.yaml"
_TOP_LEVEL_KEYS = ("version", "sources", "provisions")


def team_catalogue(folder: str | Path) -> Catalogue:
    """The packaged catalogue with the overlay in the team's *folder* merged over it.

    Without an overlay file this is the packaged catalogue itself.

    :raises CatalogueError: the overlay cannot be read, is not the expected shape, or
        the merged catalogue breaks a rule of the catalogue (naming the file and key).
    """
    path = Path(folder) / OVERLAY_FILE
    try:
        stat = path.stat()
    except FileNotFoundError:
        return packaged_catalogue()
    except OSError as exc:
        raise CatalogueError(f"{path}: cannot read catalogue overlay: {exc}", path=path) from exc
    return _merged(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _merged(path: str, _modified_ns: int, _size: int) -> Catalogue:
    # The modification time and size are only part of the cache key: an edited
    # overlay is read again, an unchanged one never.
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path}: cannot read catalogue overlay: {exc}", path=path) from exc
    return merge_overlay(packaged_catalogue(), _read(text, path), origin=path)


def merge_overlay(base: Catalogue, overlay: dict[str, Any], *, origin: str) -> Catalogue:
    """Merge an overlay already read from YAML over *base*; *origin* names it in errors."""
    _check_shape(base, overlay, origin)
    raw = base.model_dump(mode="json")
    raw["sources"] = {**raw["sources"], **(overlay.get("sources") or {})}
    entries: list[dict[str, Any]] = raw["provisions"]
    position = {entry["id"]: index for index, entry in enumerate(entries)}
    for patch in overlay.get("provisions") or []:
        if patch["id"] in position:
            index = position[patch["id"]]
            entries[index] = _patched(base, entries[index], patch)
        else:
            position[patch["id"]] = len(entries)
            entries.append(dict(patch))
    raw["provisions"] = entries
    try:
        return catalogue_from_data(raw, origin)
    except CatalogueError as exc:
        # The merged list's positions mean nothing in the overlay file: name by id.
        message = _by_id(str(exc))
        raise CatalogueError(message, path=origin, field=_by_id(exc.field or "")) from None


def _patched(base: Catalogue, entry: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    """A packaged provision with the overlay's fields, and its questions merged by id."""
    merged = {**entry, **{k: v for k, v in patch.items() if k != "questions"}}
    if "questions" in patch:
        own = [q.model_dump(mode="json") for q in base.questions_for(entry["id"])]
        merged["questions"] = _merged_questions(own, patch["questions"])
    return merged


def _merged_questions(own: list[dict[str, Any]], patches: list[dict[str, Any]]) -> list[Any]:
    """Known question ids take the keys given; new ones are added at the end, in order."""
    by_id = {question["id"]: index for index, question in enumerate(own)}
    for patch in patches:
        if patch["id"] in by_id:
            own[by_id[patch["id"]]] = {**own[by_id[patch["id"]]], **patch}
        else:
            by_id[patch["id"]] = len(own)
            own.append(dict(patch))
    return own


# --------------------------------------------------------------------------- checks


def _read(text: str, origin: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{origin}: not valid YAML: {exc}", path=origin) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CatalogueError(
            f"{origin}: top level must be a mapping with 'provisions' and/or 'sources'",
            path=origin,
        )
    return data


def _check_shape(base: Catalogue, overlay: dict[str, Any], origin: str) -> None:
    """What a merge needs before it can start: known keys, ids, and lists of mappings."""
    unknown = sorted(set(overlay) - set(_TOP_LEVEL_KEYS))
    if unknown:
        raise _fail(
            origin,
            unknown[0],
            f"unknown key; a catalogue overlay has only {', '.join(_TOP_LEVEL_KEYS)}",
        )
    if overlay.get("version", base.version) != base.version:
        raise _fail(origin, "version", f"must be {base.version}, the packaged catalogue's")
    sources = overlay.get("sources") or {}
    if not isinstance(sources, dict) or not all(isinstance(v, str) for v in sources.values()):
        raise _fail(origin, "sources", "must be a mapping of key -> URL")
    entries = overlay.get("provisions") or []
    if not isinstance(entries, list):
        raise _fail(origin, "provisions", "must be a list")
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        where = f"provisions[{index}]"
        if not isinstance(entry, dict):
            raise _fail(origin, where, "must be a mapping with an id")
        ident = entry.get("id")
        if not isinstance(ident, str) or not is_valid_id(ident):
            raise _fail(
                origin, f"{where}.id", f"{ident!r} is not an id like s.40(2) or reg.12(5)(b)"
            )
        if ident in seen:
            raise _fail(origin, f"{where}.id", f"{ident} is listed twice in the overlay")
        seen.add(ident)
        where = f"{where} ({ident})"
        if ident in base:
            _check_patch(entry, origin, where)


def _check_patch(entry: dict[str, Any], origin: str, where: str) -> None:
    """An entry changing a packaged provision names only fields a provision has."""
    unknown = sorted(set(entry) - set(Provision.model_fields))
    if unknown:
        raise _fail(origin, f"{where}.{unknown[0]}", "not a field of a provision")
    questions = entry.get("questions", [])
    if not isinstance(questions, list):
        raise _fail(origin, f"{where}.questions", "must be a list")
    for q_index, question in enumerate(questions):
        q_where = f"{where}.questions[{q_index}]"
        if not isinstance(question, dict) or not isinstance(question.get("id"), str):
            raise _fail(origin, q_where, "must be a mapping with an id")
        unknown = sorted(set(question) - set(Question.model_fields))
        if unknown:
            raise _fail(origin, f"{q_where}.{unknown[0]}", "not a field of a question")


def _fail(origin: str, where: str, message: str) -> CatalogueError:
    return CatalogueError(f"{origin}: {where}: {message}", path=origin, field=where)


_POSITION = re.compile(r"\b(provisions|questions)\[\d+\] \(")


def _by_id(text: str) -> str:
    """``provisions[45] (s.40(2)).questions[7] (q)`` -> ``provision (s.40(2)).question (q)``."""
    return _POSITION.sub(lambda m: m.group(1)[:-1] + " (", text)
