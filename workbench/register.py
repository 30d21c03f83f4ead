"""The register of internal reviews as pandas DataFrames, and the figures teams report.

Why DataFrames: analysts report internal review figures every quarter and look for
what reviews overturn; pandas is what they already use, and every figure here is a
small, vectorised DataFrame they can chart, filter or export.  The frames are read
from the store's register projection (:mod:`workbench.projection`), kept current by
every review write, so loading 100,000 reviews takes well under a second rather than
validating 100,000 JSON documents (``benchmarks/bench_register.py`` prints the
figures).  Only each case's *current* review version is in the register.

Usage::

    from workbench.register import load_register, report
    register = load_register()                      # the store in settings (WORKBENCH_DB)
    figures = report(register, today=dt.date(2026, 1, 30))
    figures["outcomes"]                              # Cabinet Office labels by default

The frames (``case_id`` joins them).  Dates are ``datetime64`` (NaT when missing),
booleans that may be unknown are pandas ``boolean`` (<NA>), text (str) is pandas ``string``:

``cases`` — one row per case, the original request as copied from the case folder when
its review began:

* case_id (str)
* reference (str): the authority's reference; <NA> when not recorded
* authority (category)
* regime (category: FOIA, EIR, FOISA, EISR, mixed)
* date_received (datetime64)
* date_responded (datetime64)
* response_due (datetime64): 20 working days from receipt under the regime's bank
  holidays, without extensions
* response_working_days (float): working days from receipt to response
* timeliness_finding (category: on_time, late): the reviewer's finding, if made
* original_on_time (boolean): that finding, else response date <= response_due

``reviews`` — one row per case, its current review version:

* case_id (str)
* version (int)
* status (ordered category: draft < in_progress < completed)
* reviewer (category): "" until assigned
* review_requested (datetime64)
* review_due (datetime64): 20 working days, 40 under EIR or in an exceptional FOIA case
* exceptional (bool)
* completed_on (datetime64): the sign-off date; NaT while open
* signed_off_by (category)
* outcome (category: maintained, partly_changed, reversed, withdrawn): provisional while
  the review is open
* outcome_label (category): the outcome in the chosen scheme's words ("Upheld in part")
* outcome_overridden (bool)
* no_original_decision (bool)
* change_reasons (str): comma-separated :class:`~workbench.outcomes.ChangeReason` values
* points (int): request points in the review
* points_decided (int): points with a finding
* quarter_requested (period[Q-DEC])
* quarter_completed (period[Q-DEC])
* review_working_days (float): working days from request to sign-off
* on_time (boolean): signed off by review_due; <NA> while open
* updated_at (datetime64, UTC): last saved
* updated_by (category)

``point_findings`` — one row per request point:

* case_id (category)
* position (int): order in the review
* label (str)
* determination (category): the original decision as the reviewer accepts it
* determination_corrected (bool)
* finding (category: correct, incorrect, partly_correct)
* remedies (str): comma-separated :class:`~workbench.review.Remedy` values

``provision_findings`` — one row per provision the original response relied on:

* case_id (category)
* position (int)
* provision_id (category): e.g. s.40(2)
* points (str): comma-separated labels of the points it was applied to
* engaged (category: yes, no, unsure)
* finding (category: upheld, upheld_in_part, not_upheld)
* public_interest_favours (category: disclosure, withholding)

``searches`` — one row per search behind the original response:

* case_id (category)
* position (int)
* location (category): where it was searched
* who (category)
* added_by_reviewer (bool)
* adequate (boolean): <NA> until assessed
* further_search_needed (bool)

``audit`` — every change to every review (the old and new values stay in the store, see
:meth:`workbench.store.Store.audit`):

* id (int)
* at (datetime64, UTC)
* who (category)
* case_id (category)
* version (int)
* action (category: create, edit, save, start, complete, new_version, import)
* field_path (str)

Every figure function takes the :class:`Register` and returns a DataFrame; those that
depend on the date take ``today`` (inject it for reproducible reports).  Counting in
working days is vectorised (:mod:`workbench.workdays`), never a Python loop per row.
The HTML version of the quarterly report is ``notebooks/register.ipynb`` rendered with
``jupyter nbconvert --to html --no-input notebooks/register.ipynb``.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import json
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import SettingsError, StoreError
from .outcomes import DEFAULT_SCHEME, ChangeReason, Outcome, load_outcome_schemes
from .parsing.model import Determination
from .projection import (
    register_points,
    register_provisions,
    register_reviews,
    register_searches,
)
from .review import (
    Engaged,
    PointFinding,
    ProvisionFinding,
    PublicInterestFavours,
    ReviewStatus,
    Timeliness,
)
from .store import Store, audit_table
from .workdays import working_days_between

STATUS_ORDER = [status.value for status in ReviewStatus]
OUTCOME_ORDER = [outcome.value for outcome in Outcome]
AUDIT_ACTIONS = ["create", "edit", "save", "start", "complete", "new_version", "import"]
REGIME_ORDER = ["FOIA", "EIR", "FOISA", "EISR", "mixed"]

#: Columns whose values come from the workbench's own enums: the database sends their
#: position in this list (a CASE expression) rather than the text, which pandas turns
#: into a categorical without hashing a string per row.
VOCABULARIES: dict[tuple[str, str], list[str]] = {
    ("register_reviews", "status"): STATUS_ORDER,
    ("register_reviews", "regime"): REGIME_ORDER,
    ("register_reviews", "outcome"): OUTCOME_ORDER,
    ("register_reviews", "timeliness_finding"): [t.value for t in Timeliness],
    ("register_points", "determination"): [d.value for d in Determination],
    ("register_points", "finding"): [f.value for f in PointFinding],
    ("register_provisions", "engaged"): [e.value for e in Engaged],
    ("register_provisions", "finding"): [f.value for f in ProvisionFinding],
    ("register_provisions", "public_interest_favours"): [f.value for f in PublicInterestFavours],
}


@dataclass
class Register:
    """The register as DataFrames (columns documented in the module docstring)."""

    cases: pd.DataFrame
    reviews: pd.DataFrame
    point_findings: pd.DataFrame
    provision_findings: pd.DataFrame
    searches: pd.DataFrame
    audit: pd.DataFrame
    #: The reporting scheme ``reviews.outcome_label`` is worded in.
    scheme: str
    #: Where it was read from (URL with any password hidden).
    source: str
    #: Which of :data:`CHILD_FRAMES` were loaded (the others are empty).
    frames: frozenset[str] = frozenset()

    def __repr__(self) -> str:
        return (
            f"Register({len(self.reviews)} reviews, {len(self.point_findings)} points, "
            f"{len(self.provision_findings)} provisions, {len(self.searches)} searches, "
            f"{len(self.audit)} audit entries from {self.source})"
        )


# -- loading ----------------------------------------------------------------------------------


def _fetch(conn, sql: str) -> dict[str, list]:
    """The result of ``sql`` as one list per column.

    Read through the driver's own cursor: SQLAlchemy's row objects cost more than the
    whole database read at 100,000 reviews, and the values are converted with explicit
    dtypes below anyway.  Rows are transposed by ``zip`` (in C), not cell by cell.
    """
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql)
        names = [column[0] for column in cursor.description]
        rows = cursor.fetchall()
    except conn.dialect.loaded_dbapi.Error as exc:
        first_line = str(exc).strip().splitlines()[0]  # PostgreSQL adds the query's text
        raise StoreError(f"Cannot read the register: {first_line}") from exc
    finally:
        cursor.close()
    if not rows:
        return {name: [] for name in names}
    return dict(zip(names, map(list, zip(*rows, strict=True)), strict=True))


def _dates(values: list) -> np.ndarray:
    """ISO text (SQLite) or date objects (PostgreSQL) as ``datetime64[s]``; None -> NaT."""
    return np.array(values, dtype="datetime64[D]").astype("datetime64[s]")


def _category(
    values: list, categories: Sequence[str] | pd.Index | None = None, *, ordered: bool = False
) -> pd.Categorical:
    """Text as a categorical: known ``categories`` in their order, else the values sorted.

    Coded directly (a hash lookup, then ``from_codes``): building a Categorical from a
    list of Python strings converts them to the string dtype first, several times slower.
    """
    objects = np.array(values, dtype=object)
    if categories is None:
        codes, found = pd.factorize(objects, sort=True)
        index = pd.Index(found, dtype=object)
    else:
        index = categories if isinstance(categories, pd.Index) else _index(categories)
        codes = index.get_indexer(objects)
    return pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(index, ordered=ordered))


def _coded(values: list, table: str, column: str, *, ordered: bool = False) -> pd.Categorical:
    """An enum column sent as vocabulary positions (see :func:`_selected`) as a categorical."""
    vocabulary = VOCABULARIES[(table, column)]
    codes = np.array(values, dtype=np.int16)
    if (codes == -2).any():
        raise StoreError(
            f"The register's {table}.{column} holds a value this workbench does not know "
            f"(it knows {', '.join(vocabulary)}); update the workbench",
            field=column,
        )
    dtype = pd.CategoricalDtype(_index(vocabulary), ordered=ordered)
    return pd.Categorical.from_codes(codes, dtype=dtype)


def _index(labels: Sequence[str]) -> pd.Index:
    return pd.Index(np.array(list(labels), dtype=object), dtype=object)


def _flags(values: list) -> np.ndarray:
    return np.array(values, dtype=bool)


def _nullable_flags(values: list) -> pd.arrays.BooleanArray:
    numbers = np.array(values, dtype=float)  # 1 / 0 (or True / False); None -> NaN
    missing = np.isnan(numbers)
    return pd.arrays.BooleanArray(np.where(missing, False, numbers) == 1, missing)


def _text(values: list) -> pd.Series:
    return pd.Series(values, dtype=pd.StringDtype())  # missing text is <NA>, never "None"


def _stamps(values: list) -> pd.Series:
    return pd.to_datetime(pd.Series(values, dtype="str"), utc=True, format="ISO8601")


def _quarter(dates: pd.Series) -> pd.Series:
    return dates.dt.to_period("Q")


#: The frames besides ``cases`` and ``reviews`` (which are always loaded), and their tables.
CHILD_FRAMES = {
    "point_findings": register_points,
    "provision_findings": register_provisions,
    "searches": register_searches,
    "audit": audit_table,
}
#: What the standard figures read; ``workbench register report`` loads only these.
FIGURE_FRAMES = frozenset({"provision_findings", "searches"})


def load_register(
    store: Any = None,
    *,
    scheme: str = DEFAULT_SCHEME,
    frames: Collection[str] = tuple(CHILD_FRAMES),
) -> Register:
    """Read the register from a store into DataFrames, all from one consistent snapshot.

    :param store: a :class:`~workbench.store.Store`, a store URL or path, or None for the
        store in settings (``WORKBENCH_DB``, default ``<data>/workbench.db``).
    :param scheme: the outcome wording for ``reviews.outcome_label``.
    :param frames: which of :data:`CHILD_FRAMES` to fill (``cases`` and ``reviews`` always
        are); the others are left empty with their columns.  :data:`FIGURE_FRAMES` is enough
        for :func:`report`.
    :raises StoreError: when the store cannot be read; SettingsError for an unknown scheme.
    """
    unknown = sorted(set(frames) - set(CHILD_FRAMES))
    if unknown:
        raise ValueError(f"Unknown frame(s) {unknown}; choose from {sorted(CHILD_FRAMES)}")
    with _no_gc():
        return _load(store, scheme, frozenset(frames))


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of row tuples are made.

    Each burst of new tuples triggers a collection that walks every object alive, which
    doubled the load time at 100,000 reviews; nothing made here is cyclic garbage.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _select(table, wanted: bool) -> str:
    """Every column of ``table`` in key order (no rows at all when not ``wanted``)."""
    columns = ", ".join(
        _selected(table.name, column.name)
        for column in table.columns
        if column.name not in _SKIPPED
    )
    keys = ", ".join(column.name for column in table.primary_key.columns)
    return f"SELECT {columns} FROM {table.name}{'' if wanted else ' WHERE 1 = 0'} ORDER BY {keys}"


def _selected(table: str, column: str) -> str:
    """The column, or for an enum column its position in the vocabulary (-1 for NULL, -2 for
    a value this workbench does not know)."""
    vocabulary = VOCABULARIES.get((table, column))
    if vocabulary is None:
        return column
    whens = " ".join(f"WHEN '{value}' THEN {code}" for code, value in enumerate(vocabulary))
    return (
        f"CASE WHEN {column} IS NULL THEN -1 ELSE CASE {column} {whens} ELSE -2 END END AS {column}"
    )


#: Columns the frames leave out (the audit's values stay in the store: Store.audit()).
_SKIPPED = frozenset({"old_value", "new_value"})


def _load(store: Any, scheme: str, frames: frozenset[str]) -> Register:
    labels = _outcome_labels(scheme)
    owned = not isinstance(store, Store)
    opened = Store(store) if owned else store
    try:
        with opened.reading() as conn:
            heads = _fetch(conn, _select(register_reviews, True))
            rows = {
                name: _fetch(conn, _select(table, name in frames))
                for name, table in CHILD_FRAMES.items()
            }
        source = opened.display_url
    finally:
        if owned:
            opened.close()
    case_ids = _index(heads["case_id"])  # one hash table shared by every child frame
    return Register(
        cases=_cases_frame(heads),
        reviews=_reviews_frame(heads, labels),
        point_findings=_points_frame(rows["point_findings"], case_ids),
        provision_findings=_provisions_frame(rows["provision_findings"], case_ids),
        searches=_searches_frame(rows["searches"], case_ids),
        audit=_audit_frame(rows["audit"], case_ids),
        scheme=scheme,
        source=source,
        frames=frames,
    )


def _cases_frame(heads: dict[str, list]) -> pd.DataFrame:
    regime = _coded(heads["regime"], "register_reviews", "regime")
    received = _dates(heads["date_received"])
    responded = _dates(heads["date_responded"])
    return pd.DataFrame(
        {
            "case_id": _text(heads["case_id"]),
            "reference": _text(heads["reference"]),
            "authority": _category(heads["authority"]),
            "regime": regime,
            "date_received": received,
            "date_responded": responded,
            "response_due": _dates(heads["response_due"]),
            "response_working_days": working_days_between(received, responded, regime),
            "timeliness_finding": _coded(
                heads["timeliness_finding"], "register_reviews", "timeliness_finding"
            ),
            "original_on_time": _nullable_flags(heads["original_on_time"]),
        }
    )


def _reviews_frame(heads: dict[str, list], labels: dict[str, str]) -> pd.DataFrame:
    requested = _dates(heads["review_requested"])
    completed = _dates(heads["completed_on"])
    due = _dates(heads["review_due"])
    outcome = _coded(heads["outcome"], "register_reviews", "outcome")
    frame = pd.DataFrame(
        {
            "case_id": _text(heads["case_id"]),
            "version": np.array(heads["version"], dtype=np.int64),
            "status": _coded(heads["status"], "register_reviews", "status", ordered=True),
            "reviewer": _category(heads["reviewer"]),
            "review_requested": requested,
            "review_due": due,
            "exceptional": _flags(heads["exceptional"]),
            "completed_on": completed,
            "signed_off_by": _category(heads["signed_off_by"]),
            "outcome": outcome,
            "outcome_label": _outcome_label_column(
                outcome, _flags(heads["no_original_decision"]), labels
            ),
            "outcome_overridden": _flags(heads["outcome_overridden"]),
            "no_original_decision": _flags(heads["no_original_decision"]),
            "change_reasons": _text(heads["change_reasons"]),
            "points": np.array(heads["points"], dtype=np.int64),
            "points_decided": np.array(heads["points_decided"], dtype=np.int64),
        }
    )
    frame["quarter_requested"] = _quarter(frame["review_requested"])
    frame["quarter_completed"] = _quarter(frame["completed_on"])
    frame["review_working_days"] = working_days_between(
        requested, completed, pd.Series(heads["regime"], dtype=object)
    )
    on_time = pd.array(completed <= due, dtype="boolean")
    on_time[np.isnat(completed) | np.isnat(due)] = pd.NA
    frame["on_time"] = on_time
    frame["updated_at"] = _stamps(heads["updated_at"])
    frame["updated_by"] = _category(heads["updated_by"])
    return frame


def _points_frame(rows: dict[str, list], case_ids: pd.Index) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "case_id": _category(rows["case_id"], case_ids),
            "position": np.array(rows["position"], dtype=np.int64),
            "label": _text(rows["label"]),
            "determination": _coded(rows["determination"], "register_points", "determination"),
            "determination_corrected": _flags(rows["determination_corrected"]),
            "finding": _coded(rows["finding"], "register_points", "finding"),
            "remedies": _text(rows["remedies"]),
        }
    )


def _provisions_frame(rows: dict[str, list], case_ids: pd.Index) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "case_id": _category(rows["case_id"], case_ids),
            "position": np.array(rows["position"], dtype=np.int64),
            "provision_id": _category(rows["provision_id"]),
            "points": _text(rows["points"]),
            "engaged": _coded(rows["engaged"], "register_provisions", "engaged"),
            "finding": _coded(rows["finding"], "register_provisions", "finding"),
            "public_interest_favours": _coded(
                rows["public_interest_favours"], "register_provisions", "public_interest_favours"
            ),
        }
    )


def _searches_frame(rows: dict[str, list], case_ids: pd.Index) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "case_id": _category(rows["case_id"], case_ids),
            "position": np.array(rows["position"], dtype=np.int64),
            "location": _category(rows["location"]),
            "who": _category(rows["who"]),
            "added_by_reviewer": _flags(rows["added_by_reviewer"]),
            "adequate": _nullable_flags(rows["adequate"]),
            "further_search_needed": _flags(rows["further_search_needed"]),
        }
    )


def _audit_frame(rows: dict[str, list], case_ids: pd.Index) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": np.array(rows["id"], dtype=np.int64),
            "at": _stamps(rows["at"]),
            "who": _category(rows["who"]),
            "case_id": _category(rows["case_id"], case_ids),
            "version": np.array(rows["version"], dtype=np.int64),
            "action": _category(rows["action"], AUDIT_ACTIONS),
            "field_path": _text(rows["field_path"]),
        }
    )


def _outcome_labels(scheme: str) -> dict[str, str]:
    """Outcome value -> label in ``scheme``, plus the scheme's "no original decision" label."""
    schemes = load_outcome_schemes()
    if scheme not in schemes:
        raise SettingsError(
            f"Unknown outcome scheme {scheme!r}; known schemes: {', '.join(sorted(schemes))}",
            field="scheme",
        )
    chosen = schemes[scheme]
    labels = {outcome.value: chosen.labels[outcome] for outcome in Outcome}
    if chosen.no_original_decision:
        labels["no_original_decision"] = chosen.no_original_decision
    return labels


