"""Starting the board: the file read once, the demo data, the garbage collector.

Kept apart from the app class so that the start-up choices are read in one place.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

from tui.core import clock
from tui.core.errors import FollowupError
from tui.core.settings import Settings
from tui.store import Store, WriteFailedError
from tui.store.paths import check_target, refusal
from tui.ui.app import FollowupApp
from tui.ui.board.views import start_views

WARNING_SECONDS = 20  # long enough to read a line that lists every settings key


def start_board(store: Store, settings: Settings, *, demo: bool = False, app_class=None,
                warnings: Sequence[str] = (), **options) -> FollowupApp:
    """The board app for `store` with its applications in, ready to run.

    Raises FollowupError when the file cannot be read. A file with damaged
    records opens read-only, with the records that load and a banner. With `demo`, an empty
    store is first filled with the demo applications (the caller passes a
    throw-away store). `warnings` (an unknown key in config.toml) are shown once each, as
    notifications: standard error is hidden behind the board. `options` go to the app.
    """
    # Start-up makes a great many objects that live as long as the board: the
    # records and the cards made from them. The cycle collector would walk them
    # again and again while they are made and at every later full collection
    # (at 10,000 cards, the first screen opened paid ~100 ms for it). So it is
    # off while they are made, and they are then frozen out of its reach. This
    # is the board's one place that touches the collector (commands: cli.collector_paused).
    app_class = app_class or FollowupApp
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        cannot = ""
        try:
            apps, fingerprint, problems = store.open_snapshot()  # creates or migrates the file if need be
        except WriteFailedError as exc:
            if not store.real_path.exists():  # nothing to show: the first run cannot create its file
                raise
            # An older file that cannot be written (read-only, immutable) is still read, migrated in
            # memory only, and shown read-only, as a current one is; it is never written.
            apps, fingerprint, problems = store.snapshot()
            cannot = refusal(exc)
        if demo and not apps:
            from tui.core.demo import demo_applications

            store.add_many(demo_applications(clock.now(), settings.zone))
            apps, fingerprint, problems = store.snapshot()
        views = start_views({a.id: a for a in apps}, settings)
        app = app_class(store, settings, apps=apps, fingerprint=fingerprint, demo=demo,
                        damaged=problems, unwritable=cannot or unwritable(store), start_views=views, **options)
        for line in warnings:  # queued now, shown once the board is up (notify posts a message)
            app.notify(line, severity="warning", timeout=WARNING_SECONDS, markup=False)
        return app
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def unwritable(store: Store) -> str:
    """Why the data file cannot be written, or "": said once, at start-up, before anything is typed."""
    try:
        check_target(store.real_path)
    except WriteFailedError as exc:
        return refusal(exc)
    folder = store.real_path.parent
    if not os.access(folder, os.W_OK):
        return f"{folder} cannot be written (a read-only disk or folder), so nothing you change can be saved"
    return ""


def run_board(store: Store, settings: Settings, demo: bool = False, warnings: Sequence[str] = ()) -> int:
    """Open the board on `store` and return its exit code.

    A file that cannot be read raises FollowupError before anything is drawn
    (the command line says why in one line, exits 2, and the file is untouched).
    """
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise FollowupError(
            "the board needs a terminal, and standard input or output is not one; without a terminal "
            "use the commands (followup list, due, add, move, close, letter, export …; followup --help)"
        )
    window_size_from_the_terminal()
    app = start_board(store, settings, demo=demo, warnings=warnings, handle_signals=True)
    app.run()
    for line in app.rescued:
        print(line, file=sys.stderr)
    return 1 if app.rescued else app.return_code or 0  # PRODUCT: exit 1 when text went to a rescue file


def window_size_from_the_terminal() -> None:
    """Let the board take its size from the terminal, never from COLUMNS and LINES.

    Textual asks shutil.get_terminal_size, which prefers those variables when they are exported: a
    leftover `export COLUMNS=80` in a shell's startup file drew an 80x24 board in a 120x40 pane, 200x60
    drew it with its top off screen, and 999999 grew the process past 1.9 GB (fuzz fz6 7). A resize did
    not correct it. The commands still follow COLUMNS for their tables, as `ls` does; the board is drawn
    in the window it has.
    """
    os.environ.pop("COLUMNS", None)
    os.environ.pop("LINES", None)
