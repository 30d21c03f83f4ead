"""The authority's reference, however the letter writes it, and case ids made from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbench.cases import new_case
from workbench.parsing.extract import case_id_from_reference, extract, guess_case_metadata
from workbench.parsing.reference import normalise_reference


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our ref: FOI/2024/0457\nYour ref: JD-99\n\nDear Ms Jones", "FOI/2024/0457"),
        ("Our Reference: 101002345\n\nDear Sir", "101002345"),
        ("Freedom of Information Request FOI 2023/123\n\nDear Sir", "FOI 2023/123"),
        ("Dear Sir\n\nThank you for request FOI 2023/123, which we received.", "FOI 2023/123"),
        ("Date: 22 November 2023\n\nIC-266000-V6Y0\n\nRequest", "IC-266000-V6Y0"),
        ("Reference: FOI-1234\nDate: 1 May 2023", "FOI-1234"),
        ("Request ID: 20231104-7\n\nQuestion 1: How many?", "20231104-7"),
        ("FOI Reference: 540/2024\nRequest:", "540/2024"),
        ("Case reference EIR2026/17373\nReceived 8 April 2026", "EIR2026/17373"),
        ("FOI ID number\n06558\nRegarding\nAir Quality", "06558"),
        ("Reference: 2022 – 280 / WE5500\nDate of response: 3rd March 2022", "2022 – 280 / WE5500"),
        ("Our Reference: FOI 81234 / 2 May 2016\n\nDear Mr Lee", "FOI 81234"),
        ("Information request 8812\n\nReceived: 3 March 2021", "8812"),
        ("Professional Standards Department (828A/23)\nRequest\nQ1. How many?", "828A/23"),
        ("Dangerous Dogs (1284A/23 )\n\n1.How many reports?", "1284A/23"),
        ("FOI 2022 417 - Ward closures\n\nInformation Requested:", "FOI 2022 417"),
        ("FOI_24-301 Security contracts\nDate of response: 3 June 2024", "FOI_24-301"),
        ("Our ref: m/r 4567496\n\nDear Sir", "m/r 4567496"),
        ("Reference no.20210357\n\nDear Sir", "20210357"),
        ("Ref: FOI 2018/06675&6282\n\nDear Mr Evans", "FOI 2018/06675&6282"),
        ("Request for Information - ATISN 16301\n\nThank you", "ATISN 16301"),
        ("Freedom of Information Request: 0596 2019/20\n\nThe Trust", "0596 2019/20"),
        ("Notification requirements - 138/15\n\nDated: 05 Mar 2015", "138/15"),
        ("Our ref: 202100255908\n\nDear Sir", "202100255908"),
        ("Phone: 020 7946 0000\nOurRef: k20417, 20533\n4 May 2022\n\nDear Mr Hale", "k20417"),
        ("OurRef:FOI 3381\n\nDear Ms Ward", "FOI 3381"),
        ("Our ref / Ein cyf: CS/0311/24\nDate / Dyddiad: 8/4/2024\n\nDear Mr Hughes", "CS/0311/24"),
    ],
)
def test_reference_forms(text, expected):
    result = extract(text)
    assert result.reference == expected
    evidence = result.field_evidence["reference"]
    assert text[evidence.start : evidence.end] == evidence.quote


def test_another_requests_code_in_running_text_is_not_the_reference():
    text = (
        "Stop and search - 512/19\n\nYou asked:\n\n1. How many searches?\n\nIn response:\n\n"
        "This request has been aggregated with your previous request, FOI 488/19, as it is on "
        "the same subject."
    )
    assert extract(text).reference == "512/19"


def test_a_log_titles_own_code_beats_codes_met_further_down():
    text = (
        "Disclosure Details\n\nInformants - 910/12\n\nYou asked:\n\n1. How much was paid?\n\n"
        "In response:\n\nThis has been asked before and is on our Disclosure Log: FOI 811/12 "
        "covers 2011/12 and FOI 319/11 the years before."
    )
    assert extract(text).reference == "910/12"


def test_our_ref_beats_a_page_request_id():
    text = "Request ID: FOI-2725-2223\n\nWe answered\n\nOur ref: FOI-2725/6/7/8-2223/GH\n"
    assert extract(text).reference == "FOI-2725/6/7/8-2223/GH"


def test_a_reference_inside_a_sentence_is_weaker_than_one_heading_the_letter():
    text = (
        "Environmental Information Regulations 2004 - Request EIR 2023/881\n\n"
        "The surveys are on our planning portal under application reference 22/0123/FUL."
    )
    assert extract(text).reference == "EIR 2023/881"


@pytest.mark.parametrize(
    "text",
    [
        "Your ref: ABC123\n\nDear Sir\n\nThank you for your letter.",
        "For ease of reference, I have addressed each point below.",
        "Please quote the FOI reference\n\nCentral Enquiry Unit\nPhone: 0300 244 4000",
        "Information Access Team, Wycliffe House, Wilmslow, Cheshire SK9 5AF",
        "Re: Freedom of Information request\n\nThank you for your request of 2015.",
    ],
)
def test_no_reference_when_the_letter_gives_none(text):
    assert extract(text).reference is None


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("IC-266000-V6Y0", "ic-266000-v6y0"),
        ("FOI/17/02393.", "(FOI/17/02393)"),
        ("a  b", "A b"),
        ("SDR- 339659", "SDR – 339659"),
        ("FOI / 2023 / 12", "FOI/2023/12"),
    ],
)
def test_references_compare_ignoring_case_and_surrounding_punctuation(one, other):
    assert normalise_reference(one) == normalise_reference(other)


@pytest.mark.parametrize(
    ("reference", "case_id"),
    [
        ("IC-266000-V6Y0", "IC-266000-V6Y0"),
        ("FOI 2023/123", "FOI-2023-123"),
        ("2022 – 280 / WE5500", "2022-280-WE5500"),
        ("../../etc/passwd", "etc-passwd"),
        ("//", None),
    ],
)
def test_case_ids_made_from_references_are_safe(reference, case_id):
    assert case_id_from_reference(reference) == case_id


def test_guess_case_metadata_reads_the_response(tmp_path: Path):
    response = tmp_path / "response.txt"
    response.write_text(
        "Our ref: FOI 2023/123\nDate: 22 November 2023\n\nWe received your request on "
        "25 October 2023. We have handled it under the Freedom of Information Act 2000.\n",
        encoding="utf-8",
    )
    meta = guess_case_metadata({"response": response})
    assert meta == {
        "id": "FOI-2023-123",
        "reference": "FOI 2023/123",
        "regime": "FOIA",
        "date_received": dt.date(2023, 10, 25),
        "date_responded": dt.date(2023, 11, 22),
    }


def test_guess_case_metadata_leaves_out_what_the_letter_does_not_say(tmp_path: Path):
    response = tmp_path / "response.txt"
    response.write_text("Thank you for your letter. Please find the answer below.\n")
    assert guess_case_metadata({"response": response}) == {}


def test_a_new_case_is_named_after_the_reference_in_its_response(tmp_path: Path):
    response = tmp_path / "letter.txt"
    response.write_text("Our ref: FOI 2023/123\n\nThank you for your request.\n")
    case = new_case(response)
    assert case.id == "FOI-2023-123"
    assert case.meta.reference == "FOI 2023/123"


def test_a_code_the_requester_wrote_is_not_the_authoritys_reference():
    text = (
        "Dear Ms Glass,\n\nRe: Your request for information: 225434\n\nThank you for your "
        "request, in which you requested:\n\nI am requesting a copy of the viability "
        "assessment submitted with planning application reference no. 12/AP/1092.\n\n"
        "The information is withheld under regulation 12(5)(e) of the EIR.\n"
    )
    assert extract(text).reference == "225434"


def test_a_telephone_number_is_not_a_reference():
    assert extract("Tel: 01455 255745\n\nDear Sir").reference is None


def test_a_code_only_in_the_page_address_is_proposed_with_low_confidence():
    text = "Please provide the number of bus shelters.\n\nThe Council holds 41 bus shelters."
    result = extract(text, name="https://council.example/foi-log/foi-48213/")
    assert result.reference == "48213"
    assert result.confidence["reference"] < 0.8


def test_a_code_numbered_within_the_financial_year_in_a_page_address_is_no_phone_number():
    text = "Please provide the number of drones.\n\nThe force holds 9 drones."
    name = "https://police.example/foi-disclosure-2024-25/april-2025/foi-0861-202425--drones/"
    assert extract(text, name=name).reference == "0861-202425"
    # In running text, the same digits are taken for a telephone number.
    assert extract("Call us on 0861-202425.\n\n" + text).reference is None


def test_a_prefix_joined_to_the_code_in_a_file_name_is_part_of_it():
    result = extract("Thank you for your request.", name="foi230118-bus-shelters.pdf")
    assert result.reference == "FOI230118"


def test_the_letters_own_reference_beats_the_page_address():
    text = "Our ref: 586-25\n\nDear Sir,\n\nThank you for your request."
    assert extract(text, name="https://police.example/foi-58625-data/").reference == "586-25"


def test_a_long_code_after_request_heads_a_log_record_but_a_question_number_does_not():
    assert extract("Request 101003112513\n1. How many?").reference == "101003112513"
    assert extract("Request 1: How many buses?\n\nWe hold 12.").reference is None


def test_a_long_code_after_response_heads_a_log_record_but_a_short_number_does_not():
    text = "Response 3318207\n\nResponse date\n\n4 May 2024\n\nHow many buses?\n\nWe hold 12."
    assert extract(text).reference == "3318207"
    assert extract("Response 2\n\nWe hold 12 buses.").reference is None


def test_a_code_labelled_in_passing_gives_way_to_the_request_code_in_the_page_address():
    text = (
        "Information requested\n\nAll advice about the court case (case reference number "
        "XB12/24), including advice on the appeal.\n\nResponse\n\nThe advice is withheld."
    )
    result = extract(text, name="https://www.example.scot/publications/foi-202499990001/")
    assert result.reference == "202499990001"


def test_a_review_code_in_the_page_address_keeps_its_letter():
    """A police authority files a review as its first request's code with an "r" after it."""
    text = "Review outcome\n\nThe original decision is upheld."
    name = "https://www.example.police.uk/publication-library/foi-2023-024r-complaints-handling"
    assert extract(text, name=name).reference == "2023-024r"


