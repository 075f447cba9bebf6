"""Keys typed before the board is up land where they were typed for (PRODUCT: queued, replayed in order).

Found by review, typing into tmux as the board started: every `enter` was
lost (the terminal, still in line mode, turns Return into a line feed, read
later as ctrl+j) and `l l enter` did nothing (the keys came before the board
had its focus, so its bindings never saw them).
"""

from __future__ import annotations

import os
import signal
import sys
import time

import pytest

from conftest import burst_keys
from pty_helpers import start, wait_for_exit
from tui.core.stages import Stage
from tui.store import Store
from tui.ui.detail.screen import DetailScreen
from ui_board_helpers import WIDE, focused_company, make_app, small_apps, store_with

# small_apps(): Interviewed holds Acme (first) and Globex; Awaiting holds Initech.


async def test_ctrl_j_is_enter(tmp_path, freeze_clock):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        burst_keys(app, "l", "ctrl+j")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.application.company == "Initech"


async def test_keys_that_come_before_the_board_is_ready_are_handled_in_order_once_it_is(tmp_path, freeze_clock):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app._held_keys = []  # as at start-up, before BoardScreen.on_mount says the board can take keys
        burst_keys(app, "l", "h", "j", "enter")
        await pilot.pause()
        assert focused_company(app) == "Acme" and not isinstance(app.screen, DetailScreen)  # held, not lost
        app.board_ready()
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.application.company == "Globex"


@pytest.mark.slow  # the real program in a pseudo-terminal
@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_a_form_typed_before_the_board_is_drawn_is_saved(tmp_path):
    db = tmp_path / "followup.json"
    Store(db).open().add_many(small_apps())
    pid, terminal = start(db, tmp_path)
    try:
        terminal.send("nHooli\rDev\r\ryesterday 10am\rDana Kim\r")  # at once: the board is not up yet
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            hooli = [a for a in Store(db).open().load_all() if a.company == "Hooli"]
            if hooli:
                break
            terminal.read_some(0.1)
        assert hooli, f"the typed-ahead form was not saved; the screen showed:\n{terminal.text[-1500:]}"
        (card,) = hooli
        assert (card.role, card.stage, [p.name for p in card.rounds[0].interviewers]) == (
            "Dev", Stage.INTERVIEWED, ["Dana Kim"])
        terminal.send("ll\r")  # then, as fast: two columns right, open
        terminal.wait_for("Initech —")
        os.kill(pid, signal.SIGTERM)
        wait_for_exit(pid, terminal)
    finally:
        os.close(terminal.fd)
