"""The reviewer's reading of the response: points, determinations, provisions, searches, facts.

Why a module of its own: the first pass (:mod:`workbench.parsing`) *proposes* a
reading of the letter; the reviewer confirms or corrects it, and everything downstream
(checks, letter, spreadsheet, register) follows the corrected reading.  The rules for
correcting it live here, once, as pure functions on a :class:`~workbench.review.Review`,
so the dashboard and the ``workbench review`` commands (both through
:class:`~workbench.service.ReviewSession`) cannot disagree about them.

Every function takes a review and returns a new, validated one (the argument is never
changed), or raises :class:`~workbench.errors.ReviewError` with a one-line message that
lists the valid values; nothing is half-applied.  The rules they keep:

* **Labels** are unique, short and without spaces or commas ("3a", "Q2", "(b)").
* **Provisions follow points.**  A point's provisions are read by the citation parser
  (``s.40(2)``, ``reg.12(5)(b)``, ``foisa.s.38(1)(b)`` or "section 40(2)").  A provision
  relied on by a point has a provision review (with the catalogue's questions); when no
  point relies on it any more, its review is set aside *with its answers*, and relying on
  it again brings them back.  A provision the letter cites but no point relies on stays
  unattached: it is never spread over every point.
* **Nothing typed is lost.**  Splitting a point copies its reasons to every part; merging
  joins both texts and both reasons.

Usage::

    review = split_point(review, "3", ["3a", "3b"])
    review = set_point_text(review, "3b", "Interview scores of these candidates")
    review = set_point_determination(review, "3b", "not_held")
    review = set_point_provisions(review, "3a", "section 12(1)")
    extraction = corrected_reading(review, first_pass)      # what the checks read
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from . import restructure
from .catalogue import is_valid_id, load_catalogue
from .citations import cited_ids, normalise
from .deadlines import parse_date
from .errors import CitationError, ReviewError
from .parsing.model import DETERMINATION_LABELS, Determination, Evidence, Extraction, Point
from .review import (
    SEARCH_RECORD_FIELDS,
    LetterKind,
    PointReview,
    Review,
)

#: A label: letters, digits and . ( ) / - _ ; no spaces or commas (lists are comma-separated).
LABEL_PATTERN = re.compile(r"^[\w.()/\-]{1,20}$")
REGIMES = ("FOIA", "EIR", "FOISA", "EISR", "mixed")
#: How a provision may be written, for messages.
PROVISION_FORMS = "s.40(2), reg.12(5)(b), foisa.s.38(1)(b) or as a letter writes it: section 40(2)"


# -- reading the reviewer's input ------------------------------------------------------------


def parse_labels(value: str | Iterable[str]) -> list[str]:
    """``"3a,3b"`` or ``["3a", "3b"]`` -> ``["3a", "3b"]`` (blank items dropped)."""
    return restructure.comma_list(value)


def check_label(label: str) -> str:
    """The label, stripped, or a ReviewError saying what a label may hold."""
    text = str(label or "").strip()
    if not LABEL_PATTERN.match(text):
        raise ReviewError(
            f"{text!r} cannot be a point label: use up to 20 letters, digits or . ( ) / - _ "
            "(no spaces or commas), e.g. 3a",
            field="points",
        )
    return text


#: The request's points, as :mod:`workbench.restructure` splits, merges and moves them.
POINTS = restructure.Items(
    word="point",
    key="label",
    field="points",
    model=PointReview,
    check=check_label,
    split_example="--into {0}a,{0}b",
)


def parse_determination(value: Determination | str | None) -> Determination | None:
    """A determination from its value (``not_held``) or label ("Not held"); "" for none."""
    if value is None or isinstance(value, Determination):
        return value
    text = str(value).strip()
    if not text:
        return None
    for determination, label in DETERMINATION_LABELS.items():
        if text.casefold() in (determination.value, label.casefold()):
            return determination
    raise ReviewError(
        f"Unknown determination {text!r}: use one of {', '.join(d.value for d in Determination)}",
        field="determination",
    )


def parse_provision(value: str, regime: str | None = None) -> str:
    """One provision as the reviewer wrote it -> its catalogue id.

    Accepts the normalised id (``s.40(2)``) or a letter's wording ("section 40(2) of the
    FOIA", "reg 13"); ``regime`` says which Act a bare "section" belongs to.

    :raises ReviewError: the text names no provision the catalogue knows.
    """
    text = " ".join(str(value or "").split())
    hint = regime if regime in ("FOIA", "EIR", "FOISA", "EISR") else None
    found: str | None = None
    try:
        found = normalise(text, hint)
    except CitationError:
        ids = cited_ids(text, hint)
        found = ids[0] if len(ids) == 1 else None
    catalogue = load_catalogue()
    if found is None or not is_valid_id(found) or not catalogue.knows(found):
        suggestion = ""
        if found is not None and is_valid_id(found):
            suggestion = catalogue._hint(found)  # "did you mean ..." when one is close
        raise ReviewError(
            f"Unknown provision {text!r}{suggestion}: write it as {PROVISION_FORMS}",
            field="provisions",
        )
    return found


def parse_provisions(value: str | Iterable[str], regime: str | None = None) -> list[str]:
    """``"s.40(2), section 43(2)"`` or a list -> ids, each once, in the order given."""
    items = value.split(",") if isinstance(value, str) else list(value)
    ids = [parse_provision(item, regime) for item in items if str(item).strip()]
    return list(dict.fromkeys(ids))


# -- points ---------------------------------------------------------------------------------


def add_point(
    review: Review,
    label: str,
    text: str = "",
    determination: Determination | str | None = None,
    provisions: str | Iterable[str] = (),
    *,
    after: str | None = None,
) -> Review:
    """A point the first pass missed, at the end (or after point ``after``)."""
    data, points = _start(review)
    label = _new_label(points, label)
    chosen = parse_determination(determination)
    point = PointReview(
        label=label,
        request_text=_clean_text(text),
        corrected_determination=chosen,
        provisions=parse_provisions(provisions, review.regime),
        read=None,
    )
    position = len(points) if after is None else _index(points, after, review) + 1
    points.insert(position, point.model_dump(mode="json"))
    return _finish(data, points)


def delete_point(review: Review, label: str) -> Review:
    """Remove a point (a fragment the first pass took for one); its provisions follow."""
    data, points = _start(review)
    del points[_index(points, label, review)]
    return _finish(data, points)


def relabel_point(review: Review, label: str, new_label: str) -> Review:
    """Give a point the letter's own label ("2" -> "Q2")."""
    data, points = _start(review)
    index = _index(points, label, review)
    new_label = check_label(new_label)
    if new_label != label:
        _new_label(points, new_label)
    points[index]["label"] = new_label
    return _finish(data, points)


