"""The same correction made with `workbench review` commands gives the same export.

Each misread letter (tests/files/misread/) is corrected twice: once through the session
(what the dashboard calls), once with the command lines a reviewer would type.  The
letters and spreadsheets written must say the same thing.
"""

from __future__ import annotations

import io

import docx
import pytest
from click.testing import CliRunner
from correction_scripts import LETTERS, apply_with_session, cli_args, load, reading
from openpyxl import load_workbook

from workbench.cases import load_case, new_case
from workbench.cli import main
from workbench.export import export_case
from workbench.service import ReviewSession
from workbench.store import Store


def run(*args: str):
    result = CliRunner().invoke(main, list(args), env={"WORKBENCH_USER": "ann"})
    assert result.exit_code == 0, result.output
    return result


def _letter(path, case_id: str) -> list[str]:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    return [p.text.replace(case_id, "<case>") for p in document.paragraphs]


def _sheet(path, name: str) -> list[tuple]:
    return list(load_workbook(path, read_only=True)[name].iter_rows(values_only=True))


@pytest.mark.parametrize("name", LETTERS)
def test_the_commands_and_the_dashboards_calls_give_the_same_letter_and_spreadsheet(name, tmp_path):
    correction = load(name)

    by_api = new_case(correction.response, case_id=f"api-{name}")
    with Store() as store:
        ReviewSession.start(by_api, "ann", store=store, reviewer="ann")
        with ReviewSession.open(by_api.id, "ann", store=store) as session:
            apply_with_session(session, correction.steps)
            api_files = export_case(by_api, tmp_path / "api", ["docx", "xlsx"], store=store)

    cli_id = f"cli-{name}"
    run("case", "new", "--response", str(correction.response), "--id", cli_id)
    run("review", "start", cli_id)
    for step in correction.steps:
        run(*cli_args(cli_id, step))
    run("export", cli_id, "--out", str(tmp_path / "cli"), "--format", "docx,xlsx")
    cli_files = sorted((tmp_path / "cli").iterdir())

    with Store() as store:
        assert reading(store.get(cli_id)) == correction.truth_reading()
    api_docx, api_xlsx = sorted(api_files)
    cli_docx, cli_xlsx = cli_files
    assert _letter(cli_docx, cli_id) == _letter(api_docx, by_api.id)
    for sheet in ("Points", "Provisions"):
        assert _sheet(cli_xlsx, sheet) == _sheet(api_xlsx, sheet)
    assert load_case(cli_id).meta.reference == load_case(by_api.id).meta.reference


def test_a_wrong_label_provision_or_determination_is_one_line_and_saves_nothing(tmp_path):
    correction = load("real-139")
    run("case", "new", "--response", str(correction.response), "--id", "c1")
    run("review", "start", "c1")
    with Store() as store:
        before = store.get("c1").to_json()
    runner = CliRunner()
    cases = [
        (["review", "point", "set", "c1", "9", "--text", "x"], "No point '9'"),
        (["review", "point", "set", "c1", "1", "--provisions", "s 99(9)"], "Unknown provision"),
        (["review", "point", "set", "c1", "1", "--determination", "refused"], "held_disclosed,"),
        (["review", "point", "add", "c1", "--label", "2", "--text", "x"], "already has a point 2"),
        (["review", "point", "split", "c1", "3", "--into", "2,3b"], "already has point 2"),
        (["review", "point", "merge", "c1", "1", "1"], "two different points"),
        (["review", "set", "c1", "kind", "letter"], "refusal_notice"),
    ]
    for args, message in cases:
        result = runner.invoke(main, args)
        assert result.exit_code == 1, (args, result.output)
        assert result.output.startswith("Error: ") and message in result.output, result.output
        assert result.output.count("\n") == 1, result.output
    with Store() as store:
        assert store.get("c1").to_json() == before
