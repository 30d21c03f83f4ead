"""Every error the workbench raises on purpose.

The tree::

    WorkbenchError
    ├── DocumentError            a document could not be loaded
    │   ├── UnsupportedFormat
    │   ├── UnreadableDocument   corrupt, encrypted or empty
    │   └── DocumentTooLarge
    ├── CaseError                a case folder or case.json is wrong
    │   ├── InvalidCaseId
    │   └── CaseNotFound
    ├── DateError                a date that is not a date, or in the wrong order
    ├── CatalogueError           the provisions catalogue is invalid
    ├── CitationError            a provision id the catalogue does not know
    ├── SettingsError            a setting or organisation file is invalid
    ├── StoreError               the review store failed
    │   └── ConflictError        someone else saved the review first
    │       └── EditConflict     ... and changed the same field differently
    ├── ReviewError              an edit the review model does not allow
    ├── PermissionDenied         the signed-in user's role does not allow it (roles.py)
    └── ExportError              a letter or spreadsheet could not be written

Context (``path``, ``case_id``, ``field``) is passed keyword-only and kept on the
exception, so the CLI and the dashboard can show one plain line while tests and
callers can still inspect what went wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class WorkbenchError(Exception):
    """Base of every error the workbench raises on purpose."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        case_id: str | None = None,
        field: str | None = None,
        **context: Any,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.case_id = case_id
        self.field = field
        self.context = context

    def __str__(self) -> str:
        return self.message


class DocumentError(WorkbenchError):
    """A document could not be loaded."""


class UnsupportedFormat(DocumentError):
    """The file's type is not one the workbench reads."""


class UnreadableDocument(DocumentError):
    """The file is corrupt, encrypted, empty or has no text."""


class DocumentTooLarge(DocumentError):
    """The file is over the size limit."""


class CaseError(WorkbenchError):
    """A case folder or its case.json is invalid."""


class InvalidCaseId(CaseError):
    """A case id that could escape the cases folder or is otherwise unusable."""


class CaseNotFound(CaseError):
    """No case folder with that id."""


class DateError(WorkbenchError):
    """A date that cannot be read, or dates in an impossible order."""


class CatalogueError(WorkbenchError):
    """The provisions catalogue file is invalid."""


class CitationError(WorkbenchError):
    """A provision id that the catalogue does not know."""


class SettingsError(WorkbenchError):
    """A setting or the organisation settings file is invalid."""


class StoreError(WorkbenchError):
    """The review store could not read or write."""


class ConflictError(StoreError):
    """The review was changed by someone else since it was opened."""


class EditConflict(ConflictError):
    """Someone else changed the same field since it was opened, to a different value.

    ``field`` is the field's path in the review as now saved; ``mine`` and ``theirs``
    are the two values, so the page can show both beside the field and let the
    reviewer choose (``conflicts`` lists every such field when there are several).
    """

    def __init__(self, message: str, *, mine: Any = None, theirs: Any = None, **context: Any):
        super().__init__(message, **context)
        self.mine = mine
        self.theirs = theirs


class ReviewError(WorkbenchError):
    """An edit the review model does not allow (e.g. changing a completed review)."""


class PermissionDenied(WorkbenchError):
    """The signed-in user's role in the team does not allow this (see ``workbench.roles``)."""


class ExportError(WorkbenchError):
    """A letter or spreadsheet could not be written."""
