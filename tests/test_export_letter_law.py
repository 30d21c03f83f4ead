"""The outcome letter says only what is true, in the words of the request's own law.

Issue 12 items 13-15: independence is said only when the reviewer confirms it; the public
interest is judged as at the original response (Montague) and "held" at receipt; a FOISA
letter says what was done under s.21(4) and gives the s.56 appeal; an EIR letter speaks of
exceptions and dates any remedial action (reg 11(5)(c)); the personal data paragraph covers
every step of the test.
"""

from __future__ import annotations

import datetime as dt

import pytest
from export_fixtures import decided_seed_review, make_case

from workbench.errors import ReviewError
from workbench.export.letter import build_letter

TODAY = dt.date(2024, 1, 2)


def _letter(isolated_data, case_id="LAW-1", regime="FOIA", **changes):
    case = make_case(isolated_data / "cases", case_id, regime=regime)
    review = decided_seed_review(case)
    review.regime = regime
    for path, value in changes.items():
        target = review
        *parents, last = path.split("__")
        for name in parents:
            target = getattr(target, name)
        setattr(target, last, value)
    return build_letter(review, case, today=TODAY), review


def _text(paragraphs: list[str]) -> str:
    return " ".join(paragraphs)


# --------------------------------------------------------------------------- item 13


def test_independence_is_not_asserted_until_the_reviewer_confirms_it(isolated_data):
    """s.45 Code (2018) and ICO internal review guidance: a reviewer not involved "where
    possible". The letter used to assert it for every review (issue 12 item 13)."""
    letter, _ = _letter(isolated_data)
    assert "I was not involved" not in _text(letter.independence)
    assert "not yet confirmed" in _text(letter.independence)


def test_a_confirmed_independent_reviewer_says_so(isolated_data):
    letter, _ = _letter(isolated_data, reviewer__involved_in_original=False)
    assert "I was not involved in the handling of your original request" in _text(
        letter.independence
    )


def test_an_involved_reviewer_says_why_instead_of_claiming_independence(isolated_data):
    """The Code's "where possible": when it was not possible, the letter says so."""
    letter, _ = _letter(
        isolated_data,
        reviewer__involved_in_original=True,
        reviewer__independence_note="the team has a single information officer",
    )
    text = _text(letter.independence)
    assert "I was not involved" not in text
    assert "not possible for this review to be carried out by someone who was not involved" in text
    assert "the team has a single information officer" in text


# --------------------------------------------------------------------------- item 14


def test_public_interest_is_judged_as_at_the_original_response_and_held_at_receipt(isolated_data):
    """Montague v IC and DIT [2022] UKUT 104 (AAC): the public interest as at the original
    response, not "when we received your request"; "held" at receipt (FOIA s.1(4))."""
    letter, _ = _letter(isolated_data)
    text = _text(letter.independence)
    assert "as it stood when we received your request" not in text
    assert "as things stood when we first responded" in text and "[2022] UKUT 104" in text
    assert "section 1(4) of FOIA" in text


# --------------------------------------------------------------------------- item 15


def test_a_foisa_letter_says_what_was_done_under_section_21_4(isolated_data):
    """FOISA s.21(4)-(5): the notice says what the authority did under s.21(4); the outcome
    wording is chosen by regime, whatever the organisation's usual scheme."""
    letter, _ = _letter(isolated_data, "LAW-F", regime="FOISA")
    assert "21(4)" in letter.outcome
    assert "section 21(4)(a) of FOISA" in _text(letter.outcome_paragraphs)


def test_a_foisa_letter_gives_the_court_of_session_appeal(isolated_data):
    """FOISA s.21(10): particulars of the rights under s.47(1) and s.56."""
    letter, _ = _letter(isolated_data, "LAW-F2", regime="FOISA")
    complaint = _text(letter.complaint)
    assert "Scottish Information Commissioner" in complaint
    assert "Court of Session" in complaint and "section 56" in complaint


def test_an_eir_letter_speaks_of_exceptions(isolated_data):
    """The EIR have exceptions (reg 12), not exemptions."""
    letter, _ = _letter(isolated_data, "LAW-E", regime="EIR")
    assert letter.provision_word == "exceptions"
    foia, _ = _letter(isolated_data, "LAW-E2")
    assert foia.provision_word == "exemptions"


def test_an_eir_review_with_remedial_action_needs_its_date(isolated_data):
    """EIR reg 11(5)(c): the notice states the period within which the action will be taken,
    so an EIR review with remedial action and no date cannot be completed."""
    _, review = _letter(isolated_data, "LAW-E3", regime="EIR")
    review.points[2].remedy_date = None
    assert any("reg 11(5)(c)" in item for item in review.missing_for_completion("A. Reviewer"))
    with pytest.raises(ReviewError, match="11\\(5\\)\\(c\\)"):
        review.complete("A. Reviewer")
    review.points[2].remedy_date = dt.date(2024, 1, 19)
    assert not any("11(5)(c)" in item for item in review.missing_for_completion("A. Reviewer"))


def test_the_personal_data_paragraph_covers_the_third_step_even_undecided(isolated_data):
    """Article 6(1)(f): the letter states every step; a draft with step three undecided says
    so rather than stopping after step two, which read as if disclosure were lawful."""
    case = make_case(isolated_data / "cases", "LAW-P", regime="FOIA")
    review = decided_seed_review(case)
    review.provisions[0].answers = {
        "personal_data": "yes",
        "legitimate_interest": "yes",
        "reasonably_necessary": "yes",
    }
    section = build_letter(review, case, today=TODAY).provisions[0]
    text = _text(section.paragraphs)
    assert "Second, disclosure is reasonably necessary" in text
    assert "the third step" in text
