"""Point labels: "1", "Q1", "Question 2", "3a", "a)", "(ii)" - reading them and comparing them.

A request's own numbering is how both sides of the correspondence refer to its
points, so labels are kept as the letter writes them ("Q1", "Request 2") and
compared through a key that ignores the wording ("Q1", "Question 1" and "1."
are all key ``"1"``; "3(a)" and "3a" are ``"3a"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_WORD = r"(?:Q|Qu|Ques|Question|Request|Req|Point|Item|Part|Element)"
#: "Question Number 3", "Request No. 2": the word "number" between a label's word and its number.
_NUMBER_WORD = r"(?:\s+(?:Number|No\.?)(?=\s*\d))?"
#: The words that label an answer with its question's number: "A1", "Answer 2", "Response 3".
_ANSWER_WORD = r"(?:A|Ans|Answer|Response|Reply)"

#: A label opening a line, or a quotation that opens the line ('"1. How many...'):
#: "1.", "1)", "1/", "(1)", "1 -", "1- ", "4/ The", "3a.", "2a and b)", "Q1", "Question 2:",
#: "a)", "(ii)"; a bare number before a question ("1 How many ...?" or "3 What ... scheme.", a
#: list whose marks a page lost) too, but not before a statement ("5 one bedroom properties"),
#: which is more often a figure.
ITEM = re.compile(
    rf"""^[ \t]*["“‘]?[ \t]*(?:
        (?P<word>{_WORD}){_NUMBER_WORD}\s*\.?\s*(?P<wnum>\d{{1,2}})
            (?:(?P<wsub>[a-z])|\s?\((?P<wsub2>[a-zA-Z])\))?(?![\w(])\s*[.:)\-–—]?
      | \(?(?P<num>\d{{1,2}})(?P<sub>[a-z])?(?P<parts>(?<=[a-z])(?:\s?(?:and|&|-|/)\s?[a-z])+)?
            (?:[.):]|/(?=[ \t])|,(?=\s+[A-Z])|\s+[-–—]|[-–—](?=[ \t]))
            (?=\s|$|(?<=[.)])[A-Z][a-z])
      | (?P<bare>\d{{1,2}})[ \t]+(?=(?:How|What|Which|When|Where|Who|Why|Is|Are|Do|Does|Did
            |Has|Have|Can|Could|Will|Would)\s[^\n]*[?.][ \t]*(?:\n|$))
      | \((?P<alpha>[a-zA-Z])\)(?=\s|$)
      | (?!q\.)(?P<alpha2>[a-zA-Z])[.)](?=\s|$)  # not "Q. How many ...?", a question's mark
      | \((?P<roman>[ivx]{{1,5}})\.?\)(?=\s|$|(?-i:[A-Z]))  # "(ii)", "(I.)Keith Brown ..."
      | (?P<roman2>[ivx]{{1,5}})[.)](?=\s|$)
    )""",
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class ItemLabel:
    """A label read from the start of a line."""

    kind: str  # "num" (1, Q1, Question 1), "alpha" (a), "roman" (ii)
    value: str  # "1", "a", "ii"
    sub: str | None  # the letter of "3a"
    word: str | None  # "Q", "Question", ...
    end: int  # offset just after the label (in the line)


def read_item(line: str) -> ItemLabel | None:
    """The label at the start of ``line``, if it has one."""
    match = ITEM.match(line)
    if not match:
        return None
    groups = match.groupdict()
    if groups["word"]:
        word = groups["word"]
        sub = groups["wsub"] or (groups["wsub2"] or "").lower() or None  # "Q2 (A)" is "Q2a"
        return ItemLabel("num", groups["wnum"], sub, word, match.end())
    if groups["num"]:
        # "2a and b)" labels both parts of item 2 at once: it is the whole item.
        sub = None if groups["parts"] else groups["sub"]
        return ItemLabel("num", groups["num"], sub, None, match.end())
    if groups["bare"]:
        return ItemLabel("num", groups["bare"], None, None, match.end())
    letter = groups["alpha"] or groups["alpha2"]
    if letter:
        return ItemLabel("alpha", letter.lower(), None, None, match.end())
    roman = groups["roman"] or groups["roman2"]
    return ItemLabel("roman", roman.lower(), None, None, match.end())


#: The next number of a list run on after an item's sentence on the item's own line: "1. Number
#: of requests received. 2. Number of requests answered." (a page that lost the break).
_RUN_ON_NUMBER = re.compile(r"(?<=[.?!;])[ \t]+(\d{1,2})[.)][ \t]+(?=[A-Z])")


def run_on_items(line: str, label: ItemLabel | None = None) -> list[tuple[int, ItemLabel]]:
    """The items of a numbered list run on after the first on its line, each with its offset
    in ``line``: "1. How many ...? 2. What ...?" holds item 2 from the "2". Only numbers that
    carry on the line's own numbering one by one (2 after 1, 3 after 2) count: a figure after
    a sentence ("... in 2019. 12 were ...") opens no item."""
    label = label or read_item(line)
    if label is not None and label.kind != "num" and not label.word:
        return _run_on_parts(line, label)
    if label is None or label.kind != "num" or label.sub or "." not in line[label.end :]:
        return []
    found: list[tuple[int, ItemLabel]] = []
    number = int(label.value)
    for match in _RUN_ON_NUMBER.finditer(line, label.end):
        if "\n" in line[label.end : match.start()]:
            break  # only the label's own line
        if int(match.group(1)) != number + 1:
            continue
        number += 1
        end = match.end() - match.start(1)
        found.append((match.start(1), ItemLabel("num", str(number), None, None, end)))
    return found


#: The next lettered or roman part run on after a part's sentence: "i) A record of any
#: meetings ...; ii) Minutes of ...". Only a closing bracket marks it ("e.g." is no part).
_RUN_ON_PART = re.compile(r"(?<=[.?!;])[ \t]+([a-z]{1,4})\)[ \t]+(?=[A-Z])")


def _run_on_parts(line: str, label: ItemLabel) -> list[tuple[int, ItemLabel]]:
    """ "iii) Documents about ...; iv) Correspondence with ...": the parts of a lettered or
    roman list run on after the first on its line, each carrying on its sequence."""
    if line[label.end - 1 : label.end] != ")":
        return []
    found: list[tuple[int, ItemLabel]] = []
    kind, value = label.kind, label.value
    for match in _RUN_ON_PART.finditer(line, label.end):
        candidate = match.group(1)
        if kind == "alpha" and value == "i" and candidate == "ii":
            kind = "roman"  # "i) ... ii) ...": the first was the roman one
        expected = next_roman(value) if kind == "roman" else next_letter(value)
        if candidate != expected:
            continue
        value = candidate
        end = match.end() - match.start(1)
        found.append((match.start(1), ItemLabel(kind, value, None, None, end)))
    return found


def format_label(item: ItemLabel) -> str:
    """The label as the letter writes it, without punctuation: "1", "Q1", "Question 2", "3a"."""
    base = item.value
    if item.word:
        word = item.word
        base = f"{word}{item.value}" if len(word) <= 2 else f"{word.capitalize()} {item.value}"
        if word.isupper() and len(word) <= 2:
            base = f"{word.upper()}{item.value}"
    return base + (item.sub or "")


#: A section heading that is its label alone: "Section A", "Part B" (no title after it).
_LETTERED_SECTION = re.compile(r"(?i:section|part)\s+(?P<letter>[A-Z])")


def section_prefix(title: str) -> str:
    """What a section's heading puts before its own numbers in a point's label: "A" for a
    section headed "Section A" alone, whose questions the letter's reader calls "A1", "A2";
    the heading and a space for a titled one ("Street lighting 1", "Part 2 – Parking 1")."""
    match = _LETTERED_SECTION.fullmatch(title.strip())
    return match.group("letter") if match else f"{title} "


#: A word in a label besides its label word, part letters, roman parts and joins: a section's
#: name ("Part 2 – Street lighting 1").
_SECTION_WORD = re.compile(r"(?<![a-z])(?![ivx]+(?![a-z]))(?!(?:and|to|or)(?![a-z]))[a-z]{2,}")


#: A label's word for "question" or "answer" before its number ("question 3", "q.2", "a1"),
#: in a lowercased label. Compiled once: labels are keyed many times a letter.
_KEY_WORDS = f"(?:{_WORD[3:-1]}|{_ANSWER_WORD[3:-1]})".lower()
_KEY_WORD = re.compile(
    rf"^{_KEY_WORDS}s?\b(?:\s+(?:number|no\.?))?\s*\.?\s*(?=\d)|^{_KEY_WORDS}(?=\d)"
)
#: What a key leaves out of a label: spaces, brackets, stops and dashes.
_KEY_PUNCTUATION = re.compile(r"[\s().:\-–—]")
_LEADING_NUMBER = re.compile(r"\d+")


@lru_cache(maxsize=256)
def label_key(label: str) -> str:
    """The comparison key of a label: "Q1" -> "1", "Question 3(a)" -> "3a", "(ii)" -> "ii".

    Kept for the labels seen last: a point's key is asked for about ten times a letter, and
    the labels themselves are few ("1", "Q2", "3a") from one letter to the next."""
    key = label.strip().lower()
    bare = _KEY_WORD.sub("", key)
    if _SECTION_WORD.search(bare) is None:
        # A section's heading and number ("Part 2 – Street lighting 1") keep their word: it
        # is the section's name, not a word for "question".
        key = bare
    return _KEY_PUNCTUATION.sub("", key)


def top_key(key: str) -> str:
    """The point a sub-part belongs to: "3a" -> "3", "3(ii)" -> "3", "1" -> "1"."""
    match = _LEADING_NUMBER.match(key)
    return match.group(0) if match else key


ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9,
    "10th": 10, "final": -1, "last": -1,
}  # fmt: skip


def next_letter(letter: str | None) -> str:
    return "a" if letter is None else chr(ord(letter) + 1)


def next_roman(roman: str | None) -> str | None:
    if roman is None:
        return "i"
    index = ROMANS.index(roman) if roman in ROMANS else -1
    return ROMANS[index + 1] if 0 <= index < len(ROMANS) - 1 else None
