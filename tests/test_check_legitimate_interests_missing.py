"""legitimate-interests-missing: s.40(2) / reg 13 without each step of Art 6(1)(f)."""

import datetime as dt

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D


def _ctx(name: str, provision="s.40(2)", regime="FOIA"):
    text = letter(name)
    points = [point(text, "1", D.HELD_PARTLY_DISCLOSED, "We hold this information", (provision,))]
    return context(text, points=points, provisions=(provision,), regime=regime)


def test_mentioning_legitimate_interest_without_necessity_or_balance_is_an_issue():
    [finding] = run("legitimate-interests-missing", _ctx("li_missing.txt"))
    assert finding.severity is Severity.ISSUE
    assert "necessity, balancing test missing" in finding.title
    assert "It addresses: legitimate interest" in finding.explanation
    # "where necessary" later in the letter is not a necessity test
    assert not any("where necessary" in e.quote for e in finding.evidence)


def test_a_notice_walking_through_all_three_steps_satisfies_the_check():
    assert run("legitimate-interests-missing", _ctx("li_complete.txt")) == []


def test_eir_regulation_13_is_checked_the_same_way():
    [finding] = run("legitimate-interests-missing", _ctx("li_missing_eir.txt", "reg.13", "EIR"))
    assert finding.provision == "reg.13"
    assert finding.severity is Severity.ISSUE
    assert any("regulation 13" in e.quote for e in finding.evidence)


def test_saying_the_interest_was_balanced_without_the_individuals_side_is_not_a_balance():
    [finding] = run("legitimate-interests-missing", _ctx("li_bare_balance.txt"))
    assert finding.title.endswith("(balancing test missing)")
    assert "necessity (" in finding.explanation  # shown, with its sentence quoted


def test_a_response_before_25_may_2018_is_judged_under_the_data_protection_act_1998():
    """Issue 12 item 8: the law in force at the response date (the DPA 1998, first principle
    and Schedule 2 condition 6, before 25 May 2018; the UK GDPR from 1 January 2021)."""
    text = letter("li_missing.txt")
    points = [point(text, "1", D.HELD_PARTLY_DISCLOSED, "We hold this information", ("s.40(2)",))]

    def explanation(day):
        ctx = context(text, points=points, provisions=("s.40(2)",), responded=day)
        return run("legitimate-interests-missing", ctx)[0].explanation

    assert "Data Protection Act 1998" in explanation(dt.date(2017, 3, 1))
    assert "UK GDPR" not in explanation(dt.date(2017, 3, 1))
    assert "the UK GDPR (Article 6(1)(f))" in explanation(dt.date(2023, 3, 1))
