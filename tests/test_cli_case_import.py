"""``workbench case import FOLDER``: one case per sub-folder, and a summary of what was refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from msg_fixtures import build_msg

from workbench.case_import import case_folders, find_roles, role_of
from workbench.cases import load_case
from workbench.cli import main
from workbench.errors import CaseError

SEED = Path(__file__).resolve().parent.parent / "workbench" / "seed" / "IC-266000-V6Y0"
SEARCHES = "date,who,where,search terms\n2023-11-01,FOI officer,SharePoint,DPIA\n"


def _folder(root: Path, name: str, files: dict[str, bytes | str]) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    for file_name, content in files.items():
        path = folder / file_name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return folder


@pytest.fixture
def inbox(tmp_path) -> Path:
    root = tmp_path / "inbox"
    response = (SEED / "response.txt").read_text(encoding="utf-8")
    request = (SEED / "request.txt").read_text(encoding="utf-8")
    _folder(
        root,
        "IC-266000-V6Y0",
        {
            "Response to request.txt": response,
            "request.txt": request,
            "searches.csv": SEARCHES,
            "Internal review request.msg": build_msg(),
            "photo.jpg": b"\xff\xd8\xff",
            ".DS_Store": b"\x00",
        },
    )
    _folder(
        root,
        "FOI-2024-0012",
        {
            "Message 1.msg": build_msg(subject="RE: Your FOI request", body=response),
            "FOI request.txt": request,
        },
    )
    _folder(root, "no response here", {"notes.txt": "Notes.", "diary.txt": "Diary."})
    _folder(root, "two responses", {"response.txt": response, "reply.txt": response})
    _folder(root, "damaged", {"response.pdf": b"%PDF-1.4 not really a pdf"})
    return root


def test_each_sub_folder_becomes_a_case_and_the_refused_are_explained(inbox, isolated_data):
    result = CliRunner().invoke(main, ["case", "import", str(inbox)])
    assert result.exit_code == 1
    summary = result.output[result.output.index("Imported") :]
    assert summary == (
        "Imported 2 of 5 folders as cases.\n"
        "  FOI-2024-0012 -> case FOI-2024-0012\n"
        "  IC-266000-V6Y0 -> case IC-266000-V6Y0\n"
        "    left out photo.jpg: not a type the workbench reads\n"
        "Refused 3:\n"
        "  damaged: response.pdf is not a valid PDF (it may be corrupt).\n"
        "  no response here: no response found (diary.txt, notes.txt); name the response's "
        "file 'response' (e.g. response.pdf)\n"
        "  two responses: 2 files look like the response (reply.txt, response.txt); keep one, "
        "or say which in the file names\n"
        "Error: 3 of 5 folders were refused (above)\n"
    )


def test_each_document_is_filed_under_its_role(inbox, isolated_data):
    CliRunner().invoke(main, ["case", "import", str(inbox)])
    seed = load_case("IC-266000-V6Y0")
    assert seed.meta.original_filenames == {
        "response": "Response to request.txt",
        "request": "request.txt",
        "review_request": "Internal review request.msg",
        "searches": "searches.csv",
    }
    assert seed.searches()[0].where == "SharePoint"
    assert seed.review_request().metadata["from"] == "Jo Bloggs <jo.bloggs@example.org>"
    # An email whose name says nothing: its subject "RE: ..." is a reply, so the response.
    emailed = load_case("FOI-2024-0012")
    assert emailed.meta.original_filenames == {
        "response": "Message 1.msg",
        "request": "FOI request.txt",
    }
    assert emailed.response().format == "msg"


def test_importing_again_refuses_the_cases_that_exist(inbox, isolated_data):
    CliRunner().invoke(main, ["case", "import", str(inbox)])
    result = CliRunner().invoke(main, ["case", "import", str(inbox)])
    assert "Imported 0 of 5 folders as cases." in result.output
    assert "  IC-266000-V6Y0: A case called 'IC-266000-V6Y0' already exists at " in result.output


def test_a_folder_with_no_sub_folders_says_how_to_make_one_case(tmp_path):
    (tmp_path / "response.txt").write_text("A letter.", encoding="utf-8")
    result = CliRunner().invoke(main, ["case", "import", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {tmp_path} has no sub-folders: put each case's documents in a folder of its "
        "own, or make one case with: workbench case new --response FILE\n"
    )
    with pytest.raises(CaseError):
        case_folders(tmp_path / "response.txt")


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Internal review request.eml", "review_request"),
        ("appeal.docx", "review_request"),
        ("FOI response 2023-11.pdf", "response"),
        ("our reply.txt", "response"),
        ("RE Your FOI request.msg", "response"),
        ("refusal notice.docx", "response"),
        ("Original requests.eml", "request"),
        ("search log.xlsx", "searches"),
        ("anything.csv", "searches"),
    ],
)
def test_a_document_s_role_is_read_from_its_name_or_kind(tmp_path, name, role):
    path = tmp_path / name
    path.write_bytes(build_msg() if name.endswith(".msg") else b"x")
    assert role_of(path) == role


def test_a_single_document_named_for_nothing_is_the_response(tmp_path):
    folder = _folder(tmp_path, "case", {"letter.pdf": b"%PDF", "FOI request.txt": "x"})
    roles, left_out = find_roles(folder)
    assert {role: path.name for role, path in roles.items()} == {
        "response": "letter.pdf",
        "request": "FOI request.txt",
    }
    assert left_out == []
