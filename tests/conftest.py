"""Shared fixtures: every test runs against a temporary data folder, never the repo's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

#: Fixture modules shared by several test files (``tests/`` is on ``sys.path``):
#: the review pages' ``store``, ``session`` and ``messages``, the dashboard server's
#: ``dashboard_data``, ``start_dashboard`` and ``dashboard_server``, and the stores the
#: store tests run on (``store_url``: SQLite and PostgreSQL, see ``store_backends``).
pytest_plugins = ("review_page_fixtures", "dashboard_fixtures", "store_backends")

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "IC-266000-V6Y0"
SEED_CASE = ROOT / "workbench" / "seed" / SEED_ID


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
    monkeypatch.delenv("WORKBENCH_ROLES", raising=False)
    monkeypatch.delenv("WORKBENCH_USER", raising=False)
    # The repository's own team folder, whatever the shell says (or the folder pytest
    # runs from): a team's checks and catalogue overlay would change what every test sees.
    monkeypatch.setenv("WORKBENCH_TEMPLATES", str(ROOT / "review_templates"))
    monkeypatch.delenv("WORKBENCH_ALLOWED_HOSTS", raising=False)
    return data


@pytest.fixture
def seed_case(isolated_data: Path) -> Path:
    """A copy of the seed case in the temporary data folder."""
    target = isolated_data / "cases" / SEED_ID
    shutil.copytree(SEED_CASE, target)
    return target
