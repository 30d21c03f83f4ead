"""Read the grounds of a review request: what the requester says is wrong, one by one.

The request is cut the way its writer laid it out (:mod:`.structure`); each sentence
or clause is scored against the category cues (:mod:`.classify`, data in
``workbench/data/ground_categories.yaml``). A unit whose best category reaches the
threshold states a ground; the units after it that state none (facts, guidance
quoted, the argument) are its support and extend its passage, up to the next ground
or the end of the paragraph or list item. Consecutive units of one paragraph that
state the same kind of ground are one ground argued at length; list items are
always grounds of their own, as the corpus's conventions say ("a template list gives
one ground per item").

The layout decides as much as the words: a clause giving the reason ("... because ...")
argues the ground before it; a sub-list nested in an item, or points completing the sentence
that introduces them, argue that sentence's ground; a title-case heading starts a new part;
the points of a list given as the reasons against a named decision dispute that decision
unless they state a ground of their own; a report of a decision followed by an objection in
general words, or answered with "..., but ...", disputes what was reported; and paragraphs
that only argue the ground stated just before are its support. An objection in general
words about nothing the cues know is a weak ground of category ``other``, and a request
point whose answer is gainsaid in such words ("Q3 - ... Your statement does not provide
this") a weak ground of that point, proposed as ``incomplete``; general discontent ("I am
not satisfied with your response", "not good enough") states none.

Provisions and points follow the text as a reader follows it: a ground names its own,
or takes those the requester was just talking about ("In relation to Question 3 ...
refused under section 27(1) ... Section 17(1)(c) requires reasons"). A request that
states no ground gives an empty list: nothing is ever invented to fill it.

Usage::

    >>> from workbench.grounds import read_grounds
    >>> [g.category for g in read_grounds(text, "FOISA")]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from ..catalogue import ancestor_ids, root_of
from ..citations import is_exemption
from ..errors import CitationError
from ..parsing.regime import named_regime_hint
from .categories import CueBook, load_cues
from .classify import ABOUT_AN_EXEMPTION, Scored, score_unit
from .described import described_mentions
from .model import RequesterGround
from .references import REGIMES, Mention, most_specific, point_mentions, provision_mentions
from .structure import Block, Structure, Unit, read_structure

#: Grounds about an exemption decision take the exemption the requester last named
#: when they name none themselves ("the public interest in disclosing these minutes").
_ABOUT_AN_EXEMPTION = ABOUT_AN_EXEMPTION


#: Grounds about when (or whether) the authority answered, never about an exemption: the
#: exemption just named in their paragraph is not theirs ("... wider than section 43 can
#: justify, and I have now waited six weeks for the review").
_ABOUT_TIMING = frozenset({"delay", "no_response"})


@dataclass
class _Draft:
    """A ground being assembled from consecutive units."""

    category: str
    start: int
    end: int
    block: int
    points: list[str]
    context: list[str]  # exemptions named just before, for grounds that name none
    context_block: int | None
    scores: list[Scored] = field(default_factory=list)
    weak: bool = False  # read from a paragraph that only touched on its subject
    stated_end: int | None = None  # end of the last unit that stated it (not only supported it)

    def settle(self) -> None:
        """The category of the strongest sentence (the first of equals).

        Of the two complaints about time, "nothing has come at all" is the graver fact: said
        anywhere in the passage, the words about when the answer was due ("should have
        responded by 10 May") argue it rather than a mere delay.
        """
        best = max(self.scores, key=lambda s: s.score)
        self.category = best.category or self.category
        if self.category == "delay" and any(s.category == "no_response" for s in self.scores):
            self.category = "no_response"


@dataclass(frozen=True)
class _Fallback:
    """The unit a segment's weak ground would be read from, and what was known there."""

    scored: Scored
    unit: Unit
    lead: int | None
    points: list[str]
    context: list[str]
    context_block: int | None
    objected: bool  # it objects, or the sentence after it objects to it

    @property
    def rank(self) -> tuple[bool, bool, bool, int]:
        """An objection about a known subject, then a known subject, then an objection."""
        about = self.scored.subject_score > 0
        return (self.objected and about, about, self.objected, self.scored.subject_score)


def read_grounds(
    text: str, regime: str | None = None, *, cues: CueBook | None = None
) -> list[RequesterGround]:
    """The grounds stated in a review request's ``text``, in reading order.

    ``regime`` (FOIA, EIR, FOISA or EISR) says how bare section numbers are read; by
    default it is guessed from the Acts the text names.
    """
    book = cues or load_cues()
    structure = read_structure(text)
    regime = resolve_regime(text[: structure.end], regime)
    provisions = provision_mentions(text[: structure.end], regime)
    argues_refusal = _public_interest_argues_refusal(provisions, book, regime)
    described = described_mentions(text[: structure.end], regime)
    drafts = _Walk(structure, provisions, book, argues_refusal, described).run()
    if argues_refusal:
        drafts = _argue_the_refusal(drafts)
    drafts = _burden_of_a_vexatious_refusal(drafts, text[: structure.end], provisions, regime)
    drafts = _without_repeats(drafts, structure.messages, provisions, text)
    cited = [m.value for m in provisions]
    return [_finish(text, draft, provisions, cited, book, described) for draft in drafts]


#: A sentence asking for what the ground says is missing ("Please provide the minutes."):
#: after a ground in the same paragraph it asks for the remedy, it states no new ground.
_ASKS_A_REMEDY = re.compile(
    r"^\W*(?:so\s+|therefore\s+)?(?:please|kindly)\s+(?:now\s+)?"
    r"(?:provide|send|release|disclose|supply|give)\b[^.;:!?]{0,60}[.!]?\s*$",
    re.IGNORECASE,
)

#: A sentence opening by asking for the remedy ("Please release all the information ...").
_OPENS_WITH_REMEDY = re.compile(
    r"\W*(?:so\s+|therefore\s+)?(?:please|kindly)\s+(?:now\s+)?"
    r"(?:provide|send|release|disclose|supply|give)\b",
    re.IGNORECASE,
)

#: When the answer was due ("should have responded promptly and by 10 May", "was due by").
_WAS_DUE = re.compile(
    r"\bshould\s+(?:\w+\s+)?have\s+(?:responded|replied|answered)\b|\b(?:was|were|is)\s+due\s+(?:by|on)\b",
    re.IGNORECASE,
)

#: The marks that open or close a quotation.
_QUOTE_MARK = re.compile(r"[\"“”]")
#: How a finished sentence ends: closing punctuation, perhaps inside a quotation or bracket.
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”'’)\]]\s*$")

#: A paragraph opening as one more objection of the same kind ("Nor is this a repeated request.").
_OTHER_POINT = re.compile(r"^\W*(?:nor|neither)\b", re.IGNORECASE)

#: Refusals that involve no exemption, so no public interest test: the whole request.
_REFUSALS_WITHOUT_AN_EXEMPTION = ("vexatious_disputed", "cost_limit_disputed", "fees")
#: Grounds that dispute an exemption's use, so show that one was relied on.
_EXEMPTION_DECISIONS = _ABOUT_AN_EXEMPTION - {"public_interest"}


def _public_interest_argues_refusal(
    provisions: list[Mention], book: CueBook, regime: str | None
) -> bool:
    """Whether public interest argued in this request can only argue against the refusal.

    The public interest test belongs to exemptions. A requester refused as vexatious,
    over the cost limit or for a fee who argues "there is overwhelming public interest
    in this information" is arguing the value or serious purpose of the request, which
    disputes that refusal (Dransfield: a request with a serious purpose is not
    vexatious). That holds where the request names no exemption. Not so under the
    environmental regimes: a manifestly unreasonable request (EIR reg.12(4)(b), EISR
    reg.10(4)(b)) is refused only if the public interest favours it (EIR reg.12(1)(b),
    EISR reg.10(1)(b)), so there the public interest is argued in its own right.
    """
    if regime in ("EIR", "EISR") or any(m.value.startswith(("reg.", "eisr.")) for m in provisions):
        return False
    return not any(
        is_exemption(m.value)
        and book.category_for_provision(m.value) not in _REFUSALS_WITHOUT_AN_EXEMPTION
        for m in provisions
    )


def _argue_the_refusal(drafts: list[_Draft]) -> list[_Draft]:
    """Public interest grounds argued against a refusal that has no public interest test.

    Only called where :func:`_public_interest_argues_refusal` holds: the public interest
    grounds of a request that disputes such a refusal are grounds against that refusal.
    """
    refusal = next(
        (d.category for d in drafts if d.category in _REFUSALS_WITHOUT_AN_EXEMPTION), None
    )
    if refusal is None or any(d.category in _EXEMPTION_DECISIONS for d in drafts):
        # "I believe the claimed exemptions do not apply and the public interest favours
        # disclosure": an exemption was relied on after all, named in words, not by number,
        # and the public interest is that exemption's test
        return drafts
    for draft in drafts:
        if draft.category == "public_interest":
            draft.category = refusal
    return drafts


#: The cost limit itself named: a refusal under FOIA s.12 / FOISA s.12 (or the regulations).
_COST_LIMIT_NAMED = re.compile(
    r"\b(?:cost|appropriate|prescribed|upper)\s+(?:cost\s+)?limit\b|£\s?(?:450|600)\b"
    r"|\b(?:18|24|eighteen|twenty[\s-]four)\s+hours\b|\bfees\s+regulations\b",
    re.IGNORECASE,
)


#: The refusal named as vexatious ("your refusal of my request as vexatious").
_VEXATIOUS_NAMED = re.compile(r"\bvexatious", re.IGNORECASE)


def _burden_of_a_vexatious_refusal(
    drafts: list[_Draft], text: str, provisions: list[Mention], regime: str | None
) -> list[_Draft]:
    """Grounds about the burden of a request refused as vexatious dispute that refusal.

    A request can be refused as vexatious for the burden it imposes (FOIA s.14(1), FOISA
    s.14(1); ICO guidance on burdensome requests), with no cost limit involved. A requester
    answering that refusal ("you gave no estimate of how long it would take") argues against
    the burden the refusal rests on, in the words of a cost-limit dispute: where the request
    disputes a vexatious refusal and never names the cost limit (s.12, "the cost limit",
    "£450", "18 hours"), those grounds dispute the vexatious refusal. Not so under the
    environmental regimes, which have no separate vexatious refusal: there a burdensome
    request is manifestly unreasonable (EIR reg.12(4)(b), EISR reg.10(4)(b)), a cost-limit
    ground.
    """
    if regime in ("EIR", "EISR") or any(m.value.startswith(("reg.", "eisr.")) for m in provisions):
        return drafts
    vexatious = ("s.14", "foisa.s.14")
    if not (
        any(d.category == "vexatious_disputed" for d in drafts)
        or any(m.value.startswith(vexatious) for m in provisions)
        or _VEXATIOUS_NAMED.search(text)
    ):
        return drafts
    cost_limit = ("s.12", "foisa.s.12")
    if any(
        m.value in cost_limit or m.value.startswith(tuple(c + "(" for c in cost_limit))
        for m in provisions
    ) or _COST_LIMIT_NAMED.search(text):
        return drafts
    for draft in drafts:
        if draft.category == "cost_limit_disputed":
            draft.category = "vexatious_disputed"
    return drafts


def _without_repeats(
    drafts: list[_Draft], messages: tuple[int, ...], provisions: list[Mention], text: str
) -> list[_Draft]:
    """The grounds of the request, less those an earlier message pasted below repeats.

    "I asked for a review on 2 March and have heard nothing. The redactions are still far
    wider than section 43 can justify." signed, then the message of 2 March pasted
    under it: the redactions are one ground, read where the requester last stated it.
    A ground of the pasted message repeats one above when it is of the same category,
    names no provision the one above did not, and is about the same things (a third of
    the words that carry meaning shared).
    """
    if not messages:
        return drafts
    kept: list[tuple[_Draft, int, set[str], set[str]]] = []
    for draft in drafts:
        message = sum(1 for start in messages if start <= draft.start)
        named = {m.value for m in provisions if draft.start <= m.start < draft.end}
        words = _meaning_words(text[draft.start : draft.end])
        if not any(
            earlier < message
            and other.category == draft.category
            and named <= other_named
            and _share_subject(words, other_words)
            for other, earlier, other_named, other_words in kept
        ):
            kept.append((draft, message, named, words))
    return [draft for draft, *_ in kept]


def _meaning_words(passage: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", passage.lower()) if w not in _COMMON_WORDS}


def _share_subject(words: set[str], other: set[str]) -> bool:
    smaller = min(len(words), len(other))
    return smaller > 0 and len(words & other) >= smaller / 3


#: Words too common in review requests to say what a ground is about.
_COMMON_WORDS = frozenset(
    "that this with have from your were been which would there their they what about these "
    "those also will could should request review information response reply letter please "
    "because into only more than some when where other dear yours sincerely faithfully "
    "regards thank".split()
)


def resolve_regime(text: str, given: str | None) -> str | None:
    """The regime the request is read under: ``given`` (checked), or guessed from the text."""
    if given is not None:
        upper = given.strip().upper()
        if upper not in REGIMES:
            raise CitationError(f"unknown regime {given!r}; expected one of {', '.join(REGIMES)}")
        return upper
    return named_regime_hint(text)


# --------------------------------------------------------------------------- grouping


class _Walk:
    """Walk the units in reading order, opening, extending and closing grounds.

    A *segment* is a list item (with the paragraphs that continue it) or a paragraph
    outside a list; a ground never runs from one segment into the next. Inside a
    segment, a reference to other request points ("In relation to Question 3") starts
    afresh. Units before the first ground of a segment (or of a fresh start) that state
    none lead into it and open its passage, unless they are the request's furniture.
    """

    def __init__(
        self,
        structure: Structure,
        provisions: list[Mention],
        book: CueBook,
        argues_refusal: bool = False,
        described: list[Mention] | None = None,
    ) -> None:
        self.structure = structure
        self.provisions = provisions
        self.described = described or []  # provisions named by their words, not numbers
        self.book = book
        self.argues_refusal = argues_refusal  # public interest can only argue the refusal
        self.drafts: list[_Draft] = []
        self.current: _Draft | None = None
        self.lead: int | None = None  # start of the units leading into the next ground
        self.lead_subject: str | None = None  # what those units were about
        self.lead_reported = False  # the last of them reported the decision ("You refused ...")
        self.lead_score = 0  # how plainly they named what the decision was about
        self.intro_topic: str | None = None  # what the line introducing a list was about
        self.intro_block: int | None = None  # the paragraph that topic was read from
        self.reported_sentence: int | None = None  # start of the last sentence reporting a decision
        self.points: list[str] = []
        self.context: list[str] = []
        self.context_block: int | None = None
        self.segment: tuple[str, int] | None = None
        self.block: int | None = None
        self.segment_drafts = 0
        self.fallback: _Fallback | None = None
        self.last_candidate: _Fallback | None = None
        self.argued: set[str] = set()  # categories of the grounds the last paragraphs stated
        self.segment_start = 0  # index in ``drafts`` of the segment's first ground
        self.law_block: int | None = None  # the block of the last law set out for a ground

    def run(self) -> list[_Draft]:
        for unit in self.structure.units:
            self._enter(unit)
            self._read(unit)
        self._leave_segment()
        return self._without_lead_ins(self.drafts)

    def _without_lead_ins(self, drafts: list[_Draft]) -> list[_Draft]:
        """Drop a weak ground read from a paragraph that only leads into the same ground.

        "Your reply of 2 April withheld the tender documents under section 33(1)(b)."
        then "I do not accept that the tender documents are still commercially
        sensitive.": the first paragraph tells the story of the decision the next one
        disputes, so it is not a ground of its own. A list item is never such a story:
        "1. The cost of providing two spreadsheets is small." then "2. The figures could be
        extracted in minutes." are two reasons, each a ground ("a template list gives one
        ground per item"), however weakly the first is put.
        """
        kept = []
        for index, draft in enumerate(drafts):
            following = drafts[index + 1] if index + 1 < len(drafts) else None
            if (
                draft.weak
                and self.structure.blocks[draft.block].item is None
                and following is not None
                and not following.weak
                and following.category == draft.category
                and following.block - draft.block <= 2
            ):
                continue
            kept.append(draft)
        return kept

    def _enter(self, unit: Unit) -> None:
        """Start a new segment, or afresh on a change of request points."""
        block = self.structure.blocks[unit.block]
        segment = ("item", block.item) if block.item is not None else ("block", unit.block)
        if segment != self.segment:
            self._leave_segment()
            self.segment, self.segment_drafts, self.fallback = segment, 0, None
            self.segment_start = len(self.drafts)
            self.last_candidate = None
            if block.is_item or block.item is None:
                self.points = [block.label] if block.label and block.label_is_point else []
        if unit.block != self.block:
            quoted_before = self.block is not None and self._all_quoted(self.block)
            self.block = unit.block
            if not (block.nested or block.enumerates):  # these go on arguing the ground
                self.current = None
                quoting = quoted_before or self._all_quoted(unit.block)
                if quoting and self.lead_reported:
                    self.lead = None  # a decision reported, then quoted, is still disputed,
                    # but the ground's passage is the requester's paragraph disputing it
                else:
                    self._forget_lead()
        found = point_mentions(self.structure.text, unit.start, unit.end)
        mentioned = list(dict.fromkeys(m.value for m in found))
        if mentioned and mentioned != self.points:
            current = self.current
            sentence = self.structure.text[unit.start : unit.end]
            if (
                current is not None
                and not current.points
                and current.block == unit.block
                and self.book.supports(sentence)
            ):
                # "... not disclosing all relevant material. In particular this relates to
                # part 2 of my original request": the ground just stated names its point
                current.points = mentioned
            else:
                self.current = None
                self._forget_lead()
            self.points = mentioned

    def _read(self, unit: Unit) -> None:
        named = [m.value for m in self.provisions if unit.start <= m.start < unit.end]
        masked = self.structure.masked
        near = [  # provisions inside a quotation are someone else's words
            m.value
            for m in self.provisions
            if unit.sentence_start <= m.start < unit.sentence_end and not masked[m.start].isspace()
        ]
        inside = [pid for pid in near if pid in named]
        if self._sets_out_the_law(unit):
            return
        scored = score_unit(self.structure.masked[unit.start : unit.end], near, self.book, inside)
        if unit.contrast and not scored.is_ground(self.book.threshold):
            scored = self._across_the_contrast(unit, near, scored)
        block = self.structure.blocks[unit.block]
        if self._reports_reason(unit, scored):
            below = min(scored.score, self.book.threshold - 1)
            scored = replace(scored, reported=True, score=below)
        if scored.reported:
            self.reported_sentence = unit.sentence_start
        if block.item is None and (unit.block != self.intro_block or scored.topic is not None):
            # what the paragraph before a list was about: "I refer to your letter refusing my
            # request as too costly. I ask for a review for these reasons:"
            self.intro_topic, self.intro_block = scored.topic, unit.block
        if scored.is_ground(self.book.threshold):
            scored = self._about_the_decision(scored, block)
            if self.current is not None and (self._gives_reason(unit) or self._asks_remedy(unit)):
                # "There must be further correspondence, as the chain is incomplete": the
                # reason argues the ground, and "Please provide the minutes." asks what would
                # put it right; neither decides its category
                self.current.end = unit.end
                if unit.reason and self._opens_with_remedy(self.current):
                    # "Please release what was redacted, as the exemptions were misused": the
                    # sentence asks for the remedy and its reason says what is wrong, so the
                    # stronger of the two decides
                    self.current.scores.append(scored)
                    self.current.settle()
            elif self._continues(scored, unit):
                self.current.end = self.current.stated_end = unit.end  # type: ignore[union-attr]
                self.current.scores.append(scored)  # type: ignore[union-attr]
                self.current.settle()  # type: ignore[union-attr]
            elif self._restates(scored, unit) or self._argues_item(scored, unit):
                self._extend_last(scored, unit)
            elif self._argues_again(scored, unit):
                # the ground of a paragraph just before, argued again: its passage runs on here
                self.drafts[-1].end = unit.end
                self._forget_lead()
            else:
                self._open(scored, unit, self.lead)
        elif scored.furniture:  # the sign-off or the request itself: no ground's support
            self.current = None
            self._forget_lead()
        elif scored.reported and self.current is not None:
            # "... which is not what I asked for. You also said the figures were not held,
            # but ...": a report of another decision ends the ground before it
            self.current = None
            self._lead_into(scored, unit)
        elif self.current is not None:
            self.current.end = unit.end  # support for the ground just stated
        elif self.lead_subject and self._answers_report(unit):
            # "You say the request is manifestly unreasonable. It is not."
            disputed = self._what_the_rebuttal_disputes(scored)
            self._open(_denial(disputed, self.book.threshold), unit, self.lead)
        else:
            self._lead_into(scored, unit)
        exemptions = [pid for pid in named if is_exemption(pid)] or [
            # "your refusal of my request as manifestly unreasonable": the decision named
            m.value
            for m in self.described
            if unit.start <= m.start < unit.end and is_exemption(m.value)
        ]
        if exemptions:
            self.context, self.context_block = exemptions, unit.block

    def _sets_out_the_law(self, unit: Unit) -> bool:
        """Whether the unit sets out the law for the ground just stated, and so only argues it.

        "Your reply came eleven weeks late, a breach of section 10." then "Section 10 sets out
        when an answer is due:" and a list ("Authorities must respond promptly ..."): what the
        law asks of public authorities in general is the requester's argument for the ground
        stated just before it, in the same passage or in the paragraphs or items straight after
        it. It runs that ground's passage on and never decides its category. Stated with no
        ground before it, the law is read like any other sentence: "Section 17(1)(c) states that
        a public body must state why the exemption applies" after a refusal reported is itself
        the complaint that no reasons were given.
        """
        block = self.structure.blocks[unit.block]
        points_of_the_law = (
            (block.nested or block.enumerates)
            and self.law_block is not None
            and unit.block - self.law_block <= 1
        )  # "It applies whenever a public authority has:" then "- a duty under section 1(1)(a)"
        if not (
            points_of_the_law
            or self.book.states_the_law(self.structure.masked[unit.start : unit.end])
        ):
            return False
        last = self.drafts[-1] if self.drafts else None
        if self.current is not None:
            self.current.end = unit.end
        elif last is not None and self._block_at(last.end) == unit.block - 1:
            last.end = unit.end  # a list of the law under the paragraph stating the ground
        else:
            return False
        self.law_block = unit.block
        return True

    def _block_at(self, position: int) -> int:
        """The index of the block holding the character just before ``position``."""
        starts = [block.start for block in self.structure.blocks]
        return max(bisect_right(starts, position - 1) - 1, 0)

    def _across_the_contrast(self, unit: Unit, near: list[str], scored: Scored) -> Scored:
        """A clause after "but" read with the clause it answers, when only the two say the ground.

        "This request is for the July minutes, but you seem to have sent the February ones":
        neither clause alone says the request was misread; the sentence does. The sentence up
        to the end of the clause is read instead, when it states a ground in that ground's own
        words and is no report of the authority's decision.
        """
        sentence = self.structure.masked[unit.sentence_start : unit.end]
        whole = score_unit(sentence, near, self.book)
        if whole.is_ground(self.book.threshold) and whole.stated and not whole.reported:
            return whole
        return scored

    def _reports_reason(self, unit: Unit, scored: Scored) -> bool:
        """Whether the unit is the authority's reason, in a sentence reporting its decision.

        "I refer to your letter refusing my request because the cost would exceed the
        limit": the reason is the authority's, reported with its decision, not an objection.
        """
        return (
            unit.reason and not scored.objecting and self.reported_sentence == unit.sentence_start
        )

    def _forget_lead(self) -> None:
        self.lead, self.lead_subject, self.lead_reported = None, None, False
        self.lead_score = 0

    def _about_the_decision(self, scored: Scored, block: Block) -> Scored:
        """The category of a weakly stated ground, read from the decision it disputes.

        A requester reports the decision, then objects to it: "You used the exemptions
        and neither confirm nor deny ... it is very wrong to issue such a blanket
        exemption" disputes the refusal to confirm or deny, which the report named more
        plainly than the objection names anything. Likewise the points of a list
        introduced as the reasons against a decision ("I request a review of the decision
        to charge fees on the following grounds:") dispute that decision unless they
        state a ground of their own in its own words.
        """
        subject = None
        if (
            self.lead_reported
            and self.lead_subject
            and scored.objecting
            and scored.subject_score < self.lead_score
        ):
            subject = self.lead_subject
        elif block.in_list_of_reasons and not scored.stated and self.intro_topic:
            subject = self.intro_topic
        if subject is None or subject == scored.category:
            return scored
        return replace(scored, category=subject, summary=None)

    def _what_the_rebuttal_disputes(self, scored: Scored) -> str:
        """The category of a rebuttal: the decision reported, or what the rebuttal names.

        "You say the request is manifestly unreasonable. It is not." disputes the decision
        reported. "You relied on section 40(2) but did not consider the public interest"
        names the decision only to say what is wrong with it: the rebuttal's own subject,
        when it is the more particular complaint (``precedence``), is the ground; the
        exemption the report named is what that complaint is about, not the complaint.
        """
        reported = self.lead_subject or "other"
        own = scored.subject
        if own is None or own == reported:
            return reported
        rank = self.book.rank
        return own if rank[own] < rank[reported] else reported

    def _answers_report(self, unit: Unit) -> bool:
        """A bare denial, or a rebuttal of the decision reported just before."""
        sentence = self.structure.masked[unit.start : unit.end]
        if self.book.is_denial(sentence):
            return True
        return self.lead_reported and (unit.contrast or self.book.is_rebuttal(sentence))

    def _lead_into(self, scored: Scored, unit: Unit) -> None:
        """A unit stating no ground, before any ground: it leads into the next one."""
        if self.lead is None:
            self.lead = unit.start
        if scored.subject is not None:
            self.lead_subject, self.lead_score = scored.subject, scored.subject_score
        elif scored.reported or (self.lead_reported and self._all_quoted(unit.block)):
            self._quoted_subject(unit)
        self.lead_reported = self.lead_reported or scored.reported
        block = self.structure.blocks[unit.block]
        last = self.last_candidate
        if scored.subject is None and scored.objecting:
            if last is not None and last.unit.block == unit.block:
                # "... the dates have been removed too. I can see no reason for that."
                self._offer(replace(last, objected=True))
            elif not scored.reported and self.book.objects_in_substance(
                self.structure.masked[unit.start : unit.end]
            ):
                # an objection about nothing the cues know: a ground still, weakly held
                self._offer(self._candidate(_objection_only(self.book.threshold), unit, True))
            return
        if scored.subject is None and block.label_is_point and self._denies(unit, scored):
            # "Q2 - The summary is too brief, and does not give much useful information": a
            # point of the request named, and its answer gainsaid in words no cue knows
            self._offer(self._candidate(_answer_disputed(self.book.threshold), unit, True))
            return
        own_words = re.search(r"\w", self.structure.masked[unit.start : unit.end]) is not None
        if scored.topic is None and block.in_list_of_reasons and self.intro_topic and own_words:
            # a point in a list of reasons against a named decision disputes that decision
            if not (scored.furniture or scored.reported or self._cut_off(unit)):
                self._offer(
                    self._candidate(_disputes(self.intro_topic, self.book.threshold), unit, False)
                )
            return
        about_something = scored.subject is not None and scored.subject_score >= 1
        if about_something and (block.in_list_of_reasons or not scored.reported):
            candidate = self._candidate(scored, unit, scored.objecting)
            self.last_candidate = candidate
            self._offer(candidate)

    def _cut_off(self, unit: Unit) -> bool:
        """Whether the text stops in the middle of the unit's item ("3. By my reckoning the").

        A page or message cut short leaves a last sentence that says nothing yet: nothing
        is guessed from it, not even that it disputes the decision the list argues against.
        """
        structure = self.structure
        block = structure.blocks[unit.block]
        rest = structure.text[block.end : structure.end]
        return not rest.strip() and not _ENDS_SENTENCE.search(
            structure.text[unit.start : block.end]
        )

    def _all_quoted(self, index: int) -> bool:
        """Whether a block is nothing but someone else's words in quotation marks."""
        block = self.structure.blocks[index]
        text = self.structure.text[block.start : block.end]
        return bool(text.strip()) and not self.structure.masked[block.start : block.end].strip()

    def _quoted_subject(self, unit: Unit) -> None:
        """What a decision reported in the authority's own quoted words was about.

        "Your response said that \"the information is commercially confidential and its
        release would adversely affect ...\". I disagree." disputes the exception the
        quotation names: quoted words are no ground of the requester's, but they say what
        the decision reported was.
        """
        text = self.structure.text[unit.start : unit.end]
        if text == self.structure.masked[unit.start : unit.end]:
            return  # nothing quoted
        quoted = score_unit(text, [], self.book)
        if quoted.subject is not None:
            self.lead_subject, self.lead_score = quoted.subject, quoted.subject_score

    def _denies(self, unit: Unit, scored: Scored) -> bool:
        """Whether a unit neither reporting nor furniture says what is not so ("does not")."""
        if scored.reported or scored.furniture:
            return False
        return self.book.is_rebuttal(self.structure.masked[unit.start : unit.end])

    def _candidate(self, scored: Scored, unit: Unit, objected: bool) -> _Fallback:
        """The unit as a segment's possible weak ground, with what is known where it is."""
        return _Fallback(
            scored,
            unit,
            self.lead,
            list(self.points),
            list(self.context),
            self.context_block,
            objected,
        )

    def _offer(self, candidate: _Fallback) -> None:
        """Keep the likeliest unit of the segment to read a weak ground from."""
        if self.fallback is None or candidate.rank > self.fallback.rank:
            self.fallback = candidate

    def _asks_remedy(self, unit: Unit) -> bool:
        """Whether the unit asks, in the paragraph of the ground just stated, for its remedy."""
        current = self.current
        sentence = self.structure.text[unit.start : unit.end]
        return (
            current is not None
            and current.block == unit.block
            and bool(_ASKS_A_REMEDY.match(sentence))
        )

    def _opens_with_remedy(self, draft: _Draft) -> bool:
        """Whether the ground opened by asking for its remedy ("Please release ...")."""
        return _OPENS_WITH_REMEDY.match(self.structure.text, draft.start) is not None

    def _gives_reason(self, unit: Unit) -> bool:
        """Whether the unit is the reason given for the ground just stated in its sentence."""
        current = self.current
        return unit.reason and current is not None and current.end >= unit.sentence_start

    def _argues_item(self, scored: Scored, unit: Unit) -> bool:
        """Whether a paragraph carrying on a list item argues the item's ground again.

        "1. The exemption does not apply to the parking contract." then, before item 2, a
        paragraph "The contract ended in 2021 ..., so no harm can follow.": the item's
        ground argued over several paragraphs, one ground as the corpus's conventions say
        ("supporting argument for a ground is not split out"). Only a statement of the same
        kind as the item's last ground, below ``strong``, about the same request points, that
        adds no point ("That email also states ...") and cites no provision the ground did
        not, is read this way.
        """
        if self.current is not None or not self.drafts:
            return False
        last = self.drafts[-1]
        blocks = self.structure.blocks
        block = blocks[unit.block]
        if block.item is None or block.is_item or blocks[last.block].item != block.item:
            return False
        if last.category != scored.category or scored.score >= self.book.strong:
            return False
        if self.points and last.points != self.points:
            return False  # "Questions 7 and 8: these were not answered": other points named
        opening = self.structure.text[block.start : unit.end]
        if self.book.adds_point(opening) or self.book.adds_point(
            self.structure.text[unit.start : unit.end]
        ):
            return False
        before = {m.value for m in self.provisions if last.start <= m.start < last.end}
        named = {m.value for m in self.provisions if block.start <= m.start < unit.end}
        return named <= before

    def _continues(self, scored: Scored, unit: Unit) -> bool:
        """Whether the unit argues the ground just stated rather than stating another.

        An item of a list states one objection, however argued ("a template list gives
        one ground per item"); its category is that of its strongest sentence. In a
        paragraph: the same category, unless the second adds a point ("I would also
        like to know ...") or the two are strong statements side by side; a sentence
        opening as support of the one before ("This is because ...") always continues.
        """
        current = self.current
        if current is None:
            return False
        block = self.structure.blocks[unit.block]
        if block.is_item and current.block == unit.block:
            return True
        if block.headed and current.block == unit.block and len(current.scores) == 1:
            if "\n" not in self.structure.text[current.start : current.end].strip():
                return True  # only the heading so far: the section under it is its ground
        if block.nested and self.structure.blocks[current.block].item == block.item:
            return True
        if (
            block.enumerates
            and unit.sentence_start == block.start
            and self.structure.blocks[current.block].item is None
        ):
            return True  # the points of the sentence that stated the ground
        if block.enumerates and self.structure.blocks[current.block].item not in (None, block.item):
            # "Please can you:" then "1. explain why ..." and "3. say what you will change ...":
            # the sentence before the points states no ground, so each point is its own
            return False
        if current.category != scored.category and not self._says_when_due(current, scored, unit):
            return False
        if self._quoted_since(current, unit):
            return False  # the argument resumed after words quoted in support is a new one
        sentence = self.structure.text[unit.start : unit.end]
        if self.book.supports(sentence):
            return True
        if self.book.adds_point(sentence, clause=unit.start > unit.sentence_start):
            return False
        strong = self.book.strong
        return scored.score < strong or current.scores[-1].score < strong

    def _says_when_due(self, current: _Draft, scored: Scored, unit: Unit) -> bool:
        """Whether the unit only says when the answer was due, after "nothing has come".

        "The response I requested is overdue. By law, the MHRA should have responded promptly
        and by 10 May." is one complaint, that no answer has come: the deadline argues it.
        "... that time ran out in early March" states a lapse of its own.
        """
        return (
            current.category == "no_response"
            and scored.category == "delay"
            and _WAS_DUE.search(self.structure.masked[unit.start : unit.end]) is not None
        )

    def _quoted_since(self, draft: _Draft, unit: Unit) -> bool:
        """Whether someone else's words were quoted after the ground last stated itself.

        "... tell me why it is not in the public interest that you reveal the routes. The
        guidance reads “...”. It is in the public interest that the routes are made
        available ...": the quotation supports the first objection, and the requester's
        own words after it argue anew (here, that the balance favours disclosure).
        """
        text, masked = self.structure.text, self.structure.masked
        start = draft.stated_end if draft.stated_end is not None else draft.end
        marks = _QUOTE_MARK.finditer(text, start, unit.start)
        return any(masked[mark.start()] == " " for mark in marks)

    def _restates(self, scored: Scored, unit: Unit) -> bool:
        """Whether a headed section argues again the ground stated just before it.

        A requester who argues at length puts headings over the parts of the argument
        ("I respectfully challenge that decision ..." then "The Definition and
        Threshold of Vexatiousness", "FOIA does not define 'vexatious' ..."): a section
        under a heading that argues the same kind of ground as the one before it is
        that ground argued at length, as the corpus's conventions say ("supporting
        argument for a ground is not split out"). Plain paragraphs are not read this
        way: a letter without headings gives each objection its own paragraph. It is a
        new ground when it says so ("I would also ..."), when it turns to other request
        points, or when it names an exemption the ground before did not.
        """
        if self.current is not None or not self.drafts:
            return False
        last = self.drafts[-1]
        blocks = self.structure.blocks
        block = blocks[unit.block]
        if block.item is not None or blocks[last.block].item is not None:
            return False  # "a template list gives one ground per item"
        if unit.block == last.block or not self._in_headed_section(unit.block):
            return False
        if last.block == unit.block - 1 and self._lone_heading(last.block):
            return True  # the heading and the section under it are one part
        if last.category != scored.category or last.points != self.points:
            return False
        if self.book.adds_point(self.structure.text[unit.start : unit.end]):
            return False
        before = {m.value for m in self.provisions if last.start <= m.start < last.end}
        named = {
            m.value
            for m in self.provisions
            if block.start <= m.start < unit.end and is_exemption(m.value)
        }
        return named <= before

    def _argues_again(self, scored: Scored, unit: Unit) -> bool:
        """Whether a plain paragraph weakly says again the ground of a paragraph just before.

        "It's clear that the Government are not disclosing all relevant material ..."
        then a paragraph of facts, then "It's not realistic to believe that no one had
        any conversations about this." and "I am now asking for this further
        correspondence to be disclosed.": one objection argued over several paragraphs,
        as the corpus's conventions say ("supporting argument for a ground is not split
        out"). Only a weak statement (below ``strong``) of the same kind, about the same
        request points, citing no provision the ground did not, with no "also", within two
        paragraphs of the ground, is read this way; a plainly stated objection in its own
        paragraph is still a ground of its own.
        """
        if self.current is not None or not self.drafts:
            return False
        last = self.drafts[-1]
        blocks = self.structure.blocks
        if last.weak:
            return False  # a paragraph only touching on the subject leads into this ground
        if blocks[unit.block].item is not None or blocks[last.block].item is not None:
            return False  # "a template list gives one ground per item"
        if unit.block == last.block or unit.block - last.block > 3:
            return False
        if any(last.end <= start <= unit.start for start in self.structure.messages):
            return False  # an earlier message pasted below is read on its own
        if last.category != scored.category or (self.points and last.points != self.points):
            return False  # another kind of ground, or other request points named
        if scored.score >= self.book.strong or self.lead_reported:
            return False  # a plain statement, or one disputing a decision just reported
        opening = self.structure.text[blocks[unit.block].start : unit.end]
        if any(
            self.book.adds_point(text) or _OTHER_POINT.match(text)
            for text in (opening, self.structure.text[unit.start : unit.end])
        ):
            return False  # "You have also added ...", "Nor is this a repeated request."
        before = {m.value for m in self.provisions if last.start <= m.start < last.end}
        named = {m.value for m in self.provisions if unit.start <= m.start < unit.end}
        return named <= before  # a provision not cited before is a new argument

    def _in_headed_section(self, index: int) -> bool:
        """The block opens with a heading, or follows a heading standing on its own."""
        blocks = self.structure.blocks
        if blocks[index].headed:
            return True
        if index == 0:
            return False
        return self._lone_heading(index - 1)

    def _lone_heading(self, index: int) -> bool:
        """The block is a heading standing on its own line, the section under it apart."""
        block = self.structure.blocks[index]
        return block.headed and "\n" not in self.structure.text[block.start : block.end]

    def _extend_last(self, scored: Scored, unit: Unit) -> None:
        """The ground just stated runs on to this unit, which argues it again."""
        last = self.drafts[-1]
        last.end = unit.end
        last.scores.append(scored)
        last.settle()
        self.current = last
        self.segment_drafts += 1
        self._forget_lead()

    def _open(self, scored: Scored, unit: Unit, lead: int | None) -> None:
        self._add(
            _Draft(
                scored.category or "other",
                unit.start if lead is None else lead,
                unit.end,
                unit.block,
                list(self.points),
                list(self.context),
                self.context_block,
                [scored],
                stated_end=unit.end,
            )
        )

    def _add(self, draft: _Draft) -> None:
        self.current = draft
        self.drafts.append(self.current)
        self.segment_drafts += 1
        self._forget_lead()

    def _leave_segment(self) -> None:
        """A paragraph or item that stated no ground plainly may still hold one, weakly.

        A review request is written to object, so a paragraph about a subject the cues
        know (the exemption, the searches, the delay) that is neither the request's
        furniture nor the requester reporting the decision is read as a ground of that
        subject, with a low confidence: "(3) The University relies heavily on the Section
        41 exemption", "several pages were blanked out, so I cannot tell why".
        """
        found = self.fallback
        if self.segment_drafts:
            self.argued = {draft.category for draft in self.drafts[self.segment_start :]}
            return
        if found is not None and self._argues_on(found):
            # the paragraphs before stated this ground; this one argues it, so the ground's
            # passage runs on over it when it follows closely
            last = self.drafts[-1] if self.drafts else None
            if last is not None and 0 < found.unit.block - last.block <= 3:
                last.end = max(last.end, self.structure.blocks[found.unit.block].end)
            return
        if found is not None:
            start = found.unit.start if found.lead is None else found.lead
            block = self.structure.blocks[found.unit.block]
            end = block.end
            category = found.scored.subject or "other"
            if block.in_list_of_reasons and not found.scored.stated and self.intro_topic:
                category = self.intro_topic
            self._add(
                _Draft(
                    category,
                    start,
                    end,
                    found.unit.block,
                    found.points,
                    found.context,
                    found.context_block,
                    [found.scored],
                    weak=True,
                )
            )
            self.argued = {category}

    def _argues_on(self, found: _Fallback) -> bool:
        """A paragraph weakly about the subject of the ground just stated supports it.

        "I believe the exemption has not been applied correctly." followed by paragraphs
        on the guidance, the harm and the officials' roles is one ground argued at
        length, as the corpus's conventions say ("supporting argument for a ground is
        not split out"). A list item always states its own ground.
        """
        block = self.structure.blocks[found.unit.block]
        if block.item is not None:
            return False
        if self.book.adds_point(self.structure.text[block.start : block.end]):
            return False  # "Fourthly, ... no minutes for that meeting": a point of its own
        subject = found.scored.subject
        if (
            subject == "public_interest"
            and self.argues_refusal
            and self.argued & set(_REFUSALS_WITHOUT_AN_EXEMPTION)
        ):
            # "My requests ... focused on matters of public interest" after "my request is
            # not vexatious": the request's serious purpose, argued for that ground
            return True
        return subject in self.argued


def _disputes(category: str, threshold: int) -> Scored:
    """The score of a point listed against a decision and naming nothing else: weak."""
    return Scored(category, 1, 0, threshold + 1, ("the decision disputed",), subject=category)


def _answer_disputed(threshold: int) -> Scored:
    """The score of a request point's answer gainsaid in unknown words: weakly, incomplete.

    A requester who goes through the request point by point ("Q3 - the request was for
    the date of acknowledgement. Your statement does not provide this") disputes the
    answer to that point; what they say is missing is the commonest such complaint, so
    the reader proposes it, weakly held, for the reviewer to confirm or correct.
    """
    return Scored(
        "incomplete", 1, 0, threshold + 1, ("the answer to a point disputed",), subject="incomplete"
    )


def _objection_only(threshold: int) -> Scored:
    """The score of an objection in general words only ("This is simply not good enough")."""
    return Scored("other", 1, 0, threshold + 1, ("general objection",), subject="other")


def _denial(category: str, threshold: int) -> Scored:
    """The score of a bare denial of the decision just reported: a ground, weakly held."""
    return Scored(category, threshold, 0, threshold * 2, ("denial",), subject=category)


# --------------------------------------------------------------------------- finishing


def _finish(
    text: str,
    draft: _Draft,
    provisions: list[Mention],
    cited: list[str],
    book: CueBook,
    described: list[Mention] = (),  # type: ignore[assignment]
) -> RequesterGround:
    """The ground as the workbench hands it on: provisions, summary, confidence.

    A provision named only by description ("the free and frank exchange of views") is
    the ground's when the ground names no provision of that section by number: "section
    43" with "commercial interests" beside it is the section the requester cited.
    """
    own = [m.value for m in provisions if draft.start <= m.start < draft.end]
    ids = list(dict.fromkeys(own))
    if draft.category in _ABOUT_TIMING:
        # "Your refusal under section 43 came two months after my request": the exemption names
        # the decision that was late, not what the complaint of delay is about
        ids = [pid for pid in ids if not is_exemption(pid)]
    if not any(is_exemption(pid) for pid in ids) and (
        draft.category in _ABOUT_AN_EXEMPTION
        or (draft.context_block == draft.block and draft.category not in _ABOUT_TIMING)
    ):
        ids += [pid for pid in draft.context if pid not in ids]
    sections = {root_of(pid) for pid in ids}
    for mention in described:
        if draft.start <= mention.start < draft.end and root_of(mention.value) not in sections:
            ids.append(mention.value)
            sections.add(root_of(mention.value))
    ids = _drop_ancestors(most_specific(ids, cited))
    best = max(draft.scores, key=lambda s: s.confidence)
    cues = tuple(dict.fromkeys(cue for s in draft.scores for cue in s.cues))
    return RequesterGround(
        category=draft.category,
        quote=text[draft.start : draft.end],
        start=draft.start,
        end=draft.end,
        summary=_summary(draft.category, ids, draft.points, book, _closer(draft)),
        confidence=best.confidence,
        provisions=tuple(ids),
        points=tuple(draft.points),
        cues=cues,
    )


def _deciding(draft: _Draft) -> Scored:
    """The sentence that decided the ground's category (the strongest, the first of equals)."""
    return max(draft.scores, key=lambda s: (s.category == draft.category, s.score))


def _closer(draft: _Draft) -> str | None:
    """The summary of the deciding cue, when it was a cue of the ground's own category."""
    deciding = _deciding(draft)
    return deciding.summary if deciding.category == draft.category else None


def _drop_ancestors(ids: list[str]) -> list[str]:
    """A ground citing "section 43" and "section 43(2)" cites s.43(2) alone."""
    covered = {ancestor for pid in ids for ancestor in ancestor_ids(pid)}
    return [pid for pid in ids if pid not in covered]


def _summary(
    category: str, provisions: list[str], points: list[str], book: CueBook, closer: str | None
) -> str:
    """One neutral line: the category's words (or its deciding cue's), provisions, points."""
    entry = book.categories[category]
    named = bool(provisions) and closer is None and entry.summary_with_provisions is not None
    line = (
        entry.summary_with_provisions.format(provisions=_and(provisions))  # type: ignore[union-attr]
        if named
        else closer or entry.summary
    )
    extra = [] if named or not provisions else [_and(provisions)]
    if points:
        extra.append(("point " if len(points) == 1 else "points ") + _and(points))
    return line + (f" ({'; '.join(extra)})" if extra else "") + "."


def _and(values: list[str]) -> str:
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " and " + values[-1]


__all__ = ["read_grounds", "resolve_regime"]
