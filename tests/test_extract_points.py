"""Request points: the request's own numbering, reading order, and parts answered separately."""

from __future__ import annotations

import pytest

from workbench.parsing.extract import extract
from workbench.parsing.model import Determination


def labels(text: str, request: str | None = None) -> list[str]:
    return [p.label for p in extract(text, request).points]


def test_numbered_request_quoted_after_you_asked():
    text = (
        'You asked:\n\n"Please provide:\n1. The number of staff.\n2. The cost of training.\n'
        '3. Copies of the policy."\n\nOur response\n\nWe hold the information.'
    )
    result = extract(text)
    assert [p.label for p in result.points] == ["1", "2", "3"]
    assert result.points[1].text == "The cost of training."


def test_q_labels_are_kept_as_written():
    text = "Request\nQ1. How many officers?\nQ2. How many were disciplined?\nResponse\nQ1 – 52\n"
    assert labels(text) == ["Q1", "Q2"]


def test_question_and_request_words_are_kept():
    text = (
        "Information requested\n\nRequest 1:\n\nEmails from August.\n\nRequest 2:\n\n"
        "Emails from March.\n\nResponse\n\nWe hold some of the information."
    )
    assert labels(text) == ["Request 1", "Request 2"]


def test_lettered_parts_of_a_numbered_point_become_3a_and_3b():
    text = (
        "Your request:\n1. How many buses do you run?\n2. How many drivers do you employ?\n"
        "3. For the drivers:\na) how many are agency staff?\nb) how much are they paid?\n\n"
        "Our response:\nSee below."
    )
    assert labels(text) == ["1", "2", "3a", "3b"]


def test_roman_numerals_inside_a_sentence():
    text = (
        'Your request, received on 2nd October 2023:\n\n"Please tell me (i) how many exclusions '
        'there were; (ii) how many were permanent; and (iii) the reasons recorded."\n\n'
        "(i) There were 1,432 exclusions.\n(ii) 41 were permanent.\n(iii) This is not held."
    )
    result = extract(text)
    assert [p.label for p in result.points] == ["i", "ii", "iii"]
    assert result.points[1].text == "how many were permanent"
    assert result.points[2].determination is Determination.NOT_HELD


def test_unnumbered_questions_are_numbered_in_reading_order():
    text = (
        "Request\n\nThis is a request for information about police stations.\n\n"
        "Please could you provide the number of stations opened since 2011.\n\n"
        "The data should be broken down by the date each station opened.\n\n"
        "If a station was re-opened, could you please include the date it closed.\n\n"
        "Response\n\nNo stations have opened since 2011."
    )
    result = extract(text)
    assert [p.label for p in result.points] == ["1", "2"]
    assert "broken down by the date" in result.points[0].text  # a qualifier stays with its ask
    assert result.points[1].text.startswith("If a station was re-opened")


def test_if_yes_please_provide_copies_stays_with_its_question():
    text = (
        "You asked:\n\nHave you written to the council about parking? If yes, please provide "
        "copies.\n\nOur response\n\nWe have not."
    )
    assert labels(text) == ["1"]


@pytest.mark.parametrize(
    "request_text",
    [
        # how the answer should come, not another thing asked for
        "How many parking fines were issued in 2023? Please provide the information in Excel "
        "format. I would prefer to receive the response by email.",
        "I am writing to request the number of complaints received in 2022. Please could you "
        "break this down by month.",
        "Please provide copies of the board minutes for 2023. Please note that I am happy to "
        "receive redacted copies.",
        # the requester's guesses about how the records are kept and searched
        "I would like copies of the ward audits since 2023. I presume you file audits by "
        "hospital? Could you use the ward names to search the shared drive?",
    ],
)
def test_what_only_shapes_the_ask_is_not_another_point(request_text):
    text = f"You asked:\n\n{request_text}\n\nOur response\n\nSee attached."
    assert labels(text) == ["1"]


def test_several_questions_in_one_paragraph_are_separate_points():
    text = (
        "You asked:\n\nHow many chargers has the council installed? How much did they cost? "
        "Which companies installed them?\n\nOur response\n\nSee below."
    )
    assert labels(text) == ["1", "2", "3"]


def test_bullets_after_a_general_lead_in_are_separate_points():
    text = (
        "Request\nPlease provide the following:\n• A map of gritting routes\n"
        "• The number of gritting lorries\n\nResponse\nSee attached."
    )
    assert labels(text) == ["1", "2"]


