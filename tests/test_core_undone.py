"""A step undone on the board stays in the history as a record, and counts nowhere.

actions.undo marks the lines the step wrote (history_facts.mark_undone); the
statistics, the stays and the stage rules read only lines that still hold.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core import actions, correspondence, history_facts, stats, stats_result
from tui.core.parts import Interviewer, holds
from tui.core.settings import Settings
from tui.core.stages import STAGES, Stage

UTC = timezone.utc
T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)  # a Monday
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
SETTINGS = Settings(timezone="Europe/Berlin")
H = timedelta(hours=1)
S = timedelta(seconds=1)


def interviewed():
    return actions.new_application("Acme", "Dev", now=T0 + H, round_at=T0,
                                   interviewers=[Interviewer(name="Dana Kim")])


def figures(*apps):
    return stats_result.to_json(stats.figures(list(apps), SETTINGS, NOW))


def test_an_undone_move_leaves_the_funnel_and_the_stays_as_before():
    app = actions.move(interviewed(), "awaiting", now=T0 + 30 * H)
    start = figures(app)
    moved = actions.move(app, "followed-up", now=T0 + 50 * H)
    assert figures(moved)["funnel"]["stages"]["followed-up"] == 1
    back = actions.undo(app, moved, "Move Acme to Followed up", now=T0 + 50 * H)
    assert back.stage is Stage.AWAITING
    assert figures(back) == start
    assert figures(back)["stage_days"]["awaiting"] is None  # still there: no 0-day stay in it
    assert [s.stage for s in history_facts.stays(back)] == [Stage.INTERVIEWED, Stage.AWAITING]


def test_an_undone_letter_adds_no_finished_stay_even_when_its_lines_were_filed_among_earlier_ones():
    app = actions.move(interviewed(), "thanked", now=T0 + 40 * H)
    app = actions.move(app, "interviewed", now=T0 + 41 * H)
    start = figures(app)
    person = app.rounds[0].interviewers[0]
    # sent (and so logged) at T0 + 20 h, typed in later: its lines go before the two moves
    sent = correspondence.record_letter_sent(app, "thank-you", now=T0 + 42 * H, at=T0 + 20 * H,
                                             interviewer_id=person.id)
    assert figures(sent) != start
    new_lines = [e for e in sent.history if e not in app.history]
    assert sent.history.index(new_lines[0]) < len(app.history) - 1  # not at the end
    back = actions.undo(app, sent, "Thank-you letter to Dana Kim", now=T0 + 43 * H)
    assert figures(back) == start
    assert history_facts.stays(back) == history_facts.stays(app)
    undone = [e for e in back.history if not holds(e)]
    assert [e.text for e in undone] == [e.text for e in new_lines]  # the step's lines, and only those
    assert back.history[-1].text == "Undid: Thank-you letter to Dana Kim" and holds(back.history[-1])
    assert len(back.history) == len(sent.history) + 1  # the record keeps every line


def test_an_undone_outcome_is_no_answer():
    app = interviewed()
    closed = correspondence.close(app, "rejected", now=T0 + 30 * H, at=T0 + 26 * H)
    reopened = actions.undo(app, closed, "Close Acme", now=T0 + 31 * H)
    assert history_facts.answer_at(reopened, NOW) is None
    assert figures(reopened) == figures(app)


def test_a_rule_that_reads_the_latest_stage_line_skips_an_undone_one():
    """The thank-you rule moves the card back only when its own line is the latest that holds."""
    app = interviewed()
    person = app.rounds[0].interviewers[0]
    thanked = actions.set_thanked(app, person.id, now=T0 + 5 * H)
    assert thanked.stage is Stage.THANKED
    moved = actions.move(thanked, "awaiting", now=T0 + 6 * H)
    back = actions.undo(thanked, moved, "Move Acme to Awaiting", now=T0 + 7 * H)
    unthanked = actions.set_thanked(back, person.id, False, now=T0 + 8 * H)
    assert unthanked.stage is Stage.INTERVIEWED


def test_undoing_twice_keeps_the_first_undo_line_as_a_record_that_holds():
    app = interviewed()
    first = actions.move(app, "thanked", now=T0 + 5 * H)
    second = actions.move(first, "awaiting", now=T0 + 6 * H)
    back = actions.undo(first, second, "Move to Awaiting", now=T0 + 7 * H)
    start = actions.undo(app, back, "Move to Thanked", now=T0 + 8 * H)
    assert [e.text for e in start.history if e.kind == "undo"] == ["Undid: Move to Awaiting", "Undid: Move to Thanked"]
    assert all(holds(e) for e in start.history if e.kind == "undo")
    assert sum(not holds(e) for e in start.history) == 2
    assert figures(start) == figures(app)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(STAGES), st.integers(min_value=0, max_value=80),
                          st.booleans()), max_size=8))
def test_any_moves_each_undone_leave_the_figures_as_at_the_start(plan):
    """Every move is undone (at once, or after the next ones are: a stack), so the figures end as they began."""
    app = interviewed()
    start = figures(app)
    at = T0 + 2 * H
    pending = []
    for stage, hours, at_once in plan:
        at += hours * H
        before = app
        app = actions.move(app, stage, now=at)
        if app is before:
            continue
        pending.append(before)
        if at_once:
            app = actions.undo(pending.pop(), app, f"Move to {stage}", now=at)
    while pending:
        at += H
        app = actions.undo(pending.pop(), app, "Move", now=at)
    assert figures(app) == start
    assert app.stage is Stage.INTERVIEWED


def test_followup_show_says_which_history_lines_were_undone():
    from tui.cli_show import show_lines

    base = interviewed()
    moved = actions.move(base, Stage.THANKED, now=T0 + 2 * H)
    restored = actions.undo(base, moved, "Move Acme to Thanked", now=T0 + 3 * H)
    history = show_lines(restored, SETTINGS, NOW)[-len(restored.history):]
    undone = [line for line in history if line.endswith("(undone)")]
    assert len(undone) == 1 and "Interviewed → Thanked" in undone[0]
    assert [line.endswith("(undone)") for line in history] == [not holds(e) for e in restored.history]


def test_the_csv_export_marks_undone_history_lines_as_followup_show_does():
    from tui.core.exchange import csv_row

    base = interviewed()
    restored = actions.undo(base, correspondence.close(base, "rejected", now=T0 + 2 * H), "Close Acme", now=T0 + 3 * H)
    history = csv_row(restored, SETTINGS, NOW)["history"].split(" | ")
    assert [line.endswith("(undone)") for line in history] == [not holds(e) for e in restored.history]
    assert any("Outcome: rejected (undone)" in line for line in history)


def test_undoing_the_last_save_of_a_notes_session_gives_its_line_the_earlier_time_back():
    """Review S1 2: saves within half an hour share one "Edited notes" line, moved on at each save; undoing
    the last one marked that line undone, though the session's earlier edits still held (and redoing left
    it so). Undone, the line holds at the time of the save before; redone, at the last save's again."""
    base = interviewed()
    first = actions.set_notes(base, "first", now=T0 + 2 * H)
    second = actions.set_notes(first, "first second", now=T0 + 2 * H + 4 * S)
    third = actions.set_notes(second, "first second third", now=T0 + 2 * H + 8 * S)
    undone = actions.undo(second, third, "Edit notes", now=T0 + 3 * H)
    notes_lines = [(e.at, holds(e)) for e in undone.history if e.kind == "notes"]
    assert undone.notes == "first second" and notes_lines == [(T0 + 2 * H + 4 * S, True)]
    redone = actions.redo(third, undone, "Edit notes", now=T0 + 4 * H)
    assert [(e.at, holds(e)) for e in redone.history if e.kind == "notes"] == [(T0 + 2 * H + 8 * S, True)]
    twice = actions.undo(first, actions.undo(second, third, "Edit notes", now=T0 + 3 * H), "Edit notes",
                         now=T0 + 3 * H + S)
    assert twice.notes == "first" and [(e.at, holds(e)) for e in twice.history if e.kind == "notes"] == [
        (T0 + 2 * H, True)]
    gone = actions.undo(base, twice, "Edit notes", now=T0 + 3 * H + 2 * S)
    assert gone.notes == "" and [holds(e) for e in gone.history if e.kind == "notes"] == [False]
