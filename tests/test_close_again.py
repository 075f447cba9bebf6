"""Closing a card again, only to add a keep-in-touch date, keeps the outcome as it was recorded.

QA: after `close gamma rejected --at "fri 18:00"`, `close gamma rejected
--keep-in-touch "in 3 months"` moved the rejection to now and its reply deadline
from Mon 23 Nov to Fri 27 Nov without a word; the reply sent "today 10:00" was
then refused as "before the rejection".
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cli_helpers import configure, run
from tui.core import actions, correspondence
from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.settings import Settings
from tui.core.stages import Outcome, Stage
from tui.store.store import Store

NOW = datetime(2026, 11, 25, 10, 30, tzinfo=UTC)  # Wednesday
FRIDAY = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
FEBRUARY = datetime(2027, 2, 25, 10, 30, tzinfo=UTC)
SETTINGS = Settings(timezone="UTC")


def rejected_on_friday():
    app = actions.new_application("Gamma", "Engineer", now=datetime(2026, 11, 16, 10, tzinfo=UTC),
                                  round_at=datetime(2026, 11, 16, 10, tzinfo=UTC))
    return correspondence.close(app, "rejected", now=datetime(2026, 11, 20, 18, 5, tzinfo=UTC), at=FRIDAY)


def reply_due(app):
    (reply,) = [d for d in deadlines_for(app, SETTINGS, NOW) if d.kind is DeadlineKind.REJECTION_REPLY]
    return reply.due


def test_adding_keep_in_touch_keeps_the_outcome_its_time_and_its_history():
    closed = rejected_on_friday()
    again = correspondence.close(closed, Outcome.REJECTED, now=NOW, keep_in_touch=FEBRUARY)
    assert (again.outcome, again.outcome_at, again.stage) == (Outcome.REJECTED, FRIDAY, Stage.CLOSED)
    assert again.keep_in_touch == FEBRUARY
    assert reply_due(again) == reply_due(closed) == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # Mon 23 Nov
    assert again.history[:len(closed.history)] == closed.history
    assert [e.kind for e in again.history[len(closed.history):]] == ["edit"]  # the keep-in-touch line alone


def test_closing_again_with_nothing_new_changes_nothing():
    closed = rejected_on_friday()
    assert correspondence.close(closed, "rejected", now=NOW) is closed
    kept = correspondence.close(closed, "rejected", now=NOW, keep_in_touch=FEBRUARY)
    assert correspondence.close(kept, "rejected", now=NOW, keep_in_touch=FEBRUARY) is kept


def test_a_time_given_is_taken_and_another_outcome_is_recorded_anew():
    closed = rejected_on_friday()
    saturday = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    moved = correspondence.close(closed, "rejected", now=NOW, at=saturday)
    assert moved.outcome_at == saturday and moved.history[-1].kind == "outcome"
    offer = correspondence.close(closed, "offer", now=NOW)
    assert (offer.outcome, offer.outcome_at) == (Outcome.OFFER, NOW)


@pytest.fixture
def gamma(tmp_path, monkeypatch, capsys):
    configure(tmp_path, monkeypatch, 'timezone = "UTC"\n', now="2026-11-25T10:30:00+00:00")
    db = tmp_path / "followup.json"
    assert run(db, "add", "Gamma", "--role", "Engineer", "--at", "2026-11-16 10:00") == 0
    assert run(db, "close", "gamma", "rejected", "--at", "fri 18:00") == 0
    capsys.readouterr()
    return db


def outcome_at(db):
    (app,) = Store(db).load_all()
    return app.outcome_at


def test_the_command_keeps_the_rejection_says_so_and_the_reply_can_be_marked_sent(gamma, capsys):
    assert run(gamma, "close", "gamma", "rejected", "--keep-in-touch", "in 3 months") == 0
    out = capsys.readouterr().out
    assert "still closed, rejected, Fri 20 Nov 18:00" in out and "(kept)" in out, out
    assert "keep in touch on Thu 25 Feb" in out, out
    assert outcome_at(gamma) == FRIDAY
    assert run(gamma, "letter", "gamma", "rejection-reply", "--mark-sent", "--at", "today 10:00",
               "--force") == 1, \
        capsys.readouterr().err


def test_the_command_says_when_nothing_was_new(gamma, capsys):
    before = gamma.read_bytes()
    assert run(gamma, "close", "gamma", "rejected") == 0
    assert "already closed, rejected, Fri 20 Nov 18:00" in capsys.readouterr().out
    assert gamma.read_bytes() == before


def test_the_command_says_the_outcome_time_changed_when_at_is_given(gamma, capsys):
    assert run(gamma, "close", "gamma", "rejected", "--at", "sat 09:00") == 0
    out = capsys.readouterr().out
    assert "closed, rejected, Sat 21 Nov 09:00" in out, out
    assert "(the outcome time changed from Fri 20 Nov 18:00" in out, out
    assert outcome_at(gamma) == datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


async def test_the_boards_outcome_form_keeps_the_recorded_time_when_when_is_left_empty(tmp_path, freeze_clock):
    """The board calls the same action: an empty "When" on a card closed with that outcome moves nothing."""
    from conftest import fill, palette_pick
    from tui.core import clock
    from tui.ui.detail.process_forms import CloseForm
    from ui_board_helpers import WIDE, make_app, store_with, stored
    from ui_detail_helpers import wait_until

    now = clock.now()
    card = actions.new_application("Gamma", "Engineer", now=now.subtract(days=9), round_at=now.subtract(days=9))
    store = store_with(tmp_path, [correspondence.close(card, "rejected", now=now.subtract(days=5), at=FRIDAY)])
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await palette_pick(pilot, "Record outcome")
        assert isinstance(app.screen, CloseForm)
        fill(app.screen, keep_in_touch="in 3 months")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: stored(store)["Gamma"].get("keep_in_touch"))
        await app.wait_for_writes()
    doc = stored(store)["Gamma"]
    assert (doc["outcome"], doc["outcome_at"]) == ("rejected", "2026-11-20T18:00:00Z")
    assert doc["keep_in_touch"].startswith("2027-02-25")
