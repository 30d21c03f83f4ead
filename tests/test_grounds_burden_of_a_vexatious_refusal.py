"""Arguing the burden of a request refused as vexatious disputes the vexatious refusal.

An authority can refuse a request as vexatious for the burden it would impose (FOIA s.14(1);
ICO guidance on burdensome requests), with no cost limit in play. The requester then answers
the burden in the words of a cost dispute ("no estimate of how long it would take", "could be
exported in minutes"); those grounds dispute the vexatious refusal. A request that names the
cost limit is about the cost limit, and under the environmental regulations a burdensome
request is manifestly unreasonable, which the corpus counts as a cost-limit ground.
"""

from __future__ import annotations

from pathlib import Path

from workbench.grounds import read_grounds

FILES = Path(__file__).parent / "files" / "grounds"
TEXT = (FILES / "burden_of_a_vexatious_refusal.txt").read_text(encoding="utf-8")


def test_the_burden_argued_against_a_vexatious_refusal_disputes_that_refusal():
    grounds = read_grounds(TEXT, "FOIA")
    assert grounds
    assert {g.category for g in grounds} == {"vexatious_disputed"}
    assert any("no estimate of how long" in g.quote for g in grounds)


def test_a_request_naming_the_cost_limit_stays_a_cost_limit_dispute():
    text = TEXT.replace("as vexatious", "as vexatious and as over the cost limit")
    grounds = read_grounds(text, "FOIA")
    burden = next(g for g in grounds if "no estimate of how long" in g.quote)
    assert burden.category == "cost_limit_disputed"


def test_under_the_eir_the_burden_stays_a_cost_limit_dispute():
    text = TEXT.replace("as vexatious", "as manifestly unreasonable under regulation 12(4)(b)")
    grounds = read_grounds(text, "EIR")
    burden = next(g for g in grounds if "no estimate of how long" in g.quote)
    assert burden.category == "cost_limit_disputed"
