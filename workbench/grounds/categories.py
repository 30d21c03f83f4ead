"""The 16 categories of a requester's ground and the cue phrases for each, loaded from data.

The cues live in ``workbench/data/ground_categories.yaml`` so an information-rights team
can add the phrases their requesters use without touching code. The file is checked
hard when it is loaded: a category missing or misspelt, or a pattern that is not a
valid regular expression, fails at once with the file named, instead of silently
reading fewer grounds.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import SettingsError

#: The categories of ``tests/review_requests/README.md``, in the order it lists them.
CATEGORIES: tuple[str, ...] = (
    "exemption_disputed",
    "public_interest",
    "cost_limit_disputed",
    "vexatious_disputed",
    "ncnd_disputed",
    "more_information_held",
    "searches_inadequate",
    "misinterpreted",
    "incomplete",
    "excessive_redaction",
    "delay",
    "no_response",
    "advice_and_assistance",
    "format_or_means",
    "fees",
    "other",
)


#: "can not" written as two words, as requesters often write it ("... can not be correct").
_CAN_NOT = re.compile(r"\b(can)\s+(not)\b", re.IGNORECASE)


#: Words that put the authority or the requester in a sentence (the law speaks of neither).
_PERSONAL = re.compile(r"\b(?:you|your|yours|yourselves|my|me|mine|we|our|us)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\bI\b")


def as_written_together(text: str) -> str:
    """The text with "can not" read as "cannot", so one spelling of the cues serves both.

    The length is kept ("cannot" and a space), so what the cues match lies where it was.
    """
    return _CAN_NOT.sub(lambda m: m.group(1) + m.group(2) + " " * (len(m.group(0)) - 6), text)


def _compiles(value: str) -> str:
    """A phrase a team wrote must compile, or the file is refused with the phrase named."""
    try:
        re.compile(value, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression ({exc}): {value!r}") from exc
    return value


#: A regular expression from a phrase file (case-insensitive), checked when the file is read.
RegexText = Annotated[str, AfterValidator(_compiles)]


class Cue(BaseModel):
    """One phrase (a regular expression, case-insensitive) and how much it counts."""

    model_config = ConfigDict(extra="forbid")

    pattern: RegexText
    weight: int = Field(ge=1, le=5)
    summary: str | None = None  # a closer summary than the category's, when this cue decides

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.IGNORECASE | re.MULTILINE)


class Category(BaseModel):
    """A category's words for the reviewer, the provisions that signal it, and its cues."""

    model_config = ConfigDict(extra="forbid")

    label: str
    summary: str
    summary_with_provisions: str | None = None  # names them in the sentence: "{provisions}"
    provisions: list[str] = []
    cues: list[Cue]

    @field_validator("summary_with_provisions")
    @classmethod
    def _names_provisions(cls, value: str | None) -> str | None:
        if value is not None and "{provisions}" not in value:
            raise ValueError("must contain {provisions}")
        return value


