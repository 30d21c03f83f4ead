"""The review request view offers a ground's words and a new ground, and nothing else."""

from __future__ import annotations

from workbench.dashboard.document_view import DocumentView
from workbench.parsing.model import Evidence

TEXT = "Dear FOI team,\nYour response took 31 working days.\nRegards"


def _view(used: list) -> DocumentView:
    return DocumentView.for_review_request(TEXT, on_use=lambda *a: used.append(a))


def test_a_selection_becomes_a_grounds_words_or_a_new_ground():
    used: list = []
    view = _view(used)
    start = TEXT.index("Your")
    view._received(view, {"action": "quote", "point": "g1", "source": "review_request",
                          "start": start, "end": start + 35}, [])  # fmt: skip
    view._received(view, {"action": "new", "point": "", "source": "review_request",
                          "start": start, "end": start + 35}, [])  # fmt: skip
    words = Evidence(quote=TEXT[start : start + 35], start=start, end=start + 35,
                     source="review_request")  # fmt: skip
    assert used == [("quote", "g1", words), ("new", "", words)]
    assert (view.noun, view.documents, view.source) == (
        "ground",
        ["review_request"],
        "review_request",
    )


def test_what_the_view_does_not_offer_is_ignored():
    used: list = []
    view = _view(used)
    for content in (
        {"action": "text", "point": "g1", "source": "review_request", "start": 0, "end": 4},
        {"action": "quote", "point": "", "source": "review_request", "start": 0, "end": 4},
        {"action": "quote", "point": "g1", "source": "response", "start": 0, "end": 4},
        {"action": "new", "point": "", "source": "review_request", "start": 0, "end": 999},
    ):
        view._received(view, content, [])
    assert used == []
