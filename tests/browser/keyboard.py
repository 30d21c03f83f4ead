"""Driving the dashboard with the keyboard alone, as a reviewer who cannot use a mouse.

:func:`tab_to` presses Tab (or Shift+Tab) until the element the keyboard is on
matches, noting at each stop how focus is shown (:func:`accessibility.focus_ring`),
so a test can assert that every stop is visible.
"""

from __future__ import annotations

from accessibility import FocusRing, focus_ring

#: Presses before giving up: more than any page of the dashboard has stops.
MAX_STOPS = 400


def tab_to(page, matches: str, stops: list[FocusRing], *, backwards: bool = False) -> None:
    """Press Tab until ``matches`` (a JavaScript predicate on the focused element) is true."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(MAX_STOPS):
        page.keyboard.press(key)
        ring = focus_ring(page)
        if ring is not None:
            stops.append(ring)
        if page.evaluate(f"(el => Boolean({matches}))(document.activeElement)"):
            return
    raise AssertionError(f"{MAX_STOPS} presses of {key} never reached {matches}")


def focused(page, matches: str) -> bool:
    return page.evaluate(f"(el => Boolean({matches}))(document.activeElement)")
