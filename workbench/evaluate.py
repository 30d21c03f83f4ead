"""How well the extractor reads letters a careful human has already read.

A folder holds ``NAME.txt`` (the letter; a first line ``SOURCE: <address>`` and
the blank line after it are not part of the letter) and ``NAME.json`` (the
human's answers, in the corpus format). Each field is scored per letter:
reference (case-insensitive, ignoring surrounding punctuation), regime, both
dates, the kind of letter, a review's outcome (on review outcome letters only),
the set of provisions cited (exact per letter, plus micro precision and recall
over all citations), the number of points, and each point's determination and
provisions, matched by label.

The corpus tells a first response from a review outcome (and a holding notice);
it does not set a refusal apart from any other first response, so a letter read
as a ``refusal_notice`` counts as right where the truth says ``response``.

Calibration: the extractor gives every reading a confidence. Among the
determinations it gives at least :data:`~workbench.parsing.model.CHECK_THRESHOLD`
(0.8), how many are right (precision) and what share of all points they cover
(coverage); the same for the scalar fields.

Labels are matched by their key ("Q1", "Question 1" and "1" are one point).
When the truth has point "3" and the extractor reports its parts "3a" and "3b",
the point counts as right only if every part is right (the notes of the
corpus allow either reading of a point answered in parts).

Run it as ``python -m workbench.evaluate DIR [--verbose] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .parsing.extract import extract
from .parsing.labels import label_key, top_key
from .parsing.model import CHECK_THRESHOLD, Extraction, Point
from .parsing.reference import normalise_reference

FIELDS = (
    "reference",
    "regime",
    "date_received",
    "date_of_response",
    "kind",
    "review_outcome",
    "provisions_cited",
    "points_count",
    "point_determination",
    "point_provisions",
)


@dataclass
class Failure:
    """One field the extractor got wrong on one letter."""

    letter: str
    field: str
    expected: Any
    got: Any


@dataclass
class PointRow:
    """One true point as read: what a calibration study needs, a row per point."""

    letter: str
    label: str | None
    expected: str | None
    got: list[str | None]
    confidence: float
    right: bool
    cut_short: bool = False


@dataclass
class Report:
    """Per-field counts over a folder, and every failure."""

    letters: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    failures: list[Failure] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    provisions_tp: int = 0
    provisions_fp: int = 0
    provisions_fn: int = 0
    #: (confidence, right) for every scalar field.
    field_calibration: list[tuple[float, bool]] = field(default_factory=list)
    #: Letters whose text stops mid-sentence: readings of cut texts are right less often, so
    #: their points' calibration is shown apart.
    cut_short: int = 0
    #: Every true point's reading: its calibration, and the rows of ``--points``.
    point_rows: list[PointRow] = field(default_factory=list)

    def score(self, letter: str, name: str, ok: bool, expected: Any, got: Any) -> None:
        self.total[name] += 1
        if ok:
            self.correct[name] += 1
        else:
            self.failures.append(Failure(letter, name, expected, got))

    def accuracy(self, name: str) -> float | None:
        return self.correct[name] / self.total[name] if self.total[name] else None

    @property
    def precision(self) -> float | None:
        found = self.provisions_tp + self.provisions_fp
        return self.provisions_tp / found if found else None

    @property
    def recall(self) -> float | None:
        wanted = self.provisions_tp + self.provisions_fn
        return self.provisions_tp / wanted if wanted else None

    def calibration(self, which: str = "determinations") -> Calibration:
        """Precision and coverage of the readings given at least the threshold confidence."""
        if which == "fields":
            return Calibration.of(self.field_calibration)
        rows = {
            "determinations": self.point_rows,
            "cut_short": [row for row in self.point_rows if row.cut_short],
        }[which]
        return Calibration.of([(row.confidence, row.right) for row in rows])

    def to_dict(self) -> dict[str, Any]:
        return {
            "letters": self.letters,
            "fields": {
                name: {
                    "correct": self.correct[name],
                    "total": self.total[name],
                    "accuracy": self.accuracy(name),
                }
                for name in FIELDS
            },
            "provisions_micro": {"precision": self.precision, "recall": self.recall},
            "calibration": {
                "threshold": CHECK_THRESHOLD,
                "determinations": vars(self.calibration("determinations")),
                "fields": vars(self.calibration("fields")),
                "determinations_on_texts_cut_short": vars(self.calibration("cut_short")),
            },
            "texts_cut_short": self.cut_short,
            "failures": [vars(f) for f in self.failures],
            "errors": self.errors,
        }


@dataclass
class Calibration:
    """Readings at or above the threshold: how many, how many right, and their share."""

    total: int = 0
    confident: int = 0
    right: int = 0

    @classmethod
    def of(cls, pairs: list[tuple[float, bool]]) -> Calibration:
        sure = [ok for confidence, ok in pairs if confidence >= CHECK_THRESHOLD]
        return cls(len(pairs), len(sure), sum(sure))

    @property
    def precision(self) -> float | None:
        return self.right / self.confident if self.confident else None

    @property
    def coverage(self) -> float | None:
        return self.confident / self.total if self.total else None


# --------------------------------------------------------------------------- loading


def letter_text(raw: str) -> str:
    """The letter without the corpus header line ``SOURCE: ...`` and its blank line."""
    if raw.startswith("SOURCE:"):
        _, _, rest = raw.partition("\n")
        return rest[1:] if rest.startswith("\n") else rest
    return raw


def letter_source(raw: str) -> str | None:
    """The address on the corpus header line ``SOURCE: ...``: the document's name, as a
    saved file's name would be."""
    if raw.startswith("SOURCE:"):
        return raw.partition("\n")[0][len("SOURCE:") :].strip() or None
    return None


