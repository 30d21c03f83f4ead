"""A sandbox points the workbench at a throwaway copy of the seed case, then puts it all back."""

from __future__ import annotations

import os

from workbench import settings
from workbench.sandbox import SEED_CASE_ID, open_sandbox
from workbench.store import Store


def test_a_sandbox_holds_the_seed_case_and_its_own_store(isolated_data):
    before = {name: os.environ.get(name) for name in ("WORKBENCH_DATA", "WORKBENCH_DB")}
    with open_sandbox() as box:
        assert settings.cases_dir() == box.data / "cases"
        assert box.case().id == SEED_CASE_ID
        with Store() as store:
            assert store.url == box.db_url
        assert settings.output_dir() == box.output
        root = box.root
    assert not root.exists()
    assert {name: os.environ.get(name) for name in before} == before
    assert settings.data_dir() == isolated_data
    assert not (isolated_data / "workbench.db").exists()


def test_a_sandbox_overrides_a_store_set_elsewhere(monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_DB", "postgresql://someone@db.example/reviews")
    with open_sandbox(seed_case=False) as box:
        assert settings.db_url() == box.db_url
        assert list((box.data / "cases").iterdir()) == []
    assert os.environ["WORKBENCH_DB"] == "postgresql://someone@db.example/reviews"


def test_a_sandbox_has_its_own_copy_of_the_team_folder(isolated_data):
    configured = settings.templates_dir()
    with open_sandbox(seed_case=False) as box:
        assert settings.templates_dir() == box.team
        assert (box.team / "organisation.yaml").read_bytes() == (
            configured / "organisation.yaml"
        ).read_bytes()
        (box.team / "checks").mkdir()
    assert settings.templates_dir() == configured
    assert not (configured / "checks").exists()
