"""The board is drawn in the window it has: exported COLUMNS and LINES are dropped before it starts.

Textual sizes the screen with shutil.get_terminal_size, which prefers those variables: a leftover
`export COLUMNS=80` drew an 80x24 board in a 120x40 pane, and COLUMNS=999999 grew the process past
1.9 GB (fuzz fz6 7). Checked in tmux too: the board fills a 120x40 pane with COLUMNS=80 LINES=24 set.
"""

from __future__ import annotations

import os
import shutil
import sys

from tui.ui import launch


class _Started:
    """What run_board starts in the place of the board: it notes the size the board would take."""

    rescued: list[str] = []
    return_code = 0

    def run(self) -> None:
        self.seen = shutil.get_terminal_size((77, 21)), os.environ.get("COLUMNS"), os.environ.get("LINES")


def test_run_board_starts_the_board_without_columns_and_lines(monkeypatch):
    monkeypatch.setenv("COLUMNS", "999999")
    monkeypatch.setenv("LINES", "999999")
    assert shutil.get_terminal_size() == (999999, 999999)  # what Textual would have drawn
    started = _Started()
    monkeypatch.setattr(launch, "start_board", lambda *args, **kwargs: started)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert launch.run_board(store=None, settings=None) == 0
    size, columns, lines = started.seen
    assert columns is None and lines is None and size != (999999, 999999)
