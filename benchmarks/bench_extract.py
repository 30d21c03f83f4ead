"""How fast the extractor reads letters, and a 200-page PDF.

Prints, for a folder of letters (default ``tests/letters/real/dev``; corpus-format
``NAME.txt`` files, the ``SOURCE:`` header stripped), letters per second and
the median and slowest time per letter (and letters per second of CPU time, which is
what one core manages whatever else the machine runs); then, for a generated 200-page PDF,
the time to load it (pypdf) and the time to extract from its text. Targets:
a typical letter well under 50 ms on one core; a 200-page PDF under 2 s.

Run from the checkout::

    .venv/bin/python benchmarks/bench_extract.py [FOLDER] [--pages 200] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from workbench.documents import load_bytes  # noqa: E402
from workbench.evaluate import letter_text  # noqa: E402
from workbench.parsing.extract import extract  # noqa: E402


def bench_folder(folder: Path, repeat: int) -> None:
    texts = {
        path.name: letter_text(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.txt"))
    }
    if not texts:
        print(f"No .txt letters in {folder}")
        return
    extract(next(iter(texts.values())))  # warm up: compile patterns, load the catalogue
    timings: dict[str, list[float]] = {name: [] for name in texts}
    started = time.perf_counter()
    cpu_started = time.process_time()
    for _ in range(repeat):
        for name, text in texts.items():
            begin = time.perf_counter()
            extract(text)
            timings[name].append(time.perf_counter() - begin)
    total = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    per_letter = {name: statistics.median(times) for name, times in timings.items()}
    slowest = max(per_letter, key=per_letter.__getitem__)
    count = len(texts) * repeat
    print(f"Letters: {len(texts)} from {folder} (x{repeat})")
    print(f"  letters per second:   {count / total:8.1f}")
    # CPU time of this process: one core's rate, whatever else the machine is doing.
    print(f"  letters per CPU sec:  {count / cpu:8.1f}  (target >= 200 on one core)")
    print(f"  median per letter:    {statistics.median(per_letter.values()) * 1000:8.2f} ms")
    print(f"  slowest letter:       {per_letter[slowest] * 1000:8.2f} ms ({slowest})")
    bench_with_checks(texts, repeat)


def bench_with_checks(texts: dict[str, str], repeat: int) -> None:
    """Extraction followed by every automated check, as ``workbench check`` runs them."""
    try:
        from workbench.checks import CheckContext, run_checks
    except ImportError:
        print("  (workbench.checks not available: no figure for extraction plus checks)")
        return
    started = time.perf_counter()
    for _ in range(repeat):
        for text in texts.values():
            run_checks(CheckContext.from_extraction(text, extract(text)))
    total = time.perf_counter() - started
    print(f"  with checks, per sec: {len(texts) * repeat / total:8.1f}")


PDF_LETTER = ROOT / "tests" / "letters" / "real" / "dev" / "seed-IC-266000-V6Y0.txt"


def pdf_documents(pages: int, letter: Path) -> list[tuple[str, bytes]]:
    """Two PDFs of ``pages`` pages: every line a refusal (the worst case for the decision
    reader), and a real letter's lines repeated page after page (a long bundle of
    correspondence). Empty when the test fixtures that make them are missing."""
    try:
        from pdf_fixtures import make_pdf, make_text_pdf
    except ImportError:
        return []
    lines = [line[:90] for line in letter_text(letter.read_text(encoding="utf-8")).splitlines()]
    lines = [line for line in lines if line.strip()] or ["Dear Sir"]
    repeated = [[lines[(page * 40 + n) % len(lines)] for n in range(40)] for page in range(pages)]
    return [
        ("every line a refusal", make_text_pdf(pages)),
        (f"{letter.name} repeated", make_pdf(repeated)),
    ]


def pdf_texts(pages: int, letter: Path) -> list[tuple[str, str]]:
    """The text of each of :func:`pdf_documents` as the loader reads it."""
    return [
        (title, load_bytes(data, "long.pdf", max_bytes=len(data) + 1).text)
        for title, data in pdf_documents(pages, letter)
    ]


def bench_pdf(pages: int, letter: Path) -> None:
    documents = pdf_documents(pages, letter)
    if not documents:
        print("tests/pdf_fixtures.py is missing: no PDF figures")
        return
    for title, data in documents:
        begin = time.perf_counter()
        text = load_bytes(data, "long.pdf", max_bytes=len(data) + 1).text
        loaded = time.perf_counter() - begin
        begin = time.perf_counter()
        result = extract(text)
        extracted = time.perf_counter() - begin
        print(f"PDF of {pages} pages, {title} ({len(text):,} characters of text)")
        print(f"  load (pypdf):         {loaded:8.3f} s")
        print(f"  extract:              {extracted:8.3f} s")
        print(f"  total:                {loaded + extracted:8.3f} s")
        print(f"  points: {len(result.points)}; grounds: {', '.join(result.provisions_cited)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder", nargs="?", default=str(ROOT / "tests" / "letters" / "real" / "dev")
    )
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    bench_folder(Path(args.folder), args.repeat)
    bench_pdf(args.pages, PDF_LETTER)


if __name__ == "__main__":
    main()
