"""Provisions follow the points: parsed like a letter cites them, added, set aside, restored."""

from __future__ import annotations

import pytest
from review_fixtures import sample_review, seed_extraction

from workbench import reading
from workbench.errors import ReviewError
from workbench.parsing.model import Determination, Extraction, Point
from workbench.review import Review, review_from_case


@pytest.mark.parametrize(
    ("written", "regime", "expected"),
    [
        ("s.40(2)", None, "s.40(2)"),
        ("section 40(2)", None, "s.40(2)"),
        ("Section 43 (2)", "FOIA", "s.43(2)"),
        ("s43(2)", None, "s.43(2)"),
        ("reg.12(5)(b)", None, "reg.12(5)(b)"),
        ("regulation 13", None, "reg.13"),
        ("foisa.s.38(1)(b)", None, "foisa.s.38(1)(b)"),
        ("section 38(1)(b)", "FOISA", "foisa.s.38(1)(b)"),
        ("section 12(1) of the Act", None, "s.12(1)"),
    ],
)
def test_a_provision_is_read_as_the_letter_or_the_catalogue_writes_it(written, regime, expected):
    assert reading.parse_provision(written, regime) == expected


@pytest.mark.parametrize("written", ["s.99", "section 17(1)", "GDPR", ""])
def test_an_unknown_provision_says_how_to_write_one(written):
    with pytest.raises(ReviewError) as raised:
        reading.parse_provision(written)
    message = str(raised.value)
    assert message.startswith("Unknown provision") and "s.40(2), reg.12(5)(b)" in message


def _review() -> Review:
    review = sample_review()
    review.points[0].provisions = ["s.40(2)"]
    return review


def test_relying_on_a_provision_adds_its_review_with_the_catalogues_questions():
    review = reading.set_point_provisions(_review(), "2", "s.40(2), section 31(1)(a)")
    assert [(p.provision_id, p.points) for p in review.provisions] == [
        ("s.40(2)", ["1", "2"]),
        ("s.31(1)(a)", ["2"]),
    ]
    from workbench.catalogue import load_catalogue

    assert load_catalogue().questions_for("s.31(1)(a)")  # shown on the Provisions page


def test_the_last_point_dropping_a_provision_sets_it_aside_with_its_answers_and_back():
    review = _review()
    review.provisions[0].answers = {"personal_data": "yes"}
    review.provisions[0].reasons = "Names of junior staff."
    dropped = reading.set_point_provisions(review, "1", "")
    assert dropped.provisions == []
    (aside,) = dropped.set_aside
    assert (aside.provision_id, aside.answers) == ("s.40(2)", {"personal_data": "yes"})

    again = reading.set_point_provisions(dropped, "3", "section 40(2)")
    (back,) = again.provisions
    assert back.points == ["3"]
    assert back.answers == {"personal_data": "yes"} and back.reasons == "Names of junior staff."
    assert again.set_aside == []


def test_deleting_the_only_point_relying_on_a_provision_sets_it_aside():
    review = reading.delete_point(_review(), "1")
    assert review.provisions == [] and [p.provision_id for p in review.set_aside] == ["s.40(2)"]


def test_a_provision_named_only_on_its_review_still_counts_as_the_points(tmp_path):
    """Reviews saved before points carried their provisions name the point on the provision."""
    review = sample_review()  # s.40(2) names point 1; point 1's own list is empty
    assert reading.point_provisions(review, review.points[0]) == ["s.40(2)"]
    split = reading.split_point(review, "1", "1a,1b")
    assert split.provisions[0].points == ["1a", "1b"]


def test_a_provision_cited_but_relied_on_by_no_point_is_not_spread_over_the_points(seed_case):
    from workbench.cases import load_case
    from workbench.export.letter import build_letter

    extraction = Extraction(
        points=[
            Point(label="1", text="Budgets", determination=Determination.HELD_DISCLOSED),
            Point(label="2", text="Minutes", determination=Determination.NOT_HELD),
        ],
        provisions_cited=["s.12"],
    )
    case = load_case(seed_case)
    review = review_from_case(case, extraction)
    assert [(p.provision_id, p.points) for p in review.provisions] == [("s.12", [])]
    assert all(p.provisions == [] for p in review.points)
    letter = build_letter(review, case, extraction=extraction)
    assert [p.original_provisions for p in letter.points] == [[], []]
    assert all("section 12" not in p.original for p in letter.points)

    # The reviewer sets it aside (no point relies on it) or ties it to a point.
    aside = reading.set_aside_provision(review, "s.12")
    assert aside.provisions == [] and aside.set_aside[0].provision_id == "s.12"
    tied = reading.set_point_provisions(review, "1", "s.12")
    assert [(p.provision_id, p.points) for p in tied.provisions] == [("s.12", ["1"])]


def test_a_provision_a_point_relies_on_cannot_be_set_aside_on_its_own():
    with pytest.raises(ReviewError, match="rely on s.40.2.: remove it from those points"):
        reading.set_aside_provision(_review(), "s.40(2)")
    with pytest.raises(ReviewError, match="No provision 's.43'"):
        reading.set_aside_provision(_review(), "s.43")


def test_the_seed_letters_provisions_are_tied_to_the_points_that_rely_on_them(seed_case):
    from workbench.cases import load_case

    review = review_from_case(load_case(seed_case), seed_extraction())
    assert [(p.provision_id, p.points) for p in review.provisions] == [("s.40(2)", ["1"])]
