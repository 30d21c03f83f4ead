"""What a check is, what it reports, and the registry that runs them all.

A check is one question a careful reviewer asks of a response ("does the
refusal say why?", "were the searches described?").  Each is a small function
that reads a :class:`CheckContext` and returns :class:`Finding` objects; the
``@check`` decorator registers it with an id, a title and a one-line summary,
and its docstring documents the rule and where the rule comes from.  Keeping
every check separate means a reviewer can read, test and switch off one rule
(``disabled_checks:`` in ``organisation.yaml``) without touching the others, and
``docs/checks.md`` is generated from the same registry so the documentation
cannot drift from the code.  A team adds its own checks, written the same way,
without editing the package: see :mod:`workbench.checks.plugins`.
"""

from __future__ import annotations

import datetime as dt
import inspect
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from ..cases import CaseMeta, SearchRecord
from ..parsing.model import Evidence, Extraction

if TYPE_CHECKING:
    from ..team import Team

log = logging.getLogger(__name__)


class Severity(StrEnum):
    """How much a finding matters to the reviewer, most serious first."""

    ISSUE = "issue"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = (Severity.ISSUE, Severity.WARNING, Severity.INFO)


class Finding(BaseModel):
    """One thing a check wants the reviewer to look at, with the text behind it.

    ``id`` is stable for the same case and text (check, point and provision),
    so a reviewer's decision about a finding can be stored against it.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    check: str
    severity: Severity
    title: str
    explanation: str
    provision: str | None = None
    point: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


@dataclass
class CheckContext:
    """Everything a check may read about one case.

    Dates are the best known: ``case.json`` where it gives them, otherwise
    what the extractor read from the letter.  ``regime`` is None when neither
    says; checks that need one fall back to FOIA and say so.

    ``kind`` is what sort of letter the response is (``response``,
    ``refusal_notice``, ``holding_notice``, ``internal_review_outcome``), so a
    check asks only what that kind of letter must say; ``date_clarified`` is when
    the requester's clarification arrived (the clock restarts then).  Both come
    from the extraction (None when it does not say): the checks never guess them.
    """

    response_text: str
    extraction: Extraction
    request_text: str | None = None
    meta: CaseMeta | None = None
    regime: str | None = None
    date_received: dt.date | None = None
    date_responded: dt.date | None = None
    date_review_requested: dt.date | None = None
    searches: list[SearchRecord] = field(default_factory=list)
    #: Format of the loaded response ("txt", "eml", ...) and the loader's metadata,
    #: e.g. the attachments of an email.
    response_format: str | None = None
    response_metadata: dict[str, Any] = field(default_factory=dict)
    #: What sort of letter the response is; None when not known.
    kind: str | None = None
    #: When the requester's clarification was received (FOIA s.1(3)); None if none or unknown.
    date_clarified: dt.date | None = None
    #: For an internal review outcome: upheld, partly_upheld or overturned.
    review_outcome: str | None = None
    #: The authority holding the information (some exemptions depend on it, e.g. s.36).
    holder: str | None = None

    @property
    def is_review_outcome(self) -> bool:
        return self.kind == "internal_review_outcome"

    @property
    def is_holding_notice(self) -> bool:
        return self.kind == "holding_notice"

    @classmethod
    def from_extraction(
        cls,
        response_text: str,
        extraction: Extraction,
        *,
        request_text: str | None = None,
        meta: CaseMeta | None = None,
        searches: Iterable[SearchRecord] = (),
        response_format: str | None = None,
        response_metadata: dict[str, Any] | None = None,
        date_review_requested: dt.date | None = None,
    ) -> CheckContext:
        """A context whose dates and regime come from ``meta`` first, then the extraction."""

        def pick(meta_value, extracted):
            return meta_value if meta_value is not None else extracted

        received = pick(meta.date_received if meta else None, extraction.date_received)
        clarified = getattr(extraction, "date_clarified", None)
        if clarified is not None and received is not None and clarified < received:
            clarified = None  # a clarification cannot restart a clock before it starts
        return cls(
            response_text=response_text,
            extraction=extraction,
            request_text=request_text,
            meta=meta,
            regime=pick(meta.regime if meta else None, extraction.regime),
            date_received=pick(meta.date_received if meta else None, extraction.date_received),
            date_responded=pick(meta.date_responded if meta else None, extraction.date_of_response),
            date_review_requested=pick(
                meta.date_review_requested if meta else None, date_review_requested
            ),
            searches=list(searches),
            response_format=response_format,
            response_metadata=dict(response_metadata or {}),
            # Read with getattr: older extractions (and saved JSON) have no such fields.
            kind=getattr(extraction, "kind", None),
            date_clarified=clarified,
            review_outcome=getattr(extraction, "review_outcome", None),
            holder=meta.authority if meta else None,
        )

    def closes_after(self, offset: int, *, rights_close: bool = True) -> bool:
        """Whether the text reaches the letter's closing after ``offset`` (text.closes_after)."""
        from .text import closes_after

        return closes_after(self.response_text, offset, rights_close=rights_close)

    @property
    def body_end(self) -> int:
        """Where the last answer or citation of the letter ends: its closing comes after it."""
        ends = [c.end for c in self.citations]
        ends += [
            e.end for p in self.extraction.points for e in p.evidence if e.source == "response"
        ]
        return max(ends, default=0)

    @cached_property
    def citations(self) -> list:
        """Every provision cited in the response, with its place in the text."""
        from .text import find_citations

        return find_citations(self.response_text, self.regime)


