"""A team's templates folder overrides the defaults, and can extend them."""

from __future__ import annotations

import io

import docx
import pytest
from export_fixtures import decided_seed_review

from workbench.cases import load_case
from workbench.errors import ExportError
from workbench.export import export_case


@pytest.fixture
def team_folder(tmp_path, monkeypatch):
    folder = tmp_path / "team_templates"
    (folder / "partials").mkdir(parents=True)
    monkeypatch.setenv("WORKBENCH_TEMPLATES", str(folder))
    return folder


def _export(seed_case, out, formats):
    case = load_case(seed_case)
    return export_case(case, out, formats=formats, review=decided_seed_review(case))


def test_a_team_letter_extends_the_default_and_replaces_one_block(seed_case, team_folder, tmp_path):
    (team_folder / "letter.html.j2").write_text(
        '{% extends "default:letter.html.j2" %}\n'
        "{% block complaint %}<h2>Complaints</h2>\n"
        "<p>Write to {{ letter.regulator.name }} at {{ letter.regulator.website }}.</p>\n"
        "{{ super() }}{% endblock %}\n"
    )
    (path,) = _export(seed_case, tmp_path / "out", ["html"])
    html = path.read_text(encoding="utf-8")
    assert "<h2>Complaints</h2>" in html
    assert "<p>Write to Information Commissioner&#39;s Office at https://ico.org.uk/make" in html
    assert "<h2>Your right to complain</h2>" in html  # super(): the default block follows
    assert "<h3>Point 3a</h3>" in html  # every other block is the default's
    assert "&lt;script&gt;" in html  # and extending keeps the autoescape


def test_a_team_partial_changes_the_wording_in_every_format(seed_case, team_folder, tmp_path):
    (team_folder / "partials" / "point_correct.j2").write_text(
        "On point {{ label }} our answer ({{ original }}) stands.\n"
    )
    paths = _export(seed_case, tmp_path / "out", ["docx", "md"])
    word = "\n".join(p.text for p in docx.Document(io.BytesIO(paths[0].read_bytes())).paragraphs)
    assert "On point 2 our answer (not held) stands." in word
    assert "On point 2 our answer (not held) stands." in paths[1].read_text(encoding="utf-8")


def test_without_an_organisation_file_the_package_example_is_used(seed_case, team_folder, tmp_path):
    (path,) = _export(seed_case, tmp_path / "out", ["md"])
    assert "**Example Public Authority**" in path.read_text(encoding="utf-8")


def test_a_misspelt_name_in_a_template_names_the_file_line_and_name(
    seed_case, team_folder, tmp_path
):
    (team_folder / "letter.md.j2").write_text(
        '{% extends "default:letter.md.j2" %}\n'
        "{% block complaint %}\nWrite to {{ letter.regulatr.name }}\n{% endblock %}\n"
    )
    with pytest.raises(ExportError, match=r"letter\.md\.j2, line 3: .*regulatr"):
        _export(seed_case, tmp_path / "out", ["md"])
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_template_syntax_error_is_reported_with_its_line(seed_case, team_folder, tmp_path):
    (team_folder / "partials" / "outcome.j2").write_text("{% if outcome %}\nUnclosed\n")
    with pytest.raises(ExportError, match=r"outcome\.j2, line \d+: Unexpected end of template"):
        _export(seed_case, tmp_path / "out", ["md"])
