"""A team on JupyterHub: two reviewers sign in, edit the same case, and the audit names each.

The hub runs with the deployment's own configuration (``deploy/jupyterhub``), its proxy
(configurable-http-proxy) and the PostgreSQL store, on 127.0.0.1; only the authenticator
is the test's (any name signs in).  Each reviewer signs in on the hub's login page in a
browser of their own, lands on their own dashboard, and edits the seed case.  Ann also
types another name into the reviewer box: the audit trail still names her by the name
she signed in with.  Reloading, each comes back to their own last tab.

Without JupyterHub, its proxy or Node.js the test is skipped, saying what is missing,
except under CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import os
import shutil
import time

import pytest
from hub_server import ROOT, missing_pieces, start_hub, stop_hub
from playwright.sync_api import expect
from steps import SEED_ID, open_case, select_tab, type_text

from workbench.store import Store

TYPED_NAME = "Someone Else Entirely"


@pytest.fixture
def hub(tmp_path, postgres, isolated_data, monkeypatch):
    missing = missing_pieces()
    if missing:
        reason = "the hub test needs " + ", ".join(missing)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    store_url = postgres.schema_url("hub")
    monkeypatch.setenv("WORKBENCH_DB", store_url)  # for Store() below, as the servers use it
    shutil.copytree(ROOT / "workbench" / "seed" / SEED_ID, isolated_data / "cases" / SEED_ID)
    running = start_hub(
        tmp_path,
        {
            "WORKBENCH_DB": store_url,
            "WORKBENCH_DATA": str(isolated_data),
            "WORKBENCH_OUTPUT": str(tmp_path / "exports"),
        },
    )
    try:
        yield running
    except BaseException:
        print(running.output()[-8000:])
        raise
    finally:
        stop_hub(running)


def sign_in(browser, hub, user: str):
    """A browser of the user's own: sign in on the hub's page, wait for their dashboard."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.set_default_timeout(120_000)  # the first sign-in starts the user's server
    page = context.new_page()
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", "any")
    page.click("#login_submit")
    page.locator(".wb-case-row", has_text=SEED_ID).wait_for()
    assert page.url.startswith(f"{hub.url}/user/{user}/")
    return context, page


def wait_for_place(user: str, tab: str, timeout: float = 30) -> None:
    """Wait until the store keeps ``tab`` of the seed case as ``user``'s place."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with Store() as store:
            place = store.get_place(user)
        if place is not None and (place.case_id, place.tab) == (SEED_ID, tab):
            return
        time.sleep(0.2)
    raise AssertionError(f"{user}'s place is {place}, not {tab} of {SEED_ID}")


def resumes_on(page, tab: str) -> None:
    """Reload the user's page: it comes back on the seed case, on ``tab``."""
    page.reload(wait_until="commit")
    current = page.locator(".wb-tabs").get_by_role("tab", name=tab, exact=True)
    # The tab is drawn first, then chosen as the restored place: wait for the choice.
    expect(current).to_have_attribute("aria-selected", "true", timeout=30_000)


def wait_for(check, timeout: float = 60):
    """Wait until the audit trail of the seed case satisfies ``check``; return it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with Store() as store:
            if store.exists(SEED_ID):
                audit = store.audit(SEED_ID)
                if check(audit):
                    return audit
        time.sleep(0.3)
    raise AssertionError("the expected edits did not reach the store")


def test_two_signed_in_reviewers_are_each_named_in_the_audit_trail(browser, hub):
    ann, ann_page = sign_in(browser, hub, "ann")
    bob, bob_page = sign_in(browser, hub, "bob")
    try:
        open_case(ann_page, SEED_ID)
        type_text(ann_page, ".wb-reviewer-name input", TYPED_NAME)
        select_tab(ann_page, "Request points")
        type_text(ann_page, ".wb-point-1 .wb-point-reasons textarea", "Ann: names redacted")
        wait_for(lambda audit: any(e.field_path == "points.0.reasons" for e in audit))

        open_case(bob_page, SEED_ID)
        select_tab(bob_page, "Overview")
        type_text(bob_page, ".wb-grounds textarea", "Bob: more is held")
        select_tab(bob_page, "Request points")
        type_text(bob_page, ".wb-point-2 .wb-point-reasons textarea", "Bob: searched again")
        audit = wait_for(lambda audit: any(e.field_path == "points.1.reasons" for e in audit))

        select_tab(bob_page, "Overview")  # each reopens on their own last tab
        wait_for_place("bob", "Overview")
        resumes_on(ann_page, "Request points")
        resumes_on(bob_page, "Overview")
    finally:
        ann.close()
        bob.close()

    by_field = {e.field_path: e.who for e in audit if e.action != "create"}
    assert by_field["reviewer.name"] == "ann"  # the box's text is a display name only
    assert by_field["points.0.reasons"] == "ann"
    assert by_field["points.1.reasons"] == "bob" and by_field["grounds"] == "bob"
    assert {e.who for e in audit} <= {"ann", "bob"}
    with Store() as store:
        review = store.get(SEED_ID)
    assert review.reviewer.name == TYPED_NAME
    assert [p.reasons for p in review.points[:2]] == ["Ann: names redacted", "Bob: searched again"]
