"""A review's outcome: one neutral stored value, many schemes' words for it.

Why a neutral value: reporting schemes disagree about what "upheld" means.  In the
Cabinet Office statistics "upheld" means the *original decision* was kept; some
authorities say the *appeal* was upheld when the requester wins.  Storing one of
:class:`Outcome` and mapping it to each scheme's label at the last moment keeps
the stored record unambiguous (domain reference s.7).

The schemes live in ``workbench/data/outcome_schemes.yaml``; a team can re-word
them, or add its own, in ``<templates folder>/outcome_schemes.yaml`` (read with the
rest of the team's folder by :mod:`workbench.team`).

Usage::

    outcome_label(Outcome.PARTLY_CHANGED, "cabinet_office")   # "Upheld in part"
    outcome_label(Outcome.REVERSED, "authority")               # "Appeal upheld"
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .errors import SettingsError
from .labelled import LabelledEnum

SCHEMES_FILE = "outcome_schemes.yaml"
DEFAULT_SCHEME = "cabinet_office"


class Outcome(LabelledEnum):
    """What the review did to the original decision (scheme-neutral)."""

    MAINTAINED = "maintained", "Original decision maintained"
    PARTLY_CHANGED = "partly_changed", "Original decision partly changed"
    REVERSED = "reversed", "Original decision reversed"
    WITHDRAWN = "withdrawn", "Review withdrawn"


class ChangeReason(LabelledEnum):
    """Why an original decision changed, in the categories analysts count (reference s.7)."""

    SEARCHES_INADEQUATE = "searches_inadequate", "Searches not adequate or information missed"
    EXEMPTION_WRONGLY_ENGAGED = "exemption_wrongly_engaged", "Exemption wrongly engaged"
    PUBLIC_INTEREST_WRONGLY_BALANCED = (
        "public_interest_wrongly_balanced",
        "Public interest wrongly balanced",
    )
    EXCESSIVE_REDACTION = "excessive_redaction", "Excessive redaction"
    PROCEDURAL_ONLY = "procedural_only", "Procedural failure only"
    NEW_CIRCUMSTANCES = "new_circumstances", "New circumstances"


#: Outcomes that change the original decision, so completing needs change reasons.
CHANGED_OUTCOMES = frozenset({Outcome.PARTLY_CHANGED, Outcome.REVERSED})


@dataclass(frozen=True)
class OutcomeScheme:
    """One scheme's words for the four outcomes."""

    name: str
    title: str
    labels: dict[Outcome, str]
    note: str = ""
    #: Label for a review that reached a decision where the authority had made none
    #: (FOISA s.21(4)(c)); None when the scheme has no such category.
    no_original_decision: str | None = None

    def label(self, outcome: Outcome | str, *, no_original_decision: bool = False) -> str:
        """This scheme's word for ``outcome``."""
        outcome = Outcome(outcome)
        if no_original_decision and self.no_original_decision and outcome != Outcome.WITHDRAWN:
            return self.no_original_decision
        return self.labels[outcome]


def _parse_schemes(raw: object, source: str) -> dict[str, OutcomeScheme]:
    """Validate one schemes file, naming the file and the key that is wrong."""
    if not isinstance(raw, dict) or not isinstance(raw.get("schemes"), dict):
        raise SettingsError(f"{source}: expected a top-level 'schemes:' mapping", path=source)
    schemes = {}
    for name, body in raw["schemes"].items():
        where = f"{source}: scheme {name!r}"
        if not isinstance(body, dict) or not isinstance(body.get("labels"), dict):
            raise SettingsError(f"{where} needs a 'labels:' mapping", path=source, field=name)
        labels = body["labels"]
        unknown = sorted(set(map(str, labels)) - set(Outcome.choices()))
        if unknown:
            raise SettingsError(
                f"{where}: unknown outcome(s) {', '.join(unknown)}; "
                f"use {', '.join(Outcome.choices())}",
                path=source,
                field=name,
            )
        missing = [o.value for o in Outcome if not str(labels.get(o.value) or "").strip()]
        if missing:
            raise SettingsError(
                f"{where} has no label for {', '.join(missing)}", path=source, field=name
            )
        extra = body.get("no_original_decision")
        schemes[str(name)] = OutcomeScheme(
            name=str(name),
            title=str(body.get("title") or name),
            labels={o: str(labels[o.value]).strip() for o in Outcome},
            note=str(body.get("note") or "").strip(),
            no_original_decision=str(extra).strip() if extra else None,
        )
    return schemes


@lru_cache(maxsize=1)
def _packaged_schemes() -> dict[str, OutcomeScheme]:
    text = resources.files("workbench").joinpath("data", SCHEMES_FILE).read_text("utf-8")
    return _parse_schemes(yaml.safe_load(text), f"workbench/data/{SCHEMES_FILE}")


@lru_cache(maxsize=8)
def _team_schemes(path: str, modified_ns: int) -> dict[str, OutcomeScheme]:
    # ``modified_ns`` is only part of the cache key: an edited file is read again.
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SettingsError(f"{path}: cannot read outcome schemes: {exc}", path=path) from exc
    return _parse_schemes(raw, path)


def load_outcome_schemes(team_file: Path | None = None) -> dict[str, OutcomeScheme]:
    """The packaged schemes, with a team's own file (if any) replacing schemes by name.

    :param team_file: the team's schemes file; default the current team folder's
        ``outcome_schemes.yaml`` when it has one (:attr:`workbench.team.Team.outcome_schemes`).
    :raises SettingsError: naming the file and scheme when a file is invalid.
    """
    if team_file is None:
        from .team import load_team

        return dict(load_team().outcome_schemes)
    return schemes_with(team_file)


def schemes_with(team_file: Path | None) -> dict[str, OutcomeScheme]:
    """The packaged schemes, with the schemes in *team_file* (when given) over them.

    :raises SettingsError: *team_file* is missing or invalid.
    """
    schemes = dict(_packaged_schemes())
    if team_file is not None:
        path = Path(team_file)
        if not path.is_file():
            raise SettingsError(f"No outcome schemes file at {path}", path=path)
        schemes.update(_team_schemes(str(path), path.stat().st_mtime_ns))
    return schemes


def outcome_label(
    outcome: Outcome | str,
    scheme: str = DEFAULT_SCHEME,
    *,
    no_original_decision: bool = False,
    schemes: dict[str, OutcomeScheme] | None = None,
) -> str:
    """The word ``scheme`` uses for ``outcome``.

    :param no_original_decision: the authority never decided the request, so a scheme
        that has a category for that (FOISA s.21(4)(c)) uses it.
    :param schemes: schemes to use instead of :func:`load_outcome_schemes` (tests, callers
        rendering many rows).
    :raises SettingsError: for a scheme that is not defined.
    """
    known = schemes if schemes is not None else load_outcome_schemes()
    try:
        chosen = known[scheme]
    except KeyError:
        raise SettingsError(
            f"Unknown outcome scheme {scheme!r}; known schemes: {', '.join(sorted(known))}",
            field="scheme",
        ) from None
    return chosen.label(outcome, no_original_decision=no_original_decision)
