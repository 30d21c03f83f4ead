"""Reading the development letters in tests: ``dev_letter("real-123")`` -> its text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from workbench.evaluate import letter_text

DEV = Path(__file__).parent / "letters" / "real" / "dev"
SCORING = Path(__file__).parent / "letters" / "real" / "scoring"


def dev_letter(name: str) -> str:
    """The text of a development letter, without its corpus ``SOURCE:`` line."""
    return letter_text((DEV / f"{name}.txt").read_text(encoding="utf-8"))


def dev_truth(name: str) -> dict[str, Any]:
    return json.loads((DEV / f"{name}.json").read_text(encoding="utf-8"))
