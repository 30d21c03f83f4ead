"""The statutory duties each regime imposes, cited the way that regime cites them.

Why a module of its own: a finding or a letter about a FOISA request must cite FOISA
(s.16 for a refusal notice, s.15 for advice, s.47 and s.56 for the requester's rights),
never FOIA, and the same duty has a different section in each regime.  The citations are
data (``workbench/data/law.yaml``) so a team can correct them in one place; this module
reads them and answers "how does this regime cite that duty?" and "which data protection
law decides lawfulness on this date?".

Usage::

    cite("refusal_reasons", "FOISA")          # "FOISA s.16(1)(d)"
    cite("refusal_reasons", "mixed")          # "FOIA s.17(1)(c); EIR reg 14(3)(a)"
    data_protection_law(dt.date(2017, 3, 1))  # "the Data Protection Act 1998 (...)"
"""

from __future__ import annotations

import datetime as dt
import functools
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import CatalogueError

#: Regimes whose duties are listed; a "mixed" letter is FOIA and EIR together.
_MIXED = ("FOIA", "EIR")
_KNOWN = ("FOIA", "EIR", "FOISA", "EISR")


class Duty(BaseModel):
    """How one regime cites one duty, and where the text is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    cite: str = Field(min_length=1)
    url: str = Field(min_length=1)
    confirmed: bool = True


class DataProtectionLaw(BaseModel):
    """The data protection law in force between two dates (either may be open)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    start: dt.date | None = Field(default=None, alias="from")
    until: dt.date | None = None
    name: str = Field(min_length=1)
    url: str = Field(min_length=1)

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and (
            self.until is None or day <= self.until
        )


class Law(BaseModel):
    """Every duty by regime, and the data protection law by date."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    duties: dict[str, dict[str, Duty]]
    data_protection: tuple[DataProtectionLaw, ...]


@functools.lru_cache(maxsize=1)
def load_law() -> Law:
    """The packaged ``law.yaml``, checked once (a typo must fail loudly, not cite nothing)."""
    resource = resources.files("workbench").joinpath("data", "law.yaml")
    raw: Any = yaml.safe_load(resource.read_text(encoding="utf-8"))
    try:
        return Law.model_validate(raw)
    except ValidationError as exc:
        raise CatalogueError(f"{resource}: {exc}", path=str(resource)) from None


def duty(name: str, regime: str | None) -> list[Duty]:
    """The regime's citations of a duty (both FOIA's and the EIR's for a mixed letter).

    An unknown or missing regime is read as FOIA, the workbench's default count.
    """
    table = load_law().duties.get(name)
    if table is None:
        raise KeyError(f"No duty {name!r} in law.yaml; known: {', '.join(load_law().duties)}")
    if regime == "mixed":
        regimes: tuple[str, ...] = _MIXED
    elif regime in _KNOWN:
        regimes = (regime,)
    else:
        regimes = ("FOIA",)
    return [table[r] for r in regimes if r in table]


def cite(name: str, regime: str | None) -> str:
    """How a letter of ``regime`` cites duty ``name`` ("FOISA s.16(1)(d)"); "" if it has none."""
    return "; ".join(d.cite for d in duty(name, regime))


def data_protection_law(day: dt.date | None) -> DataProtectionLaw:
    """The data protection law in force on ``day`` (today's law when the date is unknown)."""
    periods = load_law().data_protection
    if day is None:
        return periods[-1]
    for period in periods:
        if period.covers(day):
            return period
    return periods[-1]
