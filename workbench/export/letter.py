"""What the outcome letter says, gathered once for every format.

:func:`build_letter` reads a review, its case and the organisation settings and
returns a :class:`LetterContext`: plain values and ready-made paragraphs.  The
Word, HTML and Markdown renderers only lay that out, so the three letters
cannot say different things.

The letter follows the contents the domain reference (s.7) assembles from ICO
guidance, FOISA s.21(5) and authorities' procedures:

1. reference, the request's wording, the dates (request, response, review
   request, review reply) and the regime;
2. who reviewed, and their independence from the original decision;
3. the requester's grounds, in their words, and where each is answered; then "What you
   asked us to look at again": each ground the review tracks (summary, the requester's
   words), the finding on it and the reasons, in the order raised;
4. handling: timeliness (with an apology when late), advice and assistance,
   the refusal notice;
5. the searches;
6. each point: the original determination, the finding, the reviewer's
   reasons (verbatim) and any remedy with its date;
7. each provision: engaged or not, the public interest balance, the finding;
8. the outcome in the organisation's chosen wording, what will now be
   released and when;
9. the right to complain to the regulator of the regime (the ICO, or the
   Scottish Information Commissioner within six months).

Standard sentences come from partials in the templates folder
(``partials/*.j2``), which a team edits to its own style; whatever the
reviewer typed (reasons, balance, conclusion) is carried over word for word.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from ..cases import Case
from ..catalogue import load_catalogue, regime_of_id
from ..deadlines import Deadline
from ..errors import WorkbenchError
from ..organisation import Organisation, Regulator
from ..outcomes import OutcomeScheme, outcome_label
from ..parsing.model import Extraction
from ..review import (
    GroundFinding,
    GroundReview,
    PointFinding,
    PointReview,
    ProvisionFinding,
    ProvisionReview,
    Review,
    ReviewStatus,
    Timeliness,
)
from ..team import load_team
from .facts import CaseFacts, case_facts
from .templating import render_paragraphs, template_environment

REGIME_NAMES = {
    "FOIA": "the Freedom of Information Act 2000 (FOIA)",
    "EIR": "the Environmental Information Regulations 2004 (EIR)",
    "FOISA": "the Freedom of Information (Scotland) Act 2002 (FOISA)",
    "EISR": "the Environmental Information (Scotland) Regulations 2004 (EISR)",
    "mixed": (
        "the Freedom of Information Act 2000 (FOIA) and the Environmental Information "
        "Regulations 2004 (EIR)"
    ),
}
#: What the letter calls the provisions relied on: the EIR and the EISR have exceptions, the
#: Acts exemptions.
PROVISION_WORDS = {
    "FOIA": "exemptions",
    "FOISA": "exemptions",
    "EIR": "exceptions",
    "EISR": "exceptions",
    "mixed": "exemptions and exceptions",
}
#: Provisions whose test is the three-step legitimate interests test (Article 6(1)(f) UK GDPR).
_PERSONAL_DATA_ROOTS = ("s.40(2)", "reg.13", "foisa.s.38(1)(b)", "eisr.reg.11(2)")
#: The singular of PROVISION_WORDS, for sentences about one provision.
_SINGULAR = {
    "exemptions": "exemption",
    "exceptions": "exception",
    "exemptions and exceptions": "exemption or exception",
}
#: FOISA s.21(4)-(5): the review notice says what was done, in the Act's words.
_FOISA_SCHEME = "foisa"

_POINT_PARTIALS = {
    PointFinding.CORRECT: "partials/point_correct.j2",
    PointFinding.INCORRECT: "partials/point_incorrect.j2",
    PointFinding.PARTLY_CORRECT: "partials/point_partly_correct.j2",
    None: "partials/point_undecided.j2",
}
_GROUND_PARTIALS = {
    GroundFinding.UPHELD: "partials/ground_upheld.j2",
    GroundFinding.PARTLY_UPHELD: "partials/ground_partly_upheld.j2",
    GroundFinding.NOT_UPHELD: "partials/ground_not_upheld.j2",
    None: "partials/ground_undecided.j2",
}
#: How much of the requester's words the letter quotes for a ground (a short quote).
GROUND_QUOTE_LIMIT = 200
_PROVISION_PARTIALS = {
    ProvisionFinding.UPHELD: "partials/exemption_upheld.j2",
    ProvisionFinding.NOT_UPHELD: "partials/exemption_not_upheld.j2",
    ProvisionFinding.UPHELD_IN_PART: "partials/exemption_upheld_in_part.j2",
    None: "partials/exemption_undecided.j2",
}


@dataclass(frozen=True)
class LetterDates:
    """The dates the letter states; None where nobody recorded one."""

    request: dt.date | None
    response: dt.date | None
    review_requested: dt.date | None
    review_due: dt.date | None
    #: The date of this letter: the sign-off date, or the day a draft is exported.
    review_reply: dt.date


@dataclass(frozen=True)
class RequestPoint:
    """One point of the request with the request's own label ("3a")."""

    label: str
    heading: str
    text: str


