"""A text cut off in mid-sentence (a page that stops short) states nothing in its last words."""

from __future__ import annotations

from workbench.grounds import read_grounds


def test_a_reason_cut_off_before_it_says_anything_is_no_ground():
    text = (
        "I ask you to reconsider the decision to charge a fee for my request, on the "
        "following grounds:\n"
        "1. The subject is being debated in the council chamber this month.\n"
        "2. I am a local resident and not a business.\n"
        "3. As far as I can tell the council's"
    )
    assert [g.category for g in read_grounds(text)] == ["fees", "fees"]


def test_a_last_reason_without_a_full_stop_is_still_read():
    text = (
        "I ask you to reconsider the decision to charge a fee for my request, on the "
        "following grounds:\n"
        "1. The subject is being debated in the council chamber this month.\n"
        "2. I am a local resident and not a business\n\n"
        "Regards\nM. Tan\n"
    )
    assert [g.category for g in read_grounds(text)] == ["fees", "fees"]
