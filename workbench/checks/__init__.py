"""Automated checks: the questions a careful reviewer asks of a response, asked by machine.

Use :func:`run_case_checks` for a case folder, or build a :class:`CheckContext`
and call :func:`run_checks`.  Each check lives in a small module of its family
and is documented by its docstring; ``docs/checks.md`` lists them all.  A team
adds its own checks, and switches any off, without editing the package
(:mod:`workbench.checks.plugins`).
"""

from __future__ import annotations

from .base import (
    Check,
    CheckContext,
    Finding,
    Severity,
    all_checks,
    builtin_checks,
    check,
    finding,
    get_check,
    run_checks,
    sort_findings,
)
from .runner import case_context, run_case_checks

__all__ = [
    "Check",
    "CheckContext",
    "Finding",
    "Severity",
    "all_checks",
    "builtin_checks",
    "case_context",
    "check",
    "finding",
    "get_check",
    "run_case_checks",
    "run_checks",
    "sort_findings",
]