def _outcome_label_column(
    outcome: pd.Categorical, no_decision: np.ndarray, labels: dict[str, str]
) -> pd.Categorical:
    ordered = list(dict.fromkeys(labels[value] for value in OUTCOME_ORDER))
    if "no_original_decision" in labels:
        ordered.append(labels["no_original_decision"])
    worded = pd.Series(outcome).map({v: labels[v] for v in OUTCOME_ORDER}).astype(object)
    special = labels.get("no_original_decision")
    if special is not None:
        replace = no_decision & np.asarray(pd.Series(outcome).isin(OUTCOME_ORDER[:3]))
        worded[replace] = special
    return pd.Categorical(worded, categories=list(dict.fromkeys(ordered)))


# -- helpers for the figures ------------------------------------------------------------------


def _review_values(register: Register, child: pd.DataFrame, column: str) -> np.ndarray:
    """``reviews[column]`` aligned to a child frame's rows (by the case_id category codes)."""
    return register.reviews[column].to_numpy()[child["case_id"].cat.codes.to_numpy()]


def _completed(register: Register) -> pd.Series:
    return register.reviews["status"] == ReviewStatus.COMPLETED.value


def _quarters(*periods: pd.Series) -> pd.PeriodIndex:
    """Every quarter from the first to the last seen, so quiet quarters show as zero."""
    present = [p.dropna() for p in periods]
    present = [p for p in present if len(p)]
    if not present:
        return pd.PeriodIndex([], freq="Q", name="quarter")
    first = min(p.min() for p in present)
    last = max(p.max() for p in present)
    return pd.period_range(first, last, freq="Q", name="quarter")


