"""A numbered reason argued over several paragraphs is one ground (one ground per item)."""

from __future__ import annotations

from workbench.grounds import read_grounds

TEXT = """Dear Council,

Please conduct an internal review. My reasons are:

1. The exemption for commercial interests does not apply to the parking contract.

The contract ended in 2021 and the operator has since left the market, so no harm can follow.

2. You have not carried out the public interest test at all.

Nothing in your letter weighs the arguments for disclosure against those for withholding.

3. Part 4 of my request was not answered.

Kind regards,
T. Okafor
"""


def test_each_item_is_one_ground_however_many_paragraphs_argue_it():
    grounds = read_grounds(TEXT, "FOIA")
    assert [g.category for g in grounds] == ["exemption_disputed", "public_interest", "incomplete"]
    assert grounds[0].quote.startswith("1. The exemption")
    assert "no harm can follow" in grounds[0].quote
    assert grounds[1].quote.startswith("2. You have not carried out")


def test_a_paragraph_adding_a_point_under_an_item_is_a_ground_of_its_own():
    text = TEXT.replace(
        "The contract ended in 2021 and the operator has since left the market, so no harm "
        "can follow.",
        "Also, the council has published the same figures in its annual accounts.",
    )
    grounds = read_grounds(text, "FOIA")
    assert [g.category for g in grounds] == [
        "exemption_disputed",
        "exemption_disputed",
        "public_interest",
        "incomplete",
    ]
    assert grounds[1].quote.startswith("Also, the council has published")
