"""An upcoming interview shows on its card even when a nearer task comes first (README, Upcoming rounds):
the card's third line is the interview, its time first; the task follows on the fourth, after how long
is left. Checked on the card's texts and on the board at 80x24 and 120x40."""

from __future__ import annotations

import pendulum
import pytest

from tui.core import actions, direction_actions, snoozing
from tui.core.deadlines import deadlines_for
from tui.core.stages import DirectionKind, Stage
from tui.ui.board.cards import card_texts, card_view
from tui.ui.board.timeframe import TimeFrame
from tui.ui.sidebar.sidebar import make_entry
from ui_board_helpers import NARROW, SETTINGS, WIDE, board_of, frozen_now, make_app, store_with

pytestmark = pytest.mark.usefixtures("freeze_clock")  # Wed 25 Nov 2026, 10:30 in London

LONDON = "Europe/London"


def waiting_card():
    """Awaiting, with 'send references' due Fri 17:00 snoozed to Mon 10:00, and no contact before Thu 3 Dec."""
    now = frozen_now()
    app = actions.new_application("Acme", "Dev", now=now.subtract(days=3), round_at=now.subtract(days=3))
    app = actions.move(app, Stage.AWAITING, now=now.subtract(days=2))
    app = direction_actions.add_direction(app, "send references", DirectionKind.DO_BY,
                                pendulum.datetime(2026, 11, 27, 17, tz=LONDON), now=now)
    app = direction_actions.add_direction(app, "board meets", DirectionKind.NOT_BEFORE,
                                pendulum.datetime(2026, 12, 3, 9, tz=LONDON), now=now)
    (task,) = [d for d in deadlines_for(app, SETTINGS, now) if not d.is_quiet]
    return snoozing.snooze_deadline(app, task, pendulum.datetime(2026, 11, 30, 10, tz=LONDON), now=now)


def with_interview(app):
    return actions.add_round(app, "Interview", pendulum.datetime(2026, 11, 30, 14, tz=LONDON), [],
                             now=frozen_now())


def texts(app):
    frame = TimeFrame(frozen_now(), SETTINGS.zone)
    entries = [make_entry(d) for d in deadlines_for(app, SETTINGS, frozen_now())]
    return card_texts(card_view(app, entries, frame), frame)[2:4]


def test_without_an_interview_the_card_is_as_before():
    assert texts(waiting_card()) == ("snoozed · send references", "in 5 d · quiet till Thu 3 Dec")


def test_an_interview_after_a_nearer_task_is_the_third_line_and_the_task_the_fourth():
    assert texts(with_interview(waiting_card())) == (
        "Mon 14:00 interview", "in 5 d · snoozed · send references · quiet till Thu 3 Dec")


def test_an_interview_that_comes_first_is_the_cards_line_alone():
    app = actions.add_round(waiting_card(), "Interview", pendulum.datetime(2026, 11, 26, 14, tz=LONDON), [],
                            now=frozen_now())
    assert texts(app) == ("Thu 14:00 interview", "in 28 h · quiet till Thu 3 Dec")


@pytest.mark.parametrize("size", [NARROW, WIDE])
async def test_the_board_shows_the_interview_time_whole_at_both_sizes(tmp_path, size):
    app = make_app(store_with(tmp_path, [with_interview(waiting_card())]))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        column = board_of(app).list_of(Stage.AWAITING)
        lines = [column.render_line(1 + row).text.strip(" ▌▏") for row in range(4)]
        assert lines[0] == "Acme"
        assert lines[2].startswith("Mon 14:00 int")
        assert lines[3].startswith("in 5 d · snoo")
