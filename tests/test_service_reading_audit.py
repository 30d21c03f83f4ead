"""Every change to the reading is audited: who, what, old and new; a split is one row, not fifty."""

from __future__ import annotations

import pytest

from workbench.service import ReviewSession
from workbench.store import Store

SEED_ID = "IC-266000-V6Y0"


@pytest.fixture
def session(seed_case, tmp_path):
    with Store(tmp_path / "review.db") as store:
        yield ReviewSession.open(SEED_ID, "ann", store=store)


def _rows(session, action: str) -> list:
    return [e for e in session.store.audit(SEED_ID) if e.action == action]


def test_a_split_is_one_row_with_the_point_before_and_its_parts_after(session):
    before = session.review.points[0].model_dump(mode="json")
    session.split_point("1", "1a,1b")
    rows = _rows(session, "split_point")
    point_rows = [r for r in rows if r.field_path.startswith("points")]
    assert len(point_rows) == 1
    (row,) = point_rows
    assert (row.who, row.field_path, row.old_value) == ("ann", "points.0", before)
    assert [part["label"] for part in row.new_value] == ["1a", "1b"]
    # What else changed is audited field by field: s.40(2) now applies to both parts.
    assert ("provisions.0.points", ["1"], ["1a", "1b"]) in [
        (r.field_path, r.old_value, r.new_value) for r in rows
    ]


@pytest.mark.parametrize(
    ("do", "action", "path", "old", "new"),
    [
        (lambda s: s.delete_point("2"), "delete_point", "points.1", "point 2", None),
        (lambda s: s.relabel_point("2", "Q2"), "relabel_point", "points.1.label", "2", "Q2"),
        (lambda s: s.move_point("3b", 0), "move_point", "points", ["1", "2", "3a", "3b"], None),
        (lambda s: s.add_point("4", "More"), "add_point", "points.4", None, "point 4"),
        (lambda s: s.merge_points("3a", "3b", "3"), "merge_points", "points", "3a+3b", "point 3"),
    ],
)
def test_each_restructuring_is_one_row_naming_who_what_old_and_new(
    session, do, action, path, old, new
):
    points_before = [p.model_dump(mode="json") for p in session.review.points]
    do(session)
    (row,) = [r for r in _rows(session, action) if r.field_path.startswith("points")]
    assert (row.who, row.field_path) == ("ann", path)
    if old == "point 2":
        assert row.old_value == points_before[1]
    elif old == "3a+3b":
        assert row.old_value == points_before[2:]
    else:
        assert row.old_value == old
    if new == "point 4":
        assert row.new_value["label"] == "4" and row.new_value["request_text"] == "More"
    elif new == "point 3":
        assert row.new_value["label"] == "3"
    elif new is None and action == "move_point":
        assert row.new_value == ["3b", "1", "2", "3a"]
    else:
        assert row.new_value == new


def test_corrections_of_a_points_values_are_audited_field_by_field(session):
    session.set_point_text("2", "Northants correspondence")
    session.set_point_determination("2", "ncnd")
    session.set_point_provisions("2", "s.31(1)")
    rows = [(e.action, e.field_path, e.new_value) for e in session.store.audit(SEED_ID)]
    assert ("set_point_text", "points.1.request_text", "Northants correspondence") in rows
    assert ("set_determination", "points.1.corrected_determination", "ncnd") in rows
    assert ("set_provisions", "points.1.provisions", ["s.31(1)"]) in rows