def letter_pairs(folder: Path) -> list[tuple[str, Path, Path]]:
    """(name, text file, answer file) for every letter that has both."""
    pairs = []
    for text_file in sorted(folder.glob("*.txt")):
        answer = text_file.with_suffix(".json")
        if answer.is_file():
            pairs.append((text_file.stem, text_file, answer))
    return pairs


# --------------------------------------------------------------------------- scoring


def evaluate_folder(folder: str | Path) -> Report:
    """Extract every letter in ``folder`` and score it against its answer file."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is not a folder")
    report = Report()
    for name, text_file, answer_file in letter_pairs(folder):
        try:
            truth = json.loads(answer_file.read_text(encoding="utf-8"))
            raw = text_file.read_text(encoding="utf-8")
            text = letter_text(raw)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            report.errors.append(f"{name}: cannot read ({exc})")
            continue
        if not isinstance(truth, dict):
            report.errors.append(f"{name}: the answer file is not a JSON object")
            continue
        report.letters += 1
        score_letter(report, name, truth, extract(text, name=letter_source(raw)))
    return report


def score_letter(report: Report, name: str, truth: dict[str, Any], got: Extraction) -> None:
    """Add one letter's scores to ``report``."""
    expected_ref = truth.get("reference")
    report.score(
        name,
        "reference",
        normalise_reference(expected_ref) == normalise_reference(got.reference),
        expected_ref,
        got.reference,
    )
    _field(
        report,
        name,
        got,
        "reference",
        normalise_reference(expected_ref) == normalise_reference(got.reference),
    )
    regime_ok = truth.get("regime") == got.regime
    report.score(name, "regime", regime_ok, truth.get("regime"), got.regime)
    _field(report, name, got, "regime", regime_ok)
    for key in ("date_received", "date_of_response"):
        value = getattr(got, key)
        got_iso = value.isoformat() if value else None
        report.score(name, key, truth.get(key) == got_iso, truth.get(key), got_iso)
        _field(report, name, got, key, truth.get(key) == got_iso)
    if truth.get("kind"):
        kind_ok = same_kind(truth["kind"], got.kind)
        report.score(name, "kind", kind_ok, truth["kind"], got.kind)
        _field(report, name, got, "kind", kind_ok)
    if truth.get("kind") == "internal_review_outcome" or truth.get("review_outcome"):
        wanted = truth.get("review_outcome")
        outcome_ok = wanted == got.review_outcome
        report.score(name, "review_outcome", outcome_ok, wanted, got.review_outcome)
        _field(report, name, got, "review_outcome", outcome_ok)
    _score_provisions(report, name, truth.get("provisions_cited") or [], got.provisions_cited)
    scored = len(report.point_rows)
    _score_points(report, name, truth.get("points") or [], got.points)
    if got.text_cut_short:
        report.cut_short += 1
        for row in report.point_rows[scored:]:
            row.cut_short = True


