"""The team folder is read as one object: everything in it comes from that folder alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from export_fixtures import decided_seed_review

from workbench.cases import load_case
from workbench.errors import SettingsError
from workbench.export.letter import build_letter
from workbench.organisation import load_organisation
from workbench.team import load_team

TODAY = dt.date(2024, 1, 2)
OUR_SCHEMES = (
    "schemes:\n"
    "  ours:\n"
    "    title: Our words\n"
    "    labels:\n"
    "      maintained: Kept as it was\n"
    "      partly_changed: Changed in part\n"
    "      reversed: Changed\n"
    "      withdrawn: Withdrawn\n"
)


def _folder(root: Path, name: str, *, scheme: str, schemes: str | None = None) -> Path:
    folder = root / name
    folder.mkdir()
    organisation = load_organisation().model_dump()
    organisation["outcome_scheme"] = scheme
    (folder / "organisation.yaml").write_text(yaml.safe_dump(organisation), encoding="utf-8")
    if schemes is not None:
        (folder / "outcome_schemes.yaml").write_text(schemes, encoding="utf-8")
    return folder


def test_a_letter_takes_its_outcome_words_from_the_folder_it_is_given(
    seed_case, tmp_path, monkeypatch
):
    """The folder in the settings defines a scheme 'ours' differently; the letter rendered
    for another folder must use that folder's words, not fall back to the settings'."""
    configured = _folder(
        tmp_path,
        "configured",
        scheme="cabinet_office",
        schemes=OUR_SCHEMES.replace("Changed in part", "Settings' words"),
    )
    monkeypatch.setenv("WORKBENCH_TEMPLATES", str(configured))
    given = _folder(tmp_path, "given", scheme="ours", schemes=OUR_SCHEMES)
    case = load_case(seed_case)
    letter = build_letter(decided_seed_review(case), case, templates_dir=given, today=TODAY)
    assert letter.outcome == "Changed in part"


def test_a_folder_without_schemes_does_not_borrow_the_settings_folder_s(
    seed_case, tmp_path, monkeypatch
):
    configured = _folder(tmp_path, "configured", scheme="ours", schemes=OUR_SCHEMES)
    monkeypatch.setenv("WORKBENCH_TEMPLATES", str(configured))
    given = _folder(tmp_path, "given", scheme="ours")
    case = load_case(seed_case)
    with pytest.raises(SettingsError, match="unknown scheme 'ours'; known schemes: authority"):
        build_letter(decided_seed_review(case), case, templates_dir=given, today=TODAY)


def test_the_same_team_is_returned_until_one_of_its_files_changes(tmp_path):
    folder = _folder(tmp_path, "team", scheme="ours", schemes=OUR_SCHEMES)
    first = load_team(folder)
    assert load_team(folder) is first
    assert first.organisation is first.organisation  # read once
    (folder / "outcome_schemes.yaml").write_text(
        OUR_SCHEMES.replace("Kept as it was", "Unchanged, as before"), encoding="utf-8"
    )
    again = load_team(folder)
    assert again is not first
    assert again.outcome_schemes["ours"].labels["maintained"] == "Unchanged, as before"


def test_a_folder_with_nothing_in_it_uses_the_package_s_defaults(tmp_path):
    team = load_team(tmp_path)
    assert team.organisation.outcome_scheme == "cabinet_office"
    assert team.disabled_checks == ()
    assert team.checks.checks == () and team.checks.problems == ()
