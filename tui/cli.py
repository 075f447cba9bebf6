"""The command line. Headless commands never import Textual (they run in login scripts)."""

from __future__ import annotations

import argparse
import sys

from tui import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="followup",
        description="Followup: thank-you notes, recruiter directions and follow-ups after an interview.",
    )
    parser.add_argument("--version", action="version", version=f"followup {__version__}")
    parser.add_argument("--db", metavar="PATH", help="data file (default: $FOLLOWUP_DB, else the user data dir)")
    parser.add_argument("--demo", action="store_true", help="open the board on a throw-away copy of the demo data")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
