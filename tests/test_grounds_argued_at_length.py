"""A ground argued over several paragraphs is one ground, not one per paragraph.

The corpus's conventions: "supporting argument for a ground (facts, guidance quoted,
tone) is not split out". Paragraphs that only argue the subject of the ground stated just
before them (the guidance, the officers' roles, the harm claimed) support it.
"""

from __future__ import annotations

from pathlib import Path

from workbench.grounds import read_grounds

FILES = Path(__file__).parent / "files" / "grounds"


def test_two_statements_joined_by_and_are_two_grounds():
    text = (
        "I would ask you to review it because I think the exemption has not been applied "
        "properly and the public interest test was never carried out."
    )
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["exemption_disputed", "public_interest"]
    assert grounds[1].quote.startswith("the public interest test")


def test_paragraphs_arguing_the_ground_just_stated_are_not_grounds_of_their_own():
    text = (FILES / "argued_at_length.txt").read_text(encoding="utf-8")
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["exemption_disputed", "public_interest"]
    assert "contractors" not in " ".join(g.quote for g in grounds)


def test_a_paragraph_about_another_subject_is_still_read():
    text = (
        "I think the exemption has not been applied properly.\n\n"
        "The guidance says any inhibition must be substantial.\n\n"
        "Your search only covered one mailbox.\n"
    )
    categories = [g.category for g in read_grounds(text)]
    assert categories == ["exemption_disputed", "searches_inadequate"]


def test_a_ground_said_again_weakly_in_later_paragraphs_is_still_one_ground():
    # "It is not realistic to believe nobody ..." and "I am now asking for these further
    # emails" two paragraphs on argue the ground stated first; the "also" paragraph is new
    text = (FILES / "argued_again.txt").read_text(encoding="utf-8")
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["more_information_held", "public_interest"]
    assert grounds[0].quote.startswith("It is obvious that the board has not released")


def test_a_paragraph_opening_with_nor_is_another_ground_of_the_same_kind():
    text = (
        "You refused my request as vexatious. It is not vexatious: I have made one request.\n\n"
        "Nor is this a repeated request, as the earlier one was about another year."
    )
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["vexatious_disputed", "vexatious_disputed"]


def test_a_later_paragraph_citing_a_new_provision_is_a_ground_of_its_own():
    text = (
        "I do not accept that the exception for commercial confidentiality applies.\n\n"
        "Much of this is information on emissions, and regulation 10(6) says that exception "
        "cannot be used for it.\n"
    )
    grounds = read_grounds(text, "EISR")
    assert [g.category for g in grounds] == ["exemption_disputed", "exemption_disputed"]
    assert grounds[1].provisions == ("eisr.reg.10(6)",)


def test_a_ground_said_again_weakly_runs_on_over_the_paragraph_that_says_it_again():
    grounds = read_grounds((FILES / "argued_again.txt").read_text(encoding="utf-8"))
    assert "nobody discussed this in writing" in grounds[0].quote


def test_a_paragraph_arguing_the_ground_just_stated_is_part_of_its_passage():
    text = (
        "Your reply withheld the tender scores under section 43 because releasing them would "
        "harm the bidders. However, the council published the scores for the previous round.\n\n"
        "It cannot be that the exemption covers one round of bidding only.\n\n"
        "Regards,\nJ. Amos\n"
    )
    grounds = read_grounds(text, "FOIA")
    assert [g.category for g in grounds] == ["exemption_disputed"]
    assert "It cannot be that the exemption covers" in grounds[0].quote


def test_a_concession_in_passing_is_no_complaint():
    text = (
        "Your finance team sent me the 2022 figures, albeit with some names blacked out, "
        "so the 2023 figures cannot be exempt.\n"
    )
    assert [g.category for g in read_grounds(text, "FOIA")] == ["exemption_disputed"]
