"""``python -m workbench.checks --markdown``: print the checks' documentation."""

from __future__ import annotations

import argparse
import sys

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
    sys.stdout.write(markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
