"""The register counts grounds by category and how often the requester was right."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench import register
from workbench.review import GroundReview, Review
from workbench.store import Store

D = dt.date


def _review(case_id: str, grounds: list[tuple[str, str | None]]) -> Review:
    return Review(
        case_id=case_id,
        regime="FOIA",
        review_requested=D(2024, 3, 4),
        requester_grounds=[
            GroundReview(
                id=f"g{n}",
                category=category,
                finding=finding,
                reasons="r",
                remedy="Done." if finding in ("upheld", "partly_upheld") else "",
            )
            for n, (category, finding) in enumerate(grounds, start=1)
        ],  # fmt: skip
        outcome_override={"outcome": "maintained", "reason": "Grounds only"},
    )


@pytest.fixture(scope="module")
def reg():
    with Store(":memory:") as store:
        a = _review("A", [("exemption_disputed", "upheld"), ("delay", "upheld")])
        b = _review(
            "B", [("exemption_disputed", "not_upheld"), ("searches_inadequate", "partly_upheld")]
        )
        c = _review("C", [("exemption_disputed", None)])  # left open: raised, not decided
        for review in (a, b, c):
            token = store.create(review, "ann")
            if review.case_id != "C":
                review.start()
                token = store.save(review, "ann", token)
                store.complete(review.case_id, "Ann", "ann", token, on=D(2024, 3, 20))
        yield register.load_register(store)


def test_each_ground_is_a_row_of_the_grounds_frame(reg):
    frame = reg.grounds
    assert len(frame) == 5
    assert frame["category"].tolist()[:2] == ["exemption_disputed", "delay"]
    assert frame["finding"].isna().sum() == 1


def test_grounds_by_category_and_the_share_upheld(reg):
    figure = register.grounds_by_category(reg)
    exemption = figure.loc["Exemption disputed"]
    assert (exemption["Raised"], exemption["Decided"], exemption["Upheld"]) == (3, 2, 1)
    assert exemption["% upheld"] == 50.0
    everything = figure.loc["All grounds"]
    assert (everything["Raised"], everything["Decided"]) == (5, 4)
    assert everything["% upheld"] == 50.0 and everything["% upheld at least in part"] == 75.0
    assert list(figure.index) == [
        "Exemption disputed",
        "Searches inadequate",
        "Delay",
        "All grounds",
    ]


def test_the_report_includes_the_figure(reg):
    figures = register.report(reg, D(2024, 12, 31))
    assert "grounds_by_category" in figures
    assert "Grounds of review requests, and share upheld" in register.report_text(figures)
