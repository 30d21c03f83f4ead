"""Two reviewers in two processes editing one review at the same moments, round after round.

Used by ``tests/test_store_concurrent_edits.py`` (which checks the guarantees) and
``benchmarks/bench_concurrent_edits.py`` (which prints the figures).

Each round both processes wait at a barrier, then write at once.  Every write is a
read-modify-write (a line appended to a text field), so a lost update would show as a
missing line: at the end every line each editor was told was saved must be in the review,
exactly once.  Most rounds the two write different fields (Ann ``points.0.reasons``, Bob
``points.1.reasons``); every ``SAME_FIELD_EVERY``-th round both write ``grounds``.

An editor keeps the review it last saved or read (as the dashboard does) and writes through
a :class:`~workbench.service.ReviewSession`: a write based on a copy someone has changed
since is either merged (a different field: :mod:`workbench.merge`) or refused with a
:class:`~workbench.errors.EditConflict` naming the field (the same field), in which case the
session has their version and the editor appends the line again to the fresh text, as a
reviewer would.  Any other exception is counted as an error, with its message.
"""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import dataclass, field

CASE_ID = "IC-266000-V6Y0"
SAME_FIELD_EVERY = 4
EDITORS = ("ann", "bob")


def field_for(who: str, round_: int) -> str:
    """Which field ``who`` appends to in ``round_``."""
    if round_ % SAME_FIELD_EVERY == 0:
        return "grounds"
    return "points.0.reasons" if who == "ann" else "points.1.reasons"


def line_for(who: str, round_: int) -> str:
    return f"{who} {round_}"


@dataclass
class EditorReport:
    """What one editor saw."""

    who: str
    saved: list[tuple[str, str]] = field(default_factory=list)  # (field, line) saved
    conflicts: int = 0
    conflicts_naming_the_field: int = 0
    conflicts_on_different_fields: int = 0  # rounds where the two wrote different fields
    merged: int = 0  # writes saved although someone else had saved since this copy was read
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _append(text: str, line: str) -> str:
    return f"{text}\n{line}" if text else line


def editor(url: str, who: str, rounds: int, barrier, reports) -> None:
    """One process: open the review in a session and append a line per round."""
    from workbench.errors import ConflictError
    from workbench.service import ReviewSession
    from workbench.store import Store

    report = EditorReport(who)
    start = time.perf_counter()
    store = Store(url)
    try:
        session = ReviewSession.open(CASE_ID, who=who, store=store)
        for round_ in range(rounds):
            path, line = field_for(who, round_), line_for(who, round_)
            barrier.wait(timeout=60)
            for _attempt in range(50):
                before = session.token
                try:
                    current = session.review.value_at(path) or ""
                    session.edit(path, _append(current, line))
                except ConflictError as exc:
                    report.conflicts += 1
                    if getattr(exc, "field", None) == path:
                        report.conflicts_naming_the_field += 1
                    if path != "grounds":
                        report.conflicts_on_different_fields += 1
                    continue  # the session reloaded: append to the fresh text
                except Exception as exc:  # noqa: BLE001 - any other failure is counted
                    report.errors.append(f"{type(exc).__name__}: {exc}")
                    session.reload()
                    continue
                if session.token != before + 1:
                    report.merged += 1
                report.saved.append((path, line))
                break
    except Exception as exc:  # noqa: BLE001 - reported, never lost in a child process
        report.errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        store.close()
        report.seconds = time.perf_counter() - start
        reports.put(report)


@dataclass
class Outcome:
    """Both editors' reports and the review as it ended."""

    rounds: int
    reports: list[EditorReport]
    final: dict[str, str]
    lost: list[tuple[str, str]]
    duplicated: list[tuple[str, str]]
    seconds: float

    @property
    def conflicts(self) -> int:
        return sum(r.conflicts for r in self.reports)

    @property
    def merged(self) -> int:
        return sum(r.merged for r in self.reports)

    @property
    def errors(self) -> list[str]:
        return [e for r in self.reports for e in r.errors]

    def summary(self) -> str:
        saved = sum(len(r.saved) for r in self.reports)
        same = sum(1 for r in range(self.rounds) if r % SAME_FIELD_EVERY == 0)
        naming = sum(r.conflicts_naming_the_field for r in self.reports)
        elsewhere = sum(r.conflicts_on_different_fields for r in self.reports)
        return (
            f"{self.rounds} rounds x {len(self.reports)} editors ({same} rounds on the same "
            f"field): {saved} writes saved, {self.merged} merged from a stale copy, "
            f"{self.conflicts} conflicts ({naming} naming the field, {elsewhere} on "
            "different fields), "
            f"{len(self.lost)} lost updates, {len(self.duplicated)} duplicated, "
            f"{len(self.errors)} errors, {self.seconds:.1f} s"
        )


def run(url: str, rounds: int) -> Outcome:
    """Start the review (from the seed case in ``WORKBENCH_DATA``), run both editors, check."""
    from workbench.service import ReviewSession
    from workbench.store import Store

    with Store(url) as store, ReviewSession.open(CASE_ID, who="setup", store=store):
        pass
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(EDITORS))
    reports = context.Queue()
    start = time.perf_counter()
    processes = [
        context.Process(target=editor, args=(url, who, rounds, barrier, reports)) for who in EDITORS
    ]
    for process in processes:
        process.start()
    got = [reports.get(timeout=600) for _ in processes]
    for process in processes:
        process.join(timeout=60)
    seconds = time.perf_counter() - start
    with Store(url) as store:
        review = store.get(CASE_ID)
    paths = {field_for(who, r) for who in EDITORS for r in range(rounds)}
    final = {path: review.value_at(path) or "" for path in sorted(paths)}
    lines = {path: final[path].split("\n") for path in final}
    lost, duplicated = [], []
    for report in got:
        for path, line in report.saved:
            count = lines[path].count(line)
            if count == 0:
                lost.append((path, line))
            elif count > 1:
                duplicated.append((path, line))
    return Outcome(rounds, sorted(got, key=lambda r: r.who), final, lost, duplicated, seconds)
