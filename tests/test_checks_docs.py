"""Every check is documented: a docstring naming its source, and a current docs/checks.md."""

import re
from pathlib import Path

import pytest

from workbench.checks import builtin_checks
from workbench.checks.docs import markdown

DOCS = Path(__file__).resolve().parent.parent / "docs" / "checks.md"
CHECKS = builtin_checks()


def test_there_is_a_check_for_every_rule_the_issue_asks_for():
    ids = {c.id for c in CHECKS}
    assert {
        "response-timeliness",
        "point-not-answered",
        "public-interest-missing",
        "legitimate-interests-missing",
        "prejudice-not-explained",
        "cost-limit-estimate-missing",
        "cost-limit-advice-missing",
        "ncnd-provision-missing",
        "searches-not-described",
        "exemption-on-not-held",
        "review-rights-missing",
        "complaint-rights-missing",
        "placeholder-links",
        "attachments-missing",
        "review-request-window",
        "refusal-reasons-missing",
    } <= ids


@pytest.mark.parametrize("spec", CHECKS, ids=[c.id for c in CHECKS])
def test_each_check_has_a_docstring_that_says_where_its_rule_comes_from(spec):
    assert len(spec.docstring) > 200, f"{spec.id}: document what it looks for and why"
    assert "Source:" in spec.docstring, f"{spec.id}: cite the rule's source"
    assert spec.title and spec.doc


@pytest.mark.parametrize("spec", CHECKS, ids=[c.id for c in CHECKS])
def test_each_check_says_which_law_and_which_date_it_follows(spec):
    """Issue 12: docs/checks.md must say which law and which date each rule follows."""
    law = spec.docstring.split("Law:", 1)
    assert len(law) == 2, f"{spec.id}: add a 'Law:' paragraph naming the provisions and dates"
    assert re.search(r"\b(?:19|20)\d\d\b", law[1].split("Source:")[0]), spec.id


def test_docs_checks_md_lists_the_law_texts_and_their_dates():
    text = markdown()
    assert "## The law the checks follow" in text
    assert "Data Protection Act 1998" in text
    assert "| FOISA |" in text


@pytest.mark.parametrize("spec", CHECKS, ids=[c.id for c in CHECKS])
def test_each_check_has_a_test_file(spec):
    name = "test_check_" + spec.id.replace("-", "_") + ".py"
    assert (Path(__file__).parent / name).is_file(), f"{spec.id}: write tests/{name}"


def test_docs_checks_md_is_generated_from_the_current_checks():
    assert DOCS.is_file(), "run: python -m workbench.checks --markdown > docs/checks.md"
    for spec in CHECKS:
        assert f"## `{spec.id}`" in DOCS.read_text(encoding="utf-8")
    assert DOCS.read_text(encoding="utf-8") == markdown(), (
        "docs/checks.md is stale; run: python -m workbench.checks --markdown > docs/checks.md"
    )
