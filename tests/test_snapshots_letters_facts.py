"""Snapshot of the letter screen at 60x20 with more to know than fits under the letter (review R8 3): the
quiet period first, and the line beside the status saying how to read the rest."""

from __future__ import annotations

from conftest import steady_cursors as steady
from test_ui_letters_facts import quiet_note_with_gaps


def test_quiet_note_with_gaps_60x20(snap_compare, tmp_path, letter_env):
    assert snap_compare(quiet_note_with_gaps(tmp_path), terminal_size=(60, 20), run_before=steady)
