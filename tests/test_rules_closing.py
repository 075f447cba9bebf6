"""Closing a card, by the rules: the reply waits for a quiet period as a follow-up does, the quiet period
still shows on the closed card while it runs (review V 1), and every place that names the keep-in-touch
deadline names the time it has, not the date as typed (review W 6 / V 2)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from textual.widgets import Static

from cli_helpers import run
from conftest import fill, palette_pick
from tui.core import actions, correspondence, direction_actions
from tui.core.deadlines import DeadlineKind, deadlines_for, keep_in_touch_due
from tui.core.settings import Settings

NOW = datetime(2026, 11, 25, 13, 0, tzinfo=UTC)  # Wednesday, as cli_helpers.NOW
SETTINGS = Settings(timezone="UTC")
QUIET_END = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # Tuesday
SATURDAY = datetime(2027, 2, 27, 10, 0, tzinfo=UTC)
MONDAY_OPENING = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def quiet_card(outcome: str):
    """A card told "not before Tuesday", then closed with `outcome` on Tuesday evening."""
    at = datetime(2026, 11, 16, 10, tzinfo=UTC)
    app = actions.new_application("Globex", "Dev", now=at, round_at=at)
    app = direction_actions.add_direction(app, "not before Tuesday", "not-before", QUIET_END, now=NOW)
    return correspondence.close(app, outcome, now=NOW, at=datetime(2026, 11, 24, 18, 30, tzinfo=UTC))


@pytest.mark.parametrize(("outcome", "kind"), [("rejected", DeadlineKind.REJECTION_REPLY),
                                               ("offer", DeadlineKind.OFFER_REPLY)])
def test_the_reply_waits_for_the_quiet_period_and_the_period_still_shows(outcome, kind):
    found = deadlines_for(quiet_card(outcome), SETTINGS, NOW)
    (reply,) = [d for d in found if d.kind is kind]
    assert reply.due == QUIET_END  # not Fri 27 Nov 09:00, inside the period the letter's own warning names
    assert [d.due for d in found if d.is_quiet] == [QUIET_END]
    assert not any(d.is_quiet for d in deadlines_for(quiet_card(outcome), SETTINGS, QUIET_END))  # once it ended


def test_without_a_quiet_period_the_reply_is_reply_hours_later_in_working_hours():
    app = quiet_card("rejected")
    app = direction_actions.set_direction_done(app, app.directions[0].id, now=NOW)
    (reply,) = [d for d in deadlines_for(app, SETTINGS, NOW) if d.kind is DeadlineKind.REJECTION_REPLY]
    assert reply.due == datetime(2026, 11, 27, 9, 0, tzinfo=UTC)  # Tue 18:30 + 48 h: Thu 18:30, so Fri 09:00


def test_the_keep_in_touch_deadline_is_the_one_time_every_place_names():
    app = correspondence.close(quiet_card("rejected"), "rejected", now=NOW, keep_in_touch=SATURDAY)
    (keep,) = [d for d in deadlines_for(app, SETTINGS, NOW) if d.kind is DeadlineKind.KEEP_IN_TOUCH]
    assert keep.due == keep_in_touch_due(app, SETTINGS) == MONDAY_OPENING


def test_close_names_the_keep_in_touch_deadline_and_show_its_label_whole(cli_db, capsys):
    run(cli_db, "add", "Globex", "--role", "Dev", "--at", "2026-11-16 10:00", "--interviewer", "A B")
    capsys.readouterr()
    assert run(cli_db, "close", "globex", "rejected", "--keep-in-touch", "2027-02-27 11:00") == 0
    out = capsys.readouterr().out  # Berlin: Sat 11:00 is 10:00 UTC, the deadline Mon 1 Mar 09:00 Berlin
    assert "keep in touch on Sat 27 Feb 2027 11:00 · in 13 weeks → due Mon 1 Mar 2027 09:00;" in out, out
    assert run(cli_db, "show", "globex") == 0
    shown = capsys.readouterr().out
    assert "\nkeep in touch  Mon 1 Mar 2027 09:00\n" in shown, shown
    assert "keep-in-touch    Mon 1 Mar 2027 09:00" in shown, shown  # the deadlines' line says the same time


def test_close_says_the_keep_in_touch_time_alone_when_it_is_the_deadline(cli_db, capsys):
    run(cli_db, "add", "Globex", "--role", "Dev", "--at", "2026-11-16 10:00", "--interviewer", "A B")
    capsys.readouterr()
    assert run(cli_db, "close", "globex", "rejected", "--keep-in-touch", "2027-03-02 10:00") == 0
    out = capsys.readouterr().out
    assert "keep in touch on Tue 2 Mar 2027 10:00 · in 14 weeks;" in out and "→ due" not in out, out


async def test_the_close_forms_preview_names_the_deadline_it_makes(tmp_path, freeze_clock):
    from tui.ui.detail.process_forms import CloseForm
    from ui_board_helpers import WIDE, make_app, small_apps, store_with

    app = make_app(store_with(tmp_path, [small_apps()[2]]))  # London
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await palette_pick(pilot, "Record outcome")
        assert isinstance(app.screen, CloseForm)
        fill(app.screen, keep_in_touch="2027-02-27 10:00")
        await pilot.pause()
        app.screen.check_field("keep_in_touch", quiet=True)
        await pilot.pause()
        said = str(app.screen.query_one("#hint-keep_in_touch", Static).render())
        assert said.startswith("✓ Sat 27 Feb 2027 10:00") and said.endswith("→ due Mon 1 Mar 2027 09:00"), said