def _percent(part: pd.Series, whole: pd.Series | int) -> pd.Series:
    """``part`` as a percentage of ``whole`` to one decimal place (NaN where whole is 0)."""
    if np.isscalar(whole):
        whole = pd.Series(float(whole), index=part.index)
    whole = whole.astype(float)
    return (part.astype(float) * 100 / whole.where(whole > 0)).round(1)


def _today(today: dt.date | None) -> pd.Timestamp:
    return pd.Timestamp(today or dt.date.today())


# -- the figures ------------------------------------------------------------------------------


def quarterly_volumes(register: Register) -> pd.DataFrame:
    """Reviews received (requested) and completed in each calendar quarter."""
    reviews = register.reviews
    index = _quarters(reviews["quarter_requested"], reviews["quarter_completed"])
    received = reviews["quarter_requested"].value_counts().reindex(index, fill_value=0)
    completed = reviews["quarter_completed"].value_counts().reindex(index, fill_value=0)
    frame = pd.DataFrame({"Received": received, "Completed": completed}, index=index)
    return frame.astype("int64")


def outcomes(register: Register) -> pd.DataFrame:
    """Completed reviews by outcome, in the register's scheme (Cabinet Office by default)."""
    done = register.reviews.loc[_completed(register), "outcome_label"]
    counts = done.value_counts(sort=False).astype("int64")
    frame = pd.DataFrame({"Reviews": counts, "%": _percent(counts, int(counts.sum()))})
    frame.index = pd.Index([str(label) for label in frame.index], name="Outcome")
    return frame


