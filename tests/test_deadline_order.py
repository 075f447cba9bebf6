"""Two deadlines due at once go in one order (deadlines.deadline_order) on the card, in the sidebar, in
`followup list` and on the detail screen: the card names the person the sidebar lists first."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from cli_helpers import run
from tui.core import actions, direction_actions, snoozing
from tui.core.deadlines import all_deadlines, deadline_order, deadlines_for, next_deadline
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.ui.board.cards import card_texts, card_view
from tui.ui.board.timeframe import TimeFrame
from tui.ui.detail.summary import summary_content
from tui.ui.sidebar.sidebar import make_entry

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)
SETTINGS = Settings(timezone="Europe/London")


def two_to_thank():
    """Sam Ray is the round's first interviewer, Lin Wu the second: both owed a note at the same time."""
    return actions.new_application("Acme", "Dev", now=NOW - timedelta(hours=30), round_at=NOW - timedelta(hours=30),
                                   interviewers=[Interviewer("Sam Ray"), Interviewer("Lin Wu")])


def test_the_card_the_sidebar_and_the_next_deadline_name_the_same_person():
    app = two_to_thank()
    found = deadlines_for(app, SETTINGS, NOW)
    assert [d.person for d in found] == ["Sam Ray", "Lin Wu"]  # the round's order: not the shown one
    entries = sorted(make_entry(d) for d in found)
    assert [entry[4].person for entry in entries] == ["Lin Wu", "Sam Ray"]  # the sidebar's rows
    frame = TimeFrame(NOW, SETTINGS.zone)
    # the card names the first and counts the rest, so a narrow card still says two notes are due
    assert card_texts(card_view(app, [make_entry(d) for d in found], frame), frame)[2] == "Thank Lin +1"
    assert card_texts(card_view(app, list(reversed(entries)), frame), frame)[2] == "Thank Lin +1"
    one = actions.new_application("Solo", "Dev", now=NOW - timedelta(hours=30), round_at=NOW - timedelta(hours=30),
                                  interviewers=[Interviewer("Sam Ray")])
    alone = [make_entry(d) for d in deadlines_for(one, SETTINGS, NOW)]
    assert card_texts(card_view(one, alone, frame), frame)[2] == "Thank Sam Ray"  # one note: the whole name
    assert next_deadline(app, SETTINGS, NOW).person == "Lin Wu"
    assert [d.person for d in all_deadlines([app], SETTINGS, NOW)] == ["Lin Wu", "Sam Ray"]
    assert min(found, key=deadline_order).person == "Lin Wu"
    summary = summary_content(app, SETTINGS, NOW).plain
    assert summary.index("Thank Lin Wu") < summary.index("Thank Sam Ray")


def test_followup_list_names_the_first_in_that_order(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10am", "-q",
               "--interviewer", "Sam Ray", "--interviewer", "Lin Wu") == 0
    capsys.readouterr()
    assert run(cli_db, "list", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["next_action"] == "Thank Lin Wu — Acme"


def test_the_confirmation_line_names_the_first_in_that_order(cli_db, capsys):
    """`followup add` says the first deadline it made: the same one the card and the sidebar name."""
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10am",
               "--interviewer", "Sam Ray", "--interviewer", "Lin Wu") == 0
    out = capsys.readouterr().out
    assert "Thank Lin Wu" in out and "Sam Ray" not in out.split("Thank", 1)[1]


def test_the_card_counts_only_the_notes_not_snoozed():
    app = two_to_thank()
    found = deadlines_for(app, SETTINGS, NOW)
    lin = next(d for d in found if d.person == "Lin Wu")
    app = snoozing.snooze_deadline(app, lin, NOW + timedelta(days=2), now=NOW)
    frame = TimeFrame(NOW, SETTINGS.zone)
    entries = [make_entry(d) for d in deadlines_for(app, SETTINGS, NOW)]
    assert card_texts(card_view(app, entries, frame), frame)[2] == "Thank Sam Ray"  # Lin's is put off


def test_a_card_names_a_titled_interviewer_by_title_and_surname_as_the_letters_do():
    """The card said "Thank Dr. +1" (its own first-name rule); it now asks greeting.greeting_name."""
    app = actions.new_application("Acme", "Dev", now=NOW - timedelta(hours=30), round_at=NOW - timedelta(hours=30),
                                  interviewers=[Interviewer("Dr. Ada Wong"), Interviewer("Mr. Tony Stark")])
    frame = TimeFrame(NOW, SETTINGS.zone)
    shown = card_texts(card_view(app, sorted(make_entry(d) for d in deadlines_for(app, SETTINGS, NOW)), frame), frame)
    assert shown[2] in ("Thank Dr. Wong +1", "Thank Mr. Stark +1")


def test_a_reply_due_with_a_keep_in_touch_comes_first_everywhere():
    """Both at once (a quiet period ends, and both wait for it): `next` named the keep-in-touch, "Get back"
    sorting before "Reply to" (review X4 #5). The kinds' order decides, then the words."""
    from tui.core import correspondence
    from tui.core.deadlines import DeadlineKind, deadline_order, deadlines_for
    from tui.ui.sidebar.sidebar import make_entry

    app = actions.new_application("Delta", "Dev", now=NOW - timedelta(days=5), round_at=NOW - timedelta(days=5))
    app = direction_actions.add_direction(app, "not before the board", "not-before", NOW + timedelta(days=4), now=NOW)
    app = correspondence.close(app, "rejected", now=NOW, at=NOW, keep_in_touch=NOW + timedelta(days=3))
    found = [d for d in deadlines_for(app, SETTINGS, NOW) if not d.is_quiet]
    assert {d.due for d in found} == {found[0].due}  # both wait for the quiet period's end
    first = min(found, key=deadline_order)
    assert first.kind is DeadlineKind.REJECTION_REPLY
    assert min(make_entry(d) for d in found)[4].kind is DeadlineKind.REJECTION_REPLY
