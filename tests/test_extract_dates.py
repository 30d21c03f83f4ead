"""Dates: every common way of writing one, and which one is the received or response date."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.parsing.dates import parse_date
from workbench.parsing.extract import extract


@pytest.mark.parametrize(
    "written",
    [
        "25th October 2023",
        "25October 2023",  # a PDF copied to text lost the space
        "25 October 2023",
        "25 Oct 2023",
        "25 Oct. 2023",
        "25October 2023",
        "Wednesday 25 October 2023",
        "Wednesday, 25th of October 2023",
        "October 25, 2023",
        "25/10/2023",
        "25.10.2023",
        "25-10-2023",
        "25/10/23",
        "2023-10-25",
    ],
)
def test_written_forms_of_a_date(written):
    assert parse_date(written) == dt.date(2023, 10, 25)


@pytest.mark.parametrize(
    "written", ["31/02/2023", "18 May", "2023/24", "section 40(2)", "25/13/2023"]
)
def test_things_that_are_not_full_dates(written):
    assert parse_date(written) is None


def test_received_and_response_dates_from_sentences():
    text = (
        "Date: 22 November 2023\n\n"
        "We received your request on 25 October 2023. It asked about events on 1 March 2022."
    )
    result = extract(text)
    assert result.date_received == dt.date(2023, 10, 25)
    assert result.date_of_response == dt.date(2023, 11, 22)
    assert result.field_evidence["date_received"].quote.startswith("We received your request")


def test_labelled_dates_with_the_value_on_the_next_line():
    text = "Date received\n21/08/2017\nResponse date\n31/10/2017\n"
    result = extract(text)
    assert result.date_received == dt.date(2017, 8, 21)
    assert result.date_of_response == dt.date(2017, 10, 31)


def test_a_web_page_publication_date_is_not_a_response_date():
    text = "Request ID: FOI-1\nDate published: 09 February 2023\n\nYou asked\n\nHow many buses?"
    assert extract(text).date_of_response is None


def test_published_label_on_the_line_above_a_date_is_not_a_response_date():
    text = "Published\n23 April 2026\n\nRequest\nHow many trees were planted?"
    assert extract(text).date_of_response is None


def test_a_letter_date_standing_alone_at_the_top_is_the_response_date():
    text = "Our ref: FOI/1\n\n14 March 2024\n\nDear Ms Jones\n\nThank you for your request."
    assert extract(text).date_of_response == dt.date(2024, 3, 14)


def test_a_column_of_dates_in_a_table_is_not_the_letter_date():
    text = (
        "Gritting runs\n\n1. How many gritting runs were made each month?\n\n"
        "Month\n1 December 2023\n1 January 2024\n1 February 2024\nRuns\n14\n22\n9\n"
    )
    assert extract(text).date_of_response is None


@pytest.mark.parametrize(
    ("text", "received"),
    [
        pytest.param(
            "Dear Ms Shah\n\nThank you for your request for information, received at this "
            "office on\n19/11/21, about bus passes.\n\nPlease find the figures attached.\n",
            dt.date(2021, 11, 19),
            id="a received date opening a wrapped line",
        ),
        pytest.param(
            "Thank you for your email of 4 April 2023 asking about trees.",
            dt.date(2023, 4, 4),
            id="the date the requester wrote, when no receipt date is given",
        ),
        pytest.param(
            "Thank you for your request dated 24 January 2024, which we received on "
            "25 January 2024.",
            dt.date(2024, 1, 25),
            id="a stated receipt date beats the date the request was written",
        ),
        pytest.param(
            "Dear Ms Hale,\nI write in connection with your request for information, dated 9th "
            "March 2024, about bus shelters.\n\nWe do not hold the information.",
            dt.date(2024, 3, 9),
            id="a request for information set off by a comma",
        ),
        pytest.param(
            "Dear Ms Hale,\nThank you for your 2 emails of 12 March 2024. This letter answers "
            "both.\n\nWe do not hold the information.",
            dt.date(2024, 3, 12),
            id="two emails of one date",
        ),
        pytest.param(
            "Issued 19 March 2024.\n\nOn 27 February 2024 you requested that the Authority "
            "review this decision.\n\nI am satisfied that the exemption was correctly applied.\n",
            dt.date(2024, 2, 27),
            id="a review asked for on a date given before the words that say so",
        ),
        pytest.param(
            "12 June 2019\n\nDear Sir\n\nThank you for your recent request, received by 19 May "
            "2019. We will reply by 17 June 2019.\n\nWe hold 12 bins.\n",
            dt.date(2019, 5, 19),
            id="received by a date, unlike reply by one",
        ),
        pytest.param(
            "Our Ref: FOI2023/00417\n11 January 2023\nDear Ms Watts,\nFurther to my letter of 11 "
            'December, I can now answer your request:\n"How many?"',
            None,
            id="the authority's own earlier letter with no year is not the request",
        ),
    ],
)
def test_the_letters_words_give_the_date_the_request_was_received(text, received):
    assert extract(text).date_received == received


def test_dates_of_earlier_correspondence_are_not_the_response_date():
    text = (
        "3 December 2020\n\nWe received your request on 6 November 2020. It repeats your "
        "request of 14 September 2020, which we answered on 9 October 2020."
    )
    result = extract(text)
    assert result.date_received == dt.date(2020, 11, 6)
    assert result.date_of_response == dt.date(2020, 12, 3)


def test_a_review_request_date_is_not_the_date_the_request_was_received():
    text = "We received your request for an internal review on 5 June 2023."
    assert extract(text).date_received is None


def test_dates_of_the_period_asked_about_are_ignored():
    text = "Please provide the figures from 1 April 2020 to 31 March 2021."
    result = extract(text)
    assert result.date_received is None
    assert result.date_of_response is None


def test_the_date_on_the_requesters_message_below_a_reply_is_when_the_request_was_sent():
    text = (
        "Dear Ms Doe,\n\nThe budget was £2m.\n\nRegards\n\n-----Original Message-----\n"
        "From: Jane Doe\nSent: 13 December 2023 09:11\nSubject: FOI request\n\n"
        "Please tell me the budget."
    )
    result = extract(text)
    assert result.date_received == dt.date(2023, 12, 13)
    assert result.date_of_response is None


def test_the_authoritys_own_earlier_letter_is_not_the_request():
    text = (
        "Further to my letter of 18 December 2024, I have now completed my review.\n\n"
        "We apologise for the delay in answering your request."
    )
    assert extract(text).date_received is None


@pytest.mark.parametrize(
    "header",
    [
        "Our Ref: AB-FOI-2024-0117 Date: 3rd June 2024",
        # A reference of two words, then the date, as a PDF's header fields flatten.
        "Our reference: 41177 EIR 3 June 2024",
        "Our Reference: FOI 52210 / 3 June 2024",
        # The date, then the next field glued on with no space.
        "3 June 2024Case Reference Number CR0441920",
        # A line of letterhead fields, the date among them.
        "Your Ref: Our Ref: TX_118_24 Date/Dyddiad: 3 June 2024 Tel: 01632 960555 Email: x@y.org",
    ],
)
def test_a_date_beside_other_header_fields_on_one_line_is_the_letters_date(header):
    text = f"{header}\n\nDear Ms Hale,\n\nI refer to your recent request."
    assert extract(text).date_of_response == dt.date(2024, 6, 3)


@pytest.mark.parametrize(
    "line",
    [
        # A sentence that names a reference and a date is not a header line.
        "Our reference 41177 was closed on 3 June 2024 after you withdrew it.",
        "Meeting: Planning committee 3 June 2024 Agenda: item 4",
    ],
)
def test_a_date_inside_words_is_not_the_letters_date(line):
    text = f"Dear Ms Hale,\n\n{line}\n\nWe do not hold the information."
    assert extract(text).date_of_response is None


def test_a_record_field_dated_month_first_above_the_request_is_the_receipt_date():
    text = (
        "FOI Request\n\nDisclosure ID\nRequest Date\nOctober 14, 2019\n\n"
        "1. How many ambulances were out of service last winter?\n\n"
        "2. How many were repaired by outside garages?\n\n"
        "This information is not held by the Trust.\n"
    )
    assert extract(text).date_received == dt.date(2019, 10, 14)


def test_a_log_records_completion_date_is_the_response_date():
    text = (
        "Case Number 6768\nRequest Date 10/06/2019\nCompletion Date 25/07/2019\n\n"
        "Details of the Request\n\nHow many interpreters did the Trust book?\n\n"
        "Details of the Response\n\nThe Trust booked 412 interpreters.\n"
    )
    result = extract(text)
    assert (result.date_received, result.date_of_response) == (
        dt.date(2019, 6, 10),
        dt.date(2019, 7, 25),
    )


@pytest.mark.parametrize(
    "opening",
    [
        "Thank you for your request received on 11 December. You wrote:",
        "Thank you for your email of 11 December, in which you asked:",
        "Thank you for your letter dated 11 December in which you asked:",
    ],
)
def test_a_receipt_without_its_year_takes_the_letters_year(opening):
    """A reply in January to a request "received on 11 December" or to "your email of 11
    December": the December before (a request comes before its answer)."""
    text = f'Our Ref: FOI2023/00417\n11 January 2023\nDear Ms Watts,\n{opening}\n"How many?"'
    result = extract(text)
    assert result.date_received == dt.date(2022, 12, 11)
    assert result.date_of_response == dt.date(2023, 1, 11)


