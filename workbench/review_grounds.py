"""The review's grounds: what the requester objects to, ground by ground, and the finding on each.

Why a module of its own (beside :mod:`workbench.reading`, which corrects the reading of
the *response*): the grounds reader (:mod:`workbench.grounds`) *proposes* the grounds of
a review request; the reviewer confirms or corrects them and must answer every one.  The
rules for that live here, once, as pure functions on a :class:`~workbench.review.Review`,
so the dashboard's Grounds tab and the ``workbench review ground`` commands (both through
:class:`~workbench.service.ReviewSession`) cannot disagree about them.

Every function takes a review and returns a new, validated one (the argument is never
changed), or raises :class:`~workbench.errors.ReviewError` with a one-line message that
lists the valid values; nothing is half-applied.  The rules they keep:

* **Ids** are ``g1``, ``g2``, ... in the order raised, unique within the review; a ground
  the reviewer adds takes the next free number, the parts of a split ground ``g2a``, ``g2b``.
* **The requester's words stay theirs.**  A ground's ``quote`` is an exact passage of the
  review request (from the reader, or selected by the reviewer); the summary, category,
  provisions and points are the reviewer's to correct, and what was read is kept beside them.
* **Nothing typed is lost.**  Splitting copies the finding and reasons to every part;
  merging joins the summaries and reasons.
* **Nothing is read over the reviewer's work.**  Grounds are read into a review only while
  it has none (or when the reviewer asks to replace them, the audit trail keeping the old).

Usage::

    request = review_request_text(read_review_request(case), review)   # else typed words
    review = read_grounds(review, request)             # the reader's proposal
    review = split_ground(review, "g2")                # g2a, g2b
    review = set_ground_finding(review, "g2a", "upheld", reasons="...", remedies="disclose")
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from . import restructure
from .catalogue import is_valid_id
from .citations import cited_ids, normalise
from .errors import CitationError, ReviewError, WorkbenchError
from .parsing.model import Evidence
from .review import (
    GroundFinding,
    GroundReview,
    Remedy,
    Review,
)

if TYPE_CHECKING:
    from .cases import Case
    from .grounds.model import RequesterGround

#: A ground id: ``g`` and a number, optionally letters for a split part (``g2a``).
ID_PATTERN = re.compile(r"^g\d{1,3}[a-z]{0,3}$")
#: A point label as a ground refers to it (the same form as a point's label).
POINT_PATTERN = re.compile(r"^[\w.()/\-]{1,20}$")
#: The regimes a review is held under, mapped to how the grounds reader reads bare sections.
_READER_REGIMES = ("FOIA", "EIR", "FOISA", "EISR")
#: How a provision may be written, for messages.
PROVISION_FORMS = "s.40(2), reg.12(5)(b), foisa.s.38(1)(b), eisr.reg.10(5)(f) or 'section 40(2)'"

Source = Literal["review_request", "grounds"]

log = logging.getLogger(__name__)

_KEEP: Any = object()


# -- the text the grounds are read from ---------------------------------------------------------


@dataclass(frozen=True)
class RequestText:
    """The requester's review request as the workbench reads it, and where it came from.

    ``source`` is ``"review_request"`` for the case's document, ``"grounds"`` for the
    requester's words typed into the review when the case has no document.
    """

    text: str
    source: Source

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def span(self, ground: GroundReview) -> tuple[int, int] | None:
        """Where ``ground``'s quote is in this text: its offsets, else the quote found again.

        The offsets index the text the ground was read from; when the review request was
        replaced since, the quote is looked for instead (and None when it is not there).
        """
        if not ground.quote:
            return None
        start, end = ground.start, ground.end
        if start is not None and end is not None and self.text[start:end] == ground.quote:
            return start, end
        found = self.text.find(ground.quote)
        return (found, found + len(ground.quote)) if found >= 0 else None


def review_request_text(document: str | None, review: Review) -> RequestText | None:
    """The review request the grounds are read from: the case's document (its text, as
    :func:`read_review_request` gives it), else the requester's words typed into the review."""
    if document is not None and document.strip():
        return RequestText(document, "review_request")
    if review.grounds.strip():
        return RequestText(review.grounds, "grounds")
    return None


def read_review_request(case: Case) -> str | None:
    """The text of the case's review request document, or None when it has none.

    :raises WorkbenchError: the document cannot be read.
    """
    document = case.review_request() if case.meta.documents.review_request else None
    return document.text if document is not None else None


