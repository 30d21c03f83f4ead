"""Reporting the authority's decision is not a ground; denying or rebutting it is."""

from __future__ import annotations

from pathlib import Path

from workbench.grounds import read_grounds

FILES = Path(__file__).parent / "files" / "grounds"


def test_a_bare_denial_takes_the_category_of_the_decision_it_denies():
    grounds = read_grounds((FILES / "reported_then_denied.txt").read_text(encoding="utf-8"))
    assert grounds[0].category == "vexatious_disputed"
    assert grounds[0].quote == "You say that my request is vexatious. It is not."


def test_a_rebuttal_after_a_reported_exemption_disputes_that_exemption():
    grounds = read_grounds((FILES / "reported_then_denied.txt").read_text(encoding="utf-8"))
    assert grounds[1].category == "exemption_disputed"
    assert grounds[1].provisions == ("s.43(2)",)
    assert "No bidder has objected" in grounds[1].quote


def test_grounds_read_from_a_report_and_a_rebuttal_are_held_with_low_confidence():
    grounds = read_grounds((FILES / "reported_then_denied.txt").read_text(encoding="utf-8"))
    assert all(g.confidence < 0.5 for g in grounds)


def test_the_report_alone_is_not_a_ground():
    text = "You withheld the tender scores under section 43(2), saying that release would harm."
    assert read_grounds(text) == []


def test_a_weakly_stated_objection_disputes_the_decision_reported_before_it():
    text = (
        "You chose to neither confirm nor deny that you hold any report on the bridge. "
        "With so much public concern about its safety, it is plainly wrong to give such a "
        "blanket exemption."
    )
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["ncnd_disputed"]


def test_a_ground_stated_in_its_own_words_keeps_its_category_after_a_report():
    text = (
        "You withheld the tender scores under section 43(2). "
        "The public interest clearly favours disclosure of how the contract was awarded."
    )
    assert [g.category for g in read_grounds(text)] == ["public_interest"]


def test_what_the_reported_decision_lacked_disputes_it_and_the_next_ground_stays_apart():
    text = (
        "Dear Sir,\n\nYour response refused the request on cost grounds but gave no "
        "indication of how the estimate was reached. You also made no suggestion as to how "
        "I might reduce the scope of my request to bring it under the limit.\n"
    )
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["cost_limit_disputed", "advice_and_assistance"]
    assert grounds[1].quote.startswith("You also made no suggestion")


def test_a_decision_reported_with_its_date_then_denied_is_disputed():
    text = "On 2 May you wrote to say that the information was exempt. It is not.\n"
    assert [g.category for g in read_grounds(text, "FOISA")] == ["exemption_disputed"]


def test_a_decision_reported_in_the_authority_s_quoted_words_then_denied_is_disputed():
    # the quotation is someone else's words, but it says what the decision was about
    text = (
        'Your response said that "the report is commercially confidential and its release would '
        "harm the operator's economic interests\". I disagree.\n"
    )
    assert [g.category for g in read_grounds(text, "EISR")] == ["exemption_disputed"]


def test_a_decision_quoted_in_its_own_paragraph_then_denied_is_disputed():
    # the report, the authority's words quoted on their own, then the requester's answer
    text = (
        "You said in your response\n\n"
        "“The information is exempt under section 43 because disclosure would prejudice the "
        "commercial interests of the supplier.”\n\n"
        "That cannot be right: the contract ended in 2019.\n"
    )
    grounds = read_grounds(text, "FOIA")
    assert [g.category for g in grounds] == ["exemption_disputed"]
    assert grounds[0].quote.startswith("That cannot be right")


def test_a_second_decision_reported_in_one_sentence_is_open_to_its_own_rebuttal():
    # "... and then told me you hold none": the second report is rebutted by the authority's
    # own published figures, a ground of its own after the delay
    text = (
        "Hello,\n\n"
        "You took two months to reply and then told me you hold no count of potholes "
        "repaired. Your own highways report gives that count for each year, so the figures "
        "exist.\n\n"
        "Thanks,\nR. Example\n"
    )
    grounds = read_grounds(text, "FOIA")
    assert [g.category for g in grounds] == ["delay", "more_information_held"]
    assert grounds[1].quote.startswith("told me you hold no count")
    assert "Your own highways report" in grounds[1].quote


def test_an_answer_after_a_bare_but_with_its_own_subject_disputes_the_decision_reported():
    text = (
        "Dear FOI team,\n\n"
        "You relied on section 21 but the survey is not reasonably accessible to me.\n\n"
        "Regards,\nK. Lomax\n"
    )
    grounds = read_grounds(text, "FOIA")
    assert [g.category for g in grounds] == ["exemption_disputed"]
    assert grounds[0].provisions == ("s.21",)


def test_a_decision_reported_after_a_concession_is_still_a_report():
    text = (
        "While I note that the trust holds the figures, you have withheld them under section "
        "43(2), concluding that the public interest favours keeping them back.\n\n"
        "The figures are five years old and cannot harm anyone now.\n"
    )
    grounds = read_grounds(text, "FOIA")
    assert [g.category for g in grounds] == ["exemption_disputed"]
    assert "cannot harm anyone now" in grounds[0].quote
