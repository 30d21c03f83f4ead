"""A cost the request is about is not the cost of answering it.

Requests are often about money: a depot's running costs, a cost comparison a consultant
prepared. Naming that cost is the request's topic; only the cost of answering (the cost limit,
the estimate, "too costly") makes a paragraph a cost-limit ground.
"""

from __future__ import annotations

from workbench.grounds import read_grounds


def _categories(sentence: str) -> list[str]:
    text = f"Dear FOI team,\n\n{sentence}\n\nRegards,\nK. Lomax\n"
    return [g.category for g in read_grounds(text, "FOIA")]


def test_running_costs_asked_about_are_no_cost_limit_ground():
    categories = _categories("I do not see why the running costs of the depot should be secret.")
    assert "cost_limit_disputed" not in categories


def test_a_cost_comparison_referred_to_is_information_held_not_a_cost_limit():
    categories = _categories(
        "The response lists four documents but the email of 12 June refers to a fifth, "
        "a cost comparison prepared by the consultants."
    )
    assert "cost_limit_disputed" not in categories


def test_the_cost_of_answering_is_still_a_cost_limit_ground():
    categories = _categories("You cannot include the time spent redacting in the cost calculation.")
    assert categories == ["cost_limit_disputed"]
