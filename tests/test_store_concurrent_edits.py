"""Two reviewers in two processes editing the same review at the same moments lose nothing.

200 rounds; in each both write at once (see ``concurrent_editors``).  A write on a copy that
someone else has changed since never overwrites their work: when they changed another field
the two are merged and both saved; when they changed the same field it is refused with a
conflict naming that field, and the editor, shown their version, writes again.  No other
error (a serialization failure, a lock timeout, a duplicate key) ever reaches the reviewer.
"""

from __future__ import annotations

import concurrent_editors as editors

from workbench.store import Store

ROUNDS = 200


def test_two_processes_editing_one_review_lose_no_update(store_url, seed_case):
    outcome = editors.run(store_url, ROUNDS)
    print(outcome.summary())

    assert outcome.errors == []
    assert outcome.lost == [] and outcome.duplicated == []
    for report in outcome.reports:
        assert len(report.saved) == ROUNDS, report.who
    assert outcome.merged > 0  # different fields written on stale copies: merged
    assert outcome.conflicts > 0  # the same field at the same moment: a visible conflict
    for report in outcome.reports:
        assert report.conflicts_on_different_fields == 0, report.who
        assert report.conflicts_naming_the_field == report.conflicts, report.who

    same_field = outcome.final["grounds"].split("\n")
    assert len(same_field) == 2 * len(range(0, ROUNDS, editors.SAME_FIELD_EVERY))
    with Store(store_url) as store:
        audit = store.audit(editors.CASE_ID)
    written = {(e.who, e.field_path, str(e.new_value).rsplit("\n", 1)[-1]) for e in audit}
    for report in outcome.reports:  # each line is in the audit trail under its writer's name
        assert {(report.who, path, line) for path, line in report.saved} <= written
