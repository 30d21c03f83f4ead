"""Phrases or a small model? Per-point determination read two ways, on unseen letters.

The extractor reads each answer with phrases kept as data. The alternative the team
asked to measure is a small model trained on the development letters: a multinomial
naive Bayes over the words of each point's answer (the same answer text the phrase reader
gets, found by the structure reader). It prints:

* the model, trained and tested leave-one-letter-out on ``tests/letters/real/dev``;
* the model, trained on all the development letters, on ``tests/letters/real/scoring``;
* the phrase reader on both (as ``python -m workbench.evaluate`` reports it).

* with folders of more annotated letters as arguments (kept outside the repository: fresh
  letters gathered for first runs), the model trained on the development letters and them,
  on ``tests/letters/real/scoring``.

Only totals are printed: the scoring letters are measured, never read. Run::

    .venv/bin/python benchmarks/compare_small_model.py [MORE_LETTERS_FOLDER ...]
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.evaluate import align_points, evaluate_folder, letter_text  # noqa: E402
from workbench.parsing.extract import _answers  # noqa: E402
from workbench.parsing.model import Point  # noqa: E402
from workbench.parsing.request import read_request  # noqa: E402
from workbench.parsing.structure import ANSWERING, read_letter  # noqa: E402

DEV = ROOT / "tests" / "letters" / "real" / "dev"
SCORING = ROOT / "tests" / "letters" / "real" / "scoring"
Row = tuple[str, list[str], str]


def rows(folder: Path) -> list[Row]:
    """(letter, words of the point's answer, true determination) for every true point."""
    found: list[Row] = []
    for path in sorted(folder.glob("*.txt")):
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        letter = read_letter(letter_text(path.read_text(encoding="utf-8")))
        zones = letter.spans(*ANSWERING)
        answers = _answers(letter, read_request(letter).points, zones)
        texts = {}
        for point in answers.new_points:
            spans = answers.by_key.get(point.key) or (
                answers.general if answers.signposted else zones
            )
            texts[point.label] = " ".join(span.text for span in spans)
        got = [Point(label=label) for label in texts]
        for wanted, matched in align_points(truth.get("points") or [], got):
            words = " ".join(texts[p.label] for p in matched).lower()
            found.append((path.stem, re.findall(r"[a-z]+", words), wanted["determination"]))
    return found


def train(data: list[Row]):
    prior = Counter(label for _, _, label in data)
    counts: dict[str, Counter] = defaultdict(Counter)
    vocabulary: set[str] = set()
    for _, words, label in data:
        counts[label].update(words)
        vocabulary.update(words)
    return prior, counts, vocabulary


def predict(model, words: list[str]) -> str:
    prior, counts, vocabulary = model
    total = sum(prior.values())
    scores = {}
    for label in prior:
        size = sum(counts[label].values()) + len(vocabulary)
        scores[label] = math.log(prior[label] / total) + sum(
            math.log((counts[label][w] + 1) / size) for w in words
        )
    return max(scores, key=scores.__getitem__)


def main(extra: list[str]) -> None:
    dev = rows(DEV)
    right = 0
    for letter in sorted({row[0] for row in dev}):
        model = train([row for row in dev if row[0] != letter])
        right += sum(predict(model, w) == label for name, w, label in dev if name == letter)
    print(f"naive Bayes, dev, leave one letter out: {right}/{len(dev)} = {right / len(dev):.1%}")
    if SCORING.is_dir():
        scoring = rows(SCORING)
        model = train(dev)
        right = sum(predict(model, words) == label for _, words, label in scoring)
        share = right / len(scoring)
        print(f"naive Bayes, trained on dev, scoring: {right}/{len(scoring)} = {share:.1%}")
        if extra:
            more = [row for folder in extra for row in rows(Path(folder))]
            model = train(dev + more)
            right = sum(predict(model, words) == label for _, words, label in scoring)
            print(
                f"naive Bayes, trained on dev and {len(more)} more points, scoring: "
                f"{right}/{len(scoring)} = {right / len(scoring):.1%}"
            )
    for name, folder in (("dev", DEV), ("scoring", SCORING)):
        report = evaluate_folder(folder)
        print(f"phrases, {name}: {report.accuracy('point_determination'):.1%}")


if __name__ == "__main__":
    main(sys.argv[1:])
