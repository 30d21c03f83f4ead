"""Every control on every page has a name a screen reader reads out (WCAG 2.2, 4.1.2).

Checked on the widget tree of each tab of the seed case (whatever ``TABS`` lists,
so a page added later is checked too), with a provision whose public interest
test is shown, on the Cases page, and once the review is signed off.  The browser
test (``tests/browser/test_dashboard_accessibility.py``) checks the drawn page
with axe-core; this finds an unnamed control without a browser.
"""

from __future__ import annotations

from workbench.cases import load_case
from workbench.dashboard.a11y import unnamed_controls
from workbench.dashboard.case_view import TABS, CaseView
from workbench.dashboard.frame import Dashboard


def _unnamed(widget) -> list[str]:
    found = unnamed_controls(widget)
    return [f"{type(w).__name__} {getattr(w, 'placeholder', '')!r}" for w in found]


def test_every_control_of_every_tab_is_named(seed_case, store, messages):
    view = CaseView(load_case(seed_case.name), lambda: None, messages.guard, store=store)
    view.session.edit("provisions.-", {"provision_id": "s.43(2)", "points": ["2"]})
    for title, _module, _cls in TABS:
        page = view.select(title)
        assert page is not None
        assert _unnamed(page.widget) == [], title
    assert _unnamed(view.widget) == []


def test_every_control_is_named_once_signed_off(seed_case, store, messages):
    view = CaseView(load_case(seed_case.name), lambda: None, messages.guard, store=store)
    for index, _point in enumerate(view.session.review.points):
        view.session.edit(f"points.{index}.finding", "correct")
    view.session.edit("provisions.0.finding", "upheld")
    view.session.complete("A. Reviewer")
    for title, _module, _cls in TABS:
        assert _unnamed(view.select(title).widget) == [], title


def test_every_control_of_the_cases_page_is_named(seed_case):
    board = Dashboard()
    board.show_cases()
    assert _unnamed(board.widget) == []
