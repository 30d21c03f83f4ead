"""An exemption cited only in the alternative to "not held" leaves the point not held.

Letters often add "even if the information were held, it would be exempt under
section 43(2)". The information is still not held: reading the exemption as a
withholding would turn a not-held answer into a partial disclosure.
"""

from __future__ import annotations

import pytest

from workbench.parsing.extract import extract

HEAD = "Our ref: FOI-1001\nDate: 1 March 2024\n\nYou asked for the bids submitted in 2021.\n\n"


@pytest.mark.parametrize(
    "answer",
    [
        "The council does not hold this information. Even if the information were held, "
        "it would be exempt under section 43(2).",
        "We do not hold this information. However, were it held, it would be exempt under "
        "section 43(2).",
        "The council does not hold this information. If it did, the information would be "
        "exempt under section 43(2).",
        "We do not hold this information. In any event, section 43(2) would apply to it.",
        "No information is held. Had the information been held, section 43(2) would apply.",
    ],
)
def test_not_held_with_an_exemption_in_the_alternative_stays_not_held(answer):
    point = extract(HEAD + answer + "\n").points[0]
    assert point.determination.value == "not_held"
    assert point.provisions == ["s.43(2)"]


@pytest.mark.parametrize(
    "answer",
    [
        "We have withheld the bids under section 43(2), even if you already know who "
        "submitted them.",
        "The bids are held. In any event, they would be exempt under section 43(2) and are "
        "withheld.",
    ],
)
def test_an_if_clause_beside_a_real_withholding_is_still_a_withholding(answer):
    point = extract(HEAD + answer + "\n").points[0]
    assert point.determination.value == "held_withheld"


def test_not_held_beside_a_plain_exemption_is_a_partial_answer():
    answer = "We do not hold the 2021 bids. The 2022 bids are withheld under section 43(2)."
    point = extract(HEAD + answer + "\n").points[0]
    assert point.determination.value == "held_partly_disclosed"
