"""A list numbered "1 ", "2 " (a number and a space, no dot or bracket) is a list of grounds."""

from __future__ import annotations

from workbench.grounds import read_grounds

REASONS = (
    "Dear Records Officer\n\n"
    "I refer to your letter of 3 March refusing my request because the cost would exceed "
    "the limit. I ask for a review of that decision for these reasons:\n\n"
    "1 In my view the cost is small, as the records sit in one database and a single "
    "search would find them.\n\n"
    "2 The figures must already be in the annual reports, so they can be retrieved "
    "quickly from the published copies.\n\n"
    "Yours sincerely\nP. Okafor\n"
)


def test_each_bare_numbered_reason_is_a_ground_of_its_own():
    grounds = read_grounds(REASONS)
    items = [line for line in REASONS.splitlines() if line[:2] in ("1 ", "2 ")]
    assert [g.quote for g in grounds] == items
    assert [g.category for g in grounds] == ["cost_limit_disputed", "cost_limit_disputed"]


def test_the_opening_sentence_reporting_the_decision_is_not_a_ground():
    quotes = " ".join(g.quote for g in read_grounds(REASONS))
    assert "I refer to your letter" not in quotes


def test_a_wrapped_line_that_starts_with_a_date_is_not_an_item():
    text = (
        "I am not satisfied that all the emails were found. I made my request on\n"
        "3 May and the reply listed only two messages, although I know of many more.\n"
    )
    grounds = read_grounds(text)
    assert len(grounds) == 1
    assert grounds[0].quote.startswith("I am not satisfied")
