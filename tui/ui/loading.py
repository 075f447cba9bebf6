"""Reading the applications on a thread while the board is already on screen.

When the start-up index matched the data file, the board is drawn from card
summaries and the applications themselves are built here, after the first
frame. Python switches threads every few milliseconds, so moving the cursor
and filtering stay live meanwhile; anything that needs an application (a move,
an edit, opening a card) asks for `result()`, which waits for the rest of the
load: at 10,000 applications, a few hundred milliseconds once.
"""

from __future__ import annotations

import threading
from typing import Callable

from tui.store import Store


class BackgroundLoad:
    def __init__(self, store: Store, on_done: Callable[[], None] | None = None) -> None:
        self.store = store
        self.on_done = on_done
        self._thread: threading.Thread | None = None
        self._snapshot = None
        self._error: BaseException | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="followup-load", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            self._snapshot = self.store.open_snapshot()
        except Exception as exc:  # handed to whoever waits for the result
            self._error = exc
        if self.on_done is not None:
            self.on_done()

    def result(self):
        """The store's snapshot (applications and fingerprint); raises what the load raised."""
        self.start()
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._snapshot
