"""The `followup` program: the board when no command is given, otherwise a command.

The board's launcher lives here, not in tui/cli.py, so that the command line's
modules never import Textual (an import-linter contract in pyproject.toml
holds them to it). tui.cli still parses and checks the arguments, and reports
errors, for the board as for every command.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui import cli
from tui.cli_common import now, open_store, user_settings


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, board=board)


def board(args: argparse.Namespace) -> int:
    """The board; with --demo, on the demo data in a temporary file deleted on exit."""
    import tempfile
    from contextlib import ExitStack

    settings = user_settings()
    with ExitStack() as cleanup:
        if args.demo:
            from tui.core.demo import demo_applications
            from tui.store.store import Store

            folder = cleanup.enter_context(tempfile.TemporaryDirectory(prefix="followup-demo-"))
            store = Store(Path(folder) / "demo.json").open()
            store.add_many(demo_applications(now(), settings.zone))
        else:
            store = open_store(args, opened=False)
        from tui.ui.launch import run_board  # Textual loads only here

        result = run_board(store, settings, demo=args.demo)
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
