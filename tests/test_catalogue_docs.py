"""docs/catalogue.md describes every key a catalogue file, or a team's overlay, may hold."""

from pathlib import Path

import pytest

from workbench.catalogue import Catalogue, Provision, Question

DOCS = (Path(__file__).resolve().parent.parent / "docs" / "catalogue.md").read_text()
KEYS = [
    *(f"catalogue.{name}" for name in [*Catalogue.model_fields, "templates"]),
    *(f"provision.{name}" for name in Provision.model_fields),
    *(f"question.{name}" for name in Question.model_fields),
]


@pytest.mark.parametrize("key", KEYS)
def test_each_key_has_a_row_in_docs_catalogue_md(key):
    name = key.split(".", 1)[1]
    assert f"| `{name}` |" in DOCS, f"docs/catalogue.md: describe `{name}` ({key})"
