"""A running board tells the user when a deadline comes due: a toast, the overdue style, OSC 9.

The clock is the board tests' frozen Wednesday 10:30 UTC (FOLLOWUP_NOW), moved
on by the test. Globex's round was 3 h before, so Hank Scorpio's thank-you
comes due on Thursday at 07:30 UTC.
"""

import pytest

from tui.core.deadline_words import Group
from tui.ui.board.cards import urgency
from tui.ui.notify import terminal_notification
from ui_board_helpers import WIDE, board_of, make_app, small_apps, store_with

pytestmark = pytest.mark.usefixtures("freeze_clock")


def spy(app):
    """The toasts raised and the bytes written to the terminal."""
    toasts, written = [], []
    notify = app.notify

    def record(message, **kwargs):
        toasts.append(message)
        return notify(message, **kwargs)

    app.notify = record
    app.due_notifier.write = written.append
    return toasts, written


def globex(app):
    return next(card for card in board_of(app).cards.values() if card.company == "Globex")


async def test_a_deadline_coming_due_raises_a_toast_restyles_it_and_notifies_the_terminal(tmp_path, monkeypatch):
    monkeypatch.delenv("TMUX", raising=False)
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        toasts, written = spy(app)
        screen = app.board_screen
        assert screen.sidebar.counts["overdue"] == 2
        assert urgency(globex(app), screen.frame) is Group.WEEK  # tomorrow morning

        monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-26T07:00:00+00:00")  # not yet
        app.tick()
        await pilot.pause()
        assert toasts == [] and written == []

        monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-26T07:31:00+00:00")
        app.tick()
        await pilot.pause()
        assert toasts == ["Thank Hank Scorpio (Globex)"]
        assert written == ["\x1b]9;Followup: Thank Hank Scorpio (Globex)\x07\x07"]
        assert urgency(globex(app), screen.frame) is Group.OVERDUE  # the card's overdue style
        assert screen.sidebar.counts["overdue"] == 3  # and its sidebar row moved to Overdue

        monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-26T08:01:00+00:00")
        app.tick()
        await pilot.pause()
        assert len(toasts) == 1 and len(written) == 1  # announced once


async def test_inside_tmux_the_notification_is_wrapped_for_passthrough(tmp_path, monkeypatch):
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        _, written = spy(app)
        monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-26T07:31:00+00:00")
        app.tick()
        await pilot.pause()
        assert written == ["\x1bPtmux;\x1b\x1b]9;Followup: Thank Hank Scorpio (Globex)\x07\x1b\\\x07"]


async def test_terminal_notify_off_keeps_the_toast_only(tmp_path, monkeypatch):
    app = make_app(store_with(tmp_path, small_apps()))
    app.settings = app.settings._replace(terminal_notify=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        toasts, written = spy(app)
        monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-26T07:31:00+00:00")
        app.tick()
        await pilot.pause()
        assert toasts == ["Thank Hank Scorpio (Globex)"] and written == []


async def test_coming_back_to_the_board_brings_it_up_to_date_at_once(tmp_path, monkeypatch):
    """tmux's focus-events: the terminal says the board is in front again; no wait for the next tick."""
    from textual import events

    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        toasts, _ = spy(app)
        monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-26T07:31:00+00:00")
        app.post_message(events.AppBlur())
        app.post_message(events.AppFocus())
        await pilot.pause()
        assert toasts == ["Thank Hank Scorpio (Globex)"]
        assert app.board_screen.sidebar.counts["overdue"] == 3


def test_the_notification_carries_no_control_characters():
    assert terminal_notification("a\x1b]52;c;evil\x07b", tmux=False) == "\x1b]9;a ]52;c;evil b\x07\x07"


async def test_a_reminder_recorded_while_the_board_is_open_leaves_its_cards_current(tmp_path):
    """`followup remind` writes its table; the board re-reads the file and its next edit is not refused."""
    import pendulum

    from tui.core.remind import SOON, SentKey
    from tui.store import Store
    from tui.store.reminders import record_sent
    from ui_board_helpers import stored

    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        acme_id = board_of(app).current_id
        now = pendulum.parse("2026-11-25T10:30:00+00:00")
        record_sent(Store(store.path), [SentKey(acme_id, "thank-you", "x", now, SOON, "email")], now=now)
        app.poll_store()
        await app.wait_for_writes()
        await pilot.pause()
        await pilot.press("L")
        assert await app.wait_for_writes()
        await pilot.pause()
        assert app.writer.failures == []
        assert stored(store)["Acme"]["stage"] == "thanked"
        assert len(json_reminders(store)) == 1


def json_reminders(store):
    import json

    return json.loads(store.path.read_text(encoding="utf-8"))["reminders"]
