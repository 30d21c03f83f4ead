"""With a token every route of ``workbench serve`` wants it; the token is long, never printed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from http_probes import get, websocket_status

from workbench import serve
from workbench.cli import main
from workbench.errors import SettingsError

TOKEN = "a-test-token-of-32-characters-xx"


# --- the token itself --------------------------------------------------------------------------


@pytest.mark.parametrize("token", ["x", "short-token-15c"])
def test_a_token_shorter_than_16_characters_is_refused(token):
    with pytest.raises(SettingsError, match="at least 16"):
        serve.check_token(token)


def test_the_command_refuses_a_short_token_in_one_line():
    result = CliRunner().invoke(main, ["serve", "--ip", "0.0.0.0", "--token", "abc"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: The token is 3 characters long; use at least 16")
    assert len(result.output.strip().splitlines()) == 1


# --- every route wants it ----------------------------------------------------------------------


def _voila_app(tmp_path: Path, preheat: bool):
    from workbench.voila_app import WorkbenchVoila

    config = {
        "Voila": {"token": TOKEN},
        "VoilaConfiguration": {"preheat_kernel": preheat, "default_pool_size": 0},
        "WorkbenchVoila": {"output_dir": str(tmp_path)},
    }
    (tmp_path / "voila.json").write_text(json.dumps(config))
    app = WorkbenchVoila()
    app.initialize([str(serve.NOTEBOOK), f"--Voila.config_file_paths={tmp_path}"])
    app.init_settings()
    return app


@pytest.mark.parametrize("preheat", [False, True], ids=["cold", "preheated"])
def test_every_route_is_gated_and_only_the_login_form_and_its_styles_are_public(tmp_path, preheat):
    from workbench.voila_app import Gate

    handlers = _voila_app(tmp_path, preheat).init_handlers()
    routes = {pattern: handler for pattern, handler, _ in handlers}
    assert all(issubclass(handler, Gate) for handler in routes.values())
    public = sorted(pattern for pattern, handler in routes.items() if not handler.gate_needs_login)
    expected = ["/login", "/logout", "/voila/static/(.*)"]
    if preheat:
        expected.append(r"/voila/query/(?P<kernel_id>\w+-\w+-\w+-\w+-\w+)")
    assert public == sorted(expected)
    assert routes["/voila/files/(.*)"].gate_needs_login


def test_with_a_token_exports_and_every_route_refuse_a_request_without_it(start_dashboard):
    server = start_dashboard("--token", TOKEN, "--no-preheat")
    output = server.data.output
    letter = output / "IC-266000-V6Y0" / "IC-266000-V6Y0-review-v1.docx"
    letter.parent.mkdir(parents=True)
    letter.write_bytes(b"PK\x03\x04 the letter")
    download = serve.download_url(letter)

    # Without the token: the login form, never the file.
    refused = get(server.port, download)
    assert refused.status == 302 and b"the letter" not in refused.body
    # With it, in the address or as a header: the file, and a login cookie.
    served = get(server.port, f"{download}?token={TOKEN}")
    assert (served.status, served.body) == (200, b"PK\x03\x04 the letter")
    assert get(server.port, download, {"Authorization": f"token {TOKEN}"}).status == 200
    # The cookie alone is enough afterwards, as for a browser.
    login = served.cookie.split(";", 1)[0]
    assert get(server.port, download, {"Cookie": login}).status == 200
    assert get(server.port, f"{download}?token=not-{TOKEN}").status == 302

    kernel = "00000000-0000-0000-0000-000000000000"
    for path in (
        "/",
        "/voila/labextensions/@voila-dashboards/widgets-manager8/package.json",
        "/voila/templates/lab/static/index.css",
        "/voila/api/themes/@jupyterlab/theme-light-extension/index.css",
        f"/api/kernels/{kernel}",
    ):
        status = get(server.port, path).status
        assert status in (302, 403), f"{path} answered {status} without the token"
    assert get(server.port, "/login").status == 200
    assert get(server.port, "/voila/static/favicon.ico").status == 200
    assert websocket_status(server.port, f"/api/kernels/{kernel}/channels") == 403
    # The token is printed nowhere: neither by workbench serve nor by Voila.
    assert re.search(r"Serving the dashboard at http://127\.0\.0\.1:\d+/ ", server.log())
    assert TOKEN not in server.log()