def same_kind(expected: str, got: str | None) -> bool:
    """The corpus calls every first reply a ``response``; a refusal notice is one."""
    return expected == got or (expected == "response" and got == "refusal_notice")


def _field(report: Report, name: str, got: Extraction, key: str, ok: bool) -> None:
    report.field_calibration.append((got.confidence.get(key, 0.0), ok))


def _score_provisions(report: Report, name: str, expected: list[str], got: list[str]) -> None:
    wanted, found = set(expected), set(got)
    report.score(name, "provisions_cited", wanted == found, sorted(wanted), sorted(found))
    report.provisions_tp += len(wanted & found)
    report.provisions_fp += len(found - wanted)
    report.provisions_fn += len(wanted - found)


def _score_points(
    report: Report, name: str, expected: list[dict[str, Any]], got: list[Point]
) -> None:
    groups = align_points(expected, got)
    count = _counted_points(expected, got)
    report.score(name, "points_count", count == len(expected), len(expected), count)
    for truth, matched in groups:
        label = truth.get("label")
        wanted = truth.get("determination")
        found = [p.determination.value if p.determination else None for p in matched]
        ok = bool(matched) and all(d == wanted for d in found)
        report.score(name, "point_determination", ok, f"{label}: {wanted}", f"{label}: {found}")
        sure = min((p.confidence for p in matched), default=0.0)
        report.point_rows.append(PointRow(name, label, wanted, found, sure, ok))
        wanted_provisions = sorted(set(truth.get("provisions") or []))
        found_provisions = sorted({pid for p in matched for pid in p.provisions})
        report.score(
            name,
            "point_provisions",
            bool(matched) and wanted_provisions == found_provisions,
            f"{label}: {wanted_provisions}",
            f"{label}: {found_provisions}",
        )


def align_points(
    expected: list[dict[str, Any]], got: list[Point]
) -> list[tuple[dict[str, Any], list[Point]]]:
    """Each true point with the extracted point(s) that answer to its label.

    "3" is matched by "3" itself, else by its parts "3a", "3b"; a true part "3a"
    is matched by "3a", else by a whole "3".
    """
    by_key: dict[str, list[Point]] = {}
    for point in got:
        by_key.setdefault(label_key(point.label), []).append(point)
    groups = []
    for truth in expected:
        key = label_key(str(truth.get("label", "")))
        matched = by_key.get(key)
        if not matched:
            matched = [p for k, ps in by_key.items() if top_key(k) == key and k != key for p in ps]
        if not matched and top_key(key) != key:
            matched = by_key.get(top_key(key), [])
        groups.append((truth, list(matched)))
    return groups


def _counted_points(expected: list[dict[str, Any]], got: list[Point]) -> int:
    """How many points were found, counting "3a"+"3b" as one where the truth has "3"."""
    true_keys = {label_key(str(t.get("label", ""))) for t in expected}
    seen = []
    for point in got:
        key = label_key(point.label)
        if key not in true_keys and top_key(key) in true_keys:
            key = top_key(key)
        if key not in seen:
            seen.append(key)
    return len(seen)


