"""The provisions catalogue: every refusal ground and the reviewer's questions for it.

The catalogue is data (``workbench/data/provisions.yaml``) so an information-rights
team can read and correct it without touching code. This module loads that file,
checks it hard (a typo in a reviewer's question must fail loudly at load, not show
a half-empty dashboard later), and answers the questions the rest of the workbench
asks: is this id known, what is its parent, which questions apply given the answers
so far.

Ids look like ``s.40(2)``, ``s.31(1)(a)``, ``reg.12(5)(b)``, ``reg.13``,
``foisa.s.38(1)(b)`` and ``eisr.reg.10(5)(f)``. A sub-provision's ancestors are found by
dropping bracketed parts from the right, so ``s.31(1)(a)`` -> ``s.31(1)`` -> ``s.31``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from .errors import CatalogueError, CitationError

Regime = Literal["FOIA", "EIR", "FOISA", "EISR"]
Kind = Literal["exemption", "exception", "procedural"]
TestType = Literal[
    "class",
    "prejudice",
    "harm",
    "lawfulness",
    "qualified_person",
    "conditions",
    "procedural",
    "endanger",
    "required",
]

REGIMES: tuple[str, ...] = ("FOIA", "EIR", "FOISA", "EISR")
DEFAULT_ANSWERS: tuple[str, ...] = ("yes", "no", "unsure")

#: A normalised provision id: optional ``foisa.``, ``s.`` or ``reg.``, a number with
#: optional capital suffix (22A), then bracketed parts ((2), (3A), (a), (ii)).
ID_PATTERN = re.compile(
    r"^(?P<root>(?:foisa\.s|eisr\.reg|s|reg)\.\d{1,3}[A-Z]{0,2})(?P<parts>(?:\([0-9A-Za-z]{1,5}\))*)$"
)
_PART = re.compile(r"\([0-9A-Za-z]{1,5}\)")

#: Fields a sub-provision may leave out and take from its nearest listed ancestor.
INHERITED_FIELDS: tuple[str, ...] = (
    "regime",
    "kind",
    "absolute",
    "test",
    "public_interest_test",
    "ncnd_provision",
    "source",
    "absolute_for_holders",
)

_TEMPLATES_KEY = "templates"


# --------------------------------------------------------------------------- ids


def regime_of_id(provision_id: str) -> str:
    """The regime an id's prefix names, so the YAML cannot claim s.40(2) is EIR."""
    if provision_id.startswith("foisa."):
        return "FOISA"
    if provision_id.startswith("eisr."):
        return "EISR"
    if provision_id.startswith("reg."):
        return "EIR"
    return "FOIA"


def is_valid_id(provision_id: str) -> bool:
    """True when *provision_id* is in the normalised form the catalogue uses."""
    return ID_PATTERN.match(provision_id) is not None


def root_of(provision_id: str) -> str:
    """The id without bracketed parts (``s.40(2)`` -> ``s.40``)."""
    match = ID_PATTERN.match(provision_id)
    return match.group("root") if match else provision_id


def ancestor_ids(provision_id: str) -> list[str]:
    """Ids above *provision_id*, nearest first; structural only, catalogue not consulted."""
    match = ID_PATTERN.match(provision_id)
    if match is None:
        return []
    parts = _PART.findall(match.group("parts"))
    root = match.group("root")
    return [root + "".join(parts[:n]) for n in range(len(parts) - 1, -1, -1)]


# --------------------------------------------------------------------------- models


def _yaml_bool_to_answer(value: Any) -> Any:
    """YAML 1.1 reads unquoted yes/no as booleans; turn them back into answer ids."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return value


class Condition(BaseModel):
    """``applies_if``: show a question only when an earlier answer is one of these."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    question: str
    answer: tuple[str, ...]

    @field_validator("answer", mode="before")
    @classmethod
    def _answers_as_tuple(cls, value: Any) -> Any:
        """Accept a single answer or a list, so the YAML stays short for the usual case."""
        if isinstance(value, (list, tuple)):
            return tuple(_yaml_bool_to_answer(v) for v in value)
        return (_yaml_bool_to_answer(value),)

    def holds(self, answers: Mapping[str, str]) -> bool:
        """True when the recorded answer to ``question`` is one of ``answer``."""
        given = answers.get(self.question)
        return given is not None and str(given).strip().lower() in self.answer


