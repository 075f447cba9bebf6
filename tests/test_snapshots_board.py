"""Pictures of the board (80x24, 120x40), the help screen and the new-application form.

Demo data, time frozen (a Wednesday morning) and the zone fixed, so the
pictures only change when the board's look does. Update them on purpose with
`pytest tests/test_snapshots_board.py --snapshot-update`.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from conftest import steady_cursors
from ui_board_helpers import demo_store, make_app


@pytest.fixture
def demo_app(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-25T10:30:00+00:00")
    return make_app(demo_store(tmp_path))


def test_board_at_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["j"])


def test_board_at_120x40_with_sidebar(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(120, 40), press=["j", "l"])


def test_help_screen(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(100, 40), press=["question_mark"])


def test_new_application_form_with_a_problem(snap_compare, demo_app):
    async def fill(pilot):
        await pilot.press("n")
        await pilot.pause()
        values = {"company": "Hooli", "role": "Platform Engineer", "round": "Onsite",
                  "when": "yesterday 14:00", "interviewers": "Gavin Belson <gavin@hooli.example>, Jian Yang <jian>"}
        for name, value in values.items():
            pilot.app.screen.query_one(f"#field-{name}", Input).value = value
        await pilot.press("ctrl+s")  # refused: the problem shows under its field
        await steady_cursors(pilot)

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=fill)
