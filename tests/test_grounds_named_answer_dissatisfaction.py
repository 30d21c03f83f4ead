"""Dissatisfaction with the answer to a named point is a ground about that point."""

from __future__ import annotations

import pytest

from workbench.grounds import read_grounds


@pytest.mark.parametrize(
    ("sentence", "point"),
    [
        ("I am not satisfied with your answer to question three.", "3"),
        ("I am unhappy with the reply you gave to question twelve.", "12"),
        ("I am not satisfied with your response to Question 2.", "2"),
    ],
)
def test_dissatisfaction_with_a_named_answer_is_an_incomplete_ground(sentence, point):
    grounds = read_grounds(f"Dear Ms Lane\n\n{sentence}\n\nPlease try again.\n\nT. Osei\n")
    assert [(g.category, g.points) for g in grounds] == [("incomplete", (point,))]


def test_general_dissatisfaction_naming_no_point_is_still_no_ground():
    assert read_grounds("Dear Ms Lane\n\nI am not satisfied with your response.\n") == []