def with_grounds_read(case: Case, review: Review) -> Review:
    """A new draft with the grounds of the case's review request read into it, if it has one.

    A review request that cannot be read leaves the draft without grounds (the Grounds tab
    says why and the reviewer can add them); it never stops a review from starting.
    """
    try:
        request = review_request_text(read_review_request(case), review)
    except WorkbenchError:
        log.warning("the review request of case %s cannot be read", case.id, exc_info=True)
        return review
    if not grounds_due(review, request):
        return review
    assert request is not None
    return read_grounds(review, request)


def reader_regime(review: Review, text: str) -> str | None:
    """How the reader reads bare section numbers: the review's regime, else the text's."""
    if review.regime in _READER_REGIMES:
        return review.regime
    from .grounds.reader import resolve_regime

    return resolve_regime(text, None)


def grounds_due(review: Review, request: RequestText | None) -> bool:
    """Whether the grounds of ``request`` should be read into ``review`` now.

    Only while the review is open and has no grounds, and only once per text: a reviewer
    who deleted every ground the reader proposed is not given them again, but a review
    request added (or replaced) later is read.
    """
    if review.is_frozen or request is None or review.requester_grounds:
        return False
    read = review.grounds_read
    return read is None or read.digest != request.digest


def read_grounds(review: Review, request: RequestText, *, replace: bool = False) -> Review:
    """The review with the grounds the reader finds in ``request``, as a proposal.

    :param replace: replace the grounds the review already has (their findings go too; the
        audit trail keeps them); without it, a review that has grounds is refused.
    """
    from .grounds import read_grounds as reader

    regime = reader_regime(review, request.text)
    return propose_grounds(review, reader(request.text, regime), request, regime, replace=replace)


def propose_grounds(
    review: Review,
    found: Sequence[RequesterGround],
    request: RequestText,
    regime: str | None = None,
    *,
    replace: bool = False,
) -> Review:
    """The review with ``found`` (the reader's grounds of ``request``) as its grounds."""
    data = restructure.editable(review)
    if data["requester_grounds"] and not replace:
        count = len(data["requester_grounds"])
        raise ReviewError(
            f"The review of {review.case_id} already has {count} ground(s); read the review "
            "request again only to replace them (their findings go, the audit trail keeps them)",
            case_id=review.case_id,
            field="requester_grounds",
        )
    grounds = []
    for number, ground in enumerate(found, start=1):
        read = {
            "category": ground.category,
            "summary": ground.summary,
            "quote": ground.quote,
            "start": ground.start,
            "end": ground.end,
            "provisions": list(dict.fromkeys(ground.provisions)),
            "points": list(dict.fromkeys(ground.points)),
            "confidence": ground.confidence,
        }
        grounds.append({"id": f"g{number}", **read, "read": dict(read)})
    data["requester_grounds"] = grounds
    data["grounds_read"] = {"source": request.source, "digest": request.digest, "regime": regime}
    return _validated(data, starts=False)  # reading is not the reviewer's work


# -- reading the reviewer's input ---------------------------------------------------------------


def category_labels() -> dict[str, str]:
    """Every category with the words the reviewer sees ("Exemption disputed")."""
    from .grounds import load_cues

    return {name: entry.label for name, entry in load_cues().categories.items()}


def category_label(category: str) -> str:
    return category_labels().get(category, category)


def parse_category(value: str) -> str:
    """A category from its value (``exemption_disputed``) or its label ("Exemption disputed")."""
    text = " ".join(str(value or "").split()).casefold()
    for name, label in category_labels().items():
        if text in (name, label.casefold()):
            return name
    raise ReviewError(
        f"Unknown category {value!r}: use one of {', '.join(category_labels())}",
        field="category",
    )


def check_ground_id(value: str) -> str:
    """The id, stripped, or a ReviewError saying what an id may be."""
    text = str(value or "").strip()
    if not ID_PATTERN.match(text):
        raise ReviewError(
            f"{text!r} cannot be a ground id: use g and a number, with letters for a part "
            "(g3, g3a)",
            field="requester_grounds",
        )
    return text


#: The requester's grounds, as :mod:`workbench.restructure` splits, merges and moves them.
GROUNDS = restructure.Items(
    word="ground",
    key="id",
    field="requester_grounds",
    model=GroundReview,
    check=check_ground_id,
    split_example="{0}a,{0}b",
)


def parse_points(value: str | Iterable[str]) -> list[str]:
    """``"2, 5"`` or a list -> labels of the request's points, each once."""
    labels = restructure.comma_list(value)
    bad = [label for label in labels if not POINT_PATTERN.match(label)]
    if bad:
        raise ReviewError(
            f"{bad[0]!r} cannot be a point label: use up to 20 letters, digits or . ( ) / - _ "
            "(no spaces), separated by commas, e.g. 2, 3a",
            field="points",
        )
    return list(dict.fromkeys(labels))


