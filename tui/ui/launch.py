"""Starting the board: from the start-up index when it still describes the file, else from the file.

Kept apart from the app class so that the start-up choices (the index, the
demo data, the garbage collector) are read in one place.
"""

from __future__ import annotations

import gc

from tui.core import clock
from tui.core.settings import Settings
from tui.core.summary import rules_key
from tui.store import Store
from tui.store.board_index import read_index
from tui.ui.app import FollowupApp


def start_board(store: Store, settings: Settings, *, demo: bool = False, app_class=None, **options) -> FollowupApp:
    """The board app for `store`, ready to run; raises FollowupError when the file cannot be read.

    When the start-up index still describes the file, the board is drawn from
    it and the applications load behind it; otherwise they are read first.
    With `demo`, an empty store is first filled with the demo applications
    (the caller passes a throw-away store). `options` go to the app.
    """
    # Start-up allocates a great many objects that live as long as the board:
    # the cycle collector would walk them again and again (at 10,000 cards that
    # cost more than the first frame). It stays off until they are all in, and
    # they are then frozen out of its reach. Done here, for the whole process,
    # not per app: tests run many apps in one process.
    app_class = app_class or FollowupApp
    gc.disable()

    def collector_back() -> None:
        gc.freeze()
        gc.enable()

    try:
        found = None if demo else read_index(store.real_path, rules_key(settings))
        if found is not None:
            summaries, fingerprint = found
            app = app_class(store, settings, summaries=summaries, fingerprint=fingerprint, **options)
            app.after_load = collector_back
            return app
        apps, fingerprint = store.open_snapshot()
        if demo and not apps:
            from tui.core.demo import demo_applications

            store.add_many(demo_applications(clock.now(), settings.zone))
            apps, fingerprint = store.snapshot()
        app = app_class(store, settings, apps=apps, fingerprint=fingerprint, demo=demo, **options)
    except BaseException:
        gc.enable()
        raise
    collector_back()
    return app


def run_board(store: Store, settings: Settings, demo: bool = False) -> int:
    """Open the board on `store` and return its exit code.

    A file that cannot be read raises FollowupError before anything is drawn
    (the command line says why in one line, exits 2, and the file is untouched).
    """
    app = start_board(store, settings, demo=demo, handle_signals=True)
    app.run()
    return app.return_code or 0
