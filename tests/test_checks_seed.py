"""The checks on the seed case (IC-266000-V6Y0): what the issue says a reviewer must be told.

The first tests give the checks the seed's known answers (as a careful reader
records them), so they test the checks alone; the last runs the whole chain,
extractor included, on the seed case folder.
"""

import datetime as dt

import pytest

from workbench.checks import Severity, run_case_checks
from workbench.parsing.model import Determination as D
from workbench.parsing.model import Evidence, Extraction, Point


def _evidence(text: str, quote: str) -> Evidence:
    start = text.index(quote)
    return Evidence(quote=quote, start=start, end=start + len(quote))


@pytest.fixture
def hand_extraction(seed_case):
    """The seed's answers as the corpus records them, with the sentences behind them."""
    text = (seed_case / "response.txt").read_text(encoding="utf-8")
    answers = {
        "1": (D.HELD_PARTLY_DISCLOSED, ["s.40(2)"], "I can confirm that we do hold information"),
        "2": (D.NOT_HELD, [], "In relation to the second point of your request"),
        "3a": (D.NOT_HELD, [], "In relation to whether we hold a DPIA for Northamptonshire"),
        "3b": (D.NOT_HELD, [], "I can confirm we do not hold a copy of the DPIA"),
    }
    return Extraction(
        reference="IC-266000-V6Y0",
        regime="FOIA",
        date_received=dt.date(2023, 10, 25),
        date_of_response=dt.date(2023, 11, 22),
        points=[
            Point(label=k, determination=d, provisions=p, evidence=[_evidence(text, q)])
            for k, (d, p, q) in answers.items()
        ],
        provisions_cited=["s.40(2)"],
        review_rights_given=True,
        complaint_rights_given=True,
    )


def _by_check(findings):
    out = {}
    for f in findings:
        out.setdefault(f.check, []).append(f)
    return out


def test_the_seed_response_is_on_time_on_the_20th_working_day(seed_case, hand_extraction):
    found = _by_check(run_case_checks(seed_case, hand_extraction))
    [timely] = found["response-timeliness"]
    assert timely.severity is Severity.INFO
    assert timely.title == "Responded on time (working day 20)"


def test_the_seed_s40_2_reasoning_lacks_necessity_and_balance(seed_case, hand_extraction):
    found = _by_check(run_case_checks(seed_case, hand_extraction))
    [li] = found["legitimate-interests-missing"]
    assert li.severity is Severity.ISSUE
    assert li.provision == "s.40(2)"
    assert "necessity, balancing test missing" in li.title
    assert any(e.quote.startswith("There is no strong legitimate interest") for e in li.evidence)


def test_the_seed_describes_no_searches_for_point_2(seed_case, hand_extraction):
    found = _by_check(run_case_checks(seed_case, hand_extraction))
    flagged = {f.point: f.severity for f in found["searches-not-described"]}
    assert flagged["2"] is Severity.ISSUE
    assert flagged["3b"] is Severity.WARNING  # "reasonable searches", nothing more


def test_the_seed_links_are_placeholders(seed_case, hand_extraction):
    found = _by_check(run_case_checks(seed_case, hand_extraction))
    [links] = found["placeholder-links"]
    assert links.severity is Severity.ISSUE
    assert "[review procedure](#)" in [e.quote for e in links.evidence]
    assert len(links.evidence) == 8


def test_the_seed_raises_nothing_a_reviewer_would_not_expect(seed_case, hand_extraction):
    issues = {f.check for f in run_case_checks(seed_case, hand_extraction) if f.severity == "issue"}
    assert issues == {"legitimate-interests-missing", "searches-not-described", "placeholder-links"}


def test_extracting_and_checking_the_seed_case_reports_the_same(seed_case):
    found = _by_check(run_case_checks(seed_case))
    assert found["response-timeliness"][0].title == "Responded on time (working day 20)"
    assert "necessity" in found["legitimate-interests-missing"][0].title
    assert "2" in {f.point for f in found["searches-not-described"] if f.severity == "issue"}
    assert found["placeholder-links"][0].severity is Severity.ISSUE
    assert not any(f.id.endswith(":failed") for fs in found.values() for f in fs)
