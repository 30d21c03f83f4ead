"""Letters under the Environmental Information (Scotland) Regulations 2004."""

from __future__ import annotations

from workbench.parsing.extract import extract
from workbench.parsing.model import Determination as D

LETTER = """Our ref: EIR/2024/0031

Dear Mr Reid

Thank you for your request received on 4 March 2024. You asked:

1. Copies of the flood risk assessments for the Riverside development.
2. The number of sewage overflow events recorded at Mill Lane in 2023.

We have dealt with your request under the Environmental Information (Scotland) Regulations 2004 (the EIRs).

1. The assessments were supplied to us in confidence by the developer, and are excepted from disclosure under regulation 10(5)(f) of the EIRs. We have considered the public interest, which on balance favours maintaining the exception.

2. We do not hold this information, and regulation 10(4)(a) of the EIRs applies.

If you are dissatisfied, you may ask for a review under regulation 16 within 40 working days, and then apply to the Scottish Information Commissioner.

Yours sincerely
"""


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
