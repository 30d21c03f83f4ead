"""A process killed in the middle of a long run of saves loses nothing it had committed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
import sqlalchemy as sa

from workbench.errors import StoreError
from workbench.review import Review
from workbench.store import Store

POINTS = 120
#: The writer prints each edit's number once its transaction has committed.
WRITER = textwrap.dedent(
    f"""
    import sys
    from workbench.review import PointReview, Review
    from workbench.store import Store

    store = Store(sys.argv[1])
    points = [PointReview(label=str(i), request_text="x" * 500) for i in range({POINTS})]
    token = store.create(Review(case_id="crash-1", points=points), "writer")
    print("created", flush=True)
    i = 0
    while True:
        _, token = store.edit(
            "crash-1", f"points.{{i % {POINTS}}}.reasons", f"reason {{i}}", "writer", token
        )
        print(i, flush=True)
        i += 1
    """
)


def test_a_review_killed_mid_save_opens_intact_with_every_committed_edit(tmp_path):
    db = tmp_path / "reviews.db"
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    writer = subprocess.Popen(
        [sys.executable, str(script), str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "created", writer.stderr.read()
        last_reported = -1
        while last_reported < 150:
            line = writer.stdout.readline()
            assert line, f"the writer stopped early: {writer.stderr.read()}"
            last_reported = int(line)
        # The writer goes straight on to the next edit: kill it while it is saving.
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    assert writer.returncode == -signal.SIGKILL

    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    engine.dispose()

    with Store(db) as store:
        review, token = store.open_review("crash-1")
        edits = [e for e in store.audit("crash-1") if e.field_path.endswith(".reasons")]
        numbers = [int(e.new_value.removeprefix("reason ")) for e in edits]
        # Every edit reported as committed is there, in order, with none missing between.
        assert numbers == list(range(len(numbers)))
        assert len(numbers) - 1 >= last_reported
        # The review is the last committed state: each point holds its latest edit.
        latest = {}
        for e in edits:
            latest[e.field_path] = e.new_value
        for index, point in enumerate(review.points):
            assert point.reasons == latest.get(f"points.{index}.reasons", "")
        assert token == 1 + len(numbers)
        # The audit trail's hash chain survived the kill too.
        assert store.verify_audit().intact
        # And the store carries on working.
        store.edit("crash-1", "grounds", "after the crash", "reader", token)
        assert store.get("crash-1").grounds == "after the crash"


def test_a_save_that_finds_the_disk_full_loses_nothing(tmp_path):
    db = tmp_path / "reviews.db"
    with Store(db) as store:
        token = store.create(Review(case_id="full-1"), "writer")
        _, token = store.edit("full-1", "grounds", "saved before the disk filled", "ann", token)
        with store.reading() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

        def disk_full(dbapi_connection, _record):  # SQLite's own "database or disk is full"
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        sa.event.listen(store._engine, "connect", disk_full)
        store._engine.dispose()
        with pytest.raises(StoreError, match="database or disk is full"):
            store.edit("full-1", "grounds", "x" * 500_000, "ann", token)

    with Store(db) as store:
        review, again = store.open_review("full-1")
        assert (review.grounds, again) == ("saved before the disk filled", token)
        assert store.verify_audit().intact
        store.edit("full-1", "grounds", "and on once there is room", "ann", token)