def test_a_labelled_response_date_beats_a_bare_dated_line():
    """A log page's own "Dated:" stands above the record's "Date of response:"."""
    text = (
        "Disclosure Details\n\nDated: 11 Sep 2014\n\nDate of request: 25/08/14\n\n"
        "Date of response: 02/09/14\n\nYou asked:\n\nHow many licences were granted?\n\n"
        "In response:\n\nThere were 209 licences granted.\n"
    )
    result = extract(text)
    assert result.date_received == dt.date(2014, 8, 25)
    assert result.date_of_response == dt.date(2014, 9, 2)


def test_a_date_line_run_onto_the_salutation_is_the_letters_date():
    text = (
        "Town Hall\nHigh Street\n\n14 April 2024 Dear Ms Hale,\n\nThank you for your email of "
        "20 March 2024.\n\nWe do not hold the information."
    )
    assert extract(text).date_of_response == dt.date(2024, 4, 14)


def test_a_date_field_holding_two_dates_gives_the_first_but_asks_for_a_check():
    text = (
        "FOI 4411\nIssue dates: 12.03.24 and 19.03.24\n\nRequest\n\nHow many bins?\n\n"
        "Response\n\nThe council holds 310 bins."
    )
    result = extract(text)
    assert result.date_of_response == dt.date(2024, 3, 12)
    assert result.confidence["date_of_response"] < 0.8
    single = extract(text.replace(" and 19.03.24", "").replace("Issue dates", "Issue date"))
    assert single.confidence["date_of_response"] >= 0.8
