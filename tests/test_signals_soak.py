"""Signals right after a burst of typing: every key the app has read ends up in the file.

The real program runs in a pseudo-terminal with its notes editor open; a burst
of text is written to the terminal in one go, and a signal follows 0–30 ms
later, before the editor's save-after-a-pause could fire. SIGTERM and SIGINT
must first handle what still waits on the terminal (tui/ui/leaving.py), so the
whole burst is kept every time. A hang-up may only count what was read (the
kernel drops unread input when the terminal goes), so there the signal
follows the burst once it is on screen. Seeded, so a failure repeats.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time

import pytest

from pty_helpers import start, wait_for_exit
from ui_detail_helpers import acme, frozen_now, make_db, stored

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
    pytest.mark.slow,  # 60 runs of the real program
]

RUNS = 20


def burst_then_signal(tmp_path, sig: int, delay: float, text: str, *, wait_until_drawn: bool) -> str:
    card = acme(frozen_now())
    tmp_path.mkdir(parents=True, exist_ok=True)
    db = make_db(tmp_path, card)
    pid, terminal = start(db, tmp_path)
    try:
        terminal.wait_for("Backend")
        terminal.send("e")
        terminal.wait_for("Markdown ·")  # the notes editor is open
        terminal.send(text)  # one write: the keys arrive together, as over a slow link
        if wait_until_drawn:
            terminal.wait_for(text)
        time.sleep(delay)
        os.kill(pid, sig)
        wait_for_exit(pid, terminal)
    finally:
        os.close(terminal.fd)
    return stored(db, card.id).notes


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=["SIGTERM", "SIGINT", "SIGHUP"])
def test_every_typed_key_survives_a_signal_right_after_a_burst(tmp_path, sig):
    chance = random.Random(f"soak-{int(sig)}")
    lost = []
    for run in range(RUNS):
        text = "".join(chance.choice("abcdefghijkmnpqrstuvwxyz") for _ in range(chance.randint(12, 40)))
        delay = chance.uniform(0, 0.03)
        notes = burst_then_signal(tmp_path / str(run), sig, delay, text, wait_until_drawn=sig == signal.SIGHUP)
        if not notes.endswith(text):
            lost.append(f"run {run} ({delay * 1000:.0f} ms): typed {text!r}, the file has {notes[-50:]!r}")
    assert not lost, "\n".join(lost)
