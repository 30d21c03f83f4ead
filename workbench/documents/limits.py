"""The size limit on documents, checked before any parsing."""

from __future__ import annotations

from ..errors import DocumentTooLarge
from ..settings import max_upload_bytes
from .source import _Source

_MB = 1024 * 1024


def _resolve_limit(max_bytes: int | None) -> int:
    """The caller's limit, or the configured one; a non-positive limit is a bug."""
    if max_bytes is None:
        return max_upload_bytes()
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be above 0, not {max_bytes}")
    return max_bytes


def _check_size(size: int, limit: int, source: _Source) -> None:
    """Refuse anything over the limit, saying both sizes in MB."""
    if size <= limit:
        return
    shown, limit_shown = _megabytes(size), _megabytes(limit)
    if shown == limit_shown:  # just over: MB would read "20 MB, over the 20 MB limit"
        shown, limit_shown = f"{size:,} bytes", f"{limit:,} bytes"
    else:
        shown, limit_shown = f"{shown} MB", f"{limit_shown} MB"
    raise DocumentTooLarge(
        f"{source.name} is {shown}, over the {limit_shown} limit for documents "
        "(set WORKBENCH_MAX_UPLOAD_MB to change it).",
        path=source.error_path,
        size=size,
        limit=limit,
    )


def _megabytes(size: int) -> str:
    """Size in MB to one decimal place, without a pointless '.0'."""
    text = f"{size / _MB:.1f}"
    return text[:-2] if text.endswith(".0") else text