def outcomes_by_quarter(register: Register) -> pd.DataFrame:
    """Completed reviews by quarter of sign-off and outcome (one column per outcome label)."""
    index = _quarters(register.reviews["quarter_requested"], register.reviews["quarter_completed"])
    reviews = register.reviews[_completed(register)]
    table = pd.crosstab(reviews["quarter_completed"], reviews["outcome_label"], dropna=False)
    table = table.reindex(index=index, fill_value=0)
    table.columns = [str(column) for column in table.columns]
    table.columns.name = None
    return table.astype("int64")


def timeliness(register: Register, today: dt.date | None = None) -> pd.DataFrame:
    """Original responses and internal reviews: on time, late, and (reviews) still open.

    An original response is judged by the reviewer's finding, else its dates
    (``cases.original_on_time``).  A completed review is on time when signed off by its
    due date; an open review past its due date on ``today`` counts as overdue.
    """
    now = _today(today)
    original = register.cases["original_on_time"]
    reviews = register.reviews
    open_ = ~_completed(register)
    due = reviews["review_due"]
    rows = {
        "Original responses": {
            "On time": int((original == True).sum()),  # noqa: E712 (nullable boolean)
            "Late": int((original == False).sum()),  # noqa: E712
            "Overdue, still open": 0,
            "Open, not yet due": 0,
            "Not known": int(original.isna().sum()),
        },
        "Internal reviews": {
            "On time": int((reviews["on_time"] == True).sum()),  # noqa: E712
            "Late": int((reviews["on_time"] == False).sum()),  # noqa: E712
            "Overdue, still open": int((open_ & (due < now)).sum()),
            "Open, not yet due": int((open_ & (due >= now)).sum()),
            "Not known": int((open_ & due.isna()).sum()),
        },
    }
    frame = pd.DataFrame.from_dict(rows, orient="index").astype("int64")
    judged = frame["On time"] + frame["Late"] + frame["Overdue, still open"]
    frame["% on time"] = _percent(frame["On time"], judged)
    return frame


