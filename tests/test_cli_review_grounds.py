"""`workbench review grounds|ground ...` and `workbench case add-review-request`, with --who."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from grounds_fixtures import SEARCHES_AND_DELAY

from workbench.cli import main
from workbench.store import Store

SEED_ID = "IC-266000-V6Y0"


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(main, list(args), env={})
    if ok:
        assert result.exit_code == 0, result.output
    return result


def _saved():
    with Store() as store:
        return store.get(SEED_ID), store.audit(SEED_ID)


@pytest.fixture
def started(seed_case):
    run("review", "start", SEED_ID, "--who", "ann", "--no-extraction")


def test_a_review_request_added_later_is_read_when_the_grounds_are_shown(started):
    shown = run("review", "grounds", SEED_ID, "--who", "ann").output
    assert "(no grounds" in shown
    added = run("case", "add-review-request", SEED_ID, str(SEARCHES_AND_DELAY)).output
    assert "now has its review request (syn-102.txt)" in added
    shown = run("review", "grounds", SEED_ID, "--who", "ann").output
    assert shown.startswith("Read 3 ground(s) from the review request")
    assert '"Separately, your response took 31 working days."' in shown
    assert "linked to: timeliness" in shown and "Still needed: a finding for ground g1" in shown
    data = json.loads(run("review", "grounds", SEED_ID, "--json").output)
    assert [g["id"] for g in data["grounds"]] == ["g1", "g2", "g3"]
    assert data["grounds"][1]["linked_to"] == ["the search record"]
    refused = run("case", "add-review-request", SEED_ID, "--text", "Late.", ok=False)
    assert "already has a review request" in refused.output


def test_grounds_are_corrected_answered_and_restructured_each_audited(started):
    run("case", "add-review-request", SEED_ID, "--text", SEARCHES_AND_DELAY.read_text())
    run("review", "grounds", SEED_ID, "--who", "ann")
    run("review", "ground", "set", SEED_ID, "g1", "--category", "Incomplete answer",
        "--points", "1", "--who", "bob")  # fmt: skip
    run("review", "ground", "set", SEED_ID, "g3", "--finding", "upheld", "--reasons",
        "31 working days.", "--remedies", "apologise_for_delay", "--who", "bob")  # fmt: skip
    run("review", "ground", "split", SEED_ID, "g2", "--who", "bob")
    run("review", "ground", "merge", SEED_ID, "g2a", "g2b", "--id", "g2", "--who", "bob")
    run("review", "ground", "add", SEED_ID, "--category", "fees", "--summary", "Charged £10",
        "--who", "bob")  # fmt: skip
    run("review", "ground", "move", SEED_ID, "g4", "--to", "1", "--who", "bob")
    run("review", "ground", "delete", SEED_ID, "g4", "--who", "bob")
    review, audit = _saved()
    assert [g.id for g in review.requester_grounds] == ["g1", "g2", "g3"]
    assert review.ground("g1").category == "incomplete"
    assert review.ground("g3").finding == "upheld"
    actions = [e.action for e in audit if e.who == "bob"]
    for action in ("set_ground", "set_ground_finding", "split_ground", "merge_grounds",
                   "add_ground", "move_ground", "delete_ground"):  # fmt: skip
        assert action in actions


def test_a_proposal_is_accepted_only_when_asked(started):
    run("case", "add-review-request", SEED_ID, str(SEARCHES_AND_DELAY))
    run("review", "grounds", SEED_ID)
    refused = run("review", "ground", "accept", SEED_ID, "g3", ok=False)
    assert "Nothing you have found yet answers ground g3" in refused.output
    with Store() as store:
        review, token = store.open_review(SEED_ID)
        store.save(review.with_value("procedural.timeliness", "late"), "ann", token)
    shown = run("review", "grounds", SEED_ID).output
    assert "your findings propose: Upheld: the response was late." in shown
    assert _saved()[0].ground("g3").finding is None
    done = run("review", "ground", "accept", SEED_ID, "g3").output
    assert done.startswith("Ground g3: Upheld")
    assert _saved()[0].ground("g3").remedies == ["apologise_for_delay"]


def test_completion_is_refused_while_a_ground_has_no_finding(started):
    run("case", "add-review-request", SEED_ID, str(SEARCHES_AND_DELAY))
    run("review", "grounds", SEED_ID)
    run("review", "ground", "set", SEED_ID, "g1", "--finding", "not_upheld", "--reasons", "None.")
    refused = run("review", "complete", SEED_ID, "--signed-by", "Ann", ok=False)
    assert "a finding for ground g2" in refused.output and "ground g1" not in refused.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("set", SEED_ID, "g9", "--summary", "x"), "No ground 'g9'"),
        (("set", SEED_ID, "g1", "--finding", "right"), "Unknown finding 'right'"),
        (("set", SEED_ID, "g1", "--provisions", "section 999 of nothing"), "Unknown provision"),
        (("set", SEED_ID, "g1"), "Give at least one of"),
        (("add", SEED_ID, "--category", "sad", "--summary", "x"), "Unknown category 'sad'"),
        (("read", SEED_ID), "already has 3 ground"),
    ],
)
def test_a_mistake_is_one_line_and_nothing_is_saved(started, args, message):
    run("case", "add-review-request", SEED_ID, str(SEARCHES_AND_DELAY))
    run("review", "grounds", SEED_ID)
    before = _saved()[0].to_json()
    result = run("review", "ground", *args, ok=False)
    assert message in result.output and "Traceback" not in result.output
    assert _saved()[0].to_json() == before
