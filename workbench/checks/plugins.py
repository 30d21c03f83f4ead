"""A team's own checks, and installed plugins' checks, registered beside the package's.

Why: a team's house rules ("every refusal names the Information Governance
Lead", "sentences under 40 words") are checks like the package's, but they are
the team's to write and keep, so they must not need the package edited.  They
are written exactly as a built-in check (a function decorated with
:func:`~workbench.checks.base.check`, its docstring documenting the rule), and
come from two places:

- **the team folder**: every ``<templates folder>/checks/*.py`` module (a name
  starting with ``_`` is a helper, not loaded).  These are read with the rest of
  the team's folder (:mod:`workbench.team`) and run only for that team;
- **installed packages**: the entry-point group ``workbench.checks``; an entry
  point names a module of checks, or one check function::

      [project.entry-points."workbench.checks"]
      our_checks = "our_foi_checks.checks"

A check that cannot be loaded, a check whose id is taken, or a
``disabled_checks:`` entry naming no check does not stop the others: it is
reported as a warning with the findings (and as an error by the documentation,
``python -m workbench.checks --markdown``).  A team's module is Python run with
the workbench's rights, so the team folder deserves the care of any code.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from ..errors import WorkbenchError
from .base import CHECK_ATTRIBUTE, Check, builtin_checks, gathering_checks

if TYPE_CHECKING:
    from ..team import Team

#: The entry-point group installed packages register their checks under.
ENTRY_POINT_GROUP = "workbench.checks"


@dataclass(frozen=True)
class LoadedChecks:
    """Checks loaded from one place, and what could not be loaded there (as sentences)."""

    checks: tuple[Check, ...] = ()
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckSet:
    """Every check a team's installation knows, which of them are switched off, and the
    problems found while gathering them."""

    checks: tuple[Check, ...]
    disabled: frozenset[str]
    problems: tuple[str, ...]

    @property
    def enabled(self) -> tuple[Check, ...]:
        """The checks that run: every check but those ``disabled_checks`` names."""
        return tuple(spec for spec in self.checks if spec.id not in self.disabled)


def check_set(team: Team | None = None) -> CheckSet:
    """The package's checks, any registered in this process, the installed plugins' and the
    team folder's, with the team's ``disabled_checks``.

    :param team: default :func:`workbench.team.load_team` (the folder the settings name).
    """
    from ..team import load_team
    from .base import _REGISTRY

    team = team if team is not None else load_team()
    builtin_checks()  # the package's own come first
    plugins, team_checks = entry_point_checks(), team.checks
    problems = [*plugins.problems, *team_checks.problems]
    by_id: dict[str, Check] = {}
    for spec in (*_REGISTRY.values(), *plugins.checks, *team_checks.checks):
        taken = by_id.get(spec.id)
        if taken is None:
            by_id[spec.id] = spec
        elif taken.function is not spec.function:
            problems.append(
                f"{spec.origin}: a check called {spec.id!r} exists already ({taken.origin}), "
                "so this one was not run; give it another id (a built-in check can be "
                "switched off with disabled_checks in organisation.yaml)."
            )
    disabled, unknown = _disabled(team, by_id)
    problems += unknown
    return CheckSet(tuple(by_id.values()), disabled, tuple(problems))


def _disabled(team: Team, known: dict[str, Check]) -> tuple[frozenset[str], list[str]]:
    """The ids the team switches off, and a problem for each that names no check."""
    try:
        wanted = team.disabled_checks
    except WorkbenchError as exc:
        return frozenset(), [f"The organisation settings could not be read ({exc})."]
    unknown = [name for name in wanted if name not in known]
    problems = [
        f"organisation.yaml: disabled_checks: there is no check called {name!r}, so nothing "
        f"was switched off for it (the checks are listed in docs/checks.md)."
        for name in unknown
    ]
    return frozenset(wanted) - set(unknown), problems


# --------------------------------------------------------------------------- team folder


def folder_checks(folder: Path) -> LoadedChecks:
    """The checks defined in each ``*.py`` module of *folder* (none if it does not exist).

    Each module is run afresh as its own module, so an edited file takes effect
    when the team folder is read again (:func:`workbench.team.load_team` notices).
    """
    if not folder.is_dir():
        return LoadedChecks()
    checks: list[Check] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        found, problem = _module_checks(path)
        checks += found
        if problem:
            problems.append(problem)
    return LoadedChecks(tuple(checks), tuple(problems))


def _module_checks(path: Path) -> tuple[list[Check], str | None]:
    name = f"workbench_team_checks.{path.stem}_{_short_hash(path.parent)}"
    origin = f"team check {path.parent.name}/{path.name}"
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise ImportError("not a Python module")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses and pickling look modules up by name
        with gathering_checks() as gathered:
            spec.loader.exec_module(module)
    except Exception as exc:  # noqa: BLE001 - any error in the team's code is reported
        sys.modules.pop(name, None)
        return [], f"{path}: the team's check module could not be loaded ({_describe(exc)})."
    found = [_with_origin(spec, origin) for spec in gathered]
    if not found:
        return [], (
            f"{path}: defines no check (decorate a function with @check from workbench.checks, "
            "or start a helper module's name with _)."
        )
    return found, None


def _short_hash(folder: Path) -> str:
    return hashlib.sha1(str(folder.resolve()).encode()).hexdigest()[:8]


# --------------------------------------------------------------------------- entry points


@functools.lru_cache(maxsize=1)
def entry_point_checks() -> LoadedChecks:
    """The checks of every installed package's ``workbench.checks`` entry point (read once)."""
    checks: list[Check] = []
    problems: list[str] = []
    for point in entry_points(group=ENTRY_POINT_GROUP):
        origin = f"plugin {point.name} ({point.value})"
        try:
            with gathering_checks() as gathered:
                loaded = point.load()
        except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the others
            problems.append(f"The check plugin {origin} could not be loaded ({_describe(exc)}).")
            continue
        found = gathered or list(_checks_in(loaded))
        if not found:
            problems.append(
                f"The check plugin {origin} names neither a module of checks nor a check."
            )
        checks += [_with_origin(spec, origin) for spec in found]
    return LoadedChecks(tuple(checks), tuple(problems))


def _checks_in(loaded: object) -> Iterable[Check]:
    """The checks a module defines, or the check a decorated function is (imported before)."""
    if isinstance(loaded, ModuleType):
        for value in vars(loaded).values():
            spec = getattr(value, CHECK_ATTRIBUTE, None)
            if isinstance(spec, Check):
                yield spec
        return
    spec = getattr(loaded, CHECK_ATTRIBUTE, None)
    if isinstance(spec, Check):
        yield spec


def _with_origin(spec: Check, origin: str) -> Check:
    return Check(spec.id, spec.title, spec.doc, spec.function, origin=origin)


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"