def timeliness_by_quarter(register: Register) -> pd.DataFrame:
    """On time and late per quarter: original responses by quarter sent, reviews by sign-off."""
    cases, reviews = register.cases, register.reviews
    responded = _quarter(cases["date_responded"])
    original = cases["original_on_time"]
    index = _quarters(responded, reviews["quarter_completed"])

    def count(quarters: pd.Series, mask: pd.Series) -> pd.Series:
        return quarters[mask.fillna(False).astype(bool)].value_counts().reindex(index, fill_value=0)

    frame = pd.DataFrame(
        {
            "Responses on time": count(responded, original == True),  # noqa: E712
            "Responses late": count(responded, original == False),  # noqa: E712
            "Reviews on time": count(reviews["quarter_completed"], reviews["on_time"] == True),  # noqa: E712
            "Reviews late": count(reviews["quarter_completed"], reviews["on_time"] == False),  # noqa: E712
        },
        index=index,
    )
    return frame.astype("int64")


def _provision_table(register: Register) -> pd.DataFrame:
    provisions = register.provision_findings
    completed = _review_values(register, provisions, "status") == ReviewStatus.COMPLETED.value
    ids = provisions["provision_id"]
    finding = provisions["finding"]
    cited = ids.value_counts(sort=False)

    def among_completed(value: str) -> pd.Series:
        return ids[completed & (finding == value).to_numpy()].value_counts(sort=False)

    frame = pd.DataFrame(
        {
            "Cited": cited,
            "Reviewed": ids[completed & finding.notna().to_numpy()].value_counts(sort=False),
            "Upheld": among_completed(ProvisionFinding.UPHELD.value),
            "Upheld in part": among_completed(ProvisionFinding.UPHELD_IN_PART.value),
            "Not upheld": among_completed(ProvisionFinding.NOT_UPHELD.value),
        }
    ).fillna(0)
    frame = frame.astype("int64")
    frame["% not upheld"] = _percent(frame["Not upheld"], frame["Reviewed"])
    frame.index = pd.Index([str(pid) for pid in frame.index], name="Provision")
    return frame[frame["Cited"] > 0]


