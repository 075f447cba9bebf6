"""Directions and outcomes: what the recruiter asked for, and how it ended, become deadlines."""

from __future__ import annotations

import pytest

from conftest import fill
from tui.core import actions, correspondence, direction_actions
from tui.core.deadlines import DeadlineKind, all_deadlines
from tui.core.stages import DirectionKind, Outcome, Stage
from tui.core.timeutil import local
from tui.ui.detail.screen import DetailScreen
from tui.ui.screens.form import FormScreen
from ui_detail_helpers import SETTINGS, SIZE, acme, board, make_db, on_disk, open_card, screen_text

WIDE = (120, 40)  # wide enough for the board's deadline sidebar


@pytest.fixture
def thanked_card(tmp_path, frozen):
    app = acme(frozen)
    app = actions.set_thanked(app, app.rounds[1].interviewers[0].id, True, now=frozen.subtract(hours=1))
    return make_db(tmp_path, app), app


async def deadlines_of(pilot, db, app_id, now):
    """The deadlines of the stored card, as the sidebar and `followup due` derive them."""
    return all_deadlines([await on_disk(pilot, db, app_id)], SETTINGS, now)


async def test_do_by_and_not_before_become_deadlines_and_done_moves_to_awaiting(thanked_card, frozen):
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=WIDE) as pilot:
        await open_card(pilot)
        await pilot.press("3", "n")  # typing into this form is test_ui_bursts.py's
        fill(followup.screen, text="send refs", when="fri 17:00")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("n")
        fill(followup.screen, text="no calls", kind="not-before", when="dec 8 9:00")
        await pilot.press("ctrl+s")
        saved = await on_disk(pilot, db, app.id)
        assert [(d.kind, d.text) for d in saved.directions] == [
            (DirectionKind.DO_BY, "send refs"),
            (DirectionKind.NOT_BEFORE, "no calls"),
        ]
        found = {d.kind: d for d in await deadlines_of(pilot, db, app.id, frozen)}
        assert found[DeadlineKind.DIRECTION].action.startswith("send refs")
        assert local(found[DeadlineKind.DIRECTION].due, "Europe/Berlin").format("ddd HH:mm") == "Fri 17:00"
        assert local(found[DeadlineKind.QUIET].due, "Europe/Berlin").format("D MMM HH:mm") == "8 Dec 09:00"
        text = screen_text(followup)
        assert "quiet until Tue 8 Dec 09:00" in text  # the summary line
        assert "no contact before Tue 8 Dec 09:00" in text  # the list
        await pilot.press("escape")
        await pilot.pause()
        sidebar = screen_text(followup)
        assert "send refs" in sidebar and "Quiet: don't contact Acme" in sidebar
        await pilot.press("enter", "3", "home", "space")
        saved = await on_disk(pilot, db, app.id)
        assert saved.directions[0].done_at is not None
        assert saved.stage is Stage.AWAITING  # nothing left on our side
        assert DeadlineKind.DIRECTION not in {d.kind for d in await deadlines_of(pilot, db, app.id, frozen)}


async def test_a_quiet_period_needs_a_date(thanked_card):
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("3", "n")
        fill(followup.screen, text="wait", kind="not-before")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(followup.screen, FormScreen)
        assert "needs a date" in str(followup.screen.query_one("#error-when").render())
        assert (await on_disk(pilot, db, app.id)).directions == []


async def test_a_quiet_period_already_over_is_refused_in_the_form_and_what_was_typed_stays(thanked_card):
    """"not before yesterday" asks nothing of anyone: refused where the date is typed, as `followup direction
    --not-before` refuses it; the form stays open with the text (a do-by already past is kept: overdue)."""
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("3", "n")
        fill(followup.screen, text="no calls this week", kind="not-before", when="yesterday 9:00")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(followup.screen, FormScreen)
        assert "is over already" in str(followup.screen.query_one("#error-when").render())
        assert followup.screen.raw("text") == "no calls this week"
        assert (await on_disk(pilot, db, app.id)).directions == []


async def test_remove_a_direction_after_confirming(thanked_card, frozen):
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("3", "n")
        fill(followup.screen, text="Go shop", kind="info")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (await on_disk(pilot, db, app.id)).directions[0].kind is DirectionKind.INFO
        await pilot.press("d", "y")
        await pilot.pause()
        assert (await on_disk(pilot, db, app.id)).directions == []


async def test_rejection_closes_the_card_and_sets_the_reply_deadline(thanked_card, frozen):
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=WIDE) as pilot:
        await open_card(pilot)
        await pilot.press("o")  # the outcome form: rejected is the first choice, now the default time
        await pilot.pause()
        assert "How did it end with Acme?" in screen_text(followup)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(followup.screen, DetailScreen)
        saved = (await on_disk(pilot, db, app.id))
        assert (saved.stage, saved.outcome) == (Stage.CLOSED, Outcome.REJECTED)
        replies = [d for d in await deadlines_of(pilot, db, app.id, frozen) if d.kind is DeadlineKind.REJECTION_REPLY]
        assert len(replies) == 1 and replies[0].due == frozen.add(hours=SETTINGS.reply_hours)
        text = screen_text(followup)
        assert "Closed: rejected" in text and "ask for feedback in 2 d" in text
        await pilot.press("escape")
        await pilot.pause()
        assert "Reply: thank them" in screen_text(followup)  # the board's sidebar


