"""The board is drawn in the window it has: exported COLUMNS and LINES are dropped before it starts.

Textual sizes the screen with shutil.get_terminal_size, which prefers those variables: a leftover
`export COLUMNS=80` drew an 80x24 board in a 120x40 pane, and COLUMNS=999999 grew the process past
1.9 GB (fuzz fz6 7). Checked in tmux too: the board fills a 120x40 pane with COLUMNS=80 LINES=24 set.
"""

from __future__ import annotations

import os
import shutil

from tui.ui.launch import window_size_from_the_terminal


def test_columns_and_lines_are_dropped_so_the_terminal_gives_the_size(monkeypatch):
    monkeypatch.setenv("COLUMNS", "999999")
    monkeypatch.setenv("LINES", "999999")
    assert shutil.get_terminal_size() == (999999, 999999)  # what Textual would have drawn
    window_size_from_the_terminal()
    assert "COLUMNS" not in os.environ and "LINES" not in os.environ
    assert shutil.get_terminal_size((77, 21)) != (999999, 999999)