def parse_ground_provision(value: str, regime: str | None = None) -> str:
    """One provision a ground names -> its normalised id (any section of the Acts, not only
    exemptions: a requester may rely on s.16 or s.17 too)."""
    text = " ".join(str(value or "").split())
    if is_valid_id(text):
        return text
    hint = regime if regime in _READER_REGIMES else None
    try:
        found = normalise(text, hint)
    except CitationError:
        ids = cited_ids(text, hint)
        found = ids[0] if len(ids) == 1 else ""
    if not is_valid_id(found):
        raise ReviewError(
            f"Unknown provision {text!r}: write it as {PROVISION_FORMS}", field="provisions"
        )
    return found


def parse_ground_provisions(value: str | Iterable[str], regime: str | None = None) -> list[str]:
    items = value.split(",") if isinstance(value, str) else list(value)
    ids = [parse_ground_provision(item, regime) for item in items if str(item).strip()]
    return list(dict.fromkeys(ids))


def parse_ground_finding(value: GroundFinding | str | None) -> GroundFinding | None:
    """A finding from its value (``partly_upheld``) or label ("Partly upheld"); "" for none."""
    if value is None or isinstance(value, GroundFinding):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return GroundFinding.from_label(text)
    except ValueError:
        raise ReviewError(
            f"Unknown finding {text!r}: use one of {', '.join(GroundFinding.choices())}",
            field="finding",
        ) from None


def parse_remedies(value: str | Iterable[Remedy | str]) -> list[Remedy]:
    """``"disclose; new_searches"`` (values or labels, ``;`` or ``,`` between) -> remedies."""
    items = re.split(r"[;,]", value) if isinstance(value, str) else list(value)
    remedies = []
    for item in items:
        if isinstance(item, Remedy):
            remedies.append(item)
            continue
        if not str(item).strip():
            continue
        try:
            remedies.append(Remedy.from_label(str(item)))
        except ValueError:
            raise ReviewError(
                f"Unknown remedy {str(item).strip()!r}: use one of {', '.join(Remedy.choices())}",
                field="remedies",
            ) from None
    return list(dict.fromkeys(remedies))


# -- grounds ------------------------------------------------------------------------------------


def add_ground(
    review: Review,
    category: str,
    summary: str = "",
    *,
    quote: Evidence | None = None,
    points: str | Iterable[str] = (),
    provisions: str | Iterable[str] = (),
    ground_id: str | None = None,
    after: str | None = None,
) -> Review:
    """A ground the reader missed: placed in the order raised when its words are given
    (``quote``, selected in the review request), else at the end (or after ``after``)."""
    data, grounds = _start(review)
    new_id = _new_id(grounds, ground_id)
    ground = GroundReview(
        id=new_id,
        category=parse_category(category),
        summary=_clean(summary),
        points=parse_points(points),
        provisions=parse_ground_provisions(provisions, review.regime),
    ).model_dump(mode="json")
    if quote is not None:
        ground.update(_quoted(quote))
    if after is not None:
        position = _index(grounds, after, review) + 1
    elif quote is not None:
        position = next(
            (
                i
                for i, g in enumerate(grounds)
                if g["start"] is not None and g["start"] > quote.start
            ),
            len(grounds),
        )
    else:
        position = len(grounds)
    grounds.insert(position, ground)
    return _finish(data, grounds)


def add_ground_from_words(review: Review, quote: Evidence, category: str | None = None) -> Review:
    """A ground for words the reviewer selected in the review request.

    The reader reads the words alone and proposes the category, summary, provisions and
    points of the first ground it finds in them (for the reviewer to correct); when it finds
    none, the ground takes ``category`` (default ``other``) and no summary.
    """
    from .grounds import read_grounds as reader

    found = reader(quote.quote, reader_regime(review, quote.quote))
    if found:
        first = found[0]
        return add_ground(
            review,
            first.category,
            first.summary,
            quote=quote,
            points=first.points,
            provisions=first.provisions,
        )
    return add_ground(review, category or "other", quote=quote)


def delete_ground(review: Review, ground_id: str) -> Review:
    """Remove a ground (not a ground after all); the audit trail keeps it."""
    data, grounds = _start(review)
    del grounds[_index(grounds, ground_id, review)]
    return _finish(data, grounds)


