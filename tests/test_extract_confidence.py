"""Every reading says how sure it is, and the confidence means what it says on real letters."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from letter_fixtures import DEV, dev_letter

from workbench.cli import main
from workbench.evaluate import evaluate_folder, letter_text
from workbench.parsing.extract import extract
from workbench.parsing.model import CHECK_THRESHOLD, Determination, needs_check

FIELDS = (
    "reference",
    "regime",
    "kind",
    "review_outcome",
    "date_received",
    "date_clarified",
    "date_of_response",
    "provisions_cited",
    "points",
    "review_rights_given",
    "complaint_rights_given",
    "advice_and_assistance",
)


def test_the_json_gives_a_confidence_for_every_field_and_point(tmp_path):
    path = tmp_path / "response.txt"
    path.write_text(dev_letter("seed-IC-266000-V6Y0"), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--json"])
    data = json.loads(result.output)
    assert set(FIELDS) <= set(data["confidence"])
    assert all(0 <= value <= 1 for value in data["confidence"].values())
    assert all(0 < point["confidence"] <= 1 for point in data["points"])
    for key in ("kind", "review_outcome", "date_clarified"):
        assert key in data


def test_a_disclosure_assumed_for_want_of_a_refusal_is_flagged_for_checking():
    result = extract("You asked for the bus timetable.\n\nThe timetable changed in May.")
    assert needs_check(result.points[0].confidence)


def test_an_answer_that_is_a_figure_alone_is_a_disclosure_surer_than_a_mark():
    text = (
        "You asked:\n1. How many bins were emptied?\n2. What did the new lorries cost?\n"
        "3. Who designed the logo?\n\nOur response\n1. 4,210\n2. £312,000\n"
        "3. [2]\nhttps://example.org/logo-history\n"
    )
    first, second, third = extract(text).points
    assert first.determination is second.determination is Determination.HELD_DISCLOSED
    # A footnote mark and a link are no figure: only assumed to disclose.
    assert third.confidence < min(first.confidence, second.confidence)


def test_disclosure_words_alone_are_left_for_the_reviewer_to_check():
    # On fresh letters read before any rule was written for them, a disclosure read from
    # its words alone was right only about three times in four: too often to be trusted.
    text = (
        "You asked:\n1. How many bins were emptied?\n2. What did the new lorries cost?\n\n"
        "Our response\n1. 4,210\n2. Please see the attached spreadsheet.\n"
    )
    first, second = extract(text).points
    assert first.determination is second.determination is Determination.HELD_DISCLOSED
    assert needs_check(first.confidence) and needs_check(second.confidence)


def test_a_plain_not_held_with_its_ground_is_trusted():
    point = extract(dev_letter("real-026")).points[0]
    assert point.confidence >= CHECK_THRESHOLD


def test_confident_determinations_are_right_on_the_development_letters():
    calibration = evaluate_folder(DEV).calibration("determinations")
    assert calibration.precision >= 0.95
    assert calibration.coverage >= 0.5


def test_information_said_to_be_set_out_below_is_a_disclosure():
    text = (
        "Dear Ms Smith\n\nYou asked how the council decided which libraries to close.\n\n"
        "The information you asked for is held and is set out below.\n\n"
        "The decision followed a public consultation in 2023 and a report to the cabinet, "
        "which chose the four branches with the fewest visits.\n\nYours sincerely\n"
    )
    [point] = extract(text).points
    assert point.determination is Determination.HELD_DISCLOSED


def test_part_withheld_beside_all_of_the_information_given_is_left_to_check():
    # An index page's status line says "partially withheld" while the letter encloses "all of
    # the information you have requested": one of the two is wrong, so the reviewer checks.
    text = (
        "FOI/202500111222 · FOI/EIR · partially withheld\n"
        "Correspondence about the red squirrel survey: EIR release\n\n"
        "Information requested\n\nAll correspondence with the survey contractor in 2024.\n\n"
        "Response\n\nI enclose a copy of all of the information you have requested.\n"
    )
    [point] = extract(text).points
    assert point.determination is Determination.HELD_PARTLY_DISCLOSED
    assert needs_check(point.confidence)


def test_an_outcome_line_the_letter_contradicts_is_left_to_check():
    text = (
        "Request for bus lane camera locations\nCase reference 2024/0456\n"
        "Outcome - Information not held\n\nRequest\n"
        "Please provide a list of the locations of all bus lane cameras in the borough.\n\n"
        "Response\nPlease find attached a list of the locations of the 14 bus lane cameras.\n"
    )
    [point] = extract(text).points
    assert needs_check(point.confidence)


def test_an_outcome_line_the_letter_bears_out_is_trusted():
    text = (
        "Request for bus lane camera locations\nCase reference 2024/0456\n"
        "Outcome - Information not held\n\nRequest\n"
        "Please provide a list of the locations of all bus lane cameras in the borough.\n\n"
        "Response\nThe council does not hold a list of camera locations.\n"
    )
    [point] = extract(text).points
    assert point.determination is Determination.NOT_HELD
    assert not needs_check(point.confidence)


def test_neither_confirm_nor_deny_is_left_for_the_reviewer_to_check():
    # NCND and its ground read right on every development letter, but on fresh letters
    # read before any rule was written for them only once in four: police letters list
    # NCND grounds beside an answer attached, or for "any other information" only.
    text = (
        "You asked whether any officer was placed under covert surveillance in 2022.\n\n"
        "Response\nThe Constabulary can neither confirm nor deny that it holds the "
        "information you have requested, by virtue of section 23(5) and section 24(2) of "
        "the Freedom of Information Act 2000.\n"
    )
    point = extract(text).points[0]
    assert point.determination is Determination.NCND
    assert needs_check(point.confidence)


def test_a_cost_refusal_with_its_ground_is_still_trusted():
    text = (
        "You asked for every email sent by the planning team since 2010.\n\n"
        "Response\nWe estimate that complying with your request would exceed the "
        "appropriate limit of £450, so we are refusing it under section 12 of the Freedom "
        "of Information Act 2000.\n"
    )
    point = extract(text).points[0]
    assert point.determination is Determination.COST_LIMIT
    assert not needs_check(point.confidence)


def test_a_cost_refusal_of_one_year_named_is_left_for_the_reviewer_to_check():
    # "Data for 2015/16 could not be found within the appropriate costs limit": the refusal
    # covers one year of those asked for; the other years were often given (in an attachment
    # the text does not show), so the point may be partly disclosed rather than refused.
    text = (
        "You asked for the number of students disciplined in each academic year since 2015.\n\n"
        "Response\nData in respect of academic year 2015/16 could not be located within the "
        "appropriate limit established by section 12 of the Freedom of Information Act 2000.\n"
    )
    point = extract(text).points[0]
    assert point.determination is Determination.COST_LIMIT
    assert needs_check(point.confidence)


def test_the_appropriate_costs_limit_in_words_and_its_ground_are_trusted():
    text = (
        "You asked for every email sent by the planning team since 2010.\n\n"
        "Response\nLocating those emails would take us beyond the appropriate costs limit, "
        "so we are refusing your request under section 12 of the Freedom of Information Act "
        "2000.\n"
    )
    point = extract(text).points[0]
    assert point.determination is Determination.COST_LIMIT
    assert not needs_check(point.confidence)


def _structure_letter(name: str):
    path = Path(__file__).parent / "letters" / "structure" / f"{name}.txt"
    return extract(letter_text(path.read_text()))


def test_answers_tied_by_order_alone_where_blocks_outnumber_points_are_left_to_check():
    # A table and a note under it, then one paragraph each: which block opens which answer
    # was chosen by the words, and the reviewer should see it is a guess.
    result = _structure_letter("answers-in-turn-table-then-note")
    assert [p.determination for p in result.points] == [
        Determination.HELD_PARTLY_DISCLOSED,
        Determination.HELD_DISCLOSED,
        Determination.NOT_HELD,
    ]
    assert all(needs_check(p.confidence) for p in result.points)


def test_one_block_per_point_in_order_keeps_the_confidence_of_its_words():
    result = _structure_letter("answers-in-turn-one-paragraph-each")
    assert result.points[1].determination is Determination.NOT_HELD
    assert not needs_check(result.points[1].confidence)


def test_figures_given_beside_a_cost_refusal_of_the_rest_are_left_to_check():
    # "1,140 residents and 85 businesses did not apply to renew": counts given for one half of
    # the request, the other half refused on cost. The refusal is not the whole answer, so the
    # reading is not trusted as a plain cost refusal would be.
    text = (
        "You asked how many parking permits were not renewed in 2023, and how many permits were "
        "handed back before they expired.\n\n"
        "Response\nOf the permits that expired during 2023, 1,140 residents and 85 businesses did "
        "not apply to renew them. To find how many permits were handed back early would exceed "
        "the appropriate limit of £450, so we are refusing that part under section 12 of the "
        "Freedom of Information Act 2000.\n"
    )
    point = extract(text).points[0]
    assert point.determination in (Determination.COST_LIMIT, Determination.HELD_PARTLY_DISCLOSED)
    assert needs_check(point.confidence)


def test_the_size_of_the_work_in_a_cost_refusal_is_no_figure_given():
    # "there are 1,204 allegations, so reading each would exceed the cost limit": the number
    # measures the search, it answers nothing.
    text = (
        "You asked for the outcome of every complaint about officers since 2015.\n\n"
        "Response\nOver that period 1,204 complaints were recorded, and reading each file to "
        "find its outcome would exceed the appropriate limit of £450. We are therefore not "
        "obliged to comply, under section 12 of the Freedom of Information Act 2000.\n"
    )
    point = extract(text).points[0]
    assert point.determination is Determination.COST_LIMIT
    assert not needs_check(point.confidence)


def test_not_held_beside_a_pointer_to_what_is_published_is_left_to_check():
    # One answer to an ask of two parts: "there is no correspondence" (not held) and "the
    # decision notice is available to view on our website" (published). "Not held" is not the
    # whole answer, so it is not trusted as a plain "not held" would be.
    text = (
        "You asked for the correspondence with the developer about the removed hedge, and for "
        "the decision notice on the retrospective application.\n\n"
        "Response\nThere is no correspondence with the developer about the hedge. The decision "
        "notice is available to view on our website, under the application number.\n"
    )
    point = extract(text).points[0]
    assert point.determination is Determination.NOT_HELD
    assert needs_check(point.confidence)


def test_a_refusal_restated_in_a_review_outcome_is_left_to_check():
    # An internal review restates the refusal it examined ("we replied refusing it under section
    # 12") before its own conclusion, which may differ (the information not held after all) or
    # be lost from a copy cut short: the refusal read there is a reading to check.
    text = (
        "Internal review of the handling of your request FOI 3391\n\n"
        "Dear Ms Tennant\n\n"
        "On 2 February 2026 you asked for every noise complaint made about the quarry since "
        "2015. We replied on 1 March 2026, refusing the request under section 12 of the Freedom "
        "of Information Act 2000, as locating the complaints would exceed the appropriate limit "
        "of £450.\n\n"
        "On 9 March 2026 you asked for an internal review. I have now completed that review and "
        "I uphold the original decision.\n\n"
        "If you are not content with the outcome of the internal review, you may apply to the "
        "Information Commissioner for a decision.\n"
    )
    result = extract(text)
    assert result.kind == "internal_review_outcome"
    point = result.points[0]
    assert point.determination is Determination.COST_LIMIT
    assert needs_check(point.confidence)


def test_an_exemption_for_some_of_what_is_held_is_trusted_across_points_of_a_cut_text():
    # "We hold some of the information; it is exempt" read for every point of a request: right
    # for every such point on first runs of fresh letters, so it is trusted even when shared by
    # several points of a text that stops mid-sentence.
    text = (
        "Freedom of Information request FOI 5120\n\n"
        "Dear Mr Okafor\n\n"
        "You asked:\n1. The contract the council holds with its waste haulier.\n"
        "2. The prices it pays the haulier per tonne.\n\n"
        "The council holds some of the information you asked for. That information is exempt "
        "under section 43(2) of the Freedom of Information Act 2000, as its release would "
        "prejudice the commercial interests of the council and the haulier. In weighing the "
        "public interest we took into account the"
    )
    result = extract(text)
    assert result.text_cut_short
    for point in result.points:
        assert point.determination is Determination.HELD_PARTLY_DISCLOSED
        assert point.confidence >= CHECK_THRESHOLD


def test_a_letter_read_whole_for_want_of_a_request_and_cut_short_is_left_to_check():
    # No request is found, so the letter is read as answering one point; the text stops
    # mid-sentence, so what else was asked, and how it was answered, may be lost with the rest.
    text = (
        "Our Ref: FOI 7781\n"
        "Date: 3 March 2026\n"
        "Dear Ms Adeyemi,\n"
        "Thank you for your information request received 20 February 2026. This request has "
        "been dealt with under the Freedom of Information Act 2000.\n"
        "I am sorry to say that the request is refused under section 12 of the Act, as the cost "
        "of compliance would exceed the appropriate limit.\n"
        "The records are kept on paper in each depot, and officers would have to read through "
        "two years of\n"
    )
    result = extract(text)
    assert result.text_cut_short
    (point,) = result.points
    assert point.determination is Determination.COST_LIMIT
    assert needs_check(point.confidence)


def test_a_refusal_in_words_whose_ground_is_lost_with_a_cut_is_trusted():
    # A point's own answer refuses it in words ("would exceed the cost limit") and the text stops
    # mid-sentence before any section is cited: the refusal is plain, its ground lost.
    text = (
        "Request FOI 2290\n\n"
        "Dear Mr Lindqvist\n\n"
        "You asked:\n1. How many potholes were repaired on the ring road in 2025?\n"
        "2. Every complaint about potholes received since 2010, with the reply sent to each.\n\n"
        "Our response\n"
        "1. 412 potholes were repaired.\n"
        "2. We are unable to answer this question, as finding and reading every complaint since "
        "2010 would exceed the cost limit. The complaints are filed by ward and by year, and an "
        "officer would need to open each of the\n"
    )
    result = extract(text)
    assert result.text_cut_short
    second = result.points[1]
    assert second.determination is Determination.COST_LIMIT
    assert second.confidence >= CHECK_THRESHOLD
