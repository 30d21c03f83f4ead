"""Objections written in capitals are read as they would be in ordinary case.

Some requesters write their whole review request in capitals. Nothing in reading a
ground may depend on the case: the cues, the sentences and the quotation set aside.
"""

from __future__ import annotations

from workbench.grounds import read_grounds

TEXT = (
    "Dear Sir\n\n"
    "PLEASE CHECK YOUR ANSWER TO QUESTION 4 AGAIN AND TELL ME WHY IT IS NOT IN THE PUBLIC "
    "INTEREST THAT YOU PUBLISH THE PLANS FOR THE NEW DEPOT. THE CODE OF PRACTICE READS \u201cAN "
    "AUTHORITY MUST EXPLAIN WHY THE BALANCE OF THE PUBLIC INTEREST FAVOURS WITHHOLDING THE "
    "INFORMATION IN EACH CASE.\u201d IT IS IN THE PUBLIC INTEREST THAT\n"
    "RESIDENTS SEE THESE PLANS BEFORE THE COMMITTEE DECIDES ON THEM.\n\n"
    "Regards\nJ. Pryce\n"
)


def test_objections_in_capitals_are_read_as_grounds():
    grounds = read_grounds(TEXT)
    assert [g.category for g in grounds] == ["public_interest", "public_interest"]
    assert grounds[0].quote.startswith("PLEASE CHECK YOUR ANSWER")
    # the line in capitals that ends mid-sentence carries on into the next
    assert grounds[1].quote.endswith(
        "IT IS IN THE PUBLIC INTEREST THAT\nRESIDENTS SEE THESE PLANS BEFORE THE COMMITTEE "
        "DECIDES ON THEM."
    )
