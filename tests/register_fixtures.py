"""A small register whose every figure was worked out by hand (see test_register_figures.py).

Six reviews through 2024, written through the ordinary store API (create, then complete):

====  ======  ========  ==========  ==========================================  ============
case  regime  reviewer  requested   what the review found                        completed
====  ======  ========  ==========  ==========================================  ============
A     FOIA    Ann       Mon 8 Jan   s.40(2) upheld: maintained                   Thu 1 Feb
B     FOIA    Ann       Mon 12 Feb  s.43(2) not upheld: reversed                 Wed 10 Apr
C     EIR     Bob       Tue 2 Apr   reg.12(5)(e) in part, a search missed        Mon 20 May
D     FOISA   Bob       Mon 1 Jul   withdrawn by the requester                   Fri 5 Jul
E     FOIA    Ann       Fri 1 Nov   open (s.40(2) cited, nothing decided)        -
F     FOIA    Bob       Fri 20 Dec  draft, no dates for the original request     -
====  ======  ========  ==========  ==========================================  ============
"""

from __future__ import annotations

import datetime as dt

from workbench.outcomes import ChangeReason, Outcome
from workbench.parsing.model import Determination
from workbench.review import (
    PointReview,
    ProvisionReview,
    PublicInterest,
    Review,
    SearchReview,
    Timeliness,
)
from workbench.store import Store

D = dt.date
TODAY = D(2024, 12, 31)


def _review(case_id, regime, reviewer, requested, received, responded, points, provisions=()):
    review = Review(
        case_id=case_id,
        regime=regime,
        reference=f"{case_id}-REF",
        authority="Example Council",
        date_received=received,
        date_responded=responded,
        review_requested=requested,
        points=points,
        provisions=list(provisions),
    )
    review.reviewer.name = reviewer
    return review


def _point(label, determination, finding=None, remedies=(), provisions=()):
    return PointReview(
        label=label,
        original_determination=determination,
        finding=finding,
        remedies=list(remedies),
        provisions=list(provisions),
    )


def build_register(store: Store) -> None:
    """Write the six reviews into ``store``."""
    a = _review(
        "A", "FOIA", "Ann", D(2024, 1, 8), D(2023, 12, 1), D(2023, 12, 20),
        [
            _point("1", Determination.HELD_PARTLY_DISCLOSED, "correct", provisions=["s.40(2)"]),
            _point("2", Determination.NOT_HELD, "correct"),
        ],
        [ProvisionReview(provision_id="s.40(2)", points=["1"], engaged="yes", finding="upheld")],
    )  # fmt: skip
    a.searches = [SearchReview(where="Corporate email", adequate=True)]

    b = _review(
        "B", "FOIA", "Ann", D(2024, 2, 12), D(2024, 1, 8), D(2024, 2, 7),
        [_point("1", Determination.HELD_WITHHELD, "incorrect", ["disclose"], ["s.43(2)"])],
        [ProvisionReview(provision_id="s.43(2)", points=["1"], engaged="no", finding="not_upheld")],
    )  # fmt: skip
    b.searches = [SearchReview(where="Shared drive", adequate=True)]
    b.procedural.timeliness = Timeliness.LATE
    b.change_reasons = [ChangeReason.EXEMPTION_WRONGLY_ENGAGED]

    c = _review(
        "C", "EIR", "Bob", D(2024, 4, 2), D(2024, 2, 1), D(2024, 2, 28),
        [
            _point(
                "1", Determination.HELD_WITHHELD, "partly_correct", ["disclose_in_part"],
                ["reg.12(5)(e)"],
            )
        ],
        [
            ProvisionReview(
                provision_id="reg.12(5)(e)", points=["1"], engaged="yes",
                finding="upheld_in_part", public_interest=PublicInterest(favours="disclosure"),
            )
        ],
    )  # fmt: skip
    c.points[0].remedy_date = D(2024, 6, 3)  # EIR reg 11(5)(c): the period for the remedy
    c.searches = [
        SearchReview(where="Shared drive", adequate=False, further_search_needed="Archive"),
        SearchReview(where="Corporate email", adequate=True),
    ]
    c.change_reasons = [
        ChangeReason.PUBLIC_INTEREST_WRONGLY_BALANCED,
        ChangeReason.SEARCHES_INADEQUATE,
    ]

    d = _review(
        "D", "FOISA", "Bob", D(2024, 7, 1), D(2024, 5, 1), D(2024, 5, 29),
        [_point("1", Determination.NOT_HELD, "correct")],
    )  # fmt: skip
    d.override_outcome(Outcome.WITHDRAWN, "The requester withdrew.")

    e = _review(
        "E", "FOIA", "Ann", D(2024, 11, 1), D(2024, 9, 2), D(2024, 9, 30),
        [_point("1", Determination.HELD_WITHHELD, provisions=["s.40(2)"])],
        [ProvisionReview(provision_id="s.40(2)", points=["1"])],
    )  # fmt: skip
    e.searches = [SearchReview(where="Paper files", adequate=False)]  # open: not counted

    f = _review("F", "FOIA", "Bob", D(2024, 12, 20), None, None, [])

    completed_on = {
        "A": D(2024, 2, 1),
        "B": D(2024, 4, 10),
        "C": D(2024, 5, 20),
        "D": D(2024, 7, 5),
    }
    for review in (a, b, c, d, e, f):
        if review.case_id != "F":
            review.start()
        store.create(review, "ann")
        if review.case_id in completed_on:
            store.complete(
                review.case_id, review.reviewer.name, "ann", on=completed_on[review.case_id]
            )
