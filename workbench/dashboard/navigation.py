"""Moving between the dashboard's views: the case's tabs, and the browser's Back and Forward.

Two small `anywidget <https://anywidget.dev>`_ widgets, their JavaScript shipped in the
package (``static/``, no CDN):

* :class:`TabNav` is the row of tabs of an opened case, inside a ``<nav>`` landmark.  It
  follows the WAI-ARIA tabs pattern (a ``tablist`` of ``tab`` buttons, the chosen one
  ``aria-selected``; the arrow keys, Home and End move between them and Enter or Space
  chooses one) and has the same Python face as ``ipywidgets.Tab`` (``titles``,
  ``selected_index``).  ipywidgets' own tabs cannot be put in a landmark, and their
  inactive titles are grey on grey below the 4.5:1 contrast WCAG asks for.

  A chosen tab is only a request: the kernel builds the page and then says which tab's
  page the panel holds (``shown``).  Until it does, the panel is ``aria-busy``; if it has
  not said so after a few seconds, the page asks again with a message of its own
  (:meth:`TabNav.on_ask`), which is answered even when the kernel already has that tab
  selected.  So a choice that is lost on the way (a widget's change waits in the browser
  until the kernel has acknowledged the previous one, and a kernel that handles a message
  without that acknowledgement leaves it waiting for good) cannot leave the reviewer
  looking at the old page under the new tab.
* :class:`Location` ties the view shown to the page's address (``#case/<id>/<tab>``), so
  the browser's Back and Forward move between the cases list and a case's tabs instead of
  leaving the dashboard, and a reload or a copied address opens the same view.  What the
  page sends is untrusted (it is whatever is in the address bar): :func:`parse_view`
  reads it, and the frame opens only a case that exists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

import anywidget
import traitlets

STATIC = Path(__file__).parent / "static"

#: The address of the list of cases.
CASES_VIEW = "cases"


class TabNav(anywidget.AnyWidget):
    """The tabs of an opened case, as a ``<nav>`` holding a WAI-ARIA tab list."""

    _esm = STATIC / "navigation.js"
    _css = STATIC / "navigation.css"

    titles = traitlets.Tuple().tag(sync=True)
    selected_index = traitlets.Int(0).tag(sync=True)
    #: The navigation landmark's name, read out by screen readers.
    label = traitlets.Unicode("Steps of the review").tag(sync=True)
    #: The tab whose page the panel holds, set by the kernel once it is there (-1: none).
    shown = traitlets.Int(-1).tag(sync=True)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._askers: list[Callable[[int], object]] = []
        self.on_msg(self._message)

    def on_ask(self, callback: Callable[[int], object]) -> None:
        """Call ``callback(index)`` when the page asks again for tab ``index``'s page.

        The page asks when its choice got no answer (``shown``) in time, or when the
        reviewer chooses the selected tab again while its page is not the one shown.
        """
        self._askers.append(callback)

    def _message(self, _widget: object, content: object, _buffers: object) -> None:
        """``{"kind": "show", "index": n}`` from the page; anything else is ignored."""
        if not isinstance(content, dict) or content.get("kind") != "show":
            return
        index = content.get("index")
        if isinstance(index, bool) or not isinstance(index, int):
            return
        if not 0 <= index < len(self.titles):
            return
        for callback in self._askers:
            callback(index)

    @traitlets.validate("selected_index")
    def _valid_index(self, proposal: traitlets.Bunch) -> int:
        """A tab that exists (the page may send anything)."""
        index = proposal["value"]
        return index if 0 <= index < max(len(self.titles), 1) else self.selected_index


class Location(anywidget.AnyWidget):
    """The view shown, mirrored in the page's address and its history (nothing is drawn)."""

    _esm = STATIC / "location.js"

    #: ``"cases"`` or ``"case/<case id>/<tab slug>"``; "" until the frame has shown a view.
    view = traitlets.Unicode("").tag(sync=True)


@dataclass(frozen=True)
class View:
    """A view of the dashboard: the cases list (``case_id`` None) or one tab of a case."""

    case_id: str | None = None
    tab: str | None = None


def slug(title: str) -> str:
    """A tab title as the address writes it: ``Outcome and letter`` is ``outcome-and-letter``."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def view_address(view: View) -> str:
    """The address fragment (without ``#``) of a view."""
    if view.case_id is None:
        return CASES_VIEW
    return f"case/{quote(view.case_id, safe='')}/{slug(view.tab or '')}"


def parse_view(address: str, titles: list[str]) -> View | None:
    """The view an address names, or None when it names none.

    ``titles`` are the tabs' titles; an unknown tab gives the case's first tab.
    """
    address = address.strip().lstrip("#")
    if address == CASES_VIEW:
        return View()
    parts = address.split("/")
    if len(parts) not in (2, 3) or parts[0] != "case" or not parts[1]:
        return None
    case_id = unquote(parts[1])
    wanted = parts[2] if len(parts) == 3 else ""
    tab = next((title for title in titles if slug(title) == wanted), titles[0] if titles else None)
    return View(case_id=case_id, tab=tab)