def set_point_text(
    review: Review, label: str, text: str, *, source: Evidence | None = None
) -> Review:
    """What the requester asked for in this point, typed or taken from the letter.

    ``source`` is the passage of the response (or request) the text was selected from;
    it is kept with the point so the page can show where the words came from.
    """
    data, points = _start(review)
    point = points[_index(points, label, review)]
    point["request_text"] = _clean_text(text)
    point["text_source"] = source.model_dump(mode="json") if source is not None else None
    return _finish(data, points)


def set_point_answer(review: Review, label: str, passages: Sequence[Evidence]) -> Review:
    """Where the letter answers this point (the passages checks and the page use for it)."""
    data, points = _start(review)
    point = points[_index(points, label, review)]
    point["evidence"] = [passage.model_dump(mode="json") for passage in passages]
    return _finish(data, points)


def set_point_determination(
    review: Review, label: str, determination: Determination | str | None
) -> Review:
    """What the original response decided for the point; None goes back to what was read."""
    data, points = _start(review)
    point = points[_index(points, label, review)]
    chosen = parse_determination(determination)
    original = point.get("original_determination")
    point["corrected_determination"] = (
        None if chosen is None or (chosen.value == original) else chosen.value
    )
    return _finish(data, points)


def set_point_provisions(review: Review, label: str, provisions: str | Iterable[str]) -> Review:
    """The provisions the response relied on for this point (replacing the list)."""
    data, points = _start(review)
    point = points[_index(points, label, review)]
    point["provisions"] = parse_provisions(provisions, review.regime)
    return _finish(data, points)


