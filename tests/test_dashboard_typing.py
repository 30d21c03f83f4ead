"""Free text is saved as it is typed, once the typing pauses: one audit row, not one per key.

A browser sends each keystroke to the kernel, where widget messages are handled
on the event loop; these tests set a box's value the same way inside a running
loop, then let the loop run past the pause.  The pages are given a short pause
(``PAUSE``) instead of the dashboard's, so the tests wait a tenth of a second, not
a second; the order of events on the loop is the same whatever the pause.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import ipywidgets as widgets
from review_page_fixtures import SEED_ID, one

from workbench.cases import load_case
from workbench.dashboard import debounce
from workbench.dashboard.case_view import CaseView
from workbench.dashboard.debounce import Debouncer
from workbench.dashboard.points_page import PointsPage
from workbench.dashboard.provisions_page import ProvisionsPage

SENTENCE = "No searches were described for Northamptonshire."
#: The pause the pages under test wait for (the dashboard's is ``TYPING_PAUSE``).
PAUSE = 0.05


def _keystrokes(box: widgets.Widget, text: str, every: int = 7) -> None:
    """Set ``box`` to growing prefixes of ``text``, as a browser sends them while typing."""
    for end in range(every, len(text), every):
        box.value = text[:end]
    box.value = text


def _in_the_kernel(steps: Callable[[], object]) -> None:
    """Run ``steps`` (an async function) on an event loop, as the kernel handles messages."""
    asyncio.run(steps())


def _reasons_edits(store) -> list[object]:
    return [e.new_value for e in store.audit(SEED_ID) if e.field_path == "points.1.reasons"]


def _reasons_box(page: PointsPage) -> widgets.Textarea:
    return one(one(page.widget, "wb-point-2"), "wb-point-reasons")


def test_typing_is_saved_once_when_it_pauses(session, store, messages):
    page = PointsPage(session, messages.guard, typing_pause=PAUSE)
    box = _reasons_box(page)

    async def steps() -> None:
        _keystrokes(box, SENTENCE)
        assert store.get(SEED_ID).points[1].reasons == ""  # still typing: nothing saved
        await asyncio.sleep(PAUSE * 2)

    _in_the_kernel(steps)
    assert store.get(SEED_ID).points[1].reasons == SENTENCE
    assert _reasons_edits(store) == [SENTENCE]  # one audit row, with the final text
    assert box.value == SENTENCE
    assert messages.texts == []


def test_each_pause_saves_what_is_there_then(session, store, messages):
    page = PointsPage(session, messages.guard, typing_pause=PAUSE)
    box = _reasons_box(page)

    async def steps() -> None:
        _keystrokes(box, "No searches")
        await asyncio.sleep(PAUSE * 2)
        _keystrokes(box, SENTENCE)
        await asyncio.sleep(PAUSE * 2)

    _in_the_kernel(steps)
    assert _reasons_edits(store) == ["No searches", SENTENCE]


def test_a_choice_made_before_the_pause_does_not_lose_the_text(session, store, messages):
    page = PointsPage(session, messages.guard, typing_pause=PAUSE)
    card = one(page.widget, "wb-point-2")
    box = _reasons_box(page)
    finding = one(card, "wb-point-finding")

    async def steps() -> None:
        _keystrokes(box, SENTENCE)
        finding.value = "incorrect"  # saved once the choosing pauses too
        assert box.value == SENTENCE
        await asyncio.sleep(PAUSE * 2)
        assert box.value == SENTENCE  # the page shows the saved review: the text is kept

    _in_the_kernel(steps)
    saved = store.get(SEED_ID).points[1]
    assert (saved.finding.value, saved.reasons) == ("incorrect", SENTENCE)
    assert _reasons_edits(store) == [SENTENCE]


def test_the_public_interest_is_saved_as_typed(session, store, messages):
    session.edit("provisions.-", {"provision_id": "s.43(2)", "points": ["2"]})
    page = ProvisionsPage(session, messages.guard, typing_pause=PAUSE)
    box = one(page.widget, "wb-pit-for-disclosure")
    assert box.continuous_update is True

    async def steps() -> None:
        _keystrokes(box, "Transparency about spending")
        await asyncio.sleep(PAUSE * 2)

    _in_the_kernel(steps)
    assert store.get(SEED_ID).provisions[1].public_interest.for_disclosure == (
        "Transparency about spending"
    )
    edits = [e for e in store.audit(SEED_ID) if "public_interest" in e.field_path]
    assert len(edits) == 1


def test_changing_tab_or_leaving_the_case_saves_the_text_at_once(seed_case, store, messages):
    view = CaseView(load_case(SEED_ID), lambda: None, messages.guard, store=store)

    async def steps() -> None:
        points = view.select("Request points")
        _keystrokes(_reasons_box(points), "Typed, then another tab")
        view.select("Searches")
        assert store.get(SEED_ID).points[1].reasons == "Typed, then another tab"

        points = view.select("Request points")
        _keystrokes(_reasons_box(points), "Typed, then back to cases")
        view.widget.children[0].click()  # "Back to cases"
        assert store.get(SEED_ID).points[1].reasons == "Typed, then back to cases"

    _in_the_kernel(steps)
    assert _reasons_edits(store) == ["Typed, then another tab", "Typed, then back to cases"]


def test_text_still_waiting_when_the_kernel_exits_is_saved(session, store, messages):
    page = PointsPage(session, messages.guard, typing_pause=PAUSE)
    box = _reasons_box(page)

    async def steps() -> None:
        _keystrokes(box, SENTENCE)
        debounce._flush_all()  # what the kernel runs as it exits (the page was closed)

    _in_the_kernel(steps)
    assert _reasons_edits(store) == [SENTENCE]


def test_without_an_event_loop_a_change_is_saved_at_once():
    saved = []
    later = Debouncer()
    later.schedule("box", lambda: saved.append("now"))
    assert saved == ["now"] and later.pending == 0
