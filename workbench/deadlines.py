"""Statutory time limits in working days, with the working shown.

Why a module of its own: every deadline in the workbench (the response, the
requester's window to ask for a review, the review itself) is a count of
working days, and reviewers only trust a date they can check.  So every
calculation here returns the steps it took, not just the answer.

The law encoded here:

* FOIA s.10(6) and (by practice) EIR: a working day is any day other than a
  Saturday, a Sunday, Christmas Day, Good Friday or a day which is a bank
  holiday in *any part of the United Kingdom* (so a Scotland-only or a
  Northern-Ireland-only bank holiday stops the count for an English authority).
* FOISA s.73: Saturdays, Sundays, Christmas Day and bank holidays *in Scotland*; the
  EISR use the same working days (EISR reg 2(1): "working day" as in FOISA s.73).
* The day after receipt is day 1 (ICO line to take LTT47).  A request received
  on a non-working day: day 1 is the first working day after it (the ICO's
  reading, the default); some authorities instead treat the next working day as
  the day of receipt (setting ``receipt_rule = next_working_day``).
* FOIA s.10(1) / EIR reg 5(2) / FOISA s.10 / EISR reg 5(2)(a): 20 working days.
* FOIA s.10(3): a public-interest extension "reasonable in the circumstances";
  the ICO expects at most 20 extra working days, so a longer one carries a
  warning (ICO guidance on time limits, "Extensions to consider the public
  interest test").  EIR reg 7: up to 40 working days for complex and voluminous
  requests; EISR reg 7(1) the same (a further 20 where the volume and complexity
  of the information make 20 impracticable).  FOISA: no extension.
* FOIA s.1(3): where clarification is sought, the clock starts on receipt of the
  clarification.  FOIA s.10(2): working days from the fees notice to payment
  are disregarded.
* Reviews: the requester asks within 40 working days (s.45 Code; EIR reg 11(2);
  EISR reg 16), counted from the response; under FOISA s.20(5) the 40 working days
  run from the expiry of the time for compliance, or from receipt of a late
  response, so a response sent early does not shorten the window.  The authority
  replies within its own limit, never the 20 days of a first response: FOIA 20
  working days (s.45 Code, 40 in exceptional cases), EIR reg 11(4) 40, FOISA
  s.21(1) 20, EISR reg 16(4) 20.

EISR sources: legislation.gov.uk SSI 2004/520 (regs 2, 5, 7 and 16) and the
Scottish Information Commissioner's guidance on responding to requests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from pathlib import Path

import holidays
import yaml

from .errors import DateError, SettingsError

NATIONS = {
    "ENG": "England",
    "WLS": "Wales",
    "SCT": "Scotland",
    "NIR": "Northern Ireland",
}

#: The 20 working days of FOIA s.10(1), EIR reg 5(2), FOISA s.10(1) and EISR reg 5(2)(a).
RESPONSE_DAYS = 20
#: The requester's window to ask for a review (s.45 Code, EIR reg 11(2), FOISA s.20(5),
#: EISR reg 16(2)).
REVIEW_REQUEST_WINDOW = 40
#: The longest FOIA s.10(3) extension the ICO expects, in further working days.
ICO_EXTENSION_DAYS = 20


class Regime(StrEnum):
    """The four access regimes the workbench knows."""

    FOIA = "FOIA"
    EIR = "EIR"
    FOISA = "FOISA"
    EISR = "EISR"

    @property
    def scottish(self) -> bool:
        """FOISA and the EISR count Scottish bank holidays only (FOISA s.73, EISR reg 2(1))."""
        return self in (Regime.FOISA, Regime.EISR)

    @property
    def environmental(self) -> bool:
        """The EIR and the EISR allow up to 40 working days for complex, voluminous requests."""
        return self in (Regime.EIR, Regime.EISR)


def parse_regime(value: str | Regime) -> Regime:
    """Read a regime name, case-insensitively, with a clear error for anything else."""
    try:
        return Regime(str(value).upper())
    except ValueError:
        raise DateError(
            f"Unknown regime {value!r}: use FOIA, EIR, FOISA or EISR", field="regime"
        ) from None


#: How a date may be written, as an error message says it.
DATE_FORMATS = "write it as 4/12/2023, 4 Dec 2023 or 2023-12-04 (day first)"


def parse_date(value: str | dt.date, *, field_name: str = "date") -> dt.date:
    """Read a date as people type it, naming the field when it is not one.

    The one reader of typed dates, for the commands and the dashboard alike:
    ``4/12/2023``, ``04/12/2023``, ``4 Dec 2023``, ``4 December 2023`` and ISO
    ``2023-12-04`` all mean 4 December 2023 (UK order, day first; see
    :func:`workbench.parsing.dates.read_date`).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    from .parsing.dates import read_date

    day = read_date(str(value))
    if day is None:
        raise DateError(
            f"{field_name} {value!r} is not a valid date: {DATE_FORMATS}", field=field_name
        )
    return day


