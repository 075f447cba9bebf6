"""A hang-up (terminal closed, SSH dropped) must not lose a note typed a moment ago.

The real program runs in a pseudo-terminal; `e` opens the first card's notes,
a few characters are typed, and SIGHUP follows at once: well before the
editor's own save-after-a-pause would fire. The note must then be in the file.
"""

from __future__ import annotations

import os
import signal
import sys
import time

import pytest

from pty_helpers import Terminal, start, wait_for_exit
from ui_detail_helpers import acme, frozen_now, make_db, stored

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
    pytest.mark.slow,  # each test starts the real program in a pseudo-terminal
]

def open_notes_and_type(db, card, tmp_path, text: str) -> tuple[int, Terminal]:
    pid, terminal = start(db, tmp_path)
    terminal.wait_for("Backend")  # the board shows the card
    terminal.send("e")
    terminal.wait_for("Markdown ·")  # the notes editor is open
    terminal.send(text)
    terminal.wait_for(text)  # drawn, so the keys reached the editor
    assert not stored(db, card.id).notes.endswith(text), "saved before the signal: the test would prove nothing"
    return pid, terminal


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_signal_right_after_typing_keeps_the_note(tmp_path, sig):
    card = acme(frozen_now())
    tmp_path.mkdir(parents=True, exist_ok=True)
    db = make_db(tmp_path, card)
    pid, terminal = open_notes_and_type(db, card, tmp_path, "zq7x")
    try:
        os.kill(pid, sig)
        wait_for_exit(pid, terminal)
    finally:
        os.close(terminal.fd)
    assert stored(db, card.id).notes.endswith("zq7x")


def wait_quietly_for_exit(pid: int, timeout: float) -> bool:
    """True if the child exits within `timeout`; otherwise it is killed and False returned."""
    deadline = time.monotonic() + timeout
    while not os.waitpid(pid, os.WNOHANG)[0]:
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return False
        time.sleep(0.05)  # the terminal is gone: there is nothing else to wait on
    return True


def hang_up(tmp_path, text: str, exit_within: float) -> tuple[bool, bool]:
    """Close the terminal under the program: (the note was kept, the program exited)."""
    card = acme(frozen_now())
    tmp_path.mkdir(parents=True, exist_ok=True)
    db = make_db(tmp_path, card)
    pid, terminal = open_notes_and_type(db, card, tmp_path, text)
    os.close(terminal.fd)  # the kernel sends SIGHUP; every later write to the terminal fails
    deadline = time.monotonic() + 10
    while not stored(db, card.id).notes.endswith(text) and time.monotonic() < deadline:
        time.sleep(0.05)
    exited = wait_quietly_for_exit(pid, exit_within)
    return stored(db, card.id).notes.endswith(text), exited


def test_closing_the_terminal_keeps_the_note(tmp_path):
    kept, _ = hang_up(tmp_path, "k9w", exit_within=1)
    assert kept


def test_closing_the_terminal_ends_the_program(tmp_path):
    """Nothing may block on the dead terminal (Textual's output queue once did, one time in three)."""
    for attempt in range(3):
        _, exited = hang_up(tmp_path / str(attempt), "k9w", exit_within=5)
        assert exited
