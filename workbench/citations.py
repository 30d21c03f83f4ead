"""Find the exemptions a response letter cites, as catalogue ids with their text spans.

Letters cite provisions in many ways ("section 40(2) of the FOIA", "s43(2)",
"sections 40(2) and 41", "regulation 12(5)(b) of the EIR", "exemptions at 31(1)(a)
and (b)"). The review needs the exemptions relied on, so this module reads those
phrasings and keeps only ids the catalogue knows, dropping:

* procedural sections that are not refusal grounds (s.1, s.10, s.17, s.50 ...;
  FOISA s.15, s.20, s.21 ...; EIR reg 5, 7, 9, 11, 14) - see :func:`is_exemption`;
* sections of other Acts ("section 2 of the Data Protection Act 2018", "regulation 4
  of the Fees Regulations"), recognised from the Act named just after or just before;
* ranges ("sections 21 to 44"), which name no exemption in particular.

Decisions worth knowing:

* Ids are kept at the depth the letter gives when the catalogue knows the id or an
  ancestor of it: "s.40(2)(a)" stays ``s.40(2)(a)`` (its parent s.40(2) has the
  questions). Anything with no listed ancestor is dropped.
* A condition of a provision (``condition_provisions`` in the catalogue, e.g.
  s.40(3A) for s.40(2)) cited right after that provision - "section 40(2) and
  (3A)", "section 40(2) by virtue of 40(3A)(a)" - is part of the same citation: it is
  not returned separately, and the provision's span grows to cover it. Cited on its
  own, a condition is kept as written (``s.40(3A)(a)``), because the letter did not
  say which exemption it belongs to.
* "the Act" means FOISA when ``regime_hint == "FOISA"``, otherwise FOIA; an explicit
  Act name always wins over the hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .catalogue import (
    Catalogue,
    ancestor_ids,
    is_valid_id,
    load_catalogue,
    regime_of_id,
    root_of,
)
from .errors import CitationError

REGIMES = ("FOIA", "EIR", "FOISA", "EISR")

#: Sections and regulations that are never refusal grounds.
NON_EXEMPT: frozenset[str] = frozenset(
    [f"s.{n}" for n in (1, 8, 10, 11, 16, 17, 45, 50, 77)]
    + [f"foisa.s.{n}" for n in (15, 16, 20, 21, 47)]
    + [f"reg.{n}" for n in (5, 7, 9, 11, 14)]
    + [f"eisr.reg.{n}" for n in (5, 7, 9, 13, 14, 16, 17)]
)


@dataclass(frozen=True)
class Citation:
    """One cited provision and where in the text it was found (``text[start:end] == quote``)."""

    id: str
    start: int
    end: int
    quote: str


# --------------------------------------------------------------------------- grammar

_NUM = r"\d{1,3}[A-Z]{0,2}(?![a-z\d])(?![.,]\d)"
_COMP = r"\s*\(\s*(?:\d{1,2}[A-Z]{0,2}|[a-z]{1,2}|[ivx]{1,5}|[A-Z])\s*\)"
#: A subsection whose brackets were lost before a bracketed paragraph: "section 33 1(b)" is
#: s.33(1)(b) (a number alone after the section is a subsection only when a bracket follows it).
_LOST_SUB = r"(?:\s\d{1,2}(?=\s?\(\s*[a-z]{1,2}\s*\)))?"
_REF = rf"{_NUM}{_LOST_SUB}(?:{_COMP})*"
_SUBREF = rf"(?:{_COMP})+"
_BOUNDARY = r"(?<![\w.'’])"

_SECTION_KW = (
    r"(?i:sections?(?:\b(?:\s*[:;]\s*(?:[•▪·]\s*)?(?=\d))?|(?=\d))|sect?\.?(?=\s*\d)|ss\.?|s\.)\s*"
    r"|[sS](?=\d)"  # "Section22 of the Act": a PDF lost the space
    # "exempt under FOISA s 25(1)": the abbreviation without its stop, only before a number
    # with a bracketed subsection (a lone "s" before a bare number may be a lost apostrophe's)
    r"|[sS]\s(?=\d{1,3}[A-Z]{0,2}\s?\(\s*(?:\d{1,2}[A-Z]{0,2}|[a-z]{1,2})\s*\))"
)
_REG_KW = r"(?i:regulations?\b|regs?\.?)\s*"
_BARE_KW = (
    r"(?i:exemptions?|exceptions?|exempt|(?:withheld|redacted)(?=\s+under\s+\d))"
    r"(?:\s+(?i:at|under|in|of|by\s+virtue\s+of))?\s+"
)  # "... is being withheld under 29(1)(a), 30(b)(i) and 38(1)(b) of FOISA": bare numbers

#: Every keyword opens with one of these letters (section, s., regulation, reg, exemption,
#: exception, withheld, redacted): tested first, the letter turns most offsets of a letter away
#: before the look back and the keywords are tried there (the same matches, a third cheaper).
_KEYWORD_LETTER = r"(?=(?i:[ersw]))"
_START = re.compile(
    rf"{_KEYWORD_LETTER}{_BOUNDARY}"
    rf"(?:(?P<section>{_SECTION_KW})|(?P<reg>{_REG_KW})|(?P<bare>{_BARE_KW}))"
    rf"(?P<ref>{_REF})"
)
_SEPARATOR = re.compile(
    r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s(?:and/or|and|or)\s+|&\s*|/\s*"
    r"|\s(?:by\s+virtue\s+of|read\s+with|in\s+conjunction\s+with|together\s+with|as\s+well\s+as)\s+)"
    r"(?:[•▪·]\s*)?"  # a bulleted list of references: one per line
    rf"(?:(?P<section>{_SECTION_KW})|(?P<reg>{_REG_KW}))?",
    re.IGNORECASE,
)
_FULL_ITEM = re.compile(_REF)
#: A bracketed name after a reference: "(personal information)", "(Substantial prejudice ...)".
_GLOSS = re.compile(
    r"\s*\((?=[^()]*[A-Za-z]{3})(?:[^()\d]|\([^()\d]{1,40}\)){3,160}\)(?=\s*(?:,|and\b|or\b|&))"
)
#: A name after a reference with no brackets, in a list a plural keyword opened ("regulations
#: 11(2) personal data relating to a third party and 10(5)(f) – substantial prejudice ..."):
#: words only, up to the "and" before the next number.
_NAME = re.compile(r"\s*(?:[–—-]\s*)?[A-Za-z][A-Za-z ,'’-]{2,80}?(?=\s+and\s+\d)")
#: The same name before a comma and a full reference with its brackets, whatever the keyword
#: ("section 29(1)(a) formulation or development of government policy, 29(1)(b) Ministerial
#: communications"): a bracketed number after the comma can only be the next provision.
_NAME_BEFORE_REF = re.compile(
    r"\s*(?:[–—-]\s*)?[A-Za-z][A-Za-z '’-]{2,80}?(?=\s*,\s*(?:and\s+)?\d{1,3}[A-Z]{0,2}\s*\(\s*\w)"
)
_PLURAL = re.compile(r"(?i:sections|regulations|regs|ss|exemptions|exceptions)\b")
_SUB_ITEM = re.compile(_SUBREF)
_NOT_A_PROVISION = re.compile(
    r"\s*(?:working|days?|hours?|weeks?|months?|years?|per\b|%|pages?|requests?|WD\b)",
    re.IGNORECASE,
)
#: What another Act's section grants or governs, named right after its number: "was granted
#: section 36 consent" (the Electricity Act), "a section 106 agreement", "a section 215 notice".
#: An access regime's ground is never written that way ("section 40 exemption" is not in this).
_OTHER_STATUTE_THING = re.compile(
    r"\s+(?:consents?|agreements?|licen[cs]es?|permits?|orders?|applications?|appeals?|"
    r"planning|warrants?|certificates?|undertakings?)\b",
    re.IGNORECASE,
)
#: The inward half of a postcode after "S36": "S36 1FY" (Sheffield) is an address.
_POSTCODE_AFTER = re.compile(r" \d[A-Z]{2}\b")
_RANGE = re.compile(r"\s*(?:to|-|–)\s*\d", re.IGNORECASE)
_PART = re.compile(r"\(\s*([0-9A-Za-z]+)\s*\)")

_NAMED_ACT = (
    r"(?P<eisr>(?i:Environmental\s+Information\s*\(\s*Scotland\s*\)\s*Regulations(?:\s+2004)?|"
    r"EI\(S\)Rs?\b|EISRs?\b))"
    r"|(?P<foisa>(?i:FOI\s*\(\s*S\s*\)\s*A\b|FOISA\b|Freedom\s+of\s+Information\s*"
    r"\(\s*Scotland\s*\)\s*Act(?:\s+2002)?))"
    r"|(?P<foia>(?i:FOIA\b(?:\s*2000)?|FOI\s+Act\b(?:\s+2000)?|Freedom\s+of\s+Information\s+Act"
    r"(?:\s+2000)?))"
    r"|(?P<eir>(?i:EIRs?\b(?:\s*2004)?|Environmental\s+Information\s+Regulations(?:\s+2004)?))"
    r"|(?P<this>(?:this|the)\s+(?:Act|Regulations)\b)"
    r"|(?P<dpa>(?i:DPA\b|Data\s+Protection\s+Act|U?K?\s?GDPR\b))"
)
#: Any other capitalised title ending in Act/Regulations/Order/Rules ("the Fees Regulations").
_OTHER_ACT = (
    r"(?P<other>[A-Z(][\w'()-]*(?:\s+(?:[A-Z(][\w'()-]*|of|and|the|for|on)){0,10}"
    r"\s+(?:Act|Regulations|Order|Rules)\b)"
)
_ACT_AFTER = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?,?\s*(?:(?i:of|in|under|to|from)\s+)?(?:(?i:the)\s+)?"
    rf"(?:{_NAMED_ACT}|{_OTHER_ACT})"
)
_BEFORE_TAIL = r"(?:\s+\d{4})?\s*[,:]?\s*(?:(?i:at|under|in)\s+)?$"
_NAMED_ACT_BEFORE = re.compile(rf"(?:{_NAMED_ACT}){_BEFORE_TAIL}")
_OTHER_ACT_BEFORE = re.compile(rf"{_OTHER_ACT}{_BEFORE_TAIL}")
_FOREIGN = {"dpa", "other"}
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")

_PREFIX = {"FOIA": "s.", "EIR": "reg.", "FOISA": "foisa.s.", "EISR": "eisr.reg."}
#: Regimes of a Scottish letter: its sections are FOISA's, its regulations the EISR's.
_SCOTTISH = ("FOISA", "EISR")

#: A section quoted as the statute prints it, at the start of a line: "43.–(2) Information is
#: exempt ...". Letters often paste the provision's text under its heading like this.
_STATUTE_HEADING = re.compile(
    r"(?m)^[ \t>]*(?P<ref>\d{1,3}[A-Z]{0,2}\.[ \t]*[–—-][ \t]*(?:\(\s*[0-9A-Za-z]{1,3}\s*\))+)"
)
#: What every statute heading contains ("3.–", "43A. -"). Anchored on a digit, it is found
#: quickly; the heading pattern, anchored on a line start, is tried at every offset, so it
#: runs only on text holding this.
_STATUTE_HEADING_HINT = re.compile(r"\d[A-Z]{0,2}\.[ \t]*[–—-]")


@dataclass(frozen=True)
class _Item:
    """One reference inside a citation group, before it becomes an id."""

    parts: tuple[str, ...]  # ("40", "2") for 40(2)
    start: int
    end: int


@dataclass(frozen=True)
class _Group:
    """A keyword and the list of references that share it ("sections 40(2) and 41")."""

    family: str  # "section", "reg", "exemption" or "exception" (bare numbers after the word)
    items: tuple[_Item, ...]
    end: int
    is_range: bool


# --------------------------------------------------------------------------- public API


def parse_citations(
    text: str, regime_hint: str | None = None, *, catalogue: Catalogue | None = None
) -> list[Citation]:
    """Every exemption citation in *text*, in order, with the span it came from."""
    hint = _check_regime(regime_hint)
    cat = catalogue or load_catalogue()
    found: list[Citation] = []
    pos = 0
    while (match := _START.search(text, pos)) is not None:
        group = _read_group(text, match)
        pos = group.end
        regime = _group_regime(text, match.start(), group, hint)
        if regime is None or group.is_range or _OTHER_STATUTE_THING.match(text, group.end):
            continue
        if match.group("section") in ("s", "S") and _POSTCODE_AFTER.match(text, group.end):
            continue  # "... Park S36 1FY": a postcode, not section 36
        for item in group.items:
            _add(
                found, text, Citation(_build_id(item.parts, regime), item.start, item.end, ""), cat
            )
    found += _statute_headings(text, hint, found, cat)
    return sorted(found, key=lambda c: c.start)


def _statute_headings(
    text: str, hint: str | None, found: list[Citation], cat: Catalogue
) -> list[Citation]:
    """Sections quoted in the statute's own form ("43.–(2)"), read in the letter's regime.

    Only with a regime to read them in: a bare "43.–(2)" names no Act.
    """
    regime = hint or _only_regime(found)
    if regime is None or _STATUTE_HEADING_HINT.search(text) is None:
        return []
    out: list[Citation] = []
    for match in _STATUTE_HEADING.finditer(text):
        raw = match.group("ref")
        parts = (re.match(r"\d{1,3}[A-Z]{0,2}", raw).group(0), *_PART.findall(raw))
        start, end = match.start("ref"), match.end("ref")
        candidate = Citation(_build_id(parts, regime), start, end, text[start:end])
        if is_exemption(candidate.id, cat):
            out.append(candidate)
    return out


def _only_regime(found: list[Citation]) -> str | None:
    """The one regime every citation found so far belongs to, if there is exactly one."""
    regimes = {regime_of_id(c.id) for c in found}
    return regimes.pop() if len(regimes) == 1 else None


def cited_ids(
    text: str, regime_hint: str | None = None, *, catalogue: Catalogue | None = None
) -> list[str]:
    """Distinct cited ids in first-seen order: what the review checklist needs."""
    seen: dict[str, None] = {}
    for citation in parse_citations(text, regime_hint, catalogue=catalogue):
        seen.setdefault(citation.id, None)
    return list(seen)


def mentioned_provisions(text: str, regime_hint: str | None = None) -> list[Citation]:
    """Every provision of the access Acts *text* names, exemption or not, in order.

    A requester argues about procedure as often as about exemptions ("section 17(1)(c)
    requires reasons", "regulation 4(1)"), so unlike :func:`parse_citations` nothing is
    dropped for not being a refusal ground or not being in the catalogue; sections of
    other Acts and ranges ("sections 21 to 44") are still left out.
    """
    hint = _check_regime(regime_hint)
    found: list[Citation] = []
    pos = 0
    while (match := _START.search(text, pos)) is not None:
        group = _read_group(text, match)
        pos = group.end
        regime = _group_regime(text, match.start(), group, hint) or _section_of_regulations(
            text, match.start(), group, hint
        )
        if regime is None or group.is_range:
            continue
        for item in group.items:
            pid = _build_id(item.parts, regime)
            if is_valid_id(pid):
                found.append(Citation(pid, item.start, item.end, text[item.start : item.end]))
    return found


def is_exemption(provision_id: str, catalogue: Catalogue | None = None) -> bool:
    """True for a refusal ground the catalogue knows (including s.12/s.14), not s.17 etc."""
    if root_of(provision_id) in NON_EXEMPT or not is_valid_id(provision_id):
        return False
    return (catalogue or load_catalogue()).knows(provision_id)


def normalise(raw: str, regime: str | None = None) -> str:
    """One citation as written ("Section 31 (1) (a)", "reg. 13", "40(2)") -> its id.

    *regime* says which Act a bare "section"/number belongs to (default FOIA);
    "regulation" means the EIR (the EISR when *regime* is FOISA or EISR) and an already
    normalised id is returned as is, except that a FOIA-style ``s.`` id is moved to FOISA
    when *regime* is FOISA and a ``reg.`` id to the EISR when *regime* is EISR.
    """
    wanted = _check_regime(regime) or "FOIA"
    text = raw.strip()
    if is_valid_id(text):
        if wanted == "FOISA" and text.startswith("s."):
            return "foisa." + text
        if wanted == "EISR" and text.startswith("reg."):
            return "eisr." + text
        return text
    match = re.fullmatch(
        rf"(?:(?P<section>{_SECTION_KW})|(?P<reg>{_REG_KW}))?(?P<ref>{_REF})", text
    )
    if match is None:
        raise CitationError(f"cannot read a provision from {raw!r}", field=raw)
    if match.group("reg"):
        wanted = "EISR" if wanted in _SCOTTISH else "EIR"
    elif match.group("section") and wanted in ("EIR", "EISR"):
        wanted = "FOISA" if wanted == "EISR" else "FOIA"
    return _build_id(_parts(match.group("ref")), wanted)


# --------------------------------------------------------------------------- groups


def _check_regime(regime: str | None) -> str | None:
    """Upper-cased regime, or a CitationError naming the accepted values."""
    if regime is None:
        return None
    upper = regime.strip().upper()
    if upper not in REGIMES:
        raise CitationError(f"unknown regime {regime!r}; expected one of {', '.join(REGIMES)}")
    return upper


def _parts(ref: str) -> tuple[str, ...]:
    """Split a reference such as "31 (1) (a)" into ("31", "1", "a")."""
    number = re.match(r"\d{1,3}[A-Z]{0,2}", ref)
    if number is None:  # unreachable for text matched by _REF; kept for a clear error
        raise CitationError(f"cannot read a provision number from {ref!r}", field=ref)
    rest = ref[number.end() :]
    lost = re.match(r"\s(\d{1,2})(?=\s?\()", rest)  # "33 1(b)": the subsection's brackets lost
    parts = (number.group(0), *([lost.group(1)] if lost else []), *_PART.findall(rest))
    if len(parts) > 2 and parts[1] in ("i", "l", "I") and re.fullmatch(r"[a-z]", parts[2]):
        # "38(i)(b)": the first subsection typed with the letter i (or l) for the figure 1; a
        # lettered paragraph holds no lettered paragraphs of its own, so (i) cannot be one here
        parts = (parts[0], "1", *parts[2:])
    return parts


def _read_group(text: str, match: re.Match[str]) -> _Group:
    """Read the first reference and every reference joined to it by and/or/commas."""
    family = _family(match)
    # Bare numbers ("exemptions at 31(1)(a)") are quoted from the number, not the word.
    start = match.start("ref") if family in ("exemption", "exception") else match.start()
    items = [_Item(parts, start, match.end()) for parts in _siblings(_parts(match.group("ref")))]
    end = match.end()
    plural = _PLURAL.match(match.group(0)) is not None
    while (nxt := _next_item(text, end, family, items[-1], plural=plural)) is not None:
        items.append(nxt)
        end = nxt.end
    is_range = _RANGE.match(text, end) is not None
    return _Group(family, tuple(items), end, is_range)


def _family(match: re.Match[str]) -> str:
    """What the leading word says the numbers are: sections, regulations or bare."""
    if match.group("section"):
        return "section"
    if match.group("reg"):
        return "reg"
    return "exception" if "xcept" in match.group("bare").lower() else "exemption"


def _next_item(
    text: str, pos: int, family: str, previous: _Item, *, plural: bool = False
) -> _Item | None:
    """The next joined reference after *pos*, or None when the list has ended.

    A name in brackets after a reference ("s.38(1)(b) (personal information), 36(1)
    (confidentiality)") glosses it; the list goes on after the gloss. After a plural keyword
    ("regulations 11(2) personal data ... and 10(5)(f)") an unbracketed name glosses it too.
    """
    gloss = (
        _GLOSS.match(text, pos)
        or (_NAME.match(text, pos) if plural else None)
        or _NAME_BEFORE_REF.match(text, pos)
    )
    if gloss is not None:
        pos = gloss.end()
    sep = _SEPARATOR.match(text, pos)
    if sep is None:
        return None
    keyword = "section" if sep.group("section") else "reg" if sep.group("reg") else None
    if keyword is not None and keyword != family:
        return None  # "section 40(2) and regulation 13": a new group starts there
    at = sep.end()
    full = _FULL_ITEM.match(text, at)
    if full is not None:
        if keyword is None and _NOT_A_PROVISION.match(text, full.end()):
            return None  # "section 12, 20 working days"
        start = sep.start(keyword) if keyword else at  # quote "s.41", not just "41"
        return _Item(_parts(full.group(0)), start, full.end())
    sub = _SUB_ITEM.match(text, at)
    if sub is None:
        return None
    start = at + (len(sub.group(0)) - len(sub.group(0).lstrip()))
    return _Item(_attach(previous.parts, tuple(_PART.findall(sub.group(0)))), start, sub.end())


def _siblings(parts: tuple[str, ...]) -> list[tuple[str, ...]]:
    """ "31(1)(a)(b)" is shorthand for 31(1)(a) and 31(1)(b), "30(b)(i)(ii)" for 30(b)(i) and
    30(b)(ii): a paragraph never holds a paragraph of its own kind, so a run of same-kind
    parts at the end lists siblings."""
    kinds = _kinds(parts)
    end = len(parts) - 1
    first = end
    while first > 1 and kinds[first - 1] == kinds[end] and kinds[end] in ("num", "letter", "roman"):
        first -= 1
    if first == end:
        return [parts]
    return [parts[:first] + (part,) for part in parts[first:]]


def _attach(previous: tuple[str, ...], subs: tuple[str, ...]) -> tuple[str, ...]:
    """Resolve "(b)" in "31(1)(a) and (b)" against the previous reference's parts."""
    kinds = _kinds(previous)
    wanted = _kind_of(subs[0], kinds)
    for index in range(len(previous) - 1, 0, -1):
        if kinds[index] == wanted:
            return previous[:index] + subs
    if wanted == "num":
        return previous[:1] + subs
    return previous + subs


def _kinds(parts: tuple[str, ...]) -> list[str]:
    """Kind of each part: section number, (num), (letter) or (roman after a letter or a roman)."""
    kinds = ["root"]
    for index, part in enumerate(parts[1:], start=1):
        if part[0].isdigit():
            kinds.append("num")
        elif kinds[index - 1] in ("letter", "roman") and re.fullmatch(r"[ivx]+", part):
            kinds.append("roman")
        else:
            kinds.append("letter")
    return kinds


def _kind_of(part: str, previous_kinds: list[str]) -> str:
    """A lone "(i)" is roman only if the previous reference already had a roman part."""
    if part[0].isdigit():
        return "num"
    if re.fullmatch(r"[ivx]+", part) and ("roman" in previous_kinds or len(part) > 1):
        return "roman"
    return "letter"


def _group_regime(text: str, start: int, group: _Group, hint: str | None) -> str | None:
    """Which regime the group cites, or None when it is another Act's section."""
    act = _act_named(text, start, group.end)
    if act == "foreign":
        return None
    scottish = hint in _SCOTTISH or _eisr_exception(group)
    if group.family == "reg":
        if act == "eisr":
            return "EISR"
        # A Scottish letter calls the EISR "the EIRs" too.
        return ("EISR" if scottish else "EIR") if act in (None, "eir", "this") else None
    if act in ("eir", "eisr"):
        if group.family not in ("exemption", "exception"):
            return None
        return "EISR" if act == "eisr" or scottish else "EIR"
    if act in ("foisa", "foia"):
        return act.upper()
    if group.family == "exception" or (group.family == "exemption" and hint in ("EIR", "EISR")):
        return "EISR" if scottish else "EIR"
    return "FOISA" if scottish else "FOIA"


def _section_of_regulations(text: str, start: int, group: _Group, hint: str | None) -> str | None:
    """The regulations a requester calls "section 10 of EIR": they have regulations only.

    The regulations have no sections, so "section 5 of the EIR" can only mean its
    regulation 5; the requester's numbering is kept, read as the regulation it names.
    """
    if group.family != "section":
        return None
    act = _act_named(text, start, group.end)
    if act == "eisr" or (act == "eir" and hint in _SCOTTISH):
        return "EISR"
    return "EIR" if act == "eir" else None


def _eisr_exception(group: _Group) -> bool:
    """ "Regulation 10(4)(a)" or "10(5)(f)" can only be an EISR exception: the EIR's
    regulation 10 (transfer of a request) has no such paragraphs."""
    first = group.items[0].parts
    return first[0] == "10" and len(first) > 1 and first[1] in ("4", "5")


def _act_named(text: str, start: int, end: int) -> str | None:
    """The Act named right after the group ("of the DPA") or right before it.

    Before the group, the Acts the workbench knows are looked for first, so "Under
    the Freedom of Information (Scotland) Act 2002, section 38" is not mistaken for
    some other Act by the catch-all title pattern.
    """
    found = _ACT_AFTER.match(text, end)
    if found is None:
        window = max(0, start - 80)
        found = _NAMED_ACT_BEFORE.search(text, window, start) or _OTHER_ACT_BEFORE.search(
            text, window, start
        )
    if found is None:
        return None
    return "foreign" if found.lastgroup in _FOREIGN else found.lastgroup


# --------------------------------------------------------------------------- ids


def _build_id(parts: tuple[str, ...], regime: str) -> str:
    """("31", "1", "A") + FOIA -> "s.31(1)(a)"; lone capitals are letters, 3A stays."""
    subs = "".join(f"({p.lower() if p.isalpha() else p})" for p in parts[1:])
    return f"{_PREFIX[regime]}{parts[0]}{subs}"


def _add(found: list[Citation], text: str, candidate: Citation, cat: Catalogue) -> None:
    """Append a known exemption, or fold a condition into the provision just cited."""
    if not is_exemption(candidate.id, cat):
        return
    owner = _condition_owner(found, text, candidate, cat)
    if owner is not None:
        index, cited = owner
        found[index] = replace(cited, end=candidate.end, quote=text[cited.start : candidate.end])
        return
    found.append(replace(candidate, quote=text[candidate.start : candidate.end]))


#: How far after its provision a condition may be cited and still be read as part of it
#: ("section 38(1)(b) ..., an absolute exemption when the condition in section 38(2A) is
#: met"); the sentence must not end in between.
_CONDITION_GAP = 200


def _condition_owner(
    found: list[Citation], text: str, candidate: Citation, cat: Catalogue
) -> tuple[int, Citation] | None:
    """The earlier citation in the same sentence that *candidate* is a condition of."""
    lineage = {candidate.id, *ancestor_ids(candidate.id)}
    for index in range(len(found) - 1, -1, -1):
        cited = found[index]
        gap = text[cited.end : candidate.start]
        if len(gap) > _CONDITION_GAP or _SENTENCE_END.search(gap):
            return None
        if cited.id in cat and lineage & set(cat.get(cited.id).condition_provisions):
            return index, cited
    return None
