"""FOI internal review workbench: read a response, check it, review it, write the letter.

The public names below are imported on first use, so ``import workbench`` stays
cheap (no database engine, no document libraries) and has no side effects.

Usage::

    import workbench

    store = workbench.Store()                       # the review store (data/workbench.db)
    review, token = store.open_review("IC-266000-V6Y0")
    workbench.outcome_label(review.outcome, "cabinet_office")
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

#: Public name -> the module that defines it.
_EXPORTS = {
    # the review model
    "Review": "review",
    "PointReview": "review",
    "ProvisionReview": "review",
    "SearchReview": "review",
    "ProceduralFindings": "review",
    "PublicInterest": "review",
    "ReviewStatus": "review",
    "PointFinding": "review",
    "ProvisionFinding": "review",
    "Remedy": "review",
    "derive_outcome": "review",
    "review_from_case": "review",
    # outcomes and their labels per reporting scheme
    "Outcome": "outcomes",
    "ChangeReason": "outcomes",
    "outcome_label": "outcomes",
    "load_outcome_schemes": "outcomes",
    # the store
    "Store": "store",
    "ReviewSummary": "store",
    "AuditEntry": "store",
    "ReviewNotFound": "store",
    # errors
    "WorkbenchError": "errors",
    "StoreError": "errors",
    "ConflictError": "errors",
    "ReviewError": "errors",
}

__all__ = [
    "AuditEntry",
    "ChangeReason",
    "ConflictError",
    "Outcome",
    "PointFinding",
    "PointReview",
    "ProceduralFindings",
    "ProvisionFinding",
    "ProvisionReview",
    "PublicInterest",
    "Remedy",
    "Review",
    "ReviewError",
    "ReviewNotFound",
    "ReviewStatus",
    "ReviewSummary",
    "SearchReview",
    "Store",
    "StoreError",
    "WorkbenchError",
    "derive_outcome",
    "load_outcome_schemes",
    "outcome_label",
    "review_from_case",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'workbench' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # let type checkers and IDEs see the real objects
    from .errors import ConflictError, ReviewError, StoreError, WorkbenchError
    from .outcomes import ChangeReason, Outcome, load_outcome_schemes, outcome_label
    from .review import (
        PointFinding,
        PointReview,
        ProceduralFindings,
        ProvisionFinding,
        ProvisionReview,
        PublicInterest,
        Remedy,
        Review,
        ReviewStatus,
        SearchReview,
        derive_outcome,
        review_from_case,
    )
    from .store import AuditEntry, ReviewNotFound, ReviewSummary, Store
