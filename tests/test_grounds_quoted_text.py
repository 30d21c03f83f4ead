"""Words the requester quotes from others (guidance, the authority's reply) are not grounds."""

from __future__ import annotations

from pathlib import Path

from workbench.grounds import read_grounds

FILES = Path(__file__).parent / "files" / "grounds"


def _grounds():
    return read_grounds((FILES / "quoted_reply.txt").read_text(encoding="utf-8"))


def test_the_authority_reply_quoted_below_an_email_is_not_read():
    text = (FILES / "quoted_reply.txt").read_text(encoding="utf-8")
    reply = text.index("On 12 May 2024")
    assert all(g.end <= reply for g in _grounds())
    assert all(g.category != "vexatious_disputed" for g in _grounds())


def test_guidance_quoted_in_support_is_not_a_ground_of_its_own():
    grounds = _grounds()
    assert len(grounds) == 1
    assert grounds[0].category == "exemption_disputed"
    assert grounds[0].quote.startswith("But the page you linked to")


def test_a_requester_s_words_published_in_quotation_marks_are_read():
    # an authority publishing a review quotes the requester's paragraph whole: those are the
    # requester's own words, not someone else's quoted in support
    text = (
        "“Now that the tender has been awarded, please send me the evaluation report "
        "without the redactions.”\n\n"
        "“The scheme is paid for from public funds, so why is there such a lack of "
        "transparency about how the winner was chosen?”\n"
    )
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["exemption_disputed", "public_interest"]


def test_guidance_introduced_by_the_requester_is_still_someone_else_s_words():
    text = (
        "The exemption has not been applied correctly.\n\n"
        "The Commissioner's guidance states:\n"
        "“The public interest test has not been carried out if the authority only lists "
        "the factors against disclosure.”\n"
    )
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["exemption_disputed"]


def test_a_quoted_paragraph_after_the_requester_s_own_words_is_someone_else_s():
    text = (
        "I am writing to ask for a review.\n\n"
        "You said in your response\n\n"
        "“The public interest test has not been carried out because the information is "
        "exempt in its entirety.”\n"
    )
    assert read_grounds(text, "FOIA") == []


def test_a_reply_pasted_with_only_its_closing_quotation_mark_is_not_read():
    text = (
        "Dear Information Officer,\n\n"
        "I received your letter of 3 May stating that:\n\n"
        "Finding every survey would exceed the appropriate limit of £450, so we will not "
        'search the archive for the older ones."\n\n'
        "I ask for a review. The survey's findings are already in the public domain, so "
        "releasing it could not inhibit anyone.\n\n"
        "Yours faithfully,\nE. Novak\n"
    )
    grounds = read_grounds(text, "FOIA")
    assert [g.category for g in grounds] == ["exemption_disputed"]
    assert grounds[0].quote.startswith("The survey's findings are already in the public domain")


def test_guidance_quoted_inside_the_requester_s_sentence_is_their_argument():
    # the words quoted are the Commissioner's, adopted by the requester as the ground itself
    text = (
        "Dear Sir,\n\nI would remind you that the Commissioner's guidance says that where there "
        "is a “reasonable "
        "suspicion of wrongdoing, there may be a strong public interest in disclosure”. The "
        "auditors found serious failings in this contract last year.\n\nRegards,\nP. Shah\n"
    )
    assert [g.category for g in read_grounds(text, "FOIA")] == ["public_interest"]
