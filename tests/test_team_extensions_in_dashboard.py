"""What a team adds in its own folder shows where reviewers and analysts look for it.

``tests/team/`` is a team folder as a team would keep it: a catalogue overlay
(``provisions.yaml``: a question added to s.40(2), the help of another
re-worded) and a check of its own (``checks/signed_by_lead.py``).  Nothing in
the package is edited; pointing ``WORKBENCH_TEMPLATES`` at the folder is all.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from review_page_fixtures import one, page_text, walk

from workbench.checks.docs import markdown
from workbench.dashboard.overview_page import OverviewPage
from workbench.dashboard.pages import css_slug
from workbench.dashboard.provisions_page import ProvisionsPage

TEAM = Path(__file__).parent / "team"


@pytest.fixture(autouse=True)
def team_folder(tmp_path, monkeypatch) -> Path:
    """A copy of the team folder (with the repository's letter templates), in use."""
    folder = tmp_path / "team"
    shutil.copytree(Path(__file__).parent.parent / "review_templates", folder)
    shutil.copytree(TEAM, folder, dirs_exist_ok=True)
    monkeypatch.setenv("WORKBENCH_TEMPLATES", str(folder))
    return folder


def _question_row(page: ProvisionsPage, question_id: str):
    return one(page.widget, f"wb-question-{question_id.replace('_', '-')}")


def test_the_team_s_question_is_asked_on_the_provisions_tab(session, messages):
    page = ProvisionsPage(session, messages.guard)
    row = _question_row(page, "senior_role")
    assert "Is the person named in a senior, public-facing role?" in page_text(row)
    # The packaged questions are all still there, the team's after them.
    shown = [
        css
        for w in walk(page.widget)
        for css in getattr(w, "_dom_classes", ())
        if css.startswith("wb-question-") and css != "wb-question-text"
    ]
    assert shown == [
        "wb-question-personal-data",
        "wb-question-deceased",
        "wb-question-notice-shows-steps",
        "wb-question-senior-role",
    ]


def test_the_team_s_wording_of_a_packaged_question_is_shown(session, messages):
    page = ProvisionsPage(session, messages.guard)
    text = page_text(_question_row(page, "notice_shows_steps"))
    assert "Our guide, section 4, lists the three steps the notice must show." in text


def test_the_team_s_check_reports_on_the_overview_tab(session, messages):
    page = OverviewPage(session, messages.guard)
    card = one(page.widget, f"wb-check-{css_slug('signed-by-lead')}")
    assert "Not signed by the Information Governance Lead" in page_text(card)
    assert messages.texts == []


def test_the_team_s_check_is_in_the_checks_documentation():
    text = markdown()
    assert "| `signed-by-lead` | Not signed by the Information Governance Lead |" in text
    assert "## `signed-by-lead`: Not signed by the Information Governance Lead" in text
    assert "From team check checks/signed_by_lead.py." in text
    assert "Source: the team's own procedure" in text
