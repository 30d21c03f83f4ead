"""The letter widget trusts only its own text: a choice from the page is checked, then cut."""

from __future__ import annotations

import pytest

from workbench.dashboard.document_view import DocumentView, highlights_for
from workbench.parsing.model import Evidence

TEXT = "Dear Ms Doe,\nYou asked for the minutes.\nWe do not hold them.\n"


def _view(used: list) -> DocumentView:
    return DocumentView(TEXT, "Request: the minutes", on_use=lambda *a: used.append(a))


def test_a_valid_choice_is_cut_from_the_servers_copy_trimmed_of_blank_space():
    used: list = []
    view = _view(used)
    start = TEXT.index("You asked") - 1  # the drag took in the line break before
    view._received(view, {"action": "text", "point": "1", "source": "response",
                          "start": start, "end": start + 28}, [])  # fmt: skip
    ((role, label, span),) = used
    assert (role, label) == ("text", "1")
    assert span == Evidence(quote="You asked for the minutes.", start=start + 1, end=start + 27)


@pytest.mark.parametrize(
    "content",
    [
        None,
        "text",
        {"action": "delete", "point": "1", "source": "response", "start": 0, "end": 4},
        {"action": "text", "point": 1, "source": "response", "start": 0, "end": 4},
        {"action": "text", "point": "1", "source": "elsewhere", "start": 0, "end": 4},
        {"action": "text", "point": "1", "source": "response", "start": 10, "end": 5},
        {"action": "text", "point": "1", "source": "response", "start": 0, "end": 9999},
        {"action": "text", "point": "1", "source": "response", "start": "0", "end": 4},
        {"action": "text", "point": "1", "source": "response", "start": 12, "end": 13},
    ],
)
def test_anything_else_from_the_page_is_ignored(content):
    used: list = []
    view = _view(used)
    view._received(view, content, [])
    assert used == []


def test_the_request_document_can_be_the_source():
    used: list = []
    view = _view(used)
    view._received(view, {"action": "text", "point": "2", "source": "request",
                          "start": 9, "end": 20}, [])  # fmt: skip
    assert used[0][2] == Evidence(quote="the minutes", start=9, end=20, source="request")


def test_highlights_mark_the_answer_and_where_the_request_text_came_from():
    answer = Evidence(quote="We do not hold them.", start=40, end=60)
    asked = Evidence(quote="the minutes", start=9, end=20, source="request")
    assert highlights_for([answer], asked) == [
        {"start": 40, "end": 60, "source": "response", "kind": "answer"},
        {"start": 9, "end": 20, "source": "request", "kind": "request"},
    ]


def test_the_script_ships_inside_the_package():
    from workbench.dashboard import document_view

    script = document_view.STATIC / "document_view.js"
    assert script.is_file() and "export default" in script.read_text()
    assert "http" not in script.read_text()  # no CDN: nothing is fetched from elsewhere
