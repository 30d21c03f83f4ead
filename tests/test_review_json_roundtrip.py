"""export-json / import-json move a review between installations, never over newer work."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from review_fixtures import CASE_ID, decided_review

from workbench.errors import ReviewError, StoreError
from workbench.store import Store


class Clock:
    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def here_clock():
    return Clock(dt.datetime(2024, 2, 6, 9, 0, tzinfo=dt.UTC))


@pytest.fixture
def there_clock():
    return Clock(dt.datetime(2024, 2, 6, 9, 0, tzinfo=dt.UTC))


@pytest.fixture
def here(new_store_url, here_clock):
    """The installation the review was written in: v1 completed, v2 in progress."""
    with Store(new_store_url(), clock=here_clock) as store:
        token = store.create(decided_review(), "ann")
        _, token = store.edit(CASE_ID, "points.0.reasons", "Names redacted <b>", "ann", token)
        _, token = store.complete(CASE_ID, "Ann Smith", "ann", token, on=dt.date(2024, 2, 6))
        _, token = store.new_version(CASE_ID, "ann", token)
        store.edit(CASE_ID, "grounds", "Second review asked for", "ann", token)
        yield store


@pytest.fixture
def there(new_store_url, there_clock):
    with Store(new_store_url(), clock=there_clock) as store:
        yield store


def exported(store: Store) -> dict:
    """What export-json writes, read back as a file would be."""
    return json.loads(json.dumps(store.export_json(CASE_ID)))


def test_an_exported_review_imports_whole_into_another_store(here, there):
    result = there.import_json(exported(here), "bob", source="ic-266000.json")

    assert (result.action, result.version) == ("created", 2)
    assert there.get(CASE_ID) == here.get(CASE_ID)
    assert there.get(CASE_ID, version=1) == here.get(CASE_ID, version=1)
    assert there.get(CASE_ID, version=1).is_frozen
    # Saved here by the person importing, now: not by people who never used this store.
    assert [v.saved_by for v in there.versions(CASE_ID)] == ["bob", "bob"]
    (only,) = there.audit(CASE_ID)
    assert (only.who, only.action, only.field_path) == ("bob", "import", "")
    assert only.new_value["source"] == "ic-266000.json"
    assert only.new_value["versions"] == [1, 2]
    # The other installation's history is kept apart, marked with the file and the import.
    theirs = there.imported_audit(CASE_ID)
    mine = here.audit(CASE_ID)
    assert [(e.who, e.field_path, e.new_value) for e in theirs] == [
        (e.who, e.field_path, e.new_value) for e in mine
    ]
    assert {(e.source, e.imported_by) for e in theirs} == {("ic-266000.json", "bob")}
    assert there.verify_audit().intact


def test_importing_the_same_export_twice_changes_nothing(here, there):
    there.import_json(exported(here), "bob")
    audit = there.audit(CASE_ID)
    result = there.import_json(exported(here), "bob")
    assert result.action == "unchanged"
    assert there.audit(CASE_ID) == audit


def test_a_later_export_updates_the_review_and_keeps_its_history(here, there, here_clock):
    there.import_json(exported(here), "bob")
    here_clock.now += dt.timedelta(hours=1)
    _, token = here.open_review(CASE_ID)
    here.edit(CASE_ID, "conclusion", "Maintained", "ann", token)

    result = there.import_json(exported(here), "bob")
    assert result.action == "updated"
    assert there.get(CASE_ID).conclusion == "Maintained"
    assert len([e for e in there.audit(CASE_ID) if e.field_path == "conclusion"]) == 1


def test_an_older_export_is_refused_over_newer_work_saved_here(here, there, there_clock):
    there.import_json(exported(here), "bob")
    old_export = exported(here)
    there_clock.now += dt.timedelta(hours=2)
    _, token = there.open_review(CASE_ID)
    there.edit(CASE_ID, "conclusion", "Bob's newer work", "bob", token)

    with pytest.raises(StoreError) as caught:
        there.import_json(old_export, "bob")
    message = str(caught.value)
    assert message == (
        f"Not imported: version 2 of the review of {CASE_ID} was last saved here by bob, and "
        "the file holds an earlier state of the work saved here; import with --force to "
        "replace the work saved here"
    )
    assert there.get(CASE_ID).conclusion == "Bob's newer work"

    result = there.import_json(old_export, "bob", force=True)
    assert result.action == "updated" and "replacing work saved here" in result.message
    assert there.get(CASE_ID).conclusion == ""
    summary, change = there.audit(CASE_ID)[-2:]
    assert summary.new_value["forced"] is True
    assert (change.who, change.action, change.field_path) == ("bob", "import", "conclusion")
    assert (change.old_value, change.new_value) == ("Bob's newer work", "")


def test_a_clock_in_the_file_decides_nothing(here, there, there_clock):
    there.import_json(exported(here), "bob")
    _, token = there.open_review(CASE_ID)
    there.edit(CASE_ID, "conclusion", "Bob's newer work", "bob", token)
    from_2099 = exported(here)
    from_2099["exported_at"] = "2099-01-01T00:00:00+00:00"
    for version in from_2099["versions"]:
        version["saved_at"] = "2099-01-01T00:00:00+00:00"

    with pytest.raises(StoreError, match="earlier state of the work saved here"):
        there.import_json(from_2099, "bob")
    assert there.get(CASE_ID).conclusion == "Bob's newer work"


def test_work_that_builds_on_this_store_comes_back_without_force(here, there, here_clock):
    there.import_json(exported(here), "bob")
    _, token = there.open_review(CASE_ID)
    there.edit(CASE_ID, "conclusion", "Bob's addition", "bob", token)
    here_clock.now += dt.timedelta(days=1)  # the file is *older* by the clock: no matter

    result = here.import_json(exported(there), "ann", source="from-bob.json")
    assert result.action == "updated"
    assert here.get(CASE_ID).conclusion == "Bob's addition"
    changes = [(e.who, e.field_path, e.new_value) for e in here.audit(CASE_ID)[-1:]]
    assert changes == [("ann", "conclusion", "Bob's addition")]


def test_work_changed_on_both_sides_is_refused_without_force(here, there):
    there.import_json(exported(here), "bob")
    _, token = there.open_review(CASE_ID)
    there.edit(CASE_ID, "conclusion", "Bob's version", "bob", token)
    _, token = here.open_review(CASE_ID)
    here.edit(CASE_ID, "conclusion", "Ann's version", "ann", token)

    with pytest.raises(StoreError, match="does not build on the work saved here"):
        here.import_json(exported(there), "ann")
    assert here.get(CASE_ID).conclusion == "Ann's version"


def test_a_file_without_revisions_cannot_replace_changed_work(here, there):
    old_format = exported(here)
    old_format["format_version"] = 1
    for version in old_format["versions"]:
        del version["sha256"], version["revisions"]
    there.import_json(old_format, "bob")
    _, token = there.open_review(CASE_ID)
    there.edit(CASE_ID, "conclusion", "Bob's work", "bob", token)
    with pytest.raises(StoreError, match="import with --force"):
        there.import_json(old_format, "bob")


def test_an_export_older_than_the_stores_version_is_refused(here, there):
    old_export = exported(here)
    there.import_json(old_export, "bob")
    _, token = there.open_review(CASE_ID)
    there.edit(CASE_ID, "points.0.finding", "correct", "bob", token)
    _, token = there.open_review(CASE_ID)
    there.complete(CASE_ID, "Bob", "bob", token)
    there.new_version(CASE_ID, "bob")

    with pytest.raises(StoreError, match="already has version 3 .* newer than the imported"):
        there.import_json(old_export, "bob", force=True)
    assert there.get(CASE_ID).version == 3


def test_a_completed_version_is_never_replaced_even_with_force(here, there):
    there.import_json(exported(here), "bob")
    tampered = exported(here)
    tampered["versions"][0]["review"]["conclusion"] = "rewritten history"
    with pytest.raises(StoreError, match="completed here and differs .* never overwritten"):
        there.import_json(tampered, "bob", force=True)
    assert there.get(CASE_ID, version=1).conclusion == ""


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (lambda d: d.pop("format"), StoreError, "Not a workbench review export"),
        (lambda d: d.update(format_version=9), StoreError, "format version 9"),
        (lambda d: d.update(format_version=2**63), StoreError, "format version"),
        (lambda d: d["versions"][0].update(version=2**63), StoreError, "less than or equal"),
        (lambda d: d["audit"][0].update(version=2**63), StoreError, "less than or equal"),
        (lambda d: d.update(case_id="<img src=x onerror=alert(1)>"), StoreError, "case id"),
        (lambda d: d.update(case_id="IC\x00266000"), StoreError, "case id"),
        (lambda d: d.update(case_id="CON"), StoreError, "Windows reserves"),
        (lambda d: d.update(versions=[]), StoreError, "holds no review versions"),
        (
            lambda d: d["versions"][0]["review"]["points"][0].update(finding="maybe"),
            ReviewError,
            "points.0.finding: Input should be 'correct'",
        ),
        (lambda d: d.update(case_id="other"), StoreError, "holds the review of IC-266000-V6Y0"),
        (lambda d: d["versions"].reverse(), StoreError, "listed once each, in order"),
        (lambda d: d["audit"][0].pop("who"), StoreError, "audit.0.who: Field required"),
    ],
)
def test_an_invalid_export_is_refused_clearly_and_writes_nothing(
    here, there, change, error, message
):
    data = exported(here)
    change(data)
    with pytest.raises(error, match=message):
        there.import_json(data, "bob")
    assert there.list_reviews() == []
