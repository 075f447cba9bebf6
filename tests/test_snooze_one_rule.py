"""A snoozed deadline reads the same everywhere: the sidebar, the card, the detail screen's Directions row,
its summary line and `followup due` all take the due time and the "snoozed" word from deadlines_for. A
snooze counts as snoozed until its end; from then on the deadline is simply due at that end."""

from __future__ import annotations

import pendulum

from cli_helpers import run
from tui.core import actions, direction_actions, snoozing
from tui.core.deadline_words import marked_action
from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.direction_rows import direction_asked, direction_deadlines
from tui.core.settings import Settings
from tui.core.stages import DirectionKind
from tui.ui.board.cards import card_texts, card_view
from tui.ui.board.timeframe import TimeFrame
from tui.ui.detail.directions import direction_line
from tui.ui.detail.summary import summary_content
from tui.ui.sidebar.sidebar import first_line, make_entry

LONDON = "Europe/London"
SETTINGS = Settings(timezone=LONDON, holidays="")
WED = pendulum.datetime(2026, 11, 25, 10, tz=LONDON)
FRI_5PM = pendulum.datetime(2026, 11, 27, 17, tz=LONDON)
MON_10 = pendulum.datetime(2026, 11, 30, 10, tz=LONDON)
MON_11 = pendulum.datetime(2026, 11, 30, 11, tz=LONDON)


def snoozed_references():
    app = actions.new_application("Acme", "Dev", now=WED.subtract(days=1), round_at=WED.subtract(days=1))
    app = direction_actions.add_direction(app, "send references", DirectionKind.DO_BY, FRI_5PM, now=WED)
    (deadline,) = deadlines_for(app, SETTINGS, WED)
    assert (deadline.kind, deadline.due) == (DeadlineKind.DIRECTION, FRI_5PM)
    return snoozing.snooze_deadline(app, deadline, MON_10, now=WED, reason="waiting for Sam")


def test_a_running_snooze_is_snoozed_and_an_ended_one_is_due_at_its_end():
    app = snoozed_references()
    (running,) = deadlines_for(app, SETTINGS, pendulum.datetime(2026, 11, 28, 12, tz=LONDON))
    assert (running.due, running.is_snoozed, running.overdue, running.rule_due) == (MON_10, True, False, FRI_5PM)
    assert marked_action(running) == "snoozed · send references — Acme"
    (ended,) = deadlines_for(app, SETTINGS, MON_11)
    assert (ended.due, ended.is_snoozed, ended.overdue, ended.rule_due) == (MON_10, False, True, FRI_5PM)
    assert marked_action(ended) == "send references — Acme"


def _row(app, now) -> str:
    (direction,) = app.directions
    deadline = direction_deadlines(app, SETTINGS, now).get(direction.id)
    return direction_line(direction, SETTINGS.zone, now, deadline, direction_asked(direction, SETTINGS)).plain


def _card_and_sidebar(app, now) -> tuple[str, str, str]:
    frame = TimeFrame(now, SETTINGS.zone)
    deadlines = deadlines_for(app, SETTINGS, now)
    _, _, action, detail, _ = card_texts(card_view(app, [make_entry(d) for d in deadlines], frame), frame)
    return action, detail, first_line(deadlines[0], 60)


def test_every_screen_says_snoozed_while_it_runs():
    app = snoozed_references()
    sat = pendulum.datetime(2026, 11, 28, 12, tz=LONDON)
    assert _row(app, sat) == ("☐ send references · snoozed until Mon 30 Nov 10:00 (in 46 h), "
                              "was by Fri 27 Nov 17:00: waiting for Sam")
    assert _card_and_sidebar(app, sat) == ("snoozed · send references", "in 46 h",
                                           "send references · snoozed: waiting for Sam")
    assert "snoozed · send references in 46 h" in summary_content(app, SETTINGS, sat).plain


