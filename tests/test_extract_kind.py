"""The kind of letter, a review's outcome and the clarification date."""

from __future__ import annotations

import datetime as dt

import pytest
from letter_fixtures import dev_letter

from workbench.parsing.extract import extract
from workbench.parsing.model import needs_check


@pytest.mark.parametrize(
    ("name", "outcome"),
    [("real-017", "upheld"), ("real-134", "upheld"), ("real-014", "overturned")],
)
def test_internal_review_outcomes_and_what_they_decided(name, outcome):
    result = extract(dev_letter(name))
    assert result.kind == "internal_review_outcome"
    assert result.review_outcome == outcome
    assert result.field_evidence["review_outcome"].quote


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("I have decided to uphold the Council's original decision.", "upheld"),
        ("I do not uphold your complaint.", "upheld"),
        (
            "I looked at our first response and found our initial response was entirely correct.",
            "upheld",
        ),
        ("I uphold your complaint and the report is now attached.", "overturned"),
        ("The exemption was not correctly applied and the information is attached.", "overturned"),
        ("Your original decision is therefore partly upheld.", "partly_upheld"),
        ("Some of the withheld information will now be released.", "partly_upheld"),
    ],
)
def test_review_outcome_wording(sentence, outcome):
    text = (
        "Dear Ms Cole\n\nThank you for your request for an internal review of our response to "
        f"your request FOI-2024-001. I have now completed the review.\n\n{sentence}\n\n"
        "Yours sincerely\n"
    )
    result = extract(text)
    assert (result.kind, result.review_outcome) == ("internal_review_outcome", outcome)


def test_a_response_to_a_request_for_review_that_partially_upholds_is_partly_upheld():
    text = (
        "Report summary\n\nIssued 5 April 2023, this FOI response to a request for review "
        "partially upholds the original decision of the Authority.\n\nRequest\n\nOn 7 March "
        "you asked whether the recommendations of the review of complaints have been "
        "implemented.\n"
    )
    result = extract(text)
    assert (result.kind, result.review_outcome) == ("internal_review_outcome", "partly_upheld")


REVIEW_CUT_BEFORE_ITS_FINDING = (
    "Dear Mr Hale\n\nThank you for your email of 2 May 2025 asking us to carry out an internal "
    "review of our response to your request FOI-2025-118.\n\nYour request\n\nYou asked for "
    "the minutes of the estates board for 2024.\n\nOur response\n\nWe replied on 20 April "
    "2025 that your request was vexatious under section 14(1).\n\nInternal review\n\n"
    "The purpose of an internal review is to consider whether your request was handled "
    "correctly under the terms of the"
)


def test_what_a_review_asks_is_not_its_finding():
    """ "... to consider whether your request was handled correctly" is the review's question."""
    assert extract(REVIEW_CUT_BEFORE_ITS_FINDING).review_outcome is None


def test_a_review_whose_finding_is_not_read_is_checked_point_by_point():
    """What such a letter gives of each point is the first answer, recounted: the review may
    have changed it, so the reviewer is asked to check it."""
    result = extract(REVIEW_CUT_BEFORE_ITS_FINDING)
    assert result.kind == "internal_review_outcome"
    assert [p.determination.value for p in result.points] == ["vexatious"]
    assert all(needs_check(p.confidence) for p in result.points)


def test_offering_a_review_does_not_make_a_review_outcome():
    # The page links to a separately published review; the letter is the first response.
    result = extract(dev_letter("real-127"))
    assert result.kind in ("response", "refusal_notice")
    assert result.review_outcome is None


def test_a_holding_notice_decides_nothing_and_its_promised_date_is_not_a_response():
    text = (
        "Dear Mr Khan\n\nThank you for your request, which we received on 2 May 2024. We need "
        "more time to consider the public interest under section 10(3) of the FOIA. We will "
        "respond by 14 June 2024.\n\nYours sincerely\n"
    )
    result = extract(text)
    assert result.kind == "holding_notice"
    assert [p.determination for p in result.points] == [None]
    assert result.date_received == dt.date(2024, 5, 2)
    assert result.date_of_response is None


def test_a_letter_refusing_everything_is_a_refusal_notice():
    assert extract(dev_letter("real-110")).kind == "refusal_notice"
    assert extract(dev_letter("real-002")).kind == "response"  # Q1 is answered


def test_the_clarification_date_restarts_the_clock():
    text = (
        "Dear Ms Grey\n\nWe received your request on 2 May 2024, and you clarified it on "
        "14 May 2024.\n\nPlease find the figures attached.\n\nYours sincerely\n"
    )
    result = extract(text)
    assert result.date_received == dt.date(2024, 5, 2)
    assert result.date_clarified == dt.date(2024, 5, 14)


def test_the_requesters_reply_to_a_request_to_clarify_is_no_response_date():
    text = (
        "Dear Ms Grey\n\nWe received your request on 2 May 2024. On 7 May we asked you to "
        "clarify it, and you replied on 14 May 2024.\n\nPlease find the figures attached."
        "\n\nYours sincerely\n"
    )
    result = extract(text)
    assert result.date_clarified == dt.date(2024, 5, 14)
    assert result.date_of_response is None