@dataclass(frozen=True)
class PointSection:
    """The letter's section on one request point."""

    label: str
    heading: str
    request_text: str
    original: str
    original_provisions: list[str]
    finding: str
    #: Standard sentences from the partial for the finding.
    paragraphs: list[str]
    #: The reviewer's reasons, word for word, one entry per paragraph they wrote.
    reasons: list[str]
    remedies: list[str]
    remedy_date: dt.date | None


@dataclass(frozen=True)
class GroundSection:
    """The letter's answer to one ground of the review request."""

    number: int
    #: What the ground is, in one line: the reviewer's summary (else the category).
    heading: str
    #: The requester's own words for it, shortened to a short quote ("" when none).
    quote: str
    finding: str
    #: Standard sentences from the partial for the finding.
    paragraphs: list[str]
    #: The reviewer's reasons, word for word, one entry per paragraph.
    reasons: list[str]
    remedies: list[str]
    #: What will be done, in the reviewer's words, one entry per paragraph.
    remedy: list[str]


@dataclass(frozen=True)
class Answer:
    """One of the catalogue's reviewer questions with the reviewer's answer."""

    question: str
    answer: str


@dataclass(frozen=True)
class PublicInterestSection:
    for_disclosure: list[str]
    for_withholding: list[str]
    balance: list[str]
    favours: str


@dataclass(frozen=True)
class ProvisionSection:
    """The letter's section on one provision the original response relied on."""

    provision_id: str
    name: str
    heading: str
    title: str
    points: list[str]
    engaged: str
    paragraphs: list[str]
    answers: list[Answer]
    public_interest: PublicInterestSection | None
    finding: str
    reasons: list[str]


@dataclass(frozen=True)
class SearchRow:
    where: str
    terms: str
    who: str
    date: str
    results: str
    adequate: str
    further: str
    added_by_reviewer: bool


@dataclass(frozen=True)
class Release:
    """Something the authority will now do for a point, and by when."""

    point: str
    what: list[str]
    when: dt.date | None


@dataclass(frozen=True)
class LetterContext:
    """Everything the outcome letter says, in the order it says it."""

    organisation: Organisation
    regulator: Regulator
    case_id: str
    reference: str
    regime: str
    regime_name: str
    #: "exemptions", "exceptions" (EIR, EISR) or both, as the letter's headings say.
    provision_word: str
    requester: str | None
    draft: bool
    status: str
    version: int
    dates: LetterDates
    #: The request as the requester wrote it, paragraph by paragraph (their numbering kept).
    request_paragraphs: list[str]
    request_points: list[RequestPoint]
    reviewer_name: str
    reviewer_role: str
    independence: list[str]
    grounds: list[str]
    grounds_answered: list[str]
    #: Each ground of the review request answered, in the order raised.
    ground_answers: list[GroundSection]
    handling: list[str]
    timeliness_late: bool
    searches: list[SearchRow]
    search_paragraphs: list[str]
    points: list[PointSection]
    provisions: list[ProvisionSection]
    outcome: str
    outcome_neutral: str
    outcome_paragraphs: list[str]
    change_reasons: list[str]
    conclusion: list[str]
    releases: list[Release]
    complaint: list[str]
    signed_by: str


