"""The JupyterHub recipe's configuration: one PostgreSQL store, the dashboard, the team."""

from __future__ import annotations

import runpy

import pytest
from hub_server import CONFIG
from traitlets.config import Config


def load(monkeypatch, **env: str) -> Config:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    config = Config()
    runpy.run_path(str(CONFIG), init_globals={"get_config": lambda: config})
    return config


def test_every_users_server_opens_the_dashboard_on_the_one_store(
    isolated_data, tmp_path, monkeypatch
):
    url = "postgresql://workbench:secret@db.example.org/foi"
    config = load(monkeypatch, WORKBENCH_DB=url, WORKBENCH_ROLES=str(tmp_path / "none.yaml"))
    spawner = config.Spawner
    assert spawner.default_url == "/voila/render/review.ipynb"
    assert "--ServerApp.terminals_enabled=False" in spawner.args
    assert spawner.environment["WORKBENCH_DB"] == url
    assert spawner.environment["WORKBENCH_DATA"] == str(isolated_data)
    assert spawner.environment["WORKBENCH_REGISTER"] == "store"  # the analysts' register
    assert config.JupyterHub.bind_url == "http://127.0.0.1:8000"
    assert "authenticator_class" not in config.JupyterHub  # the organisation's choice
    assert "allowed_users" not in config.Authenticator


def test_the_team_file_says_who_may_sign_in_and_who_administers(tmp_path, monkeypatch):
    team = tmp_path / "roles.yaml"
    team.write_text("managers: [mia]\nreviewers: [ann, bob]\nanalysts: [ali]\n")
    config = load(monkeypatch, WORKBENCH_DB="postgresql://h/db", WORKBENCH_ROLES=str(team))
    assert config.Authenticator.allowed_users == {"mia", "ann", "bob", "ali"}
    assert config.Authenticator.admin_users == {"mia"}


@pytest.mark.parametrize("store", ["", "sqlite:///shared.db", "/srv/foi/workbench.db"])
def test_a_team_must_share_a_postgresql_store(monkeypatch, store):
    with pytest.raises(SystemExit, match="WORKBENCH_DB must be the team's PostgreSQL store"):
        load(monkeypatch, WORKBENCH_DB=store)
