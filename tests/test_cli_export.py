"""``workbench export`` and ``workbench review import-xlsx``."""

from __future__ import annotations

import docx
from click.testing import CliRunner
from export_fixtures import SEED_ID, decided_seed_review
from openpyxl import load_workbook

from workbench.cases import load_case
from workbench.cli import main
from workbench.store import Store


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_export_writes_every_format_from_the_first_pass(seed_case, tmp_path):
    out = tmp_path / "out"
    result = run("export", str(seed_case), "--out", str(out))
    assert result.exit_code == 0, result.output
    names = [f"{SEED_ID}-review-v1.{ext}" for ext in ("docx", "html", "md", "xlsx")]
    assert result.output == (
        f"Exported {SEED_ID} from the automated first pass (no review saved yet):\n"
        + "".join(f"  {out / name}\n" for name in names)
    )
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    headings = [p.text for p in docx.Document(str(out / names[0])).paragraphs]
    assert "Point 3b" in headings


def test_export_uses_the_saved_review_and_only_the_formats_asked_for(
    seed_case, tmp_path, store_url
):
    with Store() as store:
        store.create(decided_seed_review(load_case(seed_case)), who="sam")
    result = run("export", SEED_ID, "--out", str(tmp_path), "--format", "md,xlsx")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Exported {SEED_ID} from the saved review:\n")
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".md", ".xlsx"]
    assert "Outcome of this review:** Upheld in part" in (
        tmp_path / f"{SEED_ID}-review-v1.md"
    ).read_text(encoding="utf-8")


def test_an_unknown_format_is_a_one_line_error(seed_case, tmp_path):
    result = run("export", str(seed_case), "--out", str(tmp_path), "--format", "docx,pdf")
    assert result.exit_code == 1
    assert result.output == "Error: Unknown export format pdf: choose from docx, html, md, xlsx\n"
    assert not any(tmp_path.iterdir())


def test_an_unknown_case_is_a_one_line_error(tmp_path):
    result = run("export", "NO-SUCH-CASE", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert result.output.startswith("Error: No case at ")


def test_import_xlsx_updates_the_review_and_says_what_changed(seed_case, tmp_path, store_url):
    assert run("export", SEED_ID, "--out", str(tmp_path), "--format", "xlsx").exit_code == 0
    path = tmp_path / f"{SEED_ID}-review-v1.xlsx"
    book = load_workbook(path)
    book["Points"]["F2"] = "Correct"
    book.save(path)

    result = run("review", "import-xlsx", str(path), "--who", "Ann Smith")
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"Updated the review of {SEED_ID} (version 1): 2 change(s): status; points.0.finding\n"
    )
    with Store() as store:
        assert store.get(SEED_ID).point("1").finding.value == "correct"
        assert store.audit(SEED_ID)[-1].who == "Ann Smith"

    again = run("review", "import-xlsx", str(path), "--who", "Ann Smith")
    assert again.exit_code == 1
    assert again.output.startswith(f"Error: The review of {SEED_ID} was changed by Ann Smith")


def test_import_xlsx_refuses_a_workbook_for_another_case(seed_case, tmp_path):
    run("export", SEED_ID, "--out", str(tmp_path), "--format", "xlsx")
    path = tmp_path / f"{SEED_ID}-review-v1.xlsx"
    result = run("review", "import-xlsx", str(path), "--case", "IC-999")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {path.name} is the findings workbook of case {SEED_ID}, not IC-999\n"
    )
