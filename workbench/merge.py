"""Three-way merge of two people's changes to one review, field by field.

Why: the same case is often open twice (two tabs, two reviewers).  The store
refuses a write quoting a stale token, rightly: nothing may be overwritten
unseen.  But most such writes touch *different* fields, and refusing them (and
resetting what was typed) is worse than useless.  So when a save is refused,
:class:`~workbench.service.ReviewSession` compares three versions:

* **base**: the review this session last loaded;
* **mine**: base with this session's change;
* **theirs**: the review as now stored.

If no field I changed was changed by them, my change is applied again on theirs
and saved.  If we both changed the same field to different values, that is a
:class:`FieldConflict`: the reviewer is shown both values beside the field and
chooses.  Nothing typed is discarded either way.

Points, provisions and grounds are compared by their label, provision id and ground id,
not by their position, so "point 3's reasons" stays point 3's reasons when someone else
has deleted point 1 meanwhile.  Lists of other things are compared by position.

Usage::

    conflicts = field_conflicts(base, mine, theirs)
    path = retarget("points.2.reasons", base, theirs)   # "points.1.reasons", or None
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .review import PathLike, Review, join_path, split_path

#: Top-level lists whose items have a key of their own: compared by that key.
IDENTITY_KEYS = {
    "points": "label",
    "provisions": "provision_id",
    "set_aside": "provision_id",
    "requester_grounds": "id",
}

Path = tuple[Any, ...]


@dataclass(frozen=True)
class Key:
    """A list item named by its identity (``Key("3a")`` for point 3a) in a stable path."""

    value: str


@dataclass(frozen=True)
class FieldConflict:
    """One field we both changed: where it is (in their version) and the two values."""

    #: The field's path in the stored review (``"points.1.reasons"``), or in mine when
    #: they removed it.
    path: str
    mine: Any
    theirs: Any
    #: True when the item holding the field (a point) is not in their version at all.
    removed: bool = False


def field_conflicts(base: Review, mine: Review, theirs: Review) -> list[FieldConflict]:
    """The fields changed both by me (base -> mine) and by them (base -> theirs), differently.

    A field counts as changed by both when one change is at, inside or around the other
    (they replaced a whole point I edited a field of); it is no conflict when we both
    gave it the same value.
    """
    base_doc, mine_doc, theirs_doc = (_keyed(r.to_json()) for r in (base, mine, theirs))
    theirs_changed = [path for path, _, _ in _diff(base_doc, theirs_doc)]
    found: dict[Path, FieldConflict] = {}
    for path, _, _ in _diff(base_doc, mine_doc):
        for other in theirs_changed:
            if not (_within(path, other) or _within(other, path)):
                continue
            shorter = path if len(path) <= len(other) else other
            ours, yours = _get(mine_doc, shorter), _get(theirs_doc, shorter)
            if ours == yours:
                continue
            in_theirs = concrete(shorter, theirs.to_json())
            where = in_theirs or concrete(shorter, base.to_json())
            shown = join_path(where) if where is not None else _describe(shorter)
            found.setdefault(shorter, FieldConflict(shown, ours, yours, in_theirs is None))
    return list(found.values())


def retarget(path: PathLike, base: Review, target: Review) -> list[str | int] | None:
    """``path`` in ``base`` as the same field in ``target`` (None when it is gone there)."""
    stable = stable_path(split_path(path), base.to_json())
    if stable is None:
        return None
    return concrete(stable, target.to_json())


def stable_path(segments: Sequence[str | int], doc: dict[str, Any]) -> Path | None:
    """Positions of points and provisions replaced by their identity (``Key("3a")``)."""
    out: list[Any] = []
    if segments and segments[0] in IDENTITY_KEYS and len(segments) > 1:
        items = doc.get(segments[0])
        index = segments[1]
        if not isinstance(items, list) or not isinstance(index, int):
            return tuple(segments)
        if not 0 <= index < len(items):
            return None
        out = [segments[0], Key(str(items[index][IDENTITY_KEYS[segments[0]]]))]
        return (*out, *segments[2:])
    return tuple(segments)


def concrete(stable: Path, doc: dict[str, Any]) -> list[str | int] | None:
    """A stable path as positions in ``doc`` (None when the item is not there)."""
    out: list[str | int] = []
    node: Any = doc
    for segment in stable:
        if isinstance(segment, Key):
            if not isinstance(node, list):
                return None
            key = IDENTITY_KEYS.get(str(out[-1]) if out else "", "")
            index = next(
                (i for i, item in enumerate(node) if str(item.get(key)) == segment.value), None
            )
            if index is None:
                return None
            out.append(index)
            node = node[index]
            continue
        out.append(segment)
        if isinstance(node, dict):
            node = node.get(str(segment))
        elif isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node):
            node = node[segment]
        else:
            node = None
    return out


# -- helpers ---------------------------------------------------------------------------------


def _keyed(doc: dict[str, Any]) -> dict[str, Any]:
    """The review's JSON with points and provisions held by identity instead of position."""
    out = dict(doc)
    for name, key in IDENTITY_KEYS.items():
        items = doc.get(name)
        if not isinstance(items, list):
            continue
        ids = [str(item.get(key)) for item in items]
        if len(set(ids)) == len(ids):
            out[name] = {Key(i): item for i, item in zip(ids, items, strict=True)}
            out[f"{name} (order)"] = ids
    return out


def _diff(old: Any, new: Any, path: Path = ()) -> list[tuple[Path, Any, Any]]:
    """Leaf differences as (path, old, new); dictionaries by key, lists of objects by item."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        changes = []
        for key in dict.fromkeys([*old, *new]):
            if key not in old or key not in new:
                changes.append(((*path, key), old.get(key), new.get(key)))
            else:
                changes += _diff(old[key], new[key], (*path, key))
        return changes
    if (
        isinstance(old, list)
        and isinstance(new, list)
        and len(old) == len(new)
        and all(isinstance(item, dict) for item in [*old, *new])
    ):
        changes = []
        for index, (a, b) in enumerate(zip(old, new, strict=True)):
            changes += _diff(a, b, (*path, index))
        return changes
    return [(path, old, new)]


def _within(inner: Path, outer: Path) -> bool:
    return inner[: len(outer)] == outer


def _get(doc: Any, path: Path) -> Any:
    node = doc
    for segment in path:
        if isinstance(node, dict):
            node = node.get(segment)
        elif isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node):
            node = node[segment]
        else:
            return None
    return node


def _describe(path: Path) -> str:
    return ".".join(seg.value if isinstance(seg, Key) else str(seg) for seg in path)
