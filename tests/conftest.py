"""Shared fixtures: every test runs against a temporary data folder, never the repo's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from store_backends import (  # noqa: F401 - the store fixtures: SQLite and PostgreSQL
    new_store_url,
    postgres,
    pytest_addoption,
    pytest_generate_tests,
    store_backend,
    store_url,
)

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "IC-266000-V6Y0"
SEED_CASE = ROOT / "data" / "cases" / SEED_ID


@pytest.fixture(autouse=True)
def isolated_data(tmp_path_factory, monkeypatch) -> Path:
    """Point WORKBENCH_DATA (and the store, exports and Jupyter's own state) at a temp folder."""
    data = tmp_path_factory.mktemp("data")
    (data / "cases").mkdir()
    monkeypatch.setenv("WORKBENCH_DATA", str(data))
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    monkeypatch.delenv("WORKBENCH_OUTPUT", raising=False)
    monkeypatch.delenv("WORKBENCH_RECEIPT_RULE", raising=False)
    monkeypatch.delenv("WORKBENCH_MAX_UPLOAD_MB", raising=False)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)  # no sign-in unless a test signs in
    monkeypatch.delenv("WORKBENCH_TEAM", raising=False)
    return data


@pytest.fixture
def seed_case(isolated_data: Path) -> Path:
    """A copy of the seed case in the temporary data folder."""
    target = isolated_data / "cases" / SEED_ID
    shutil.copytree(SEED_CASE, target)
    return target
