"""How well the grounds reader reads review requests a careful human has already split.

A folder holds ``NAME.txt`` (the request; a first line ``SOURCE: <address>`` and the
blank line after it are not part of it) and ``NAME.json`` (the human's grounds, in the
format of ``tests/review_requests/README.md``).

A ground is *found* when a predicted quote overlaps the annotated one. Predicted and
annotated grounds are paired one to one (the most pairs possible, larger overlaps
first), so one long predicted passage cannot find three grounds at once. Then:

* recall: grounds found / annotated grounds; precision: predictions paired / predictions;
* category accuracy, provisions agreement (same set) and points agreement (same labels,
  "Q1" = "1"), each over the grounds found;
* requests stating no ground: how many got an empty list rather than an invented ground.

The reader is given the request's regime from the answer file when it is one regime
(as the workbench gives it the case's regime); ``--blind-regime`` withholds it.

Run it as ``python -m workbench.grounds.evaluate DIR [--verbose] [--json] [--baseline]``.
``--verbose`` lists every miss and is refused on a folder named ``scoring``: that part of
the corpus is only ever scored, never read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..catalogue import load_catalogue
from ..evaluate import letter_pairs, letter_text
from ..parsing.labels import label_key
from .baseline import read_grounds_baseline
from .categories import load_cues
from .model import RequesterGround
from .reader import read_grounds

Reader = Callable[[str, str | None], list[RequesterGround]]
REGIMES = ("FOIA", "EIR", "FOISA", "EISR")
PROTECTED_FOLDER = "scoring"


@dataclass
class Miss:
    """One thing the reader got wrong on one request, for ``--verbose``."""

    request: str
    kind: str  # "missed", "invented", "category", "provisions", "points"
    expected: Any
    got: Any


@dataclass
class Report:
    """Counts over a folder, and every miss."""

    requests: int = 0
    annotated: int = 0
    predicted: int = 0
    found: int = 0
    category_right: int = 0
    provisions_right: int = 0
    points_right: int = 0
    empty_requests: int = 0
    empty_right: int = 0
    seconds: float = 0.0
    misses: list[Miss] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def recall(self) -> float | None:
        return self._ratio(self.found, self.annotated)

    @property
    def precision(self) -> float | None:
        return self._ratio(self.found, self.predicted)

    @property
    def category_accuracy(self) -> float | None:
        return self._ratio(self.category_right, self.found)

    @property
    def provisions_agreement(self) -> float | None:
        return self._ratio(self.provisions_right, self.found)

    @property
    def points_agreement(self) -> float | None:
        return self._ratio(self.points_right, self.found)

    @property
    def ms_per_request(self) -> float | None:
        return self._ratio(self.seconds * 1000, self.requests)  # type: ignore[arg-type]

    def to_dict(self, *, with_misses: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "requests": self.requests,
            "annotated_grounds": self.annotated,
            "predicted_grounds": self.predicted,
            "grounds_found": self.found,
            "recall": self.recall,
            "precision": self.precision,
            "category_accuracy": self.category_accuracy,
            "provisions_agreement": self.provisions_agreement,
            "points_agreement": self.points_agreement,
            "requests_without_grounds": self.empty_requests,
            "requests_without_grounds_left_empty": self.empty_right,
            "ms_per_request": self.ms_per_request,
            "errors": self.errors,
        }
        if with_misses:
            data["misses"] = [vars(m) for m in self.misses]
        return data


# --------------------------------------------------------------------------- scoring


def evaluate_folder(
    folder: str | Path, *, reader: Reader = read_grounds, blind_regime: bool = False
) -> Report:
    """Read every request in ``folder`` and score it against its answer file."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is not a folder")
    report = Report()
    load_cues(), load_catalogue()  # loaded once, before the timing starts
    for name, text_file, answer_file in letter_pairs(folder):
        try:
            truth = json.loads(answer_file.read_text(encoding="utf-8"))
            text = letter_text(text_file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            report.errors.append(f"{name}: cannot read ({exc})")
            continue
        if not isinstance(truth, dict) or not isinstance(truth.get("grounds"), list):
            report.errors.append(f"{name}: the answer file has no list of grounds")
            continue
        regime = None if blind_regime else _one_regime(truth.get("regime"))
        began = time.perf_counter()
        got = reader(text, regime)
        report.seconds += time.perf_counter() - began
        score_request(report, name, text, truth["grounds"], got)
    return report


def _one_regime(value: Any) -> str | None:
    return value if value in REGIMES else None


def score_request(
    report: Report,
    name: str,
    text: str,
    expected: list[dict[str, Any]],
    got: list[RequesterGround],
) -> None:
    """Add one request's scores to ``report``."""
    report.requests += 1
    report.annotated += len(expected)
    report.predicted += len(got)
    if not expected:
        report.empty_requests += 1
        report.empty_right += not got
    spans = [_span_of(text, truth) for truth in expected]
    pairs = match_grounds(spans, [(g.start, g.end) for g in got])
    paired_got = set(pairs.values())
    for index, truth in enumerate(expected):
        if index not in pairs:
            report.misses.append(Miss(name, "missed", _brief(truth), None))
            continue
        _score_pair(report, name, truth, got[pairs[index]])
    for index, ground in enumerate(got):
        if index not in paired_got:
            report.misses.append(Miss(name, "invented", None, _brief_got(ground)))


def _score_pair(report: Report, name: str, truth: dict[str, Any], ground: RequesterGround) -> None:
    report.found += 1
    wanted_category = truth.get("category")
    if ground.category == wanted_category:
        report.category_right += 1
    else:
        report.misses.append(Miss(name, "category", _brief(truth), _brief_got(ground)))
    wanted = set(truth.get("provisions") or [])
    if set(ground.provisions) == wanted:
        report.provisions_right += 1
    else:
        report.misses.append(Miss(name, "provisions", sorted(wanted), sorted(ground.provisions)))
    wanted_points = {label_key(str(p)) for p in truth.get("points") or []}
    if {label_key(p) for p in ground.points} == wanted_points:
        report.points_right += 1
    else:
        report.misses.append(Miss(name, "points", sorted(wanted_points), list(ground.points)))


def _span_of(text: str, truth: dict[str, Any]) -> tuple[int, int]:
    """Where the annotated quote sits in the text ((0, 0) when it cannot be found)."""
    quote = str(truth.get("quote") or "")
    start = text.find(quote) if quote else -1
    return (start, start + len(quote)) if start >= 0 else (0, 0)


def match_grounds(
    expected: Sequence[tuple[int, int]], got: Sequence[tuple[int, int]]
) -> dict[int, int]:
    """Pair annotated spans with predicted spans that overlap them, one to one.

    A maximum matching (augmenting paths), each annotated ground trying its most
    overlapping predictions first. Returns ``{annotated index: predicted index}``.
    """
    candidates = []
    for start, end in expected:
        overlaps = [
            (min(end, g_end) - max(start, g_start), index)
            for index, (g_start, g_end) in enumerate(got)
            if min(end, g_end) > max(start, g_start)
        ]
        candidates.append([index for _, index in sorted(overlaps, key=lambda o: (-o[0], o[1]))])
    owner: dict[int, int] = {}

    def assign(truth: int, seen: set[int]) -> bool:
        for index in candidates[truth]:
            if index in seen:
                continue
            seen.add(index)
            if index not in owner or assign(owner[index], seen):
                owner[index] = truth
                return True
        return False

    for truth in range(len(expected)):
        assign(truth, set())
    return {truth: index for index, truth in owner.items()}


def _brief(truth: dict[str, Any]) -> str:
    return f"{truth.get('id')} {truth.get('category')}: {truth.get('quote', '')[:70]!r}"


def _brief_got(ground: RequesterGround) -> str:
    return f"{ground.category} ({ground.confidence:.2f}): {ground.quote[:70]!r}"


# --------------------------------------------------------------------------- output


def _pct(value: float | None) -> str:
    return "   n/a" if value is None else f"{value:6.2f}"


def format_table(report: Report, *, verbose: bool = False) -> str:
    """The figures, and with ``verbose`` every miss."""
    rows = [
        f"Review requests scored: {report.requests}",
        f"Grounds annotated: {report.annotated}; predicted: {report.predicted}; "
        f"found: {report.found}",
        "",
        f"ground recall            {_pct(report.recall)}",
        f"ground precision         {_pct(report.precision)}",
        f"category accuracy        {_pct(report.category_accuracy)}   (over grounds found)",
        f"provisions agreement     {_pct(report.provisions_agreement)}   (over grounds found)",
        f"points agreement         {_pct(report.points_agreement)}   (over grounds found)",
        f"requests with no ground  {report.empty_right} of {report.empty_requests} left empty",
        f"time per request         {report.ms_per_request or 0:6.2f} ms",
    ]
    if report.errors:
        rows += ["", "Errors:"] + [f"  {e}" for e in report.errors]
    if verbose and report.misses:
        rows += ["", "Misses:"]
        rows += [
            f"  {m.request} {m.kind}: expected {m.expected}; got {m.got}" for m in report.misses
        ]
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m workbench.grounds.evaluate", description=__doc__.splitlines()[0]
    )
    parser.add_argument("folder", help="folder of NAME.txt + NAME.json review requests")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--baseline", action="store_true", help="score the trivial baseline")
    parser.add_argument(
        "--blind-regime", action="store_true", help="do not give the reader the known regime"
    )
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    if args.verbose and PROTECTED_FOLDER in folder.resolve().parts:
        print(
            f"Error: --verbose is refused on the {PROTECTED_FOLDER} part: "
            "it is only scored, never read",
            file=sys.stderr,
        )
        return 1
    reader = read_grounds_baseline if args.baseline else read_grounds
    try:
        report = evaluate_folder(folder, reader=reader, blind_regime=args.blind_regime)
    except FileNotFoundError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report.to_dict(with_misses=args.verbose), indent=2, default=str))
    else:
        print(format_table(report, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
