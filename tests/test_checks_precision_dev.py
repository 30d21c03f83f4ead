"""The checks' precision on the real development letters, guarded by judged data.

Issue 12: at least 90% of the issue and warning findings on real letters must be right.
Each finding the workbench gives on tests/letters/real/dev (extractor and checks end to end)
is judged in tests/letters/real/judgements/dev.yaml; a new, unjudged finding fails this test
until someone reads the letter and judges it. The scoring letters are judged separately and
never tested here (they are only scored).
"""

from pathlib import Path

import pytest

from workbench.checks.measure import measure

REAL = Path(__file__).parent / "letters" / "real"


@pytest.fixture(scope="module")
def result():
    return measure(REAL / "dev", REAL / "judgements" / "dev.yaml")


def test_every_issue_and_warning_on_the_dev_letters_is_judged(result):
    unjudged = [f"{j.letter} {j.finding.id}: {j.finding.title}" for j in result.unjudged]
    assert not unjudged, "judge these findings in tests/letters/real/judgements/dev.yaml:\n" + (
        "\n".join(unjudged)
    )


def test_at_least_90_percent_of_the_decidable_findings_are_right(result):
    assert result.precision is not None
    assert result.precision >= 0.9, result.summary()