class Question(BaseModel):
    """One reviewer question, with guidance and the source the guidance came from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    text: str = Field(min_length=1)
    help: str = Field(min_length=1)
    source: str | None = None
    answers: tuple[str, ...] = DEFAULT_ANSWERS
    applies_if: Condition | None = None
    confirmed: bool = True

    @field_validator("answers", mode="before")
    @classmethod
    def _answers_from_yaml(cls, value: Any) -> Any:
        """Undo YAML's yes/no-to-bool so ``answers: [yes, no]`` means what it says."""
        if isinstance(value, (list, tuple)):
            return tuple(_yaml_bool_to_answer(v) for v in value)
        return value

    @field_validator("answers")
    @classmethod
    def _answer_ids(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        """Answers are ids the dashboard stores, so keep them simple and unique."""
        if not value:
            raise ValueError("answers must list at least one answer")
        for answer in value:
            if not re.fullmatch(r"[a-z0-9_]+", answer):
                raise ValueError(f"answer {answer!r} must be lower_case letters, digits or _")
        if len(set(value)) != len(value):
            raise ValueError("answers must not repeat")
        return value


class Provision(BaseModel):
    """One exemption, exception or refusal ground, as the team's data file describes it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    regime: Regime
    title: str = Field(min_length=1)
    kind: Kind
    absolute: bool | None
    test: TestType | None
    public_interest_test: bool
    ncnd_provision: str | None = None
    condition_provisions: tuple[str, ...] = ()
    source: str | None = None
    confirmed: bool = True
    notes: str | None = None
    aliases: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()
    #: Absolute only for requests received on or after this date; qualified before it
    #: (s.37(1)(a)-(ab): absolute since 19 January 2011).
    absolute_from: dt.date | None = None
    #: Absolute only so far as it relates to these limbs, cited with it (s.37(2) with
    #: s.37(1)(a)-(ab)); qualified otherwise.
    absolute_with: tuple[str, ...] = ()
    #: Conditions that make an otherwise absolute provision qualified when the letter relies
    #: on them (s.40(2) under the second or third condition, s.40(3B) and s.40(4A)).
    qualified_with: tuple[str, ...] = ()
    #: Holders for whom a qualified provision is absolute (s.36: the Houses of Parliament).
    absolute_for_holders: tuple[str, ...] = ()

    @field_validator("id")
    @classmethod
    def _normalised_id(cls, value: str) -> str:
        """Reject ids the citation parser could never produce, e.g. ``s 40(2)``."""
        if not is_valid_id(value):
            raise ValueError(f"id {value!r} is not a normalised id like s.40(2) or reg.12(5)(b)")
        return value


class LawText(BaseModel):
    """Which text of a regime's law the catalogue follows, and from when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1)
    url: str = Field(min_length=1)
    #: The catalogue follows the text in force on this date (amendments since are not in it).
    as_at: dt.date
    notes: str | None = None


class Catalogue(BaseModel):
    """The whole catalogue: sources, provisions in file order, and lookups over them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    #: regime -> the text of its law the entries follow (FOIA, EIR, FOISA ...).
    law: dict[str, LawText] = Field(default_factory=dict)
    sources: dict[str, str] = Field(default_factory=dict)
    provisions: tuple[Provision, ...]

    _index: dict[str, Provision] = PrivateAttr(default_factory=dict)
    _aliases: dict[str, str] = PrivateAttr(default_factory=dict)
    _origin: str = PrivateAttr(default="<memory>")

    def model_post_init(self, __context: Any) -> None:
        """Index by id and alias once, since every lookup needs it."""
        self._index = {p.id: p for p in self.provisions}
        self._aliases = {a.casefold(): p.id for p in self.provisions for a in p.aliases}

    # -- lookups ------------------------------------------------------------

    def __contains__(self, provision_id: object) -> bool:
        """Exact membership: ``"s.40(2)" in catalogue``."""
        return isinstance(provision_id, str) and provision_id in self._index

    def __len__(self) -> int:
        return len(self.provisions)

    @property
    def ids(self) -> list[str]:
        """All ids in file order."""
        return list(self._index)

    def get(self, provision_id: str) -> Provision:
        """The provision, or a CitationError that suggests the id the caller likely meant."""
        try:
            return self._index[provision_id]
        except KeyError:
            raise CitationError(
                f"unknown provision {provision_id!r} in {self._origin}{self._hint(provision_id)}",
                path=self._origin,
                field=provision_id,
            ) from None

    def by_regime(self, regime: str) -> list[Provision]:
        """Provisions of one regime in file order, for pickers that filter by regime."""
        wanted = regime.upper()
        if wanted not in REGIMES:
            raise CitationError(f"unknown regime {regime!r}; expected one of {', '.join(REGIMES)}")
        return [p for p in self.provisions if p.regime == wanted]

    def by_alias(self, name: str) -> Provision | None:
        """The provision a letter's plain name refers to (``"LPP"`` -> s.42), if any."""
        found = self._aliases.get(name.strip().casefold())
        return self._index[found] if found else None

    def source_url(self, key: str | None) -> str | None:
        """The URL behind a question's source key."""
        return self.sources.get(key) if key else None

    # -- hierarchy -----------------------------------------------------------

    def parent_of(self, provision_id: str) -> str | None:
        """Nearest listed ancestor of any id, listed or not: ``s.31(1)(a)`` -> ``s.31``."""
        for candidate in ancestor_ids(provision_id):
            if candidate in self._index:
                return candidate
        return None

    def knows(self, provision_id: str) -> bool:
        """True when the id is listed or has a listed ancestor (``s.40(3A)(a)`` via s.40)."""
        return provision_id in self._index or self.parent_of(provision_id) is not None

    def resolve(self, provision_id: str) -> Provision:
        """The listed provision itself or its nearest listed ancestor."""
        if provision_id in self._index:
            return self._index[provision_id]
        parent = self.parent_of(provision_id)
        if parent is None:
            return self.get(provision_id)  # raises with a hint
        return self._index[parent]

    def questions_for(self, provision_id: str) -> tuple[Question, ...]:
        """Own questions, else those of the nearest ancestor that has some."""
        provision = self.resolve(provision_id)
        if provision.questions:
            return provision.questions
        for candidate in ancestor_ids(provision.id):
            found = self._index.get(candidate)
            if found is not None and found.questions:
                return found.questions
        raise CitationError(f"no questions for {provision_id!r} in {self._origin}")

    def law_for(self, provision_id: str) -> LawText | None:
        """The text of the law (and its date) the entry for ``provision_id`` follows."""
        return self.law.get(regime_of_id(provision_id))

    def public_interest_test(
        self,
        provision_id: str,
        *,
        cited: Iterable[str] = (),
        received: dt.date | None = None,
        holder: str | None = None,
    ) -> bool | None:
        """Whether withholding under ``provision_id`` needs a public interest test.

        Decided per limb, from the catalogue: a qualified provision needs one unless the
        holder makes it absolute (s.36 for the Houses); an absolute one does not, unless
        the request predates its absolute status (``absolute_from``), it is absolute only
        with limbs the letter does not cite (``absolute_with``), or the letter relies on a
        condition that is qualified (``qualified_with``).  None when the catalogue cannot
        say (an umbrella id such as ``s.37`` whose limbs differ).

        :param cited: every provision the letter cites, for the limb-dependent rules.
        :param received: the date the request was received (the law of that date applies).
        :param holder: the authority holding the information, when known.
        """
        provision = self.resolve(provision_id)
        others = [c for c in cited if c != provision_id]
        if provision.absolute is None:
            return None if provision.public_interest_test else False
        if not provision.absolute:
            if holder and any(
                h.casefold() in holder.casefold() for h in provision.absolute_for_holders
            ):
                return False
            return provision.public_interest_test
        if provision.absolute_from is not None and received is not None:
            if received < provision.absolute_from:
                return True
        if provision.absolute_with and not any(
            _within(c, limb) for c in others for limb in provision.absolute_with
        ):
            return True
        if any(_within(c, cond) for c in others for cond in provision.qualified_with):
            return True
        return False

    def applicable_questions(self, provision_id: str, answers: Mapping[str, str]) -> list[Question]:
        """Questions still to show given *answers*; pure, so it never changes *answers*.

        A question whose condition points at a question that is itself hidden is
        hidden too, so a stale answer further up a chain cannot keep it showing.
        """
        shown: list[Question] = []
        shown_ids: set[str] = set()
        for question in self.questions_for(provision_id):
            condition = question.applies_if
            if condition is None or (condition.question in shown_ids and condition.holds(answers)):
                shown.append(question)
                shown_ids.add(question.id)
        return shown

    # -- helpers ---------------------------------------------------------------

    def _hint(self, provision_id: str) -> str:
        """A "did you mean" suffix, matching loosely written ids (``s40(2)``) first."""
        compact = _compact(provision_id)
        exact = [i for i in self._index if _compact(i) == compact]
        close = exact or difflib.get_close_matches(provision_id, list(self._index), n=3, cutoff=0.6)
        return f"; did you mean {', '.join(close)}?" if close else ""


def _within(cited: str, limb: str) -> bool:
    """``s.40(3B)(a)`` is within ``s.40(3B)``; an id is within itself."""
    return cited == limb or cited.startswith(limb + "(")


def _compact(text: str) -> str:
    """Lower-case, no spaces or dots, long words shortened: for forgiving comparisons."""
    text = text.casefold()
    text = re.sub(r"sections?", "s", text)
    text = re.sub(r"regulations?|regs?", "reg", text)
    return re.sub(r"[\s.]", "", text)


# --------------------------------------------------------------------------- loading


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Load and check a catalogue file.

    With no *path*, the catalogue in force: the packaged one with the team's overlay
    (``<templates folder>/provisions.yaml``, see :mod:`workbench.catalogue_overlay`)
    applied when there is one; both are read once and cached.
    """
    if path is None:
        from .team import load_team

        return load_team().catalogue
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogueError(f"{path}: cannot read catalogue: {exc}", path=path) from exc
    return parse_catalogue(text, origin=str(path))


def packaged_catalogue() -> Catalogue:
    """The catalogue shipped in ``workbench/data/provisions.yaml``, without any team overlay."""
    return _default_catalogue()


@functools.lru_cache(maxsize=1)
def _default_catalogue() -> Catalogue:
    """The packaged catalogue, read once: every request in the dashboard needs it."""
    resource = resources.files("workbench").joinpath("data", "provisions.yaml")
    return parse_catalogue(resource.read_text(encoding="utf-8"), origin=str(resource))


def parse_catalogue(text: str, origin: str = "<string>") -> Catalogue:
    """Build a Catalogue from YAML text; *origin* names the file in every error."""
    return catalogue_from_data(_read_yaml(text, origin), origin)


def catalogue_from_data(raw: dict[str, Any], origin: str) -> Catalogue:
    """Build a Catalogue from YAML already read (a mapping); *origin* names it in errors."""
    raw = dict(raw)
    templates = raw.pop(_TEMPLATES_KEY, None) or {}
    if not isinstance(templates, dict):
        raise CatalogueError(
            f"{origin}: templates: must be a mapping of name -> questions",
            path=origin,
            field="templates",
        )
    entries = raw.get("provisions")
    if not isinstance(entries, list):
        raise CatalogueError(
            f"{origin}: provisions: must be a list", path=origin, field="provisions"
        )
    raw["provisions"] = _prepare_entries(entries, templates, origin)
    try:
        catalogue = Catalogue.model_validate(raw)
    except ValidationError as exc:
        raise _validation_error(exc, raw, origin) from None
    catalogue._origin = origin
    _check(catalogue, origin)
    return catalogue


def _read_yaml(text: str, origin: str) -> dict[str, Any]:
    """Parse YAML, turning syntax errors into CatalogueError with the line."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{origin}: not valid YAML: {exc}", path=origin) from exc
    if not isinstance(data, dict):
        raise CatalogueError(
            f"{origin}: top level must be a mapping with 'provisions'", path=origin
        )
    return data


