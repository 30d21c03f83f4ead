"""The extractor follows a letter's structure: who speaks where, and which answer is whose."""

from __future__ import annotations

from pathlib import Path

from letter_fixtures import dev_letter

from workbench.evaluate import letter_text
from workbench.parsing.extract import extract
from workbench.parsing.model import Determination as D
from workbench.parsing.structure import Role, read_letter

LETTER_DIR = Path(__file__).parent / "letters" / "structure"
LETTER = (LETTER_DIR / "council-numbered.txt").read_text(encoding="utf-8")


def _role(text: str, opening: str) -> Role:
    (unit,) = [u for u in read_letter(text).units if u.text.startswith(opening)]
    return unit.role


def test_each_block_of_a_letter_gets_its_role():
    assert _role(LETTER, "Anytown Council") is Role.LETTERHEAD
    assert _role(LETTER, "Dear Mr Brown") is Role.SALUTATION
    assert _role(LETTER, "1. How many potholes") is Role.REQUEST
    assert _role(LETTER, "1. There were 4,210") is Role.ANSWER
    assert _role(LETTER, "If you are unhappy") is Role.RIGHTS
    assert _role(LETTER, "Information Governance Team") is Role.SIGNATURE


def test_the_rights_paragraph_is_never_a_point_and_decides_nothing():
    result = extract(LETTER)
    assert [(p.label, p.determination) for p in result.points] == [
        ("1", D.HELD_DISCLOSED),
        ("2", D.NOT_HELD),
    ]


def test_page_furniture_is_noise():
    letter = read_letter(dev_letter("real-030"))
    cookies = [u for u in letter.units if "cookie" in u.text.lower()]
    assert cookies and all(u.role is Role.NOISE for u in cookies)


def test_a_pages_menu_above_the_letter_opens_no_rights_section():
    """A disclosure page's menu ("Home", "Contact us") stands above the letter: "Contact us"
    there heads no rights paragraph, so the answer below it is still read."""
    page = (
        "Skip to main content\nHome\nNews\nContact us\n\n"
        "You asked for the number of parking fines issued in 2024 on Mill Road.\n\n"
        "We do not hold this information, because Mill Road is a private road.\n"
    )
    assert _role(page, "We do not hold") is Role.ANSWER
    assert [p.determination for p in extract(page).points] == [D.NOT_HELD]


def test_on_a_thread_page_the_response_is_the_message_that_decides():
    # The requester's email, the authority's acknowledgement, then its answer.
    result = extract(dev_letter("real-121"))
    assert result.date_of_response is None  # "expect a response by 9 March" is a promise
    assert [p.label for p in result.points] == ["1"]
    assert result.points[0].determination is D.HELD_PARTLY_DISCLOSED
    assert set(result.provisions_cited) == {"foisa.s.30", "foisa.s.38", "foisa.s.33"}


def test_the_request_quoted_below_an_email_reply_gives_the_points():
    result = extract(dev_letter("real-116"))
    assert [p.label for p in result.points] == ["1"]
    assert result.points[0].text.startswith("Please could you send me a spreadsheet")
    assert result.points[0].determination is D.COST_LIMIT


def test_the_quoted_request_ends_where_the_authority_speaks():
    # A converted PDF with no blank lines: the answer follows the request line by line.
    result = extract(dev_letter("real-139"))
    assert "s.12(1)" in result.provisions_cited
    assert result.points[0].determination is D.COST_LIMIT


def test_the_quoted_request_ends_where_its_quotation_closes():
    result = extract(dev_letter("real-118"))
    assert result.provisions_cited == ["s.22"]
    assert result.points[0].determination is D.HELD_WITHHELD


def test_numbered_questions_answered_in_turn():
    result = extract(dev_letter("real-123"))
    assert [(p.label, p.determination) for p in result.points] == [
        ("1", D.HELD_PARTLY_DISCLOSED),
        ("2", D.HELD_PARTLY_DISCLOSED),
        ("3", D.NOT_HELD),
    ]
    assert result.points[0].provisions == ["reg.12(4)(b)"]


def test_a_label_on_a_line_of_its_own_belongs_to_the_question_after_it():
    result = extract(dev_letter("real-133"))
    assert [p.label for p in result.points] == ["1", "2", "3"]
    assert result.points[0].text.startswith("When issuing licences")
    assert result.points[0].provisions == ["reg.12(4)(a)"]


def test_bullets_quoted_again_before_their_answers():
    result = extract(dev_letter("real-115"))
    assert [(p.label, p.determination) for p in result.points] == [
        ("1", D.HELD_WITHHELD),
        ("2", D.HELD_WITHHELD),
        ("3", D.HELD_DISCLOSED),
        ("4", D.HELD_DISCLOSED),
    ]
    # The last answer is the officer named, not the closing offer of help after it
    # ("... please contact us ... for further details."), which asks for nothing.
    assert result.points[3].evidence[0].quote.startswith("Diana Buckley")


