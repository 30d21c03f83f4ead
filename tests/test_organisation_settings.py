"""organisation.yaml: validated on load, with errors naming the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from workbench.errors import SettingsError
from workbench.organisation import load_organisation, parse_organisation

TEAM_FILE = Path(__file__).resolve().parent.parent / "review_templates" / "organisation.yaml"


def _settings() -> dict:
    return yaml.safe_load(TEAM_FILE.read_text())


def _write(folder: Path, data: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "organisation.yaml").write_text(yaml.safe_dump(data))
    return folder


def test_the_shipped_settings_name_the_regulator_of_each_regime(tmp_path):
    organisation = load_organisation(_write(tmp_path / "t", _settings()))
    assert organisation.regulator_for("FOIA").short_name == "ICO"
    assert organisation.regulator_for("EIR").website == "https://ico.org.uk/make-a-complaint/"
    scottish = organisation.regulator_for("FOISA")
    assert scottish.name == "Scottish Information Commissioner"
    assert scottish.website == "https://www.foi.scot/appeal"
    assert "six months" in scottish.time_limit
    assert organisation.regulator_for("mixed").short_name == "ICO"


def test_a_missing_key_is_named(tmp_path):
    data = _settings()
    del data["regulators"]["FOISA"]["website"]
    with pytest.raises(SettingsError, match=r"organisation\.yaml: regulators\.FOISA\.website: "):
        load_organisation(_write(tmp_path / "t", data))


def test_a_misspelt_key_is_named(tmp_path):
    data = _settings()
    data["contact_emial"] = data.pop("contact_email")
    with pytest.raises(SettingsError) as caught:
        load_organisation(_write(tmp_path / "t", data))
    assert caught.value.field in ("contact_email", "contact_emial")
    assert "contact_em" in str(caught.value)


def test_an_unknown_outcome_scheme_lists_the_known_ones(tmp_path):
    data = _settings()
    data["outcome_scheme"] = "upside_down"
    with pytest.raises(SettingsError, match="unknown scheme 'upside_down'; known schemes: "):
        load_organisation(_write(tmp_path / "t", data))


def test_a_bad_email_address_is_refused():
    data = _settings()
    data["contact_email"] = "nobody"
    with pytest.raises(SettingsError, match="contact_email: must be an email address"):
        parse_organisation(yaml.safe_dump(data))


def test_text_that_is_not_yaml_is_refused():
    with pytest.raises(SettingsError, match="is not valid YAML"):
        parse_organisation("name: [unclosed")