def _entry_label(entries: list[Any], index: int) -> str:
    """``provisions[12] (s.40(2))`` so errors point at the entry a person can find."""
    entry = entries[index] if 0 <= index < len(entries) else None
    ident = entry.get("id") if isinstance(entry, dict) else None
    return f"provisions[{index}] ({ident})" if ident else f"provisions[{index}]"


def _prepare_entries(entries: list[Any], templates: dict[str, Any], origin: str) -> list[Any]:
    """Expand template includes, then fill omitted fields from ancestors."""
    prepared: list[Any] = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise CatalogueError(
                f"{origin}: provisions[{index}]: must be a mapping",
                path=origin,
                field=f"provisions[{index}]",
            )
        entry = dict(entry)
        if "questions" in entry:
            where = f"{_entry_label(entries, index)}.questions"
            entry["questions"] = _expand(entry["questions"], templates, origin, where, ())
        prepared.append(entry)
    return _inherit(prepared, origin)


def _expand(
    items: Any, templates: dict[str, Any], origin: str, where: str, seen: tuple[str, ...]
) -> list[Any]:
    """Replace ``{include: NAME}`` items by the template's questions, recursively."""
    if not isinstance(items, list):
        raise CatalogueError(f"{origin}: {where}: must be a list", path=origin, field=where)
    out: list[Any] = []
    for item in items:
        if not (isinstance(item, dict) and "include" in item):
            out.append(item)
            continue
        out.extend(_include(item, templates, origin, where, seen))
    return out


