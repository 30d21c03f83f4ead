"""How often the checks are right on real letters a careful human has judged.

A folder of real letters (``NAME.txt``, the corpus format of ``workbench.evaluate``) is
read end to end as a reviewer would see it: the extractor reads each letter, the checks
run on that reading, and every finding of severity issue or warning is looked up in a
judgements file a person wrote after reading the letter::

    real-014:
      "public-interest-missing:foisa.s.28(1)": {verdict: wrong, why: "balance given below"}
      "review-rights-missing": {verdict: undecidable, why: "text cut before the closing"}

``right`` means the letter really has the defect the finding names; ``wrong`` is a false
alarm; ``undecidable`` means the text cannot settle it (a page cut short, a published
summary instead of the letter) and is left out of the figure.  Precision is right /
(right + wrong).  A finding with no judgement is reported, so a change in the checks or
the extractor that produces new findings asks to be judged rather than slipping through.

Run it as ``python -m workbench.checks.measure DIR JUDGEMENTS [--verbose]``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml

from ..parsing.extract import extract
from .base import CheckContext, Finding, Severity, run_checks

Verdict = Literal["right", "wrong", "undecidable"]
VERDICTS: tuple[str, ...] = ("right", "wrong", "undecidable")


@dataclass(frozen=True)
class Judged:
    """One issue or warning finding on one letter, with the human's verdict (None: unjudged)."""

    letter: str
    finding: Finding
    verdict: str | None
    why: str = ""


@dataclass
class Precision:
    """The judged findings of a folder and the figure they give."""

    judged: list[Judged] = field(default_factory=list)

    def count(self, verdict: str | None) -> int:
        return sum(1 for j in self.judged if j.verdict == verdict)

    @property
    def precision(self) -> float | None:
        decided = self.count("right") + self.count("wrong")
        return self.count("right") / decided if decided else None

    @property
    def false_alarms(self) -> list[Judged]:
        return [j for j in self.judged if j.verdict == "wrong"]

    @property
    def unjudged(self) -> list[Judged]:
        return [j for j in self.judged if j.verdict is None]

    def summary(self) -> str:
        figure = "n/a" if self.precision is None else f"{self.precision:.1%}"
        return (
            f"precision {figure}: {self.count('right')} right, {self.count('wrong')} wrong, "
            f"{self.count('undecidable')} undecidable, {self.count(None)} unjudged "
            f"({len(self.judged)} issue/warning findings)"
        )


def letter_text(path: Path) -> str:
    """The letter without the corpus's ``SOURCE:`` line and the blank line after it."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("SOURCE:"):
        text = text.split("\n", 2)[2] if text.count("\n") >= 2 else ""
    return text


def letter_findings(path: Path) -> list[Finding]:
    """The issue and warning findings the workbench gives for one letter, end to end."""
    text = letter_text(path)
    context = CheckContext.from_extraction(text, extract(text), response_format="txt")
    return [f for f in run_checks(context) if f.severity is not Severity.INFO]


def load_judgements(path: Path) -> dict[str, dict[str, dict[str, str]]]:
    """letter -> finding id -> {verdict, why}, checked so a typo fails loudly."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: expected a mapping of letter -> findings")
    for letter, findings in raw.items():
        for finding_id, judgement in (findings or {}).items():
            verdict = (judgement or {}).get("verdict")
            if verdict not in VERDICTS:
                raise ValueError(
                    f"{path}: {letter}: {finding_id}: verdict {verdict!r} is not one of "
                    f"{', '.join(VERDICTS)}"
                )
    return {letter: dict(findings or {}) for letter, findings in raw.items()}


def measure(folder: Path, judgements: Path) -> Precision:
    """Run every letter of ``folder`` and look each finding up in ``judgements``."""
    verdicts = load_judgements(judgements)
    result = Precision()
    for path in sorted(folder.glob("*.txt")):
        mine = verdicts.get(path.stem, {})
        for found in letter_findings(path):
            judgement = mine.get(found.id) or {}
            result.judged.append(
                Judged(path.stem, found, judgement.get("verdict"), judgement.get("why", ""))
            )
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m workbench.checks.measure",
        description="Precision of the checks' issue and warning findings on judged letters.",
    )
    parser.add_argument("folder", type=Path, help="folder of NAME.txt letters")
    parser.add_argument("judgements", type=Path, help="YAML of verdicts per letter and finding")
    parser.add_argument("--verbose", action="store_true", help="list every judged finding")
    args = parser.parse_args(argv)
    result = measure(args.folder, args.judgements)
    print(result.summary())
    shown = result.judged if args.verbose else [*result.false_alarms, *result.unjudged]
    for item in shown:
        print(
            f"  [{item.verdict or 'UNJUDGED'}] {item.letter} {item.finding.id} "
            f"({item.finding.severity}): {item.finding.title}"
            + (f" -- {item.why}" if item.why else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