def test_request_and_response_blocks_pair_each_point_with_its_answer():
    text = (
        "Request:\nWhat is the agency spend?\nResponse:\nPlease see the attached table.\n\n"
        "Request:\nWho are the suppliers?\nResponse:\nWe do not hold a list of suppliers.\n"
    )
    result = extract(text)
    assert [p.label for p in result.points] == ["1", "2"]
    assert [p.determination for p in result.points] == [
        Determination.HELD_DISCLOSED,
        Determination.NOT_HELD,
    ]


def test_a_reported_request_is_one_point():
    text = (
        "Dear Mr Khan\n\nThank you for your request. You asked us for any reports on the "
        "condition of the Victoria Bridge since 2015.\n\nWe do not hold any such reports."
    )
    result = extract(text)
    assert [p.label for p in result.points] == ["1"]
    assert result.points[0].text.startswith("any reports on the condition")


def test_a_response_without_a_quoted_request_still_has_one_point():
    result = extract("This request was refused under section 12 as it would exceed the cost limit.")
    assert [p.label for p in result.points] == ["1"]
    assert result.points[0].determination is Determination.COST_LIMIT


def test_a_separate_request_gives_the_points_and_the_response_gives_the_answers():
    request = (
        "Dear FOI team,\n\nPlease provide:\n1. The number of complaints in 2022.\n"
        "2. Copies of the complaints policy.\n\nYours faithfully,\nA Requester\n"
    )
    response = (
        "In response to question 1, we received 214 complaints.\n\n"
        "In response to question 2, the policy is published on our website and is therefore "
        "exempt under section 21 of the FOIA."
    )
    result = extract(response, request)
    assert [p.label for p in result.points] == ["1", "2"]
    assert result.points[0].determination is Determination.HELD_DISCLOSED
    assert result.points[1].determination is Determination.PUBLISHED_ELSEWHERE
    assert result.points[1].provisions == ["s.21"]
    assert result.points[0].text == "The number of complaints in 2022."


def test_a_point_the_response_answers_in_stated_parts_is_reported_per_part():
    text = (
        "You asked:\n\n1. Do you hold the report?\n2. Do you hold the minutes?\n\n"
        "Our response\n\nIn relation to the first point, we hold the report and it is attached."
        "\n\nThe second point of your request has two parts.\n\nIn relation to the draft "
        "minutes, we do not hold them.\n\nIn relation to the final minutes, these are attached."
    )
    result = extract(text)
    assert [p.label for p in result.points] == ["1", "2a", "2b"]
    assert [p.determination for p in result.points] == [
        Determination.HELD_DISCLOSED,
        Determination.NOT_HELD,
        Determination.HELD_DISCLOSED,
    ]
    assert "draft minutes" in result.points[1].text


def test_answers_restating_each_question_are_matched_to_it():
    text = (
        "You asked:\n\nHow many chargers has the council installed since 2019? Which companies "
        "installed them?\n\nHow many chargers has the council installed since 2019?\n"
        "The council has installed 63 chargers.\n\nWhich companies installed them?\n"
        "We do not hold a record of the installers."
    )
    result = extract(text)
    assert [p.determination for p in result.points] == [
        Determination.HELD_DISCLOSED,
        Determination.NOT_HELD,
    ]


def test_answers_labelled_together_apply_to_each_point():
    text = (
        "Request\nQ1. How many officers?\nQ2. How many were disciplined?\nQ3. For what?\n"
        "Response\nQ1 – 52\nQ2 & Q3 – We can neither confirm nor deny that we hold this "
        "information by virtue of section 40(5B)."
    )
    result = extract(text)
    assert [p.determination for p in result.points] == [
        Determination.HELD_DISCLOSED,
        Determination.NCND,
        Determination.NCND,
    ]
    assert result.points[2].provisions == ["s.40(5B)"]


EMAIL_REPLY = """From: FOI Team <foi@example.gov.uk>
Sent: 12 January 2024 14:02
Subject: FOI 2023/9981 - Response

Dear Ms Doe,

Question 1 - What was the total spend on agency social workers in 2022/23?
Response: £3,412,000.

Question 2 - Please provide the hourly rates paid to each agency.
Response: The hourly rates are exempt under section 43(2) of the FOIA.

-----Original Message-----
From: Jane Doe
Sent: 13 December 2023 09:11

1. What was the total spend on agency social workers in 2022/23?
2. Please provide the hourly rates paid to each agency, as section 40 does not apply.
"""


