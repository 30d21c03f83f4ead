"""Kernels of pages nobody has open are shut down after the idle timeout."""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request


def _kernel_exists(base: str, kernel_id: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}api/kernels/{kernel_id}", timeout=10) as response:
            return json.load(response)["id"] == kernel_id
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return False
        raise


def test_an_idle_kernel_without_a_page_is_culled(start_dashboard):
    server = start_dashboard("--cull-idle-timeout", "2", "--cull-interval", "1")
    # Fetching the page runs the notebook in a new kernel; no browser keeps it connected.
    with urllib.request.urlopen(server.url, timeout=60) as response:
        page = response.read().decode()
    kernel_id = re.search(r'"kernelId": "([0-9a-f-]{36})"', page).group(1)
    assert _kernel_exists(server.url, kernel_id)

    deadline = time.monotonic() + 30
    while _kernel_exists(server.url, kernel_id):
        assert time.monotonic() < deadline, "the idle kernel was not culled within 30 s"
        time.sleep(0.5)
    assert "Culling 'idle' kernel" in server.log()
