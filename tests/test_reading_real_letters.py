"""Three misread real letters, corrected through the session: everything follows the reading.

The first pass misreads each letter (tests/files/misread/): a one-sentence request the
answer divides read as one point, a question's breakdown cut into three, a point the answer
splits left whole.  The reviewer's steps take the review to the corpus's hand-made
reading; then the checks, the letter and the spreadsheet must show exactly that
reading, and not the first pass's.
"""

from __future__ import annotations

import io

import docx
import pytest
from correction_scripts import LETTERS, apply_with_session, load, reading
from openpyxl import load_workbook

from workbench.cases import new_case
from workbench.service import ReviewSession
from workbench.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "review.db") as opened:
        yield opened


def _corrected(name: str, store: Store) -> ReviewSession:
    correction = load(name)
    case = new_case(correction.response)
    session = ReviewSession.open(case.id, "ann", store=store)
    apply_with_session(session, correction.steps)
    return session


@pytest.mark.parametrize("name", LETTERS)
def test_the_corrected_reading_is_the_hand_made_one(name, store):
    session = _corrected(name, store)
    assert reading(session.review) == load(name).truth_reading()
    assert reading(store.get(session.case_id)) == load(name).truth_reading()


def test_the_first_pass_misreads_each_letter(store):
    """The premise: without the reviewer, the reading is wrong (else the test proves nothing)."""
    for name in LETTERS:
        case = new_case(load(name).response)
        first = ReviewSession.open(case.id, "ann", store=store).review
        assert reading(first) != load(name).truth_reading()


def test_points_given_an_answer_no_longer_have_no_answer(store):
    case = new_case(load("real-139").response)
    session = ReviewSession.open(case.id, "ann", store=store)
    # A point the reading missed, added without an answer yet: the checks say so.
    session.add_point("4", "The college that made each offer")
    unanswered = [f for f in session.checks() if f.check == "point-not-answered"]
    assert [f.point for f in unanswered] == ["4"]

    session.set_point_determination("4", "cost_limit")
    assert not [f for f in session.checks() if f.check == "point-not-answered"]
    session.delete_point("4")
    apply_with_session(session, load("real-139").steps)
    found = session.checks()
    assert not [f for f in found if f.check == "point-not-answered"]
    labels = {label for label, _, _ in load("real-139").truth_reading()}
    assert {f.point for f in found if f.point} <= labels
    # The provisions the reviewer left attached are what the checks now read.
    assert session.reading().provisions_cited == ["s.12(1)"]


@pytest.mark.parametrize("name", LETTERS)
def test_the_letter_and_spreadsheet_show_exactly_the_corrected_points(name, store):
    session = _corrected(name, store)
    truth = load(name).truth_reading()
    paths = {path.suffix: path for path in session.export(["docx", "xlsx"])}

    letter = docx.Document(io.BytesIO(paths[".docx"].read_bytes()))
    text = "\n".join(paragraph.text for paragraph in letter.paragraphs)
    headings = [line for line in text.splitlines() if line.startswith("Point ")]
    assert headings == [f"Point {label}" for label, _, _ in truth]
    requester = session.review.requester
    assert f"Dear {requester or 'Sir or Madam'}," in text

    book = load_workbook(paths[".xlsx"], read_only=True)
    rows = list(book["Points"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == [label for label, _, _ in truth]
    assert [row[4] or "" for row in rows] == [", ".join(p) for _, _, p in truth]
    provisions = {
        row[0]: row[2] for row in book["Provisions"].iter_rows(min_row=2, values_only=True)
    }
    expected: dict[str, list[str]] = {}
    for label, _, ids in truth:
        for pid in ids:
            expected.setdefault(pid, []).append(label)
    assert provisions == {pid: ", ".join(labels) for pid, labels in expected.items()}