def test_the_requesters_message_below_a_reply_is_not_part_of_the_answers():
    result = extract(EMAIL_REPLY)
    assert [p.label for p in result.points] == ["Question 1", "Question 2"]
    assert [p.determination for p in result.points] == [
        Determination.HELD_DISCLOSED,
        Determination.HELD_WITHHELD,
    ]
    assert result.provisions_cited == ["s.43(2)"]


def test_the_request_below_a_reply_gives_the_points_when_the_reply_does_not_restate_them():
    reply = (
        "From: FOI Team\nSent: 3 May 2024\nSubject: Your request\n\nDear Ms Doe,\n\n"
        "1. The budget was £2m.\n2. We do not hold a list of contractors.\n\n"
        "-----Original Message-----\nFrom: Jane Doe\nSent: 1 April 2024\n\n"
        "Please provide:\n1. The budget for 2023.\n2. A list of contractors.\n\nThanks, Jane"
    )
    result = extract(reply)
    assert [(p.label, p.determination) for p in result.points] == [
        ("1", Determination.HELD_DISCLOSED),
        ("2", Determination.NOT_HELD),
    ]
    assert result.points[0].text == "The budget for 2023."


def test_a_list_inside_an_answer_is_not_taken_for_the_answers():
    text = (
        "Request\n1. How many complaints did you receive?\n2. How were they resolved?\n"
        "3. What changes did you make?\n\nResponse\n1. We received 12 complaints.\n"
        "2. We do not hold records of how they were resolved.\n3. We made these changes:\n"
        "1. New signage.\n2. Staff training.\n3. A shorter form."
    )
    result = extract(text)
    assert [p.determination for p in result.points] == [
        Determination.HELD_DISCLOSED,
        Determination.NOT_HELD,
        Determination.HELD_DISCLOSED,
    ]


def test_numbered_answers_after_a_preamble_naming_the_parts():
    text = (
        "Your request of 20 February 2019 read:\n\n1. Please provide the monitoring data.\n"
        "2. Please provide the contract.\n\nPart 1 of your request has been handled under the "
        "EIR and part 2 under the FOIA.\n\n1. The monitoring data is attached.\n\n"
        "2. The contract is exempt from disclosure under section 43(2) of the FOIA."
    )
    result = extract(text)
    assert [p.determination for p in result.points] == [
        Determination.HELD_DISCLOSED,
        Determination.HELD_WITHHELD,
    ]


def test_one_answer_paragraph_per_question_in_turn():
    text = (
        "You asked:\n\n1. How many parking fines were issued in 2023?\n"
        "2. Do you hold a list of the wardens who issued them?\n\nOur response\n\n"
        "12,345 parking fines were issued in 2023.\n\n"
        "We do not hold a list of wardens against the fines they issued.\n\n"
        "Yours sincerely"
    )
    result = extract(text)
    assert [p.determination for p in result.points] == [
        Determination.HELD_DISCLOSED,
        Determination.NOT_HELD,
    ]


def test_paragraphs_that_do_not_fit_their_questions_are_not_paired_with_them():
    text = (
        "You asked:\n\n1. How many staff work in the team?\n2. What is their salary cost?\n\n"
        "Our response\n\nThe salary cost cannot be separated from other costs.\n\n"
        "We do not hold staff numbers for the team."
    )
    result = extract(text)
    assert {p.determination for p in result.points} == {Determination.NOT_HELD}


def test_a_figure_alone_under_a_question_quoted_again_is_its_answer():
    # "129,091" on its own line under the question quoted again was read as a heading that
    # ended the answer before it: the point's evidence was the question, not the figure.
    text = (
        "Request\n\n1) How many vans does the council own?\n\n2) How many were bought in 2023?\n\n"
        "Response\n\n1.How many vans does the council own?\n\n1,204\n\n"
        "2.How many were bought in 2023?\n\n36\n"
    )
    result = extract(text)
    assert [p.label for p in result.points] == ["1", "2"]
    assert [e.quote for e in result.points[0].evidence] == ["1,204"]