# --------------------------------------------------------------------------- output


_NAMES = {
    "reference": "reference",
    "regime": "regime",
    "date_received": "date received",
    "date_of_response": "date of response",
    "kind": "kind of letter",
    "review_outcome": "review outcome",
    "provisions_cited": "provisions cited (exact set)",
    "points_count": "number of points",
    "point_determination": "per-point determination",
    "point_provisions": "per-point provisions",
}


def format_table(report: Report, *, verbose: bool = False) -> str:
    """The per-field accuracy table, and with ``verbose`` every failure."""
    rows = [
        f"Letters scored: {report.letters}",
        "",
        f"{'field':<30} {'correct':>9} {'accuracy':>9}",
    ]
    rows.append("-" * 50)
    for name in FIELDS:
        accuracy = report.accuracy(name)
        shown = "n/a" if accuracy is None else f"{accuracy:.1%}"
        fraction = f"{report.correct[name]}/{report.total[name]}"
        rows.append(f"{_NAMES[name]:<30} {fraction:>9} {shown:>9}")
    rows.append("-" * 50)
    precision, recall = report.precision, report.recall
    rows.append(
        "provisions (micro)            precision "
        + ("n/a" if precision is None else f"{precision:.1%}")
        + "  recall "
        + ("n/a" if recall is None else f"{recall:.1%}")
    )
    for which in ("determinations", "fields"):
        rows.append(_calibration_row(report.calibration(which), which))
    if report.cut_short:
        rows.append(_cut_short_row(report))
    for error in report.errors:
        rows.append(f"! {error}")
    if verbose and report.failures:
        rows += ["", "Failures (letter | field | expected | got):"]
        for failure in report.failures:
            rows.append(
                f"  {failure.letter} | {failure.field} | {failure.expected!r} | {failure.got!r}"
            )
    return "\n".join(rows)


def _calibration_row(calibration: Calibration, which: str) -> str:
    head = f"confident {which} (>= {CHECK_THRESHOLD:.2f})"
    if not calibration.confident:
        return f"{head:<30} none of {calibration.total}"
    return (
        f"{head:<30} right {calibration.precision:.1%} "
        f"({calibration.right}/{calibration.confident}), coverage {calibration.coverage:.1%} "
        f"of {calibration.total}"
    )


def _cut_short_row(report: Report) -> str:
    calibration = report.calibration("cut_short")
    head = f"texts cut short mid-sentence: {report.cut_short} of {report.letters} letters"
    if not calibration.confident:
        return f"{head}; none of their {calibration.total} determinations confident"
    return (
        f"{head}; their confident determinations right {calibration.precision:.1%} "
        f"({calibration.right}/{calibration.confident}), coverage {calibration.coverage:.1%} "
        f"of {calibration.total}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m workbench.evaluate",
        description="Score the extractor against a folder of letters with hand answers.",
    )
    parser.add_argument("folder", help="folder of NAME.txt + NAME.json pairs")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every failure")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--points",
        action="store_true",
        help="print one JSON line per true point (letter, label, expected, got, confidence, "
        "right, cut_short), for studies of the confidence; refused on the scoring part",
    )
    args = parser.parse_args(argv)
    if args.points and Path(args.folder).resolve().name == "scoring":
        # The scoring part is only ever scored: a reading per point would show its letters.
        print(
            "Error: --points is refused on the scoring part (it is only ever scored)",
            file=sys.stderr,
        )
        return 2
    try:
        report = evaluate_folder(args.folder)
    except FileNotFoundError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    if report.letters == 0:
        print(f"Error: no NAME.txt + NAME.json pairs in {args.folder}", file=sys.stderr)
        return 2
    if args.points:
        for row in report.point_rows:
            print(json.dumps(asdict(row)))
    elif args.json:
        print(json.dumps(report.to_dict(), indent=2, default=str))
    else:
        print(format_table(report, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
