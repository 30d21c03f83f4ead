"""Common ways requesters state a ground, each read in its category.

``tests/files/grounds/phrasings.tsv`` holds one sentence a line with the category it
states, written for this test in the words requesters commonly use (learnt from reading
real review requests, none copied). Each sentence is read as a review request of one
ground, between a salutation and a sign-off.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.grounds import CATEGORIES, read_grounds

PHRASINGS = Path(__file__).parent / "files" / "grounds" / "phrasings.tsv"


def _cases() -> list[tuple[str, str]]:
    rows = PHRASINGS.read_text(encoding="utf-8").splitlines()
    return [tuple(row.split("\t", 1)) for row in rows if row and not row.startswith("#")]


@pytest.mark.parametrize(("category", "sentence"), _cases())
def test_the_phrasing_is_read_in_its_category(category, sentence):
    grounds = read_grounds(f"Dear FOI team,\n\n{sentence}\n\nRegards,\nK. Lomax\n")
    assert [g.category for g in grounds] == [category]


def test_every_category_has_phrasings():
    assert {category for category, _ in _cases()} >= set(CATEGORIES)


def test_not_providing_an_estimate_is_not_an_unanswered_part_of_the_request():
    grounds = read_grounds("The council did not provide any estimate of the hours involved.")
    assert [g.category for g in grounds] != ["incomplete"]


def test_a_question_left_unanswered_is_not_a_request_left_unanswered():
    grounds = read_grounds("Question 4 has not been answered at all.")
    assert [g.category for g in grounds] == ["incomplete"]


def test_looking_forward_to_a_reply_in_time_is_not_a_complaint_of_delay():
    assert read_grounds("Dear Sir,\n\nI look forward to your reply within 20 working days.\n") == []
