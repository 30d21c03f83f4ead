"""What kind of letter this is, and for a review outcome, what the review decided.

The checks and deadlines depend on it: an internal review outcome is not a late
first response, and a holding notice (an extension under FOIA s.10(3) or EIR
reg 7, or a promise to answer by a date) decides nothing yet, so its promised
date is not a response date and it is not a refusal. The kinds:

* ``internal_review_outcome``: the letter reports a review already done ("An
  internal review was carried out and the initial decision was upheld");
  offering a review ("you can ask for an internal review") does not count;
* ``holding_notice``: it says the answer will come later and decides nothing;
* ``refusal_notice``: every point it decides is refused (withheld, NCND, cost,
  vexatious, repeated), so it is the notice FOIA s.17 / EIR reg 14 / FOISA s.16
  require;
* ``response``: any other answer, disclosing all or part of what was asked.

The wording is data (``kinds`` and ``outcomes`` in ``letter_phrases.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Determination, Point
from .phrases import phrase_book
from .rights import is_rights_sentence
from .structure import ANSWERING, Letter, Role
from .text import Span

_REFUSED = frozenset(
    {
        Determination.HELD_WITHHELD,
        Determination.NCND,
        Determination.COST_LIMIT,
        Determination.VEXATIOUS,
        Determination.REPEATED,
    }
)


@dataclass(frozen=True)
class Finding:
    """A value read, the sentence behind it and how sure the reading is."""

    value: str | None
    evidence: Span | None
    confidence: float


def read_kind(
    letter: Letter,
    points: list[Point],
    deciding: list[bool],
    unsettled: list[bool] | None = None,
) -> Finding:
    """The kind of letter (see the module docstring).

    ``deciding`` says, point by point, whether its reading rests on words of decision
    rather than on a disclosure assumed because nothing was refused; ``unsettled``, whether
    it only names an exemption for what is held (all withheld, or "some of the information"
    held and exempt), which a public interest extension leaves to be decided.
    """
    unsettled = unsettled or [p.determination is Determination.HELD_WITHHELD for p in points]
    review = _first(letter, "kinds", "internal_review_outcome")
    if review is not None:
        return Finding("internal_review_outcome", review, 0.9)
    title = _first(letter, "kinds", "review_title")
    if title is not None and any(_first(letter, "outcomes", o) for o in _OUTCOMES):
        return Finding("internal_review_outcome", title, 0.75)
    decided = [
        (p, open_)
        for p, sure, open_ in zip(points, deciding, unsettled, strict=True)
        if sure and p.determination is not None
    ]
    holding = _first(letter, "kinds", "holding_notice")
    if holding is not None and not decided:
        return Finding("holding_notice", holding, 0.8)
    if holding is not None and all(open_ for _, open_ in decided):
        # "We need more time to consider the public interest in section 43(2)": the exemption
        # is named, but the balance is yet to be struck, so nothing is decided. The extension
        # is said in words, so the reading is as sure as any other holding notice's.
        return Finding("holding_notice", holding, 0.8)
    if not decided and letter.main_kind == "acknowledgement":
        # The authority has only acknowledged it, in words of acknowledgement or of a
        # promised reply, and decided nothing.
        return Finding("holding_notice", None, 0.8)
    if not decided and letter.acknowledgements and not _main_answers(letter):
        return Finding("holding_notice", letter.acknowledgements[0], 0.6)
    read = [p for p in points if p.determination is not None]
    if decided and all(p.determination in _REFUSED for p in read):
        called = _first(letter, "kinds", "refusal_notice")
        sure = min(p.confidence for p, _ in decided)
        return Finding("refusal_notice", called, round(max(0.6, min(0.9, sure)), 3))
    sure = min((p.confidence for p, _ in decided), default=0.5)
    return Finding("response", None, round(max(0.6, min(0.9, sure + 0.05)), 3))


def _main_answers(letter: Letter) -> bool:
    """Whether the main message has any answer text at all (not just an acknowledgement)."""
    return any(u.role in ANSWERING for u in letter.units[letter.main[0] : letter.main[1]])


_OUTCOMES = ("partly_upheld", "overturned", "upheld")


def read_review_outcome(letter: Letter, kind: str | None) -> Finding:
    """For a review outcome: upheld, partly upheld or overturned (None for other letters).

    "Upheld" means the original decision was kept (the Cabinet Office's sense);
    "your appeal is upheld" means the requester won, so it reads as overturned.
    """
    if kind != "internal_review_outcome":
        return Finding(None, None, 0.9)
    found = {
        o: [s for s in _all(letter, "outcomes", o) if not _beside_the_outcome(s.text)]
        for o in _OUTCOMES
    }
    said = sorted(
        (
            (sentence.start, outcome, sentence)
            for outcome, spans in found.items()
            for sentence in spans
        ),
        key=lambda item: item[0],
    )
    if not said:
        return Finding(None, None, 0.3)
    if found["partly_upheld"]:
        return Finding("partly_upheld", found["partly_upheld"][-1], 0.85)
    if found["overturned"] and not found["upheld"]:
        kept = _all(letter, "outcomes", "kept_in_part")
        if kept:
            # "I uphold your argument that the documents were over-redacted ... Residential
            # addresses will still be redacted": changed, but not wholly.
            return Finding("partly_upheld", kept[-1], 0.6)
    if found["overturned"] and found["upheld"]:
        # The letter weighs both ways; its conclusion comes last.
        _, outcome, sentence = said[-1]
        return Finding(outcome, sentence, 0.6)
    _, outcome, sentence = said[-1]
    if _NO_DECISION.search(sentence.text):
        # A review of a failure to respond (FOISA s.21(4)(c)) reaches the first decision:
        # nothing was kept, but nothing was reversed either, so it is a weaker reading.
        return Finding(outcome, sentence, 0.6)
    return Finding(outcome, sentence, 0.85)


#: "The purpose of an internal review is ... to determine whether the original response was
#: correct": the question a review asks, not its answer.
_PURPOSE = re.compile(
    r"\b(?:whether|if)\b[^.?!]{0,60}\b(?:original|initial|earlier|first)\s+"
    r"(?:decision|response|refusal|handling)\b",
    re.IGNORECASE,
)


def _beside_the_outcome(sentence: str) -> bool:
    """A sentence that sounds like an outcome but is not one: the review's purpose, or the
    routing exemption ("section 39(2) of FOISA was correctly applied" says only that the EIRs
    were the right regime, not whether the decision on the information stands)."""
    return bool(_PURPOSE.search(sentence) or phrase_book().find("skip", "routing", sentence))


_NO_DECISION = re.compile(
    r"\bfailure\s+to\s+(?:respond|reply|reach)|\breached\s+a\s+decision\s+on\s+your\b",
    re.IGNORECASE,
)


def _first(letter: Letter, section: str, name: str) -> Span | None:
    """The first sentence of the response (not the request quoted, not a rights offer)
    that uses the named wording."""
    found = _all(letter, section, name, limit=1)
    return found[0] if found else None


def _all(letter: Letter, section: str, name: str, limit: int = 20) -> list[Span]:
    """The response's sentences that use the named wording, in order."""
    book = phrase_book()
    layout = letter.layout
    found: list[Span] = []
    for unit in letter.units[letter.main[0] : letter.main[1]]:
        if unit.role not in ANSWERING and unit.role is not Role.LETTERHEAD:
            continue
        for sentence in layout.sentences_in(unit.span.start, unit.span.end) or [unit.span]:
            match = book.find(section, name, sentence.text)
            if match and not _offer(sentence.text) and not _asked(sentence.text, match.start()):
                found.append(sentence)
                if len(found) >= limit:
                    return found
    return found


def _asked(sentence: str, start: int) -> bool:
    """ "The purpose of a review is to consider whether your request was handled correctly":
    wording after "whether" is the question a review asks, not its answer."""
    return _WHETHER.search(sentence, 0, start) is not None


_WHETHER = re.compile(r"\bwhether\b", re.IGNORECASE)


def _offer(sentence: str) -> bool:
    """ "If you are unhappy you can ask for an internal review": an offer, not an outcome."""
    return is_rights_sentence(sentence)
