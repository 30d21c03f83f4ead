"""Sentences describing the searches made, as evidence for 'not held' answers."""

from __future__ import annotations

from workbench.parsing.extract import extract


def test_searches_described_are_found_with_offsets():
    text = (
        "We do not hold the report.\n\nWe searched the planning team's shared drive and email "
        "accounts using the terms 'bridge' and 'survey'. We also made enquiries with the "
        "Highways Engineering Manager."
    )
    result = extract(text)
    quotes = [s.quote for s in result.searches]
    assert quotes == [
        "We searched the planning team's shared drive and email accounts using the terms "
        "'bridge' and 'survey'.",
        "We also made enquiries with the Highways Engineering Manager.",
    ]
    for evidence in result.searches:
        assert text[evidence.start : evidence.end] == evidence.quote


def test_a_cost_estimate_is_not_a_search_made():
    text = (
        "Searching every file for this information would take more than 18 hours and would "
        "exceed the appropriate limit."
    )
    assert extract(text).searches == []


def test_a_search_box_on_a_web_page_is_not_a_search_made():
    assert extract("Use the search box to search our website for reports.").searches == []
