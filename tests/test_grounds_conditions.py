"""A condition the requester puts is no complaint about what happened.

"I am entitled to ask for a review should the response I receive be incomplete" says what
might happen; it does not say this response was incomplete. A condition put by inversion
("should the ... be") is left out of what the cues read, as quotations are.
"""

from __future__ import annotations

from workbench.grounds import read_grounds
from workbench.grounds.structure import read_structure


def test_a_condition_states_no_ground():
    text = (
        "Dear Sir,\n\n"
        "Replying quickly is not vexatious. I am entitled to ask questions or seek a review "
        "should the response I receive be unclear or incomplete.\n"
    )
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["vexatious_disputed"]
    assert grounds[0].quote.endswith("unclear or incomplete.")


def test_the_condition_is_blanked_only_in_the_copy_the_cues_read():
    text = "I may ask again should the reply be incomplete. The reply was incomplete."
    structure = read_structure(text)
    assert "incomplete" not in structure.masked[: text.index(".")]
    assert structure.masked.endswith("The reply was incomplete.")
    assert structure.text == text


def test_should_have_is_still_an_objection():
    text = "Dear Sir,\n\nThe minutes should have been released in full: none of it is exempt.\n"
    assert read_grounds(text) != []
