"""Snapshots of the letter screen at the smallest supported size and a roomy one, time frozen."""

from __future__ import annotations

from conftest import steady_cursors as steady
from ui_letters_helpers import DANA, LUIS, LetterHarness, frozen_now, interviewed, make_db


def test_thank_you_notes_80x24(snap_compare, tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA, LUIS)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    assert snap_compare(host, terminal_size=(80, 24), run_before=steady)


def test_note_with_a_gap_120x40(snap_compare, tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA, dict(name="Grace Liu", email="grace@acme.example"))
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")

    async def second_note(pilot):
        await steady(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()

    assert snap_compare(host, terminal_size=(120, 40), run_before=second_note)
