"""How fast, and in how little memory, the zip bombs of issue 11 are refused.

Builds the probe's two bombs in a temporary folder:

* a 1 MB search-record workbook whose one shared string is 1 GB;
* a 20 MB Word document holding 499 MB of XML, padded with random bytes so
  that it passes a compression-ratio check on its own;

then, each in a fresh process, refuses them the ways a user meets them: the
command line (``workbench case new --searches``, ``workbench extract``,
``workbench review import-xlsx``) and the dashboard's upload check
(``workbench.uploads.check_upload``, what the page's kernel runs).  Prints the
wall-clock time and the process's peak resident memory (interpreter and
libraries included) for each, and the first line of what it said.  The
target: under 5 s and 1 GiB each.

Run from the checkout:  python benchmarks/bench_zip_bombs.py [--small]
(``--small`` builds 64 MB bombs instead, in a few seconds.)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from bomb_fixtures import huge_string_xlsx, padded_docx  # noqa: E402

TARGET_SECONDS = 5
TARGET_MIB = 1024

UPLOAD_CHECK = """
import sys, time
from pathlib import Path
from workbench.errors import DocumentError
from workbench.uploads import Upload, check_upload
path = Path(sys.argv[2])
started = time.perf_counter()
try:
    check_upload(sys.argv[1], Upload(path.name, path.read_bytes()))
    said = "accepted"
except DocumentError as exc:
    said = f"Error: {exc}"
print(f"[check alone {time.perf_counter() - started:.2f} s] {said}")
"""


def run(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak MiB and the first output line of one command in a fresh process."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    output = child.stdout.read().decode(errors="replace")
    _, _, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    first = (output.strip().splitlines() or ["(no output)"])[0]
    return seconds, usage.ru_maxrss / 1024, first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="64 MB bombs, built quickly")
    args = parser.parse_args()
    xlsx_mb, docx_mb = (64, 64) if args.small else (1024, 499)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        built = time.perf_counter()
        xlsx = huge_string_xlsx(folder / "searches.xlsx", xlsx_mb, pad=False)
        docx = padded_docx(folder / "letter.docx", xml_mb=docx_mb)
        print(
            f"built {xlsx.name} ({xlsx.stat().st_size / 2**20:.1f} MB, one {xlsx_mb} MB string) "
            f"and {docx.name} ({docx.stat().st_size / 2**20:.1f} MB, {docx_mb} MB of XML) "
            f"in {time.perf_counter() - built:.0f} s"
        )
        # The probe's Word bomb is just over the default 20 MB upload limit: raise the limit
        # so that the archive's own checks are what refuse it.
        env = {
            **os.environ,
            "WORKBENCH_DATA": str(folder / "data"),
            "WORKBENCH_MAX_UPLOAD_MB": "30",
        }
        workbench = [sys.executable, "-m", "workbench"]
        response = str(ROOT / "tests" / "files" / "upload_case" / "response.txt")
        cases = {
            "CLI start-up alone": [*workbench, "case", "list"],
            "CLI case new --searches": [
                *workbench,
                "case",
                "new",
                "--response",
                response,
                "--searches",
                str(xlsx),
            ],
            "CLI review import-xlsx": [
                *workbench,
                "review",
                "import-xlsx",
                str(xlsx),
                "--who",
                "bench",
            ],
            "CLI extract (docx)": [*workbench, "extract", str(docx)],
            "upload: search record": [sys.executable, "-c", UPLOAD_CHECK, "searches", str(xlsx)],
            "upload: response (docx)": [sys.executable, "-c", UPLOAD_CHECK, "response", str(docx)],
        }
        for name, command in cases.items():
            seconds, mib, said = run(command, env)
            within = seconds < TARGET_SECONDS and mib < TARGET_MIB
            print(
                f"{name:26} {seconds:5.2f} s  {mib:6.0f} MiB  {'ok' if within else 'OVER'}  "
                f"{said[:120]}"
            )


if __name__ == "__main__":
    main()
