"""Letters under the Environmental Information (Scotland) Regulations 2004."""

from __future__ import annotations

from pathlib import Path

from workbench.parsing.extract import extract
from workbench.parsing.model import Determination as D

LETTER = (Path(__file__).parent / "letters" / "structure" / "eisr-council.txt").read_text(
    encoding="utf-8"
)


def test_an_eisr_letter_is_read_under_the_eisr():
    result = extract(LETTER)
    assert result.regime == "EISR"
    assert result.provisions_cited == ["eisr.reg.10(5)(f)", "eisr.reg.10(4)(a)"]
    assert [(p.determination, p.provisions) for p in result.points] == [
        (D.HELD_WITHHELD, ["eisr.reg.10(5)(f)"]),
        (D.NOT_HELD, ["eisr.reg.10(4)(a)"]),
    ]


def test_the_eirs_of_a_scottish_authority_are_the_eisr():
    text = (
        "We have handled your request under the EIRs. The information is not held, so "
        "regulation 10(4)(a) applies. You may apply to the Scottish Information Commissioner."
    )
    result = extract(text)
    assert result.regime == "EISR"
    assert result.provisions_cited == ["eisr.reg.10(4)(a)"]


def test_a_scottish_letter_under_both_foisa_and_the_eisr_is_mixed():
    text = (
        "Part of your request has been handled under FOISA and part under the Environmental "
        "Information (Scotland) Regulations 2004. The briefing is withheld under section "
        "30(b)(i) of FOISA and the site report under regulation 10(5)(e) of the EIRs."
    )
    result = extract(text)
    assert result.regime == "mixed"
    assert set(result.provisions_cited) == {"foisa.s.30(b)(i)", "eisr.reg.10(5)(e)"}


def test_the_routing_exemption_is_cited_but_is_not_a_points_ground():
    text = (
        "Information requested\n\nPlease send the tree survey for the park.\n\nResponse\n\n"
        "As the information you have requested is environmental information, we are dealing "
        "with your request under the Environmental Information (Scotland) Regulations 2004 and "
        "applying the exemption at section 39(2) of FOISA. The survey is attached, but we are "
        "unable to provide some of the information because an exception under regulation 11(2) "
        "of the EIRs (personal information) applies to it."
    )
    result = extract(text)
    assert set(result.provisions_cited) == {"foisa.s.39(2)", "eisr.reg.11(2)"}
    assert [(p.determination, p.provisions) for p in result.points] == [
        (D.HELD_PARTLY_DISCLOSED, ["eisr.reg.11(2)"])
    ]


def test_a_scottish_council_naming_no_act_answers_under_foisa():
    text = (
        "Dear Ms Smith\n\nThank you for your FOI request about school meals. The Council "
        "served 41,200 school meals in 2023.\n\nYours sincerely\n\nFOI Team, Moray Council"
    )
    assert extract(text).regime == "FOISA"


def test_a_request_said_to_fall_under_the_eisr_is_handled_under_them():
    text = (
        "Having read your request, we have decided that it falls under the Environmental "
        "Information (Scotland) Regulations 2004. We are applying section 39(2) of FOISA, so "
        "that we do not also have to deal with your request under FOISA. The survey is attached."
    )
    result = extract(text)
    assert result.regime == "EISR"
    assert result.confidence["regime"] >= 0.9


def test_an_acknowledgement_naming_every_scottish_regime_is_unsure_which():
    text = (
        "Thank you for your request. It will be processed under the Freedom of Information "
        "(Scotland) Act 2002 or the Environmental Information (Scotland) Regulations 2004."
    )
    assert extract(text).confidence["regime"] < 0.8