def provisions_cited(register: Register, top: int | None = 10) -> pd.DataFrame:
    """The provisions original responses relied on most, with what completed reviews found.

    ``Cited`` counts every review (open ones too); the findings count completed reviews.
    """
    frame = _provision_table(register).sort_values(
        ["Cited", "Not upheld"], ascending=[False, False], kind="stable"
    )
    return frame.head(top) if top else frame


def provisions_not_upheld(register: Register, top: int | None = 10) -> pd.DataFrame:
    """The provisions completed reviews most often did not uphold (wholly or in part)."""
    frame = _provision_table(register)
    frame = frame[(frame["Not upheld"] + frame["Upheld in part"]) > 0]
    frame = frame.sort_values(
        ["Not upheld", "Upheld in part", "% not upheld"],
        ascending=[False, False, False],
        kind="stable",
    )
    return frame.head(top) if top else frame


def searches_inadequate(register: Register) -> pd.DataFrame:
    """Searches completed reviews assessed, and how many they found inadequate, by location."""
    searches = register.searches
    completed = _review_values(register, searches, "status") == ReviewStatus.COMPLETED.value
    assessed = searches[completed & searches["adequate"].notna().to_numpy()]
    inadequate = assessed["adequate"] == False  # noqa: E712
    by_location = pd.DataFrame(
        {
            "Assessed": assessed["location"].value_counts(sort=False),
            "Inadequate": assessed.loc[inadequate, "location"].value_counts(sort=False),
        }
    ).fillna(0)
    by_location = by_location[by_location["Assessed"] > 0].astype("int64")
    by_location.index = pd.Index([str(x) or "(not recorded)" for x in by_location.index])
    by_location = by_location.sort_values(
        ["Inadequate", "Assessed"], ascending=[False, False], kind="stable"
    )
    total = pd.DataFrame(
        {"Assessed": [len(assessed)], "Inadequate": [int(inadequate.sum())]},
        index=["All locations"],
    )
    frame = pd.concat([by_location, total]).astype("int64")
    frame["% inadequate"] = _percent(frame["Inadequate"], frame["Assessed"])
    frame.index.name = "Searched"
    reviews_hit = assessed.loc[inadequate, "case_id"].nunique()
    frame.attrs["reviews_with_inadequate_searches"] = int(reviews_hit)
    return frame


