"""What a ground is about: the provisions it names and the request points it refers to.

Provisions are read by the project's citation parser
(:func:`workbench.citations.mentioned_provisions`) over the whole request at once, so
"section 27" read in the context of "section 27(1) of FOIA" earlier gets the right Act;
the reader then gives each ground the provisions inside its passage. Points are the
request's labels as the requester refers to them: "question 3 of my request",
"(relating to Request 1)", "points 2 and 5", "question three", "my second question" (but
not "my second request", which is usually another request altogether).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalogue import ancestor_ids
from ..citations import mentioned_provisions
from ..parsing.labels import ORDINALS

#: The regimes a review request can be read under; EISR reads like the EIR but its ids
#: carry the ``eisr.`` prefix of the corpus format.
REGIMES = ("FOIA", "EIR", "FOISA", "EISR")


@dataclass(frozen=True)
class Mention:
    """A provision or point label named at ``start:end``."""

    value: str
    start: int
    end: int


# --------------------------------------------------------------------------- provisions

#: "38(1)b": a paragraph letter written without its brackets.
_BARE_LETTER = re.compile(r"([a-h])(?![\w(])")


def provision_mentions(text: str, regime: str | None) -> list[Mention]:
    """Every provision the request names, normalised, in reading order."""
    hint = "EIR" if regime == "EISR" else regime
    found = []
    for citation in mentioned_provisions(text, hint):
        pid, end = citation.id, citation.end
        letter = _BARE_LETTER.match(text, end)
        if letter and text[end - 1] == ")":
            pid, end = f"{pid}({letter.group(1)})", letter.end()
        if regime == "EISR" and pid.startswith("reg."):
            pid = "eisr." + pid
        found.append(Mention(pid, citation.start, end))
    return found


def most_specific(ids: list[str], cited: list[str]) -> list[str]:
    """Each id, or the one more detailed id the request cites for it elsewhere.

    A requester who wrote "section 27(1)" once and "section 27" afterwards means the
    same provision both times.
    """
    result: list[str] = []
    for pid in ids:
        deeper = {other for other in cited if pid in ancestor_ids(other)}
        chosen = deeper.pop() if len(deeper) == 1 else pid
        if chosen not in result:
            result.append(chosen)
    return result


# --------------------------------------------------------------------------- points

_NUMBER = r"\d{1,2}[a-z]?(?![\w#/])"
_POINT_MENTION = re.compile(
    r"\b(?P<word>questions?|requests?|points?|parts?|items?|Q)\s*(?:no\.?\s*|number\s+)?"
    rf"(?P<list>{_NUMBER}(?:\s*(?:,|and|&|or|to|-|–|\+)\s*(?:Q\s*)?{_NUMBER})*)",
    re.IGNORECASE,
)
_ORDINAL_MENTION = re.compile(
    rf"\b(?:my|our|the)\s+(?P<ordinal>{'|'.join(k for k in ORDINALS if k.isalpha())})\s+"
    r"(?:question|point|part|item)\b",
    re.IGNORECASE,
)
#: Numbers written as words label points too: "your answer to question three".
NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split(),
        start=1,
    )
}
_WORDED_MENTION = re.compile(
    rf"\b(?:questions?|points?|items?)\s+(?:number\s+)?(?P<number>{'|'.join(NUMBER_WORDS)})\b",
    re.IGNORECASE,
)
_LIST_PART = re.compile(r"(?P<low>\d{1,2}[a-z]?)(?:\s*(?:to|-|–)\s*(?:Q\s*)?(?P<high>\d{1,2}))?")


def point_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every reference to a request point in ``text[start:end]``, in reading order."""
    end = len(text) if end is None else end
    found = []
    for match in _POINT_MENTION.finditer(text, start, end):
        if match.group("word")[0] in "Pp" and match.group("word").lower().startswith("part"):
            after = text[match.end() : match.end() + 40].lower()
            if not re.match(r"\s*of\s+(?:my|our|the|your)\b", after):
                continue  # "Part 2" of an Act or a document, not of the request
        labels = _labels(match.group("list"))
        if len(labels) == 1 and re.match(r"\s*:", text[match.end() : match.end() + 3]):
            continue  # "Question 2:" heads a list item; the item's label says it already
        for label in labels:
            found.append(Mention(label, match.start(), match.end()))
    for match in _ORDINAL_MENTION.finditer(text, start, end):
        number = ORDINALS[match.group("ordinal").lower()]
        if number > 0:
            found.append(Mention(str(number), match.start(), match.end()))
    for match in _WORDED_MENTION.finditer(text, start, end):
        number = NUMBER_WORDS[match.group("number").lower()]
        found.append(Mention(str(number), match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def _labels(listed: str) -> list[str]:
    """The labels of a list: "2 and 5" gives 2 and 5; "2 to 4" gives 2, 3 and 4."""
    labels: list[str] = []
    for match in _LIST_PART.finditer(listed):
        low, high = match.group("low"), match.group("high")
        if high and low.isdigit() and 0 < int(high) - int(low) <= 20:
            labels += [str(n) for n in range(int(low), int(high) + 1)]
        else:
            labels += [low] + ([high] if high else [])
    return list(dict.fromkeys(labels))
