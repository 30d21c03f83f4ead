"""A ground names the request points it concerns, where the requester says which."""

from __future__ import annotations

from pathlib import Path

from workbench.grounds import read_grounds

FILES = Path(__file__).parent / "files" / "grounds"


def _read():
    return read_grounds((FILES / "point_references.txt").read_text(encoding="utf-8"))


def test_in_relation_to_question_n_ties_what_follows_to_that_point():
    grounds = _read()
    assert [g.points for g in grounds[:2]] == [("2",), ("4",)]
    assert [g.category for g in grounds[:2]] == ["incomplete", "incomplete"]


def test_numbered_paragraphs_that_skip_numbers_follow_the_request_numbering():
    grounds = _read()
    assert [g.points for g in grounds[2:]] == [("2",), ("5",)]
    assert grounds[2].quote.startswith("2) Please release the full minutes")


def test_a_point_label_carries_into_the_paragraphs_that_continue_its_item():
    text = (
        "3) You have not answered this question.\n\n"
        "I also believe more records are held for it, as the team kept a daily log.\n\n"
        "7) The data for 2021 was not provided."
    )
    grounds = read_grounds(text)
    assert [g.points for g in grounds] == [("3",), ("3",), ("7",)]


def test_ordinals_and_lists_of_points():
    text = "My second question has not been answered. Questions 4 and 6 were not answered either."
    assert [g.points for g in read_grounds(text)] == [("2",), ("4", "6")]


def test_points_joined_under_one_heading_are_all_the_grounds_points():
    # "Q2+Q5:" answers two points at once, and the heading names both
    text = (
        "Dear Team,\n\n"
        "Q1: thank you.\n\n"
        "Q2+Q5: the figures for those years have not been provided.\n\n"
        "Questions 7 and 8: these were not answered at all.\n"
    )
    assert [g.points for g in read_grounds(text)] == [("2", "5"), ("7", "8")]


def test_numbers_that_are_not_points_are_ignored():
    text = (
        "My FOI request #170856 and reference 202300354048 were refused, but the exemptions "
        "do not apply to this information."
    )
    assert [g.points for g in read_grounds(text)] == [()]


def test_a_sentence_after_the_ground_naming_its_point_gives_the_ground_that_point():
    text = (
        "It is clear that the council has not released all the relevant emails. "
        "In particular this relates to part 2 of my original request.\n"
    )
    grounds = read_grounds(text, "FOISA")
    assert [(g.category, g.points) for g in grounds] == [("more_information_held", ("2",))]