def test_a_table_of_questions_and_answers():
    text = (
        "Question | Response\n"
        "How many officers does the force employ? | 5,432\n"
        "How many were dismissed in 2022? | We do not hold this information.\n"
    )
    result = extract(text)
    assert [(p.text, p.determination) for p in result.points] == [
        ("How many officers does the force employ?", D.HELD_DISCLOSED),
        ("How many were dismissed in 2022?", D.NOT_HELD),
    ]


def test_q_and_a_pairs():
    text = "Q: How many officers are there?\nA: 52.\nQ: How many were dismissed?\nA: Not held.\n"
    result = extract(text)
    assert [(p.text, p.determination) for p in result.points] == [
        ("How many officers are there?", D.HELD_DISCLOSED),
        ("How many were dismissed?", D.NOT_HELD),
    ]


def test_a_refusal_applies_only_to_the_points_it_names():
    text = (
        "You asked:\n\n1. The number of staff in the planning team.\n"
        "2. The salary bands of the planning team.\n3. Copies of all emails about the scheme.\n\n"
        "1 and 2: the information is provided in the attached spreadsheet.\n\n"
        "3: To locate and extract the emails would exceed the appropriate limit, so this part "
        "of your request is refused under section 12 of the FOIA.\n"
    )
    result = extract(text)
    assert [(p.label, p.determination, p.provisions) for p in result.points] == [
        ("1", D.HELD_DISCLOSED, []),
        ("2", D.HELD_DISCLOSED, []),
        ("3", D.COST_LIMIT, ["s.12"]),
    ]


def test_a_heading_and_its_sub_bullets_are_one_point():
    text = (
        "Your request:\n\nPlease provide the following:\n- Staffing in the team:\n"
        "  - number of staff\n  - their grades\n- The team budget for 2023\n\nOur response\n\n"
        "The team has 12 staff at grades 5 to 8. The budget was 1.2 million pounds.\n"
    )
    assert [p.label for p in extract(text).points] == ["1", "2"]


def test_without_a_request_the_letter_answers_one_point_and_says_it_is_unsure():
    result = extract(dev_letter("real-110"))
    assert [p.label for p in result.points] == ["1"]
    assert result.points[0].determination is D.COST_LIMIT
    assert result.confidence["points"] < 0.5


def test_an_answer_printed_under_an_unpunctuated_question_is_not_part_of_it():
    # A converted PDF: "1) Assessments of ..." with no stop, then the answer on the next line.
    text = (
        "Information requested as set out in bold:\n"
        "I would like to request all documentation relating to:\n"
        "1) Any independent review of the safety audit carried out for the scheme\n"
        "Please note no further documentation is available beyond what you have\n"
        "already been sent.\n"
        "2) Any review of the traffic model carried out for the scheme since 2021\n"
        "the council has never commissioned one.\n"
    )
    letter = read_letter(text)
    units = {u.text.split("\n")[0]: u.role for u in letter.units}
    assert units["1) Any independent review of the safety audit carried out for the scheme"] is (
        Role.REQUEST
    )
    assert units["Please note no further documentation is available beyond what you have"] is (
        Role.ANSWER
    )
    # A wrapped line in lower case carries on the question, whatever its first words.
    (second,) = [u for u in letter.units if u.text.startswith("2)")]
    assert second.text.endswith("the council has never commissioned one.")


def _structure_letter(name: str) -> str:
    return (Path(__file__).parent / "letters" / "structure" / name).read_text(encoding="utf-8")


def test_a_question_answered_beside_it_in_a_table_row_is_only_the_question():
    # A two-column table (a Word table or an HTML one) reaches the reader as "question | answer".
    points = extract(_structure_letter("table-row-answer-cites-exemption.txt")).points
    assert points[0].text == "How many potholes were reported in 2023?"
    assert points[3].text == "Please provide the names of the contractors used."
    assert points[3].provisions == ["s.43(2)"]  # the exemption is in the answer's cell


def test_a_title_naming_the_law_is_not_the_request_the_question_lines_are():
    letter = _structure_letter("title-heading-before-question-lines.txt")
    points = extract(letter).points
    assert [p.text.split(":")[0] for p in points] == [
        "Please provide the NO2 readings from the monitoring station for 2023.",
        "Please provide any correspondence with DEFRA about the station.",
        "Has the Council considered an Air Quality Management Area for the High Street?",
    ]
    assert _role(letter, "Question 1: Please provide") is Role.REQUEST


def test_a_request_named_only_in_the_thanks_for_it_is_the_point():
    # No request quoted: "Thank you for your request dated ... for all records of ..." names it.
    result = extract(_structure_letter("request-named-in-thanks.txt"))
    [point] = result.points
    assert point.text.startswith("all records of water quality sampling at every bathing site")
    assert point.provisions == ["reg.12(4)(b)"]


