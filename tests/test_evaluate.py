"""``python -m workbench.evaluate``: per-field accuracy against letters with hand answers."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from workbench.evaluate import FIELDS, align_points, evaluate_folder, letter_text, main
from workbench.parsing.model import Determination, Point

LETTERS = Path(__file__).parent / "letters" / "real" / "dev"


def test_the_table_lists_every_field(capsys):
    assert main([str(LETTERS)]) == 0
    out = capsys.readouterr().out
    assert "Letters scored: 32" in out
    for row in (
        "reference",
        "date received",
        "kind of letter",
        "review outcome",
        "per-point determination",
        "precision",
        "confident determinations (>= 0.80) right",
    ):
        assert row in out


def test_the_module_runs_from_the_command_line():
    done = subprocess.run(
        [sys.executable, "-m", "workbench.evaluate", str(LETTERS)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "per-point provisions" in done.stdout


def test_the_seed_letter_scores_full_marks(tmp_path):
    for suffix in (".txt", ".json"):
        shutil.copy(LETTERS / f"seed-IC-266000-V6Y0{suffix}", tmp_path)
    report = evaluate_folder(tmp_path)
    assert report.letters == 1
    assert report.failures == []
    assert all(report.correct[name] == report.total[name] for name in FIELDS)


def test_a_wrong_answer_file_is_counted_as_wrong(tmp_path, capsys):
    shutil.copy(LETTERS / "seed-IC-266000-V6Y0.txt", tmp_path)
    truth = json.loads((LETTERS / "seed-IC-266000-V6Y0.json").read_text())
    truth["reference"] = "IC-999999-XXXX"
    truth["points"][1]["determination"] = "held_disclosed"
    (tmp_path / "seed-IC-266000-V6Y0.json").write_text(json.dumps(truth))
    report = evaluate_folder(tmp_path)
    assert report.correct["reference"] == 0
    assert report.correct["point_determination"] == 2
    assert report.total["point_determination"] == 3
    assert main([str(tmp_path), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "seed-IC-266000-V6Y0 | reference | 'IC-999999-XXXX' | 'IC-266000-V6Y0'" in out
    assert "reference                            0/1      0.0%" in out


def test_json_output(tmp_path, capsys):
    for suffix in (".txt", ".json"):
        shutil.copy(LETTERS / f"real-026{suffix}", tmp_path)
    assert main([str(tmp_path), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["letters"] == 1
    assert scores["fields"]["reference"]["accuracy"] == 1.0


def test_the_source_header_is_not_part_of_the_letter():
    assert letter_text("SOURCE: https://example.org\n\nDear Sir") == "Dear Sir"
    assert letter_text("\n\nDate: 1 May 2023") == "\n\nDate: 1 May 2023"


def test_parts_match_a_whole_point_only_when_every_part_matches():
    truth = [{"label": "3", "determination": "not_held"}]
    both = [
        Point(label="3a", determination=Determination.NOT_HELD),
        Point(label="3b", determination=Determination.NOT_HELD),
    ]
    ((_, matched),) = align_points(truth, both)
    assert [p.label for p in matched] == ["3a", "3b"]


def test_labels_match_whatever_the_wording():
    truth = [{"label": "Q1"}, {"label": "Question 2"}]
    got = [Point(label="1"), Point(label="Q2")]
    assert [[p.label for p in m] for _, m in align_points(truth, got)] == [["1"], ["Q2"]]


def test_section_labels_match_their_own_section_only():
    # A number repeated under a new heading is told apart by the heading ("Street lighting 1");
    # a section named "Part 2 – ..." is not point 2, nor are its questions parts of point 2.
    truth = [
        {"label": "Potholes 1"},
        {"label": "Street lighting 1"},
        {"label": "Part 2 – Street lighting 1"},
        {"label": "2"},
    ]
    got = [
        Point(label="Street lighting 1"),
        Point(label="Potholes 1"),
        Point(label="Part 2 – Street lighting 1"),
    ]
    matched = [[p.label for p in m] for _, m in align_points(truth, got)]
    assert matched == [["Potholes 1"], ["Street lighting 1"], ["Part 2 – Street lighting 1"], []]


def test_unreadable_answer_files_are_reported_not_fatal(tmp_path):
    (tmp_path / "broken.txt").write_text("Dear Sir")
    (tmp_path / "broken.json").write_text("{not json")
    report = evaluate_folder(tmp_path)
    assert report.letters == 0
    assert report.errors and "broken" in report.errors[0]


def test_a_missing_folder_is_a_clear_error(tmp_path, capsys):
    assert main([str(tmp_path / "nowhere")]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_kind_outcome_and_calibration_are_scored(tmp_path, capsys):
    for name in ("real-017", "seed-IC-266000-V6Y0"):
        for suffix in (".txt", ".json"):
            shutil.copy(LETTERS / f"{name}{suffix}", tmp_path)
    assert main([str(tmp_path), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["fields"]["kind"]["total"] == 2
    assert scores["fields"]["review_outcome"]["total"] == 1  # review outcome letters only
    calibration = scores["calibration"]
    assert calibration["threshold"] == 0.8
    assert {"total", "confident", "right"} <= set(calibration["determinations"])


def test_a_refusal_notice_counts_as_a_response():
    from workbench.evaluate import same_kind

    assert same_kind("response", "refusal_notice")
    assert not same_kind("internal_review_outcome", "response")


def test_texts_cut_short_are_counted_and_their_calibration_shown_apart(tmp_path, capsys):
    for name in ("real-026", "real-139"):  # a whole letter, and one that stops mid-sentence
        for suffix in (".txt", ".json"):
            shutil.copy(LETTERS / f"{name}{suffix}", tmp_path)
    report = evaluate_folder(tmp_path)
    assert report.cut_short == 1
    assert report.calibration("cut_short").total < report.calibration("determinations").total
    assert main([str(tmp_path)]) == 0
    assert "texts cut short mid-sentence: 1 of 2 letters" in capsys.readouterr().out
    assert main([str(tmp_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["texts_cut_short"] == 1


def test_points_lists_each_true_points_reading_for_a_calibration_study(tmp_path, capsys):
    for suffix in (".txt", ".json"):
        shutil.copy(LETTERS / f"seed-IC-266000-V6Y0{suffix}", tmp_path)
    truth = json.loads((tmp_path / "seed-IC-266000-V6Y0.json").read_text())
    truth["points"][0]["determination"] = "vexatious"
    (tmp_path / "seed-IC-266000-V6Y0.json").write_text(json.dumps(truth))
    assert main([str(tmp_path), "--points"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["label"] for row in rows] == [p["label"] for p in truth["points"]]
    assert rows[0]["expected"] == "vexatious" and rows[0]["right"] is False
    assert all(row["right"] for row in rows[1:])
    assert all(0 <= row["confidence"] <= 1 and row["cut_short"] is False for row in rows)


def test_points_is_refused_on_the_scoring_part(tmp_path, capsys):
    scoring = tmp_path / "scoring"
    scoring.mkdir()
    for suffix in (".txt", ".json"):
        shutil.copy(LETTERS / f"seed-IC-266000-V6Y0{suffix}", scoring)
    assert main([str(scoring), "--points"]) == 2
    captured = capsys.readouterr()
    assert "refused on the scoring part" in captured.err and captured.out == ""
