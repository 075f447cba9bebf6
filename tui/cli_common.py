"""What the command line's modules share: the clock, the settings, the data file and its --db option.

tui/cli.py (the parser and most commands), tui/cli_letter.py (the letter command)
and tui/main.py (the board) import these from here, so that no module imports
helpers back from the one that imports it. Like tui/cli.py, only argparse is
imported up front.
"""

from __future__ import annotations

import argparse


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
