"""The reviewer's corrections of three misread real letters, for every front end to replay.

Each folder of ``tests/files/misread/`` holds a letter, the corpus's hand-made reading
of it (``truth.json``) and the steps that take the first pass's reading there
(``correction.json``).  This module reads them and replays the steps through the
package's API (what the dashboard calls) or as ``workbench review`` command lines; the
browser test and the benchmark replay them by clicking (``tests/browser/correcting.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.reading import point_provisions
from workbench.review import Review
from workbench.service import ReviewSession

MISREAD = Path(__file__).resolve().parent / "files" / "misread"
LETTERS = ("real-004", "real-139", "real-111")


@dataclass(frozen=True)
class Correction:
    """One misread letter and the reviewer's steps to its hand-made reading."""

    name: str
    folder: Path
    steps: list[dict[str, Any]]
    truth: dict[str, Any]

    @property
    def response(self) -> Path:
        return self.folder / "response.txt"

    def truth_reading(self) -> list[tuple[str, str | None, list[str]]]:
        """(label, determination, provisions) of each point, as the corpus reads the letter."""
        return [
            (p["label"], p["determination"], list(p["provisions"])) for p in self.truth["points"]
        ]


def load(name: str) -> Correction:
    folder = MISREAD / name
    return Correction(
        name=name,
        folder=folder,
        steps=json.loads((folder / "correction.json").read_text(encoding="utf-8"))["steps"],
        truth=json.loads((folder / "truth.json").read_text(encoding="utf-8")),
    )


def request_text(quote: str) -> str:
    """A quote of the letter as a request text: its line breaks are the letter's layout."""
    return " ".join(quote.split())


def reading(review: Review) -> list[tuple[str, str | None, list[str]]]:
    """(label, determination, provisions) of each point of a review."""
    return [
        (
            point.label,
            point.determination.value if point.determination else None,
            point_provisions(review, point),
        )
        for point in review.points
    ]


def apply_with_session(session: ReviewSession, steps: list[dict[str, Any]]) -> Review:
    """Make each step through the session, as the dashboard does."""
    for step in steps:
        op = step["op"]
        if op == "delete":
            session.delete_point(step["label"])
        elif op == "relabel":
            session.relabel_point(step["label"], step["to"])
        elif op == "split":
            session.split_point(step["label"], step["into"])
        elif op == "merge":
            session.merge_points(step["first"], step["second"], step.get("label"))
        elif op == "text":
            session.set_point_text(step["label"], request_text(step["quote"]))
        elif op == "determination":
            session.set_point_determination(step["label"], step["value"])
        elif op == "provisions":
            session.set_point_provisions(step["label"], step["value"])
        elif op == "fact":
            session.set_fact(step["field"], step["value"])
        else:
            raise ValueError(f"unknown step {op!r}")
    return session.review


def cli_args(case_id: str, step: dict[str, Any]) -> list[str]:
    """The ``workbench`` command line that makes one step."""
    op = step["op"]
    point = ["review", "point"]
    if op == "delete":
        return [*point, "delete", case_id, step["label"]]
    if op == "relabel":
        return [*point, "set", case_id, step["label"], "--label", step["to"]]
    if op == "split":
        return [*point, "split", case_id, step["label"], "--into", step["into"]]
    if op == "merge":
        label = ["--label", step["label"]] if step.get("label") else []
        return [*point, "merge", case_id, step["first"], step["second"], *label]
    if op == "text":
        return [*point, "set", case_id, step["label"], "--text", request_text(step["quote"])]
    if op == "determination":
        return [*point, "set", case_id, step["label"], "--determination", step["value"]]
    if op == "provisions":
        return [*point, "set", case_id, step["label"], "--provisions", step["value"]]
    if op == "fact":
        return ["review", "set", case_id, step["field"], step["value"]]
    raise ValueError(f"unknown step {op!r}")
