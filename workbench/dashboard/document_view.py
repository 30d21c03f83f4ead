"""A document beside the review: passages highlighted, a selection used for an item.

ipywidgets cannot read where the reviewer selected text in the page, so this one widget
is an `anywidget <https://anywidget.dev>`_ with its JavaScript shipped in the package
(``static/document_view.js``, no CDN).  On the Request points tab it shows the response
(or the request) with the current point's evidence highlighted; the reviewer selects
words and chooses "use as point N's request text" (or "... answer").  On the Grounds tab
it shows the review request with every ground highlighted, and a selection becomes a
ground's words or a new ground (:data:`GROUND_ACTIONS`).  The browser sends only the
offsets: the words are cut from the server's own copy of the document, so whatever the
page sends, only text that is really in the document can be saved, and an offset out of
range (or an action or document the view does not offer) is ignored.

Usage::

    view = DocumentView(response_text, request_text, on_use=lambda role, label, span: ...)
    view.show_point("3", [Evidence(...)], labels=["1", "2", "3"])
    grounds = DocumentView.for_review_request(text, on_use=...)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from ..parsing.model import Evidence

STATIC = Path(__file__).parent / "static"

#: The documents the view can show (``<source>_text`` holds each one's text).
SOURCES = ("response", "request", "review_request")

#: What a selection can be used for on the Request points tab: a point's request text (from
#: the response or the request), or its answer (in the response).  ``label`` and ``idle``
#: are the button's words with and without a chosen item; ``{item}`` is its label.
POINT_ACTIONS: tuple[dict[str, Any], ...] = (
    {
        "role": "text",
        "label": "Use as point {item}'s request text",
        "idle": "Use as the request text",
        "sources": ["response", "request"],
        "needs_item": True,
    },
    {
        "role": "answer",
        "label": "Use as point {item}'s answer",
        "idle": "Use as the answer",
        "sources": ["response"],
        "needs_item": True,
    },
)
#: On the Grounds tab: a ground's words, or a new ground.
GROUND_ACTIONS: tuple[dict[str, Any], ...] = (
    {
        "role": "quote",
        "label": "Use as ground {item}'s words",
        "idle": "Use as a ground's words",
        "sources": ["review_request"],
        "needs_item": True,
    },
    {
        "role": "new",
        "label": "Add as a new ground",
        "idle": "Add as a new ground",
        "sources": ["review_request"],
        "needs_item": False,
    },
)
#: The roles of the Request points tab (kept for callers that name them).
ROLES = tuple(action["role"] for action in POINT_ACTIONS)

OnUse = Callable[[str, str, Evidence], Any]


class DocumentView(anywidget.AnyWidget):
    """The response (and request) text with highlights, and a selection the reviewer uses."""

    _esm = STATIC / "document_view.js"
    _css = STATIC / "document_view.css"

    response_text = traitlets.Unicode("").tag(sync=True)
    request_text = traitlets.Unicode("").tag(sync=True)
    review_request_text = traitlets.Unicode("").tag(sync=True)
    #: The documents the reviewer can switch between (those with text), the first shown.
    documents = traitlets.List(traitlets.Unicode(), ["response", "request"]).tag(sync=True)
    #: Which document is shown: one of :data:`SOURCES`.
    source = traitlets.Unicode("response").tag(sync=True)
    #: Spans to mark: ``{"start", "end", "source", "kind"}``; kind ``answer`` or ``request``
    #: (a point's), ``ground`` or ``current`` (the grounds, the chosen one); ``title`` optional.
    highlights = traitlets.List(traitlets.Dict()).tag(sync=True)
    #: The labels of the items the reviewer can choose from (points, grounds), the one chosen,
    #: and what an item is called.
    points = traitlets.List(traitlets.Unicode()).tag(sync=True)
    current = traitlets.Unicode("").tag(sync=True)
    noun = traitlets.Unicode("point").tag(sync=True)
    #: What a selection can be used for (:data:`POINT_ACTIONS`, :data:`GROUND_ACTIONS`).
    actions = traitlets.List(traitlets.Dict(), list(POINT_ACTIONS)).tag(sync=True)

    def __init__(
        self, response_text: str, request_text: str = "", *, on_use: OnUse, **kwargs: Any
    ) -> None:
        super().__init__(response_text=response_text, request_text=request_text, **kwargs)
        self._on_use = on_use
        self.on_msg(self._received)

    @classmethod
    def for_review_request(cls, text: str, *, on_use: OnUse) -> DocumentView:
        """The review request with its grounds marked; a selection is a ground's words."""
        return cls(
            "",
            review_request_text=text,
            documents=["review_request"],
            source="review_request",
            noun="ground",
            actions=list(GROUND_ACTIONS),
            on_use=on_use,
        )

    def show_point(self, label: str, highlights: Sequence[dict[str, Any]], labels: Sequence[str]):
        """Make ``label`` the point the selection is for, with its passages highlighted."""
        self.points = list(labels)
        self.current = label
        self.highlights = list(highlights)
        shown = [h for h in highlights if h.get("source") in SOURCES]
        if shown and not any(h["source"] == self.source for h in shown):
            self.source = shown[0]["source"]

    def document(self, source: str) -> str:
        return {
            "request": self.request_text,
            "review_request": self.review_request_text,
        }.get(source, self.response_text)

    def _received(self, _widget: Any, content: Any, _buffers: Any) -> None:
        """A choice made in the page; anything malformed is ignored (it came from a browser)."""
        span = self.read_choice(content)
        if span is not None:
            role, label, evidence = span
            self._on_use(role, label, evidence)

    def read_choice(self, content: Any) -> tuple[str, str, Evidence] | None:
        """``(role, item label, the selected span)`` from a message, or None if invalid."""
        if not isinstance(content, dict):
            return None
        role, label, source = content.get("action"), content.get("point"), content.get("source")
        start, end = content.get("start"), content.get("end")
        action = next((a for a in self.actions if a.get("role") == role), None)
        if action is None or source not in SOURCES or source not in self.documents:
            return None
        if source not in action.get("sources", SOURCES) or not isinstance(label, str):
            return None
        if action.get("needs_item", True) and not label:
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
