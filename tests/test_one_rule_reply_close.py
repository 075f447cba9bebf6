"""Their reply and the outcome come after the card's first round, by one rule
(correspondence.check_after_first_round) on the board's forms and `followup reply/close --at`: a reply dated
weeks before the round pulled the card out of *interviewed*, and an outcome so dated brought a reply
deadline born overdue, where a thank-you before its round was already refused (review Q 2)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from textual.widgets import Input, Static

from cli_helpers import digest, one_line_error, run
from conftest import WAYS, send_keys
from tui.core import actions, correspondence
from tui.core.errors import ValidationError
from ui_detail_helpers import acme, board, make_db, stored, wait_until

ROUND = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 25, 13, 0, tzinfo=UTC)
BEFORE = datetime(2026, 11, 1, 10, 0, tzinfo=UTC)
REFUSED = ("Sun 1 Nov 10:00 is before round 1 “Interview” (Fri 20 Nov 10:00): {} comes after it; "
           "give a later time")


def test_a_reply_or_an_outcome_before_the_first_round_is_refused():
    app = actions.new_application("Tau", "Dev", now=ROUND, round_at=ROUND)
    app = actions.add_round(app, "Onsite", datetime(2026, 11, 24, 10, 0, tzinfo=UTC), now=NOW)
    with pytest.raises(ValidationError, match=re.escape(REFUSED.format("their reply"))):
        correspondence.record_reply(app, now=NOW, at=BEFORE)
    with pytest.raises(ValidationError, match=re.escape(REFUSED.format("the outcome"))):
        correspondence.close(app, "rejected", now=NOW, at=BEFORE)
    between = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)  # after the first round, before the second: fine
    assert correspondence.record_reply(app, now=NOW, at=between).contacts[-1].at == between
    assert correspondence.close(app, "rejected", now=NOW, at=between).outcome_at == between


def test_a_card_without_a_round_held_takes_any_time():
    bare = actions.new_application("Tau", "Dev", now=NOW)
    upcoming = actions.new_application("Tau", "Dev", now=BEFORE, round_at=datetime(2026, 12, 2, 10, tzinfo=UTC))
    for app in (bare, upcoming):
        assert correspondence.record_reply(app, now=NOW, at=BEFORE).contacts[-1].at == BEFORE
        assert correspondence.close(app, "withdrawn", now=NOW, at=BEFORE).outcome_at == BEFORE


@pytest.mark.parametrize(("argv", "what"), [(["reply", "tau"], "their reply"),
                                            (["close", "tau", "rejected"], "the outcome")])
def test_reply_and_close_at_refuse_a_time_before_the_first_round(cli_db, capsys, argv, what):
    """Wed 25 Nov 14:00 in Berlin; the round was this morning at 10:00."""
    assert run(cli_db, "add", "Tau", "--role", "r", "--at", "today 10:00") == 0
    capsys.readouterr()
    before = digest(cli_db)
    assert run(cli_db, *argv, "--at", "2026-11-01 10:00") == 2
    one_line_error(capsys, "--at: Sun 1 Nov 10:00 is before round 1 “Interview” (Wed 25 Nov 10:00): "
                           f"{what} comes after it; give a later time")
    assert digest(cli_db) == before
    assert run(cli_db, *argv, "--at", "today 11:00") == 0


def under_when(form) -> str:
    shown = form.query_one("#error-at", Static)
    return str(shown.render()) if shown.has_class("shown") else ""


@WAYS
async def test_the_reply_and_close_forms_refuse_it_under_when_keeping_the_text(tmp_path, frozen, burst):
    """Acme's first round, the phone screen, was Sat 28 Nov 14:00 (Berlin); now is Tue 1 Dec 14:00."""
    from tui.ui.detail.process_forms import CloseForm, ReplyForm

    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    refused = ("Sun 1 Nov 10:00 is before round 1 “Phone screen” (Sat 28 Nov 14:00): {} comes after it; "
               "give a later time")
    async with followup.run_test(size=(80, 24)) as pilot:
        await send_keys(followup, pilot, burst, "r", "2026-11-01 10:00")
        form = followup.screen
        assert isinstance(form, ReplyForm)
        await wait_until(pilot, lambda: under_when(form) == refused.format("their reply"))  # (the field's own
        # queue may still hold the last keys of a burst on a loaded machine)
        await send_keys(followup, pilot, burst, "ctrl+s")
        assert followup.screen is form and form.query_one("#field-at", Input).value == "2026-11-01 10:00"
        await send_keys(followup, pilot, burst, "escape", "y", "enter", "o", "tab", "2026-11-01 10:00")
        form = followup.screen
        assert isinstance(form, CloseForm)
        await wait_until(pilot, lambda: under_when(form) == refused.format("the outcome"))
        await send_keys(followup, pilot, burst, "ctrl+s")
        assert followup.screen is form and form.query_one("#field-at", Input).value == "2026-11-01 10:00"
    assert stored(db, card.id).contacts == card.contacts and stored(db, card.id).outcome is None
