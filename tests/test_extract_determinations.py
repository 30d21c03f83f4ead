"""What a response decides for a point, read from the sentences that decide it."""

from __future__ import annotations

import pytest

from workbench.parsing.extract import extract
from workbench.parsing.model import Determination as D

ASKED = 'You asked:\n\n"Please provide copies of the minutes of the board meetings in 2023."\n\n'

CASES = [
    (
        "numbered_attachment_links_are_no_figures",
        "The reports are exempt under section 31(1)(a), as disclosure would help anyone "
        "planning a break-in.\n\nAttachment 1\nAttachment 2\nAttachment 3\nAttachment 4",
        D.HELD_WITHHELD,
        ["s.31(1)(a)"],
    ),
    (
        "held_by_other_bodies_is_not_held",
        "The Board does not run these clinics. The records of the meetings are held by the "
        "individual health boards that hosted them.",
        D.NOT_HELD,
        [],
    ),
    (
        "licence_footer_under_a_refusal_discloses_nothing",
        "The minutes are exempt under section 36(2)(b)(ii), as disclosure would inhibit the free "
        "and frank exchange of views. The information in this response is provided under the "
        "terms of the Open Government Licence.",
        D.HELD_WITHHELD,
        ["s.36(2)(b)(ii)"],
    ),
    (
        "held_disclosed",
        "Please find attached the minutes of the four meetings held in 2023.",
        D.HELD_DISCLOSED,
        [],
    ),
    (
        "plain_answer_is_a_disclosure",
        "There were four meetings, on 3 March, 5 June, 4 September and 4 December.",
        D.HELD_DISCLOSED,
        [],
    ),
    (
        "held_partly_disclosed_redactions",
        "Please find the minutes attached. Some names have been redacted under section 40(2) "
        "of the FOIA as they are the personal data of junior staff.",
        D.HELD_PARTLY_DISCLOSED,
        ["s.40(2)"],
    ),
    (
        "held_partly_disclosed_some_withheld",
        "We are disclosing three sets of minutes. The fourth is being withheld under section "
        "36(2)(b)(ii) as disclosure would inhibit the free and frank exchange of views.",
        D.HELD_PARTLY_DISCLOSED,
        ["s.36(2)(b)(ii)"],
    ),
    (
        "held_withheld",
        "We hold the minutes. However, they are exempt from disclosure under section 43(2) of "
        "the Freedom of Information Act 2000.",
        D.HELD_WITHHELD,
        ["s.43(2)"],
    ),
    (
        "held_withheld_future_publication",
        "We are withholding this information under section 22 of the FOI Act, which applies "
        "to information intended for future publication.",
        D.HELD_WITHHELD,
        ["s.22"],
    ),
    (
        "not_held",
        "Having searched the board's records, I can confirm that we do not hold minutes for "
        "2023, as the board did not meet that year.",
        D.NOT_HELD,
        [],
    ),
    (
        "not_held_eir",
        "The information you have requested is not held, and we are therefore refusing your "
        "request under regulation 12(4)(a) of the EIR. Please find attached our retention "
        "schedule, which explains why.",
        D.NOT_HELD,
        ["reg.12(4)(a)"],
    ),
    (
        "partly_not_held",
        "Please find attached the minutes for March and June. The minutes for September and "
        "December are not held, as the meetings were cancelled.",
        D.HELD_PARTLY_DISCLOSED,
        [],
    ),
    (
        "ncnd",
        "The council can neither confirm nor deny that it holds the information you requested, "
        "by virtue of section 31(3) of the FOIA.",
        D.NCND,
        ["s.31(3)"],
    ),
    (
        "cost_limit",
        "We estimate that locating and extracting the minutes would take more than 18 hours, "
        "which would exceed the appropriate limit of £450. We are therefore refusing your "
        "request under section 12 of the FOIA.",
        D.COST_LIMIT,
        ["s.12"],
    ),
    (
        "cost_limit_hours_far_in_excess",
        "Identifying and collating every record would take far in excess of 18 hours, so we "
        "cannot answer this question.",
        D.COST_LIMIT,
        [],
    ),
    (
        "cost_limit_eir",
        "Complying would impose an unreasonable cost and burden on the council, so the request "
        "is manifestly unreasonable under regulation 12(4)(b) because of the cost involved.",
        D.COST_LIMIT,
        ["reg.12(4)(b)"],
    ),
    (
        "vexatious",
        "We consider your request vexatious and are refusing it under section 14(1) of the FOIA.",
        D.VEXATIOUS,
        ["s.14(1)"],
    ),
    (
        "repeated",
        "This request is identical to the request you made in May, which we answered. We are "
        "refusing it as a repeated request under section 14(2).",
        D.REPEATED,
        ["s.14(2)"],
    ),
    (
        "published_elsewhere",
        "The minutes are published on our website and are reasonably accessible to you, so "
        "they are exempt under section 21 of the Freedom of Information Act 2000.",
        D.PUBLISHED_ELSEWHERE,
        ["s.21"],
    ),
    (
        "published_without_citing_s21",
        "The minutes are already published on our website at www.example.gov.uk/board.",
        D.PUBLISHED_ELSEWHERE,
        [],
    ),
    (
        "not_held_with_the_formal_response_attached",
        "Unfortunately I am unable to provide this information, because we do not have it. "
        "I have attached my formal response which sets out the details.",
        D.NOT_HELD,
        [],
    ),
    (
        "cost_limit_with_the_law_in_a_trailing_clause",
        "The information is not held centrally. Extracting it from each file would exceed the "
        "appropriate time limits, as per section 12(1) of the Act which does not oblige a public "
        "authority to comply with a request if the cost of complying would exceed the limit.",
        D.COST_LIMIT,
        ["s.12(1)"],
    ),
    (
        "cost_limit_in_the_time_a_format_allows",
        "The minutes are not held in a format that allows their extraction within the "
        "permitted 18 hour threshold.",
        D.COST_LIMIT,
        [],
    ),
    (
        "cost_limit_named_in_brackets",
        "Our records are not organised in a way that lets us provide all of this within the "
        "appropriate (cost) limit.",
        D.COST_LIMIT,
        [],
    ),
    (
        "cost_limit_found_exceeded_while_searching",
        "Two sets of minutes were found before it became clear that the fees limit would be "
        "exceeded.",
        D.COST_LIMIT,
        [],
    ),
    (
        "a_response_provided_is_not_a_disclosure",
        "I provide a response for your attention. The minutes are held; however, they are "
        "exempt under section 43(2) of the Act.",
        D.HELD_WITHHELD,
        ["s.43(2)"],
    ),
    (
        "not_held_not_reported_on",
        "We do not report on this.",
        D.NOT_HELD,
        [],
    ),
    (
        "cost_limit_not_held_in_a_retrievable_format",
        "The minutes are held, but not held in an easily retrievable format: each of some 900 "
        "paper files would have to be read by hand.",
        D.COST_LIMIT,
        [],
    ),
    (
        "some_of_what_is_sought_found_below",
        "Some of the information you are seeking can be found below: there were four meetings "
        "in 2023. The minutes themselves are exempt under section 36(2)(b)(ii) of the Act.",
        D.HELD_PARTLY_DISCLOSED,
        ["s.36(2)(b)(ii)"],
    ),
    (
        "the_limit_described_is_not_applied",
        "Please find attached the minutes of the four meetings. For future requests, note that "
        "the appropriate limit for central government is set at £600, and the appropriate limit "
        "will be exceeded if it would require more than 24 hours' work.",
        D.HELD_DISCLOSED,
        [],
    ),
    (
        "exemption_set_out_then_described",
        "The figures are available in the public domain. As such, this information is exempt "
        "from disclosure under the exemption set out at Section 21 of the Act, which provides "
        "that a public authority need not comply where information is reasonably accessible.",
        D.PUBLISHED_ELSEWHERE,
        ["s.21"],
    ),
    (
        "cost_limit_a_manual_review_needed",
        "It is not possible to say how many minutes were taken at each meeting without "
        "undertaking a manual review of each file.",
        D.COST_LIMIT,
        [],
    ),
    (
        "cost_limit_for_the_remaining_cases",
        "We found 412 sets of minutes and 380 of them are attached. To check the remaining 32 "
        "files by hand would take a further 20 hours, so that part is refused under section "
        "12(1) of the Act.",
        D.HELD_PARTLY_DISCLOSED,
        ["s.12(1)"],
    ),
    (
        "cost_limit_extraction_within_time_constraints",
        "The minutes are held in part, however they are not held in a format that allows their "
        "extraction within the permitted time constraints of the Act.",
        D.COST_LIMIT,
        [],
    ),
    (
        "other_clarification",
        "Your request is unclear. Please could you clarify which board you mean, so that we can "
        "identify the information.",
        D.OTHER,
        [],
    ),
]