def test_a_bullet_of_another_mark_below_the_asks_is_their_answer():
    text = (
        "For the six months to 31 March 2026, please provide:\n\n"
        "- Total spend on locum doctors booked outside the national framework\n\n"
        "- Total shifts filled by those locums\n\n"
        "- The names of the agencies supplying them\n\n\n"
        "  • 0 booked off-framework in the last 6 months\n\n"
        "Section 43 – Commercial Interest\n\n"
        "Section 43(2) exempts information whose disclosure would prejudice the commercial "
        "interests of any person.\n\n"
        "Factors in favour of disclosure:\n\n"
        "  • Openness about how public money is spent.\n"
    )
    result = extract(text)
    assert [p.text for p in result.points] == [
        "Total spend on locum doctors booked outside the national framework",
        "Total shifts filled by those locums",
        "The names of the agencies supplying them",
    ]


def test_a_breakdown_asked_if_available_is_not_a_point_of_its_own():
    text = (
        "Dear University,\n\nPlease provide the following for the last three years:\n"
        "How many students were accused of cheating with essay mills?\n"
        "How many of these were expelled?\n"
        "If available, please break this down by faculty.\n\nYours faithfully,\nA Reader\n"
    )
    assert labels(text) == ["1", "2"]


def test_the_original_request_number_over_bullets_is_not_their_lead_in():
    text = (
        "Ward closures: FOI Review\n\n"
        "Information requested\n\n"
        "Original Request 202600123456\n\n"
        "  • The dates of any meetings about closing the wards since 1 January 2025.\n"
        "  • Any minutes of these meetings.\n"
        "  • Who attended these meetings.\n\n"
        "Response\n\n"
        "I have reviewed this case and have concluded that the original response should be "
        "confirmed.\n"
    )
    assert labels(text) == ["1", "2", "3"]


def test_asking_to_confirm_receipt_is_not_a_point():
    text = (
        "Dear Inspectorate,\n\nPlease could I have the inspection notes from the visit to Hill "
        "Farm School on 4 May 2025. Could you also confirm receipt of my email.\n\n"
        "Yours faithfully,\n\nA Parent\n"
    )
    assert labels(text) == ["1"]


def test_please_quote_this_reference_is_not_an_ask():
    text = (
        "Visiting policies\nDear Hillside Hospitals NHS Trust,\nCould you please provide the "
        "following:\n1) Any policies on visiting hours.\n2) Any policies on visitors' parking.\n"
        "Yours faithfully,\nA Reader\nDear Ms Reader\nI am writing to acknowledge receipt of "
        "your email dated 7 September (received into our office 8 September) 2021 requesting "
        "information under the Freedom of Information Act (2000) regarding visiting.\n"
        "Your reference number is 512-2526 please quote this number on any\n"
        "The FOI Act sets out a twenty working day timescale for requests to be\ncompleted by. "
        "We will al\n"
    )
    assert labels(text) == ["1", "2"]


def test_points_named_together_in_the_answers_are_each_a_point():
    text = (
        "Dear Ms Reid,\n\nThank you for your request.\n\n"
        "We consider that points 2, 5 and 6 are requests for information, and our response to "
        "them is set out in Annex A.\n\n"
        "We do not consider that points 1, 3, and 4 are requests for information, for the "
        "reasons set out in Annex B.\n\nYours sincerely\n\nPlanning Team\n"
    )
    assert labels(text) == ["1", "2", "3", "4", "5", "6"]


def test_a_question_answered_by_subject_between_questions_named_by_number():
    text = (
        "Dear Sir,\n\nThank you for your request.\n\n"
        "In respect of questions 1 and 3, we do not hold the information.\n\n"
        "Our discharge policy is published on our website at www.example.org/policies.\n\n"
        "Kind regards\n\nFOI Team\n"
    )
    assert labels(text) == ["1", "2", "3"]


def test_a_sentence_announcing_the_request_is_no_point_before_the_bullets():
    text = (
        "Your request\n\nI am writing to request information about parking permits. "
        "Please provide the following:\n- The number of permits issued in 2024.\n"
        "- The income from permits in 2024.\n\nOur response\n\nWe hold this information."
    )
    assert labels(text) == ["1", "2"]


def test_request_quoted_after_a_semicolon_lead_in_is_the_point():
    text = (
        "Dear Ms Varga,\n\nThank you for your request for an internal review.\n\n"
        "Your original request was;\n\n"
        "I shall be grateful if you will let me know what surveys of otters the agency has "
        "carried out along the River Teme since 2015.\n\n"
        "In our response to you of 10 July 2024 we stated that two surveys had been carried "
        "out, as follows:\n\n• Teme otter survey, May 2016\n\n• Teme otter survey, June 2021\n\n"
        "I uphold the original response.\n\nYours sincerely,\n\nReview Officer\n"
    )
    points = extract(text).points
    assert len(points) == 1
    assert points[0].text.startswith("I shall be grateful if you will let me know")