def split_point(
    review: Review, label: str, into: str | Sequence[str], texts: Sequence[str] | None = None
) -> Review:
    """Split one point into parts (3 -> 3a, 3b) where the letter answered them separately.

    Each part starts as a copy of the point (its text unless ``texts`` gives one per part,
    determination, provisions, evidence, finding and reasons), so nothing typed is lost;
    the reviewer then corrects each part.  A part may keep the point's own label.
    """
    data, points = _start(review)
    index = _index(points, label, review)
    labels = [check_label(part) for part in parse_labels(into)]
    restructure.check_split(POINTS, points, label, labels)
    if texts is not None and len(texts) != len(labels):
        raise ReviewError(f"Give one text per part ({len(labels)}), or none", field="points")
    parts = restructure.split(POINTS, points, index, labels)
    if texts is not None:
        for part, text in zip(parts, texts, strict=True):
            part["request_text"] = _clean_text(text)
            part["text_source"] = None
    return _finish(data, points)


def merge_points(review: Review, first: str, second: str, label: str | None = None) -> Review:
    """Merge two points into one (a request the first pass cut in two), at the first's place.

    The texts and the reviewer's reasons are joined, provisions, evidence and remedies
    combined.  The determination is the first point's (the second's if the first has
    none); a finding is kept only when both points had the same one.
    """
    data, points = _start(review)
    merged, a, b = restructure.merge(POINTS, review, points, first, second, label)
    merged["request_text"] = _joined(a["request_text"], b["request_text"], "\n")
    merged["text_source"] = None
    if _determination(a) is None:
        merged["original_determination"] = b.get("original_determination")
        merged["corrected_determination"] = b.get("corrected_determination")
    merged["provisions"] = list(dict.fromkeys([*a["provisions"], *b["provisions"]]))
    merged["evidence"] = _unique([*a["evidence"], *b["evidence"]])
    merged["reasons"] = _joined(a["reasons"], b["reasons"], "\n\n")
    merged["remedies"] = list(dict.fromkeys([*a["remedies"], *b["remedies"]]))
    merged["remedy_date"] = a.get("remedy_date") or b.get("remedy_date")
    merged["finding"] = a.get("finding") if a.get("finding") == b.get("finding") else None
    return _finish(data, points)


def move_point(review: Review, label: str, to: int) -> Review:
    """Put point ``label`` at position ``to`` (0 = first); the others keep their order."""
    data, points = _start(review)
    restructure.move(POINTS, points, _index(points, label, review), to)
    return _finish(data, points)


def reorder_points(review: Review, labels: str | Sequence[str]) -> Review:
    """Put the points in the order of ``labels`` (every label, once each)."""
    data, points = _start(review)
    wanted = parse_labels(labels)
    have = [p["label"] for p in points]
    if sorted(wanted) != sorted(have):
        raise ReviewError(
            f"Give every point once to reorder them: the points are {', '.join(have)}",
            field="points",
        )
    by_label = {p["label"]: p for p in points}
    return _finish(data, [by_label[lab] for lab in wanted])


def point_provisions(review: Review, point: PointReview) -> list[str]:
    """The provisions a point relies on: its own list, and any provision review naming it.

    Reviews made before points carried their provisions name the point only on the
    provision; both are read, so neither way of recording it is lost.
    """
    named = [p.provision_id for p in review.provisions if point.label in p.points]
    return list(dict.fromkeys([*point.provisions, *named]))


