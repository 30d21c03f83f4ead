"""Provisions a requester names by their words rather than their number.

"It would not inhibit the free and frank exchange of views" disputes FOIA s.36(2)(b)(ii)
as plainly as "section 36(2)(b)(ii)" does. The phrases and what they name under each
regime are data (``workbench/data/described_provisions.yaml``), each the statute's own
wording, so a phrase is read only under a regime whose words it is, and never when the
regime is unknown: "commercial interests" is s.43(2) under FOIA and s.33(1)(b) under
FOISA, and names nothing under the EIR.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..catalogue import is_valid_id
from ..errors import SettingsError
from .categories import RegexText
from .references import REGIMES, Mention


class Description(BaseModel):
    """A phrase and the provision it names under each regime that uses those words."""

    model_config = ConfigDict(extra="forbid")

    pattern: RegexText
    provisions: dict[str, str]

    @field_validator("provisions")
    @classmethod
    def _known(cls, value: dict[str, str]) -> dict[str, str]:
        for regime, pid in value.items():
            if regime not in REGIMES:
                raise ValueError(f"unknown regime {regime!r}; expected one of {', '.join(REGIMES)}")
            if not is_valid_id(pid):
                raise ValueError(f"not a provision id: {pid!r}")
        return value

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.IGNORECASE)


class Descriptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    described: list[Description]


def _default_path() -> Any:
    return resources.files("workbench").joinpath("data/described_provisions.yaml")


@functools.lru_cache(maxsize=1)
def load_descriptions() -> Descriptions:
    """The packaged phrase list, checked when loaded so a bad entry fails loudly."""
    source = _default_path()
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
        return Descriptions.model_validate(raw)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        name = source.name
        raise SettingsError(f"the described provisions file {name} is invalid: {exc}") from exc


def described_mentions(text: str, regime: str | None) -> list[Mention]:
    """The provisions ``text`` names by description under ``regime``, in reading order."""
    if regime is None:
        return []
    found = []
    for entry in load_descriptions().described:
        pid = entry.provisions.get(regime)
        if pid is None:
            continue
        found += [Mention(pid, m.start(), m.end()) for m in entry.regex.finditer(text)]
    return sorted(found, key=lambda m: m.start)
