"""A throwaway data folder: cases, store and exports that vanish when you are done.

Why: the analysts' notebooks (and anyone trying the workbench out) must run top to
bottom anywhere — in CI, or on a machine whose ``data/`` holds real reviews — without
reading or writing the real store.  A sandbox points the workbench's settings
(``WORKBENCH_DATA``, ``WORKBENCH_DB``, ``WORKBENCH_OUTPUT``, ``WORKBENCH_TEMPLATES``) at a
temporary folder, optionally holding a copy of the seed case, with a copy of the team
folder an analyst may change freely (a catalogue overlay, a check of their own), and
puts them back when closed.

Usage::

    with open_sandbox() as box:              # a copy of the seed case inside
        case = box.case()                    # load_case("IC-266000-V6Y0") in the sandbox
        Store()                              # the sandbox's own workbench.db
        (box.team / "checks").mkdir()        # the sandbox's copy of the team folder
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import settings
from .cases import Case, load_case
from .seed_case import SEED_CASE_ID, seed_case_folder

_SETTINGS = ("WORKBENCH_DATA", "WORKBENCH_DB", "WORKBENCH_OUTPUT", "WORKBENCH_TEMPLATES")


@dataclass
class Sandbox:
    """A temporary data folder the workbench's settings point at until :meth:`close`."""

    root: Path
    _saved: dict[str, str | None] = field(default_factory=dict, repr=False)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def output(self) -> Path:
        """Where exports go (``WORKBENCH_OUTPUT``)."""
        return self.root / "exports"

    @property
    def team(self) -> Path:
        """The sandbox's copy of the team folder (``WORKBENCH_TEMPLATES``)."""
        return self.root / "team"

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.data / 'workbench.db'}"

    def case(self, case_id: str = SEED_CASE_ID) -> Case:
        """A case in the sandbox (the seed case by default)."""
        return load_case(case_id, self.data / "cases")

    def close(self) -> None:
        """Put the settings back and delete the folder."""
        for name, value in self._saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        self._saved.clear()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_sandbox(*, seed_case: bool = True, prefix: str = "workbench-sandbox-") -> Sandbox:
    """Make a temporary data folder (with a copy of the seed case) and a copy of the team
    folder the settings name, and point the settings at them."""
    root = Path(tempfile.mkdtemp(prefix=prefix))
    box = Sandbox(root)
    (box.data / "cases").mkdir(parents=True)
    box.output.mkdir()
    if seed_case:
        shutil.copytree(seed_case_folder(), box.data / "cases" / SEED_CASE_ID)
    team = settings.templates_dir()
    if team.is_dir():
        shutil.copytree(team, box.team)
    else:
        box.team.mkdir()
    box._saved = {name: os.environ.get(name) for name in _SETTINGS}
    os.environ["WORKBENCH_DATA"] = str(box.data)
    os.environ["WORKBENCH_DB"] = box.db_url
    os.environ["WORKBENCH_OUTPUT"] = str(box.output)
    os.environ["WORKBENCH_TEMPLATES"] = str(box.team)
    return box