def test_a_list_the_authority_has_attached_is_not_the_request():
    text = (
        "Dear Mr Hale\n\nThank you for your request of 2 June 2025 for the minutes of the "
        "harbour board's meetings in 2024.\n\n"
        "I have attached the information you requested:\n- Minutes, March 2024\n"
        "- Minutes, September 2024\n\nYours sincerely\n\nHarbour Office\n"
    )
    assert labels(text) == ["1"]


def test_a_question_with_an_if_yes_part_is_a_point_beside_its_part():
    text = (
        "Your request:\n1. Do you use a scoring tool for housing applications?\n"
        "a) If yes, who supplies it?\n2. How many applications were refused in 2024?\n"
        "Our response:\nWe do not use a scoring tool. We refused 41 applications in 2024."
    )
    assert labels(text) == ["1", "1a", "2"]


def test_parts_that_break_down_the_ask_leave_it_no_point_of_its_own():
    text = (
        "Your request:\n1. Please provide the number of fines issued:\na) in 2023\nb) in 2024\n"
        "2. How many were paid?\nOur response:\nWe issued 300 and 320 fines; 500 were paid."
    )
    assert labels(text) == ["1a", "1b", "2"]


def test_a_breakdown_of_something_new_is_a_point_of_its_own():
    text = (
        "Request\nHow many dogs did the council seize in 2024?\n"
        "Can you provide a breakdown of the breeds of the dogs that were destroyed.\n"
        "Response\nWe seized 212 dogs. We do not record breeds."
    )
    assert labels(text) == ["1", "2"]


def test_a_breakdown_of_the_figures_just_asked_for_is_no_point_of_its_own():
    text = (
        "Request\nHow many dogs did the council seize in 2024?\n"
        "Can you provide a breakdown of these figures by month.\n"
        "Response\nWe seized 212 dogs; a monthly table is attached."
    )
    assert labels(text) == ["1"]


def test_asking_whether_a_new_request_is_needed_is_not_a_point():
    text = (
        'You wrote:\n"Thank you for your reply. I am not sure if this needs to be a new request '
        'or not? Of the 300 claims you mentioned, how many were found to be fraudulent?"\n'
        "Our response\nWe do not hold this information."
    )
    assert labels(text) == ["1"]


def test_items_wanted_joined_by_and_under_a_complete_lead_are_separate_points():
    text = (
        "Request\nPlease provide the following for 2024:\n- Initial test passes, and\n"
        "- Test failures, and\n- A list of the reasons for failure\n"
        "Response\nThe figures and the list are attached."
    )
    assert labels(text) == ["1", "2", "3"]


def test_the_value_under_a_field_label_in_an_example_is_not_a_point():
    text = (
        "Request\nPlease could I have a spreadsheet of the contact details of every parish "
        "council in the district.\ne.g.\nClerk Postal Address:\n"
        "The Clerk, Little Hambleton Parish Council, 4 Mill Lane, Hambleton\n"
        "Please could you also provide the date each council last met.\n"
        "Response\nWe do not hold this information."
    )
    assert labels(text) == ["1", "2"]


def test_two_lead_ins_whose_lists_were_lost_are_two_points():
    text = (
        "REQUEST\nPlease provide the following information, for the years 2022/23 and 2023/24:\n"
        "Please also, for the same years, provide the following information:\n"
        "RESPONSE\nThe cost of complying would exceed the appropriate limit (section 12)."
    )
    assert labels(text) == ["1", "2"]


@pytest.mark.parametrize(
    "lead", ["You specifically ask:", "You also asked:", "You further request:"]
)
def test_a_lead_in_with_an_adverb_introduces_the_request(lead):
    """ "You specifically ask:" introduces the request below it as "You asked:" does: read as
    no lead-in, the request was not found and the point had no words of its own."""
    text = (
        "Thank you for your email of 4 March 2024 about the parking review group.\n\n"
        f"{lead}\n\nPlease send me the minutes of every meeting of the parking review group "
        "held in 2023.\n\nI enclose the minutes of the four meetings the group held in 2023.\n"
    )
    result = extract(text)
    assert [p.label for p in result.points] == ["1"]
    assert result.points[0].text.startswith("Please send me the minutes")
    assert result.points[0].determination is Determination.HELD_DISCLOSED