def _include(
    item: dict[str, Any], templates: dict[str, Any], origin: str, where: str, seen: tuple[str, ...]
) -> list[Any]:
    """One include: check it, expand it, and hand its applies_if to the questions."""
    name = item["include"]
    extra = set(item) - {"include", "applies_if"}
    if extra:
        raise CatalogueError(
            f"{origin}: {where}: include {name!r} has unknown key(s) {sorted(extra)}",
            path=origin,
            field=where,
        )
    if name not in templates:
        raise CatalogueError(
            f"{origin}: {where}: include refers to unknown template {name!r}",
            path=origin,
            field=where,
        )
    if name in seen:
        raise CatalogueError(
            f"{origin}: templates.{name}: includes itself", path=origin, field=f"templates.{name}"
        )
    expanded = _expand(templates[name], templates, origin, f"templates.{name}", seen + (name,))
    condition = item.get("applies_if")
    if condition is None:
        return expanded
    return [
        q if not isinstance(q, dict) or "applies_if" in q else {**q, "applies_if": condition}
        for q in expanded
    ]


def _inherit(entries: list[dict[str, Any]], origin: str) -> list[dict[str, Any]]:
    """Fill omitted inheritable fields from the nearest listed ancestor."""
    by_id = {e.get("id"): e for e in entries if isinstance(e.get("id"), str)}
    filled: dict[str, dict[str, Any]] = {}

    def resolved(entry: dict[str, Any]) -> dict[str, Any]:
        ident = entry.get("id")
        if not isinstance(ident, str):
            return entry
        if ident in filled:
            return filled[ident]
        parent = next((by_id[a] for a in ancestor_ids(ident) if a in by_id), None)
        result = dict(entry)
        if parent is not None:
            base = resolved(parent)
            for key in INHERITED_FIELDS:
                if key not in result and key in base:
                    result[key] = base[key]
            if result.get("ncnd_provision") == ident:
                result["ncnd_provision"] = None  # an NCND limb is not its own NCND limb
        result.setdefault("regime", regime_of_id(ident))
        filled[ident] = result
        return result

    return [resolved(e) for e in entries]