@dataclass(frozen=True)
class NonWorkingDay:
    """Why a day is not a working day: a weekend, or holidays and where they apply."""

    date: dt.date
    name: str
    nations: tuple[str, ...] = ()
    #: Each holiday falling on the day with the nations it belongs to.
    parts: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def is_weekend(self) -> bool:
        return self.date.weekday() >= 5

    def describe(self) -> str:
        when = self.date.strftime("%a %d %b %Y")
        if not self.parts:
            return f"{when}: {self.name}"
        named = [f"{name} ({', '.join(NATIONS[n] for n in where)})" for name, where in self.parts]
        return f"{when}: {'; '.join(named)}"


def _extra_holiday_files() -> list[Path]:
    from . import settings

    files = [Path(str(resources.files("workbench") / "data" / "extra_bank_holidays.yaml"))]
    local = settings.data_dir() / "extra_bank_holidays.yaml"
    if local.is_file():
        files.append(local)
    return files


def _read_extra_holidays(path: Path) -> list[tuple[dt.date, str, tuple[str, ...]]]:
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        raise SettingsError(f"Cannot read bank holiday file {path}: {exc}", path=path) from exc
    if not isinstance(entries, list):
        raise SettingsError(f"{path} must hold a list of holidays", path=path)
    out = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not {"date", "name", "nations"} <= set(entry):
            raise SettingsError(
                f"{path}: entry {i + 1} needs date, name and nations", path=path, field="nations"
            )
        nations = tuple(str(n).upper() for n in entry["nations"])
        unknown = [n for n in nations if n not in NATIONS]
        if unknown:
            raise SettingsError(
                f"{path}: entry {i + 1} names unknown nations {unknown}; use ENG, WLS, SCT, NIR",
                path=path,
                field="nations",
            )
        day = parse_date(entry["date"], field_name=f"{path.name} entry {i + 1} date")
        out.append((day, str(entry["name"]), nations))
    return out


@lru_cache(maxsize=8)
def _holiday_table(
    years: tuple[int, ...], extra_key: tuple[tuple[str, float], ...]
) -> dict[dt.date, dict]:
    """date -> {name: [nations]} for all four UK nations, from `holidays` plus the extra files.

    ``extra_key`` names each extra file with its modification time, so an edited
    file takes effect without restarting.
    """
    table: dict[dt.date, dict[str, list[str]]] = {}
    for code in NATIONS:
        for day, names in holidays.country_holidays("GB", subdiv=code, years=years).items():
            for name in names.split("; "):
                table.setdefault(day, {}).setdefault(name, []).append(code)
    for path, _mtime in extra_key:
        for day, name, nations in _read_extra_holidays(Path(path)):
            if day.year in years:
                slot = table.setdefault(day, {}).setdefault(name, [])
                slot.extend(n for n in nations if n not in slot)
    return table


