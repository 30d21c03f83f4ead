"""Score the extractor on letters made to look the way real letters arrive.

Fixes made on one batch of real letters have rarely carried to letters no one had read: each
batch shows a layout or a wording the next does not. A stand-in asks a different question of
letters whose answers are known: does the reading survive what copying does to a letter? Each
letter of a corpus folder (default ``tests/letters/real/dev``) is rewritten in one way at a
time, its answer file unchanged, and the folder is scored as ``workbench.evaluate`` scores it:

* ``one-line``: every line break lost (a PDF or a web page copied as one line);
* ``no-request-heading``: the request's own heading lines ("Request:", "Your request")
  removed, so only the voice of the words says where the request is;
* ``no-answer-heading``: the answer part's heading lines ("Response", "Our reply") removed;
* ``hard-wrapped``: long lines wrapped at 70 characters (a PDF's lines);
* ``no-blank-lines``: blank lines between paragraphs removed (a page's paragraphs run together);
* ``bracket-labels``: "1." at the start of a line written "1)";
* ``double-spaced``: two spaces between words (a justified PDF's lines);
* ``page-breaks``: a PDF's page footer and running header ("Page 2 of 9", "OFFICIAL") every
  35 lines, wherever they fall;
* ``web-page``: a page's menu and cookie banner above the letter, its footer links below.

Each line gives per-point determination and number of points, first for the letters as
written. The scoring part is refused, as by ``evaluate --points``: it is only ever scored as
it stands.

Run from the checkout::

    .venv/bin/python benchmarks/stand_ins.py [FOLDER]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

from workbench.evaluate import evaluate_folder, letter_pairs

_SOURCE = "SOURCE:"


def _body(rewrite: Callable[[str], str]) -> Callable[[str], str]:
    """Apply ``rewrite`` to a letter's text, keeping its ``SOURCE:`` line as it is."""

    def rewritten(raw: str) -> str:
        head, _, body = raw.partition("\n")
        if not head.startswith(_SOURCE):
            return rewrite(raw)
        return head + "\n\n" + rewrite(body.lstrip("\n"))

    return rewritten


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip() + "\n"


_REQUEST_HEADING = re.compile(
    r"(?mi)^[ \t]*(?:your\s+|the\s+)?(?:request|information\s+requested|request\s+details|"
    r"details\s+of\s+(?:your\s+)?request)[ \t]*:?[ \t]*\n"
)
_ANSWER_HEADING = re.compile(
    r"(?mi)^[ \t]*(?:our\s+)?(?:response|reply|answer|decision|outcome)s?"
    r"(?:\s+to\s+your\s+request)?[ \t]*:?[ \t]*\n"
)


def _hard_wrapped(text: str) -> str:
    lines: list[str] = []
    for line in text.split("\n"):
        lines.extend(textwrap.wrap(line, 70) if len(line) > 75 else [line])
    return "\n".join(lines)


def _page_breaks(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    for number, line in enumerate(lines, start=1):
        out.append(line)
        if number % 35 == 0 and number < len(lines):
            out += ["", f"Page {number // 35 + 1} of 9", "", "OFFICIAL", ""]
    return "\n".join(out)


_MENU = "Skip to main content\nHome\nNews\nContact us\nAccept all cookies\nReject cookies\n\n"
_FOOTER = "\n\nShare this page\nBack to top\nAccessibility statement\nPrivacy\n"


STAND_INS: dict[str, Callable[[str], str]] = {
    "one-line": _body(_one_line),
    "no-request-heading": _body(lambda text: _REQUEST_HEADING.sub("", text)),
    "no-answer-heading": _body(lambda text: _ANSWER_HEADING.sub("", text)),
    "hard-wrapped": _body(_hard_wrapped),
    "no-blank-lines": _body(lambda text: re.sub(r"\n\s*\n+", "\n", text)),
    "bracket-labels": _body(lambda text: re.sub(r"(?m)^(\s*)(\d{1,2})\.(\s)", r"\1\2)\3", text)),
    "double-spaced": _body(lambda text: re.sub(r"(?<=\S) (?=\S)", "  ", text)),
    "page-breaks": _body(_page_breaks),
    "web-page": _body(lambda text: _MENU + text + _FOOTER),
}


def score_line(label: str, folder: Path) -> str:
    report = evaluate_folder(folder)
    determination = f"{report.correct['point_determination']}/{report.total['point_determination']}"
    points = f"{report.correct['points_count']}/{report.total['points_count']}"
    return f"  {label:<20} per-point determination {determination:>7}   points {points:>6}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default="tests/letters/real/dev")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    if folder.resolve().name == "scoring":
        print("Error: the scoring part is only ever scored as it stands", file=sys.stderr)
        return 2
    pairs = letter_pairs(folder)
    if not pairs:
        print(f"Error: no letters with answer files in {folder}", file=sys.stderr)
        return 2
    print(f"Letters: {len(pairs)} from {folder}")
    print(score_line("as written", folder))
    for name, rewrite in STAND_INS.items():
        with tempfile.TemporaryDirectory() as scratch:
            out = Path(scratch)
            for stem, text_file, answer_file in pairs:
                raw = text_file.read_text(encoding="utf-8")
                (out / f"{stem}.txt").write_text(rewrite(raw), encoding="utf-8")
                shutil.copy(answer_file, out / f"{stem}.json")
            print(score_line(name, out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