def build_letter(
    review: Review,
    case: Case,
    *,
    organisation: Organisation | None = None,
    templates_dir: Path | None = None,
    extraction: Extraction | None = None,
    today: dt.date | None = None,
) -> LetterContext:
    """Gather what the outcome letter of ``review`` says.

    Dates, reference and regime are taken from the reviewer's corrections first, then
    ``case.json``, then what the first pass read from the letter (``extraction``).

    :param organisation: default: ``organisation.yaml`` in ``templates_dir``.
    :param templates_dir: the team's templates folder (default: the setting).
    :param today: the date of a draft letter (a completed review is dated at its sign-off).
    :raises SettingsError: the organisation file or outcome scheme is invalid.
    :raises ExportError: a partial has a mistake (naming the file and line).
    """
    team = load_team(templates_dir)
    org = organisation or team.organisation
    env = template_environment(templates_dir)
    facts = case_facts(review, case, extraction)
    regime = facts.regime
    regulator = org.regulator_for(regime)
    dates = _dates(review, facts, today or dt.date.today())
    points = [_point_section(env, point) for point in review.points]
    reviewer = review.reviewer.name or "the reviewer"
    word, words = provision_words(regime)
    base = {
        "org": org,
        "regime": regime,
        "regulator": regulator,
        "reviewer": reviewer,
        "provision_word": word,
        "provision_words": words,
    }
    deadline = facts.deadline
    late = _response_late(review, deadline)
    outcome, neutral = _outcome(review, org, team.outcome_schemes, regime)
    return LetterContext(
        organisation=org,
        regulator=regulator,
        case_id=review.case_id,
        reference=facts.reference,
        regime=regime,
        regime_name=REGIME_NAMES.get(regime, REGIME_NAMES["FOIA"]),
        provision_word=PROVISION_WORDS.get(regime, "exemptions"),
        requester=facts.requester,
        draft=review.status is not ReviewStatus.COMPLETED,
        status=review.status.label,
        version=review.version,
        dates=dates,
        request_paragraphs=_request_paragraphs(case, review, extraction),
        request_points=[
            RequestPoint(p.label, f"Point {p.label}", split_part(p.request_text)[1])
            for p in review.points
        ],
        reviewer_name=reviewer,
        reviewer_role=review.reviewer.role,
        independence=render_paragraphs(
            env,
            "partials/independence.j2",
            {
                **base,
                "role": review.reviewer.role,
                "involved": review.reviewer.involved_in_original,
                "note": review.reviewer.independence_note.strip(),
            },
        ),
        grounds=verbatim(review.grounds),
        grounds_answered=_grounds_answered(env, review, base),
        ground_answers=[
            _ground_section(env, number, ground, base)
            for number, ground in enumerate(review.requester_grounds, start=1)
        ],
        handling=_handling(env, review, base, dates, deadline, late),
        timeliness_late=late,
        searches=[_search_row(s) for s in review.searches],
        search_paragraphs=_search_paragraphs(env, review, base),
        points=points,
        provisions=[_provision_section(env, p) for p in review.provisions],
        outcome=outcome,
        outcome_neutral=neutral,
        outcome_paragraphs=render_paragraphs(
            env,
            "partials/outcome.j2",
            {
                **base,
                "outcome": review.outcome.value if review.outcome else None,
                "label": outcome,
                "no_original_decision": review.no_original_decision,
            },
        ),
        change_reasons=[reason.label for reason in review.change_reasons],
        conclusion=verbatim(review.conclusion),
        releases=_releases(review),
        complaint=render_paragraphs(env, "partials/right_to_complain.j2", base),
        signed_by=review.sign_off.name if review.sign_off else reviewer,
    )


def provision_words(regime: str) -> tuple[str, str]:
    """What the letter calls a refusal ground under ``regime``: singular and plural."""
    plural = PROVISION_WORDS.get(regime, "exemptions")
    return _SINGULAR[plural], plural


def verbatim(text: str) -> list[str]:
    """The reviewer's (or requester's) words as paragraphs, otherwise untouched."""
    blocks = re.split(r"\n\s*\n", text.strip()) if text and text.strip() else []
    return [block.strip() for block in blocks]


