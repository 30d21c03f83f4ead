"""How long Outlook messages take to load, and a folder of case folders to import.

A team's first import may be hundreds of folders of .msg files, so the figures
are per message (the first one also pays for importing extract-msg, which the
loader imports only when a .msg is read) and per case folder imported.

Run from the checkout:  python benchmarks/bench_case_import.py [folders]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from msg_fixtures import Attachment, build_msg  # noqa: E402


def main(folders: int = 20) -> None:
    response = (ROOT / "workbench" / "seed" / "IC-266000-V6Y0" / "response.txt").read_text()
    message = build_msg(
        subject="RE: Your FOI request IC-266000-V6Y0",
        body=response,
        attachments=[Attachment("disclosure.pdf", b"%PDF-1.4 " + b"x" * 50_000)],
    )
    print(f"message: {len(message) / 1024:.0f} KiB, body {len(response):,} characters")

    start = time.perf_counter()
    from workbench.documents import load_bytes

    load_bytes(message, "first.msg")
    first = time.perf_counter() - start
    times = []
    for _ in range(20):
        start = time.perf_counter()
        load_bytes(message, "again.msg")
        times.append(time.perf_counter() - start)
    print(f"first .msg (imports extract-msg): {first:.3f} s")
    print(f"each .msg after: median {statistics.median(times) * 1000:.1f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["WORKBENCH_DATA"] = str(Path(tmp) / "data")
        from workbench.case_import import case_folders, import_case_folder

        inbox = Path(tmp) / "inbox"
        for n in range(folders):
            folder = inbox / f"FOI-{n:04d}"
            folder.mkdir(parents=True)
            (folder / "Message.msg").write_bytes(message)
            (folder / "searches.csv").write_text("where,search terms\nSharePoint,DPIA\n")
        start = time.perf_counter()
        results = [import_case_folder(sub) for sub in case_folders(inbox)]
        took = time.perf_counter() - start
    imported = sum(result.imported for result in results)
    print(
        f"case import: {imported}/{folders} folders in {took:.2f} s, "
        f"{took / folders * 1000:.0f} ms per folder (loading, extracting, copying)"
    )


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:2]))
