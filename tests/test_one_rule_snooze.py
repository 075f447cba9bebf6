"""A snooze's end, by one rule (snoozing.check_until) on the board's form and `followup snooze`: the command
took an end already past, which the form refused, and the two said "after the deadline" in their own words
(review Z 1)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cli_helpers import digest, one_line_error, run
from conftest import WAYS, send_keys
from tui.core import actions, snoozing
from tui.core.deadlines import deadlines_for
from tui.core.errors import ValidationError
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from ui_detail_helpers import board, make_db

NOW = datetime(2026, 11, 25, 13, 0, tzinfo=UTC)
SETTINGS = Settings(timezone="UTC")


def overdue_thank_you():
    """A round on Monday 10:00: its thank-you was due Tuesday 10:00, a day before NOW."""
    monday = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    app = actions.new_application("Hooli", "Dev", now=monday, round_at=monday,
                                  interviewers=[Interviewer(name="Ida Ng")])
    (deadline,) = deadlines_for(app, SETTINGS, NOW)
    assert deadline.overdue
    return app, deadline


@pytest.mark.parametrize(("until", "reason"), [
    (datetime(2026, 11, 24, 9, 0, tzinfo=UTC), "is before the deadline, Tue 24 Nov 10:00: pick a later time"),
    (datetime(2026, 11, 24, 10, 0, tzinfo=UTC), "is the deadline itself, Tue 24 Nov 10:00: pick a later time"),
    (datetime(2026, 11, 25, 12, 0, tzinfo=UTC), "has passed: pick a time still to come"),
])
def test_an_end_not_after_the_deadline_or_already_past_is_refused(until, reason):
    _, deadline = overdue_thank_you()
    with pytest.raises(ValidationError) as refused:
        snoozing.check_until(deadline, until, NOW, SETTINGS.zone)
    assert str(refused.value) == reason
    snoozing.check_until(deadline, datetime(2026, 11, 25, 15, 0, tzinfo=UTC), NOW, SETTINGS.zone)


def test_followup_snooze_refuses_an_end_already_past(cli_db, capsys):
    """Wed 25 Nov 14:00 in Berlin; yesterday's 10:00 round made a thank-you due today 10:00, now overdue."""
    assert run(cli_db, "add", "Hooli", "--role", "Dev", "--at", "yesterday 10:00", "--interviewer", "Ida Ng") == 0
    capsys.readouterr()
    before = digest(cli_db)
    assert run(cli_db, "snooze", "hooli", "--until", "today 12:00") == 2
    one_line_error(capsys, "--until Wed 25 Nov 12:00 · 2 hours ago has passed: pick a time still to come")
    assert run(cli_db, "snooze", "hooli", "--until", "today 09:00") == 2
    one_line_error(capsys, "--until Wed 25 Nov 09:00 · 5 hours ago is before the deadline, Wed 25 Nov 10:00: "
                           "pick a later time")
    assert digest(cli_db) == before


@WAYS
async def test_the_snooze_form_gives_the_same_reason(tmp_path, frozen, burst):
    """The board's form: the same reason, after the time as it was read. Now: Tue 1 Dec 14:00 Berlin."""
    from textual.widgets import Static

    from tui.ui.detail.process_forms import SnoozeForm

    round_at = frozen.subtract(days=2)  # Sun 29 Nov 14:00: the thank-you was due Mon 30 Nov 14:00
    card = actions.new_application("Hooli", "Dev", now=round_at, round_at=round_at,
                                   interviewers=[Interviewer(name="Ida Ng")])
    followup = board(make_db(tmp_path, card))
    async with followup.run_test(size=(80, 24)) as pilot:
        await send_keys(followup, pilot, burst, "z", "today 10:00")
        assert isinstance(followup.screen, SnoozeForm)
        said = str(followup.screen.query_one("#error-until", Static).render())
        assert said == "Tue 1 Dec 10:00 has passed: pick a time still to come"
