"""Correcting the shape of a list in a review: find, split, merge and move its items.

Why a module of its own: the reviewer corrects two lists the workbench proposes, the
request's points (:mod:`workbench.reading`) and the requester's grounds
(:mod:`workbench.review_grounds`), with the same moves.  The mechanics of those moves, and
the messages a reviewer reads when one is refused, live here once; each module keeps what
is its own (how a key is checked, what a split part or a merged item takes from the
originals).

The functions work on the review's JSON (``data[items.field]``, a list of dicts) and change
it in place; the caller validates the result into a new :class:`~workbench.review.Review`
with :func:`validated`, so nothing is half-applied.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import ReviewError
from .review import Review, ReviewStatus, explain

Item = dict[str, Any]


@dataclass(frozen=True)
class Items:
    """One list of a review's items, as its moves need to know it."""

    #: What one item is called in messages: ``"point"``, ``"ground"``.
    word: str
    #: The key that names an item, unique within the review: ``"label"``, ``"id"``.
    key: str
    #: The review's field holding the list, named in errors: ``"points"``.
    field: str
    #: The model of one item, to copy one as a valid fresh item.
    model: type[BaseModel]
    #: Checks a key the reviewer gives, returning it cleaned or raising a ReviewError.
    check: Callable[[str], str]
    #: An example of splitting item ``{0}``, shown when too few parts are given.
    split_example: str


def comma_list(value: str | Iterable[str]) -> list[str]:
    """``"3a, 3b"`` or ``["3a", "3b"]`` -> ``["3a", "3b"]`` (blank items dropped)."""
    entries = value.split(",") if isinstance(value, str) else list(value)
    return [str(entry).strip() for entry in entries if str(entry).strip()]


def editable(review: Review) -> dict[str, Any]:
    """The review as JSON to change, refusing a completed (frozen) one."""
    if review.is_frozen:
        raise ReviewError(
            f"The review of {review.case_id} (version {review.version}) is completed and "
            "frozen; start a new version to change it",
            case_id=review.case_id,
        )
    return review.to_json()


def validated(data: dict[str, Any], subject: str, *, starts: bool = True) -> Review:
    """A Review from changed JSON, or one clear error naming the ``subject`` changed.

    A draft moves to in progress when the reviewer made the change (``starts``); the
    workbench's own proposals leave it a draft.
    """
    if starts and data.get("status") == ReviewStatus.DRAFT.value:
        data["status"] = ReviewStatus.IN_PROGRESS.value
    try:
        return Review.model_validate(data)
    except ValidationError as exc:
        raise ReviewError(
            f"Cannot change the {subject}: {explain(exc)}", case_id=data.get("case_id")
        ) from exc


def copy(items: Items, item: Item) -> Item:
    """A fresh copy of ``item`` (nothing shared with the original)."""
    return items.model.model_validate(item).model_dump(mode="json")


def not_found(items: Items, review: Review, wanted: str, keys: Sequence[str]) -> ReviewError:
    """The error for an item the review does not have, listing the ones it has."""
    have = ", ".join(keys) or "none yet"
    return ReviewError(
        f"No {items.word} {wanted!r} in the review of {review.case_id}; "
        f"the {items.word}s are {have}",
        case_id=review.case_id,
        field=items.field,
    )


def index(items: Items, review: Review, listed: list[Item], key: str) -> int:
    """Where the item named ``key`` stands in ``listed``, or a ReviewError listing them."""
    wanted = str(key or "").strip()
    for position, item in enumerate(listed):
        if item[items.key] == wanted:
            return position
    raise not_found(items, review, wanted, [item[items.key] for item in listed])


def check_split(items: Items, listed: list[Item], key: str, parts: Sequence[str]) -> None:
    """Refuse to split item ``key`` into fewer than two parts, repeated keys, or keys taken."""
    if len(parts) < 2:
        raise ReviewError(
            f"Split {items.word} {key} into two or more {items.key}s, "
            f"e.g. {items.split_example.format(key)}",
            field=items.field,
        )
    repeated = sorted({part for part in parts if parts.count(part) > 1})
    if repeated:
        raise ReviewError(
            f"The parts of a split need different {items.key}s: {', '.join(repeated)}"
        )
    others = {item[items.key] for item in listed if item[items.key] != key}
    taken = sorted(set(parts) & others)
    if taken:
        raise ReviewError(
            f"Cannot split {items.word} {key} into {', '.join(taken)}: the review already has "
            f"{items.word}{'s' if len(taken) > 1 else ''} {', '.join(taken)}",
            field=items.field,
        )


def split(items: Items, listed: list[Item], position: int, parts: Sequence[str]) -> list[Item]:
    """Put a copy of the item at ``position`` for each key in ``parts`` in its place.

    Each part starts as the whole item, so nothing typed is lost; the parts are returned
    (they are the ones now in ``listed``) for the caller to give each its own text.
    """
    original = listed[position]
    copies = []
    for part_key in parts:
        part = copy(items, original)
        part[items.key] = part_key
        copies.append(part)
    listed[position : position + 1] = copies
    return copies


def merge(
    items: Items,
    review: Review,
    listed: list[Item],
    first: str,
    second: str,
    new_key: str | None = None,
) -> tuple[Item, Item, Item]:
    """Put one item at ``first``'s place for items ``first`` and ``second``.

    The merged item starts as a copy of the first, named ``new_key`` (checked) or the
    first's key.  Returns it (as it now stands in ``listed``) with the two originals, for
    the caller to combine their contents into it.
    """
    i, j = index(items, review, listed, first), index(items, review, listed, second)
    if i == j:
        raise ReviewError(
            f"Merge two different {items.word}s, not {items.word} {first} with itself"
        )
    merged_key = items.check(new_key) if new_key else listed[i][items.key]
    others = {item[items.key] for k, item in enumerate(listed) if k not in (i, j)}
    if merged_key in others:
        raise ReviewError(
            f"Cannot call the merged {items.word} {merged_key}: the review already has a "
            f"{items.word} {merged_key}",
            field=items.field,
        )
    a, b = listed[i], listed[j]
    merged = copy(items, a)
    merged[items.key] = merged_key
    listed[i] = merged
    del listed[j]
    return merged, a, b


def move(items: Items, listed: list[Item], position: int, to: int) -> None:
    """Put the item at ``position`` at ``to`` (0 = first); the others keep their order."""
    if not 0 <= to < len(listed):
        raise ReviewError(
            f"Position {to + 1} is outside the list of {len(listed)} {items.word}s",
            field=items.field,
        )
    listed.insert(to, listed.pop(position))
