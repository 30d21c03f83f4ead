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
    result = there.import_json(exported(here), "bob")

    assert (result.action, result.version) == ("created", 2)
    assert there.get(CASE_ID) == here.get(CASE_ID)
    assert there.get(CASE_ID, version=1) == here.get(CASE_ID, version=1)
    assert there.get(CASE_ID, version=1).is_frozen
    assert [v.saved_by for v in there.versions(CASE_ID)] == ["ann", "ann"]
    theirs = [(e.who, e.field_path, e.new_value) for e in there.audit(CASE_ID)]
    mine = [(e.who, e.field_path, e.new_value) for e in here.audit(CASE_ID)]
    assert theirs[: len(mine)] == mine
    assert theirs[-1] == ("bob", "", {"versions": [1, 2], "forced": False})


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
    assert message.startswith(f"Not imported: version 2 of the review of {CASE_ID} was saved here")
    assert "import with --force to replace the work saved here" in message
    assert there.get(CASE_ID).conclusion == "Bob's newer work"

    result = there.import_json(old_export, "bob", force=True)
    assert result.action == "updated" and "replacing unfinished work" in result.message
    assert there.get(CASE_ID).conclusion == ""
    assert there.audit(CASE_ID)[-1].new_value == {"versions": [2], "forced": True}


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
