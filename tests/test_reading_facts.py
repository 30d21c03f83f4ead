"""The facts of the case, as read and as corrected; the letter opens "Dear <requester>"."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest

from workbench.errors import DateError, ReviewError
from workbench.service import ReviewSession
from workbench.store import Store

SEED_ID = "IC-266000-V6Y0"


@pytest.fixture
def session(seed_case, tmp_path):
    with Store(tmp_path / "review.db") as store:
        yield ReviewSession.open(SEED_ID, "ann", store=store)


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("authority", "Essex Police", "Essex Police"),
        ("requester", "Ms Jane Doe", "Ms Jane Doe"),
        ("kind", "refusal_notice", "refusal_notice"),
        ("kind", "Holding notice or extension letter", "holding_notice"),
        ("reference", "IC-1-A", "IC-1-A"),
        ("regime", "EIR", "EIR"),
        ("date_received", "2023-10-20", dt.date(2023, 10, 20)),
        ("date_of_response", "2023-11-30", dt.date(2023, 11, 30)),
        ("review_requested", "2024-01-08", dt.date(2024, 1, 8)),
    ],
)
def test_every_fact_of_the_case_can_be_corrected_and_keeps_what_was_read(
    session, name, value, expected
):
    read = session.fact(name).extracted
    session.set_fact(name, value)
    fact = session.fact(name)
    shown = fact.value.value if hasattr(fact.value, "value") else fact.value
    assert shown == expected
    assert fact.corrected and fact.extracted == read
    assert session.store.get(SEED_ID).corrections[name].corrected is not None


def test_a_fact_set_back_to_what_was_read_is_as_read_again(session):
    session.set_fact("regime", "EIR")
    session.set_fact("regime", "")
    assert not session.fact("regime").corrected
    assert session.review.regime == "FOIA"
    assert "regime" not in session.review.corrections


@pytest.mark.parametrize(
    ("name", "value", "error", "message"),
    [
        ("kind", "letter", ReviewError, "response, refusal_notice, holding_notice"),
        ("regime", "GDPR", ReviewError, "FOIA, EIR, FOISA, EISR, mixed"),
        ("date_received", "yesterday", DateError, "Request received"),
        ("sender", "x", ReviewError, "authority, requester, kind, reference"),
    ],
)
def test_a_wrong_value_names_what_is_allowed_and_saves_nothing(
    session, name, value, error, message
):
    token = session.token
    with pytest.raises(error, match=message):
        session.set_fact(name, value)
    assert session.token == token


def _letter_text(session) -> str:
    (path,) = session.export(["docx"])
    return "\n".join(p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs)


def test_the_letter_opens_with_the_requesters_name_once_it_is_known(session):
    assert "Dear Sir or Madam," in _letter_text(session)
    session.set_fact("requester", "Ms Jane Doe")
    text = _letter_text(session)
    assert "Dear Ms Jane Doe," in text and "Sir or Madam" not in text
    session.set_fact("requester", "")
    assert "Dear Sir or Madam," in _letter_text(session)


def test_the_spreadsheet_states_the_corrected_authority_and_requester(session):
    from openpyxl import load_workbook

    session.set_fact("authority", "Essex Police")
    session.set_fact("requester", "Ms Jane Doe")
    (path,) = session.export(["xlsx"])
    rows = dict(load_workbook(path, read_only=True)["Summary"].iter_rows(values_only=True))
    assert (rows["Authority"], rows["Requester"]) == ("Essex Police", "Ms Jane Doe")
