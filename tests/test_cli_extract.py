"""``workbench extract``: a readable account with evidence, or the documented JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from workbench.cli import main

LETTERS = Path(__file__).parent / "letters" / "real" / "dev"


def seed_response(tmp_path: Path) -> Path:
    """The seed response as a user has it: a plain text letter (no corpus header)."""
    text = (LETTERS / "seed-IC-266000-V6Y0.txt").read_text(encoding="utf-8")
    path = tmp_path / "response.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_json_has_the_documented_shape(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(seed_response(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in (
        "reference",
        "regime",
        "date_received",
        "date_of_response",
        "points",
        "provisions_cited",
        "searches",
        "review_rights_given",
        "complaint_rights_given",
        "advice_and_assistance",
    ):
        assert key in data
    assert data["reference"] == "IC-266000-V6Y0"
    assert data["date_received"] == "2023-10-25"
    first = data["points"][0]
    assert set(first) >= {"label", "text", "determination", "provisions", "evidence"}
    assert first["determination"] == "held_partly_disclosed"
    assert set(first["evidence"][0]) >= {"quote", "start", "end"}


def test_json_offsets_index_the_loaded_text(tmp_path):
    path = seed_response(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(path), "--json"])
    text = path.read_text(encoding="utf-8")
    for point in json.loads(result.output)["points"]:
        for evidence in point["evidence"]:
            assert text[evidence["start"] : evidence["end"]] == evidence["quote"]


def test_readable_summary_quotes_the_evidence(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(seed_response(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "Reference:         IC-266000-V6Y0" in result.output
    assert "1: Held, partly disclosed  [s.40(2)]" in result.output
    assert '> "I rely on s.40(2) FOIA to redact the personal data."' in result.output
    assert "3a: Not held" in result.output
    assert "Review rights given:    yes" in result.output


def test_a_separate_request_supplies_the_points(tmp_path):
    request = tmp_path / "request.txt"
    request.write_text("Please provide:\n1. The budget.\n2. The staff list.\n")
    response = tmp_path / "response.txt"
    response.write_text("1. The budget is £2m.\n2. We do not hold a staff list.\n")
    result = CliRunner().invoke(
        main, ["extract", str(response), "--request", str(request), "--json"]
    )
    points = json.loads(result.output)["points"]
    assert [(p["label"], p["determination"]) for p in points] == [
        ("1", "held_disclosed"),
        ("2", "not_held"),
    ]
    assert points[0]["text"] == "The budget."


def test_what_the_letter_does_not_say_is_shown_as_not_stated(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("Please find the information attached.\n")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert "Reference:         not stated" in result.output
    assert "Date received:     not stated" in result.output


def test_a_missing_file_is_one_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert "missing.txt" in result.output
    assert "Traceback" not in result.output


def test_an_unsupported_file_is_one_clear_error(tmp_path):
    path = tmp_path / "letter.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0not really")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
