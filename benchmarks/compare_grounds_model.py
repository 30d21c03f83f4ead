"""Compare the cue-based grounds reader with a small model trained on the development part.

The model is a multinomial naive Bayes over the words and word pairs of each sentence or
clause (the reader's own units, quotations blanked), with one class per category plus
"no ground", trained on the units of the development requests (a unit is labelled with the
category of an annotated quote it overlaps). Consecutive units of one paragraph with the
same predicted category are one ground, as in the reader. It is scored with the reader's
own scorer: leave-one-request-out on the development part, then trained on the whole
development part and scored on each other folder given (aggregate figures only).

Run from the checkout::

    .venv/bin/python benchmarks/compare_grounds_model.py [FOLDER ...]
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

from workbench.evaluate import letter_pairs, letter_text
from workbench.grounds.evaluate import Report, evaluate_folder, score_request
from workbench.grounds.model import RequesterGround
from workbench.grounds.structure import read_structure

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "review_requests" / "dev"
NONE = "none"
_WORD = re.compile(r"[a-z][a-z'’]+|£?\d+")


def _features(text: str) -> list[str]:
    words = _WORD.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def _units(text: str) -> list[tuple[int, int, int, str]]:
    structure = read_structure(text)
    return [(u.start, u.end, u.block, structure.masked[u.start : u.end]) for u in structure.units]


class NaiveBayes:
    """Multinomial naive Bayes with add-one smoothing."""

    def __init__(self) -> None:
        self.classes: Counter[str] = Counter()
        self.words: dict[str, Counter[str]] = defaultdict(Counter)
        self.vocabulary: set[str] = set()

    def fit(self, examples: list[tuple[list[str], str]]) -> NaiveBayes:
        for features, label in examples:
            self.classes[label] += 1
            self.words[label].update(features)
            self.vocabulary.update(features)
        return self

    def predict(self, features: list[str]) -> str:
        total = sum(self.classes.values())
        best, best_score = NONE, -math.inf
        for label, count in self.classes.items():
            words = self.words[label]
            size = sum(words.values()) + len(self.vocabulary)
            score = math.log(count / total)
            score += sum(math.log((words[f] + 1) / size) for f in features if f in self.vocabulary)
            if score > best_score:
                best, best_score = label, score
        return best


def _examples(pairs: list[tuple[str, Path, Path]]) -> list[tuple[list[str], str]]:
    examples = []
    for _, text_file, answer_file in pairs:
        text = letter_text(text_file.read_text(encoding="utf-8"))
        truth = json.loads(answer_file.read_text(encoding="utf-8"))["grounds"]
        spans = []
        for ground in truth:
            start = text.find(ground["quote"])
            if start >= 0:
                spans.append((start, start + len(ground["quote"]), ground["category"]))
        for start, end, _, masked in _units(text):
            label = next((c for s, e, c in spans if min(e, end) > max(s, start)), NONE)
            examples.append((_features(masked), label))
    return examples


def model_reader(model: NaiveBayes):
    def read(text: str, regime: str | None) -> list[RequesterGround]:
        grounds: list[RequesterGround] = []
        previous: tuple[int, str] | None = None
        for start, end, block, masked in _units(text):
            label = model.predict(_features(masked))
            if label == NONE:
                previous = None
                continue
            if previous == (block, label):
                last = grounds.pop()
                start = last.start
            grounds.append(RequesterGround(label, text[start:end], start, end, "", 0.5))
            previous = (block, label)
        return grounds

    return read


def leave_one_out(pairs: list[tuple[str, Path, Path]]) -> Report:
    report = Report()
    for index, (name, text_file, answer_file) in enumerate(pairs):
        model = NaiveBayes().fit(_examples(pairs[:index] + pairs[index + 1 :]))
        text = letter_text(text_file.read_text(encoding="utf-8"))
        truth = json.loads(answer_file.read_text(encoding="utf-8"))["grounds"]
        score_request(report, name, text, truth, model_reader(model)(text, None))
    return report


def _line(title: str, report: Report) -> str:
    def pct(value: float | None) -> str:
        return " n/a" if value is None else f"{value:.2f}"

    return (
        f"{title:<44} recall {pct(report.recall)}  precision {pct(report.precision)}  "
        f"category {pct(report.category_accuracy)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    args = parser.parse_args()
    pairs = letter_pairs(DEV)
    print(_line("dev, cue reader", evaluate_folder(DEV)))
    print(_line("dev, model (leave one request out)", leave_one_out(pairs)))
    model = NaiveBayes().fit(_examples(pairs))
    for folder in args.folders:
        print(_line(f"{folder.name}, cue reader", evaluate_folder(folder)))
        trained = evaluate_folder(folder, reader=model_reader(model))
        print(_line(f"{folder.name}, model trained on dev", trained))


if __name__ == "__main__":
    main()
