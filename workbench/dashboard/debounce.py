"""Saving text as it is typed, once the typing pauses.

Why: a text box that saves only when the reviewer leaves it loses what is in
it when the page is reloaded (or the laptop shut) mid-sentence, and one that
saves every keystroke fills the audit trail with fragments.  So a free-text box
sends every keystroke to the kernel (``continuous_update=True``) and a
:class:`Debouncer` saves its value once it has stayed the same for
:data:`TYPING_PAUSE` seconds, using a timer on the kernel's event loop (widget
messages are handled on that loop, so the timer runs between them).

Whatever shows the saved values again (a refresh, another save, changing tab,
leaving the case) calls :meth:`Debouncer.flush` first, so typed text is saved
before it could be overwritten; and when the kernel exits (Voila shuts it down
as the page is closed or reloaded) every pending save is made before it goes.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import weakref
from collections.abc import Callable, Hashable
from typing import Any

log = logging.getLogger(__name__)

#: How long (seconds) a text must stay unchanged while typing before it is saved.
TYPING_PAUSE = 0.8

_LIVE: weakref.WeakSet[Debouncer] = weakref.WeakSet()


class Debouncer:
    """Pending saves, one per key; each runs once its key has had no new value for ``delay``."""

    def __init__(self, delay: float = TYPING_PAUSE) -> None:
        self.delay = delay
        self._pending: dict[Hashable, tuple[Callable[[], Any], asyncio.TimerHandle]] = {}
        _LIVE.add(self)

    @property
    def pending(self) -> int:
        """How many saves are waiting for the typing to pause."""
        return len(self._pending)

    def schedule(self, key: Hashable, save: Callable[[], Any]) -> None:
        """Run ``save()`` after ``delay`` seconds unless ``key`` gets a newer save first.

        Without a running event loop (a script, a test) there is nothing to wait on, so
        the save runs at once.
        """
        self.cancel(key)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            save()
            return
        self._pending[key] = (save, loop.call_later(self.delay, self._fire, key))

    def cancel(self, key: Hashable) -> None:
        """Drop ``key``'s pending save, if any, without running it."""
        entry = self._pending.pop(key, None)
        if entry is not None:
            entry[1].cancel()

    def flush(self) -> None:
        """Run every pending save now, in the order they were first scheduled."""
        while self._pending:
            key = next(iter(self._pending))
            save, handle = self._pending.pop(key)
            handle.cancel()
            save()

    def _fire(self, key: Hashable) -> None:
        entry = self._pending.pop(key, None)
        if entry is not None:
            entry[0]()


@atexit.register
def _flush_all() -> None:
    """Make the saves still waiting when the kernel exits (the page was closed mid-typing)."""
    for debouncer in list(_LIVE):
        try:
            debouncer.flush()
        except Exception:  # noqa: BLE001 - exiting anyway; keep the others' saves
            log.exception("could not save typed text while the kernel exited")
