"""The organisation a review letter comes from, read from ``organisation.yaml``.

Why a settings file and not code: the name on the letterhead, the team that
signs, the regulator a requester may complain to and the words a team uses for
an outcome differ between authorities, and the people who change them are not
programmers.  The file lives in the team's templates folder
(:func:`workbench.settings.templates_dir`, read as a whole by :mod:`workbench.team`);
when that folder has none, the package's own example
(``workbench/templates/organisation.yaml``) is used so a fresh installation still
produces a complete letter.

Every value is validated on load; a wrong or missing key is a
:class:`~workbench.errors.SettingsError` naming the file and the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import SettingsError

ORGANISATION_FILE = "organisation.yaml"
RegimeKey = Literal["FOIA", "EIR", "FOISA", "EISR"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Regulator(_Strict):
    """Who a requester complains to after the review, and how (FOIA s.50, FOISA s.47)."""

    name: str
    short_name: str
    address: list[str] = Field(min_length=1)
    website: str
    #: The provision that gives the right, as the letter cites it.
    statute: str
    #: A time limit the letter must state (FOISA s.47(4): six months), or None.
    time_limit: str | None = None
    phone: str | None = None

    @field_validator("website")
    @classmethod
    def _web_address(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError(f"must be a web address starting https://, not {value!r}")
        return value


class Signature(_Strict):
    """How the letter is signed off, under the reviewer's name and role."""

    sign_off: str = "Yours sincerely"
    lines: list[str] = Field(default_factory=list)


class Organisation(_Strict):
    """The authority's letterhead, signature and the regulators of each regime."""

    name: str
    team: str
    address: list[str] = Field(min_length=1)
    contact_email: str
    website: str | None = None
    signature: Signature = Signature()
    regulators: dict[RegimeKey, Regulator]
    #: Which scheme's words the letter uses for the outcome (``workbench/data/outcome_schemes.yaml``
    #: or the team's own ``outcome_schemes.yaml``); the stored outcome itself is always neutral.
    outcome_scheme: str = "cabinet_office"
    #: Ids of automated checks the team does not want run (``docs/checks.md`` lists them);
    #: an id no check has is reported with the checks' findings, never silently ignored.
    disabled_checks: list[str] = Field(default_factory=list)

    @field_validator("contact_email")
    @classmethod
    def _email(cls, value: str) -> str:
        if "@" not in value or any(c.isspace() for c in value):
            raise ValueError(f"must be an email address, not {value!r}")
        return value

    @field_validator("regulators")
    @classmethod
    def _every_regime(cls, value: dict[str, Regulator]) -> dict[str, Regulator]:
        missing = [r for r in ("FOIA", "EIR", "FOISA") if r not in value]
        if missing:
            raise ValueError(f"needs an entry for {', '.join(missing)}")
        return value

    def regulator_for(self, regime: str | None) -> Regulator:
        """The regulator for a regime; a mixed or unknown regime goes to the FOIA regulator.

        A "mixed" case is FOIA and EIR together, and both complain to the ICO. An EISR case
        goes to the Scottish Information Commissioner (EISR reg 17 applies FOISA's appeal
        provisions): the EISR entry if the file has one, else the FOISA regulator.
        """
        if regime == "EISR":
            return self.regulators.get("EISR") or self.regulators["FOISA"]
        key = regime if regime in ("FOIA", "EIR", "FOISA") else "FOIA"
        return self.regulators[key]


def load_organisation(templates_dir: Path | None = None) -> Organisation:
    """Read and validate the team's ``organisation.yaml`` (or the package's example).

    :param templates_dir: the team's templates folder; default
        :func:`workbench.settings.templates_dir`.
    :raises SettingsError: the file is not YAML, or a key is missing or wrong.
    """
    from .team import load_team

    return load_team(templates_dir).organisation


def read_organisation(folder: Path) -> tuple[Organisation, Path]:
    """The organisation file in *folder* (else the package's example) and where it came from.

    Only the file itself is checked here; :func:`check_scheme` checks its outcome
    scheme against the schemes of the same folder (see :class:`workbench.team.Team`).
    """
    path = folder / ORGANISATION_FILE
    if path.is_file():
        return parse_organisation(_read(path), source=str(path)), path
    default = resources.files("workbench") / "templates" / ORGANISATION_FILE
    text = default.read_text(encoding="utf-8")
    return parse_organisation(text, source=str(default)), Path(str(default))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"Cannot read {path}: {exc}", path=path) from exc


def parse_organisation(text: str, *, source: str = ORGANISATION_FILE) -> Organisation:
    """Validate the text of an organisation file; errors name ``source`` and the key."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SettingsError(f"{source} is not valid YAML: {exc}", path=source) from exc
    if not isinstance(raw, dict):
        raise SettingsError(
            f"{source} must be a mapping of settings (name:, team:, address:, ...)", path=source
        )
    try:
        organisation = Organisation.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(part) for part in error["loc"]) or "(top level)"
        raise SettingsError(f"{source}: {key}: {_plain(error)}", path=source, field=key) from exc
    return organisation


def _plain(error: dict) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown setting (check its spelling)"
    return error["msg"].removeprefix("Value error, ")


def check_scheme(organisation: Organisation, schemes: Mapping[str, object], source: Path) -> None:
    """The outcome scheme must be one the packaged or the team's schemes file defines."""
    if organisation.outcome_scheme not in schemes:
        raise SettingsError(
            f"{source}: outcome_scheme: unknown scheme {organisation.outcome_scheme!r}; "
            f"known schemes: {', '.join(sorted(schemes))}",
            path=source,
            field="outcome_scheme",
        )
