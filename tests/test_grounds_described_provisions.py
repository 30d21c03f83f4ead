"""A provision named by its words ("the free and frank exchange of views") is the ground's.

The corpus maps a provision identified only by description to its section; the phrase is
read only under a regime whose statute uses those words, and only when the regime is known.
"""

from __future__ import annotations

import pytest

from workbench.grounds import read_grounds
from workbench.grounds.described import described_mentions


def _provisions(text: str, regime: str | None) -> list[tuple[str, ...]]:
    return [g.provisions for g in read_grounds(text, regime)]


@pytest.mark.parametrize(
    ("sentence", "regime", "expected"),
    [
        ("I do not accept that releasing the briefing would inhibit the free and frank "
         "exchange of views.", "FOIA", ("s.36(2)(b)(ii)",)),
        ("I do not accept that releasing the briefing would inhibit the free and frank "
         "exchange of views.", "FOISA", ("foisa.s.30(b)(ii)",)),
        ("The reason given does not fall under inhibiting the free and frank provision of "
         "advice.", "FOISA", ("foisa.s.30(b)(i)",)),
        ("Publishing the rent would not prejudice anyone's commercial interests.", "FOIA",
         ("s.43(2)",)),
        ("Publishing the rent would not prejudice anyone's commercial interests.", "FOISA",
         ("foisa.s.33(1)(b)",)),
        ("The job titles of senior officers are not personal data that can be withheld.",
         "FOIA", ("s.40(2)",)),
        ("The job titles of senior officers are not personal data that can be withheld.",
         "EISR", ("eisr.reg.11(2)",)),
        ("My request is not manifestly unreasonable: only four surveys exist.", "EIR",
         ("reg.12(4)(b)",)),
        ("My request is not manifestly unreasonable: only four surveys exist.", "EISR",
         ("eisr.reg.10(4)(b)",)),
    ],
)  # fmt: skip
def test_a_provision_named_by_its_words_is_mapped_in_the_regime(sentence, regime, expected):
    assert _provisions(f"Dear FOI team,\n\n{sentence}\n\nYours,\nR. Gale\n", regime) == [expected]


def test_nothing_is_mapped_when_the_regime_is_unknown():
    text = "I do not accept that the rent would prejudice anyone's commercial interests."
    assert _provisions(text, None) == [()]


def test_words_that_are_not_the_regimes_own_map_to_nothing():
    # the EIR protect "commercial or industrial information", not "commercial interests"
    assert described_mentions("It would not harm anyone's commercial interests.", "EIR") == []


def test_the_section_the_requester_cites_wins_over_its_description():
    text = "Section 43 does not apply: nothing here would prejudice commercial interests."
    assert _provisions(text, "FOIA") == [("s.43",)]


def test_the_requesters_own_personal_data_is_not_read_as_third_party_data():
    assert described_mentions("You have withheld my personal data from the file.", "FOIA") == []


def test_a_decision_named_by_its_words_gives_the_ground_after_it_its_provision():
    text = (
        "Dear Sir or Madam,\n\nI ask you to review the refusal of my request for the flood "
        "defence surveys as manifestly unreasonable. Only four surveys were made, so "
        "collecting them is no great burden.\n\nYours,\nH. Lyle\n"
    )
    grounds = read_grounds(text, "EIR")
    assert [(g.category, g.provisions) for g in grounds] == [
        ("cost_limit_disputed", ("reg.12(4)(b)",))
    ]
