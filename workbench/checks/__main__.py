"""``python -m workbench.checks --markdown``: print the checks' documentation.

The team folder the settings name (``WORKBENCH_TEMPLATES``) is included: its own checks,
the installed plugins' and the checks it switches off.
"""

from __future__ import annotations

import argparse
import sys

from ..errors import WorkbenchError
from .docs import markdown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m workbench.checks", description="Document the automated checks."
    )
    parser.add_argument(
        "--markdown", action="store_true", help="print docs/checks.md generated from the checks"
    )
    args = parser.parse_args(argv)
    if not args.markdown:
        parser.print_help()
        return 2
    try:
        sys.stdout.write(markdown())
    except WorkbenchError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