@pytest.mark.parametrize(
    ("answer", "determination", "provisions"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_determination(answer, determination, provisions):
    result = extract(ASKED + "Our response\n\n" + answer)
    (point,) = result.points
    assert point.determination is determination
    assert point.provisions == provisions
    assert point.evidence, "every determination shows the sentence behind it"


def test_a_ground_the_letter_no_longer_relies_on_is_not_cited():
    text = (
        ASKED + "Our response\n\nWe are no longer relying on section 17 (information not held) "
        "of FOISA. The following exemptions apply to some of the information: section 30(b)(i)."
    )
    result = extract(text)
    assert result.provisions_cited == ["foisa.s.30(b)(i)"]


def test_a_provision_described_as_a_separate_or_similar_exemption_is_not_cited():
    text = (
        ASKED + "Our response\n\nSome of the survey records are withheld under regulation 11(2) "
        "of the EIRs (third party personal data). A similar exemption in section 38 of FOISA "
        "covers personal data that is not environmental information."
    )
    assert extract(text).provisions_cited == ["eisr.reg.11(2)"]


def test_the_refusal_notice_duty_and_the_right_to_complain_are_not_grounds():
    text = (
        ASKED + "Our response\n\nThis is a refusal notice under section 17 of the FOIA. The "
        "minutes are exempt under section 42. You may complain under section 50."
    )
    assert extract(text).provisions_cited == ["s.42"]


def test_a_section_cited_generally_and_precisely_is_cited_precisely():
    text = (
        ASKED + "Our response\n\nThe minutes are exempt under section 43 (commercial interests). "
        "Section 43(2) applies because disclosure would prejudice the supplier."
    )
    assert extract(text).provisions_cited == ["s.43(2)"]


def test_rights_boilerplate_does_not_decide_anything():
    text = (
        ASKED + "Our response\n\nThe minutes are attached.\n\nIf you are unhappy with our "
        "decision to withhold information, you can ask for an internal review."
    )
    assert extract(text).points[0].determination is D.HELD_DISCLOSED


def test_the_law_described_in_general_does_not_decide_anything():
    text = (
        ASKED + "Our response\n\nSection 1 of the Act places two duties on public authorities. "
        "Where exemptions apply, a public authority may refuse to disclose information.\n\n"
        "The minutes are attached."
    )
    assert extract(text).points[0].determination is D.HELD_DISCLOSED


def test_grounds_explained_after_the_answers_join_the_point_they_fit():
    text = (
        "You asked:\n\n1. Copies of the minutes.\n2. The agenda papers.\n\nOur response\n\n"
        "1. The minutes are attached, with some personal data redacted.\n"
        "2. We do not hold the agenda papers.\n\nSection 40(2)\n\nThe redacted names are "
        "exempt under section 40(2) of the FOIA."
    )
    result = extract(text)
    assert [p.provisions for p in result.points] == [["s.40(2)"], []]


def test_regime_is_read_from_the_handling_statement():
    text = ASKED + "We have handled your request under the Environmental Information Regulations."
    assert extract(text).regime == "EIR"


def test_grounds_from_two_regimes_make_the_regime_mixed():
    text = (
        ASKED + "Our response\n\nPart of the information is exempt under section 43(2) of the "
        "FOIA, and part is excepted under regulation 12(5)(e) of the EIR."
    )
    assert extract(text).regime == "mixed"


def test_scottish_responses_are_foisa():
    text = ASKED + "This is a response under the Freedom of Information (Scotland) Act 2002."
    assert extract(text).regime == "FOISA"


def test_no_regime_when_the_letter_names_none():
    assert extract("Please find the minutes attached.").regime is None


def test_a_page_titled_under_foisa_whose_letter_routes_to_the_eisr_is_eisr():
    text = (
        "Peat extraction: EIR release\n\n"
        "Information request and response under the Freedom of Information (Scotland) Act 2002\n\n"
        "Information requested\n\nAll correspondence about peat extraction at Moss Farm.\n\n"
        "Response\n\nAs the information you have requested is 'environmental information' for "
        "the purposes of the Environmental Information (Scotland) Regulations 2004 (EIRs), we "
        "are required to deal with your request under those Regulations. We are applying the "
        "exemption at section 39(2) of the Freedom of Information (Scotland) Act 2002 (FOISA), "
        "so that we do not also have to deal with your request under FOISA.\n\n"
        "I enclose a copy of the correspondence.\n"
    )
    assert extract(text).regime == "EISR"
