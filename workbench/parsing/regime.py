"""Which access regime a response was handled under: FOIA, EIR, FOISA, EISR, or a mix.

The surest sign is what the letter says it did ("We have handled your request
under the Freedom of Information Act 2000"); next come the grounds it relies on
(a regulation 12 exception is EIR, a FOISA section is FOISA); last, any mention
of the Act at all, or a term only one Act uses ("appropriate limit" is FOIA's).
A page footer saying "FOI or EIR request" mentions both regimes but handles the
request under neither, so bare mentions never make a response "mixed": only
handling statements or grounds from two regimes do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from .literals import Anchored
from .text import Layout, Span, inside

_NAMES: dict[str, re.Pattern[str]] = {
    # "the Freedom of Information Act 2002": FOISA's year (the UK Act is of 2000), its name
    # shortened - no other Freedom of Information Act of 2002 applies in the UK.
    "FOISA": re.compile(
        r"Freedom\s+of\s+Information\s+\(Scotland\)\s+Act|\bFOI\(?S\)?A\b|"
        r"Scottish\s+Information\s+Commissioner|Freedom\s+of\s+Information\s+Act\s+2002\b",
        re.I,
    ),
    "EISR": re.compile(
        r"Environmental\s+Information\s*\(\s*Scotland\s*\)?\s*Regulations|"
        r"Environmental\s+Information\s+Regulations\s*\(\s*Scotland\s*\)|\bEI\(S\)Rs?\b|\bEISRs?\b",
        re.I,
    ),
    "EIR": re.compile(
        r"Environmental\s+Information\s+Regulations|\bEIRs?\b(?!\d)|\bEI\s?Regs?\b",
        re.I,
    ),
    "FOIA": re.compile(
        r"Freedom\s+of\s+Information\s+Act(?!\s+2002\b)|\bFOIA\b|\bFOI\s+Act\b|\bthe\s+Act\s+2000\b",
        re.I,
    ),
}
#: Any mention of freedom of information at all: FOIA unless something says otherwise.
_FOI_MENTION = re.compile(r"\bfreedom\s+of\s+information\b|\bFOI\b", re.I)
#: Terms only FOIA uses, for letters that never name their Act: the cost limit under the
#: Fees Regulations is the "appropriate limit" (FOISA says "prescribed amount", the EIR
#: "manifestly unreasonable").
_FOIA_TERMS = re.compile(r"\bappropriate\s+limit\b", re.I)
_SCOTTISH_EIR = _NAMES["EISR"]
#: Signs the letter is Scottish, where "the EIRs" means the EISR.
_SCOTTISH = re.compile(
    r"\(Scotland\)|Scottish\s+Information\s+Commissioner|\bFOI\(?S\)?A\b|\bfoi\.scot\b|"
    r"\bitspublicknowledge\b|\bScottish\s+(?:Government|Ministers|public\s+authorit)",
    re.I,
)
#: Scottish public bodies named in a letter (case matters: these are names).
_SCOTTISH_BODY = re.compile(
    r"\bScottish\s+(?:[A-Z][a-z]+\s+){0,2}(?:Council|Water|Government|Parliament|Ministers|Fire|"
    r"Prison|Police|Environment|Enterprise|Courts|Natural\s+Heritage|Borders)\b|"
    r"\b(?:Police|Audit|Historic\s+Environment|Transport|Creative|Education|Sport|Public\s+Health|"
    r"Skills\s+Development|Visit|Food\s+Standards|Revenue)\s+Scotland\b|\bSEPA\b|\bNatureScot\b|"
    r"\bNHS\s+(?:Lothian|Tayside|Grampian|Highland|Fife|Lanarkshire|Ayrshire|Borders|Forth\s+Valley|"
    r"Greater\s+Glasgow|Dumfries|Orkney|Shetland|Western\s+Isles|24|Education\s+for\s+Scotland)\b|"
    # The 32 Scottish councils, which often name no Act at all.
    r"\b(?:Aberdeen\s+City|Aberdeenshire|Angus|Argyll\s+and\s+Bute|Clackmannanshire|"
    r"Dumfries\s+and\s+Galloway|Dundee\s+City|East\s+Ayrshire|East\s+Dunbartonshire|East\s+Lothian|"
    r"East\s+Renfrewshire|City\s+of\s+Edinburgh|Falkirk|Fife|Glasgow\s+City|Highland|Inverclyde|"
    r"Midlothian|Moray|North\s+Ayrshire|North\s+Lanarkshire|Orkney\s+Islands|Perth\s+and\s+Kinross|"
    r"Renfrewshire|Shetland\s+Islands|South\s+Ayrshire|South\s+Lanarkshire|Stirling|"
    r"West\s+Dunbartonshire|West\s+Lothian)\s+Council\b|\bComhairle\s+nan\s+Eilean\s+Siar\b"
)
#: The letter is searched whole for each of these: each is tried only where its opening
#: words stand ("freedom", "scottish", ...), which finds the same matches far sooner.
_NAMES = {regime: Anchored(pattern) for regime, pattern in _NAMES.items()}
_SCOTTISH_EIR, _SCOTTISH, _SCOTTISH_BODY, _FOIA_TERMS = (
    Anchored(pattern) for pattern in (_SCOTTISH_EIR, _SCOTTISH, _SCOTTISH_BODY, _FOIA_TERMS)
)
_HANDLED = re.compile(
    r"\b(?:handled|considered|dealt\s+with|deal\s+with|dealing\s+with|processed|responded\s+to|answered|treated|"
    r"responding|response|respond|assessed|released|disclosed|withheld|refused|exempt|"
    r"applies|apply|falls?\s+(?:within|under))\b[^.]{0,120}?\b(?:under|in\s+accordance\s+with|"
    r"within\s+the\s+(?:terms|scope)\s+of|by\s+virtue\s+of)\b"
    # "we have determined that it falls under the Environmental Information (Scotland)
    # Regulations": the verb alone says where the request belongs.
    r"|\b(?:falls?|fell)\s+(?:under|within)\s+(?:the\s+)?(?:(?:terms|scope)\s+of\s+(?:the\s+)?)?"
    r"(?=[A-Z(])"
    # "we now consider the relevant regime is the Environmental Information Regulations"
    r"|\b(?:relevant|correct|appropriate|applicable)\s+(?:access\s+)?(?:regime|legislation)\s+"
    r"(?:is|to\s+apply\s+is|here\s+is)\b",
    re.I,
)
#: Words that settle the regime in the same sentence as a superseded one ("originally under
#: FOIA, we now consider the EIR apply").
_SETTLED = re.compile(r"\b(?:now|instead|rather|however|but)\b", re.I)
#: A handling statement the letter goes on to correct: "Although initially your request was
#: dealt with under the Freedom of Information Act, ...".
_SUPERSEDED = re.compile(r"\b(?:initially|originally|previously|at\s+first)\b", re.I)
#: The exemption that sends environmental information to the regulations (FOISA s.39(2),
#: FOIA s.39): a sentence citing it names the Act only to set it aside.
_ROUTING = re.compile(r"\b(?:section|s\.)\s*39\b", re.I)

#: A sentence naming FOISA and the EISR that says which applies: FOISA's s.39(2) sends
#: environmental information to the EISR, one Act is set aside ("under the EISR rather than
#: FOISA"), or each covers a part ("part under FOISA and part under the EISR").
_ONE_OF_TWO = re.compile(
    r"\b39\b|rather\s+than|instead\s+of|\bnot\b|\bno\s+longer\b|\bpart(?:ly|s)?\b|\bsome\b", re.I
)
#: A handling statement that divides the request between the regimes ("part of your request").
_SPLIT = re.compile(r"\bpart(?:ly|s)?\b|\bsome\b|\bremaining\b|\brest\b", re.I)
#: The two Acts named as alternatives - "the Freedom of Information Act 2000 / Environmental
#: Information Regulations 2004", "FOIA/EIR" - or a statement about requests in general ("We
#: respond to requests under the FOIA and the EIR"): a template that fits either regime, so the
#: grounds cited say which one this letter used.
_EITHER_ACT = re.compile(
    r"(?:\bAct|\bFOIA?)(?:\s+\(?\d{4}\)?)?\s*/\s*(?:the\s+)?(?:Environmental|EIRs?\b)"
    r"|^(?:(?!\byour\s+(?:\w+\s+)?request\b).)*\brequests\s+(?:for\s+information\s+)?under\b"
    r"(?:(?!\byour\s+(?:\w+\s+)?request\b).)*$",
    re.I | re.S,
)
#: Every handling statement holds one of these (a quick test before the pattern).
_HANDLED_WORDS = ("under", "accordance", "within the", "virtue", "regime", "legislation")
#: Rights boilerplate names the Acts ("complain under section 50 of the FOIA, as applied by
#: the EIR") without saying how this request was handled.
_RIGHTS = re.compile(r"complain|commissioner|dissatisfied|unhappy|appeal|\breview\b", re.I)


@dataclass(frozen=True)
class RegimeFinding:
    """The regime and the sentence that shows it."""

    regime: str | None
    evidence: Span | None
    #: What settled it: "handled" (a handling statement), "grounds" (the grounds cited),
    #: "named" (the Act named), "mention" (freedom of information mentioned), "request"
    #: (only the request quoted names an Act), "address" (only the page address or file
    #: name says), "named_both" (FOISA and the EISR both named, neither applied), or "".
    basis: str = ""


#: Pieces of text each name must contain (lowercased): a quick test before the pattern.
_NAME_WORDS = {
    "FOISA": ("scotland", "fois", "foi(", "scottish", "act 2002"),
    "EISR": ("scotland", "ei(s", "eisr"),
    "EIR": ("environmental", "eir", "ei reg", "eireg"),
    "FOIA": ("freedom", "foia", "foi act", "act 2000"),
}


def _named(regime: str, text: str, lowered: str) -> re.Match[str] | None:
    if not any(word in lowered for word in _NAME_WORDS[regime]):
        return None
    return _NAMES[regime].search(text)


def named_regime_hint(text: str) -> str | None:
    """A first guess from names alone, for reading section numbers the right way.

    FOISA and FOIA both number their exemptions as sections, so a citation
    parser needs to know which Act it is reading before the provisions are known.
    """
    lowered = text.lower()
    if _named("FOISA", text, lowered):
        return "FOISA"  # sections read as FOISA's, regulations as the EISR's
    eir = _named("EIR", text, lowered)
    if _named("EISR", text, lowered) or (eir and _SCOTTISH.search(text)):
        return "EISR"
    foia = _named("FOIA", text, lowered)
    if eir and not foia:
        return "EIR"
    mentioned = ("foi" in lowered or "freedom" in lowered) and _FOI_MENTION.search(text)
    return "FOIA" if foia or mentioned else None


def detect_regime(
    text: str,
    provision_ids: Iterable[str] = (),
    layout: Layout | None = None,
    skip: Sequence[Span] = (),
) -> RegimeFinding:
    """The regime from handling statements, then grounds cited, then any mention.

    ``skip`` holds the request quoted in the letter: a requester in Scotland often asks
    "under the Freedom of Information Act 2000"; the authority's words say which Act it
    applied. The request's words count only when the authority's name none.
    """
    layout = layout or Layout(text)
    if skip:
        found = _detect(text, provision_ids, layout, skip)
        if found.regime is not None:
            return found
        found = _detect(text, provision_ids, layout, ())
        return RegimeFinding(found.regime, found.evidence, "request") if found.regime else found
    return _detect(text, provision_ids, layout, ())


def _detect(
    text: str, provision_ids: Iterable[str], layout: Layout, skip: Sequence[Span]
) -> RegimeFinding:
    handled, handled_evidence = _handling_statements(layout, skip)
    grounds = _regimes_of(provision_ids)
    if handled == {"EIR"} and grounds == {"EISR"}:
        handled = {"EISR"}  # "the EIRs" of a letter relying on EISR exceptions
    if handled == {"EIR", "EISR"}:
        handled = {"EISR"}  # a Scottish letter naming its regulations, then "under the EIRs"
    if len(handled) > 1 or len(grounds) > 1:
        evidence = handled_evidence or _first_mention(text, layout, "EIR")
        return RegimeFinding("mixed", evidence, "handled" if len(handled) > 1 else "grounds")
    if handled:
        return RegimeFinding(_scottish(text, next(iter(handled))), handled_evidence, "handled")
    if grounds:
        regime = next(iter(grounds))
        return RegimeFinding(regime, _first_mention(text, layout, regime), "grounds")
    # "Our FOI and EIR Disclosure Log", "FOI/EIR requests": both regimes named as one service,
    # neither applied.
    named_skip = [*skip, *(Span.of(text, *m.span()) for m in _BOTH_NAMED.finditer(text))]
    for regime in ("EISR", "FOISA", "FOIA", "EIR"):
        evidence = _first_mention(text, layout, regime, named_skip)
        if evidence is not None:
            regime = _scottish(text, regime)
            other = {"EISR": "FOISA", "FOISA": "EISR"}.get(regime)
            if other and _first_mention(text, layout, other, named_skip) is not None:
                # Both Scottish regimes named, neither applied in words: a guess.
                return RegimeFinding(regime, evidence, "named_both")
            return RegimeFinding(regime, evidence, "named")
    match = _outside(_FOI_MENTION, text, skip) or _outside(_FOIA_TERMS, text, skip)
    if match:
        regime = "FOISA" if _SCOTTISH_BODY.search(text) and not _FOIA_TERMS.search(text) else "FOIA"
        return RegimeFinding(regime, layout.sentence_at(match.start()), "mention")
    return RegimeFinding(None, None)


#: The two regimes named together as one service: "FOI and EIR", "FOI/EIR", "EIR or FOI".
_BOTH_NAMED = re.compile(
    r"\bFOI(?:A|SA)?\s*(?:and|or|/|&)\s*EIRs?\b|\bEIRs?\s*(?:and|or|/|&)\s*FOI", re.I
)


def _scottish(text: str, regime: str) -> str:
    """ "The EIRs" in a Scottish letter are the EISR; a FOISA letter naming the EISR handled
    the request under them."""
    if regime == "EIR" and (_SCOTTISH.search(text) or _SCOTTISH_BODY.search(text)):
        return "EISR"
    if regime == "FOISA" and _SCOTTISH_EIR.search(text) and not _foisa_handled(text):
        return "EISR"
    return regime


def _foisa_handled(text: str) -> bool:
    return bool(
        re.search(
            r"\bunder\s+(?:the\s+)?(?:FOISA|Freedom\s+of\s+Information\s+\(Scotland\))", text, re.I
        )
    )


def _handling_statements(layout: Layout, skip: Sequence[Span] = ()) -> tuple[set[str], Span | None]:
    """Regimes named in sentences that say the request was handled under them."""
    regimes: set[str] = set()
    evidence = None
    routed: set[str] = set()  # the Acts a s.39 statement set aside
    plain: dict[str, bool] = {}  # Act -> named only in statements that split nothing
    for sentence in layout.sentences:
        if inside(sentence.start, skip):
            continue
        lowered = sentence.text.lower()
        if not any(word in lowered for word in _HANDLED_WORDS):
            continue
        if not _HANDLED.search(sentence.text) or _RIGHTS.search(sentence.text):
            continue
        said = sentence.text
        if _SUPERSEDED.search(said):
            settled = _SETTLED.search(said, _SUPERSEDED.search(said).end())
            if settled is None:
                continue  # "initially dealt with under the FOIA": the letter then says otherwise
            said = said[settled.end() :]  # "... initially under FOIA, we now consider the EIR"
        named = {r for r, pattern in _NAMES.items() if pattern.search(said)}
        if _ROUTING.search(sentence.text):
            # "applying section 39(2) of FOISA, so as not to deal ...", "To be able to use the
            # EIRs, we must apply an exemption under section 39(2) of FOISA": the Act is set aside.
            if "FOISA" in named:
                named = (named - {"FOISA", "EIR"}) | {"EISR"}
                routed.add("FOISA")
            elif "FOIA" in named:
                named = (named - {"FOIA"}) | {"EIR"}
                routed.add("FOIA")
        else:
            split = bool(_SPLIT.search(sentence.text))
            for act in named & {"FOISA", "FOIA"}:
                plain[act] = plain.get(act, True) and not split
        if named and re.search(r"\brequests?\b|\binformation\b", sentence.text, re.I):
            if "FOISA" in named and "EISR" in named:
                if not _ONE_OF_TWO.search(sentence.text):
                    # "requests responded to under FOISA and requests responded to under the
                    # EISR": both regimes described, neither applied here.
                    continue
                named = {"EISR"}
            if "EISR" in named:
                named.discard("EIR")
            if {"FOIA", "EIR"} <= named and _EITHER_ACT.search(sentence.text):
                continue  # "under the FOIA 2000 / EIR 2004": whichever applies, not both
            if len(named) > 1:
                named = _before_set_aside(said, named)
            regimes |= named
            evidence = evidence or sentence
    for act in routed:
        if plain.get(act):
            # "Information request and response under the Freedom of Information (Scotland) Act
            # 2002" over "... we are applying the exemption at section 39(2) of FOISA": the page's
            # standing title names the Act the letter then sets aside for the regulations.
            regimes.discard(act)
    return regimes, evidence


#: A regime named only to be set aside: "under the EIR rather than the Freedom of Information
#: Act", "under the EIR instead of FOIA".
_SET_ASIDE = re.compile(r"\b(?:rather\s+than|instead\s+of)\b", re.I)


def _before_set_aside(said: str, named: set[str]) -> set[str]:
    """The regimes a handling sentence applies when it sets one aside: those named before
    "rather than" / "instead of" (all of ``named`` when none is named before it)."""
    aside = _SET_ASIDE.search(said)
    if aside is None:
        return named
    kept = {
        r for r in named if (m := _NAMES[r].search(said)) is not None and m.start() < aside.start()
    }
    return kept or named


def _regimes_of(provision_ids: Iterable[str]) -> set[str]:
    """The regimes whose grounds are cited (FOIA s.39 only points at the EIR)."""
    regimes = set()
    for pid in provision_ids:
        if pid.startswith("reg."):
            regimes.add("EIR")
        elif pid.startswith("eisr."):
            regimes.add("EISR")
        elif pid.startswith("foisa.") and not pid.startswith("foisa.s.39"):
            regimes.add("FOISA")
        elif pid.startswith("s.") and not pid.startswith("s.39"):
            regimes.add("FOIA")
    return regimes


def _first_mention(
    text: str, layout: Layout, regime: str, skip: Sequence[Span] = ()
) -> Span | None:
    match = _outside(_NAMES[regime], text, skip)
    if not match:
        return None
    return layout.sentence_at(match.start()) or Span.of(text, *match.span())


def _outside(pattern: re.Pattern[str], text: str, skip: Sequence[Span]) -> re.Match[str] | None:
    """The first match of ``pattern`` outside the ``skip`` spans."""
    for match in pattern.finditer(text):
        if not inside(match.start(), skip):
            return match
    return None


#: A page address or file name that files the document as an information request
#: ("/freedom-of-information/disclosure-log/...", "foi-202400415820", "FOI_25-116.pdf").
_FOI_NAME = re.compile(
    r"(?i)(?:^|[^a-z])(?:foi(?:a|sa)?|freedom[-_ ]of[-_ ]information|disclosure[-_ ]?logs?|atisn)"
    r"(?:[^a-z]|$)"
)
_EIR_NAME = re.compile(r"(?i)(?:^|[^a-z])(?:eirs?|environmental[-_ ]information)(?:[^a-z]|$)")
_SCOTTISH_NAME = re.compile(
    r"(?i)\.scot\b|scotland|scottish|"
    # The 32 Scottish councils' own addresses, most under .gov.uk.
    r"(?:^|[/.])(?:aberdeencity|aberdeenshire|angus|argyll-bute|clacks|cne-siar|dumgal|dundeecity|"
    r"east-ayrshire|eastdunbarton|eastlothian|eastrenfrewshire|edinburgh|falkirk|fife|glasgow|"
    r"highland|inverclyde|midlothian|moray|north-ayrshire|northlanarkshire|orkney|pkc|"
    r"renfrewshire|scotborders|shetland|south-ayrshire|southlanarkshire|stirling|west-dunbarton|"
    r"westlothian)\.gov\.uk\b"
)


#: UK bodies that work in Scotland and answer under the UK Act, whose names say "Scotland":
#: the Scotland Office (the Office of the Secretary of State for Scotland, a UK government
#: department, FOIA Sch. 1 Part I; its own FOI page says it "operates under the terms of the
#: Freedom of Information Act 2000") and the Office of the Advocate General for Scotland.
_UK_BODY_IN_SCOTLAND = re.compile(
    r"(?i)scotland[-_ ]?office|secretary[-_ ]of[-_ ]state[-_ ]for[-_ ]scotland|"
    r"advocate[-_ ]general(?:[-_ ]for[-_ ]scotland)?"
)
#: A body's own page on a request-tracking site ("/body/police_scotland").
_BODY_PAGE = re.compile(r"(?i)/body/[^/?#]+")


def scottish_name(name: str) -> bool:
    """Whether a page address or file name is a Scottish public authority's.

    Of an address, only the authority's part counts: its host ("www.gov.scot",
    "www.scotland.police.uk") and a body's own page on a request-tracking site
    ("/body/police_scotland"). The rest of the path is a title ("/request/scottish_ferries"
    is the requester's, "/publications/foi-release-scottish-..." a UK department's), which
    says what the request is about, not who answered it. A UK body in Scotland answers
    under FOIA (FOIA s.80 keeps only Scottish public authorities out of it)."""
    address = urlsplit(name.strip())
    if address.scheme and address.netloc:
        body = _BODY_PAGE.search(address.path)
        name = address.netloc + (body.group() if body else "")
    if _UK_BODY_IN_SCOTLAND.search(name):
        return False
    return bool(_SCOTTISH_NAME.search(name))


def with_address(finding: RegimeFinding, name: str | None) -> RegimeFinding:
    """A regime read only from "FOI" mentioned (no Act named), or only from the requester's
    words, for a Scottish authority's page, is FOISA: a Scottish council's disclosure log often
    names no Act, "FOI" there means the Scottish Act, and a Scottish public authority answers
    under FOISA whichever Act the requester cites (FOISA s.1). A page naming no regime at all
    goes by its address."""
    if finding.regime is None:
        return regime_from_name(name)
    if finding.regime == "FOIA" and finding.basis in ("mention", "request") and name:
        if scottish_name(name):
            return RegimeFinding("FOISA", finding.evidence, "mention")
    return finding


def regime_from_name(name: str | None) -> RegimeFinding:
    """The regime a document's name or address files it under, for a text naming none.

    A disclosure-log page often states no Act at all; its address still says it is a
    freedom of information (or environmental information) answer. Only a weak reading.
    """
    if not name:
        return RegimeFinding(None, None)
    scottish = scottish_name(name)
    if _FOI_NAME.search(name):
        return RegimeFinding("FOISA" if scottish else "FOIA", None, "address")
    if _EIR_NAME.search(name):
        return RegimeFinding("EISR" if scottish else "EIR", None, "address")
    return RegimeFinding(None, None)