# -- provisions not tied to a point ----------------------------------------------------------


def set_aside_provision(review: Review, provision_id: str) -> Review:
    """Set aside a provision the letter cites but no point relies on (answers kept)."""
    data = restructure.editable(review)
    found = [p for p in data["provisions"] if p["provision_id"] == provision_id]
    if not found:
        known = ", ".join(p.provision_id for p in review.provisions) or "none"
        raise ReviewError(
            f"No provision {provision_id!r} in the review (provisions: {known})",
            field="provisions",
        )
    if found[0]["points"]:
        raise ReviewError(
            f"Point(s) {', '.join(found[0]['points'])} rely on {provision_id}: remove it from "
            "those points instead",
            field="provisions",
        )
    data["provisions"] = [p for p in data["provisions"] if p["provision_id"] != provision_id]
    data["set_aside"] = [
        *[p for p in data["set_aside"] if p["provision_id"] != provision_id],
        found[0],
    ]
    return _validated(data, review)


# -- searches --------------------------------------------------------------------------------


def edit_search(review: Review, index: int, **fields: str) -> Review:
    """Change columns of one search row (``where``, ``terms``, ``date`` ...)."""
    data = restructure.editable(review)
    row = data["searches"][_search_index(review, index)]
    unknown = [name for name in fields if name not in SEARCH_RECORD_FIELDS]
    if unknown:
        raise ReviewError(
            f"A search has no column {', '.join(unknown)}: use {', '.join(SEARCH_RECORD_FIELDS)}",
            field="searches",
        )
    for name, value in fields.items():
        row[name] = str(value or "").strip()
    if not (row["where"] or row["terms"]):
        raise ReviewError(
            f"Search {index + 1} needs where it was made or the terms used", field="searches"
        )
    return _validated(data, review)


def delete_search(review: Review, index: int) -> Review:
    """Remove a search row (the audit trail keeps it, with everything said about it)."""
    data = restructure.editable(review)
    del data["searches"][_search_index(review, index)]
    return _validated(data, review)


def mark_not_a_search(review: Review, passage: Evidence, not_a_search: bool = True) -> Review:
    """Say that a passage the first pass read as a search is not one (or is one after all)."""
    data = restructure.editable(review)
    kept = [e for e in data["not_searches"] if Evidence.model_validate(e) != passage]
    data["not_searches"] = [*kept, passage.model_dump(mode="json")] if not_a_search else kept
    return _validated(data, review)


# -- case facts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FactField:
    """One fact about the case that is read from the letter or case record, and corrected."""

    #: The fact's name; also the key in ``review.corrections``.
    name: str
    label: str
    #: ``"text"``, ``"date"``, ``"regime"``, ``"kind"`` or ``"yes_no"``: how it is typed.
    kind: str
    #: The case record's field that outranks the extraction, if there is one.
    meta_field: str | None = None
    #: The review's own copy of the fact (kept in step with a correction), if there is one.
    review_field: str | None = None


#: The facts the Overview shows and ``workbench review set`` changes, in the Overview's order.
FACT_FIELDS: tuple[FactField, ...] = (
    FactField("authority", "Authority", "text", "authority", "authority"),
    FactField("requester", "Requester", "text", "requester", "requester"),
    FactField("kind", "Kind of letter", "kind", None, "kind"),
    FactField("reference", "Reference", "text", "reference", "reference"),
    FactField("regime", "Regime", "regime", "regime", "regime"),
    FactField("date_received", "Request received", "date", "date_received", "date_received"),
    FactField("date_of_response", "Response sent", "date", "date_responded", "date_responded"),
    FactField(
        "review_requested",
        "Review requested",
        "date",
        "date_review_requested",
        "review_requested",
    ),
    FactField("review_rights_given", "Right to a review given", "yes_no"),
    FactField("complaint_rights_given", "Right to complain to the regulator given", "yes_no"),
    FactField("advice_and_assistance", "Advice and assistance offered", "yes_no"),
)
FACTS_BY_NAME = {fact.name: fact for fact in FACT_FIELDS}


