"""Run the store's tests on both databases the workbench supports: SQLite and PostgreSQL.

A test that takes the ``store_url`` fixture (directly or through another fixture) runs
once per store named by ``--stores`` (default ``sqlite,postgresql``), as
``test_x[sqlite]`` and ``test_x[postgresql]``.  ``store_url`` is a fresh, empty store
for that test, and ``WORKBENCH_DB`` points at it, so ``Store()`` and the ``workbench``
commands use it too.

The PostgreSQL run uses a throwaway cluster started once for the session
(:mod:`postgres_cluster`), each test in a schema of its own.  When no server can be
started the PostgreSQL tests are skipped, saying why, except under CI (``CI=true``),
where that is a failure: CI must test both stores.

Loaded as a plugin by ``tests/conftest.py`` (``pytest_plugins``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from postgres_cluster import Cluster, ClusterUnavailable

STORES = ("sqlite", "postgresql")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--stores",
        default=",".join(STORES),
        help="comma-separated stores to run the store tests on (default: sqlite,postgresql)",
    )


def chosen_stores(config: pytest.Config) -> list[str]:
    chosen = [name.strip() for name in config.getoption("stores").split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(STORES))
    if unknown:
        raise pytest.UsageError(f"--stores: unknown {', '.join(unknown)}; use {', '.join(STORES)}")
    return chosen


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "store_backend" in metafunc.fixturenames:
        metafunc.parametrize("store_backend", chosen_stores(metafunc.config), indirect=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    """The session's PostgreSQL cluster, or a skip (a failure under CI) saying why not."""
    try:
        cluster = Cluster.start()
    except ClusterUnavailable as exc:
        if in_ci():
            pytest.fail(f"CI=true but PostgreSQL cannot be started: {exc}")
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def store_backend(request: pytest.FixtureRequest) -> str:
    """Which database this run of the test uses (``sqlite`` or ``postgresql``)."""
    return request.param


@pytest.fixture
def new_store_url(store_backend: str, request: pytest.FixtureRequest, tmp_path_factory):
    """Makes another fresh, empty store of this run's kind each time it is called."""

    def new() -> str:
        if store_backend == "postgresql":
            return request.getfixturevalue("postgres").schema_url()
        return f"sqlite:///{tmp_path_factory.mktemp('store') / 'reviews.db'}"

    return new


@pytest.fixture
def store_url(new_store_url, monkeypatch) -> str:
    """A fresh, empty store of this run's kind; ``WORKBENCH_DB`` points at it."""
    url = new_store_url()
    monkeypatch.setenv("WORKBENCH_DB", url)
    return url
