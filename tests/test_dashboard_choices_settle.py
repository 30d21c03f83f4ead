"""Arrowing through a dropdown saves only the option it stops at.

In a browser, ArrowDown on a closed dropdown changes its value at each press, so
the kernel is sent every option passed on the way.  The page saves a choice once
the choosing pauses (as it saves typing), so one audit row records the choice
made, not each option passed.
"""

from __future__ import annotations

import asyncio

from review_page_fixtures import SEED_ID, one

from workbench.dashboard.points_page import PointsPage

PAUSE = 0.05


def test_arrowing_through_the_options_saves_and_audits_only_the_last(session, store, messages):
    page = PointsPage(session, messages.guard, typing_pause=PAUSE)
    finding = one(one(page.widget, "wb-point-2"), "wb-point-finding")

    async def arrow_down_three_times() -> None:
        for option in ("correct", "incorrect", "partly_correct"):
            finding.value = option
        assert store.get(SEED_ID).points[1].finding is None  # still choosing: nothing saved
        await asyncio.sleep(PAUSE * 3)

    asyncio.run(arrow_down_three_times())
    assert store.get(SEED_ID).points[1].finding.value == "partly_correct"
    edits = [e.new_value for e in store.audit(SEED_ID) if e.field_path == "points.1.finding"]
    assert edits == ["partly_correct"]
    assert finding.value == "partly_correct"
    assert messages.texts == []
