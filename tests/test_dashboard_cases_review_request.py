"""The Cases page's form takes the review request too: a file chosen, or the email pasted in."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from grounds_fixtures import SEARCHES_AND_DELAY

from workbench.dashboard.frame import Dashboard

ROOT = Path(__file__).resolve().parent.parent
UPLOAD = ROOT / "tests" / "files" / "upload_case"
SEED = ROOT / "workbench" / "seed" / "IC-266000-V6Y0"


def _choose(board: Dashboard, kind: str, path: Path) -> None:
    content = path.read_bytes()
    board.cases_page.upload.pickers[kind].set_state(
        {"value": [{"name": path.name, "type": "", "size": len(content),
                    "content": memoryview(content), "last_modified": 1_700_000_000_000}]}
    )  # fmt: skip


@pytest.fixture
def board(isolated_data) -> Dashboard:
    shutil.copytree(SEED, isolated_data / "cases" / SEED.name)
    board = Dashboard()
    board.show_cases()
    return board


def _meta(isolated_data) -> dict:
    return json.loads((isolated_data / "cases" / "FOI-2024-0193" / "case.json").read_text())


def test_a_chosen_review_request_is_kept_with_the_new_case(board, isolated_data):
    _choose(board, "response", UPLOAD / "response.txt")
    _choose(board, "review_request", SEARCHES_AND_DELAY)
    board.cases_page.upload.create_button.click()
    assert _meta(isolated_data)["original_filenames"]["review_request"] == "syn-102.txt"


def test_a_pasted_review_request_is_kept_as_text_and_the_box_emptied(board, isolated_data):
    _choose(board, "response", UPLOAD / "response.txt")
    board.cases_page.upload.pasted.value = SEARCHES_AND_DELAY.read_text()
    board.cases_page.upload.create_button.click()
    folder = isolated_data / "cases" / "FOI-2024-0193"
    assert _meta(isolated_data)["documents"]["review_request"] == "review_request.txt"
    assert "31 working days" in (folder / "review_request.txt").read_text()
    assert board.cases_page.upload.pasted.value == ""


def test_a_file_and_pasted_text_together_are_refused(board, isolated_data):
    _choose(board, "response", UPLOAD / "response.txt")
    _choose(board, "review_request", SEARCHES_AND_DELAY)
    board.cases_page.upload.pasted.value = "Also this."
    board.cases_page.upload.create_button.click()
    (shown,) = board.messages.texts
    assert "as a file or paste it, not both" in shown
    assert not (isolated_data / "cases" / "FOI-2024-0193").exists()
