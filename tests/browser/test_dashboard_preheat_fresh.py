"""With a preheated kernel, the page still shows what is there when it is opened.

A preheated kernel runs the notebook before anyone asks for the page; a case
added after that must still be listed when the page is opened.
"""

from __future__ import annotations

import shutil
import time

POOL_FILLED = "is filled with"


def test_a_case_added_after_preheating_is_listed(start_dashboard, open_dashboard, screenshot):
    server = start_dashboard("--preheat")
    deadline = time.monotonic() + 60
    while POOL_FILLED not in server.log():
        assert time.monotonic() < deadline, "the kernel pool was never filled"
        time.sleep(0.2)
    time.sleep(2)  # let the pooled kernel run as far as it can before the request
    cases = server.data.cases
    shutil.copytree(cases / "IC-266000-V6Y0", cases / "ADDED-LATER")
    (cases / "ADDED-LATER" / "case.json").write_text(
        (cases / "IC-266000-V6Y0" / "case.json")
        .read_text()
        .replace('"id": "IC-266000-V6Y0"', '"id": "ADDED-LATER"')
    )

    page = open_dashboard(server)
    page.locator(".wb-case-row", has_text="ADDED-LATER").wait_for(state="visible")
    screenshot("case added after preheating")
    assert "Using pre-heated kernel" in server.log()
