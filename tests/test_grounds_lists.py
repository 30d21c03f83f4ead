"""A template list of objections gives one ground per item, in the order written."""

from __future__ import annotations

from pathlib import Path

from workbench.grounds import read_grounds

FILES = Path(__file__).parent / "files" / "grounds"


def test_each_item_of_a_list_of_reasons_is_a_ground_of_its_own():
    text = (FILES / "template_list.txt").read_text(encoding="utf-8")
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == [
        "exemption_disputed",
        "public_interest",
        "public_interest",
        "delay",
    ]
    items = [line for line in text.splitlines() if line.startswith("- ")]
    assert [g.quote for g in grounds] == items


def test_the_request_for_review_and_the_signature_are_not_grounds():
    text = (FILES / "template_list.txt").read_text(encoding="utf-8")
    quotes = " ".join(g.quote for g in read_grounds(text))
    assert "carry out an internal review" not in quotes
    assert "Yours sincerely" not in quotes


def test_a_numbered_list_of_reasons_is_not_read_as_request_points():
    text = (
        "I am requesting an internal review for the following reasons:\n"
        "1. Some of the information redacted is already in the public domain.\n"
        "2. The public interest favours disclosure.\n"
    )
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["exemption_disputed", "public_interest"]
    assert all(g.points == () for g in grounds)


def test_reasons_listed_against_a_named_decision_dispute_that_decision():
    text = (
        "I ask you to reconsider the decision to charge a fee for my request, on the "
        "following grounds:\n"
        "1. The subject is being debated in the council chamber this month.\n"
        "2. I am a local resident and not a business.\n"
    )
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["fees", "fees"]


def test_a_reason_stated_in_its_own_words_keeps_its_category():
    text = (
        "I ask you to reconsider the decision to charge a fee for my request, on the "
        "following grounds:\n"
        "1. The subject is being debated in the council chamber this month.\n"
        "2. Your reply also arrived five weeks after the twenty working day deadline.\n"
    )
    assert [g.category for g in read_grounds(text)] == ["fees", "delay"]


def test_an_item_touching_on_its_reason_is_no_lead_in_to_the_next_item():
    # the first item only names the cost; the second says plainly the cost limit is wrong: a
    # weakly stated item is still an item of the list, not the story leading into the next one
    text = (
        "I ask for a review of your refusal on grounds of cost, for these reasons:\n\n"
        "1. The cost of providing two spreadsheets is small.\n\n"
        "2. The figures could be extracted in minutes from the ledger.\n"
    )
    grounds = read_grounds(text, "FOIA")
    assert [g.category for g in grounds] == ["cost_limit_disputed", "cost_limit_disputed"]
    assert grounds[0].quote.startswith("1. The cost of providing")