def test_a_promise_to_respond_by_a_date_after_other_words_is_a_holding_notice():
    text = (
        "Dear Mr Khan\n\nThank you for your request received on 2 May 2024 for the gritting "
        "routes. We are dealing with your request and will respond by 30 May 2024.\n\n"
        "Yours sincerely\n"
    )
    result = extract(text)
    assert result.kind == "holding_notice"
    assert result.date_of_response is None


def test_a_review_of_a_failure_to_respond_reaches_a_decision_but_says_so_unsurely():
    text = (
        "Response\n\nI have now completed my review of our failure to respond to your request "
        "under the Freedom of Information (Scotland) Act 2002. In accordance with section 21(4) "
        "of FOISA, I have also reached a decision on your request. The report is attached."
    )
    result = extract(text)
    assert (result.kind, result.review_outcome) == ("internal_review_outcome", "overturned")
    assert result.confidence["review_outcome"] < 0.8


def test_a_public_interest_extension_in_the_standard_words_is_a_holding_notice():
    # "the Act allows the time for response to be longer than 20 working days": the answer
    # comes later; the exemption named is only being considered, nothing is withheld yet.
    text = (
        "Dear Ms Ahmed\n\nThank you for your letter of 4 March 2024 asking for the reports on "
        "the harbour survey.\n\nI can confirm that the information is held. However, some of "
        "it may be exempt under section 43(2) of the Act, and we must consider the public "
        "interest. The Act allows the time for response to be longer than 20 working days "
        "where the public interest has to be considered.\n\nYours sincerely\n"
    )
    result = extract(text)
    assert result.kind == "holding_notice"
    assert all(p.determination is None for p in result.points)


def test_endeavouring_to_respond_by_a_date_is_a_holding_notice():
    text = (
        "Dear Mr Baker,\n\nInformation request\n\nYour correspondence was received on 28 August "
        "2020. I can confirm that your request is being processed under the Freedom of "
        "Information Act. I will endeavour to respond to you as soon as possible and in any "
        "event by 28 September 2020.\n\nYours sincerely,\n\nInformation Team\n"
    )
    assert extract(text).kind == "holding_notice"


def test_aiming_to_reply_no_later_than_a_date_is_a_holding_notice():
    text = (
        "Dear Mr Amis\n\nThank you for your email. We are considering your request under the "
        "Freedom of Information Act 2000 and aim to reply as soon as possible and no later than "
        "14 October.\n\nYour reference number for the request is FOI-19-3401.\n\nKind regards,\n"
    )
    assert extract(text).kind == "holding_notice"


def test_an_automated_acknowledgement_is_a_holding_notice():
    text = (
        "Dear Trust,\n\nPlease provide the number of patients referred to the clinic in each "
        "year since 2019.\n\nYours sincerely,\nA Researcher\n\n"
        "Freedom of Information Requests, Riverside NHS Foundation Trust\n\n"
        "Thank you for contacting the Riverside NHS Foundation Trust.\nThis is an automated "
        "acknowledgement, and serves to confirm to you that\nour FOI team have received your "
        "email.\n\nIf you are requesting information under the Freedom of Information Act, you "
        "will receive a written\nresponse within 20 working days.\n"
    )
    assert extract(text).kind == "holding_notice"


def test_a_review_said_to_be_complete_is_a_review_outcome():
    text = (
        "Dear Mr Ortiz\n\nI am replying to your request for an internal review of the "
        "Department's response to your request about cycle lanes. I had no part in the original "
        "decision. My review is now complete and I can give the following response.\n\n"
        "The original reply withheld the drafts under regulation 12(4)(e).\n"
    )
    assert extract(text).kind == "internal_review_outcome"


def test_a_reply_titled_as_an_acknowledgement_is_a_holding_notice():
    text = (
        "Dear Example Agency,\n\nPlease send me the minutes of the board's meetings in 2024.\n\n"
        "Yours faithfully,\n\nJo Bloggs\n\nInformation Rights Team, Example Agency\n\n"
        "Our ref: FOI2025/01234\n\nDear Jo Bloggs,\n\nFreedom of Information Act 2000 "
        "Acknowledgement\n\nThank you for your email of 2nd March, which has been passed to the "
        "Information Rights Team.\n\nWe have given it the reference above, which you should quote "
        "if you contact us.\n"
    )
    result = extract(text)
    assert result.kind == "holding_notice"
    assert [p.determination for p in result.points] == [None]


def test_an_acknowledgement_describing_exemptions_to_come_decides_nothing():
    # Its stock words say what may happen ("subject to the information not being exempt",
    # "if any of the exemptions apply then ... will not be released"): nothing is refused yet.
    text = (
        "Dear Anyshire County Council,\n\nPlease send me the running costs of Millbrook library "
        "for the last three years.\n\nYours faithfully,\n\nR Patel\n\nOur Ref: 7781234\n\n"
        "Dear R Patel\n\nI acknowledge your request for information received on 4 March 2024.\n\n"
        "If the information is held by the County Council it will be sent to you within 20 "
        "working days, subject to the information not being exempt.\n\nThe Act sets out "
        "exemptions, and if any of the exemptions apply then the exempt information will not be "
        "released. If the information refers to a third party, they may be consulted before a "
        "decision is taken on whether or not to release it.\n"
    )
    result = extract(text)
    assert result.kind == "holding_notice"
    assert [p.determination for p in result.points] == [None]
