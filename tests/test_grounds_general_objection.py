"""An objection in general words about nothing the cues know is still a ground, weakly held.

A review request is written to object: "I do not accept that answer" names no subject the
cue data knows, but the review must still answer it, so the reader offers it as a ground
of category ``other`` with a low confidence for the reviewer to correct. Discontent with
the response in general words ("I am not satisfied with your response") is what every
review request says, and states no ground of its own.
"""

from __future__ import annotations

import pytest

from workbench.grounds import read_grounds


def test_an_objection_with_no_known_subject_is_a_weak_other_ground():
    text = (
        "Dear Sir,\n\n"
        "I do not accept the explanation in your letter about the ferry timetable.\n\n"
        "Yours faithfully,\nA. Reader\n"
    )
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["other"]
    assert grounds[0].confidence < 0.2
    assert grounds[0].quote.startswith("I do not accept")


@pytest.mark.parametrize(
    "sentence",
    [
        "I am not satisfied with your response and ask for a review.",
        "The response I received was inadequate.",
        "I am unhappy with the way my request was answered.",
        "I am afraid your reply is simply not good enough.",
    ],
)
def test_general_discontent_alone_is_not_a_ground(sentence):
    assert read_grounds(f"Dear Sir,\n\n{sentence}\n\nYours faithfully,\nA. Reader\n") == []


def test_a_report_of_the_decision_is_not_read_as_an_objection():
    text = "You said my request was wrong to ask for the ferry timetable in that form.\n"
    assert read_grounds(text) == []
