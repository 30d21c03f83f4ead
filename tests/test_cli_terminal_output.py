"""What the command line prints cannot drive the terminal: control characters are written out.

A letter is the requester's text; an escape sequence in it (``ESC ] 0 ;`` sets
the window's title, ``ESC [ 2 J`` clears the screen) must reach the terminal
as visible characters, never as a command.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from review_fixtures import CASE_ID, sample_review

from workbench.cli import main
from workbench.store import Store
from workbench.terminal import printable

OSC_TITLE = "\x1b]0;you have been hacked\x07"
CLEAR = "\x1b[2J"


def run(*args: str) -> str:
    # color=True: as on a terminal, where click leaves escape sequences in what it prints.
    result = CliRunner().invoke(main, list(args), color=True)
    return result.output


def raw_controls(text: str) -> list[str]:
    return sorted({c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0})


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain text\n\tindented", "plain text\n\tindented"),
        (OSC_TITLE, "\\x1b]0;you have been hacked\\x07"),
        ("nul\x00here", "nul\\x00here"),
        ("over\rwrite", "over\\rwrite"),
        ("c1 \x9b31m", "c1 \\x9b31m"),
        ("\u202eevil", "\\u202eevil"),
        ("café – naïve", "café – naïve"),
    ],
)
def test_printable_writes_control_characters_out(text, shown):
    assert printable(text) == shown


def test_review_show_and_list_escape_what_the_requester_wrote(isolated_data):
    review = sample_review()
    review.grounds = f"More is held{OSC_TITLE}{CLEAR}\x00"
    review.reviewer.name = f"Ann{CLEAR}"
    with Store() as store:
        store.create(review, "ann")

    shown = run("review", "show", CASE_ID)
    assert (
        "Grounds (the requester's words): "
        "More is held\\x1b]0;you have been hacked\\x07\\x1b[2J\\x00"
    ) in shown
    assert raw_controls(shown) == []
    listed = run("review", "list")
    assert "Ann\\x1b[2J" in listed and raw_controls(listed) == []


def test_extract_escapes_control_characters_in_a_letter(tmp_path):
    letter = tmp_path / "response.txt"
    letter.write_text(
        f"Our ref: FOI-2024-0001{OSC_TITLE}\n\nDear Requester,\n\nWe hold the information"
        f"{CLEAR}.\n\nYours sincerely\n",
        encoding="utf-8",
    )
    shown = run("extract", str(letter))
    assert "\\x1b" in shown
    assert raw_controls(shown) == []


def test_errors_naming_hostile_text_are_escaped_too(isolated_data):
    shown = run("review", "show", f"X{CLEAR}")
    assert shown.startswith("Error: ")
    assert raw_controls(shown) == []
