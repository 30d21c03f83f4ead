"""Only requests naming an allowed host reach the dashboard (no DNS rebinding)."""

from __future__ import annotations

import re
import urllib.request

import pytest
from http_probes import get, websocket_status

from workbench import serve, settings
from workbench.errors import SettingsError

LOOPBACK_ONLY = list(serve.LOOPBACK_NAMES)


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("127.0.0.1:8866", True),
        ("localhost:8866", True),
        ("LOCALHOST", True),
        ("[::1]:8866", True),
        ("evil.example:8866", False),
        ("evil.example", False),
        ("localhost.evil.example:8866", False),
        ("127.0.0.1.evil.example", False),
        ("192.168.1.20:8866", False),
        ("", False),
    ],
)
def test_a_loopback_server_answers_to_loopback_names_only(host, allowed):
    assert serve.host_allowed(host, LOOPBACK_ONLY, "127.0.0.1") is allowed


def test_a_server_on_every_interface_answers_to_addresses_and_its_own_names():
    hosts = serve.allowed_hosts("0.0.0.0")
    assert serve.host_allowed("192.168.1.20:8866", hosts, "0.0.0.0")
    assert serve.host_allowed("[fe80::1]:8866", hosts, "0.0.0.0")
    assert not serve.host_allowed("evil.example:8866", hosts, "0.0.0.0")


def test_the_address_listened_on_and_configured_names_are_allowed(monkeypatch):
    monkeypatch.setenv("WORKBENCH_ALLOWED_HOSTS", "reviews.example.org, Team-Box")
    hosts = serve.allowed_hosts("192.168.1.20")
    for host in ("192.168.1.20:8866", "reviews.example.org", "team-box:8866", "localhost"):
        assert serve.host_allowed(host, hosts, "192.168.1.20"), host
    assert not serve.host_allowed("192.168.1.21:8866", hosts, "192.168.1.20")


@pytest.mark.parametrize("value", ["http://reviews.example.org", "reviews.example.org:443", "*"])
def test_an_allowed_host_that_is_not_a_name_is_refused(monkeypatch, value):
    monkeypatch.setenv("WORKBENCH_ALLOWED_HOSTS", value)
    with pytest.raises(SettingsError, match="WORKBENCH_ALLOWED_HOSTS"):
        settings.allowed_hosts()


def test_a_foreign_host_gets_403_on_the_page_files_and_the_kernels_websocket(
    start_dashboard, monkeypatch
):
    monkeypatch.setenv("WORKBENCH_ALLOWED_HOSTS", "reviews.example.org")
    server = start_dashboard("--no-preheat")
    port = server.port
    letter = server.data.output / "letter.docx"
    letter.write_bytes(b"PK\x03\x04 a letter")
    download = serve.download_url(letter)

    for path in ("/", download, "/voila/static/favicon.ico", "/login"):
        assert get(port, path, {"Host": f"evil.example:{port}"}).status == 403, path
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"reviews.example.org:{port}"):
        assert get(port, download, {"Host": host}).status == 200, host

    # The kernel's websocket, as a rebound page would open it.
    with urllib.request.urlopen(server.url, timeout=60) as response:
        kernel = re.search(r'"kernelId": "([0-9a-f-]{36})"', response.read().decode()).group(1)
    path = f"/api/kernels/{kernel}/channels?session_id=rebinding"
    foreign = {"Host": f"evil.example:{port}", "Origin": f"http://evil.example:{port}"}
    assert websocket_status(port, path, foreign) == 403
    assert websocket_status(port, path, {"Origin": f"http://127.0.0.1:{port}"}) == 101
    # A page on another site, even one reaching the right host, cannot open it either.
    assert websocket_status(port, path, {"Origin": "http://evil.example"}) == 403
