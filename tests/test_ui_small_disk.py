"""Notes typed on a disk that fills up: they stay on screen, then reach the file or a rescue file.

A real full disk, not a patched store: the data file lives on a 4 MB tmpfs
(the `tmpfs` fixture; CI runs as root, so a read-only folder would not refuse
anything), filled up after the board has opened.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import type_text
from tui.core import clock
from ui_detail_helpers import SIZE, acme, board, make_db, open_card, screen_text, stored, wait_until


@pytest.fixture
def state_dir(tmp_path, monkeypatch):
    folder = tmp_path / "state"  # not on the small disk: a rescue file must have room
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder / "followup"


def fill_up(folder: Path) -> Path:
    """Write into `folder` until its file system has no byte left; the file that holds the space."""
    filler = folder / "filler"
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 1):
            try:
                while True:
                    os.write(handle, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(handle)
    return filler


def refused_on_screen(followup) -> bool:
    return "not saved: the disk is full" in screen_text(followup)


async def test_notes_on_a_full_disk_stay_on_screen_and_are_saved_once_there_is_room(tmpfs, state_dir):
    card = acme(clock.now())
    db = make_db(tmpfs.path, card)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot, "notes")
        filler = fill_up(tmpfs.path)
        await type_text(pilot, "call Dana on Friday")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: refused_on_screen(followup))
        assert followup.screen.notes.text.endswith("call Dana on Friday")
        assert not stored(db, card.id).notes.endswith("call Dana on Friday")
        filler.unlink()  # the user frees some space and saves again
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: stored(db, card.id).notes.endswith("call Dana on Friday"))
        assert not refused_on_screen(followup)


async def test_quitting_while_the_disk_is_full_keeps_the_notes_in_a_rescue_file(tmpfs, state_dir):
    card = acme(clock.now())
    db = make_db(tmpfs.path, card)
    before = db.read_bytes()
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot, "notes")
        fill_up(tmpfs.path)
        await type_text(pilot, "offer call on Friday")
        await pilot.press("ctrl+c")
        await wait_until(pilot, lambda: followup.return_code is not None)
    assert followup.return_code == 1
    (line,) = followup.rescued
    assert "the notes of Acme could not be saved (the disk is full" in line
    rescued = Path(line.rsplit("it is in ", 1)[1])
    assert rescued.parent == state_dir and rescued.read_text(encoding="utf-8").endswith("offer call on Friday")
    assert db.read_bytes() == before  # the file as it was: never half-written
