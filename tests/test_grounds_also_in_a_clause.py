""" "Also" inside a sentence adds to its argument; it adds a point after a subject that acts.

"No publication date was given and the summary has also been promised for over a year, so
the exemption cannot be relied on." is one objection; "..., and I also believe more minutes
are held" adds another.
"""

from __future__ import annotations

from workbench.grounds import read_grounds

TEXT = """Dear Records Team,

I am writing to request an internal review of your response about the library closures.

Your reply said the consultation summary is exempt under section 22 because it will be \
published. No publication date was given and the summary has also been promised for over a \
year, so the exemption cannot be relied on.

I also believe more minutes are held than the two you sent, as the committee met monthly.

Yours faithfully,
P. Ruddock
"""


def test_also_after_a_noun_in_a_clause_does_not_split_the_ground():
    grounds = read_grounds(TEXT, "FOIA")
    assert [g.category for g in grounds] == ["exemption_disputed", "more_information_held"]
    assert "promised for over a year" in grounds[0].quote


def test_also_after_the_requester_in_a_clause_still_adds_a_point():
    text = (
        "The exemption in section 22 cannot apply because no publication date was given, "
        "and I also believe that more minutes are held than the two you sent."
    )
    categories = [g.category for g in read_grounds(text, "FOIA")]
    assert categories == ["exemption_disputed", "more_information_held"]
