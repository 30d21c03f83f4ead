"""The automated checks' findings that bear on one page, shown beside the reviewer's answer.

The Overview lists every finding with the reviewer's decision on it; a page
such as Procedure repeats only the findings about what it asks, so the
reviewer sees the evidence where they make the call.  Read-only and escaped.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..service import ReviewSession
from .text import escape


def findings_for(session: ReviewSession, check_ids: Iterable[str]) -> list:
    """The session's check findings from the checks named (none if the checks cannot run)."""
    wanted = set(check_ids)
    try:
        findings = session.checks()
    except Exception:  # noqa: BLE001 - a hint is never worth a broken page
        return []
    return [finding for finding in findings if finding.check in wanted]


def hints_html(findings: list, none_text: str = "") -> str:
    """The findings as a short escaped list, or ``none_text`` when there are none."""
    if not findings:
        return f"<p class='wb-hint'>{escape(none_text)}</p>" if none_text else ""
    items = "".join(
        f"<li><b>{escape(finding.title)}</b> ({escape(finding.severity.value)}): "
        f"{escape(finding.explanation)}</li>"
        for finding in findings
    )
    return f"<div class='wb-hint'>Automated checks:<ul>{items}</ul></div>"