def set_ground_summary(review: Review, ground_id: str, summary: str) -> Review:
    """What the requester objects to, in one line (the letter's heading for the ground)."""
    return _set(review, ground_id, summary=_clean(summary))


def set_ground_category(review: Review, ground_id: str, category: str) -> Review:
    _ground(review, ground_id)
    return _set(review, ground_id, category=parse_category(category))


def set_ground_points(review: Review, ground_id: str, points: str | Iterable[str]) -> Review:
    """The request's points the ground concerns (replacing the list)."""
    _ground(review, ground_id)
    return _set(review, ground_id, points=parse_points(points))


def set_ground_provisions(
    review: Review, ground_id: str, provisions: str | Iterable[str]
) -> Review:
    """The provisions the ground is about (replacing the list)."""
    _ground(review, ground_id)
    return _set(review, ground_id, provisions=parse_ground_provisions(provisions, review.regime))


def set_ground_quote(review: Review, ground_id: str, quote: Evidence | None) -> Review:
    """The requester's words for this ground, selected in the review request (None: none)."""
    _ground(review, ground_id)
    if quote is None:
        return _set(review, ground_id, quote="", start=None, end=None)
    return _set(review, ground_id, **_quoted(quote))


def set_ground_finding(
    review: Review,
    ground_id: str,
    finding: GroundFinding | str | None = _KEEP,
    *,
    reasons: str | None = None,
    remedies: str | Iterable[Remedy | str] | None = None,
    remedy: str | None = None,
) -> Review:
    """The reviewer's finding on a ground, its reasons, and what will be done where upheld.

    Only what is given changes (``finding=""`` or None clears the finding).
    """
    _ground(review, ground_id)
    changes: dict[str, Any] = {}
    if finding is not _KEEP:
        chosen = parse_ground_finding(finding)
        changes["finding"] = chosen.value if chosen else None
    if reasons is not None:
        changes["reasons"] = _clean(reasons)
    if remedies is not None:
        changes["remedies"] = [r.value for r in parse_remedies(remedies)]
    if remedy is not None:
        changes["remedy"] = _clean(remedy)
    return _set(review, ground_id, **changes)


def split_ground(
    review: Review,
    ground_id: str,
    into: str | Sequence[str] | None = None,
    quotes: Sequence[Evidence | None] | None = None,
) -> Review:
    """Split a ground the reader read as one into parts (g2 -> g2a, g2b).

    Each part starts as a copy (category, summary, words, provisions, points, finding and
    reasons), so nothing typed is lost; the reviewer then corrects each part, selecting its
    own words in the review request.  ``quotes`` gives each part's words now, if known.
    """
    data, grounds = _start(review)
    index = _index(grounds, ground_id, review)
    ids = (
        [f"{ground_id}a", f"{ground_id}b"]
        if into is None or (isinstance(into, str) and not into.strip())
        else [check_ground_id(part) for part in restructure.comma_list(into)]
    )
    restructure.check_split(GROUNDS, grounds, ground_id, ids)
    if quotes is not None and len(quotes) != len(ids):
        raise ReviewError(f"Give the words of each part ({len(ids)}), or none")
    parts = restructure.split(GROUNDS, grounds, index, ids)
    for part, quote in zip(parts, quotes or [None] * len(parts), strict=True):
        if quote is not None:
            part.update(_quoted(quote))
    return _finish(data, grounds)


def merge_grounds(
    review: Review,
    first: str,
    second: str,
    new_id: str | None = None,
    *,
    text: str | None = None,
) -> Review:
    """Merge two grounds into one (one objection the reader cut in two), at the first's place.

    Summaries and reasons are joined, provisions, points and remedies combined; the category
    is the first's; a finding is kept only when both had the same one.  With ``text`` (the
    review request) the words become the passage running from the first to the last of them.
    """
    data, grounds = _start(review)
    merged, a, b = restructure.merge(GROUNDS, review, grounds, first, second, new_id)
    merged["summary"] = _joined(a["summary"], b["summary"], "; ")
    merged.update(_merged_words(a, b, text))
    merged["provisions"] = list(dict.fromkeys([*a["provisions"], *b["provisions"]]))
    merged["points"] = list(dict.fromkeys([*a["points"], *b["points"]]))
    confidences = [g["confidence"] for g in (a, b)]
    merged["confidence"] = None if None in confidences else min(confidences)
    merged["finding"] = a["finding"] if a["finding"] == b["finding"] else None
    merged["reasons"] = _joined(a["reasons"], b["reasons"], "\n\n")
    merged["remedies"] = list(dict.fromkeys([*a["remedies"], *b["remedies"]]))
    merged["remedy"] = _joined(a["remedy"], b["remedy"], "\n\n")
    return _finish(data, grounds)


