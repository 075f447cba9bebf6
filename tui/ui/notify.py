"""While the board is open: say so when a deadline comes due.

The board already redraws every half minute (FollowupApp.tick → BoardScreen.tick),
which moves a deadline that came due into the overdue style on its card and in
the sidebar. This adds the announcement: a toast, and, with `terminal_notify`
on, a terminal notification (OSC 9, which many terminals show as a desktop
notification; over SSH it is what reaches the user's own machine). Inside tmux
the sequence is wrapped for passthrough (tmux needs `allow-passthrough on`),
and a bell follows so tmux can flag the window even where OSC 9 is not shown.

The deadlines are read from the sidebar's sorted list (already made, one
bisection away), not derived again: at 10,000 cards that costs 0.7 s.
"""

from __future__ import annotations

import os
import re
import time
from bisect import bisect_right
from typing import Callable

from tui.core import clock
from tui.core.deadline_words import short_action
from tui.core.deadlines import Deadline

TOASTS_AT_ONCE = 3  # more than this come due together: one toast that counts them
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def terminal_notification(text: str, *, tmux: bool) -> str:
    """OSC 9 with `text` (no control characters), tmux-wrapped when inside tmux, then a bell."""
    sequence = "\x1b]9;" + _CONTROL.sub(" ", text) + "\x07"
    if tmux:  # DCS passthrough: every ESC inside is doubled
        sequence = "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    return sequence + "\x07"


def _said(deadline: Deadline) -> str:
    return f"{short_action(deadline)} ({deadline.company})"


class ToastsUp:
    """Which toasts are still up, so that the same one again is not stacked under itself (a key pressed
    five times that cannot act said so five times, down the board's right side)."""

    def __init__(self) -> None:
        self._until: dict[tuple[str, str, str], float] = {}

    def forget(self) -> None:
        """Every toast was taken down (App.clear_notifications): the next is shown, whatever it says."""
        self._until.clear()

    def still_up(self, message: str, title: str, severity: str, timeout: float) -> bool:
        """Whether this toast is up now; if not, it is taken as shown from now for `timeout` seconds."""
        now = time.monotonic()
        key = (message, title, severity)
        if self._until.get(key, 0.0) > now:
            return True
        if len(self._until) > 50:  # the ones gone long since
            self._until = {k: until for k, until in self._until.items() if until > now}
        self._until[key] = now + timeout
        return False


class DueNotifier:
    def __init__(self, app, write: Callable[[str], None] | None = None) -> None:
        self.app = app
        self.write = write or self._write_to_terminal
        self.tmux = bool(os.environ.get("TMUX"))
        self.since_ts = clock.now().timestamp()  # what was due before the board opened is shown, not announced

    def _write_to_terminal(self, text: str) -> None:
        driver = getattr(self.app, "_driver", None)  # as App.bell writes the bell
        if driver is not None and not self.app.is_headless:
            driver.write(text)

    def came_due(self, entries: list, now_ts: float) -> list[Deadline]:
        """Deadlines of the sidebar's sorted entries (due timestamp first) with since < due <= now."""
        start = bisect_right(entries, (self.since_ts, "\U0010ffff"))
        found = []
        for entry in entries[start:]:
            if entry[0] > now_ts:
                break
            deadline = entry[-1]
            if entry[0] > self.since_ts and not deadline.is_quiet:
                found.append(deadline)
        self.since_ts = max(self.since_ts, now_ts)
        return found

    def check(self, board) -> list[Deadline]:
        """After the board's tick: announce what came due since the last one."""
        due = self.came_due(board.sidebar.ordered, board.frame.now_ts)
        if not due:
            return due
        if len(due) > TOASTS_AT_ONCE:
            self.app.notify(f"{len(due)} deadlines came due: see the sidebar's Overdue group",
                            title="Due now", severity="warning", timeout=15)
        else:
            for deadline in due:
                self.app.notify(_said(deadline), title="Due now", severity="warning", timeout=15)
        if self.app.settings.terminal_notify:
            text = _said(due[0]) if len(due) == 1 else f"{len(due)} deadlines came due"
            self.write(terminal_notification(f"Followup: {text}", tmux=self.tmux))
        return due