def _validation_error(exc: ValidationError, raw: dict[str, Any], origin: str) -> CatalogueError:
    """Turn pydantic's error into one naming the file, the entry and the key."""
    entries = raw.get("provisions") or []
    lines = []
    for err in exc.errors()[:5]:
        loc = list(err["loc"])
        if len(loc) >= 2 and loc[0] == "provisions" and isinstance(loc[1], int):
            head = _entry_label(entries, loc[1])
            loc = loc[2:]
        else:
            head = ""
        key = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")
        where = ".".join(part for part in (head, key) if part)
        lines.append(f"{where}: {err['msg']}")
    first_key = lines[0].split(":")[0] if lines else None
    return CatalogueError(f"{origin}: " + "; ".join(lines), path=origin, field=first_key)


# --------------------------------------------------------------------------- checks


def _check(catalogue: Catalogue, origin: str) -> None:
    """Cross-entry rules pydantic cannot see: duplicates, references, regimes."""
    _check_unique_ids(catalogue, origin)
    unknown_law = sorted(set(catalogue.law) - set(REGIMES))
    if unknown_law:
        raise _fail(
            origin, "law", f"unknown regime(s) {unknown_law}; expected {', '.join(REGIMES)}"
        )
    for index, provision in enumerate(catalogue.provisions):
        where = f"provisions[{index}] ({provision.id})"
        _check_regime(provision, origin, where)
        _check_references(catalogue, provision, origin, where)
        _check_questions(catalogue, provision, origin, where)
    _check_aliases(catalogue, origin)