class CueBook(BaseModel):
    """The whole file: every category, the general objection words and the furniture."""

    model_config = ConfigDict(extra="forbid")

    threshold: int = Field(ge=1)
    strong: int = Field(ge=1)
    categories: dict[str, Category]
    objection: list[Cue]
    reported: list[Cue]
    rebuttals: list[str]
    denials: list[str]
    discontent: list[str]
    precedence: list[str]
    not_grounds: list[Cue]
    support_openers: list[str]
    new_point_markers: list[str]
    new_point_adverbs: list[str] = []
    law_statements: list[str] = []

    @field_validator("denials", "rebuttals", "discontent", "law_statements")
    @classmethod
    def _patterns_compile(cls, value: list[str]) -> list[str]:
        for pattern in value:
            Cue(pattern=pattern, weight=1)
        return value

    @field_validator("precedence")
    @classmethod
    def _every_category_once(cls, value: list[str]) -> list[str]:
        if sorted(value) != sorted(CATEGORIES):
            raise ValueError(f"must list each of {', '.join(CATEGORIES)} once")
        return value

    @functools.cached_property
    def _denial(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in self.denials), re.IGNORECASE)

    def is_denial(self, sentence: str) -> bool:
        """Whether the sentence only denies what came before ("It is not.", "I disagree.")."""
        return self._denial.match(as_written_together(sentence)) is not None

    @functools.cached_property
    def _rebuttal(self) -> list[re.Pattern[str]]:
        return [re.compile(p, re.IGNORECASE) for p in self.rebuttals]

    def is_rebuttal(self, sentence: str) -> bool:
        """Whether the sentence contradicts ("However, no date ...", "No prosecution ...")."""
        sentence = as_written_together(sentence)
        return any(pattern.search(sentence) for pattern in self._rebuttal)

    @functools.cached_property
    def _law(self) -> re.Pattern[str] | None:
        if not self.law_statements:
            return None
        return re.compile("|".join(f"(?:{p})" for p in self.law_statements), re.IGNORECASE)

    def states_the_law(self, sentence: str) -> bool:
        """Whether the sentence only says what the law asks of public authorities in general.

        "Authorities must respond promptly and by the twentieth working day" is the law the
        requester sets out, not a complaint: it names neither the authority nor the requester
        ("you", "your", "I", "my"), which a complaint about this request always does.
        """
        if self._law is None or _PERSONAL.search(sentence) or _FIRST_PERSON.search(sentence):
            return False
        return self._law.search(sentence) is not None

    @functools.cached_property
    def _discontent(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in self.discontent), re.IGNORECASE)

    def objects_in_substance(self, sentence: str) -> bool:
        """Whether the sentence objects in more than general discontent with the response.

        "I do not accept that" objects; "I am not satisfied with your response" only says
        what every review request says.
        """
        sentence = as_written_together(sentence)
        rest = self._discontent.sub(lambda m: " " * len(m.group(0)), sentence)
        return any(cue.regex.search(rest) for cue in self.objection)

    @functools.cached_property
    def rank(self) -> dict[str, int]:
        """Each category's place in ``precedence`` (0 wins a tie)."""
        return {name: index for index, name in enumerate(self.precedence)}

    @functools.cached_property
    def _openers(self) -> re.Pattern[str]:
        words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in self.support_openers)
        return re.compile(rf"^\W*(?:{words})\b", re.IGNORECASE)

    @functools.cached_property
    def _new_point(self) -> re.Pattern[str]:
        words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in self.new_point_markers)
        return re.compile(rf"^\W*(?:\S+\s+){{0,5}}?(?:{words})\b", re.IGNORECASE)

    @functools.cached_property
    def _new_point_in_clause(self) -> re.Pattern[str]:
        markers = [w for w in self.new_point_markers if w not in self.new_point_adverbs]
        words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in markers)
        leading = rf"^\W*(?:\S+\s+){{0,5}}?(?:{words})\b"
        if not self.new_point_adverbs:
            return re.compile(leading, re.IGNORECASE)
        adverbs = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in self.new_point_adverbs)
        # the adverb opens the sentence, or follows a pronoun subject and its auxiliaries
        pronoun = (
            r"(?:I|we|you|it|they|he|she|there|this|that|(?:the|your|its)\s+(?:council|authority"
            r"|department|trust|university|force|police|government|ministers?|board|office|team"
            r"|organisation|organization|agency|service|college|school))\s+"
            r"(?:(?:would|should|could|will|shall"
            r"|have|has|had|am|is|are|was|were|do|does|did|must|can|may|might|not|n't|'d|'ve)\s+)*"
        )
        adverb = rf"^\W*(?:(?:and|but|so|I|we)\s+)?(?:{pronoun})?(?:{adverbs})\b"
        return re.compile(f"{leading}|{adverb}", re.IGNORECASE)

    def adds_point(self, sentence: str, *, clause: bool = False) -> bool:
        """Whether the sentence adds a new point ("I would also like to know why ...").

        In a clause cut from the middle of a sentence ("No date was given and the summary
        has also been promised for a year"), "also" adds to the argument of the sentence
        it is part of; it adds a point there only after the requester or the authority as
        subject ("..., and I also believe ...", "..., and you have also withheld ...").
        """
        pattern = self._new_point_in_clause if clause else self._new_point
        return pattern.match(sentence) is not None

    def supports(self, sentence: str) -> bool:
        """Whether the sentence opens as support of the one before ("This is because ...")."""
        return self._openers.match(sentence) is not None

    @field_validator("categories")
    @classmethod
    def _exactly_the_sixteen(cls, value: dict[str, Category]) -> dict[str, Category]:
        missing = [name for name in CATEGORIES if name not in value]
        unknown = [name for name in value if name not in CATEGORIES]
        if missing or unknown:
            raise ValueError(
                f"categories must be exactly {', '.join(CATEGORIES)}"
                + (f"; missing {', '.join(missing)}" if missing else "")
                + (f"; unknown {', '.join(unknown)}" if unknown else "")
            )
        return {name: value[name] for name in CATEGORIES}

    def category_for_provision(self, provision_id: str) -> str | None:
        """The category a provision points to (s.12: the cost limit), if the data names one.

        The most particular entry wins: eisr.reg.10(4)(b) is the cost limit although
        eisr.reg.10 as a whole is the exceptions.
        """
        best: tuple[int, str] | None = None
        for name, category in self.categories.items():
            for root in category.provisions:
                if provision_id == root or provision_id.startswith(root + "("):
                    if best is None or len(root) > best[0]:
                        best = (len(root), name)
        return None if best is None else best[1]


def _default_path() -> Any:
    return resources.files("workbench").joinpath("data/ground_categories.yaml")


@functools.lru_cache(maxsize=4)
def load_cues(path: str | Path | None = None) -> CueBook:
    """The cue book from ``path`` (default: the packaged ``ground_categories.yaml``)."""
    source = _default_path() if path is None else Path(path)
    name = getattr(source, "name", str(source))
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SettingsError(f"cannot read the ground categories file {name}: {exc}") from exc
    try:
        return CueBook.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise SettingsError(
            f"the ground categories file {name} is invalid at {where}: {first['msg']}"
        ) from exc
