"""The letter beside the review: a point's evidence highlighted, a selection used as its text.

ipywidgets cannot read where the reviewer selected text in the page, so this one widget
is an `anywidget <https://anywidget.dev>`_ with its JavaScript shipped in the package
(``static/document_view.js``, no CDN).  It shows the response (or the request) with
the current point's evidence highlighted; the reviewer selects words and chooses "use
as point N's request text" (or "... answer").  The browser sends only the offsets: the
words are cut from the server's own copy of the document, so whatever the page sends,
only text that is really in the letter can be saved, and an offset out of range is
ignored.

Usage::

    view = DocumentView(response_text, request_text, on_use=lambda role, label, span: ...)
    view.show_point("3", [Evidence(...)], labels=["1", "2", "3"])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from ..parsing.model import Evidence

STATIC = Path(__file__).parent / "static"

#: What a selection can be used as: the point's request text, or its answer (evidence).
ROLES = ("text", "answer")
SOURCES = ("response", "request")

OnUse = Callable[[str, str, Evidence], Any]


class DocumentView(anywidget.AnyWidget):
    """The response (and request) text with highlights, and a selection the reviewer uses."""

    _esm = STATIC / "document_view.js"
    _css = STATIC / "document_view.css"

    response_text = traitlets.Unicode("").tag(sync=True)
    request_text = traitlets.Unicode("").tag(sync=True)
    #: Which document is shown: ``"response"`` or ``"request"``.
    source = traitlets.Unicode("response").tag(sync=True)
    #: Spans to mark: ``{"start", "end", "source", "kind"}`` (kind ``answer`` or ``request``).
    highlights = traitlets.List(traitlets.Dict()).tag(sync=True)
    #: The point labels the reviewer can choose from, and the one chosen.
    points = traitlets.List(traitlets.Unicode()).tag(sync=True)
    current = traitlets.Unicode("").tag(sync=True)

    def __init__(
        self, response_text: str, request_text: str = "", *, on_use: OnUse, **kwargs: Any
    ) -> None:
        super().__init__(response_text=response_text, request_text=request_text, **kwargs)
        self._on_use = on_use
        self.on_msg(self._received)

    def show_point(self, label: str, highlights: Sequence[dict[str, Any]], labels: Sequence[str]):
        """Make ``label`` the point the selection is for, with its passages highlighted."""
        self.points = list(labels)
        self.current = label
        self.highlights = list(highlights)
        shown = [h for h in highlights if h.get("source") in SOURCES]
        if shown and not any(h["source"] == self.source for h in shown):
            self.source = shown[0]["source"]

    def document(self, source: str) -> str:
        return self.request_text if source == "request" else self.response_text

    def _received(self, _widget: Any, content: Any, _buffers: Any) -> None:
        """A choice made in the page; anything malformed is ignored (it came from a browser)."""
        span = self.read_choice(content)
        if span is not None:
            role, label, evidence = span
            self._on_use(role, label, evidence)

    def read_choice(self, content: Any) -> tuple[str, str, Evidence] | None:
        """``(role, point label, the selected span)`` from a message, or None if invalid."""
        if not isinstance(content, dict):
            return None
        role, label, source = content.get("action"), content.get("point"), content.get("source")
        start, end = content.get("start"), content.get("end")
        if role not in ROLES or source not in SOURCES or not isinstance(label, str):
            return None
        if not (isinstance(start, int) and isinstance(end, int)):
            return None
        text = self.document(source)
        if not 0 <= start < end <= len(text):
            return None
        words = text[start:end]
        # Trim the blank space a drag usually takes in, keeping the offsets true.
        lead = len(words) - len(words.lstrip())
        trail = len(words) - len(words.rstrip())
        start, end = start + lead, end - trail
        if start >= end:
            return None
        return role, label, Evidence(quote=text[start:end], start=start, end=end, source=source)


def highlights_for(evidence: Sequence[Evidence], text_source: Evidence | None) -> list[dict]:
    """The spans to mark for one point: its answer, and where its request text came from."""
    marks = [
        {"start": e.start, "end": e.end, "source": e.source, "kind": "answer"} for e in evidence
    ]
    if text_source is not None:
        marks.append(
            {
                "start": text_source.start,
                "end": text_source.end,
                "source": text_source.source,
                "kind": "request",
            }
        )
    return marks
