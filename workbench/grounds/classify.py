"""Score one sentence or clause against every category's cues.

The score of a category is the sum of the weights of its cues found in the unit
(each cue counted once), where the cues that only name the subject ("public
interest", "redacted") and the provisions that signal the category (s.12 the cost
limit, s.16 advice and assistance; any other exemption, a disputed exemption) count
one between them: naming a subject is not objecting to anything. General words of
disagreement ("I do not believe", "should have") then add to the category the unit
is already about, and the furniture of a review request ("I am writing to request
an internal review") takes away from all.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..citations import is_exemption
from .categories import CueBook, as_written_together

#: What the requester concedes ("... released his correspondence, albeit with some redactions"):
#: granted in passing, so no complaint about it (up to the end of the clause).
_CONCESSION = re.compile(r"\balbeit\b[^.;:!?,\n]*", re.IGNORECASE)

#: A penalty this high is the request's furniture itself (asking for the review, a salutation).
_FURNITURE = 3

#: Grounds about an exemption decision: the exemption disputed, and the complaints about how it
#: was used (its public interest test, the extent of redaction, the refusal to confirm or deny).
ABOUT_AN_EXEMPTION = frozenset(
    {"exemption_disputed", "public_interest", "excessive_redaction", "ncnd_disputed"}
)
#: An exemption cited names its public interest test as much as the exemption itself (but not
#: the redactions: "the 86 redactions" are what a dispute of the exemption is about).
_WITH_ITS_TEST = frozenset({"exemption_disputed", "public_interest"})


def _named(category: str, in_the_unit: bool) -> frozenset[str]:
    """The categories a provision cited points to when breaking a tie between equal scores.

    An exemption cited in the unit itself points to its dispute and to its public interest test
    ("I do not accept that section 38(1)(b) applies to the 86 redactions" disputes s.38). Cited
    only in the sentence's other clause, it says which exemption the unit's complaint is about,
    whichever complaint about its use that is: "You redacted names under section 40 but gave
    no reason why the rest of page 4 is blacked out" is about the extent of the redaction. It
    still outweighs a subject that is only the topic of the request ("... relied on section
    43(2), but I do not see why the depot's running costs should be secret").
    """
    if category != "exemption_disputed":
        return frozenset({category})
    return _WITH_ITS_TEST if in_the_unit else ABOUT_AN_EXEMPTION


@dataclass(frozen=True)
class Scored:
    """A unit's best category, its score, and the phrases behind it.

    ``subject`` is the category the unit is about before any report or furniture
    penalty: a unit that reports the authority's decision ("You refused under s.12")
    is no ground itself, but says what the ground after it will be about.
    """

    category: str | None
    score: int
    runner_up: int
    total: int
    cues: tuple[str, ...] = field(default=())
    furniture: bool = False  # the request's own furniture: a salutation, "I request a review"
    subject: str | None = None
    subject_score: int = 0
    reported: bool = False  # the unit reports the authority's decision
    summary: str | None = None  # the summary of the strongest cue of the category, if it has one
    objecting: bool = False  # general words of disagreement ("I do not accept", "should have")
    stated: bool = False  # a cue in the category's own words matched, not only its subject
    topic: str | None = None  # what the unit is about, even when it is furniture

    def is_ground(self, threshold: int) -> bool:
        return self.category is not None and self.score >= threshold

    @property
    def confidence(self) -> float:
        """Strength of the cues times their agreement on one category, 0..1."""
        if self.category is None or self.score <= 0:
            return 0.0
        strength = 1 - math.exp(-self.score / 3)
        agreement = self.score / max(self.total, self.score)
        return round(strength * agreement, 2)


def score_unit(
    masked: str,
    provisions: Iterable[str],
    book: CueBook,
    inside: Iterable[str] | None = None,
) -> Scored:
    """Score the unit's text (quotations already blanked) and the provisions near it.

    ``provisions`` are those of the unit's sentence, ``inside`` those the unit names itself
    (by default all of them): a provision named elsewhere in the sentence says what the
    unit's complaint is about rather than which complaint it is (see ``_named``).
    """
    masked = _CONCESSION.sub(lambda m: " " * len(m.group(0)), as_written_together(masked))
    provisions = list(provisions)
    own = set(provisions if inside is None else inside)
    subject: dict[str, int] = {}  # weight-1 cues and provisions: the subject, counted once
    named: set[str] = set()  # categories a provision cited in the unit points to
    strong: dict[str, int] = {}
    phrases: dict[str, list[str]] = {}
    summaries: dict[str, tuple[int, str]] = {}
    for name, category in book.categories.items():
        for cue in category.cues:
            match = cue.regex.search(masked)
            if match:
                counts = subject if cue.weight == 1 else strong
                counts[name] = counts.get(name, 0) + cue.weight
                phrases.setdefault(name, []).append(match.group(0).strip())
                if cue.summary and cue.weight > summaries.get(name, (0, ""))[0]:
                    summaries[name] = (cue.weight, cue.summary)
    for pid in provisions:
        name = book.category_for_provision(pid)
        if name is None and is_exemption(pid):
            name = "exemption_disputed"
        if name is not None:
            subject[name] = 1
            named.update(_named(name, pid in own))
            phrases.setdefault(name, []).append(pid)
    scores = {name: min(subject.get(name, 0), 1) + strong.get(name, 0) for name in phrases}
    penalty = sum(c.weight for c in book.not_grounds if c.regex.search(masked))
    bonus = sum(c.weight for c in book.objection if c.regex.search(masked))
    reported = sum(c.weight for c in book.reported if c.regex.search(masked))
    if not scores:
        return Scored(
            None, 0, 0, 0, furniture=penalty > 0, reported=reported > 0, objecting=bonus > 0
        )
    # equal scores: the stronger cues, then the subject a cited provision points to ("the
    # exemption S27 1(a) ... (that you have indicated you hold)" is about s.27), then precedence.
    # An exemption cited points as much to the complaints about how it was used (``_named``):
    # "You relied on section 43(2) but did not consider the public interest" is about the public
    # interest test of s.43(2), which precedence puts before the exemption itself
    ranked = sorted(
        scores, key=lambda n: (-scores[n], -strong.get(n, 0), n not in named, book.rank[n])
    )
    best = ranked[0]
    score = scores[best] + min(bonus, 2) - penalty - reported
    if penalty >= _FURNITURE:
        # "I ask you to reconsider the decision to charge a fee" names the decision under
        # review; the ground is in the reasons given for it, not in the request itself
        score = min(score, book.threshold - 1)
    if reported and not bonus:
        score = min(score, book.threshold - 1)  # the decision reported, not yet disputed
    runner_up = scores[ranked[1]] if len(ranked) > 1 else 0
    total = score + sum(scores[n] for n in ranked[1:])
    return Scored(
        best,
        score,
        runner_up,
        total,
        tuple(phrases[best]),
        penalty > 0,
        None if penalty > 0 else best,
        scores[best],
        reported > 0,
        summaries.get(best, (0, None))[1],
        bonus > 0,
        strong.get(best, 0) > 0,
        best,
    )