class WorkingCalendar:
    """Which days count as working days under one regime.

    ``disregarded`` holds extra days the count skips (the fees-notice period of
    FOIA s.10(2)), with the reason shown in the working.
    """

    def __init__(
        self, regime: Regime | str = Regime.FOIA, *, disregarded: dict[dt.date, str] | None = None
    ) -> None:
        self.regime = parse_regime(regime)
        self.disregarded = dict(disregarded or {})
        self._extra = tuple((str(p), p.stat().st_mtime) for p in _extra_holiday_files())

    def _table(self, year: int) -> dict[dt.date, dict]:
        return _holiday_table((year - 1, year, year + 1), self._extra)

    def reason(self, day: dt.date) -> NonWorkingDay | None:
        """Why ``day`` is not a working day, or None when it is one."""
        if day.weekday() >= 5:
            return NonWorkingDay(day, day.strftime("%A"))
        if day in self.disregarded:
            return NonWorkingDay(day, self.disregarded[day])
        if day.month == 12 and day.day == 25:
            return NonWorkingDay(
                day, "Christmas Day", tuple(NATIONS), (("Christmas Day", tuple(NATIONS)),)
            )
        names = self._table(day.year).get(day, {})
        relevant = {
            name: tuple(n for n in NATIONS if n in nations)
            for name, nations in names.items()
            if not self.regime.scottish or "SCT" in nations
        }
        if not relevant:
            return None
        name = "; ".join(relevant)
        nations = tuple(n for n in NATIONS if any(n in v for v in relevant.values()))
        return NonWorkingDay(day, name, nations, tuple(relevant.items()))

    def is_working_day(self, day: dt.date) -> bool:
        return self.reason(day) is None

    @property
    def holiday_files_key(self) -> tuple[tuple[str, float], ...]:
        """The extra holiday files with their modification times: a key for callers' caches."""
        return self._extra

    def weekday_holidays(self, year: int) -> tuple[dt.date, ...]:
        """Every weekday of ``year`` that is not a working day under this regime, in order.

        For callers that count many intervals at once (the register uses NumPy's
        business-day functions): only a day in the holiday table or Christmas Day can
        be a weekday off, and :meth:`is_working_day` still decides each one.
        """
        candidates = {day for day in self._table(year) if day.year == year}
        candidates.add(dt.date(year, 12, 25))
        return tuple(
            sorted(d for d in candidates if d.weekday() < 5 and not self.is_working_day(d))
        )

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day``."""
        day += dt.timedelta(days=1)
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``start`` (``start`` itself never counts)."""
        if n < 0:
            raise DateError("A number of working days cannot be negative")
        day = start
        for _ in range(n):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 if ``end`` <= ``start``)."""
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def skipped_between(self, start: dt.date, end: dt.date) -> list[NonWorkingDay]:
        """Every non-working day after ``start`` up to and including ``end``."""
        out, day = [], start
        while day < end:
            day += dt.timedelta(days=1)
            reason = self.reason(day)
            if reason:
                out.append(reason)
        return out


@dataclass
class Deadline:
    """A deadline worked out step by step, ready to print or serialise."""

    label: str
    regime: Regime
    start: dt.date
    clock_start: dt.date
    day_one: dt.date
    working_days: int
    due: dt.date
    skipped: list[NonWorkingDay]
    notes: list[str] = field(default_factory=list)
    #: Things the reviewer should question (an extension longer than the ICO expects).
    warnings: list[str] = field(default_factory=list)
    responded: dt.date | None = None
    working_days_taken: int | None = None
    on_time: bool | None = None
    days_late: int | None = None

    def working(self) -> list[str]:
        """The calculation in plain English, one line a step."""
        lines = [f"{self.label}: {self.regime.value}, {self.working_days} working days"]
        lines.append(f"Received: {self.start:%a %d %b %Y}")
        lines += [f"Note: {n}" for n in self.notes]
        lines += [f"Warning: {w}" for w in self.warnings]
        lines.append(f"Day 1: {self.day_one:%a %d %b %Y}")
        weekends = sum(1 for s in self.skipped if s.is_weekend)
        for s in self.skipped:
            if not s.is_weekend:
                lines.append(f"Skipped {s.describe()}")
        lines.append(f"Skipped {weekends} weekend days")
        lines.append(f"Day {self.working_days} (due): {self.due:%a %d %b %Y}")
        if self.responded is not None:
            verdict = "on time" if self.on_time else f"late by {self.days_late} working days"
            lines.append(
                f"Responded: {self.responded:%a %d %b %Y}, "
                f"working day {self.working_days_taken}: {verdict}"
            )
        return lines

    def to_dict(self) -> dict:
        """JSON-ready form (ISO dates)."""
        return {
            "label": self.label,
            "regime": self.regime.value,
            "received": self.start.isoformat(),
            "clock_start": self.clock_start.isoformat(),
            "day_1": self.day_one.isoformat(),
            "working_days": self.working_days,
            "due": self.due.isoformat(),
            "skipped": [
                {
                    "date": s.date.isoformat(),
                    "name": s.name,
                    "nations": [NATIONS[n] for n in s.nations],
                    "weekend": s.is_weekend,
                }
                for s in self.skipped
            ],
            "notes": self.notes,
            "warnings": self.warnings,
            "responded": self.responded.isoformat() if self.responded else None,
            "working_days_taken": self.working_days_taken,
            "on_time": self.on_time,
            "days_late": self.days_late,
        }


def _clock_start(calendar: WorkingCalendar, received: dt.date, rule: str) -> tuple[dt.date, list]:
    """The day the count runs from: receipt, or the next working day under the alternative rule."""
    if rule == "next_working_day" and not calendar.is_working_day(received):
        start = calendar.next_working_day(received)
        return start, [f"received on a non-working day, so treated as received {start:%d %b %Y}"]
    return received, []


def count_deadline(
    received: dt.date | str,
    working_days: int,
    *,
    regime: Regime | str = Regime.FOIA,
    label: str = "Deadline",
    responded: dt.date | str | None = None,
    rule: str | None = None,
    disregarded: dict[dt.date, str] | None = None,
    notes: Iterable[str] = (),
) -> Deadline:
    """The ``working_days``-th working day after ``received``, with the working shown."""
    from . import settings

    received = parse_date(received, field_name="received date")
    rule = rule or settings.receipt_rule()
    calendar = WorkingCalendar(regime, disregarded=disregarded)
    clock_start, rule_notes = _clock_start(calendar, received, rule)
    due = calendar.add_working_days(clock_start, working_days)
    deadline = Deadline(
        label=label,
        regime=calendar.regime,
        start=received,
        clock_start=clock_start,
        day_one=calendar.next_working_day(clock_start),
        working_days=working_days,
        due=due,
        skipped=calendar.skipped_between(clock_start, due),
        notes=list(notes) + rule_notes,
    )
    if responded is not None:
        _mark_response(deadline, calendar, parse_date(responded, field_name="response date"))
    return deadline


def _mark_response(deadline: Deadline, calendar: WorkingCalendar, responded: dt.date) -> None:
    if responded < deadline.start:
        raise DateError(
            f"The response date {responded} is before the date received {deadline.start}",
            field="responded",
        )
    deadline.responded = responded
    deadline.working_days_taken = calendar.working_days_between(deadline.clock_start, responded)
    deadline.on_time = responded <= deadline.due
    deadline.days_late = (
        0 if deadline.on_time else calendar.working_days_between(deadline.due, responded)
    )


def _fee_days(
    calendar: WorkingCalendar, notice: dt.date | None, paid: dt.date | None
) -> dict[dt.date, str]:
    """Working days from the fees notice to payment, disregarded under FOIA s.10(2)."""
    if notice is None and paid is None:
        return {}
    if notice is None or paid is None:
        raise DateError("A fees notice pause needs both the notice date and the payment date")
    if paid < notice:
        raise DateError(f"The fee was paid ({paid}) before the fees notice ({notice})")
    days, day = {}, notice
    while day <= paid:
        if calendar.is_working_day(day):
            days[day] = "fees notice period, disregarded (FOIA s.10(2))"
        day += dt.timedelta(days=1)
    return days


def response_deadline(
    received: dt.date | str,
    regime: Regime | str = Regime.FOIA,
    *,
    responded: dt.date | str | None = None,
    extension_days: int = 0,
    clarification_received: dt.date | str | None = None,
    fee_notice: dt.date | str | None = None,
    fee_paid: dt.date | str | None = None,
    rule: str | None = None,
) -> Deadline:
    """The statutory response deadline for a request, and whether a response met it.

    ``extension_days`` adds working days: under FOIA s.10(3) for the public
    interest test (the ICO expects no more than 20); under EIR reg 7 and EISR
    reg 7(1) the total may reach 40; FOISA allows none.
    """
    regime = parse_regime(regime)
    received = parse_date(received, field_name="received date")
    notes: list[str] = []
    _check_extension(regime, extension_days)
    if extension_days:
        why = {
            Regime.FOIA: "FOIA s.10(3) public interest",
            Regime.EIR: "EIR reg 7",
            Regime.EISR: "EISR reg 7(1)",
        }[regime]
        notes.append(f"extended by {extension_days} working days ({why})")
    start = received
    if clarification_received is not None:
        start = parse_date(clarification_received, field_name="clarification date")
        if start < received:
            raise DateError("Clarification cannot arrive before the request")
        notes.append(f"clock restarted on receipt of clarification {start:%d %b %Y} (s.1(3))")
    calendar = WorkingCalendar(regime)
    disregarded = _fee_days(
        calendar,
        parse_date(fee_notice, field_name="fees notice date") if fee_notice else None,
        parse_date(fee_paid, field_name="fee paid date") if fee_paid else None,
    )
    deadline = count_deadline(
        start,
        RESPONSE_DAYS + extension_days,
        regime=regime,
        label="Response due",
        responded=responded,
        rule=rule,
        disregarded=disregarded,
        notes=notes,
    )
    deadline.start = received
    if regime is Regime.FOIA and extension_days > ICO_EXTENSION_DAYS:
        deadline.warnings.append(
            f"an extension of {extension_days} further working days is more than the "
            f"{ICO_EXTENSION_DAYS} the ICO expects under FOIA s.10(3); check it was reasonable "
            "in the circumstances"
        )
    return deadline


def _check_extension(regime: Regime, extension_days: int) -> None:
    if extension_days < 0:
        raise DateError("An extension cannot be negative", field="extension_days")
    if regime is Regime.FOISA and extension_days:
        raise DateError("FOISA allows no extension of the 20 working days", field="extension_days")
    if regime.environmental and RESPONSE_DAYS + extension_days > 40:
        law = "EIR reg 7" if regime is Regime.EIR else "EISR reg 7(1)"
        raise DateError(f"{law} allows at most 40 working days in all", field="extension_days")


def review_request_deadline(
    response_date: dt.date | str,
    regime: Regime | str = "FOIA",
    *,
    received: dt.date | str | None = None,
    clarification_received: dt.date | str | None = None,
) -> Deadline:
    """The last day the requester may ask for a review: 40 working days after the start.

    FOIA (s.45 Code) and EIR (reg 11(2)) count from the response.  FOISA s.20(5) counts
    from the expiry of the time for compliance (the 20th working day after receipt), or
    from a late response when it came after that: so with ``received`` known, an early
    FOISA response does not shorten the window.  Without ``received`` a FOISA window is
    counted from the response, the earliest it can start, and a note says so.
    """
    regime = parse_regime(regime)
    responded = parse_date(response_date, field_name="response date")
    start, notes = responded, []
    if regime is Regime.FOISA:
        if received is None:
            notes.append(
                "counted from the response: FOISA s.20(5) counts from the expiry of the 20 "
                "working days for compliance, which may be later, but the date of receipt "
                "is not known"
            )
        else:
            due = response_deadline(
                received, regime, clarification_received=clarification_received
            ).due
            if responded <= due:
                start = due
                notes.append(
                    f"counted from {due:%d %b %Y}, when the time for compliance expired "
                    "(FOISA s.20(5)(a)); the response came earlier"
                )
            else:
                notes.append("counted from receipt of the late response (FOISA s.20(5)(b))")
    return count_deadline(
        start,
        REVIEW_REQUEST_WINDOW,
        regime=regime,
        label="Review must be requested by",
        rule="ico",
        notes=notes,
    )


def review_working_days(regime: Regime | str, *, exceptional: bool = False) -> int:
    """The review's own target: FOIA 20 (40 in exceptional cases), EIR 40, FOISA 20, EISR 20."""
    regime = parse_regime(regime)
    if regime is Regime.EIR:
        return 40
    if regime is Regime.FOIA and exceptional:
        return 40
    return 20


def review_deadline(
    review_requested: dt.date | str,
    regime: Regime | str = "FOIA",
    *,
    exceptional: bool = False,
    responded: dt.date | str | None = None,
) -> Deadline:
    """When the internal review's outcome is due, counted from the review request."""
    regime = parse_regime(regime)
    days = review_working_days(regime, exceptional=exceptional)
    source = {
        Regime.FOIA: "s.45 Code of Practice" + (" (exceptional case)" if exceptional else ""),
        Regime.EIR: "EIR reg 11(4)",
        Regime.FOISA: "FOISA s.21(1)",
        Regime.EISR: "EISR reg 16(4)",
    }[regime]
    return count_deadline(
        review_requested,
        days,
        regime=regime,
        label="Review outcome due",
        responded=responded,
        rule="ico",
        notes=[f"target from {source}"],
    )