def test_after_the_snooze_every_screen_counts_from_its_end_and_none_says_snoozed():
    app = snoozed_references()
    assert _row(app, MON_11) == "☐ send references · by Fri 27 Nov 17:00 → due Mon 30 Nov 10:00 (1 h overdue)"
    assert _card_and_sidebar(app, MON_11) == ("send references", "1 h overdue", "send references")
    summary = summary_content(app, SETTINGS, MON_11).plain
    assert "send references 1 h overdue" in summary and "snoozed" not in summary


def test_a_do_by_without_a_time_reads_the_end_of_working_hours_on_its_row_as_in_the_sidebar():
    app = actions.new_application("Acme", "Dev", now=WED, round_at=WED.subtract(days=1))
    app = direction_actions.add_direction(app, "send references", DirectionKind.DO_BY,
                                pendulum.datetime(2026, 11, 27, tz=LONDON), now=WED)
    assert _row(app, WED) == "☐ send references · by Fri 27 Nov 17:00 (in 2 d)"  # not "00:00 → due 17:00"


def test_followup_due_says_snoozed_until_the_snooze_ends(cli_db, capsys, monkeypatch):
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10am", "-q") == 0
    short = capsys.readouterr().out.strip()
    assert run(cli_db, "direction", short, "send references", "--by", "fri 17:00") == 0
    assert run(cli_db, "snooze", short, "--until", "mon 10:00") == 0
    capsys.readouterr()
    assert run(cli_db, "due", "--within", "7") == 0
    assert capsys.readouterr().out == "  in 5 d  snoozed · send references — Acme\n"
    monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-30T10:00:00Z")  # Mon 11:00 in Berlin
    assert run(cli_db, "due") == 0
    assert capsys.readouterr().out == "! 1 h overdue  send references — Acme\n"
    assert run(cli_db, "show", short) == 0
    assert "snoozed" not in capsys.readouterr().out


SAT_DAWN = pendulum.datetime(2026, 11, 28, 7, 24, tz=LONDON)


def test_a_snooze_to_a_time_outside_working_hours_names_the_deadline_it_makes(cli_db, capsys):
    """Snoozed to Saturday dawn, the deadline falls at Monday's opening: the form's preview and the command
    said only the time typed, as if the deadline were then (review X #3)."""
    app = actions.new_application("Acme", "Dev", now=WED.subtract(days=1), round_at=WED.subtract(days=1))
    app = direction_actions.add_direction(app, "send references", DirectionKind.DO_BY, FRI_5PM, now=WED)
    (deadline,) = deadlines_for(app, SETTINGS, WED)
    monday = pendulum.datetime(2026, 11, 30, 9, tz=LONDON)
    assert snoozing.snoozed_due(app, deadline, SAT_DAWN, SETTINGS, WED) == monday
    assert snoozing.snoozed_due(app, deadline, MON_10, SETTINGS, WED) == MON_10  # inside hours: as typed

    assert run(cli_db, "add", "Hooli", "--role", "Dev", "--at", "yesterday 10:00", "-q") == 0
    assert run(cli_db, "direction", "hooli", "send references", "--by", "in 2 days") == 0
    capsys.readouterr()
    assert run(cli_db, "snooze", "hooli", "--until", "sat 7:24") == 0
    assert "snoozed until Sat 28 Nov 07:24" in (out := capsys.readouterr().out) and "→ due Mon 30 Nov 09:00" in out


def test_a_do_by_moved_by_working_hours_reads_the_day_asked_and_the_deadline_it_makes():
    """Review S2 4: the row read the deadline alone; the recruiter's Saturday was only in the history."""
    app = actions.new_application("Acme", "Dev", now=WED, round_at=WED.subtract(days=1))
    app = direction_actions.add_direction(app, "send references", DirectionKind.DO_BY,
                                          pendulum.datetime(2026, 11, 28, 20, tz=LONDON), now=WED)
    assert _row(app, WED) == "☐ send references · by Sat 28 Nov 20:00 → due Mon 30 Nov 09:00 (in 5 d)"
