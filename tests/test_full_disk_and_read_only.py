"""A full disk or a read-only folder gets one line, no traceback, and nothing half-written.

A full disk is simulated where Python hands the bytes to the disk (``os.fsync``
failing with ENOSPC, as it does when the disk fills); a read-only folder is
made read-only for real (``chmod``, or for root, who ignores modes,
``chattr +i``).  The store's own behaviour on a full disk is SQLite's
(``tests/test_store_crash.py``).
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from review_fixtures import CASE_ID, decided_review

from workbench.cli import main
from workbench.store import Store

UPLOAD = Path(__file__).resolve().parent / "files" / "upload_case"


def one_error_line(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    (line,) = result.output.splitlines()
    assert line.startswith("Error: ")
    return line


@pytest.fixture
def disk_full_after(monkeypatch):
    """``disk_full_after(n)``: the (n+1)th file written from now on finds the disk full."""

    def arm(successes: int) -> None:
        real = os.fsync
        calls = {"n": 0}

        def fsync(fd: int) -> None:
            calls["n"] += 1
            if calls["n"] > successes:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real(fd)

        monkeypatch.setattr(os, "fsync", fsync)

    return arm


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Make folders and files read-only for this process, even if it runs as root."""
    if os.geteuid() != 0:
        modes = {path: path.stat().st_mode for path in paths}
        for path in paths:
            path.chmod(modes[path] & ~0o222)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: cannot make a folder read-only")
    done = []
    try:
        for path in paths:
            if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
                pytest.skip(f"chattr +i is not supported for {path} here")
            done.append(path)
        yield
    finally:
        for path in done:
            subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.fixture
def reviewed(seed_case, isolated_data) -> Path:
    with Store() as store:
        store.create(decided_review(), "ann")
    return isolated_data


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*")) if folder.exists() else []


# -- a full disk --------------------------------------------------------------------------------


def test_an_export_that_fills_the_disk_part_way_leaves_no_partial_set(
    reviewed, tmp_path, disk_full_after
):
    out = tmp_path / "out"
    disk_full_after(2)  # the letter in Word and HTML fit; the Markdown does not
    line = one_error_line("export", CASE_ID, "--out", str(out), "--format", "docx,html,md,xlsx")
    assert line == (
        f"Error: Cannot write the export to {out}: No space left on device; nothing was written"
    )
    assert _files(out) == []


def test_other_writes_that_fill_the_disk_get_one_line_and_leave_nothing(
    reviewed, tmp_path, disk_full_after
):
    disk_full_after(0)
    report = tmp_path / "register.xlsx"
    line = one_error_line("register", "report", "--xlsx", str(report), "--today", "2024-06-30")
    assert line == f"Error: Cannot use {report}: No space left on device"
    exported = tmp_path / "review.json"
    line = one_error_line("review", "export-json", CASE_ID, "--out", str(exported))
    assert line == f"Error: Cannot use {exported}: No space left on device"
    assert _files(tmp_path) == []


def test_a_new_case_that_fills_the_disk_leaves_no_folder_behind(isolated_data, disk_full_after):
    cases = isolated_data / "cases"
    disk_full_after(0)
    line = one_error_line("case", "new", "--response", str(UPLOAD / "response.txt"))
    assert line == (
        f"Error: Cannot create the case FOI-2024-0193 in {cases}: No space left on device; "
        "nothing was written"
    )
    assert _files(cases) == []


# -- read-only folders --------------------------------------------------------------------------


def test_a_read_only_data_folder_can_still_be_read(reviewed):
    store_file = reviewed / "workbench.db"
    with read_only(store_file, reviewed, reviewed / "cases"):
        listed = CliRunner().invoke(main, ["review", "list"])
        assert listed.exit_code == 0, listed.output
        assert listed.output.startswith(f"{CASE_ID}\tv1\tIn progress")
        shown = CliRunner().invoke(main, ["review", "show", CASE_ID])
        assert shown.exit_code == 0 and shown.output.startswith(f"Review of {CASE_ID}")
        assert CliRunner().invoke(main, ["audit", "verify"]).exit_code == 0
        line = one_error_line("review", "start", CASE_ID, "--reviewer", "Bob")
        assert "is read-only here (its folder cannot be written); nothing was saved" in line
    with Store() as store:  # and once writable again, nothing was lost
        assert store.get(CASE_ID) == decided_review()


def test_writing_into_a_read_only_folder_gets_one_line(reviewed, tmp_path):
    out = tmp_path / "locked"
    out.mkdir()
    with read_only(out):
        line = one_error_line("export", CASE_ID, "--out", str(out))
        assert line.startswith(f"Error: Cannot write the export to {out}: ")
        assert line.endswith("; nothing was written")
        line = one_error_line("review", "export-json", CASE_ID, "--out", str(out / "r.json"))
        assert line.startswith(f"Error: Cannot use {out / 'r.json'}: ")
    assert _files(out) == []
    with read_only(reviewed / "cases"):
        line = one_error_line("case", "new", "--response", str(UPLOAD / "response.txt"))
        assert line.startswith("Error: Cannot create the case FOI-2024-0193 in ")
