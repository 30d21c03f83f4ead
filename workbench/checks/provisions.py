"""What the checks need to know about a provision, asked of the provisions catalogue.

The catalogue (``workbench/data/provisions.yaml``) is the one place that says
whether a provision is qualified, prejudice-based or has a neither-confirm-
nor-deny limb, so a team that corrects it there corrects the checks too.
Cited ids the catalogue does not list are read through their nearest listed
ancestor (``s.31(1)(a)`` through ``s.31``); ids it does not know at all are
treated as unknown, and the checks that need a fact about them stay silent
rather than guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from ..catalogue import Catalogue, Provision, ancestor_ids, load_catalogue, root_of
from ..errors import CitationError

#: Tests the ICO's prejudice test applies to: "prejudice" (FOIA, EIR adverse effect),
#: FOISA's "substantial prejudice" ("harm") and "endanger" (FOIA s.38, FOISA s.39(1)),
#: which is read as prejudice (PETA v IC and University of Oxford, EA/2009/0076).
_PREJUDICE_TESTS = {"prejudice", "harm", "endanger"}
_COST_LIMIT_ROOTS = {"s.12", "foisa.s.12"}
#: EIR's own "not held" exception: a not-held answer, not an exemption of held information.
_NOT_HELD = {"reg.12(4)(a)"}
#: Words in titles that name no particular interest.
_GENERIC = {
    "prejudice",
    "information",
    "interests",
    "interest",
    "other",
    "otherwise",
    "purpose",
    "purposes",
    "function",
    "functions",
    "neither",
    "confirm",
    "arising",
    "substantially",
    "effective",
    "conduct",
    "public",
    "affairs",
}


def catalogue() -> Catalogue:
    return load_catalogue()


def entry(provision_id: str) -> Provision | None:
    """The catalogue entry for ``provision_id`` (or its nearest listed ancestor), if any."""
    try:
        return catalogue().resolve(provision_id)
    except CitationError:
        return None


def is_exemption(provision_id: str) -> bool:
    """An exemption (FOIA, FOISA) or exception (EIR), not a procedural refusal ground."""
    found = entry(provision_id)
    return found is not None and found.kind in ("exemption", "exception")


def is_not_held(provision_id: str) -> bool:
    """EIR reg 12(4)(a), the exception for information not held."""
    return provision_id in _NOT_HELD


def needs_no_reasons(provision_id: str) -> bool:
    """Refusal grounds whose notice need only state the fact (s.17(5)): s.12, s.14."""
    found = entry(provision_id)
    return found is None or found.kind == "procedural"


def needs_public_interest(provision_id: str) -> bool:
    """Whether withholding needs a public interest test (FOIA s.2(2), EIR reg 12(1)(b))."""
    return public_interest_required(provision_id) is True


def public_interest_required(
    provision_id: str,
    *,
    cited: Sequence[str] = (),
    received: dt.date | None = None,
    holder: str | None = None,
) -> bool | None:
    """Whether this limb needs a public interest test, as the catalogue decides per limb.

    None when the catalogue cannot tell (a bare "section 37" whose limbs differ); False
    for ids it does not know and for EIR "not held".  See
    :meth:`workbench.catalogue.Catalogue.public_interest_test`.
    """
    if entry(provision_id) is None or is_not_held(provision_id):
        return False
    return catalogue().public_interest_test(
        provision_id, cited=cited, received=received, holder=holder
    )


def is_qualified_person(provision_id: str) -> bool:
    """FOIA s.36: engaged only by the reasonable opinion of a qualified person."""
    found = entry(provision_id)
    return found is not None and found.test == "qualified_person" and not is_ncnd_limb(provision_id)


def is_adverse_effect(provision_id: str) -> bool:
    """An EIR reg 12(5) exception: "would adversely affect" (not NCND reg 12(6))."""
    return provision_id.startswith("reg.12(5)")


def is_accessible_elsewhere(provision_id: str) -> bool:
    """FOIA s.21 and FOISA s.25: information reasonably accessible by other means."""
    return root_of(provision_id) in {"s.21", "foisa.s.25"}


def kind_word(provision_id: str) -> str:
    found = entry(provision_id)
    return "exception" if found is not None and found.kind == "exception" else "exemption"


def is_prejudice_based(provision_id: str) -> bool:
    """Whether the ICO's prejudice test (or FOISA's substantial prejudice) applies."""
    found = entry(provision_id)
    return found is not None and found.test in _PREJUDICE_TESTS and not is_ncnd_limb(provision_id)


def is_third_party_personal_data(provision_id: str) -> bool:
    """s.40(2), reg 13, FOISA s.38(1)(b) (and their umbrella ids): the lawfulness test."""
    found = entry(provision_id)
    return found is not None and found.test == "lawfulness" and not is_ncnd_limb(provision_id)


def is_cost_limit(provision_id: str) -> bool:
    return root_of(provision_id) in _COST_LIMIT_ROOTS


@lru_cache(maxsize=1)
def _ncnd_limbs() -> frozenset[str]:
    cat = catalogue()
    limbs = {p.ncnd_provision for p in cat.provisions if p.ncnd_provision}
    limbs |= {p.id for p in cat.provisions if "neither confirm nor deny" in p.title.lower()}
    return frozenset(limbs)


def _without_letter_suffix(provision_id: str) -> str:
    """``s.40(5B)`` -> ``s.40(5)``: the pre-2018 numbering letters still cite."""
    return re.sub(r"\((\d+)[A-Z]+\)$", r"(\1)", provision_id)


def is_ncnd_limb(provision_id: str) -> bool:
    """Whether the provision removes the duty to confirm or deny (s.31(3), s.40(5B) ...)."""
    limbs = _ncnd_limbs()
    if provision_id in limbs:
        return True
    if any(_without_letter_suffix(limb) == provision_id for limb in limbs):
        return True
    return any(a in limbs for a in ancestor_ids(provision_id)[:-1])


def ncnd_limbs_for(provision_id: str) -> list[str]:
    """The NCND limb that goes with an exemption (s.31(1)(a) -> s.31(3)), if it has one."""
    found = entry(provision_id)
    if found is None or found.ncnd_provision is None:
        return []
    return [found.ncnd_provision]


def names_interest(provision_id: str, text: str) -> bool:
    """Whether ``text`` names the interest the provision protects.

    Citing a paragraph that is itself one interest (s.31(1)(a)) names it;
    otherwise the text must use a word from the title of the provision or one
    of its listed parts ("commercial" for s.43(2), "crime" for s.31).
    """
    if len(ancestor_ids(provision_id)) >= 2:
        return True
    words = _interest_words(root_of(provision_id), provision_id)
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(w)}", lowered) for w in words)


def _interest_words(root: str, provision_id: str) -> set[str]:
    cat = catalogue()
    titles = [
        p.title
        for p in cat.provisions
        if (p.id == provision_id or root_of(p.id) == root) and not is_ncnd_limb(p.id)
    ]
    words = set()
    for title in titles:
        for word in re.findall(r"[A-Za-z]{5,}", title.lower()):
            if word not in _GENERIC:
                words.add(word[:7])  # a stem: "commercial" also finds "commercially"
    return words
