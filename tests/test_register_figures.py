"""The standard figures, on a six-review register whose answers were worked out by hand.

The working-day counts in the comments were counted on a calendar, skipping weekends and
the bank holidays of any UK nation (FOIA, EIR) or of Scotland (FOISA).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal
from register_fixtures import TODAY, build_register

from workbench import register
from workbench.store import Store

Q = pd.PeriodIndex(["2024Q1", "2024Q2", "2024Q3", "2024Q4"], freq="Q", name="quarter")


@pytest.fixture
def reg(store_url) -> register.Register:
    with Store(store_url) as store:
        build_register(store)
        return register.load_register(store)


def test_reviews_received_and_completed_per_quarter(reg):
    expected = pd.DataFrame({"Received": [2, 1, 1, 2], "Completed": [1, 2, 1, 0]}, index=Q)
    assert_frame_equal(register.quarterly_volumes(reg), expected)


def test_outcomes_in_cabinet_office_words(reg):
    frame = register.outcomes(reg)
    assert list(frame.index) == ["Upheld in full", "Upheld in part", "Overturned", "Withdrawn"]
    assert frame["Reviews"].tolist() == [1, 1, 1, 1]
    assert frame["%"].tolist() == [25.0, 25.0, 25.0, 25.0]


def test_outcomes_by_quarter_completed(reg):
    expected = pd.DataFrame(
        {
            "Upheld in full": [1, 0, 0, 0],
            "Upheld in part": [0, 1, 0, 0],
            "Overturned": [0, 1, 0, 0],
            "Withdrawn": [0, 0, 1, 0],
        },
        index=Q,
    )
    assert_frame_equal(register.outcomes_by_quarter(reg), expected)


def test_another_scheme_words_the_same_outcomes_its_own_way(store_url):
    with Store(store_url) as store:
        build_register(store)
        foisa = register.load_register(store, scheme="authority")
    assert list(register.outcomes(foisa).index) == [
        "Appeal not upheld",
        "Appeal partially upheld",
        "Appeal upheld",
        "Appeal withdrawn",
    ]


def test_original_responses_and_reviews_on_time(reg):
    frame = register.timeliness(reg, TODAY)
    # Responses: A (13 working days), C (19), D (18), E (20) on time; B found late; F has
    # no dates.  Reviews: A, C, D signed off in time, B late; E (due 29 Nov) still open;
    # F (due 23 Jan 2025) not yet due.
    assert frame.loc["Original responses"].tolist() == [4, 1, 0, 0, 1, 80.0]
    assert frame.loc["Internal reviews"].tolist() == [3, 1, 1, 1, 0, 60.0]


def test_an_earlier_today_means_fewer_overdue(reg):
    frame = register.timeliness(reg, dt.date(2024, 11, 29))  # E's due date itself
    assert frame.loc["Internal reviews", "Overdue, still open"] == 0
    assert frame.loc["Internal reviews", "Open, not yet due"] == 2


def test_on_time_and_late_by_quarter(reg):
    frame = register.timeliness_by_quarter(reg)
    assert [str(q) for q in frame.index] == ["2023Q4", "2024Q1", "2024Q2", "2024Q3"]
    assert frame["Responses late"].tolist() == [0, 1, 0, 0]
    assert frame["Reviews on time"].tolist() == [0, 1, 1, 1]
    assert frame["Reviews late"].tolist() == [0, 0, 1, 0]


def test_provisions_most_often_cited_count_open_reviews_but_only_completed_findings(reg):
    frame = register.provisions_cited(reg)
    assert list(frame.index) == ["s.40(2)", "s.43(2)", "reg.12(5)(e)"]
    assert frame.loc["s.40(2)"].tolist() == [2, 1, 1, 0, 0, 0.0]
    assert frame.loc["s.43(2)"].tolist() == [1, 1, 0, 0, 1, 100.0]


def test_provisions_most_often_not_upheld(reg):
    frame = register.provisions_not_upheld(reg)
    assert list(frame.index) == ["s.43(2)", "reg.12(5)(e)"]
    assert frame["Not upheld"].tolist() == [1, 0]
    assert frame["Upheld in part"].tolist() == [0, 1]


def test_searches_found_inadequate_by_location(reg):
    frame = register.searches_inadequate(reg)
    assert list(frame.index) == ["Shared drive", "Corporate email", "All locations"]
    assert frame["Assessed"].tolist() == [2, 2, 4]
    assert frame["Inadequate"].tolist() == [1, 0, 1]
    assert frame["% inadequate"].tolist() == [50.0, 0.0, 25.0]
    assert frame.attrs["reviews_with_inadequate_searches"] == 1  # open E is not counted


def test_why_decisions_changed(reg):
    frame = register.change_reasons(reg)
    assert frame.loc["Searches not adequate or information missed"].tolist() == [1, 50.0]
    assert frame.loc["Exemption wrongly engaged"].tolist() == [1, 50.0]
    assert frame.loc["Excessive redaction"].tolist() == [0, 0.0]


def test_median_working_days_per_stage(reg):
    frame = register.median_working_days(reg)
    # Response: A 13, B 22, C 19, D 18, E 20.  Asking: A 9 (over Christmas and 2 January,
    # a Scottish holiday that stops a FOIA count), B 3, C 21, D 23, E 24.
    # Review: A 18, B 39 (skipping St Patrick's Day, Good Friday, Easter Monday), C 33, D 4.
    assert frame["Cases"].tolist() == [5, 5, 4]
    assert frame["Median"].tolist() == [19.0, 21.0, 25.5]
    assert frame["FOIA"].tolist() == [20.0, 9.0, 28.5]
    assert frame["EIR"].tolist() == [19.0, 21.0, 33.0]
    assert frame["FOISA"].tolist() == [18.0, 23.0, 4.0]


def test_reviewer_workload(reg):
    frame = register.reviewer_workload(reg, TODAY)
    assert list(frame.index) == ["Ann", "Bob"]
    assert frame.loc["Ann"].tolist() == [1, 1, 2, 1, 50.0, 28.5]
    assert frame.loc["Bob"].tolist() == [1, 0, 2, 2, 100.0, 18.5]


def test_reviews_overdue_today(reg):
    frame = register.overdue_reviews(reg, TODAY)
    assert frame["Case"].tolist() == ["E"]
    assert frame.iloc[0]["Reference"] == "E-REF"
    assert frame.iloc[0]["Due"] == pd.Timestamp("2024-11-29")
    # 3 Dec to 31 Dec, less St Andrew's Day (Mon 2 Dec, Scotland), 25 and 26 Dec.
    assert frame.iloc[0]["Working days overdue"] == 19


def test_report_has_every_figure_and_needs_the_frames_it_reads(reg, new_store_url):
    figures = register.report(reg, TODAY)
    assert list(figures) == [figure.key for figure in register.FIGURES]
    with Store(new_store_url()) as store:
        build_register(store)
        lean = register.load_register(store, frames=["audit"])
    with pytest.raises(ValueError, match="provision_findings"):
        register.report(lean, TODAY)


def test_an_empty_register_gives_empty_figures_not_errors(store_url):
    with Store(store_url) as store:
        empty = register.load_register(store)
    figures = register.report(empty, TODAY)
    assert figures["quarterly_volumes"].empty
    assert figures["overdue_reviews"].empty
    assert figures["outcomes"]["Reviews"].sum() == 0
