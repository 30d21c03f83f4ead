"""The team's folder, read as one object: what a team changes without editing the package.

Why one object: the same folder holds several files that depend on each other
(``organisation.yaml`` names an outcome scheme that ``outcome_schemes.yaml`` may
define), and when each caller looked files up on its own they disagreed: a
letter rendered for one folder took its outcome words from another.  A
:class:`Team` is one folder; everything in it is read from that folder only,
once, and read again only when a file in it changes.

A team folder (``WORKBENCH_TEMPLATES``, default ``review_templates/``)::

    organisation.yaml      letterhead, regulators, outcome_scheme, disabled_checks
    outcome_schemes.yaml   optional: the team's words for the outcomes
    provisions.yaml        optional: additions to the catalogue (docs/catalogue.md)
    checks/*.py            optional: the team's own automated checks (docs/checks.md)
    letter.*.j2, partials/ the letter templates (read by workbench.export.templating)

Each part is read when first asked for, so a command that needs only the
organisation never imports the checks.

Usage::

    team = load_team()                      # the folder the settings name
    team.organisation.outcome_scheme        # "cabinet_office"
    team.catalogue.questions_for("s.40(2)") # the packaged questions and the team's
    [check.id for check in team.checks.checks]
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from . import settings

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .checks.plugins import LoadedChecks
    from .organisation import Organisation
    from .outcomes import OutcomeScheme

#: The team's checks live in this sub-folder, one or more per ``.py`` module.
CHECKS_FOLDER = "checks"


class Team:
    """One team folder; each part is read from it once, on first use."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __repr__(self) -> str:
        return f"Team({str(self.folder)!r})"

    @cached_property
    def outcome_schemes(self) -> dict[str, OutcomeScheme]:
        """The packaged outcome schemes, with this folder's ``outcome_schemes.yaml`` over them."""
        from .outcomes import SCHEMES_FILE, schemes_with

        team_file = self.folder / SCHEMES_FILE
        return schemes_with(team_file if team_file.is_file() else None)

    @cached_property
    def organisation(self) -> Organisation:
        """This folder's ``organisation.yaml`` (else the package's example), checked against
        this folder's outcome schemes.

        :raises SettingsError: naming the file and the key that is wrong.
        """
        from .organisation import check_scheme, read_organisation

        organisation, source = read_organisation(self.folder)
        check_scheme(organisation, self.outcome_schemes, source)
        return organisation

    @cached_property
    def catalogue(self) -> Catalogue:
        """The packaged catalogue with this folder's ``provisions.yaml`` merged over it.

        :raises CatalogueError: naming the overlay file, the provision and the key.
        """
        from .catalogue_overlay import team_catalogue

        return team_catalogue(self.folder)

    @cached_property
    def checks(self) -> LoadedChecks:
        """The checks defined in this folder's ``checks/*.py``, and any that failed to load."""
        from .checks.plugins import folder_checks

        return folder_checks(self.folder / CHECKS_FOLDER)

    @property
    def disabled_checks(self) -> tuple[str, ...]:
        """Ids of the checks ``organisation.yaml`` switches off (``disabled_checks:``)."""
        return tuple(self.organisation.disabled_checks)


#: The default team held for the length of one task (see :func:`team_held`), if any.
_HELD: ContextVar[Team | None] = ContextVar("held_team", default=None)


def load_team(folder: str | Path | None = None) -> Team:
    """The team folder *folder* (default: the ``WORKBENCH_TEMPLATES`` setting), read once.

    The same :class:`Team` is returned until a file it reads changes, so callers
    may ask for it as often as they like. Inside :func:`team_held`, the team held.
    """
    held = _HELD.get() if folder is None else None
    if held is not None:
        return held
    path = Path(folder) if folder is not None else settings.templates_dir()
    return _team(str(path), _stamp(path))


@contextmanager
def team_held() -> Iterator[Team]:
    """Use one :class:`Team` (the default folder's) for the length of the block.

    Reading one letter asks for the catalogue several times, and each ask would look at
    the team's files again to notice an edit; held, they are looked at once per letter.
    """
    token = _HELD.set(load_team())
    try:
        yield load_team()
    finally:
        _HELD.reset(token)


@functools.lru_cache(maxsize=8)
def _team(folder: str, _stamp: tuple) -> Team:
    # ``_stamp`` is only part of the key: a changed file makes a new Team.
    return Team(Path(folder))


def _stamp(folder: Path) -> tuple:
    """Size and modification time of every file a Team reads, to notice an edit."""
    from .catalogue_overlay import OVERLAY_FILE
    from .organisation import ORGANISATION_FILE
    from .outcomes import SCHEMES_FILE

    names = [ORGANISATION_FILE, SCHEMES_FILE, OVERLAY_FILE]
    checks = folder / CHECKS_FOLDER
    if checks.is_dir():
        names += sorted(f"{CHECKS_FOLDER}/{p.name}" for p in checks.glob("*.py"))
    # Plain strings, not Paths: this runs for every letter read, and pathlib's parsing of
    # each name cost more than the stat calls themselves.
    base = str(folder)
    return tuple((name, *_file_stamp(os.path.join(base, name))) for name in names)


def _file_stamp(path: str) -> tuple[int, int]:
    try:
        stat = os.stat(path)
    except OSError:
        return (0, -1)
    return (stat.st_mtime_ns, stat.st_size)