def fact_field(name: str) -> FactField:
    """The fact called ``name``, or a ReviewError listing them."""
    try:
        return FACTS_BY_NAME[name]
    except KeyError:
        raise ReviewError(
            f"{name!r} is not a fact of the case; use one of {', '.join(FACTS_BY_NAME)}",
            field=name,
        ) from None


def parse_fact(field: FactField, value: Any) -> Any:
    """The reviewer's value for a fact, typed; None for an empty one.

    :raises DateError: a date that cannot be read.
    :raises ReviewError: a value the fact cannot take (naming the ones it can).
    """
    if isinstance(value, str):
        value = value.strip()
    if value in (None, ""):
        return None
    if field.kind == "date":
        return value if isinstance(value, dt.date) else parse_date(value, field_name=field.label)
    if field.kind == "regime":
        if value not in REGIMES:
            raise ReviewError(
                f"{field.label}: {value!r} is not a regime; choose {', '.join(REGIMES)}",
                field=field.name,
            )
        return value
    if field.kind == "kind":
        try:
            return LetterKind.from_label(str(value))
        except ValueError:
            raise ReviewError(
                f"{field.label}: {value!r} is not a kind of letter; choose "
                + ", ".join(LetterKind.choices()),
                field=field.name,
            ) from None
    if field.kind == "yes_no":
        answers = {"yes": True, "no": False, True: True, False: False}
        key = value.lower() if isinstance(value, str) else value
        if key not in answers:
            raise ReviewError(f"{field.label}: answer yes or no, not {value!r}", field=field.name)
        return answers[key]
    return str(value)


def set_fact(review: Review, name: str, value: Any, read: Any = None) -> Review:
    """Correct a fact of the case (``"requester"``, ``"date_received"`` ...).

    ``read`` is the value as read (from the case record, else the letter).  A value
    different from it is recorded as the reviewer's correction, keeping what was read;
    the same value, or an empty one, removes the correction.  Where the review keeps
    its own copy of the fact, that copy takes the value in force.
    """
    field = fact_field(name)
    corrected = parse_fact(field, value)
    if corrected is None:
        corrected = read
    data = restructure.editable(review)
    corrections = dict(data["corrections"])
    if _json(corrected) == _json(read):
        corrections.pop(field.name, None)
    else:
        corrections[field.name] = {"extracted": _json(read), "corrected": _json(corrected)}
    data["corrections"] = corrections
    if field.review_field is not None:
        data[field.review_field] = _json(corrected)
    return _validated(data, review)


# -- the corrected reading -------------------------------------------------------------------


def corrected_reading(review: Review, first_pass: Extraction | None = None) -> Extraction:
    """The first pass with the reviewer's reading applied: what checks and exports read.

    Points (labels, request texts, determinations, provisions) are the review's; each
    keeps its evidence (for a point saved before points kept theirs, the first pass's
    evidence for the label it was read as).  The provisions cited are those the review
    holds; passages marked "not a search" are dropped; corrected facts replace the ones
    read.
    """
    base = first_pass if first_pass is not None else Extraction()
    read_evidence = {point.label: point.evidence for point in base.points}
    points = []
    for point in review.points:
        evidence = list(point.evidence)
        if not evidence and point.read is not None:
            evidence = list(read_evidence.get(point.read.label, []))
        points.append(
            Point(
                label=point.label,
                text=point.request_text,
                determination=point.determination,
                provisions=point_provisions(review, point),
                evidence=evidence,
            )
        )
    cited = [pid for point in points for pid in point.provisions]
    cited += [p.provision_id for p in review.provisions]
    update: dict[str, Any] = {
        "points": points,
        "provisions_cited": list(dict.fromkeys(cited)),
        "searches": [e for e in base.searches if e not in review.not_searches],
    }
    for name in ("reference", "regime", "date_received", "date_of_response"):
        correction = review.corrections.get(name)
        if correction is not None and correction.corrected not in (None, ""):
            value = correction.corrected
            update[name] = dt.date.fromisoformat(value) if name.startswith("date_") else value
    for name in ("review_rights_given", "complaint_rights_given", "advice_and_assistance"):
        correction = review.corrections.get(name)
        if correction is not None and isinstance(correction.corrected, bool):
            update[name] = correction.corrected
    fields = type(base).model_fields
    if "kind" in fields and review.kind is not None:
        update["kind"] = review.kind.value
    if "requester" in fields and review.requester:
        update["requester"] = review.requester
    return base.model_copy(update=update)


