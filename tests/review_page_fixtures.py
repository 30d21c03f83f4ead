"""Helpers for widget-level tests of the review pages (no browser, no server).

A test builds a page on a :class:`ReviewSession` over a temporary store, finds
widgets by the CSS classes the page gives them, sets their values as a
reviewer's browser would, and then reads the store.

The fixtures (``store``, ``session``, ``messages``) reach every test through
``pytest_plugins`` in ``tests/conftest.py``; import the helpers by name.
"""

from __future__ import annotations

from collections.abc import Iterator

import ipywidgets as widgets
import pytest

from workbench.dashboard.messages import Messages
from workbench.service import ReviewSession
from workbench.store import Store

SEED_ID = "IC-266000-V6Y0"


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store(tmp_path / "review.db") as opened:
        yield opened


@pytest.fixture
def session(seed_case, store) -> ReviewSession:
    return ReviewSession.open(SEED_ID, store=store)


@pytest.fixture
def messages() -> Messages:
    return Messages()


def walk(root: widgets.Widget) -> Iterator[widgets.Widget]:
    """Every widget under ``root`` (itself included), in page order."""
    yield root
    for child in getattr(root, "children", ()):
        yield from walk(child)


def all_with(root: widgets.Widget, css: str) -> list[widgets.Widget]:
    return [w for w in walk(root) if css in getattr(w, "_dom_classes", ())]


def one(root: widgets.Widget, css: str) -> widgets.Widget:
    found = all_with(root, css)
    assert len(found) == 1, f"{len(found)} widgets with class {css}"
    return found[0]


def of_type(root: widgets.Widget, kind: type) -> list[widgets.Widget]:
    return [w for w in walk(root) if isinstance(w, kind)]


def page_text(root: widgets.Widget) -> str:
    """The HTML and labels under ``root``, joined (what a reader of the page sees)."""
    parts = []
    for w in walk(root):
        if isinstance(w, widgets.HTML | widgets.Label):
            parts.append(w.value)
        elif isinstance(w, widgets.Checkbox | widgets.Button):
            parts.append(w.description)
    return "\n".join(parts)


def button(root: widgets.Widget, description: str) -> widgets.Button:
    (found,) = [b for b in of_type(root, widgets.Button) if b.description == description]
    return found


def audit_rows(store: Store) -> list[tuple[str, str, object]]:
    return [(e.action, e.field_path, e.new_value) for e in store.audit(SEED_ID)]
