"""Word and Excel files that would unpack to far more than they look are refused at once.

From the command line and from the dashboard's upload alike (the dashboard
reads uploads in the page's kernel): one line naming the file and the
ceiling, before any parser sees the XML.  Time and memory are measured by
``benchmarks/bench_zip_bombs.py``.
"""

from __future__ import annotations

import io
import os

import pytest
from bomb_fixtures import MB, huge_string_xlsx, long_search_record, padded_docx
from click.testing import CliRunner
from test_dashboard_cases_upload import UPLOAD, _case_folders, _choose, _choose_file, _create
from test_dashboard_cases_upload import board as board  # noqa: F401 - the fixture

from workbench.cli import main
from workbench.documents import load_bytes, load_document
from workbench.documents.archives import MAX_CELL
from workbench.errors import DocumentError, DocumentTooLarge
from workbench.uploads import Upload, check_upload


def one_error_line(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    (line,) = result.output.splitlines()
    assert line.startswith("Error: ")
    return line


def test_a_docx_padded_past_the_ratio_check_is_refused_for_its_xml(tmp_path):
    bomb = padded_docx(tmp_path / "letter.docx", xml_mb=40)  # about 2 MB on disk
    with pytest.raises(DocumentTooLarge, match=r"holds 40\.\d MB of XML, more than the 16 MB"):
        load_document(bomb)
    line = one_error_line("extract", str(bomb))
    assert "letter.docx holds 40" in line and "more than the 16 MB" in line


def test_a_docx_unpacking_past_the_absolute_ceiling_is_refused(tmp_path):
    bomb = padded_docx(tmp_path / "big.docx", xml_mb=270, ratio=24)  # 11 MB with its padding
    with pytest.raises(DocumentTooLarge, match=r"unpacks to 28\d(\.\d)? MB, more than the 256 MB"):
        load_document(bomb)


def test_a_search_record_with_one_huge_string_is_refused(tmp_path, isolated_data):
    bomb = huge_string_xlsx(tmp_path / "searches.xlsx", string_mb=64)
    response = UPLOAD / "response.txt"
    line = one_error_line("case", "new", "--response", str(response), "--searches", str(bomb))
    assert "searches.xlsx holds 64" in line and "MB of XML" in line
    assert list((isolated_data / "cases").iterdir()) == []
    unpadded = huge_string_xlsx(tmp_path / "small.xlsx", string_mb=64, pad=False)
    with pytest.raises(DocumentTooLarge, match="too large to read safely"):
        check_upload("searches", Upload("small.xlsx", unpadded.read_bytes()))


def test_search_records_are_bounded_in_rows_and_cell_length(tmp_path):
    rows = long_search_record(tmp_path / "rows.xlsx", rows=10_000)
    with pytest.raises(DocumentTooLarge, match=r"rows\.xlsx has more than 10,000 rows"):
        check_upload("searches", Upload("rows.xlsx", rows.read_bytes()))
    csv = b"where,terms\n" + b"a,b\n" * 10_000
    with pytest.raises(DocumentTooLarge, match=r"rows\.csv has more than 10,000 rows"):
        check_upload("searches", Upload("rows.csv", csv))
    long = b"where,terms\nshared drive," + b"x" * (MAX_CELL + 1) + b"\n"
    with pytest.raises(DocumentTooLarge, match=r"row 2, column 2 holds 32,768 characters"):
        check_upload("searches", Upload("long.csv", long))
    huge = b"where,terms\nshared drive," + b"x" * 200_000 + b"\n"  # past csv's own field limit
    with pytest.raises(DocumentError, match=r"huge\.csv: not a readable CSV file \(field larger"):
        check_upload("searches", Upload("huge.csv", huge))


def test_a_findings_workbook_bomb_is_refused(tmp_path, isolated_data):
    bomb = huge_string_xlsx(tmp_path / "findings.xlsx", string_mb=64)
    line = one_error_line("review", "import-xlsx", str(bomb), "--who", "ann")
    assert "findings.xlsx holds 64" in line


def test_the_dashboard_refuses_bombs_uploaded_to_it(board, isolated_data, tmp_path):  # noqa: F811
    letter = padded_docx(tmp_path / "letter.docx", xml_mb=40)
    _choose_file(board, "response", letter)
    (shown,) = board.messages.texts
    assert "letter.docx holds 40" in shown and "more than the 16 MB" in shown
    searches = huge_string_xlsx(tmp_path / "searches.xlsx", string_mb=64)
    _choose_file(board, "response", UPLOAD / "response.txt")
    _choose_file(board, "searches", searches)
    _create(board)
    assert "searches.xlsx holds 64" in " ".join(board.messages.texts)
    assert _case_folders(isolated_data / "cases") == ["IC-266000-V6Y0"]


def test_an_upload_name_too_long_for_a_file_system_is_refused(board, isolated_data):  # noqa: F811
    name = "r" * 296 + ".txt"
    _choose(board, "response", name, (UPLOAD / "response.txt").read_bytes())
    _create(board)
    shown = " ".join(board.messages.texts)
    assert "file name is 300 characters long" in shown
    assert "/tmp" not in shown and "workbench-upload" not in shown
    assert _case_folders(isolated_data / "cases") == ["IC-266000-V6Y0"]


def _with_stream(data: bytes, name: str, size: int) -> bytes:
    """The compound file ``data`` with one more stream of ``size`` random bytes."""
    import olefile
    from extract_msg.ole_writer import OleWriter

    writer = OleWriter()
    with olefile.OleFileIO(data) as ole:
        for storage in sorted(ole.listdir(streams=False, storages=True), key=len):
            writer.addEntry("/".join(storage), storage=True)
        for stream in ole.listdir(streams=True, storages=False):
            writer.addEntry("/".join(stream), ole.openstream(stream).read())
    writer.addEntry(name, os.urandom(size))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_outlook_message_whose_body_is_only_a_large_compressed_rtf_is_refused():
    from msg_fixtures import build_msg

    plain = build_msg(body="Dear FOI team, please review.")
    assert load_bytes(plain, "fine.msg").text.startswith("Dear FOI team")
    rtf_only = _with_stream(build_msg(body=None, html=None), "__substg1.0_10090102", 2 * MB)
    with pytest.raises(DocumentTooLarge, match=r"only a compressed RTF body of 2 MB"):
        load_bytes(rtf_only, "rtf.msg")
