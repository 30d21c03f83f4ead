"""The quarterly report notebook runs on a real store too, and exports as HTML without code.

(nbval checks it on the demo register against its saved outputs; this runs it on a store.)
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from register_fixtures import build_register

from workbench.store import Store

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "register.ipynb"


@pytest.fixture
def jupyter_dirs(tmp_path, monkeypatch):
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")


def test_the_report_runs_on_the_store_in_settings_and_exports_html(
    isolated_data, jupyter_dirs, monkeypatch
):
    with Store() as store:
        build_register(store)
    monkeypatch.setenv("WORKBENCH_REGISTER", "store")
    monkeypatch.setenv("WORKBENCH_REGISTER_TODAY", "2024-12-31")
    notebook = nbformat.read(NOTEBOOK, as_version=4)

    NotebookClient(notebook, timeout=120, kernel_name="python3").execute()

    first = notebook.cells[1].outputs[0]["data"]["text/plain"]
    assert first.startswith("Register of 6 reviews") and "31 December 2024" in first
    texts = "\n".join(
        output["data"].get("text/plain", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if "data" in output
    )
    assert "E-REF" in texts  # the overdue review
    assert (isolated_data / "exports" / "register.xlsx").is_file()

    html, _ = HTMLExporter(exclude_input=True).from_notebook_node(notebook)
    assert html.count("<img") == 3
    assert "report_source" not in html and "Upheld in full" in html
