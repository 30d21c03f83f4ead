"""searches-not-described: 'not held' answers must describe the searches behind them."""

from dataclasses import replace

from tests.check_letters import context, letter, point, run
from workbench.cases import SearchRecord
from workbench.checks import Severity
from workbench.parsing.model import Determination as D

ANSWER = "I can confirm that the council does not hold a risk assessment"


def _not_held(name: str) -> tuple[str, list]:
    text = letter(name)
    return text, [point(text, "1", D.NOT_HELD, ANSWER)]


def test_not_held_with_no_searches_and_no_search_record_is_an_issue():
    text, points = _not_held("searches_missing.txt")
    [finding] = run("searches-not-described", context(text, points=points))
    assert finding.severity is Severity.ISSUE
    assert finding.point == "1"
    assert finding.evidence[0].quote == ANSWER


def test_searches_naming_places_terms_and_period_satisfy_the_check():
    text, points = _not_held("searches_described.txt")
    assert run("searches-not-described", context(text, points=points)) == []


def test_searches_mentioned_only_in_general_terms_are_a_warning():
    text, points = _not_held("searches_generic.txt")
    [finding] = run("searches-not-described", context(text, points=points))
    assert finding.severity is Severity.WARNING
    assert any("Following thorough searches" in e.quote for e in finding.evidence)


def test_a_search_record_in_the_case_turns_the_issue_into_information():
    text, points = _not_held("searches_missing.txt")
    ctx = context(text, points=points)
    ctx = replace(ctx, searches=[SearchRecord(where="Shared drive", terms="Riverside")])
    [finding] = run("searches-not-described", ctx)
    assert finding.severity is Severity.INFO
    assert "search record lists 1" in finding.explanation


def test_the_extractors_search_evidence_counts_for_the_point():
    text, points = _not_held("searches_described.txt")
    from tests.check_letters import span

    searched = span(text, "The Libraries Service searched its shared drive")
    ctx = context(text, points=points, searches=[searched])
    assert run("searches-not-described", ctx) == []


def test_held_points_need_no_search_description():
    text = letter("searches_missing.txt")
    points = [point(text, "1", D.HELD_DISCLOSED, ANSWER)]
    assert run("searches-not-described", context(text, points=points)) == []


def test_not_held_explained_by_a_retention_schedule_is_a_warning_quoting_the_reason():
    text = letter("searches_explained.txt")
    points = [point(text, "1", D.NOT_HELD, "The council does not hold this information.")]
    [finding] = run("searches-not-described", context(text, points=points))
    assert finding.severity is Severity.WARNING
    assert any("retention schedule" in e.quote for e in finding.evidence)