def move_ground(review: Review, ground_id: str, to: int) -> Review:
    """Put ground ``ground_id`` at position ``to`` (0 = first): the order the letter answers."""
    data, grounds = _start(review)
    restructure.move(GROUNDS, grounds, _index(grounds, ground_id, review), to)
    return _finish(data, grounds)


def accept_proposal(review: Review, ground_id: str) -> Review:
    """Record the finding the reviewer's point and provision findings propose for a ground.

    The reviewer asked for it (nothing calls this on its own): the finding is set; the
    proposal's reasons are used only when the ground has none yet, and its remedies are
    added to the ground's.

    :raises ReviewError: nothing the reviewer has found answers this ground yet.
    """
    from .ground_links import proposal_for

    ground = _ground(review, ground_id)
    proposal = proposal_for(review, ground)
    if proposal is None:
        raise ReviewError(
            f"Nothing you have found yet answers ground {ground_id}: record its finding yourself",
            case_id=review.case_id,
            field="requester_grounds",
        )
    remedies = list(dict.fromkeys([*ground.remedies, *proposal.remedies]))
    return set_ground_finding(
        review,
        ground_id,
        proposal.finding,
        reasons=None if ground.reasons.strip() else proposal.reasons,
        remedies=remedies,
    )


# -- helpers ------------------------------------------------------------------------------------


def _start(review: Review) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    data = restructure.editable(review)
    return data, data["requester_grounds"]


def _finish(data: dict[str, Any], grounds: list[dict[str, Any]]) -> Review:
    data["requester_grounds"] = grounds
    return _validated(data)


def _validated(data: dict[str, Any], *, starts: bool = True) -> Review:
    """A Review from changed JSON; a draft moves to in progress (when the reviewer made the
    change: ``starts``); one clear error if invalid."""
    return restructure.validated(data, "grounds", starts=starts)


def _set(review: Review, ground_id: str, **changes: Any) -> Review:
    data, grounds = _start(review)
    grounds[_index(grounds, ground_id, review)].update(changes)
    return _finish(data, grounds)


def _ground(review: Review, ground_id: str) -> GroundReview:
    wanted = str(ground_id or "").strip()
    for ground in review.requester_grounds:
        if ground.id == wanted:
            return ground
    ids = [g.id for g in review.requester_grounds]
    raise restructure.not_found(GROUNDS, review, wanted, ids)


def _index(grounds: list[dict[str, Any]], ground_id: str, review: Review) -> int:
    return restructure.index(GROUNDS, review, grounds, ground_id)


def _new_id(grounds: list[dict[str, Any]], wanted: str | None) -> str:
    taken = {g["id"] for g in grounds}
    if wanted:
        chosen = check_ground_id(wanted)
        if chosen in taken:
            raise ReviewError(
                f"The review already has a ground {chosen}; choose another id",
                field="requester_grounds",
            )
        return chosen
    numbers = [int(m.group(1)) for g in grounds if (m := re.match(r"g(\d+)", g["id"]))]
    return f"g{max(numbers, default=0) + 1}"


def _quoted(quote: Evidence) -> dict[str, Any]:
    """A ground's words from a passage selected in the review request."""
    if quote.source != "review_request":
        raise ReviewError(
            "A ground's words are the requester's: select them in the review request",
            field="quote",
        )
    return {"quote": quote.quote, "start": quote.start, "end": quote.end}


def _merged_words(a: dict[str, Any], b: dict[str, Any], text: str | None) -> dict[str, Any]:
    """The words of two merged grounds: the passage spanning both, when it can be cut."""
    spans = [
        (g["start"], g["end"])
        for g in (a, b)
        if g["quote"] and g["start"] is not None and g["end"] is not None
    ]
    if text is not None and len(spans) == 2:
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        if all(text[s:e] == g["quote"] for (s, e), g in zip(spans, (a, b), strict=True)):
            return {"quote": text[start:end], "start": start, "end": end}
    first = a if a["quote"] else b
    return {"quote": first["quote"], "start": first["start"], "end": first["end"]}


def _joined(first: str, second: str, separator: str) -> str:
    """Both texts (once, when they are the same: a split ground's parts share their reasons)."""
    texts = [text for text in (first.strip(), second.strip()) if text]
    return separator.join(dict.fromkeys(texts))


def _clean(text: str) -> str:
    return str(text or "").strip()
