"""point-not-answered: a request point for which the letter gives no answer."""

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D


def test_the_unanswered_third_question_is_an_issue_quoting_what_was_asked():
    text = letter("point_not_answered.txt")
    points = [
        point(text, "1", D.HELD_DISCLOSED, "In response to question 1"),
        point(text, "2", D.HELD_DISCLOSED, "In response to question 2"),
        point(text, "3", None, "3. Which agencies supplied them?"),
    ]
    points[2] = points[2].model_copy(update={"text": "Which agencies supplied them?"})
    [finding] = run("point-not-answered", context(text, points=points))
    assert finding.severity is Severity.ISSUE
    assert finding.point == "3"
    assert "Which agencies supplied them?" in finding.explanation
    assert finding.evidence[0].quote == "3. Which agencies supplied them?"


def test_a_letter_answering_every_point_gives_no_finding():
    text = letter("point_all_answered.txt")
    points = [
        point(text, "1", D.HELD_DISCLOSED, "In response to question 1"),
        point(text, "2", D.HELD_DISCLOSED, "In response to question 2"),
    ]
    assert run("point-not-answered", context(text, points=points)) == []


def test_no_point_answered_at_all_is_information_that_answers_could_not_be_matched():
    """Issue 12: a table of answers was read as "point 3 has no answer". When no point has
    an answer the check cannot decide (the answers were not aligned) and says so as info."""
    text = letter("point_all_answered.txt")
    points = [
        point(text, "1", None, "In response to question 1"),
        point(text, "2", None, "In response to question 2"),
    ]
    [finding] = run("point-not-answered", context(text, points=points))
    assert finding.severity is Severity.INFO
    assert "could not be matched" in finding.title
