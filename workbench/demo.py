"""A synthetic register of internal reviews, at any scale, with no real personal data.

Why: the register's notebooks, tests and benchmarks need data that looks like a
team's years of reviews — mostly FOIA with some EIR and a few FOISA cases, s.40(2)
far ahead of the other exemptions, most decisions upheld, some responses late —
without anyone's real request in it.  Everything here is plainly marked as made up:

* case ids and references are ``DEMO-000123``; authorities end in "(synthetic)";
* reviewers are "Reviewer A", "Reviewer B", ...;
* every piece of requester text starts with ``SYNTHETIC`` ("[synthetic]" in points).

The same ``seed`` (and ``as_of``) always gives the same register.  Dates are counted in
working days with the workbench's own bank-holiday calendars
(:mod:`workbench.workdays`, built on :mod:`workbench.deadlines`), so a review marked on
time really is within its statutory due date.  Findings, outcomes and change reasons
are made through the review model, so every completed review passes the same checks
a reviewer's sign-off does.

Usage::

    with Store("demo.db") as store:
        load_demo_data(store, n=10_000, seed=7)
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any

import numpy as np

from .catalogue import load_catalogue
from .errors import StoreError
from .outcomes import CHANGED_OUTCOMES, ChangeReason, Outcome
from .parsing.model import Determination
from .review import (
    Engaged,
    PointFinding,
    ProvisionFinding,
    PublicInterestFavours,
    Remedy,
    Review,
    ReviewStatus,
    Route,
    Timeliness,
)
from .workdays import add_working_days, working_days_between

#: The day the synthetic register runs up to; reviews due after it are still open.
DEMO_AS_OF = dt.date(2025, 12, 31)
#: Case ids (and references) of synthetic reviews start with this.
DEMO_PREFIX = "DEMO-"
#: Who the store records as writing the synthetic reviews.
DEMO_WRITER = "demo-data"
SYNTHETIC = "SYNTHETIC DEMO DATA, not a real request."

REGIMES = (("FOIA", 0.78), ("EIR", 0.17), ("FOISA", 0.05))

#: Per regime: provision id, how often it is cited (weight), how often a review does not
#: uphold it, and what it makes of the point it is applied to (None: information withheld).
PROVISION_MIX: dict[str, tuple[tuple[str, int, float, Determination | None], ...]] = {
    "FOIA": (
        ("s.40(2)", 34, 0.05, None),
        ("s.43(2)", 12, 0.24, None),
        ("s.12", 11, 0.14, Determination.COST_LIMIT),
        ("s.31(1)(a)", 9, 0.11, None),
        ("s.36", 5, 0.20, None),
        ("s.35", 5, 0.16, None),
        ("s.41", 5, 0.09, None),
        ("s.42", 4, 0.04, None),
        ("s.21", 5, 0.07, Determination.PUBLISHED_ELSEWHERE),
        ("s.14(1)", 3, 0.18, Determination.VEXATIOUS),
        ("s.38", 2, 0.10, None),
    ),
    "EIR": (
        ("reg.13", 30, 0.05, None),
        ("reg.12(5)(e)", 20, 0.22, None),
        ("reg.12(4)(b)", 15, 0.15, Determination.COST_LIMIT),
        ("reg.12(5)(b)", 10, 0.06, None),
        ("reg.12(4)(d)", 10, 0.18, None),
        ("reg.12(5)(a)", 5, 0.08, None),
    ),
    "FOISA": (
        ("foisa.s.38(1)(b)", 35, 0.06, None),
        ("foisa.s.33", 15, 0.22, None),
        ("foisa.s.30(b)(i)", 15, 0.17, None),
        ("foisa.s.12", 10, 0.12, Determination.COST_LIMIT),
        ("foisa.s.25", 10, 0.05, Determination.PUBLISHED_ELSEWHERE),
        ("foisa.s.36", 10, 0.10, None),
    ),
}
UPHELD_IN_PART = 0.06
#: How many points a request has, and how often.
POINT_COUNTS = ((1, 30), (2, 30), (3, 25), (4, 15))
ROUTES = ((Route.EMAIL, 16), (Route.WEB_FORM, 3), (Route.LETTER, 1))
NOT_HELD_WRONG = 0.09

AUTHORITIES = {
    "FOIA": (
        ("Demo Borough Council (synthetic)", 5),
        ("Demo NHS Trust (synthetic)", 3),
        ("Demo Government Department (synthetic)", 2),
    ),
    "EIR": (("Demo Borough Council (synthetic)", 4), ("Demo Water Authority (synthetic)", 1)),
    "FOISA": (("Demo Scottish Council (synthetic)", 1),),
}
#: Reviewers of English/Welsh cases, with their share of the work; FOISA has its own team.
REVIEWERS = {
    "UK": (
        ("Reviewer A", 6),
        ("Reviewer B", 5),
        ("Reviewer C", 5),
        ("Reviewer D", 4),
        ("Reviewer E", 3),
        ("Reviewer F", 3),
        ("Reviewer G", 2),
        ("Reviewer H", 1),
    ),
    "FOISA": (("Reviewer J", 2), ("Reviewer K", 1)),
}
SEARCH_LOCATIONS = (
    ("Corporate email (Outlook)", 6),
    ("Case management system", 4),
    ("Shared drive", 3),
    ("SharePoint", 3),
    ("Finance system", 1),
    ("Paper files", 1),
)
TOPICS = (
    "correspondence about the parking contract",
    "minutes of the housing board",
    "the consultant's report on the bridge repairs",
    "spending on agency staff",
    "complaints about the waste collection service",
    "the business case for the new leisure centre",
    "emails about the school closure",
    "data protection impact assessments for the CCTV upgrade",
    "the risk register for the IT migration",
    "legal advice about the planning appeal",
)
GROUNDS = (
    "I do not accept that the information is not held.",
    "The exemption was applied far too widely.",
    "The public interest clearly favours disclosure.",
    "The response was late and did not answer every part of my request.",
    "Names of senior officials should not have been redacted.",
)


@dataclass(frozen=True)
class _Dates:
    """Every synthetic date, worked out for all reviews at once (one list a field)."""

    regime: list[str]
    received: list[dt.date]
    responded: list[dt.date]
    response_days: list[int]
    requested: list[dt.date]
    exceptional: list[bool]
    completed: list[dt.date | None]
    age: list[int]


@lru_cache(maxsize=64)
def _cumulative(pairs: tuple) -> tuple[tuple, list[float]]:
    values, weights = zip(*pairs, strict=True)
    return values, list(accumulate(weights))


def _weighted(rng: random.Random, pairs: tuple) -> Any:
    """One of ``(value, weight)`` pairs, drawn by weight."""
    values, cumulative = _cumulative(pairs)
    return rng.choices(values, cum_weights=cumulative)[0]


def _dates(n: int, seed: int, as_of: dt.date, years: int) -> _Dates:
    """Dates counted back from each review request, in working days under its regime."""
    gen = np.random.default_rng(seed)
    names, shares = zip(*REGIMES, strict=True)
    regime = gen.choice(np.array(names, dtype=object), size=n, p=shares)
    last = np.datetime64(as_of, "D")
    requested = last - gen.integers(0, years * 365, size=n).astype("timedelta64[D]")
    ask_gap = gen.integers(1, 41, size=n)  # the requester asks within 40 working days
    responded = add_working_days(requested, -ask_gap, regime)
    late = gen.random(n) < 0.15
    response_days = np.where(late, gen.integers(21, 50, size=n), gen.integers(3, 21, size=n))
    received = add_working_days(responded, -response_days, regime)
    exceptional = (regime == "FOIA") & (gen.random(n) < 0.03)
    target = np.where((regime == "EIR") | exceptional, 40, 20)
    slow = gen.random(n) < 0.2
    review_days = np.where(
        slow, target + gen.integers(1, 31, size=n), gen.integers(3, target + 1, size=n)
    )
    completed = add_working_days(requested, review_days, regime)
    # A few reviews stall and stay open long past their due date, as backlogs do.
    stuck = (gen.random(n) < 0.01) & (requested > last - np.timedelta64(365, "D"))
    completed[stuck] = np.datetime64("NaT")
    age = working_days_between(requested, np.full(n, last), regime)
    return _Dates(
        *(
            np.asarray(column).tolist()  # datetime64[D] -> date (NaT -> None)
            for column in (
                regime,
                received,
                responded,
                response_days,
                requested,
                exceptional,
                completed,
                age,
            )
        )
    )


class _Maker:
    """Builds one synthetic review at a time from the pre-drawn dates.

    Each review is assembled as JSON and validated by the model once (field-by-field
    assignment would validate every change and cost more than the whole database load);
    a finished one is then signed off with :meth:`Review.complete`, so it meets the same
    rules a reviewer's sign-off does.
    """

    def __init__(self, seed: int, as_of: dt.date) -> None:
        self.rng = random.Random(seed)
        self.as_of = as_of
        catalogue = load_catalogue()
        self.weighs_public_interest = {
            pid: catalogue.resolve(pid).public_interest_test
            for mix in PROVISION_MIX.values()
            for pid, *_ in mix
        }
        self.not_upheld_rates = {
            pid: rate for mix in PROVISION_MIX.values() for pid, _, rate, _ in mix
        }

    def review(self, number: int, dates: _Dates, i: int) -> Review:
        rng = self.rng
        regime = dates.regime[i]
        case_id = f"{DEMO_PREFIX}{number:06d}"
        completed_on = dates.completed[i]
        finished = completed_on is not None and completed_on <= self.as_of
        draft = not finished and dates.age[i] <= 3
        points, provisions = self._items(regime)
        locations = dict.fromkeys(
            _weighted(rng, SEARCH_LOCATIONS) for _ in range(rng.choice((1, 2, 2, 3)))
        )
        data = {
            "case_id": case_id,
            "status": (ReviewStatus.DRAFT if draft else ReviewStatus.IN_PROGRESS).value,
            "regime": regime,
            "reference": case_id,
            "authority": _weighted(rng, AUTHORITIES[regime]),
            "date_received": dates.received[i],
            "date_responded": dates.responded[i],
            "reviewer": {
                "name": _weighted(rng, REVIEWERS["FOISA" if regime == "FOISA" else "UK"]),
                "role": "Information governance officer (synthetic)",
            },
            "review_requested": dates.requested[i],
            "route": _weighted(rng, ROUTES),
            "grounds": f"{SYNTHETIC} {rng.choice(GROUNDS)}",
            "exceptional": dates.exceptional[i],
            "points": points,
            "provisions": provisions,
            "searches": [
                {"where": where, "who": "Records officer (synthetic)", "terms": "synthetic"}
                for where in locations
            ],
        }
        late = dates.response_days[i] > 20
        if not draft:
            self._decide(data, late, everything=finished)
        review = Review.model_validate(data)
        if finished:
            self._sign_off(review, completed_on, late)
        return review

    def _items(self, regime: str) -> tuple[list[dict], list[dict]]:
        rng = self.rng
        mix = PROVISION_MIX[regime]
        cumulative = list(accumulate(weight for _, weight, *_ in mix))
        points, applied = [], {}
        for index in range(_weighted(rng, POINT_COUNTS)):
            label = str(index + 1)
            kind = rng.random()
            cited: list[str] = []
            if index == 0 or kind < 0.45:
                if index == 0 and kind >= 0.7:
                    determination = Determination.NOT_HELD
                else:
                    pid, _, _, makes = rng.choices(mix, cum_weights=cumulative)[0]
                    cited.append(pid)
                    determination = makes or rng.choice(
                        (Determination.HELD_WITHHELD, Determination.HELD_PARTLY_DISCLOSED)
                    )
                    if makes is None and rng.random() < 0.15:
                        extra = rng.choices(mix, cum_weights=cumulative)[0]
                        if extra[3] is None and extra[0] != pid:
                            cited.append(extra[0])
            elif kind < 0.75:
                determination = Determination.NOT_HELD
            else:
                determination = Determination.HELD_DISCLOSED
            for pid in cited:
                applied.setdefault(pid, []).append(label)
            points.append(
                {
                    "label": label,
                    "request_text": f"[synthetic] {rng.choice(TOPICS)}",
                    "original_determination": determination,
                    "provisions": cited,
                }
            )
        provisions = [{"provision_id": pid, "points": on} for pid, on in applied.items()]
        return points, provisions

    def _provision_finding(self, provision: dict, overturn: bool) -> None:
        rng = self.rng
        pid = provision["provision_id"]
        rate = 1.0 if overturn else self.not_upheld_rates.get(pid, 0.1)
        qualified = self.weighs_public_interest.get(pid, False)
        draw = rng.random()
        if draw < rate:
            finding = ProvisionFinding.NOT_UPHELD
            engaged = Engaged.NO if not qualified or rng.random() < 0.5 else Engaged.YES
        elif draw < rate + UPHELD_IN_PART:
            finding = ProvisionFinding.UPHELD_IN_PART
            engaged = Engaged.YES if qualified else Engaged.NO
        else:
            finding, engaged = ProvisionFinding.UPHELD, Engaged.YES
        provision.update(finding=finding, engaged=engaged, reasons=f"Synthetic reasons ({pid}).")
        if qualified and engaged is Engaged.YES:
            provision["public_interest"] = {
                "for_disclosure": "Synthetic: transparency about public spending.",
                "for_withholding": "Synthetic: the harm the exemption protects against.",
                "balance": "Synthetic balance.",
                "favours": PublicInterestFavours.WITHHOLDING
                if finding is ProvisionFinding.UPHELD
                else PublicInterestFavours.DISCLOSURE,
            }

    def _decide(self, data: dict, late: bool, *, everything: bool) -> None:
        """Findings for every item (a finished review) or some of them (one in progress).

        A few reviews go wrong wholesale (every provision not upheld, every "not held"
        answer searched again), as real ones do when the first response was careless.
        """
        rng = self.rng
        overturn = rng.random() < 0.05
        share = 1.0 if everything else rng.random()
        findings: dict[str, list] = {}
        for provision in data["provisions"]:
            if rng.random() <= share:
                self._provision_finding(provision, overturn)
            for label in provision["points"]:
                findings.setdefault(label, []).append(provision.get("finding"))
        searches_missed = False
        for point in data["points"]:
            mine = findings.get(point["label"], [])
            if rng.random() > share or None in mine:
                continue
            if ProvisionFinding.NOT_UPHELD in mine:
                point.update(finding=PointFinding.INCORRECT, remedies=[Remedy.DISCLOSE])
            elif ProvisionFinding.UPHELD_IN_PART in mine:
                point.update(
                    finding=PointFinding.PARTLY_CORRECT, remedies=[Remedy.DISCLOSE_IN_PART]
                )
            elif point["original_determination"] is Determination.NOT_HELD and (
                overturn or rng.random() < NOT_HELD_WRONG
            ):
                point.update(finding=PointFinding.INCORRECT, remedies=[Remedy.NEW_SEARCHES])
                searches_missed = True
            else:
                point["finding"] = PointFinding.CORRECT
            point["reasons"] = "Synthetic reasons."
        for index, search in enumerate(data["searches"]):
            if rng.random() <= share:
                search["adequate"] = not (searches_missed and index == 0)
                if not search["adequate"]:
                    search["further_search_needed"] = "Synthetic: search the archived mailboxes."
        if rng.random() <= share:
            data["procedural"] = {"timeliness": Timeliness.LATE if late else Timeliness.ON_TIME}
            first = data["points"][0]
            if late:
                first["remedies"] = [*first.get("remedies", []), Remedy.APOLOGISE_FOR_DELAY]

    def _sign_off(self, review: Review, on: dt.date, late: bool) -> None:
        draw = self.rng.random()
        if draw < 0.03:
            review.override_outcome(Outcome.WITHDRAWN, "Synthetic: the requester withdrew.")
        elif draw < 0.05 and late and review.derived_outcome is Outcome.MAINTAINED:
            review.override_outcome(
                Outcome.PARTLY_CHANGED, "Synthetic: the late response counts as a change here."
            )
            review.change_reasons = [ChangeReason.PROCEDURAL_ONLY]
        outcome = review.outcome
        if outcome in CHANGED_OUTCOMES and not review.change_reasons:
            review.change_reasons = review.suggested_change_reasons() or [
                ChangeReason.NEW_CIRCUMSTANCES
            ]
        review.conclusion = f"Synthetic conclusion: {outcome.label.lower()}."
        for point in review.points:
            if point.remedies and point.remedy_date is None and review.regime in ("EIR", "mixed"):
                point.remedy_date = on + dt.timedelta(days=20)  # EIR reg 11(5)(c): a period
        review.complete(review.reviewer.name, on=on)  # the model's own sign-off rules


def demo_reviews(
    n: int, seed: int = 0, *, as_of: dt.date = DEMO_AS_OF, years: int = 4
) -> Iterator[Review]:
    """``n`` synthetic reviews (``DEMO-000001`` ...), the same for the same seed.

    Review requests fall evenly over the ``years`` before ``as_of``; reviews whose
    synthetic completion date is after ``as_of`` are left in progress (or as drafts when
    requested in the last few working days), so a register built on ``as_of`` has open
    and overdue reviews as a real one would.
    """
    if n < 0:
        raise ValueError("n must be 0 or more")
    if n == 0:
        return
    dates = _dates(n, seed, as_of, years)
    maker = _Maker(seed, as_of)
    for i in range(n):
        yield maker.review(i + 1, dates, i)


def load_demo_data(
    store, n: int, seed: int = 0, *, as_of: dt.date = DEMO_AS_OF, years: int = 4
) -> int:
    """Write ``n`` synthetic reviews into ``store`` in bulk; returns how many were stored.

    :raises StoreError: when the store holds real reviews (synthetic ones must never mix
        into a real register) or already holds these demo case ids.
    """
    real, demo = _store_contents(store)
    if real:
        raise StoreError(
            f"{store.display_url} holds real reviews (e.g. {real}); synthetic data must never "
            "mix with them. Name an empty store with --db (or WORKBENCH_DB)."
        )
    if demo:
        raise StoreError(
            f"{store.display_url} already holds demo data; name an empty store with --db "
            "(or WORKBENCH_DB)"
        )
    return store.bulk_create(demo_reviews(n, seed, as_of=as_of, years=years), DEMO_WRITER)


def _store_contents(store) -> tuple[str | None, str | None]:
    """A real (non-synthetic) case id in ``store`` and a synthetic one, each or None."""
    import sqlalchemy as sa

    from .store import reviews_table

    case_id = reviews_table.c.case_id
    with store.reading() as conn:
        real = conn.execute(
            sa.select(case_id).where(~case_id.startswith(DEMO_PREFIX)).limit(1)
        ).scalar()
        demo = conn.execute(sa.select(case_id).where(case_id.startswith(DEMO_PREFIX)).limit(1))
        return real, demo.scalar()
