"""The automatic move "every interviewer thanked" is stamped at the latest thank-you time of the round's
interviewers, whatever order the notes were typed in (review M #5): the stay in *interviewed*, which the
statistics read from the stage lines, ends with the last note, never before any of them."""

from __future__ import annotations

from datetime import timedelta

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from cli_helpers import run
from conftest import examples
from tui.core import actions, stats
from tui.core.changing import ALL_THANKED
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import Stage
from tui.store.store import Store

ROUND = pendulum.datetime(2026, 11, 17, 10, tz="UTC")
RECORDED = ROUND.add(hours=1)


def card(count):
    return actions.new_application("Gamma", "G", now=RECORDED, round_at=ROUND,
                                   interviewers=[Interviewer(f"Person {i}") for i in range(count)])


def the_move(app):
    (line,) = [e for e in app.history if e.kind == "stage" and e.data.get("why") == ALL_THANKED]
    return line


def test_the_reviewers_order_moves_the_card_at_the_later_note():
    app = card(2)
    first, second = (p.id for p in app.rounds[0].interviewers)
    later, earlier = ROUND.add(hours=22), ROUND.add(hours=8)  # Wed 08:00, then Tue 18:00 typed after it
    app = actions.set_thanked(app, second, now=ROUND.add(days=1), at=later)
    app = actions.set_thanked(app, first, now=ROUND.add(days=1, minutes=1), at=earlier)
    assert app.stage is Stage.THANKED and the_move(app).at == later
    figures = stats.figures([actions.move(app, Stage.AWAITING, now=ROUND.add(days=2))], Settings(),
                            ROUND.add(days=3))
    assert figures.stage_days["interviewed"] == (later - ROUND).total_seconds() / 86400


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.integers(0, 60 * 72), min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_any_order_of_back_dated_notes_moves_the_card_at_the_last_one(minutes_after, rng):
    app = card(len(minutes_after))
    people = [(p.id, ROUND.add(minutes=m)) for p, m in zip(app.rounds[0].interviewers, minutes_after, strict=True)]
    rng.shuffle(people)
    typed_at = ROUND.add(days=4)  # after every note: the notes are typed in later, back-dated
    for step, (person, at) in enumerate(people):
        app = actions.set_thanked(app, person, now=typed_at + timedelta(minutes=step), at=at)
    last_note = max(at for _, at in people)
    move = the_move(app)
    assert move.at == last_note
    assert all(e.at <= move.at for e in app.history if e.kind == "thanked")
    assert [e.at for e in app.history] == sorted(e.at for e in app.history)


def test_show_dates_the_move_at_the_last_note_end_to_end(cli_db, capsys, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-18T10:00:00Z")
    assert run(cli_db, "add", "Gamma", "--role", "G", "--at", "yesterday 10:00", "--interviewer", "Ann Lee",
               "--interviewer", "Bob Ray") == 0
    assert run(cli_db, "interviewer", "Gamma", "Bob", "--thanked", "today 08:00") == 0
    assert run(cli_db, "interviewer", "Gamma", "Ann", "--thanked", "yesterday 18:00") == 0
    (app,) = Store(cli_db).load_all()
    bob = next(e.at for e in app.history if e.text == "Thanked Bob Ray")
    assert the_move(app).at == bob
    capsys.readouterr()
    assert run(cli_db, "show", "Gamma") == 0
    lines = capsys.readouterr().out.splitlines()
    moved = next(i for i, line in enumerate(lines) if "(every interviewer thanked)" in line)
    assert "Thanked Bob Ray" in lines[moved - 1] and lines[moved].split("  ")[1] == lines[moved - 1].split("  ")[1]
