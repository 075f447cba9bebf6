"""The `followup` program: the board when no command is given, otherwise a command.

The board's launcher lives here, not in tui/cli.py, so that the command line's
modules never import Textual (an import-linter contract in pyproject.toml
holds them to it). tui.cli still parses and checks the arguments, and reports
errors, for the board as for every command.
"""

from __future__ import annotations

import argparse
import sys
import types
from pathlib import Path


class _ImportedOnFirstUse(types.ModuleType):
    """Stands in sys.modules for a module until one of its names is asked for."""

    def __getattr__(self, attr: str):
        import importlib

        del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        return getattr(real, attr)


def defer_unused_date_parser() -> None:
    """Import dateutil's parser only if something uses it (nothing does): 15 ms of every start.

    pendulum imports it for a fallback that reads free-form dates, used only
    when asked for `strict=False`; Followup reads typed times with its own
    reader (tui.core.when) and stored ones as ISO 8601, always strict. Done
    here, in the entry point, before pendulum is first imported. (importlib's
    LazyLoader cannot do it on Python 3.11: the next `import` of the module loads it.)
    """
    sys.modules.setdefault("dateutil.parser", _ImportedOnFirstUse("dateutil.parser"))


defer_unused_date_parser()

from tui import cli  # noqa: E402  (after the deferral above)
from tui.cli_common import now, open_store, user_settings  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, board=board)


def board(args: argparse.Namespace) -> int:
    """The board; with --demo, on the demo data in a temporary file deleted on exit."""
    import tempfile
    from contextlib import ExitStack

    warnings: list[str] = []  # shown on the board, where standard error is hidden behind the screen
    settings = user_settings(warnings)
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

        result = run_board(store, settings, demo=args.demo, warnings=warnings)
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
