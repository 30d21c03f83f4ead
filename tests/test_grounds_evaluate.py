"""The grounds scorer: one-to-one matching by overlap, the figures, the scoring part unread."""

from __future__ import annotations

import json
from pathlib import Path

from workbench.grounds.evaluate import evaluate_folder, main, match_grounds
from workbench.grounds.model import RequesterGround

FILES = Path(__file__).parent / "files" / "grounds"


def test_one_long_prediction_finds_only_one_of_the_grounds_it_covers():
    assert match_grounds([(0, 10), (20, 30)], [(0, 30)]) == {0: 0}


def test_matching_finds_the_most_pairs_possible():
    # Annotated 0 overlaps both predictions; annotated 1 only the first: both get one.
    assert match_grounds([(0, 30), (0, 5)], [(0, 10), (20, 40)]) == {0: 1, 1: 0}


def test_no_overlap_is_no_match():
    assert match_grounds([(0, 10)], [(10, 20)]) == {}


def _corpus(tmp_path: Path, grounds: list[dict], text: str) -> Path:
    folder = tmp_path / "dev"
    folder.mkdir()
    (folder / "rr-900.txt").write_text(f"SOURCE: test\n\n{text}", encoding="utf-8")
    answer = {"regime": "FOISA", "grounds": grounds}
    (folder / "rr-900.json").write_text(json.dumps(answer), encoding="utf-8")
    return folder


def _ground(text: str, quote: str, category: str, **extra) -> RequesterGround:
    start = text.index(quote)
    return RequesterGround(category, quote, start, start + len(quote), "", 0.5, **extra)


def test_the_figures_count_what_was_found_and_what_was_right(tmp_path):
    text = "The exemptions do not apply. The public interest favours disclosure. Hello."
    truth = [
        {"category": "exemption_disputed", "quote": "exemptions do not apply", "provisions": []},
        {"category": "public_interest", "quote": "favours disclosure", "points": ["1"]},
    ]
    folder = _corpus(tmp_path, truth, text)

    def reader(body: str, regime: str | None) -> list[RequesterGround]:
        assert regime == "FOISA"  # the case's regime is given to the reader
        return [
            _ground(body, "The exemptions do not apply.", "public_interest"),
            _ground(body, "Hello.", "other"),
        ]

    report = evaluate_folder(folder, reader=reader)
    assert (report.annotated, report.predicted, report.found) == (2, 2, 1)
    assert report.recall == 0.5 and report.precision == 0.5
    assert report.category_accuracy == 0.0
    assert report.provisions_agreement == 1.0
    assert {m.kind for m in report.misses} == {"missed", "invented", "category"}


def test_a_request_without_grounds_counts_as_right_only_when_left_empty(tmp_path):
    folder = _corpus(tmp_path, [], "Please review my request.")
    assert evaluate_folder(folder, reader=lambda text, regime: []).empty_right == 1
    invented = evaluate_folder(
        folder, reader=lambda text, regime: [_ground(text, "Please", "other")]
    )
    assert (invented.empty_requests, invented.empty_right, invented.precision) == (1, 0, 0.0)


def test_verbose_is_refused_on_the_scoring_part(tmp_path, capsys):
    scoring = tmp_path / "scoring"
    scoring.mkdir()
    assert main([str(scoring), "--verbose"]) == 1
    assert "refused on the scoring part" in capsys.readouterr().err


def test_the_command_prints_the_figures_as_json(tmp_path, capsys):
    folder = _corpus(
        tmp_path,
        [{"category": "public_interest", "quote": "The public interest favours disclosure."}],
        "The public interest favours disclosure.",
    )
    assert main([str(folder), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["recall"] == 1.0 and data["category_accuracy"] == 1.0
    assert "misses" not in data  # only with --verbose


def test_the_trivial_baseline_can_be_scored(tmp_path, capsys):
    folder = _corpus(
        tmp_path,
        [{"category": "public_interest", "quote": "The public interest favours disclosure."}],
        "The public interest favours disclosure. Thanks.",
    )
    assert main([str(folder), "--json", "--baseline"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["predicted_grounds"] == 2 and data["precision"] == 0.5
