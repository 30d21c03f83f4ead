"""environment.yml (conda users) must list exactly what pyproject.toml requires, extras too."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _split(requirement: str) -> tuple[str, str]:
    """Name and version; extras (``psycopg[binary]``) are pip's business, not conda's."""
    name, spec = re.match(r"^\s*([A-Za-z0-9_.\-]+)(?:\[[^]]*\])?\s*(.*)$", requirement).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


#: An extra naming others of the package's own (``workbench[postgres,hub]``): not a package.
_SELF = re.compile(r"^workbench\[[^]]*\]$")


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    reqs = list(project["dependencies"]) + [
        r for group in extras.values() for r in group if not _SELF.match(r)
    ]
    return dict(_split(r) for r in reqs)


def _environment_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    plain = [d for d in env["dependencies"] if isinstance(d, str)]
    pairs = (_split(d) for d in plain)
    return {name: spec for name, spec in pairs if name not in ("python", "pip")}


def test_environment_yml_lists_the_same_packages_and_versions_as_pyproject():
    assert _environment_requirements() == _pyproject_requirements()


def test_environment_yml_installs_the_package_itself():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_parts = [d["pip"] for d in env["dependencies"] if isinstance(d, dict)]
    assert ["-e ."] in pip_parts


def test_serving_needs_only_the_app_dependencies():
    """`make serve` installs the package without test extras, and Voila needs a kernel."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    app = {_split(r)[0] for r in project["dependencies"]}
    assert {"voila", "ipywidgets", "ipykernel"} <= app


def test_the_analysts_extra_brings_jupyterlab():
    """`make lab` installs the `analyst` extra, which must bring JupyterLab itself."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    analyst = {_split(r)[0] for r in project["optional-dependencies"]["analyst"]}
    assert "jupyterlab" in analyst