#: (stage, its statutory limit in words).
STAGES = (
    ("Original response (received to responded)", "20"),
    ("Asking for a review (responded to requested)", "40"),
    ("Internal review (requested to completed)", "20 (EIR 40)"),
)


def median_working_days(register: Register) -> pd.DataFrame:
    """Median working days each stage took, overall and per regime.

    Working days are counted under each case's regime (UK-wide bank holidays for FOIA and
    EIR, Scottish ones for FOISA and the EISR), vectorised with NumPy.
    """
    cases, reviews = register.cases, register.reviews
    regime = cases["regime"]
    durations = [
        cases["response_working_days"].to_numpy(),
        working_days_between(
            cases["date_responded"], reviews["review_requested"], regime.astype(object)
        ),
        reviews["review_working_days"].to_numpy(),
    ]
    rows = []
    for (stage, limit), days in zip(STAGES, durations, strict=True):
        values = pd.Series(days)
        row = {"Stage": stage, "Limit": limit, "Cases": int(values.notna().sum())}
        row["Median"] = values.median()
        for name in REGIME_ORDER[:3]:
            row[name] = values[(regime == name).to_numpy()].median()
        rows.append(row)
    return pd.DataFrame(rows).set_index("Stage")


def reviewer_workload(register: Register, today: dt.date | None = None) -> pd.DataFrame:
    """Per reviewer: open reviews, how many are overdue, completed, and how quickly."""
    now = _today(today)
    reviews = register.reviews
    done = _completed(register)
    reviewer = reviews["reviewer"].astype(str).replace("", "(not assigned)")
    overdue = ~done & (reviews["review_due"] < now)
    frame = pd.DataFrame(
        {
            "Open": (~done).groupby(reviewer).sum(),
            "Overdue": overdue.groupby(reviewer).sum(),
            "Completed": done.groupby(reviewer).sum(),
            "Completed on time": (reviews["on_time"] == True)  # noqa: E712
            .fillna(False)
            .groupby(reviewer)
            .sum(),
        }
    ).astype("int64")
    frame["% on time"] = _percent(frame["Completed on time"], frame["Completed"])
    frame["Median working days"] = (
        reviews.loc[done, "review_working_days"].groupby(reviewer[done]).median()
    )
    frame.index.name = "Reviewer"
    return frame.sort_values(["Open", "Overdue"], ascending=[False, False], kind="stable")


def overdue_reviews(register: Register, today: dt.date | None = None) -> pd.DataFrame:
    """Open reviews past their due date on ``today``, longest overdue first."""
    now = _today(today)
    reviews, cases = register.reviews, register.cases
    mask = ~_completed(register) & (reviews["review_due"] < now)
    late = reviews[mask]
    frame = pd.DataFrame(
        {
            "Case": late["case_id"],
            "Reference": cases.loc[mask, "reference"],
            "Reviewer": late["reviewer"].astype(str),
            "Regime": cases.loc[mask, "regime"].astype(str),
            "Requested": late["review_requested"],
            "Due": late["review_due"],
            "Working days overdue": working_days_between(
                late["review_due"],
                np.full(len(late), now.to_datetime64()),
                cases.loc[mask, "regime"].astype(object),
            ).astype("int64"),
        }
    )
    frame = frame.sort_values(["Due", "Case"], kind="stable").reset_index(drop=True)
    frame.index = frame.index + 1
    return frame


def change_reasons(register: Register) -> pd.DataFrame:
    """Why completed reviews changed the original decision (a review may give several)."""
    reviews = register.reviews
    given = reviews.loc[_completed(register) & (reviews["change_reasons"] != ""), "change_reasons"]
    counts = given.str.split(",").explode().value_counts()
    counts = counts.reindex([reason.value for reason in ChangeReason], fill_value=0)
    counts.index = pd.Index([reason.label for reason in ChangeReason], name="Reason")
    counts = counts.astype("int64")
    return pd.DataFrame({"Reviews": counts, "% of changed decisions": _percent(counts, len(given))})


@dataclass(frozen=True)
class Figure:
    """One standard figure: its key, title and how to compute it."""

    key: str
    title: str
    compute: Callable[..., pd.DataFrame]
    needs_today: bool = False


