"""The worked example shipped inside the package, and a new data folder's first case.

Why in the package: ``pip install`` of the wheel must give a working ``workbench serve``
and ``workbench case list`` in any folder, with a case to try, as the checkout's
``make serve`` does.  The seed case (``workbench/seed/``, package data) is the one copy;
a data folder whose ``cases/`` does not exist yet starts with a copy of it, and
sandboxes and tests copy it too.  Its documents are never changed in place.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

#: The worked example: a real ICO-published response, with its request.
SEED_CASE_ID = "IC-266000-V6Y0"

#: The package's folder of seed cases (package data).
SEED_CASES = Path(__file__).resolve().parent / "seed"


def seed_case_folder() -> Path:
    """The seed case inside the package (read only: copy it to use it)."""
    return SEED_CASES / SEED_CASE_ID


def provide_cases_folder(cases_root: Path) -> None:
    """Create ``cases_root`` holding a copy of the seed case, unless it exists already.

    Only a missing folder is filled, so a team that deletes the seed case does not get
    it back.  The copy is made beside the folder and renamed into place, so two
    processes starting together never see half a case.
    """
    if cases_root.exists():
        return
    cases_root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".cases-", dir=cases_root.parent))
    try:
        shutil.copytree(seed_case_folder(), staging / SEED_CASE_ID)
        try:
            staging.rename(cases_root)
        except OSError:  # another process made the folder first
            if not cases_root.is_dir():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