def provision_name(provision_id: str) -> str:
    """``s.40(2)`` -> ``section 40(2)``; ``reg.12(5)(b)`` -> ``regulation 12(5)(b)``."""
    bare = provision_id.removeprefix("foisa.").removeprefix("eisr.")
    if bare.startswith("s."):
        return "section " + bare[2:]
    if bare.startswith("reg."):
        return "regulation " + bare[4:]
    return provision_id


def _dates(review: Review, facts: CaseFacts, today: dt.date) -> LetterDates:
    return LetterDates(
        request=facts.received,
        response=facts.responded,
        review_requested=facts.review_requested,
        review_due=review.due_date,
        review_reply=review.sign_off.date if review.sign_off else today,
    )


def _request_paragraphs(case: Case, review: Review, extraction: Extraction | None) -> list[str]:
    """The request as written; without a request document, its points with their labels."""
    try:
        request = case.request()
    except WorkbenchError:
        request = None
    if request is not None and request.text.strip():
        return verbatim(request.text)
    points = extraction.points if extraction is not None else review.points
    return [
        f"{p.label}. {getattr(p, 'text', None) or getattr(p, 'request_text', '')}"
        for p in points
        if getattr(p, "text", None) or getattr(p, "request_text", "")
    ]


def _response_late(review: Review, deadline: Deadline | None) -> bool:
    """The reviewer's finding on timeliness; the statutory count where they made none."""
    if review.procedural.timeliness is not None:
        return review.procedural.timeliness is Timeliness.LATE
    return deadline is not None and deadline.on_time is False


def _handling(
    env: Environment,
    review: Review,
    base: dict,
    dates: LetterDates,
    deadline: Deadline | None,
    late: bool,
) -> list[str]:
    proc = review.procedural
    timing = {
        **base,
        "received": dates.request,
        "responded": dates.response,
        "due": deadline.due if deadline else None,
        "working_days_taken": deadline.working_days_taken if deadline else None,
        "days_late": deadline.days_late if deadline else None,
    }
    name = "partials/late_response_apology.j2" if late else "partials/response_on_time.j2"
    paragraphs = []
    if late or proc.timeliness is not None or deadline is not None:
        paragraphs += render_paragraphs(env, name, timing)
    paragraphs += verbatim(proc.timeliness_notes)
    if proc.advice_and_assistance_adequate is not None:
        name = (
            "partials/advice_adequate.j2"
            if proc.advice_and_assistance_adequate
            else "partials/advice_inadequate.j2"
        )
        paragraphs += render_paragraphs(env, name, base)
    paragraphs += verbatim(proc.advice_and_assistance_notes)
    if proc.refusal_notice_adequate is not None:
        name = (
            "partials/refusal_notice_adequate.j2"
            if proc.refusal_notice_adequate
            else "partials/refusal_notice_inadequate.j2"
        )
        paragraphs += render_paragraphs(env, name, base)
    paragraphs += verbatim(proc.refusal_notice_notes)
    paragraphs += verbatim(proc.notes)
    if review.due_date and review.is_late(dates.review_reply):
        paragraphs += render_paragraphs(
            env, "partials/late_review_apology.j2", {**base, "due": review.due_date}
        )
    return paragraphs


def _grounds_answered(env: Environment, review: Review, base: dict) -> list[str]:
    """Say where the letter answers the grounds: one by one when the review tracks them,
    else each point and provision the requester's words mention (and nothing otherwise:
    the letter never claims to answer what it does not)."""
    tracked = len(review.requester_grounds)
    if not tracked and not review.grounds.strip():
        return []
    mentioned = mentioned_points(review.grounds)
    raised_points = [p.label for p in review.points if _label_mentioned(p.label, mentioned)]
    raised_provisions = [
        provision_name(p.provision_id)
        for p in review.provisions
        if _mentions_provision(review.grounds, p.provision_id)
    ]
    return render_paragraphs(
        env,
        "partials/grounds_answered.j2",
        {**base, "grounds": tracked, "points": raised_points, "provisions": raised_provisions},
    )


