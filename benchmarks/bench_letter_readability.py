"""How easy the outcome letter's own wording is to read, on the seed case and two real letters.

Measures the template text only: the sentences the workbench writes (the partials and the
letter's headings and labels), not the requester's words it quotes nor the reviewer's.  For
each case a review is made from the first pass with a finding on every point and provision
(one case with a point found wrong, so the "what we will do" sentences are there too),
the letter is rendered as a web page, and the quoted and free text is dropped.  Prints
Flesch reading ease (higher is easier; 60-70 is plain English), the Flesch-Kincaid grade,
the reading age it implies (grade + 5, the UK convention; GOV.UK aims at about 9), words,
words per sentence, and the longest sentences, which are the first to rewrite.

    .venv/bin/python benchmarks/bench_letter_readability.py [--longest 5]

The two Flesch formulas are computed here from their published definitions, with
syllables counted by Pyphen's English hyphenation dictionary (``pyphen``, a test extra) as
textstat does when it has no pronouncing dictionary.  textstat itself is not used: every
release installs a top-level ``tests`` package, which hides this project's ``tests`` from
the test suite, and it downloads NLTK's dictionary from the internet at run time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
SEED_ID = "IC-266000-V6Y0"
#: Two real letters from the development part of the corpus: a FOIA refusal relying on
#: s.43(2) (with a public interest test) and an EIR refusal under reg 12(4)(b).
REAL = ("real-032", "real-123")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--longest", type=int, default=3, help="longest sentences to list")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        (data / "cases").mkdir(parents=True)
        os.environ["WORKBENCH_DATA"] = str(data)
        os.environ.pop("WORKBENCH_DB", None)
        os.environ.pop("WORKBENCH_TEMPLATES", None)
        shutil.copytree(ROOT / "workbench" / "seed" / SEED_ID, data / "cases" / SEED_ID)
        cases = [SEED_ID, *(_real_case(name, Path(tmp)) for name in REAL)]
        print("Readability of the letter's own wording (template text, web-page letter)")
        print(f"{'case':<16} {'ease':>5} {'grade':>5} {'age':>4} {'words':>6} {'w/sent':>6}")
        for index, case_id in enumerate(cases):
            text = template_text(case_id, change=index == 0)
            sentences = _sentences(text)
            found = readability(text)
            print(
                f"{case_id:<16} {found.ease:5.1f} {found.grade:5.1f} {found.reading_age:4.1f} "
                f"{found.words:6d} {found.words_per_sentence:6.1f}"
            )
            for sentence in sorted(sentences, key=lambda s: -len(s.split()))[: args.longest]:
                print(f"    {len(sentence.split()):3d} words: {sentence}")


@dataclass(frozen=True)
class Readability:
    """The Flesch figures of a text."""

    words: int
    sentences: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / max(self.sentences, 1)

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / max(self.words, 1)

    @property
    def ease(self) -> float:
        """Flesch reading ease (Flesch 1948): higher is easier; 60-70 is plain English."""
        return 206.835 - 1.015 * self.words_per_sentence - 84.6 * self.syllables_per_word

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level (Kincaid et al. 1975): a US school grade."""
        return 0.39 * self.words_per_sentence + 11.8 * self.syllables_per_word - 15.59

    @property
    def reading_age(self) -> float:
        """The UK reading age a grade implies (US grade + 5)."""
        return self.grade + 5


def readability(text: str) -> Readability:
    """Words, sentences and syllables of ``text`` (syllables from Pyphen's hyphenation points)."""
    import pyphen

    dictionary = pyphen.Pyphen(lang="en_GB")
    words = re.findall(r"[A-Za-z]+(?:'[A-Za-z]+)?", text)
    syllables = sum(len(dictionary.positions(word.lower())) + 1 for word in words)
    return Readability(len(words), len(_sentences(text)), syllables)


def _real_case(name: str, tmp: Path) -> str:
    from workbench.cases import new_case

    folder = ROOT / "tests" / "letters" / "real" / "dev"
    response = tmp / f"{name}.txt"
    shutil.copyfile(folder / f"{name}.txt", response)
    return new_case(response, case_id=name).meta.id


def template_text(case_id: str, *, change: bool) -> str:
    """The letter's own sentences for ``case_id``: quotes, tables and the reviewer's words out."""
    from letter_text import html_lines

    from workbench.cases import load_case
    from workbench.export import build_letter, render_html
    from workbench.review import review_from_case

    case = load_case(case_id)
    review = review_from_case(case, case.first_pass(), reviewer="Sam Reviewer", role="")
    review.start()
    review.review_requested = review.date_responded or dt.date(2024, 1, 8)
    for point in review.points:
        point.finding = "correct"
    if change and review.points:
        point = review.points[-1]
        point.finding, point.remedies = "incorrect", ["new_searches"]
        point.remedy_date = dt.date(2024, 1, 19)
    for provision in review.provisions:
        provision.engaged = "yes"
        provision.finding = "upheld"
        provision.answers = {
            "personal_data": "yes",
            "legitimate_interest": "yes",
            "reasonably_necessary": "yes",
            "balance_favours_subject": "yes",
        }
    review.procedural.advice_and_assistance_adequate = True
    review.procedural.refusal_notice_adequate = True
    letter = build_letter(review, case, today=dt.date(2024, 1, 10))
    quoted = {" ".join(p.split()) for p in letter.request_paragraphs}
    quoted |= {" ".join(p.request_text.split()) for p in letter.points}
    lines = html_lines(_without_tables_and_quotes(render_html(letter)))
    kept = [line for line in lines if line not in quoted and not _address(line, letter)]
    return "\n".join(line if line.endswith((".", ":", "?")) else line + "." for line in kept)


def _without_tables_and_quotes(page: str) -> str:
    page = re.sub(r"<table.*?</table>", "", page, flags=re.DOTALL)
    page = re.sub(r"<blockquote.*?</blockquote>", "", page, flags=re.DOTALL)
    return re.sub(r"<address.*?</address>", "", page, flags=re.DOTALL)


def _address(line: str, letter) -> bool:
    signature = letter.organisation.signature
    return line in (letter.signed_by, *signature.lines) or line.startswith("Our reference")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?:])\s+|\n", text) if len(s.split()) > 2]


if __name__ == "__main__":
    main()
