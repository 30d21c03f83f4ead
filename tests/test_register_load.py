"""Loading the register: every documented column, with real dtypes, from one store snapshot."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from pandas.api.types import (
    is_bool_dtype,
    is_datetime64_any_dtype,
    is_float_dtype,
    is_integer_dtype,
    is_string_dtype,
)
from register_fixtures import build_register

from workbench import register
from workbench.errors import StoreError
from workbench.store import Store

CATEGORY, DATE, INT, FLOAT, BOOL, NULLABLE_BOOL, TEXT, QUARTER = (
    "category",
    "datetime",
    "int",
    "float",
    "bool",
    "boolean",
    "str",
    "period",
)

EXPECTED = {
    "cases": {
        "case_id": TEXT,
        "reference": TEXT,
        "authority": CATEGORY,
        "regime": CATEGORY,
        "date_received": DATE,
        "date_responded": DATE,
        "response_due": DATE,
        "response_working_days": FLOAT,
        "timeliness_finding": CATEGORY,
        "original_on_time": NULLABLE_BOOL,
    },
    "reviews": {
        "case_id": TEXT,
        "version": INT,
        "status": CATEGORY,
        "reviewer": CATEGORY,
        "review_requested": DATE,
        "review_due": DATE,
        "exceptional": BOOL,
        "completed_on": DATE,
        "signed_off_by": CATEGORY,
        "outcome": CATEGORY,
        "outcome_label": CATEGORY,
        "outcome_overridden": BOOL,
        "no_original_decision": BOOL,
        "change_reasons": TEXT,
        "points": INT,
        "points_decided": INT,
        "quarter_requested": QUARTER,
        "quarter_completed": QUARTER,
        "review_working_days": FLOAT,
        "on_time": NULLABLE_BOOL,
        "updated_at": DATE,
        "updated_by": CATEGORY,
    },
    "point_findings": {
        "case_id": CATEGORY,
        "position": INT,
        "label": TEXT,
        "determination": CATEGORY,
        "determination_corrected": BOOL,
        "finding": CATEGORY,
        "remedies": TEXT,
    },
    "provision_findings": {
        "case_id": CATEGORY,
        "position": INT,
        "provision_id": CATEGORY,
        "points": TEXT,
        "engaged": CATEGORY,
        "finding": CATEGORY,
        "public_interest_favours": CATEGORY,
    },
    "searches": {
        "case_id": CATEGORY,
        "position": INT,
        "location": CATEGORY,
        "who": CATEGORY,
        "added_by_reviewer": BOOL,
        "adequate": NULLABLE_BOOL,
        "further_search_needed": BOOL,
    },
    "audit": {
        "id": INT,
        "at": DATE,
        "who": CATEGORY,
        "case_id": CATEGORY,
        "version": INT,
        "action": CATEGORY,
        "field_path": TEXT,
    },
}


def kind_of(series: pd.Series) -> str:
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return CATEGORY
    if isinstance(dtype, pd.PeriodDtype):
        return QUARTER
    if isinstance(dtype, pd.BooleanDtype):
        return NULLABLE_BOOL
    if is_datetime64_any_dtype(dtype):
        return DATE
    if is_bool_dtype(dtype):
        return BOOL
    if is_integer_dtype(dtype):
        return INT
    if is_float_dtype(dtype):
        return FLOAT
    if is_string_dtype(dtype) and dtype != np.dtype(object):
        return TEXT
    return str(dtype)


@pytest.fixture
def stored(store_url):
    with Store(store_url) as store:
        build_register(store)
        yield store


@pytest.fixture
def reg(stored) -> register.Register:
    return register.load_register(stored)


@pytest.mark.parametrize("frame", list(EXPECTED))
def test_every_frame_has_its_documented_columns_and_dtypes(reg, frame):
    loaded = getattr(reg, frame)
    assert {column: kind_of(loaded[column]) for column in loaded.columns} == EXPECTED[frame]


@pytest.mark.parametrize("frame", list(EXPECTED))
def test_every_column_is_documented_in_the_module_docstring(frame):
    doc = register.__doc__
    start = doc.index(f"\n``{frame}``")
    end = min(doc.find(mark, start + 1) % len(doc) for mark in ("\n``", "\nEvery figure"))
    section = doc[start:end]
    documented = set(re.findall(r"^\* ([a-z_]+) \(", section, flags=re.MULTILINE))
    assert set(EXPECTED[frame]) <= documented, set(EXPECTED[frame]) - documented


def test_rows_and_values_come_from_the_store(reg):
    assert reg.reviews["case_id"].tolist() == ["A", "B", "C", "D", "E", "F"]
    assert reg.cases.set_index("case_id").loc["B", "date_received"] == pd.Timestamp("2024-01-08")
    reviews = reg.reviews.set_index("case_id")
    assert reviews.loc["A", "status"] == "completed" and reviews.loc["F", "status"] == "draft"
    assert list(reg.reviews["status"].cat.categories) == ["draft", "in_progress", "completed"]
    assert reg.reviews["status"].cat.ordered
    assert reviews.loc["D", "outcome_label"] == "Withdrawn"
    assert pd.isna(reviews.loc["E", "completed_on"]) and pd.isna(reviews.loc["E", "on_time"])
    assert str(reviews.loc["C", "quarter_completed"]) == "2024Q2"
    assert (
        reviews.loc["C", "change_reasons"] == "public_interest_wrongly_balanced,searches_inadequate"
    )
    assert reg.point_findings["case_id"].cat.categories.tolist() == list("ABCDEF")
    assert set(reg.audit["action"]) == {"create", "complete"}
    assert reg.audit["at"].dt.tz is not None


def test_a_lean_load_leaves_the_other_frames_empty_with_their_columns(stored):
    lean = register.load_register(stored, frames=register.FIGURE_FRAMES)
    assert lean.point_findings.empty and lean.audit.empty
    assert list(lean.audit.columns) == list(EXPECTED["audit"])
    assert len(lean.provision_findings) == 4
    with pytest.raises(ValueError, match="Unknown frame"):
        register.load_register(stored, frames=["points"])


def test_the_store_in_settings_is_the_default(isolated_data):
    with Store() as store:
        build_register(store)
    assert len(register.load_register().reviews) == 6


def test_a_value_this_workbench_does_not_know_is_named_not_misread(store_url):
    with Store(store_url) as store:
        build_register(store)
        with store._engine.begin() as conn:
            conn.exec_driver_sql("UPDATE register_reviews SET outcome = 'escalated'")
        with pytest.raises(StoreError, match="register_reviews.outcome holds a value"):
            register.load_register(store)


def test_an_unknown_scheme_is_a_clear_error(stored):
    with pytest.raises(Exception, match="Unknown outcome scheme 'nope'"):
        register.load_register(stored, scheme="nope")


def test_a_damaged_register_table_is_a_store_error_not_a_traceback(store_url):
    with Store(store_url) as store:
        build_register(store)
        with store._engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE register_searches")
        with pytest.raises(
            StoreError,
            match=r"Cannot read the register: (no such table: \S+|relation \S+ does not exist)$",
        ):
            register.load_register(store)
