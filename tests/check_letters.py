"""Helpers for the check tests: load a test letter and describe its answers by hand.

The check tests build the :class:`Extraction` themselves, so each check is
tested against what the letter says, independently of how well the extractor
reads it (tests/test_checks_seed.py covers the two together).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from workbench.checks import CheckContext, Finding, get_check
from workbench.documents import load_document
from workbench.parsing.model import Determination, Evidence, Extraction, Point

LETTERS = Path(__file__).parent / "letters" / "checks"


def letter(name: str) -> str:
    """The text of a test letter, as the document loader reads it."""
    return load_document(LETTERS / name).text


def span(text: str, quote: str) -> Evidence:
    """Evidence for the first occurrence of ``quote`` in ``text``."""
    start = text.index(quote)
    return Evidence(quote=quote, start=start, end=start + len(quote))


def point(
    text: str,
    label: str,
    determination: Determination | None,
    quote: str | None = None,
    provisions: tuple[str, ...] = (),
) -> Point:
    """A request point answered by the sentence ``quote`` of ``text``."""
    return Point(
        label=label,
        determination=determination,
        provisions=list(provisions),
        evidence=[span(text, quote)] if quote else [],
    )


def context(
    text: str,
    *,
    points: list[Point] = (),  # type: ignore[assignment]
    provisions: tuple[str, ...] = (),
    regime: str | None = "FOIA",
    received: dt.date | None = None,
    responded: dt.date | None = None,
    review_requested: dt.date | None = None,
    kind: str | None = None,
    clarified: dt.date | None = None,
    holder: str | None = None,
    **fields,
) -> CheckContext:
    """A check context for ``text`` with a hand-made extraction.

    ``kind`` (response, refusal_notice, holding_notice, internal_review_outcome) and
    ``clarified`` describe the letter as the extractor reports them; ``holder`` is the
    authority as the case record names it.
    """
    extraction = Extraction(
        regime=regime,
        kind=kind,
        date_received=received,
        date_clarified=clarified,
        date_of_response=responded,
        points=list(points),
        provisions_cited=list(provisions),
        **fields,
    )
    ctx = CheckContext.from_extraction(
        text, extraction, response_format="txt", date_review_requested=review_requested
    )
    ctx.holder = holder
    return ctx


def run(check_id: str, ctx: CheckContext) -> list[Finding]:
    """The findings of one check (errors propagate, unlike run_checks)."""
    return get_check(check_id).run(ctx)


def quotes(findings: list[Finding]) -> list[str]:
    return [e.quote for f in findings for e in f.evidence]
