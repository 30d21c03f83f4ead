"""Fixtures that serve the dashboard for a test.

They reach every test through ``pytest_plugins`` in ``tests/conftest.py``.

- ``dashboard_data``: a temporary data folder holding a copy of the seed case,
  with ``WORKBENCH_DATA``, ``WORKBENCH_OUTPUT``, ``WORKBENCH_DB`` and Jupyter's
  folders pointed into ``tmp_path`` for this process and the server alike.
- ``start_dashboard(*serve_args)``: start ``workbench serve`` (free loopback
  port, own process group) and return a ``RunningServer`` (``.url``, ``.port``,
  ``.data``, ``.log()``); every server started is stopped after the test, and a
  failing test prints the server's log.
- ``dashboard_server``: one server with the default flags.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from dashboard_server import (
    DataFolder,
    RunningServer,
    make_data_folder,
    start_server,
    workbench_environment,
)


@pytest.fixture
def dashboard_data(tmp_path, monkeypatch) -> DataFolder:
    """A temporary data folder with the seed case, used by this process and the server."""
    data = make_data_folder(tmp_path)
    for variable, value in workbench_environment(data, tmp_path).items():
        monkeypatch.setenv(variable, value)
    return data


@pytest.fixture
def start_dashboard(
    dashboard_data: DataFolder, tmp_path, request
) -> Iterator[Callable[..., RunningServer]]:
    """A function that starts ``workbench serve *args`` on the test's data folder."""
    servers: list[RunningServer] = []
    failed_before = request.session.testsfailed

    def start(*args: str, **kwargs) -> RunningServer:
        log_path = tmp_path / f"serve-{len(servers) + 1}.log"
        server = start_server(
            *args,
            env=workbench_environment(dashboard_data, tmp_path),
            log_path=log_path,
            data=dashboard_data,
            **kwargs,
        )
        servers.append(server)
        return server

    try:
        yield start
    finally:
        for server in servers:
            server.stop()
        if request.session.testsfailed > failed_before:
            for server in servers:
                print(f"----- log of workbench serve on port {server.port} -----")
                print(server.log())


@pytest.fixture
def dashboard_server(start_dashboard) -> RunningServer:
    """The dashboard served with the default flags, on a copy of the seed case."""
    return start_dashboard()
