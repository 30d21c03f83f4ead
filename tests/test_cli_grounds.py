"""``workbench grounds``: a readable list or the documented JSON, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from workbench.cli import main

FILES = Path(__file__).parent / "files" / "grounds"


def _run(*args: str):
    return CliRunner().invoke(main, ["grounds", *args])


def test_readable_output_lists_each_ground_with_its_words():
    result = _run(str(FILES / "template_list.txt"))
    assert result.exit_code == 0, result.output
    assert "template_list.txt (read as FOIA): 4 grounds" in result.output
    assert "g1  Exemption disputed; confidence" in result.output
    assert '"- the public interest favours releasing the information;"' in result.output


def test_json_has_the_documented_shape_and_offsets_index_the_loaded_text():
    path = FILES / "point_references.txt"
    result = _run(str(path), "--json", "--regime", "foisa")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["file"] == "point_references.txt"
    assert data["regime"] == "FOISA"
    text = path.read_text(encoding="utf-8")
    for ground in data["grounds"]:
        assert set(ground) >= {"id", "category", "provisions", "points", "quote", "start", "end"}
        assert set(ground) >= {"summary", "confidence"}
        assert text[ground["start"] : ground["end"]] == ground["quote"]
    assert [g["points"] for g in data["grounds"]] == [["2"], ["4"], ["2"], ["5"]]


def test_a_request_with_no_ground_says_so():
    result = _run(str(FILES / "no_reason.txt"))
    assert result.exit_code == 0, result.output
    assert "no ground stated" in result.output
    data = json.loads(_run(str(FILES / "no_reason.txt"), "--json").output)
    assert data["grounds"] == []


def test_bad_input_gets_one_line_errors(tmp_path):
    missing = _run(str(tmp_path / "nope.txt"))
    assert missing.exit_code == 1
    assert missing.output.strip().splitlines() == [f"Error: No such file: {tmp_path / 'nope.txt'}"]

    corrupt = tmp_path / "request.docx"
    corrupt.write_bytes(b"not a zip")
    broken = _run(str(corrupt))
    assert broken.exit_code == 1
    assert len(broken.output.strip().splitlines()) == 1
    assert broken.output.startswith("Error: request.docx")

    regime = _run(str(FILES / "template_list.txt"), "--regime", "FOI")
    assert regime.exit_code == 1
    assert regime.output.strip() == (
        "Error: unknown regime 'FOI'; expected one of FOIA, EIR, FOISA, EISR"
    )


def test_control_characters_in_the_request_are_not_echoed_to_the_terminal(tmp_path):
    path = tmp_path / "request.txt"
    path.write_text("The exemptions do not apply \x1b[31mat all\x1b[0m.\n", encoding="utf-8")
    result = _run(str(path))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
