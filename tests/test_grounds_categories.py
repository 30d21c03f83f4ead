"""The ground categories are data a team can extend, and the data file is checked when loaded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from workbench.errors import SettingsError
from workbench.grounds import CATEGORIES, load_cues
from workbench.grounds.categories import _default_path

CORPUS_README = Path(__file__).parent / "review_requests" / "README.md"


def _readme_categories() -> list[str]:
    """The category values in the corpus README's table, in its order."""
    text = CORPUS_README.read_text(encoding="utf-8")
    table = text.split("### Categories", 1)[1].split("###", 1)[0]
    return re.findall(r"^\| `(\w+)` \|", table, flags=re.MULTILINE)


def test_the_categories_are_exactly_the_sixteen_of_the_corpus_readme():
    assert list(CATEGORIES) == _readme_categories()
    assert len(CATEGORIES) == 16
    assert list(load_cues().categories) == list(CATEGORIES)


def test_every_category_has_a_label_a_summary_and_cues():
    for name, category in load_cues().categories.items():
        assert category.label and category.summary, name
        assert category.cues, name


def _write(tmp_path: Path, change) -> Path:
    raw = yaml.safe_load(_default_path().read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "ground_categories.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path


def test_a_missing_category_is_refused_with_its_name(tmp_path):
    path = _write(tmp_path, lambda raw: raw["categories"].pop("fees"))
    with pytest.raises(SettingsError, match="missing fees"):
        load_cues(path)


def test_an_invalid_pattern_is_refused_with_the_file_named(tmp_path):
    def break_a_cue(raw):
        raw["categories"]["delay"]["cues"][0]["pattern"] = "(unclosed"

    path = _write(tmp_path, break_a_cue)
    with pytest.raises(SettingsError, match="ground_categories.yaml.*regular expression"):
        load_cues(path)


def test_a_team_can_add_a_cue_and_the_reader_uses_it(tmp_path):
    from workbench.grounds import read_grounds

    text = "The pelican brief was never looked at by anyone."
    assert read_grounds(text) == []

    def add_cue(raw):
        raw["categories"]["searches_inadequate"]["cues"].append(
            {"weight": 3, "pattern": r"\bnever\s+looked\s+at\b"}
        )

    found = read_grounds(text, cues=load_cues(_write(tmp_path, add_cue)))
    assert [g.category for g in found] == ["searches_inadequate"]