def _fail(origin: str, where: str, message: str) -> CatalogueError:
    return CatalogueError(f"{origin}: {where}: {message}", path=origin, field=where)


def _check_unique_ids(catalogue: Catalogue, origin: str) -> None:
    seen: dict[str, int] = {}
    for index, provision in enumerate(catalogue.provisions):
        if provision.id in seen:
            raise _fail(
                origin,
                f"provisions[{index}].id",
                f"duplicate id {provision.id!r} (first at provisions[{seen[provision.id]}])",
            )
        seen[provision.id] = index


def _check_regime(provision: Provision, origin: str, where: str) -> None:
    expected = regime_of_id(provision.id)
    if provision.regime != expected:
        raise _fail(
            origin,
            f"{where}.regime",
            f"{provision.regime} does not match the id prefix (expected {expected})",
        )


def _check_references(catalogue: Catalogue, provision: Provision, origin: str, where: str) -> None:
    """ncnd ids must be listed; condition ids must at least have a listed ancestor."""
    ncnd = provision.ncnd_provision
    if ncnd is not None and (ncnd not in catalogue or ncnd == provision.id):
        raise _fail(
            origin, f"{where}.ncnd_provision", f"{ncnd!r} is not a provision in the catalogue"
        )
    for key in ("condition_provisions", "absolute_with", "qualified_with"):
        for condition in getattr(provision, key):
            if not is_valid_id(condition) or not catalogue.knows(condition):
                raise _fail(
                    origin, f"{where}.{key}", f"{condition!r} is not known to the catalogue"
                )
    if not provision.questions and catalogue.parent_of(provision.id) is None:
        raise _fail(
            origin, f"{where}.questions", "no questions and no listed ancestor to take them from"
        )


def _check_questions(catalogue: Catalogue, provision: Provision, origin: str, where: str) -> None:
    """Unique question ids; applies_if points back at an earlier question and a real answer."""
    earlier: dict[str, Question] = {}
    for q_index, question in enumerate(provision.questions):
        q_where = f"{where}.questions[{q_index}] ({question.id})"
        if question.id in earlier:
            raise _fail(origin, f"{q_where}.id", f"duplicate question id {question.id!r}")
        if question.source is not None and question.source not in catalogue.sources:
            raise _fail(origin, f"{q_where}.source", f"unknown source key {question.source!r}")
        _check_condition(question, earlier, origin, q_where)
        earlier[question.id] = question


def _check_condition(
    question: Question, earlier: dict[str, Question], origin: str, where: str
) -> None:
    condition = question.applies_if
    if condition is None:
        return
    target = earlier.get(condition.question)
    if target is None:
        raise _fail(
            origin,
            f"{where}.applies_if.question",
            f"{condition.question!r} is not an earlier question of this provision",
        )
    unknown = [a for a in condition.answer if a not in target.answers]
    if unknown:
        raise _fail(
            origin,
            f"{where}.applies_if.answer",
            f"{unknown} not among {condition.question!r}'s answers {list(target.answers)}",
        )


def _check_aliases(catalogue: Catalogue, origin: str) -> None:
    seen: dict[str, str] = {}
    for index, provision in enumerate(catalogue.provisions):
        for alias in provision.aliases:
            key = alias.casefold()
            if key in seen and seen[key] != provision.id:
                raise _fail(
                    origin,
                    f"provisions[{index}] ({provision.id}).aliases",
                    f"alias {alias!r} is already used by {seen[key]}",
                )
            seen[key] = provision.id
