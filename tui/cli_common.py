"""What the command line's modules share: the clock, the settings, the data file and its --db option.

tui/cli.py (the parser and most commands), tui/cli_letter.py (the letter command)
and tui/main.py (the board) import these from here, so that no module imports
helpers back from the one that imports it. Like tui/cli.py, only argparse is
imported up front.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """--db, declared once: on the top-level parser and on the parent every command is made with.

    Given both before and after the command, the one after wins; not given, it
    is absent from the arguments, and the store comes from $FOLLOWUP_DB or the
    user data dir.
    """
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="data file (default: $FOLLOWUP_DB, else the user data dir)")


def now():
    from tui.core import clock

    return clock.now()


def user_settings():
    """Settings from config.toml in the config dir; defaults when it is absent."""
    from tui.core.errors import ValidationError
    from tui.core.settings import load_settings
    from tui.store.store import default_config_dir

    path = default_config_dir() / "config.toml"
    try:
        return load_settings(path)
    except OSError as exc:
        raise ValidationError(f"{path}: cannot be read ({exc.strerror}); fix or remove the file") from None


def open_store(args, *, opened: bool = True):
    """The store at --db, $FOLLOWUP_DB or the user data dir, created on first use.

    `opened=False` leaves the reading to the caller: the board reads the file
    once (see tui/ui/launch.py).
    """
    store = store_at(args)
    return store.open() if opened else store


def store_at(args):
    """The store of --db or $FOLLOWUP_DB (whose folder must exist), else of the default data folder
    (created on first run)."""
    import os

    from tui.store.store import Store, default_db_path

    given = getattr(args, "db", None) or os.environ.get("FOLLOWUP_DB")
    return Store(given or default_db_path(), create_folder=not given)


def read_apps(args) -> tuple[list, int]:
    """The applications that load, and the exit code the command ends with.

    A damaged record is left out and named on standard error, and the code is
    1: reading a damaged file still works; writing to it is refused.
    """
    store = store_at(args)  # reading only: nothing is created or migrated on disk
    apps, _, problems = store.snapshot()
    for problem in problems:
        print(f"followup: {store.path}: left out a damaged record: {problem}", file=sys.stderr)
    if problems:
        print(f"followup: {store.path} is damaged, so Followup will not write to it; fix it by hand or "
              f"restore a backup ({store.path.name}.bak-* beside it, if any)", file=sys.stderr)
    return apps, 1 if problems else 0


def write_output(name: str | None, payload: bytes, what: str) -> Path | None:
    """Every `-o FILE`: None or '-' is standard output; a file is replaced atomically,
    and only where paths.check_target allows (never a device, a FIFO or a read-only
    file, never into a missing folder). Returns the file written, None for stdout."""
    if name in (None, "-"):
        sys.stdout.write(payload.decode("utf-8", "backslashreplace"))
        sys.stdout.flush()
        return None
    from tui.core.errors import ValidationError
    from tui.store.atomic import atomic_write_bytes
    from tui.store.errors import StoreError

    target = Path(name).expanduser()
    try:
        atomic_write_bytes(target, payload)
    except (OSError, StoreError) as exc:  # the store words its OS errors for the data file; reword
        cause = exc if isinstance(exc, OSError) else exc.__cause__
        if not isinstance(cause, OSError):  # refused by check_target: its message says what to do
            raise ValidationError(f"cannot write {what}: {exc}") from None
        why = cause.strerror or "the disk refused it"
        raise ValidationError(f"{target}: cannot write {what} ({why}); pick another file with -o") from None
    return target


def command(subparsers, common, name: str, help_text: str, example: str, handler, extra: str = ""):
    """A command as every command is declared: its help, `extra` text, then an example, with --db."""
    epilog = (extra + "\n\n" if extra else "") + "example:\n  " + example.replace("\n", "\n  ")
    parser = subparsers.add_parser(
        name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".",
        epilog=epilog, parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=handler)
    return parser
