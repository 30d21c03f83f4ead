"""A review request that states no ground gives an empty list, never an invented ground."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.evaluate import letter_text
from workbench.grounds import read_grounds

ROOT = Path(__file__).parent
FILES = ROOT / "files" / "grounds"


def test_a_request_for_review_with_no_reason_has_no_ground():
    # It even reports the refusal ("You refused the request under section 12"): reporting
    # the decision is not objecting to it.
    text = (FILES / "no_reason.txt").read_text(encoding="utf-8")
    assert read_grounds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        "Dear Sir,\n\nYours faithfully,\nA. Person",
        "Please review my request.",
        "Following my request, which was refused citing s.14 (vexatious), the notes below are"
        " sent to support an internal review request.",
    ],
)
def test_empty_or_furniture_only_text_has_no_ground(text):
    assert read_grounds(text) == []


def test_the_corpus_requests_annotated_without_grounds_get_none():
    empty = []
    for folder in ("dev", "synthetic"):
        for answer in sorted((ROOT / "review_requests" / folder).glob("*.json")):
            if json.loads(answer.read_text(encoding="utf-8"))["grounds"] == []:
                empty.append(answer.with_suffix(".txt"))
    assert empty, "the development data should hold a request with no ground"
    for path in empty:
        text = letter_text(path.read_text(encoding="utf-8"))
        assert read_grounds(text) == [], path.name
