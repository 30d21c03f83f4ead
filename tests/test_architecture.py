"""The architecture contracts (pyproject.toml, ``[tool.importlinter]``) hold.

``make lint`` runs them too; here they run under ``make test``, which is what CI runs.
The dashboard reaches the store only through the service API; the store never imports
the dashboard, the CLI or the server.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _contracts() -> dict[str, dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["name"]: c for c in config["tool"]["importlinter"]["contracts"]}


def test_every_architecture_contract_is_kept():
    result = _lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    for name in _contracts():
        assert f"{name} KEPT" in result.stdout
    assert f"Contracts: {len(_contracts())} kept, 0 broken." in result.stdout


def test_the_contracts_name_the_layers_the_guide_keeps_apart():
    contracts = _contracts()
    dashboard = contracts["The dashboard reaches the store only through the service API"]
    assert (dashboard["source_modules"], dashboard["forbidden_modules"]) == (
        ["workbench.dashboard"],
        ["workbench.store"],
    )
    store = contracts["The store never imports the UI, the CLI or the server"]
    assert store["source_modules"] == ["workbench.store"]
    assert {"workbench.dashboard", "workbench.cli", "workbench.serve"} <= set(
        store["forbidden_modules"]
    )
    assert not store.get("allow_indirect_imports", False)


def test_a_page_importing_what_a_contract_forbids_is_reported_with_the_line(tmp_path):
    """The checker reads the real package: a contract the code breaks is reported, not kept."""
    config = tmp_path / "probe.ini"
    config.write_text(
        "[importlinter]\n"
        "root_package = workbench\n"
        "exclude_type_checking_imports = True\n"
        "\n"
        "[importlinter:contract:probe]\n"
        "name = The cases page does not open the case folders\n"
        "type = forbidden\n"
        "source_modules = workbench.dashboard.cases_page\n"
        "forbidden_modules = workbench.cases\n"
        "allow_indirect_imports = True\n",
        encoding="utf-8",
    )
    result = _lint_imports("--config", str(config))
    assert result.returncode == 1
    assert "The cases page does not open the case folders BROKEN" in result.stdout
    assert "workbench.dashboard.cases_page -> workbench.cases (l." in result.stdout
