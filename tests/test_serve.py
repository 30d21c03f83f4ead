"""``workbench serve``: safe defaults, the Voila command and config, and what may be downloaded."""

from __future__ import annotations

import asyncio
import http.client
import json
import re
import socket
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench import serve
from workbench.cli import main
from workbench.errors import ExportError, SettingsError

# --- who may connect ---------------------------------------------------------------------------


@pytest.mark.parametrize("ip", ["0.0.0.0", "::", "", "192.168.1.20", "my-laptop.local"])
def test_a_non_loopback_address_without_a_token_is_refused(ip):
    with pytest.raises(SettingsError, match="without a token"):
        serve.check_address(ip, None)


@pytest.mark.parametrize("ip", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_loopback_addresses_need_no_token(ip):
    serve.check_address(ip, None)


def test_a_token_allows_another_address():
    serve.check_address("0.0.0.0", "a-long-secret-token")


def test_the_command_refuses_an_open_address_with_a_plain_error_and_starts_nothing():
    result = CliRunner().invoke(main, ["serve", "--ip", "0.0.0.0"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: Refusing to listen on 0.0.0.0 without a token")
    assert "Traceback" not in result.output


def test_a_port_in_use_is_a_plain_error():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    assert f"Error: Cannot listen on 127.0.0.1:{port}" in result.output


def test_an_output_folder_holding_the_cases_is_refused(monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("WORKBENCH_OUTPUT", str(tmp_path / "data"))
    with pytest.raises(SettingsError, match="contains the data folder"):
        serve.plan(serve.ServeOptions(), tmp_path / "run")


# --- the command line and Voila's configuration ------------------------------------------------


@pytest.fixture
def default_plan(monkeypatch, tmp_path) -> serve.ServePlan:
    monkeypatch.setenv("WORKBENCH_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("WORKBENCH_OUTPUT", str(tmp_path / "exports"))
    monkeypatch.setenv("WORKBENCH_MAX_UPLOAD_MB", "20")
    return serve.plan(serve.ServeOptions(), tmp_path / "run")


def test_voila_reads_only_the_configuration_written_for_this_run(default_plan, tmp_path):
    command = default_plan.command
    assert command[1:4] == ["-m", "workbench.voila_app", str(serve.NOTEBOOK)]
    assert f"--Voila.config_file_paths={tmp_path / 'run'}" in command
    assert "--no-browser" in command
    env = default_plan.environment
    for variable in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        assert Path(env[variable]).parent == tmp_path / "run"


def test_voila_listens_on_loopback_opens_no_browser_and_never_moves_port(default_plan):
    voila = default_plan.config["Voila"]
    assert voila["ip"] == "127.0.0.1"
    assert voila["port"] == 8866
    assert voila["open_browser"] is False
    assert voila["port_retries"] == 0
    assert "token" not in voila


def test_the_token_goes_into_the_config_file_not_the_command_line(monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_OUTPUT", str(tmp_path / "exports"))
    options = serve.ServeOptions(ip="0.0.0.0", token="s3cret-token-value")
    planned = serve.plan(options, tmp_path / "run")
    assert planned.config["Voila"]["token"] == "s3cret-token-value"
    assert not any("s3cret" in part for part in planned.command)
    assert "s3cret" not in planned.url


def test_one_kernel_is_preheated_by_default_and_can_be_turned_off(default_plan, tmp_path):
    voila = default_plan.config["VoilaConfiguration"]
    assert (voila["preheat_kernel"], voila["default_pool_size"]) == (True, 1)
    cold = serve.plan(serve.ServeOptions(preheat=False), tmp_path / "run")
    assert cold.config["VoilaConfiguration"]["preheat_kernel"] is False


def test_tracebacks_are_hidden_and_idle_kernels_culled(default_plan):
    assert default_plan.config["VoilaConfiguration"]["show_tracebacks"] is False
    culling = default_plan.config["MappingKernelManager"]
    assert culling["cull_idle_timeout"] == serve.CULL_IDLE_TIMEOUT > 0
    assert culling["cull_interval"] == serve.CULL_INTERVAL > 0
    assert culling["cull_connected"] is False


def test_the_websocket_accepts_messages_bigger_than_the_upload_limit(default_plan):
    limit = default_plan.config["Voila"]["tornado_settings"]["websocket_max_message_size"]
    assert isinstance(limit, int)
    assert limit > 20 * 1024 * 1024


def test_the_kernel_sees_the_same_data_and_output_folders(default_plan, tmp_path):
    env = default_plan.environment
    assert env["WORKBENCH_DATA"] == str((tmp_path / "data").resolve())
    assert env["WORKBENCH_OUTPUT"] == str((tmp_path / "exports").resolve())
    assert env[serve.FILES_ROOT_ENV] == str(default_plan.root)


def test_only_files_in_the_output_folder_match_the_allowlist(default_plan, tmp_path):
    (pattern,) = default_plan.config["VoilaConfiguration"]["file_allowlist"]
    root = default_plan.root

    def allowed(path: Path) -> bool:
        return re.fullmatch(pattern, path.relative_to(root).as_posix()) is not None

    exports = (tmp_path / "exports").resolve()
    assert allowed(exports / "review-letter.docx")
    assert allowed(exports / "IC-266000-V6Y0" / "review.xlsx")
    assert not allowed(exports / ".review-letter.docx.tmp")
    assert not allowed(exports / ".." / "data" / "cases" / "X" / "case.json")
    assert not allowed((tmp_path / "data" / "cases" / "X" / "case.json").resolve())


def test_download_links_are_refused_for_files_outside_the_output_folder(default_plan, tmp_path):
    with pytest.raises(ExportError, match="not in the output folder"):
        serve.download_url(tmp_path / "data" / "cases" / "X" / "case.json")


# --- what a running server lets a browser download ---------------------------------------------


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def _raw_get(port: int, path: str) -> int:
    """A GET with the path sent exactly as written (no client-side ``..`` clean-up)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    finally:
        connection.close()


def _raw_get_body(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_exports_download_and_nothing_else_does(dashboard_server):
    output = dashboard_server.data.output
    letter = output / "IC-266000-V6Y0" / "review letter.docx"
    letter.parent.mkdir(parents=True)
    letter.write_bytes(b"PK\x03\x04 a letter")
    big = output / "big.xlsx"
    big.write_bytes(b"x" * (30 * 1024 * 1024))
    base = dashboard_server.url.rstrip("/")

    assert _get(base + serve.download_url(letter)) == (200, b"PK\x03\x04 a letter")
    status, body = _get(base + serve.download_url(big))
    assert status == 200 and len(body) == 30 * 1024 * 1024

    root = serve.files_root(serve.NOTEBOOK, output)
    case_json = dashboard_server.data.cases / "IC-266000-V6Y0" / "case.json"
    relative = case_json.resolve().relative_to(root).as_posix()
    assert _get(f"{base}/voila/files/{relative}")[0] == 403
    escape = f"{serve.download_url(letter).rsplit('/', 2)[0]}/../../../../../../etc/passwd"
    assert _raw_get(dashboard_server.port, escape) in (403, 404)
    assert _raw_get(dashboard_server.port, "/voila/files/../../etc/passwd") in (403, 404)
    notebook = serve.NOTEBOOK.resolve().relative_to(root).as_posix()
    assert _get(f"{base}/voila/files/{notebook}")[0] == 403

    # Jupyter's own pages and APIs, other notebooks and files: refused, whatever the route.
    for path in (
        "tree", "lab", "api/contents", "api/sessions", "api/kernelspecs", "api/terminals",
        "files/README.md", "notebooks/review.ipynb", "edit/README.md",
        "voila/render/review.ipynb", "voila/tree", "voila/api/contents/",
    ):  # fmt: skip
        assert _get(f"{base}/{path}")[0] in (403, 404, 405), path
    # Traversal, plain, encoded, double-encoded or absolute, on every file route.
    for path in (
        "/voila/files/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/voila/files/%252e%252e/%252e%252e/etc/passwd",
        "/voila/files/..%2F..%2F..%2Fetc%2Fpasswd",
        "/voila/files//etc/passwd",
        "/voila/files/%2Fetc%2Fpasswd",
        "/voila/static/../../../../../../etc/passwd",
        "/voila/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/voila/labextensions/../../../../../../etc/passwd",
        "/voila/templates/lab/static/../../../../../../../etc/passwd",
    ):
        status, body = _raw_get_body(dashboard_server.port, path)
        assert status != 200 and b"root:" not in body, path


# --- uploads: the websocket limit follows the upload limit -------------------------------------


def _send_to_kernel(port: int, kernel_id: str, padding: int) -> str:
    """Send one kernel message of about ``padding`` bytes: "reply", or "closed" if refused."""
    from tornado.websocket import WebSocketClosedError, websocket_connect

    async def exchange() -> str:
        url = f"ws://127.0.0.1:{port}/api/kernels/{kernel_id}/channels?session_id=test"
        connection = await websocket_connect(url, max_message_size=256 * 1024 * 1024)
        header = {"msg_id": "m1", "msg_type": "comm_info_request", "session": "test"}
        message = {
            "header": {**header, "username": "", "version": "5.3", "date": ""},
            "parent_header": {},
            "metadata": {"padding": "x" * padding},
            "content": {},
            "channel": "shell",
            "buffers": [],
        }
        try:
            await connection.write_message(json.dumps(message))
        except WebSocketClosedError:
            pass  # refused while still sending
        while True:
            reply = await asyncio.wait_for(connection.read_message(), 60)
            if reply is None:
                return "closed"
            if json.loads(reply)["header"]["msg_type"] == "comm_info_reply":
                connection.close()
                return "reply"

    return asyncio.run(exchange())


def test_messages_above_tornados_default_but_within_the_limit_reach_the_kernel(start_dashboard):
    server = start_dashboard("--no-preheat")
    with urllib.request.urlopen(server.url, timeout=60) as response:
        kernel_id = re.search(r'"kernelId": "([0-9a-f-]{36})"', response.read().decode()).group(1)
    megabyte = 1024 * 1024
    limit = serve.websocket_limit(20 * megabyte)
    assert _send_to_kernel(server.port, kernel_id, 15 * megabyte) == "reply"  # default: 10 MB
    assert _send_to_kernel(server.port, kernel_id, limit + megabyte) == "closed"


def test_links_in_the_output_folder_are_not_followed(dashboard_server):
    output = dashboard_server.data.output
    output.mkdir(parents=True, exist_ok=True)
    store = dashboard_server.data.root / "workbench.db"
    store.write_bytes(b"SQLite format 3\x00 every case")
    (output / "IC-266000-V6Y0-review-v1.xlsx").symlink_to(store)
    (output / "cases").symlink_to(dashboard_server.data.cases, target_is_directory=True)
    (output / "real.docx").write_bytes(b"PK\x03\x04 a letter")
    base = dashboard_server.url.rstrip("/")

    assert _get(base + serve.download_url(output / "real.docx"))[0] == 200
    root = serve.files_root(serve.NOTEBOOK, output)
    for link in ("IC-266000-V6Y0-review-v1.xlsx", "cases/IC-266000-V6Y0/case.json"):
        relative = (output / link).relative_to(root).as_posix()
        assert _get(f"{base}/voila/files/{relative}") == (403, b""), link