CheckFunction = Callable[[CheckContext], Iterable[Finding]]

#: The origin of the checks that ship in this package.
BUILT_IN = "workbench"


@dataclass(frozen=True)
class Check:
    """A registered check: its id, title, one-line summary and the function itself.

    ``origin`` says where it comes from: :data:`BUILT_IN`, a team folder's module, an
    installed plugin (entry point ``workbench.checks``) or another module of this process.
    """

    id: str
    title: str
    doc: str
    function: CheckFunction
    origin: str = BUILT_IN

    @property
    def docstring(self) -> str:
        return inspect.getdoc(self.function) or ""

    @property
    def built_in(self) -> bool:
        return self.origin == BUILT_IN

    def run(self, context: CheckContext) -> list[Finding]:
        return list(self.function(context))


_REGISTRY: dict[str, Check] = {}
#: While a plugin's module is imported, its checks are gathered here instead of
#: registered for the whole process, so one team's checks never run for another.
_GATHERING: ContextVar[list[Check] | None] = ContextVar("gathering_checks", default=None)
#: The attribute ``@check`` leaves on a function, so a module's checks can be found in it.
CHECK_ATTRIBUTE = "__workbench_check__"


def check(*, id: str, title: str, doc: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function under ``id``; ``doc`` says in one line what it looks for."""

    def register(function: CheckFunction) -> CheckFunction:
        spec = Check(id=id, title=title, doc=doc, function=function, origin=_origin(function))
        setattr(function, CHECK_ATTRIBUTE, spec)
        gathering = _GATHERING.get()
        if gathering is not None:
            gathering.append(spec)
            return function
        if id in _REGISTRY and _REGISTRY[id].function.__qualname__ != function.__qualname__:
            raise ValueError(f"Two checks share the id {id!r}")
        _REGISTRY[id] = spec
        return function

    return register


def _origin(function: CheckFunction) -> str:
    module = getattr(function, "__module__", "") or ""
    return BUILT_IN if module.startswith(f"{__package__}.") else f"module {module}"


@contextmanager
def gathering_checks() -> Iterator[list[Check]]:
    """Inside this block, ``@check`` gathers into the list yielded instead of registering."""
    gathered: list[Check] = []
    token = _GATHERING.set(gathered)
    try:
        yield gathered
    finally:
        _GATHERING.reset(token)


def builtin_checks() -> list[Check]:
    """The checks that ship in this package, in the order the modules register them."""
    from . import registry  # noqa: F401  (importing it registers the checks)

    return [spec for spec in _REGISTRY.values() if spec.built_in]


def all_checks(team: Team | None = None) -> list[Check]:
    """Every check the team's installation knows, switched off or not, in running order.

    The package's own checks, then any registered by other code in this process (a
    notebook, say), then the installed plugins' and the team folder's; see
    :func:`workbench.checks.plugins.check_set`.
    """
    from .plugins import check_set

    return list(check_set(team).checks)


def get_check(check_id: str, team: Team | None = None) -> Check:
    """One check by id; KeyError names the ids that exist."""
    checks = {c.id: c for c in all_checks(team)}
    if check_id not in checks:
        raise KeyError(f"No check {check_id!r}; known: {', '.join(checks)}")
    return checks[check_id]


def run_checks(
    context: CheckContext, *, only: Iterable[str] | None = None, team: Team | None = None
) -> list[Finding]:
    """Run every check the team has not switched off (or those in ``only``); findings,
    most serious first.

    A check that fails on unexpected input must not hide the others' findings
    from the reviewer, so its failure becomes a warning finding naming it; so does a
    team's check that could not be loaded, or a ``disabled_checks`` entry naming no check.

    :param only: ids to run, switched off or not (the team's problems are not reported).
    :param team: the team folder (default: :func:`workbench.team.load_team`).
    """
    from .plugins import check_set

    known = check_set(team)
    findings: list[Finding] = []
    if only is None:
        specs = known.enabled
        findings += [_problem_finding(n, text) for n, text in enumerate(known.problems, 1)]
    else:
        wanted = set(only)
        specs = tuple(spec for spec in known.checks if spec.id in wanted)
    for spec in specs:
        try:
            findings.extend(spec.run(context))
        except Exception as exc:  # noqa: BLE001 - reported to the reviewer, and logged
            log.exception("check %s failed", spec.id)
            findings.append(
                Finding(
                    id=f"{spec.id}:failed",
                    check=spec.id,
                    severity=Severity.WARNING,
                    title=f"Check could not run: {spec.title}",
                    explanation=(
                        f"The check stopped on this letter ({type(exc).__name__}: {exc}). "
                        "Review this point by hand."
                    ),
                )
            )
    return sort_findings(_unique_ids(findings))


def _problem_finding(number: int, problem: str) -> Finding:
    """A problem with the team's checks, shown where the reviewer reads the findings."""
    return Finding(
        id=f"team-checks:problem-{number}",
        check="team-checks",
        severity=Severity.WARNING,
        title="The team's checks are not all as intended",
        explanation=f"{problem} The other checks ran; ask whoever keeps the team folder.",
    )


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Issues first, then warnings, then information; stable within each."""
    rank = {s: i for i, s in enumerate(SEVERITY_ORDER)}
    return sorted(findings, key=lambda f: rank[f.severity])


def _unique_ids(findings: list[Finding]) -> list[Finding]:
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        n = seen.get(f.id, 0) + 1
        seen[f.id] = n
        out.append(f if n == 1 else f.model_copy(update={"id": f"{f.id}:{n}"}))
    return out


def cut_short(
    check_id: str,
    what: str,
    *,
    provision: str | None = None,
    point: str | None = None,
    evidence: Iterable[Evidence] = (),
) -> Finding:
    """ "Could not be checked": the text stops before the letter's sign-off.

    A check looking for something missing cannot decide on a text that may not show the
    rest of the letter, so it says so as information, never as an issue.
    """
    subject = provision or (f"point {point}" if point else "")
    return finding(
        check_id,
        Severity.INFO,
        f"{subject + ': ' if subject else ''}{what} could not be checked",
        f"The text stops before the letter's sign-off after this passage, so it may not show "
        f"all the letter said. Check {what.lower()} in the letter as sent.",
        provision=provision,
        point=point,
        evidence=evidence,
    )


def finding(
    check_id: str,
    severity: Severity | str,
    title: str,
    explanation: str,
    *,
    provision: str | None = None,
    point: str | None = None,
    evidence: Iterable[Evidence] = (),
) -> Finding:
    """Build a finding whose id is derived from the check, point and provision."""
    parts = [check_id]
    if point is not None:
        parts.append(f"point-{point}")
    if provision is not None:
        parts.append(provision)
    return Finding(
        id=":".join(parts),
        check=check_id,
        severity=Severity(severity),
        title=title,
        explanation=explanation,
        provision=provision,
        point=point,
        evidence=_dedupe(evidence),
    )


def _dedupe(evidence: Iterable[Evidence]) -> list[Evidence]:
    seen, out = set(), []
    for e in sorted(evidence, key=lambda e: (e.source, e.start, e.end)):
        key = (e.source, e.start, e.end)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
