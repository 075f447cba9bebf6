"""Pictures of the detail screen at 80x24 and 120x40, with time frozen and a fixed zone."""

from __future__ import annotations

import pytest

from conftest import fill, steady_cursors
from tui.core import actions, direction_actions
from tui.core.stages import DirectionKind
from ui_detail_helpers import FROZEN, acme, board, frozen_now, make_db


@pytest.fixture
def detail_app(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_NOW", FROZEN)
    now = frozen_now()
    card = acme(now)
    card = direction_actions.add_direction(card, "Send two references", DirectionKind.DO_BY, now.add(days=3), now=now)
    card = direction_actions.add_direction(card, "Don't call before the board meets", DirectionKind.NOT_BEFORE,
                                 now.add(days=7), now=now)
    card = direction_actions.add_direction(card, "Team is moving to Go next year", DirectionKind.INFO, now=now)
    card = actions.set_notes(card, "# Acme\n\n- ask about **on-call** rotation\n- salary band: `80-95k`\n"
                                   "- [careers page](https://acme.example/jobs)", now=now)
    return board(make_db(tmp_path, card))


def test_notes_at_80x24(snap_compare, detail_app):
    assert snap_compare(detail_app, terminal_size=(80, 24), press=["enter"])


def test_rounds_at_80x24(snap_compare, detail_app):
    assert snap_compare(detail_app, terminal_size=(80, 24), press=["enter", "2"])


def test_directions_at_120x40(snap_compare, detail_app):
    assert snap_compare(detail_app, terminal_size=(120, 40), press=["enter", "3"])


def test_round_form_with_errors_at_80x24(snap_compare, detail_app):
    async def fill_and_save(pilot):
        await pilot.pause()  # the board is up: enter opens the card
        await pilot.press("enter", "2", "n", "tab", "tab")  # the picture shows the focus in the last field
        fill(pilot.app.screen, when="someday", people="Lee <lee.acme.com>")
        await pilot.press("enter")  # enter on the last field saves: refused, each error under its field
        await steady_cursors(pilot)

    assert snap_compare(detail_app, terminal_size=(80, 24), run_before=fill_and_save)
