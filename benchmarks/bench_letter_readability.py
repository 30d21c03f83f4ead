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

Needs ``textstat`` (a test extra).  Syllables are counted with Pyphen's hyphenation
dictionary, which ships with ``pyphen``: textstat would otherwise fetch NLTK's CMU
pronouncing dictionary from the internet at run time, which a machine without internet
access cannot do (and the figures must not depend on the network).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import sys
import tempfile
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
    textstat = offline_textstat()

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        (data / "cases").mkdir(parents=True)
        os.environ["WORKBENCH_DATA"] = str(data)
        os.environ.pop("WORKBENCH_DB", None)
        os.environ.pop("WORKBENCH_TEMPLATES", None)
        shutil.copytree(ROOT / "data" / "cases" / SEED_ID, data / "cases" / SEED_ID)
        cases = [SEED_ID, *(_real_case(name, Path(tmp)) for name in REAL)]
        print("Readability of the letter's own wording (template text, web-page letter)")
        print(f"{'case':<16} {'ease':>5} {'grade':>5} {'age':>4} {'words':>6} {'w/sent':>6}")
        for index, case_id in enumerate(cases):
            text = template_text(case_id, change=index == 0)
            sentences = _sentences(text)
            grade = textstat.flesch_kincaid_grade(text)
            print(
                f"{case_id:<16} {textstat.flesch_reading_ease(text):5.1f} {grade:5.1f} "
                f"{grade + 5:4.1f} {textstat.lexicon_count(text):6d} "
                f"{textstat.lexicon_count(text) / max(len(sentences), 1):6.1f}"
            )
            for sentence in sorted(sentences, key=lambda s: -len(s.split()))[: args.longest]:
                print(f"    {len(sentence.split()):3d} words: {sentence}")


def offline_textstat():
    """textstat, counting syllables with Pyphen alone (no download of NLTK's CMU dictionary)."""
    import textstat
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = lambda _lang: None  # falls back to Pyphen for every word
    return textstat


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
    from workbench.export import build_letter, first_pass, render_html
    from workbench.review import review_from_case

    case = load_case(case_id)
    review = review_from_case(case, first_pass(case), reviewer="Sam Reviewer", role="")
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