async def test_history_is_newest_first_in_the_users_zone(thanked_card, frozen):
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("o")
        await pilot.pause()
        followup.screen.query_one("#field-outcome").value = "offer"
        await pilot.press("ctrl+s", "4")  # an offer, recorded at 13:00 UTC
        await pilot.pause()
        lines = [line.strip() for line in screen_text(followup).splitlines()]
        first = next(i for i, line in enumerate(lines) if "Outcome: offer" in line)
        assert lines[first].startswith("Tue 1 Dec 14:00")  # Berlin, not UTC
        assert any(line.startswith("Sat 28 Nov 14:00") and "Added Acme" in line for line in lines[first:])


async def test_card_details_form_edits_plain_fields(thanked_card, frozen):
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("c")
        fill(followup.screen, role="Staff", decision_by="next fri")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = (await on_disk(pilot, db, app.id))
        assert saved.role == "Staff"
        assert local(saved.decision_by, "Europe/Berlin").format("YYYY-MM-DD") == "2026-12-04"
        assert "they decide by Fri 4 Dec" in screen_text(followup)


async def test_card_form_keeps_a_passed_keep_in_touch_but_refuses_a_new_one_in_the_past(tmp_path, frozen):
    """A keep-in-touch date that has since passed (an overdue deadline) must not block the card's other
    edits; typing a new one that is already past is refused under the field (correspondence.check_keep_in_touch)."""
    card = correspondence.close(acme(frozen), "rejected", now=frozen.subtract(days=10),
                         keep_in_touch=frozen.subtract(days=2))
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("c")
        fill(followup.screen, role="Staff")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (await on_disk(pilot, db, card.id)).role == "Staff"
        await pilot.press("c")
        fill(followup.screen, keep_in_touch="yesterday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(followup.screen, FormScreen)
        assert "is not ahead" in str(followup.screen.query_one("#error-keep_in_touch").render())
    assert stored_keep_in_touch(db, card.id) == card.keep_in_touch


def stored_keep_in_touch(db, app_id):
    from tui.store import Store

    return Store(db).get(app_id).keep_in_touch


async def test_wide_terminals_keep_the_history_beside_the_tabs(thanked_card):
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=WIDE) as pilot:
        screen = await open_card(pilot)
        await pilot.press("4")
        assert screen.focused.id == "history-side"
        assert "Added Acme" in screen_text(followup)  # visible while the notes tab is open
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("4")
        assert screen.focused.id == "history-list"
        assert screen.query_one("#sections").active == "history"


def test_the_history_marks_a_done_or_removed_direction_apart_from_one_to_do(frozen):
    """☑ done, ✗ removed, ☐ added or reopened; a line from before schema 4 without its `change` keeps ☐."""
    from tui.core.parts import Event
    from tui.ui.detail.history import mark_of

    app = direction_actions.add_direction(acme(frozen), "Send the slides", "do-by", frozen.add(days=1), now=frozen)
    direction = app.directions[-1].id
    done = direction_actions.set_direction_done(app, direction, now=frozen)
    reopened = direction_actions.set_direction_done(done, direction, False, now=frozen)
    removed = direction_actions.remove_direction(reopened, direction, now=frozen)
    lines = [e for e in removed.history if e.data.get("direction") == direction]
    assert [mark_of(e) for e in lines] == ["☐", "☑", "☐", "✗"]
    assert mark_of(Event(at=frozen, kind="direction", text="Done: by hand", data={})) == "☐"


async def test_a_direction_date_alone_is_read_at_the_users_working_hours(thanked_card):
    """work_hours 10:00-16:00: a quiet period typed as a date starts at 10:00, a do-by is due at 16:00
    (deadlines.direction_default_time, as `followup direction` reads them); the hint follows the kind."""
    from tui.core.settings import Settings

    db, app = thanked_card
    followup = board(db, Settings(timezone="Europe/Berlin", name="Alex Doe", work_hours="10:00-16:00"))
    async with followup.run_test(size=WIDE) as pilot:
        await open_card(pilot)
        await pilot.press("3", "n")
        form = followup.screen
        fill(form, text="send refs", when="2026-12-28")
        await pilot.pause()
        assert "Mon 28 Dec 16:00" in str(form.query_one("#hint-when").render())
        fill(form, kind="not-before")
        await pilot.pause()
        assert "Mon 28 Dec 10:00" in str(form.query_one("#hint-when").render())
        await pilot.press("ctrl+s")
        saved = await on_disk(pilot, db, app.id)
    (quiet,) = saved.directions
    assert quiet.kind is DirectionKind.NOT_BEFORE
    assert local(quiet.due, "Europe/Berlin").format("YYYY-MM-DD HH:mm") == "2026-12-28 10:00"


def test_the_section_title_counts_what_the_list_shows():
    """Review: "Directions (1)" over two rows (one done). The title counts the rows, naming the done ones;
    the detail screen is to take its label from `section_title` (tui/ui/detail/screen.py sets it)."""
    from datetime import datetime, timezone

    from tui.core import actions, direction_actions
    from tui.core.stages import DirectionKind
    from tui.ui.detail.directions import section_title

    now = datetime(2026, 11, 25, 10, tzinfo=timezone.utc)
    app = actions.new_application("Acme", "Dev", now=now, round_at=now)
    assert section_title(app) == "3 Directions (0)"
    app = direction_actions.add_direction(app, "send references", DirectionKind.DO_BY, now, now=now)
    app = direction_actions.add_direction(app, "team moves to Go", DirectionKind.INFO, None, now=now)
    assert section_title(app) == "3 Directions (2)"
    app = direction_actions.set_direction_done(app, app.directions[0].id, True, now=now)
    assert section_title(app) == "3 Directions (1 open, 1 done)"
