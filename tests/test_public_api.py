"""``workbench``'s public names: each one resolves, and importing the package stays light."""

from __future__ import annotations

import subprocess
import sys

import pytest

import workbench


@pytest.mark.parametrize("name", workbench.__all__)
def test_every_public_name_resolves(name):
    value = getattr(workbench, name)
    assert getattr(value, "__name__", name) == name


def test_the_public_names_are_listed_once_and_sorted():
    assert workbench.__all__ == sorted(set(workbench.__all__))
    assert set(workbench.__all__) <= set(dir(workbench))


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        workbench.Nope  # noqa: B018


def test_importing_the_package_loads_no_database_or_document_libraries():
    code = (
        "import sys, workbench; "
        "print(sorted(m for m in ('sqlalchemy', 'docx', 'pypdf', 'openpyxl', 'pandas') "
        "if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
