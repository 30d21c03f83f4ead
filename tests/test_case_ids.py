"""One rule for case ids, wherever an id comes in: a folder name, the review model, an import."""

from __future__ import annotations

import json

import pytest
from review_fixtures import CASE_ID, sample_review
from test_cases import FILES

from workbench.cases import case_id_problem, new_case
from workbench.errors import InvalidCaseId, ReviewError, StoreError
from workbench.review import Review
from workbench.store import Store

BAD = [
    "../../etc",
    "a/b",
    "a\\b",
    "..",
    ".hidden",
    "",
    "x" * 81,
    "<img src=x onerror=alert(1)>",
    "IC\x00266000",
    "IC-266000\n",
    " IC-266000",
    "CON",
    "con",
    "nul.txt",
    "COM1",
    "lpt9.docx",
    "AUX",
    "PRN",
    "ends-with-a-dot.",
]
GOOD = ["IC-266000-V6Y0", "FOI.2024.01", "con-1", "CONSULT", "COM10", "LPT0", "a", "x" * 80]


@pytest.mark.parametrize("bad", BAD)
def test_the_rule_refuses_ids_that_are_unsafe_as_a_file_name_or_in_a_page(bad):
    assert case_id_problem(bad)


@pytest.mark.parametrize("good", GOOD)
def test_the_rule_accepts_ordinary_references(good):
    assert case_id_problem(good) is None


@pytest.mark.parametrize("bad", BAD)
def test_every_way_in_applies_the_same_rule(isolated_data, bad):
    with pytest.raises(InvalidCaseId, match="Invalid case id"):
        new_case(FILES / "seed_response.txt", case_id=bad)
    data = sample_review().to_json() | {"case_id": bad}
    with pytest.raises(ReviewError, match="Invalid case id"):
        Review.from_json(data)
    with Store(":memory:") as store:
        exported = _export(store)
        exported["case_id"] = bad
        exported["versions"][0]["review"]["case_id"] = bad
        with pytest.raises(StoreError, match="Invalid case id"):
            store.import_json(exported, "bob")


def _export(store: Store) -> dict:
    store.create(sample_review(), "ann")
    exported = json.loads(json.dumps(store.export_json(CASE_ID)))
    return exported
