"""A requester who answers the response point by point disputes each point's answer.

"Q3 - the request was for the opening hours. Your letter does not give them." names a
point of the original request and gainsays what was given for it. Said in words the cue
data knows, it is read as that category; said in words it does not know, it is still a
ground of that point, weakly held as ``incomplete`` (what is missing is the commonest such
complaint) for the reviewer to confirm or correct, rather than dropped.
"""

from __future__ import annotations

from workbench.grounds import read_grounds

_POINT_BY_POINT = (
    "Dear Records Team,\n\n"
    "Your answer was not good enough.\n\n"
    "Q1 - I wanted the figures as a CSV file but you sent a scanned PDF.\n\n"
    "Q2 - The list of libraries is too brief to be of any use.\n\n"
    "Q4 - the request was for the opening hours of each branch. Your letter\n"
    "does not give them.\n\n"
    "Yours faithfully,\nA. Reader\n"
)


def test_each_point_gainsaid_is_a_ground_of_that_point():
    grounds = read_grounds(_POINT_BY_POINT, "FOIA")
    assert [(g.category, g.points) for g in grounds] == [
        ("format_or_means", ("1",)),
        ("incomplete", ("2",)),
        ("incomplete", ("4",)),
    ]


def test_the_opening_discontent_is_not_a_ground():
    grounds = read_grounds(_POINT_BY_POINT, "FOIA")
    assert not any("not good enough" in g.quote for g in grounds)


def test_a_point_gainsaid_in_unknown_words_is_a_weak_ground():
    text = (
        "Dear Records Team,\n\n"
        "Q1 - thank you, that is fine.\n\n"
        "Q3 - The timetable you sent is not the one for the winter season.\n\n"
        "Yours faithfully,\nA. Reader\n"
    )
    grounds = read_grounds(text, "FOIA")
    assert [(g.category, g.points) for g in grounds] == [("incomplete", ("3",))]
    assert grounds[0].confidence < 0.5
    assert grounds[0].quote.startswith("Q3 - The timetable")


def test_a_point_only_reported_is_no_ground():
    text = (
        "Dear Records Team,\n\n"
        "Q2 - You said the branch closed in March.\n\n"
        "Yours faithfully,\nA. Reader\n"
    )
    assert read_grounds(text, "FOIA") == []