def test_a_code_from_the_page_address_is_spelled_as_the_letter_writes_it():
    text = "Dear Sir\n\nYou asked for a review of your request, ATISN 20417, because it was late."
    assert extract(text, name="https://www.example.wales/atisn20417").reference == "ATISN 20417"


def test_a_labelled_reference_beats_another_request_named_in_the_title():
    text = (
        "FOI request 202400011111 about ferry contracts: FOI release\n- FOI reference\n"
        "- FOI/202400022222\n- Date received\n- 3 May 2024\n\nInformation requested\n\n"
        "Which official answered that request?"
    )
    assert extract(text).reference == "FOI/202400022222"


def test_a_code_the_request_asks_about_gives_way_to_the_page_address():
    text = (
        "Papers about FOI 202388880001: FOI release\n\nInformation requested\n\n"
        "  • All emails about FOI 202388880001\n  • All notes of meetings about it\n\n"
        "Response\n\nPlease find attached the emails and notes."
    )
    result = extract(text, name="https://www.example.scot/publications/foi-202499990002/")
    assert result.reference == "202499990002"
    # With no address, the code is all there is: it is still proposed.
    assert extract(text).reference == "FOI 202388880001"


def test_the_reference_an_acknowledgement_gives_the_request_is_read():
    text = (
        "Dear Ms Lowe\n\nI am writing to acknowledge receipt of your email requesting "
        "information under the Freedom of Information Act.\n\nYour reference number is "
        "512-2526 please quote this number on any further correspondence.\n"
    )
    assert extract(text).reference == "512-2526"


def test_a_letterheads_your_reference_is_the_requesters_not_the_authoritys():
    assert (
        extract("Your reference: JB/44\n\nDear Sir\n\nThank you for your letter.").reference is None
    )


def test_a_financial_year_alone_on_a_line_is_not_a_reference():
    # A table's rows of years, one to a line, under a question quoted again.
    text = (
        "Request:\n\nHow many grants were paid each year?\n\nResponse:\n\n"
        "2020-21\n\n112\n\n2021-22\n\n98\n\n2022-2023\n\n131\n"
    )
    assert extract(text).reference is None