def _ground_section(
    env: Environment, number: int, ground: GroundReview, base: dict
) -> GroundSection:
    from ..review_grounds import category_label

    category = category_label(ground.category)
    remedies = [label[0].lower() + label[1:] for label in ground.remedy_labels]
    context = {
        **base,
        "number": number,
        "summary": ground.summary,
        "category": category,
        "remedies": remedies,
    }
    return GroundSection(
        number=number,
        heading=ground.summary or category,
        quote=short_quote(ground.quote),
        finding=ground.finding_label,
        paragraphs=render_paragraphs(env, _GROUND_PARTIALS[ground.finding], context),
        reasons=verbatim(ground.reasons),
        remedies=ground.remedy_labels,
        remedy=verbatim(ground.remedy),
    )


def short_quote(text: str, limit: int = GROUND_QUOTE_LIMIT) -> str:
    """The requester's words on one line, cut at a word (with an ellipsis) past ``limit``."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "\u2026"


_POINT_LIST = re.compile(
    r"\b(?:points?|questions?|parts?|items?)\s+"
    r"(\(?[0-9]+[a-z]?\)?(?:\s*(?:,|and|&|or)\s*\(?[0-9]+[a-z]?\)?)*)",
    re.IGNORECASE,
)


def mentioned_points(text: str) -> set[str]:
    """Point labels a text refers to: "points 1 and 3b" -> {"1", "3b"}."""
    found: set[str] = set()
    for match in _POINT_LIST.finditer(text):
        found.update(token.lower() for token in re.findall(r"[0-9]+[a-z]?", match.group(1)))
    return found


def _label_mentioned(label: str, mentioned: set[str]) -> bool:
    """A label is raised when named, or when its number is ("point 3" raises 3a and 3b)."""
    label = label.lower().strip("()")
    number = re.match(r"[0-9]+", label)
    return label in mentioned or (number is not None and number.group() in mentioned)


def _mentions_provision(text: str, provision_id: str) -> bool:
    number = provision_name(provision_id).split(" ", 1)[-1]
    pattern = rf"(?:section|s\.?|regulation|reg\.?)\s*{re.escape(number)}(?![\w(])"
    return re.search(pattern, text, re.IGNORECASE) is not None


#: The reader's note on a part of a point the response answered separately:
#: "(part: whether we hold a DPIA for Essex Police) Has the ICO received ...".
_PART_NOTE = re.compile(r"^\s*\(part:\s*(?P<part>[^)]*)\)\s*")


def split_part(request_text: str) -> tuple[str | None, str]:
    """``(what the part covers, the requester's words)`` of a point's request text.

    The reading marks a point the response answered in parts with a note in brackets;
    the requester never wrote it, so the letter quotes their words without it and says
    in a sentence of its own what the part covers.
    """
    found = _PART_NOTE.match(request_text or "")
    if found is None:
        return None, request_text
    return found.group("part").strip() or None, request_text[found.end() :]


def _point_section(env: Environment, point: PointReview) -> PointSection:
    names = [provision_name(pid) for pid in point.provisions]
    part, asked = split_part(point.request_text)
    number = re.match(r"[0-9]+", point.label)
    about = []
    if part:
        of = f" of point {number.group()}" if number and number.group() != point.label else ""
        about = [f"This part{of} of your request is about {part.rstrip('.')}."]
    context = {
        "label": point.label,
        "original": point.determination_label.lower(),
        "provisions": names,
        "remedies": [label[0].lower() + label[1:] for label in point.remedy_labels],
        "remedy_date": point.remedy_date,
        "corrected": point.determination_corrected,
    }
    return PointSection(
        label=point.label,
        heading=f"Point {point.label}",
        request_text=asked,
        original=point.determination_label,
        original_provisions=names,
        finding=point.finding_label,
        paragraphs=about + render_paragraphs(env, _POINT_PARTIALS[point.finding], context),
        reasons=verbatim(point.reasons),
        remedies=point.remedy_labels,
        remedy_date=point.remedy_date,
    )


def _provision_section(env: Environment, provision: ProvisionReview) -> ProvisionSection:
    pid = provision.provision_id
    title, questions = catalogue_entry(pid)
    name = provision_name(pid)
    short_regime = regime_of_id(pid)
    context = {
        "name": name,
        "regime": short_regime,
        "title": title,
        "engaged": provision.engaged.value if provision.engaged else None,
        "points": provision.points,
        "provision_word": provision_words(short_regime)[0],
    }
    paragraphs = []
    personal = pid.startswith(_PERSONAL_DATA_ROOTS)
    if personal and provision.answers:
        paragraphs += render_paragraphs(
            env,
            "partials/s40_legitimate_interests.j2",
            {**context, "answers": _normalised_answers(provision.answers)},
        )
    paragraphs += render_paragraphs(env, _PROVISION_PARTIALS[provision.finding], context)
    answers = [] if personal else _answers(provision, questions)
    return ProvisionSection(
        provision_id=pid,
        name=name,
        heading=f"{name[0].upper()}{name[1:]} {short_regime}" + (f": {title}" if title else ""),
        title=title,
        points=provision.points,
        engaged=provision.engaged_label,
        paragraphs=paragraphs,
        answers=answers,
        public_interest=_public_interest(provision),
        finding=provision.finding_label,
        reasons=verbatim(provision.reasons),
    )


def catalogue_entry(provision_id: str) -> tuple[str, dict[str, object]]:
    """The provision's title and its questions by id; an unknown id still gets a letter."""
    try:
        catalogue = load_catalogue()
        provision = catalogue.resolve(provision_id)
        questions = {q.id: q for q in catalogue.questions_for(provision_id)}
    except WorkbenchError:
        return "", {}
    return provision.title, questions


def _normalised_answers(answers: dict[str, str]) -> dict[str, str]:
    return {key: str(value).strip().lower() for key, value in answers.items()}


def _answers(provision: ProvisionReview, questions: dict[str, object]) -> list[Answer]:
    found = []
    for key, value in provision.answers.items():
        if not str(value).strip():
            continue
        question = questions.get(key)
        text = getattr(question, "text", None) or key.replace("_", " ").capitalize()
        found.append(Answer(text, _answer_words(str(value))))
    return found


def _answer_words(value: str) -> str:
    words = {"yes": "Yes", "no": "No", "unsure": "Not certain"}
    return words.get(value.strip().lower(), value.replace("_", " ") if "_" in value else value)


def _public_interest(provision: ProvisionReview) -> PublicInterestSection | None:
    test = provision.public_interest
    if test is None:
        return None
    if not (test.for_disclosure or test.for_withholding or test.balance or test.favours):
        return None
    return PublicInterestSection(
        for_disclosure=verbatim(test.for_disclosure),
        for_withholding=verbatim(test.for_withholding),
        balance=verbatim(test.balance),
        favours=test.favours_label,
    )


def _search_row(search) -> SearchRow:
    return SearchRow(
        where=search.where,
        terms=search.terms,
        who=search.who,
        date=search.date,
        results=search.results,
        adequate=search.adequate_label,
        further=search.further_search_needed,
        added_by_reviewer=search.added_by_reviewer,
    )


def _search_paragraphs(env: Environment, review: Review, base: dict) -> list[str]:
    searches = review.searches
    if not searches:
        return render_paragraphs(env, "partials/searches_not_recorded.j2", base)
    further = [s.further_search_needed for s in searches if s.further_search_needed.strip()]
    if any(s.adequate is False for s in searches):
        return render_paragraphs(
            env, "partials/searches_inadequate.j2", {**base, "further": further}
        )
    if all(s.adequate for s in searches):
        return render_paragraphs(env, "partials/searches_adequate.j2", base)
    return render_paragraphs(env, "partials/searches_undecided.j2", base)


def _outcome(
    review: Review, org: Organisation, schemes: dict[str, OutcomeScheme], regime: str
) -> tuple[str, str]:
    """The outcome in the organisation's words (the team folder's schemes), and the neutral
    label beside it.

    A FOISA review always uses the FOISA scheme: s.21(5) requires the notice to say what
    the authority did under s.21(4), in the Act's terms.
    """
    if review.outcome is None:
        return "Not yet decided", "Not yet decided"
    label = outcome_label(
        review.outcome,
        _FOISA_SCHEME if regime == "FOISA" else org.outcome_scheme,
        no_original_decision=review.no_original_decision,
        schemes=schemes,
    )
    return label, review.outcome.label


def _releases(review: Review) -> list[Release]:
    return [
        Release(point=p.label, what=p.remedy_labels, when=p.remedy_date)
        for p in review.points
        if p.remedies
    ]
