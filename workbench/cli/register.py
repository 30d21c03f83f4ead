"""``workbench register report`` and ``workbench demo-data``: the register's figures, and data
to try them on."""

from __future__ import annotations

import datetime as dt

import click

from ..outcomes import DEFAULT_SCHEME
from . import main

DB_HELP = "Store URL or file (default: WORKBENCH_DB, else <data>/workbench.db)."


@main.group()
def register() -> None:
    """The register of internal reviews: the figures teams report every quarter."""


@register.command("report")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--xlsx",
    "xlsx_path",
    type=click.Path(dir_okay=False, writable=True),
    help="Also write the figures to this workbook, one sheet each.",
)
@click.option("--today", help="Count overdue reviews as of this date (default: today).")
@click.option(
    "--scheme",
    default=DEFAULT_SCHEME,
    show_default=True,
    help="Outcome wording: cabinet_office, foisa, authority or a team's own scheme.",
)
@click.option("--db", help=DB_HELP)
def register_report(
    as_json: bool, xlsx_path: str | None, today: str | None, scheme: str, db: str | None
) -> None:
    """Print (or write) every standard figure of the register.

    For the charts and an HTML report, run notebooks/register.ipynb (see its first cell).

    The quarterly figures from the register of reviews: received and completed per quarter,
    outcomes (Cabinet Office words by default), on time vs late, provisions most often cited and
    not upheld, searches found inadequate, median working days per stage, reviewer workload,
    reviews overdue today, grounds of review requests by category and the share upheld (the
    requester right); --xlsx writes one sheet per figure. The HTML report: `jupyter nbconvert
    --to html --no-input --execute notebooks/register.ipynb` (it reads the demo register unless
    `WORKBENCH_REGISTER=store`).
    """
    from .. import register as reg
    from ..deadlines import parse_date

    day = parse_date(today, field_name="--today") if today else dt.date.today()
    loaded = reg.load_register(db, scheme=scheme, frames=reg.FIGURE_FRAMES)
    figures = reg.report(loaded, day)
    if xlsx_path:
        written = reg.write_xlsx(figures, xlsx_path, today=day, source=loaded.source, scheme=scheme)
        if not as_json:
            click.echo(f"Wrote {written}", err=True)
    if as_json:
        click.echo(reg.report_json(figures, today=day, source=loaded.source, scheme=scheme))
    elif not xlsx_path:
        click.echo(f"Register of {len(loaded.reviews)} reviews in {loaded.source}, as of {day}\n")
        click.echo(reg.report_text(figures), nl=False)


@main.command("demo-data")
@click.option(
    "--n",
    "count",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="How many synthetic reviews to make.",
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="The same seed always makes the same register.",
)
@click.option("--as-of", "as_of", help="The day the register runs up to (default 2025-12-31).")
@click.option(
    "--years",
    type=click.IntRange(min=1, max=20),
    default=4,
    show_default=True,
    help="How many years of review requests before --as-of.",
)
@click.option("--db", help=DB_HELP)
def demo_data(count: int, seed: int, as_of: str | None, years: int, db: str | None) -> None:
    """Fill a store with a clearly synthetic register (DEMO-000001, "Reviewer A", ...).

    For notebooks, tests and benchmarks without real personal data.  Refuses a store that
    holds real reviews; name a new one with --db.

    Only an empty store is filled, with text marked SYNTHETIC; the same seed gives the same
    register.
    """
    from ..deadlines import parse_date
    from ..demo import DEMO_AS_OF, DEMO_PREFIX, load_demo_data
    from ..store import Store

    day = parse_date(as_of, field_name="--as-of") if as_of else DEMO_AS_OF
    with Store(db) as store:
        stored = load_demo_data(store, count, seed, as_of=day, years=years)
        click.echo(
            f"Stored {stored} synthetic reviews ({DEMO_PREFIX}{1:06d} to "
            f"{DEMO_PREFIX}{stored:06d}, requested over the {years} years to {day}) "
            f"in {store.display_url}"
        )
