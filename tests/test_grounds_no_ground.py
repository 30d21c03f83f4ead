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


@pytest.mark.parametrize(
    "sentence",
    [
        # the time the authority has to answer this review, reminded: no complaint of delay
        "Under section 21(1) of FOISA you must respond to this review within 20 working days.",
        # background: the original request, and meetings "held" on a date (not information held)
        "I asked for the minutes of the board meetings held in 2023.",
        # the decision reported, a date or "In your response" first: not yet disputed
        "Your reply of 28 March refused the request under section 12.",
        "On 2 May you wrote to say that the information was exempt.",
        "In your response you said that disclosure would harm the contractor's interests.",
        # the requester's own lateness
        "Apologies for the delay in getting back to you.",
    ],
)
def test_the_requester_s_background_states_no_ground(sentence):
    text = f"Dear FOI Officer,\n\n{sentence}\n\nYours sincerely,\nA. Smith\n"
    assert read_grounds(text, "FOISA") == []


def test_what_was_set_aside_as_out_of_scope_reported_alone_is_no_ground():
    text = "You treated the emails as falling outside the scope of my request.\n"
    assert read_grounds(text, "FOISA") == []