# -- helpers ---------------------------------------------------------------------------------


def _start(review: Review) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The review's JSON and its points, with each point listing every provision it relies on."""
    data = restructure.editable(review)
    points = data["points"]
    for provision in data["provisions"]:
        for point in points:
            if (
                point["label"] in provision["points"]
                and provision["provision_id"] not in (point["provisions"])
            ):
                point["provisions"].append(provision["provision_id"])
    return data, points


def _finish(data: dict[str, Any], points: list[dict[str, Any]]) -> Review:
    """Put the points back, make the provision reviews follow them, and validate."""
    data["points"] = points
    _follow_points(data)
    return _validated(data, None)


def _follow_points(data: dict[str, Any]) -> None:
    """Provision reviews follow the points: one per provision relied on, set aside when none.

    A provision review that loses its last point goes to ``set_aside`` with its answers;
    one relied on again comes back from there.  A provision never tied to a point (cited
    in the letter only) stays as it is.
    """
    points = data["points"]

    def labels(pid: str) -> list[str]:
        return [p["label"] for p in points if pid in p["provisions"]]

    aside = {p["provision_id"]: p for p in data["set_aside"]}
    kept, present = [], set()
    for provision in data["provisions"]:
        pid = provision["provision_id"]
        on = labels(pid)
        present.add(pid)
        if on or not provision["points"]:
            kept.append({**provision, "points": on})
        else:
            aside[pid] = {**provision, "points": []}
    for pid in dict.fromkeys(pid for p in points for pid in p["provisions"]):
        if pid in present:
            continue
        restored = aside.pop(pid, None) or {"provision_id": pid}
        kept.append({**restored, "points": labels(pid)})
        present.add(pid)
    data["provisions"] = kept
    data["set_aside"] = list(aside.values())


def _validated(data: dict[str, Any], review: Review | None) -> Review:
    """A Review from changed JSON; a draft moves to in progress; one clear error if invalid."""
    return restructure.validated(data, "reading")


def _index(points: list[dict[str, Any]], label: str, review: Review) -> int:
    return restructure.index(POINTS, review, points, label)


def _new_label(points: list[dict[str, Any]], label: str) -> str:
    label = check_label(label)
    if any(point["label"] == label for point in points):
        raise ReviewError(
            f"The review already has a point {label}; choose another label (e.g. {label}b)",
            field="points",
        )
    return label


def _search_index(review: Review, index: int) -> int:
    if not isinstance(index, int) or not 0 <= index < len(review.searches):
        raise ReviewError(
            f"No search {index + 1 if isinstance(index, int) else index!r}: the review has "
            f"{len(review.searches)}",
            field="searches",
        )
    return index


def _determination(point: dict[str, Any]) -> str | None:
    return point.get("corrected_determination") or point.get("original_determination")


def _joined(first: str, second: str, separator: str) -> str:
    return separator.join(text for text in (first.strip(), second.strip()) if text)


def _unique(items: list[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _clean_text(text: str) -> str:
    """A request text as the reviewer gave it, without the outer blank space."""
    return str(text or "").strip()


def _json(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return value
