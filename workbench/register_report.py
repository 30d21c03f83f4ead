"""The quarterly report notebook's helpers: which register to read, and its charts.

``notebooks/register.ipynb`` runs on the synthetic demo register by default, so its
stored outputs are the same on every machine (nbval compares them in CI), and on a
team's real store when asked::

    WORKBENCH_REGISTER=store jupyter nbconvert --to html --no-input --execute \\
        notebooks/register.ipynb --output-dir reports/

``WORKBENCH_REGISTER`` is ``demo`` (the default), ``store`` (the store in settings,
``WORKBENCH_DB``) or a store URL or path; ``WORKBENCH_REGISTER_TODAY`` (YYYY-MM-DD) fixes
the date overdue reviews are counted at (default: the demo's last day, or today).

The charts are plain matplotlib figures, made without pyplot's global state, at a fixed
size, so a notebook shows each once and a refresh redraws it identically.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from .deadlines import parse_date
from .register import Register, load_register, write_xlsx

#: The demo register the notebook shows by default: small enough to build in a second or
#: two, large enough that every figure has something in it.
DEMO_SIZE = 3000
DEMO_SEED = 2025
FIGURE_SIZE = (9, 3.6)
#: Colours for the Cabinet Office outcomes, kept in their usual order.
OUTCOME_COLOURS = ("#4c72b0", "#dd8452", "#c44e52", "#8c8c8c", "#55a868")


@dataclass
class ReportSource:
    """The register a report is made from, as of which day, and where it came from."""

    register: Register
    today: dt.date
    description: str
    _keep: Any = field(default=None, repr=False)  # a temporary folder kept alive

    def __repr__(self) -> str:
        return f"{self.description}; figures as of {self.today:%d %B %Y}"

    def close(self) -> None:
        """Delete the demo's temporary store and files (a real store is left as it is)."""
        if self._keep is not None:
            self._keep.cleanup()

    @property
    def output_dir(self) -> Path:
        """Where the report's files go: the demo's temporary folder, else the exports folder."""
        if self._keep is not None:
            return Path(self._keep.name)
        from . import settings

        return settings.output_dir()

    def write_xlsx(self, figures: dict[str, pd.DataFrame], name: str = "register.xlsx") -> Path:
        """Write ``figures`` as a workbook in :attr:`output_dir` (see :func:`write_xlsx`)."""
        return write_xlsx(
            figures,
            self.output_dir / name,
            today=self.today,
            source=self.register.source,
            scheme=self.register.scheme,
        )


def report_source(which: str | None = None, today: dt.date | str | None = None) -> ReportSource:
    """The register named by ``which`` (default ``WORKBENCH_REGISTER``, else ``demo``).

    ``demo`` builds the synthetic register (:mod:`workbench.demo`, seed
    :data:`DEMO_SEED`) in a temporary store that lasts as long as the returned object,
    so the real store is never touched.
    """
    from .demo import DEMO_AS_OF

    which = which or os.environ.get("WORKBENCH_REGISTER") or "demo"
    given = today or os.environ.get("WORKBENCH_REGISTER_TODAY")
    day = parse_date(given, field_name="WORKBENCH_REGISTER_TODAY") if given else None
    if which == "demo":
        return _demo_source(day or DEMO_AS_OF)
    loaded = load_register(None if which == "store" else which)
    return ReportSource(
        loaded,
        day or dt.date.today(),
        f"Register of {len(loaded.reviews):,} reviews in {loaded.source}",
    )


def _demo_source(today: dt.date) -> ReportSource:
    import tempfile

    from .demo import demo_reviews
    from .store import Store

    folder = tempfile.TemporaryDirectory(prefix="workbench-demo-register-")
    with Store(Path(folder.name) / "demo.db") as store:
        store.bulk_create(demo_reviews(DEMO_SIZE, DEMO_SEED), "demo-data")
        loaded = load_register(store)
    description = (
        f"Synthetic demo register: {DEMO_SIZE:,} made-up reviews (seed {DEMO_SEED}), "
        "no real requests"
    )
    return ReportSource(loaded, today, description, _keep=folder)


def _figure() -> tuple[Figure, Any]:
    figure = Figure(figsize=FIGURE_SIZE, dpi=100, layout="constrained")
    return figure, figure.subplots()


def _quarter_labels(index: pd.Index) -> list[str]:
    return [str(quarter) for quarter in index]


def outcomes_chart(outcomes_by_quarter: pd.DataFrame, title: str = "") -> Figure:
    """Stacked bars: completed reviews per quarter by outcome."""
    figure, axes = _figure()
    labels = _quarter_labels(outcomes_by_quarter.index)
    bottom = pd.Series(0, index=outcomes_by_quarter.index)
    for colour, column in zip(OUTCOME_COLOURS, outcomes_by_quarter.columns, strict=False):
        values = outcomes_by_quarter[column]
        axes.bar(labels, values, bottom=bottom, label=column, color=colour)
        bottom = bottom + values
    axes.set_title(title or "Outcomes of reviews completed each quarter")
    axes.set_ylabel("Reviews")
    axes.tick_params(axis="x", labelrotation=45)
    axes.legend(loc="upper left", bbox_to_anchor=(1, 1), frameon=False)
    return figure


def timeliness_chart(timeliness_by_quarter: pd.DataFrame) -> Figure:
    """Share of original responses and of reviews on time, quarter by quarter."""
    figure, axes = _figure()
    labels = _quarter_labels(timeliness_by_quarter.index)
    for kind, colour in (("Responses", "#4c72b0"), ("Reviews", "#dd8452")):
        on_time = timeliness_by_quarter[f"{kind} on time"]
        judged = on_time + timeliness_by_quarter[f"{kind} late"]
        share = (on_time * 100 / judged.where(judged > 0)).round(1)
        axes.plot(labels, share, marker="o", label=f"{kind} on time", color=colour)
    axes.set_ylim(0, 100)
    axes.set_ylabel("% on time")
    axes.set_title("Original responses (by quarter sent) and reviews (by quarter completed)")
    axes.tick_params(axis="x", labelrotation=45)
    axes.legend(loc="lower left", frameon=False)
    return figure


def provisions_chart(provisions_not_upheld: pd.DataFrame) -> Figure:
    """Horizontal bars: the provisions reviews most often did not uphold, wholly or in part."""
    figure, axes = _figure()
    frame = provisions_not_upheld.iloc[::-1]
    labels = list(frame.index)
    axes.barh(labels, frame["Not upheld"], color="#c44e52", label="Not upheld")
    axes.barh(
        labels,
        frame["Upheld in part"],
        left=frame["Not upheld"],
        color="#dd8452",
        label="Upheld in part",
    )
    axes.set_xlabel("Completed reviews")
    axes.set_title("Provisions most often not upheld on review")
    axes.legend(loc="lower right", frameon=False)
    return figure
