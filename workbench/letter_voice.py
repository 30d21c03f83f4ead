"""Whether the reviewer's own words speak to the requester, as the letter does.

The outcome letter is addressed to the requester ("Dear ...", "you asked"), and
the reviewer's free text (procedural notes, reasons, the public interest test,
the conclusion) goes into it word for word.  A note written for the file in the
third person ("The requester was not told about the fee") then reads wrongly to
the person receiving it.  :func:`third_person_passages` finds such passages so
the Outcome page can flag them before the letter goes out; it never changes what
the reviewer wrote.  The phrases are data: ``workbench/data/letter_voice.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .review import Review


@dataclass(frozen=True)
class ThirdPerson:
    """A passage of the reviewer's text that speaks of the requester in the third person."""

    #: Where the text is, as the dashboard names it ("Procedure: other notes").
    where: str
    #: The words that speak of the requester ("The requester was").
    phrase: str
    #: The sentence they are in.
    sentence: str
    #: What is wrong, in a sentence.
    why: str


@lru_cache(maxsize=1)
def _rules() -> tuple[str, tuple[re.Pattern[str], ...]]:
    data = yaml.safe_load(
        (resources.files("workbench") / "data" / "letter_voice.yaml").read_text(encoding="utf-8")
    )
    patterns = tuple(re.compile(p, re.IGNORECASE) for p in data["patterns"])
    return " ".join(data["why"].split()), patterns


def letter_texts(review: Review) -> list[tuple[str, str]]:
    """``(where, text)`` for each piece of the reviewer's text the letter quotes as written."""
    proc = review.procedural
    texts = [
        ("Procedure: notes on timeliness", proc.timeliness_notes),
        ("Procedure: advice and assistance", proc.advice_and_assistance_notes),
        ("Procedure: the refusal notice", proc.refusal_notice_notes),
        ("Procedure: other notes on the handling", proc.notes),
    ]
    for point in review.points:
        texts.append((f"Request points: reasons for point {point.label}", point.reasons))
    for provision in review.provisions:
        texts.append((f"Provisions: reasons for {provision.provision_id}", provision.reasons))
        test = provision.public_interest
        if test is not None:
            for field, label in (
                ("for_disclosure", "for disclosure"),
                ("for_withholding", "for maintaining the exemption"),
                ("balance", "the balance"),
            ):
                texts.append(
                    (f"Provisions: {provision.provision_id}, {label}", getattr(test, field))
                )
    texts.append(("Outcome and letter: conclusion", review.conclusion))
    return [(where, text) for where, text in texts if text and text.strip()]


def third_person_passages(review: Review, requester: str | None = None) -> list[ThirdPerson]:
    """Every passage of the letter's quoted reviewer text that speaks of the requester.

    ``requester``: the requester's name, when known; a note naming them ("Ms Khan asked
    ...") is flagged too.
    """
    why, patterns = _rules()
    named = _name_pattern(requester)
    found = []
    for where, text in letter_texts(review):
        for sentence in _sentences(text):
            for pattern in (*patterns, *([named] if named else [])):
                match = pattern.search(sentence)
                if match:
                    found.append(ThirdPerson(where, match.group(0), sentence, why))
                    break
    return found


def _name_pattern(requester: str | None) -> re.Pattern[str] | None:
    """The requester's surname (or whole name), as a word."""
    if not requester or not requester.strip():
        return None
    surname = requester.split()[-1]
    if len(surname) < 3:
        return None
    return re.compile(rf"\b{re.escape(surname)}\b")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
