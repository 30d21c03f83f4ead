"""A text that stops before the letter's closing: absences are "could not be checked".

Real copies of letters are often cut short (a web page, a published summary, a letter
copied without its last page). A check looking for something missing cannot decide on
such a text, so it says so as information, never as an issue (issue 12: "a check that
cannot decide reports 'could not be checked' as info").
"""

import pytest

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D


def _cut():
    text = letter("cut_short.txt")
    points = [point(text, "1", D.HELD_WITHHELD, "We hold this information", ("s.43(2)",))]
    return context(text, points=points, provisions=("s.43(2)",))


@pytest.mark.parametrize(
    "check_id",
    ["public-interest-missing", "review-rights-missing", "complaint-rights-missing"],
)
def test_an_absence_in_a_text_cut_short_is_information_not_an_issue(check_id):
    [finding] = run(check_id, _cut())
    assert finding.severity is Severity.INFO
    assert "could not be checked" in finding.title


def test_the_same_passage_in_a_whole_letter_is_an_issue():
    text = letter("cut_short.txt") + "the matter.\n\nYours sincerely,\nInformation Governance\n"
    points = [point(text, "1", D.HELD_WITHHELD, "We hold this information", ("s.43(2)",))]
    ctx = context(text, points=points, provisions=("s.43(2)",))
    assert run("review-rights-missing", ctx)[0].severity is Severity.ISSUE
