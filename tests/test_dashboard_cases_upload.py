"""Creating a case on the Cases page by uploading its documents.

The files are put into the ``FileUpload`` widgets the way the browser sends
them (``set_state``), so the widget's own deserialising is exercised too.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import docx
import pytest

from workbench.dashboard.frame import Dashboard

ROOT = Path(__file__).resolve().parent.parent
FILES = ROOT / "tests" / "files"
UPLOAD = FILES / "upload_case"
SEED = ROOT / "workbench" / "seed" / "IC-266000-V6Y0"


def _choose(board: Dashboard, kind: str, name: str, content: bytes) -> None:
    """What the browser does when the reviewer picks a file."""
    picker = board.cases_page.upload.pickers[kind]
    picker.set_state(
        {
            "value": [
                {
                    "name": name,
                    "type": "",
                    "size": len(content),
                    "content": memoryview(content),
                    "last_modified": 1_700_000_000_000,
                }
            ]
        }
    )


def _choose_file(board: Dashboard, kind: str, path: Path) -> None:
    _choose(board, kind, path.name, path.read_bytes())


def _create(board: Dashboard) -> None:
    board.cases_page.upload.create_button.click()


def _listed(board: Dashboard) -> list[str]:
    return [row.case_id for row in board.cases_page.listed]


def _case_folders(cases: Path) -> list[str]:
    return sorted(p.name for p in cases.iterdir())


@pytest.fixture
def board(isolated_data) -> Dashboard:
    shutil.copytree(SEED, isolated_data / "cases" / SEED.name)
    board = Dashboard()
    board.show_cases()
    return board


def test_uploading_a_response_request_and_search_record_creates_and_lists_the_case(
    board, isolated_data
):
    _choose_file(board, "response", UPLOAD / "response.txt")
    _choose_file(board, "request", UPLOAD / "request.txt")
    _choose_file(board, "searches", UPLOAD / "searches.csv")
    assert board.cases_page.upload.chosen["searches"].value.startswith("searches.csv (")
    _create(board)

    (shown,) = board.messages.texts
    assert "Case FOI-2024-0193 was created" in shown and "wb-info" in shown
    assert _listed(board) == ["FOI-2024-0193", "IC-266000-V6Y0"]
    (new_row,) = [r for r in board.cases_page.rows.children if "wb-new-case" in r._dom_classes]
    assert [cell.value for cell in new_row.children[:4]] == [
        "FOI-2024-0193",
        "FOI-2024-0193",
        "FOIA",
        "Not started",
    ]
    folder = isolated_data / "cases" / "FOI-2024-0193"
    meta = json.loads((folder / "case.json").read_text())
    assert meta["date_received"] == "2024-03-04"
    assert meta["original_filenames"] == {
        "response": "response.txt",
        "request": "request.txt",
        "searches": "searches.csv",
    }
    assert (folder / "searches.csv").read_bytes() == (UPLOAD / "searches.csv").read_bytes()
    # The form is emptied for the next case.
    assert all(p.value == () for p in board.cases_page.upload.pickers.values())


def test_a_new_case_opens_from_the_list(board):
    _choose_file(board, "response", UPLOAD / "response.txt")
    _create(board)
    opened = []
    board.cases_page._on_open = opened.append
    (row,) = [r for r in board.cases_page.rows.children if "wb-new-case" in r._dom_classes]
    row.children[-1].click()
    assert opened == ["FOI-2024-0193"]


def test_a_word_response_is_accepted(board, isolated_data):
    document = docx.Document()
    for line in (UPLOAD / "response.txt").read_text().splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    _choose(board, "response", "Response letter.docx", buffer.getvalue())
    _create(board)
    assert "FOI-2024-0193" in _listed(board)
    folder = isolated_data / "cases" / "FOI-2024-0193"
    assert (folder / "response.docx").is_file()


def test_the_size_limit_is_shown_next_to_the_file_pickers(board):
    note = board.cases_page.upload.limit_note.value
    assert "Each file may be up to 20 MB" in note
    # The server's websocket limit is twice the upload limit plus 1 MB.
    assert "Files over 41 MB cannot be sent" in note


def test_a_file_over_the_limit_is_refused_when_chosen_and_nothing_is_written(
    board, isolated_data, monkeypatch
):
    monkeypatch.setenv("WORKBENCH_MAX_UPLOAD_MB", "0.001")  # 1,048 bytes; the letter is 1,390
    board = Dashboard()
    board.show_cases()
    assert "Each file may be up to 1 KB" in board.cases_page.upload.limit_note.value
    _choose_file(board, "response", UPLOAD / "response.txt")
    (shown,) = board.messages.texts
    assert "Response: response.txt is 1.4 KB, over the 1 KB limit" in shown
    assert board.cases_page.upload.chosen["response"].value == "response.txt: refused"
    _choose(board, "searches", "searches.csv", b"where,terms\n" + b"x,y\n" * 300)
    assert "searches.csv is 1.2 KB, over the 1 KB limit" in board.messages.texts[0]

    _create(board)
    texts = " ".join(board.messages.texts)
    assert "response.txt is 1.4 KB" in texts and "searches.csv is 1.2 KB" in texts
    assert _case_folders(isolated_data / "cases") == ["IC-266000-V6Y0"]


@pytest.mark.parametrize(
    ("kind", "name", "content", "expected"),
    [
        ("response", "letter.rtf", b"{\\rtf1 hello}", "letter.rtf is a .rtf file"),
        ("response", "letter", b"hello", "letter has no file extension"),
        ("response", "letter.docx", b"PK\x03\x04 not really", "not a valid Word document"),
        ("response", "letter.pdf", b"%PDF-1.4 broken", "not a valid PDF"),
        ("response", "empty.txt", b"", "empty.txt is empty"),
        ("searches", "searches.txt", b"where,terms\n", "must be a .csv or .xlsx file"),
        ("searches", "searches.xlsx", b"not a workbook", "searches.xlsx: not a valid Excel"),
        ("searches", "searches.csv", b"a,b\n1,2\n", "searches.csv: a search record needs"),
    ],
)
def test_a_file_of_the_wrong_type_or_corrupt_is_refused_with_its_name(
    board, isolated_data, kind, name, content, expected
):
    if kind != "response":
        _choose_file(board, "response", UPLOAD / "response.txt")
    _choose(board, kind, name, content)
    _create(board)
    texts = " ".join(board.messages.texts)
    assert expected in texts
    assert "Traceback" not in texts and "upload." not in texts
    assert _case_folders(isolated_data / "cases") == ["IC-266000-V6Y0"]


def test_a_file_just_over_the_limit_is_described_in_bytes(board, isolated_data, monkeypatch):
    monkeypatch.setenv("WORKBENCH_MAX_UPLOAD_MB", "1")
    _choose(board, "response", "letter.txt", b"x" * (1024 * 1024 + 1))
    (shown,) = board.messages.texts
    assert "letter.txt is 1,048,577 bytes, over the 1,048,576 bytes limit" in shown


def test_every_refused_file_gets_its_own_message(board, isolated_data):
    _choose(board, "response", "letter.rtf", b"{\\rtf1 hello}")
    _choose(board, "searches", "searches.txt", b"x")
    _create(board)
    texts = board.messages.texts
    assert len(texts) == 2
    assert texts[0].count("Response:") == 1 and texts[1].count("Search record:") == 1


def test_html_in_a_file_name_is_refused_and_shown_as_text(board, isolated_data):
    name = "<img src=x onerror=alert(1)>.txt"
    _choose(board, "response", name, (UPLOAD / "response.txt").read_bytes())
    (shown,) = board.messages.texts
    assert "<img" not in shown
    assert "&lt;img src=x onerror=alert(1)&gt;.txt" in shown
    assert "rename the file" in shown
    _create(board)
    assert _case_folders(isolated_data / "cases") == ["IC-266000-V6Y0"]


def test_a_path_in_a_file_name_keeps_only_the_name(board, isolated_data):
    _choose(board, "response", "../../etc/response.txt", (UPLOAD / "response.txt").read_bytes())
    _create(board)
    meta = json.loads((isolated_data / "cases" / "FOI-2024-0193" / "case.json").read_text())
    assert meta["original_filenames"] == {"response": "response.txt"}


def test_a_case_that_already_exists_is_never_overwritten(board, isolated_data):
    seed_json = (isolated_data / "cases" / SEED.name / "case.json").read_bytes()
    _choose_file(board, "response", SEED / "response.txt")
    _choose_file(board, "request", UPLOAD / "request.txt")
    _create(board)
    (shown,) = board.messages.texts
    assert "A case called &#x27;IC-266000-V6Y0&#x27; already exists" in shown
    assert "existing case is unchanged" in shown
    assert str(isolated_data) not in shown
    assert (isolated_data / "cases" / SEED.name / "case.json").read_bytes() == seed_json
    assert _case_folders(isolated_data / "cases") == ["IC-266000-V6Y0"]
    # The files stay chosen, so another case id can be given and the case created.
    board.cases_page.upload.case_id.value = "IC-266000-V6Y0-b"
    _create(board)
    assert _listed(board) == ["IC-266000-V6Y0", "IC-266000-V6Y0-b"]


def test_an_invalid_case_id_is_refused(board, isolated_data):
    _choose_file(board, "response", UPLOAD / "response.txt")
    board.cases_page.upload.case_id.value = "../escape"
    _create(board)
    (shown,) = board.messages.texts
    assert "Invalid case id" in shown
    assert _case_folders(isolated_data / "cases") == ["IC-266000-V6Y0"]


def test_creating_without_a_response_says_so(board):
    _choose_file(board, "request", UPLOAD / "request.txt")
    _create(board)
    (shown,) = board.messages.texts
    assert "Choose the response" in shown
