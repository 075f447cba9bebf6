"""Leaving the board: no terminal, no board; text the file refused goes to a rescue file, exit 1."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.store import errors
from tui.ui.detail.notes import NotesEditor
from ui_detail_helpers import SIZE, acme, board, make_db, open_card, stored, wait_until

ROOT = Path(__file__).resolve().parent.parent


def test_without_a_terminal_the_board_exits_2_at_once_and_touches_nothing(tmp_path):
    db = tmp_path / "followup.json"
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "tui", "--db", str(db)], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("followup: the board needs a terminal") and result.stderr.count("\n") == 1
    assert "followup list" in result.stderr
    assert not db.exists() and time.monotonic() - started < 30


@pytest.fixture
def state_dir(tmp_path, monkeypatch):
    folder = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder / "followup"


@pytest.mark.parametrize("settle", [0.05, 0.0], ids=["writer-waits", "writer-at-once"])
async def test_quitting_with_notes_the_disk_refuses_writes_a_rescue_file_and_exits_1(tmp_path, state_dir,
                                                                                     monkeypatch, settle):
    """Also when the writer refuses the flushed notes before the quit has even started waiting for it."""
    from tui.core import clock

    card = acme(clock.now())
    db = make_db(tmp_path, card)
    followup = board(db, write_settle=settle)
    async with followup.run_test(size=SIZE) as pilot:
        screen = await open_card(pilot, "notes")

        def full(*_a, **_k):
            raise errors.WriteFailedError(f"{db}: not saved: the disk is full (no space left on device)")

        monkeypatch.setattr(followup.store, "save", full)
        monkeypatch.setattr(followup.store, "save_many", full)
        screen.query_one(NotesEditor).insert("offer call on Frid")  # typing each key is not what this is about
        await pilot.press("a", "y", "ctrl+c")
        await wait_until(pilot, lambda: followup.return_code is not None)
        assert screen.query_one(NotesEditor).text.endswith("offer call on Friday")
    assert followup.return_code == 1
    (line,) = followup.rescued
    assert "the notes of Acme could not be saved (the disk is full" in line
    path = Path(line.rsplit("it is in ", 1)[1])
    assert path.parent == state_dir and path.read_text(encoding="utf-8").endswith("offer call on Friday")
    assert not stored(db, card.id).notes.endswith("offer call on Friday")
    assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith(db.name)) == [db.name, db.name + ".lock"]


async def test_notes_typed_on_a_read_only_file_say_not_saved_and_leaving_the_card_still_exits_1(tmp_path, state_dir):
    """Review: the editor said "saved" while every save was refused, and the board exited 0 after the
    notes went to a rescue file when the card was left (the file had been named in a toast only)."""
    import os

    from tui.core import clock
    from tui.store import Store
    from tui.ui.board.screen import BoardScreen
    from tui.ui.launch import start_board
    from ui_detail_helpers import SETTINGS

    card = acme(clock.now())
    db = make_db(tmp_path, card)
    before = db.read_bytes()
    os.chmod(db, 0o444)  # no write bit: refused by mode, so this holds as root too
    try:
        followup = start_board(Store(db), SETTINGS, poll_seconds=0, write_settle=0)
        async with followup.run_test(size=SIZE) as pilot:
            screen = await open_card(pilot, "notes")
            screen.query_one(NotesEditor).insert("call back on Frida")
            await pilot.press("y", "ctrl+s")
            status = str(screen.query_one("#notes-status").render())
            assert "not saved: Read-only" in status, status
            await pilot.press("escape", "escape")  # out of the editor, then back to the board
            await wait_until(pilot, lambda: isinstance(followup.screen, BoardScreen))
            await pilot.press("ctrl+c")
            await wait_until(pilot, lambda: followup.return_code is not None)
    finally:
        os.chmod(db, 0o644)
    assert followup.return_code == 1
    (line,) = followup.rescued
    assert line.startswith("followup: the notes of Acme could not be saved (Read-only")
    rescued = Path(line.rsplit("it is in ", 1)[1])
    assert rescued.parent == state_dir and rescued.read_text(encoding="utf-8").endswith("call back on Friday")
    assert db.read_bytes() == before


async def test_an_older_file_that_cannot_be_written_opens_read_only_not_refused(tmp_path):
    """Review R3 5: a current file without write permission opened read-only with a banner, an older one
    made the board exit 2 (its migration could not be written). It is read, migrated in memory, and left
    byte for byte as it was."""
    import json
    import os

    from tui.core import clock
    from tui.store import SCHEMA_VERSION, Store
    from tui.ui.launch import start_board
    from ui_detail_helpers import SETTINGS

    card = acme(clock.now())
    db = make_db(tmp_path, card)
    data = json.loads(db.read_bytes())
    (meta,) = data["_meta"].values()
    meta["schema"] = SCHEMA_VERSION - 1
    db.write_text(json.dumps(data))
    before = db.read_bytes()
    os.chmod(db, 0o444)  # no write bit: refused by mode, so this holds as root too
    try:
        followup = start_board(Store(db), SETTINGS, poll_seconds=0, write_settle=0)
        async with followup.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert list(followup.changelog.apps) == [card.id]
            assert followup.changelog.read_only.startswith("Read-only:") and "read-only" in followup.unwritable
            title = str(followup.screen.title_bar.render())
            assert "READ-ONLY" in title
    finally:
        os.chmod(db, 0o644)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(db.name)) == [db.name, db.name + ".lock"]