FIGURES: tuple[Figure, ...] = (
    Figure("quarterly_volumes", "Reviews received and completed per quarter", quarterly_volumes),
    Figure("outcomes", "Outcomes of completed reviews", outcomes),
    Figure("outcomes_by_quarter", "Outcomes by quarter completed", outcomes_by_quarter),
    Figure("timeliness", "Original responses and reviews on time", timeliness, True),
    Figure("timeliness_by_quarter", "On time and late by quarter", timeliness_by_quarter),
    Figure("provisions_cited", "Provisions most often cited", provisions_cited),
    Figure("provisions_not_upheld", "Provisions most often not upheld", provisions_not_upheld),
    Figure("searches_inadequate", "Searches found inadequate", searches_inadequate),
    Figure("change_reasons", "Why decisions changed", change_reasons),
    Figure("median_working_days", "Median working days per stage", median_working_days),
    Figure("reviewer_workload", "Reviewer workload", reviewer_workload, True),
    Figure("overdue_reviews", "Reviews overdue today", overdue_reviews, True),
)


def report(register: Register, today: dt.date | None = None) -> dict[str, pd.DataFrame]:
    """Every standard figure, keyed as :data:`FIGURES` lists them.

    :raises ValueError: when the register was loaded without a frame the figures need.
    """
    missing = sorted(FIGURE_FRAMES - register.frames)
    if missing:
        raise ValueError(f"The register was loaded without {missing}, which the figures need")
    day = today or dt.date.today()
    return {
        figure.key: figure.compute(register, day)
        if figure.needs_today
        else figure.compute(register)
        for figure in FIGURES
    }


# -- writing the report -----------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, pd.Period):
        return str(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


def figure_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A figure as JSON-ready rows (its index first; dates as ISO text, quarters as 2024Q1)."""
    name = frame.index.name or "Row"
    records = []
    for label, row in zip(frame.index, frame.itertuples(index=False), strict=True):
        record = {name: _plain(label)}
        record.update(
            {str(column): _plain(value) for column, value in zip(frame.columns, row, strict=True)}
        )
        records.append(record)
    return records


def report_json(
    figures: dict[str, pd.DataFrame], *, today: dt.date, source: str, scheme: str
) -> str:
    """The report as JSON: when, from where, and each figure's title and rows."""
    titles = {figure.key: figure.title for figure in FIGURES}
    body = {
        "today": today.isoformat(),
        "source": source,
        "scheme": scheme,
        "figures": {
            key: {"title": titles.get(key, key), "rows": figure_records(frame)}
            for key, frame in figures.items()
        },
    }
    return json.dumps(body, indent=2, ensure_ascii=False)


def report_text(figures: dict[str, pd.DataFrame], *, max_rows: int = 20) -> str:
    """The report as plain text tables, one titled section per figure."""
    titles = {figure.key: figure.title for figure in FIGURES}
    sections = []
    for key, frame in figures.items():
        title = titles.get(key, key)
        shown = frame.head(max_rows)
        body = "(none)" if frame.empty else shown.to_string()
        if len(frame) > max_rows:
            body += f"\n... and {len(frame) - max_rows} more (see --json or --xlsx)"
        sections.append(f"{title}\n{'=' * len(title)}\n{body}")
    return "\n\n".join(sections) + "\n"


def write_xlsx(
    figures: dict[str, pd.DataFrame],
    path: str | Path,
    *,
    today: dt.date,
    source: str,
    scheme: str,
) -> Path:
    """Write the report as a workbook: an About sheet, then one sheet per figure.

    Text from the store (references, names, search locations) is neutralised so a
    spreadsheet never reads it as a formula; the file is written atomically.
    """
    from .cases import atomic_write_bytes
    from .export.sanitise import neutralise

    def safe(value: Any) -> Any:
        value = _plain(value)
        return neutralise(value) if isinstance(value, str) else value

    titles = {figure.key: figure.title for figure in FIGURES}
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        about = pd.DataFrame(
            {
                "": ["Report", "Figures as of", "Store", "Outcome wording"],
                "Value": ["Internal review register", today.isoformat(), source, scheme],
            }
        )
        about.map(safe).to_excel(writer, sheet_name="About", index=False)
        for key, frame in figures.items():
            records = [{k: safe(v) for k, v in row.items()} for row in figure_records(frame)]
            columns = [frame.index.name or "Row", *map(str, frame.columns)]
            table = pd.DataFrame.from_records(records, columns=columns)
            sheet = key[:31]
            table.to_excel(writer, sheet_name=sheet, index=False, startrow=1)
            writer.sheets[sheet].cell(row=1, column=1, value=titles.get(key, key))
    target = Path(path)
    atomic_write_bytes(target, buffer.getvalue())
    return target
