"""Who is using the workbench, and what they may do.

Why here and not in the dashboard: who may allocate, edit or sign off a review is a rule of
the team, and the same rule must hold whether the change comes from a page, a notebook or
the command line.  The dashboard only shows what these functions allow.

**Identity.**  Served by JupyterHub (README, "For a team"), each reviewer's dashboard runs
in a server the hub started for them, with ``JUPYTERHUB_USER`` set to the name they signed
in with; that name, and never a name typed into a box, is who the audit trail records.
Without a hub (``make serve``, one reviewer on their own machine) there is no sign-in and
the workbench behaves as it always has: anyone may do anything, and the audit records the
reviewer's name as given.

**Roles** come from the roles file, ``roles.yaml`` in the team folder
(``WORKBENCH_TEMPLATES``; or the file ``WORKBENCH_ROLES`` names), listing sign-in names::

    managers: [mia]          # allocate reviews, sign off, reopen a completed review
    reviewers: [ann, bob]    # edit the reviews allocated to them
    analysts: [ali]          # read only: the register and the notebooks
    second_signature: true   # nobody signs off a review allocated to themselves

A person may hold several roles.  Signed in with no roles file, everyone may do everything
(a small team that has not set roles up); signed in but not listed, a user may only read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from . import settings
from .errors import PermissionDenied, SettingsError

#: Set by JupyterHub in each user's server (and so in its kernels): the signed-in name.
HUB_USER_ENV = "JUPYTERHUB_USER"
#: Names the roles file, instead of ``<templates>/roles.yaml``.
ROLES_ENV = "WORKBENCH_ROLES"
ROLES_FILE = "roles.yaml"


class Role(StrEnum):
    REVIEWER = "reviewer"
    MANAGER = "manager"
    ANALYST = "analyst"


class Action(StrEnum):
    """What a rule is asked about; the value reads in a sentence ("may not {value}")."""

    EDIT = "edit this review"
    ALLOCATE = "allocate reviews"
    SIGN_OFF = "sign this review off"
    REOPEN = "start a new version of a completed review"


def signed_in_user() -> str | None:
    """The name the user signed in to JupyterHub with, or None without a hub."""
    name = os.environ.get(HUB_USER_ENV, "").strip()
    return name or None


@dataclass(frozen=True)
class Roster:
    """The roles file: who holds which role, and whether sign-off needs a second person."""

    managers: frozenset[str] = frozenset()
    reviewers: frozenset[str] = frozenset()
    analysts: frozenset[str] = frozenset()
    second_signature: bool = False
    #: False when there is no roles file (everyone signed in may do everything).
    configured: bool = False

    @property
    def members(self) -> frozenset[str]:
        return self.managers | self.reviewers | self.analysts

    def roles_of(self, user: str) -> set[Role]:
        held = set()
        if user in self.managers:
            held.add(Role.MANAGER)
        if user in self.reviewers:
            held.add(Role.REVIEWER)
        if user in self.analysts:
            held.add(Role.ANALYST)
        return held


def roster_file() -> Path:
    """Where the roles file is read from (it need not exist)."""
    chosen = os.environ.get(ROLES_ENV, "").strip()
    return Path(chosen).expanduser() if chosen else settings.templates_dir() / ROLES_FILE


def load_roster(path: Path | None = None) -> Roster:
    """The roles file, or an unconfigured :class:`Roster` when there is none.

    :raises SettingsError: a file that is not a roles file, naming what is wrong.
    """
    path = path or roster_file()
    if not path.is_file():
        return Roster()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SettingsError(f"Cannot read the roles file {path}: {exc}", path=path) from exc
    if not isinstance(data, dict):
        raise SettingsError(f"The roles file {path} must be a mapping of roles to names")
    known = {"managers", "reviewers", "analysts", "second_signature"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise SettingsError(
            f"The roles file {path} has unknown entries {', '.join(unknown)}; it may hold "
            + ", ".join(sorted(known)),
            path=path,
        )
    return Roster(
        managers=_names(data, "managers", path),
        reviewers=_names(data, "reviewers", path),
        analysts=_names(data, "analysts", path),
        second_signature=_flag(data, "second_signature", path),
        configured=True,
    )


def _names(data: dict[str, Any], key: str, path: Path) -> frozenset[str]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SettingsError(f"The roles file {path}: {key} must be a list of sign-in names")
    return frozenset(v.strip() for v in value)


def _flag(data: dict[str, Any], key: str, path: Path) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise SettingsError(f"The roles file {path}: {key} must be true or false")
    return value


@dataclass(frozen=True)
class Permissions:
    """What one user may do to one review (its allocation given), with the reason if not."""

    user: str | None
    roster: Roster

    @property
    def single_user(self) -> bool:
        """No sign-in: today's one-reviewer workbench, where every action is allowed."""
        return self.user is None

    @property
    def roles(self) -> set[Role]:
        if self.user is None:
            return set(Role)
        if not self.roster.configured:
            return {Role.REVIEWER, Role.MANAGER}
        return self.roster.roles_of(self.user)

    def refusal(self, action: Action, allocated_to: str = "") -> str | None:
        """Why ``action`` is not allowed on a review allocated to ``allocated_to``, or None."""
        if self.single_user or not self.roster.configured:
            return None
        roles = self.roles
        manager = Role.MANAGER in roles
        own = bool(allocated_to) and allocated_to == self.user
        if action is Action.ALLOCATE or action is Action.REOPEN:
            return None if manager else f"only a manager may {action.value}"
        if action is Action.EDIT:
            if own and Role.REVIEWER in roles:
                return None
            if manager:
                return None
            if not roles or roles == {Role.ANALYST}:
                return "analysts may read reviews but not change them"
            return (
                f"this review is allocated to {allocated_to}"
                if allocated_to
                else "this review is not allocated to anyone yet; a manager allocates it"
            )
        # signing off
        if own and self.roster.second_signature:
            return "the team requires a second signature: someone else must sign it off"
        if manager or (own and Role.REVIEWER in roles):
            return None
        return "only a manager or the reviewer it is allocated to may sign it off"

    def allows(self, action: Action, allocated_to: str = "") -> bool:
        return self.refusal(action, allocated_to) is None

    def check(self, action: Action, allocated_to: str = "", case_id: str | None = None) -> None:
        """:raises PermissionDenied: naming the user and why, when not allowed."""
        reason = self.refusal(action, allocated_to)
        if reason is not None:
            raise PermissionDenied(f"{self.user} may not {action.value}: {reason}", case_id=case_id)


def current(roster: Roster | None = None) -> Permissions:
    """The permissions of whoever is using this process (the signed-in user, or none)."""
    user = signed_in_user()
    if roster is None:
        roster = load_roster() if user else Roster()
    return Permissions(user, roster)
