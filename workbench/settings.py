"""Where the workbench keeps things, resolved when asked (never at import).

Settings come from environment variables so that tests, benchmarks and a team's
own installation can each point the workbench elsewhere without editing code.
"""

from __future__ import annotations

import getpass
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import SettingsError


@dataclass(frozen=True)
class Setting:
    """One setting: its environment variable, default and meaning.

    The README's settings table is written from these (``workbench.cli.reference``), so
    ``help`` is what a user reads there: say what the setting does, not how it is coded.
    """

    name: str
    env: str
    default: str
    help: str
    #: How the default reads in the README when the raw value would say nothing ("").
    shown_default: str = ""


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "data_dir",
        "WORKBENCH_DATA",
        "data",
        "The folder of `cases/` (made with a copy of the seed case when it does not exist), "
        "the default store and exports; a relative path is from the working directory.",
        "`data/`",
    ),
    Setting(
        "db_url",
        "WORKBENCH_DB",
        "",
        "The review store: a SQLite file path or an SQLAlchemy URL.",
        "`<data>/workbench.db`",
    ),
    Setting(
        "output_dir",
        "WORKBENCH_OUTPUT",
        "",
        "Where the dashboard writes letters and spreadsheets.",
        "`<data>/exports`",
    ),
    Setting(
        "templates_dir",
        "WORKBENCH_TEMPLATES",
        "review_templates",
        "The team's folder: letter templates, organisation settings (`organisation.yaml`), "
        "outcome wording (`outcome_schemes.yaml`), catalogue overlay (`provisions.yaml`) and "
        "own checks (`checks/`); see `review_templates/README.md`. A relative path is from the "
        "working directory.",
        "`review_templates/`",
    ),
    Setting(
        "receipt_rule",
        "WORKBENCH_RECEIPT_RULE",
        "ico",
        "How to count a request received on a non-working day: `ico` (day 1 is the first "
        "working day after it) or `next_working_day` (the next working day counts as the day "
        "of receipt, so day 1 is the working day after that).",
    ),
    Setting(
        "max_upload_mb",
        "WORKBENCH_MAX_UPLOAD_MB",
        "20",
        "Largest document, in MB, the workbench will load or accept as an upload.",
    ),
    Setting(
        "allowed_hosts",
        "WORKBENCH_ALLOWED_HOSTS",
        "",
        "Extra host names, comma-separated, the dashboard answers to (say "
        "`reviews.example.org` behind a proxy or a DNS name); besides these only `localhost`, "
        "`127.0.0.1`, `[::1]` and the address listened on. Requests naming any other get 403.",
        "(none)",
    ),
    Setting(
        "user",
        "WORKBENCH_USER",
        "",
        "Who the audit trail names for a `workbench review` command run without `--who`.",
        "your login name",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """The value of a setting: its environment variable if set, else its default."""
    try:
        setting = _BY_NAME[name]
    except KeyError:
        known = ", ".join(sorted(_BY_NAME))
        raise SettingsError(f"Unknown setting {name!r}; known settings: {known}") from None
    return os.environ.get(setting.env, setting.default)


def _project_path(value: str) -> Path:
    """An absolute path: a relative one is from the working directory, as a user expects of
    a command, whether the workbench runs from a checkout or from an installed wheel."""
    path = Path(value).expanduser()
    return path if path.is_absolute() else Path.cwd() / path


def data_dir() -> Path:
    """The data folder (``WORKBENCH_DATA``, default ``data/`` in the working directory)."""
    return _project_path(get("data_dir"))


def cases_dir() -> Path:
    """The folder holding one sub-folder per case."""
    return data_dir() / "cases"


def db_url() -> str:
    """The store's SQLAlchemy URL; a bare path becomes a SQLite URL."""
    value = get("db_url")
    if not value:
        return f"sqlite:///{data_dir() / 'workbench.db'}"
    if "://" in value:
        return value
    return f"sqlite:///{_project_path(value)}"


def output_dir() -> Path:
    """Where the dashboard writes exports (the one folder Voila may serve files from)."""
    value = get("output_dir")
    return _project_path(value) if value else data_dir() / "exports"


def templates_dir() -> Path:
    """The team's editable letter templates and organisation settings."""
    return _project_path(get("templates_dir"))


def receipt_rule() -> str:
    """How a request received on a non-working day is counted ('ico' or 'next_working_day')."""
    value = get("receipt_rule")
    if value not in ("ico", "next_working_day"):
        raise SettingsError(
            f"WORKBENCH_RECEIPT_RULE must be 'ico' or 'next_working_day', not {value!r}",
            field="receipt_rule",
        )
    return value


def max_upload_bytes() -> int:
    """The size limit for a loaded or uploaded document, in bytes."""
    value = get("max_upload_mb")
    try:
        megabytes = float(value)
    except ValueError:
        raise SettingsError(
            f"WORKBENCH_MAX_UPLOAD_MB must be a number of megabytes, not {value!r}",
            field="max_upload_mb",
        ) from None
    if megabytes <= 0:
        raise SettingsError("WORKBENCH_MAX_UPLOAD_MB must be above 0", field="max_upload_mb")
    return int(megabytes * 1024 * 1024)


#: A host name or an IP address (IPv6 with or without brackets), nothing else.
_HOST = re.compile(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?|\[?[0-9a-f:.]+\]?", re.IGNORECASE)


def allowed_hosts() -> tuple[str, ...]:
    """The extra host names the dashboard answers to (``WORKBENCH_ALLOWED_HOSTS``)."""
    names = [n for n in re.split(r"[,\s]+", get("allowed_hosts")) if n]
    for name in names:
        if not _HOST.fullmatch(name):
            raise SettingsError(
                f"WORKBENCH_ALLOWED_HOSTS: {name!r} is not a host name or address "
                "(give names such as reviews.example.org, without scheme, port or path)",
                field="allowed_hosts",
            )
    return tuple(n.lower() for n in names)


def user() -> str:
    """Who is making a change from the command line: ``WORKBENCH_USER``, else the login name."""
    value = get("user").strip()
    if value:
        return value
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers)
        return "unknown"