def test_when_the_request_came_is_no_part_of_what_it_asked():
    text = (
        "Dear Mr Lee\n\nThank you for your request for information relating to school "
        "transport contracts which we received on 10 May 2024.\n\nWe do not hold this "
        "information, because transport is arranged by each school.\n\nYours sincerely\n"
    )
    [point] = extract(text).points
    assert point.text == "school transport contracts"
    assert point.determination is D.NOT_HELD


def test_a_request_named_in_the_line_replying_to_it_is_the_point():
    result = extract(_structure_letter("holding-notice-request-in-reply-line.txt"))
    assert result.kind == "holding_notice"
    [point] = result.points
    assert point.text.startswith("correspondence between the Chief Executive and the developer")
    assert point.determination is None  # a holding notice decides nothing


def test_a_reported_request_for_copies_keeps_what_was_asked_for():
    text = (
        "Dear Ms Price\n\nYou requested copies of the minutes of the Licensing Committee "
        "meetings held in 2023.\n\nPlease find the minutes attached.\n\nYours sincerely\n"
    )
    [point] = extract(text).points
    assert point.text.startswith("copies of the minutes of the Licensing Committee")


def test_questions_after_a_request_named_in_the_thanks_go_on_with_it():
    text = (
        "Dear Ms Hale\n\nThank you for your request for information concerning Can you tell me "
        "how many bus shelters the council maintains?\n"
        "Where a shelter has been removed, can you confirm who decided to remove it?\n"
        "Unfortunately we are unable to provide this information, because we do not hold it."
        "\n\nYours sincerely\n"
    )
    points = extract(text).points
    assert [p.text[:30] for p in points] == [
        "Can you tell me how many bus s",
        "Where a shelter has been remov",
    ]
    assert all(p.determination is D.NOT_HELD for p in points)


def test_a_request_set_out_below_the_authoritys_lead_in_is_the_point():
    # "I refer to your recent request ... as set out below:" then the requester's own words.
    text = (LETTER_DIR / "request-set-out-below.txt").read_text(encoding="utf-8")
    (point,) = extract(letter_text(text)).points
    assert point.text.startswith("I am requesting information regarding the number of drivers")
    assert point.determination is D.PUBLISHED_ELSEWHERE


def test_the_years_listed_under_each_question_are_not_its_parts():
    # "i. 2021/22", "ii. 2022/23" under each numbered question: the periods it asks about.
    text = (LETTER_DIR / "year-items-and-labelled-answer-lines.txt").read_text(encoding="utf-8")
    assert [p.label for p in extract(letter_text(text)).points] == ["1", "2", "3"]


def test_a_provision_the_question_names_is_its_subject_not_a_ground():
    # The question asks about the use of section 40; the answer counts its uses. Section 40
    # there is what the answer talks about: nothing was refused under it.
    text = (
        "Dear Ms Grey,\n\nYou asked:\n\n"
        "1. How many times did the council apply a section 40 exemption to FOI requests in 2023?\n"
        "2. Please provide the council's FOI policy.\n\n"
        "Response\n\n"
        "1. The council applied section 40(2) to withhold information 57 times in 2023.\n"
        "2. The policy is withheld under section 36(2)(c), as its release would prejudice the "
        "effective conduct of public affairs.\n\n"
        "Yours sincerely,\nInformation Governance\n"
    )
    first, second = extract(text).points
    assert first.provisions == [] and first.confidence < 0.8
    assert (second.determination, second.provisions) == (D.HELD_WITHHELD, ["s.36(2)(c)"])


def test_a_response_to_the_request_set_out_below_is_the_response():
    from workbench.parsing import voice

    assert voice.introduces_request("Your questions are set out below.")
    assert voice.introduces_request("Below is your request and our response.")
    assert not voice.introduces_request("Our answers to your questions are set out below.")
    assert not voice.introduces_request(
        "Our response to each part of your request is set out below."
    )
    # The authority leading into its answers, naming the request on the way.
    assert not voice.introduces_request(
        "In response to your request, please find our answers below:"
    )
    assert not voice.introduces_request("With regard to your questions, we can advise:")
    assert not voice.introduces_request("In answer to your email, our response is:")
    # The requester's ask told back stays a lead-in, whatever words it quotes.
    assert voice.introduces_request("You asked if we can provide:")


def test_answers_after_the_authoritys_lead_in_are_answers_not_a_second_request():
    letter = (LETTER_DIR / "response-to-your-request-set-out-below.txt").read_text(encoding="utf-8")
    text = letter_text(
        letter.replace(
            "Our response to each part of your request is set out below.",
            "In response to your request, please find our answers below:",
        )
    )
    assert [(p.label, p.determination) for p in extract(text).points] == [
        ("1", D.HELD_DISCLOSED),
        ("2", D.HELD_DISCLOSED),
        ("3", D.NOT_HELD),
    ]
