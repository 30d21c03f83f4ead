"""The corrected reading: the checks, the register and exports read the reviewer's reading."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench import reading
from workbench.checks.runner import run_case_checks
from workbench.parsing.model import Determination, Evidence, Extraction, Point
from workbench.review import review_from_case
from workbench.service import ReviewSession
from workbench.store import Store

SEED_ID = "IC-266000-V6Y0"


@pytest.fixture
def session(seed_case, tmp_path):
    with Store(tmp_path / "review.db") as store:
        yield ReviewSession.open(SEED_ID, "ann", store=store)


def test_the_corrected_reading_is_the_first_pass_with_the_reviewers_points_and_facts(session):
    session.split_point("1", "1a,1b")
    session.set_point_determination("2", "ncnd")
    session.set_fact("date_received", "2023-10-20")
    corrected = session.reading()
    assert [p.label for p in corrected.points] == ["1a", "1b", "2", "3a", "3b"]
    assert corrected.points[2].determination is Determination.NCND
    assert corrected.points[0].provisions == ["s.40(2)"] == corrected.points[1].provisions
    first = session.extraction.points[0]
    assert corrected.points[0].evidence == first.evidence  # a part keeps the point's evidence
    assert corrected.date_received == dt.date(2023, 10, 20)
    assert corrected.reference == session.extraction.reference  # what was not corrected


def test_a_point_given_a_determination_no_longer_has_no_answer(seed_case):
    from workbench.cases import load_case

    case = load_case(seed_case)
    extraction = Extraction(
        points=[
            Point(label="1", text="Budgets"),
            Point(label="2", text="Minutes"),
            Point(label="3", text="Agendas", determination="held_disclosed"),
        ]
    )
    review = review_from_case(case, extraction)
    as_read = run_case_checks(case, extraction)
    assert {f.point for f in as_read if f.check == "point-not-answered"} == {"1", "2"}

    review = reading.set_point_determination(review, "1", "held_disclosed")
    found = run_case_checks(case, extraction, review=review)
    assert {f.point for f in found if f.check == "point-not-answered"} == {"2"}


def test_a_point_marked_disclosed_that_still_cites_an_exemption_is_a_contradiction(session):
    session.set_point_determination("1", "held_disclosed")  # it was read as partly disclosed
    found = [f for f in session.checks() if f.check == "disclosed-but-refused"]
    assert [(f.point, f.provision) for f in found] == [("1", "s.40(2)")]

    session.set_point_provisions("1", "")
    assert not [f for f in session.checks() if f.check == "disclosed-but-refused"]


def test_the_checks_are_run_again_only_when_the_reading_changes(session, monkeypatch):
    first = session.checks()
    assert session.checks() is first
    session.edit("points.0.reasons", "Fine")  # not the reading
    assert session.checks() is first
    session.set_point_determination("2", "ncnd")
    assert session.checks() is not first


def test_the_answer_selected_in_the_letter_becomes_the_points_evidence(session):
    text = session.case.response().text
    start = text.index("I can confirm we do not hold information")
    span = Evidence(quote=text[start : start + 40], start=start, end=start + 40)
    session.set_point_answer("2", [span])
    assert session.point_evidence("2") == [span]
    assert session.reading().points[1].evidence == [span]


def test_the_register_counts_the_corrected_points_and_provisions(session):
    from workbench.register import load_register

    session.delete_point("3b")
    session.set_point_provisions("2", "s.31(1)(a)")
    session.set_fact("authority", "Essex Police")
    register = load_register(session.store)
    points = register.point_findings
    assert list(points[points.case_id == SEED_ID].label) == ["1", "2", "3a"]
    provisions = register.provision_findings
    cited = provisions[provisions.case_id == SEED_ID]
    assert sorted(str(p) for p in cited.provision_id) == ["s.31(1)(a)", "s.40(2)"]
    assert list(register.cases.authority) == ["Essex Police"]
