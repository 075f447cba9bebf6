"""Rounds and interviewers from the keyboard: add, edit, thank, remove; forms check their input."""

from __future__ import annotations

import pytest

from conftest import WAYS, fill, palette_pick, send_keys
from tui.core import actions
from tui.core.deadlines import DeadlineKind, all_deadlines
from tui.core.stages import Stage
from tui.core.timeutil import local
from tui.ui.detail.forms import InterviewerForm, RoundForm
from tui.ui.detail.screen import DetailScreen
from tui.ui.screens.confirm import ConfirmScreen
from tui.ui.screens.form import FormScreen
from ui_detail_helpers import SETTINGS, SIZE, acme, board, make_db, on_disk, open_card, screen_text


@pytest.fixture
def thanked_card(tmp_path, frozen):
    """Acme with every interviewer thanked: the card is in *thanked*."""
    app = acme(frozen)
    app = actions.set_thanked(app, app.rounds[1].interviewers[0].id, True, now=frozen.subtract(hours=1))
    assert app.stage is Stage.THANKED
    return make_db(tmp_path, app), app


async def add_round(pilot, name: str, when: str, people: str) -> None:
    """Open the round form and save it filled (typing into it is test_ui_bursts.py's)."""
    await pilot.press("2", "n")
    fill(pilot.app.screen, name=name, when=when, people=people)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_round_with_two_interviewers_then_thank_both(thanked_card, frozen):
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await add_round(pilot, "Final", "today 10:00", "Lee <l@a.io>, Kai")
        saved = (await on_disk(pilot, db, app.id))
        final = saved.latest_round
        assert final.name == "Final" and [p.name for p in final.interviewers] == ["Lee", "Kai"]
        assert local(final.at, "Europe/Berlin").format("YYYY-MM-DD HH:mm") == "2026-12-01 10:00"
        assert saved.stage is Stage.INTERVIEWED  # a new round moves the card back
        thanks = [d for d in all_deadlines([saved], SETTINGS, frozen) if d.kind is DeadlineKind.THANK_YOU]
        assert sorted(d.person for d in thanks) == ["Kai", "Lee"]
        await pilot.press("end", "space")  # the last line: Kai, thanked without a letter
        await pilot.pause()
        assert (await on_disk(pilot, db, app.id)).stage is Stage.INTERVIEWED
        await pilot.press("k", "space")  # Lee
        await pilot.pause()
        saved = (await on_disk(pilot, db, app.id))
        assert all(p.thanked_at for p in saved.latest_round.interviewers)
        assert saved.stage is Stage.THANKED
        assert "Thanked" in screen_text(followup)
        await pilot.press("escape", "u")  # back on the board, undo the last thank-you
        assert (await on_disk(pilot, db, app.id)).stage is Stage.INTERVIEWED


async def test_t_on_an_interviewer_drafts_their_thank_you_note(tmp_path, frozen):
    from tui.ui.letters import LetterScreen

    app = acme(frozen)
    db = make_db(tmp_path, app)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("2", "j", "t")
        await pilot.pause()
        assert isinstance(followup.screen, LetterScreen)
        assert followup.screen.interviewer_ids == [app.rounds[0].interviewers[0].id]


async def test_form_shows_each_error_by_its_field_and_saves_nothing(thanked_card):
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await add_round(pilot, "x" * 81, "soon", "L <l.a>")  # empty, a new round's name is "Interview"
        form = followup.screen
        assert isinstance(form, FormScreen)
        errors = {name: str(form.query_one(f"#error-{name}").render()) for name in ("name", "when", "people")}
        assert "round name is 81 characters long" in errors["name"]
        assert "cannot read the time 'soon'" in errors["when"]
        assert "not an address" in errors["people"]
        assert len((await on_disk(pilot, db, app.id)).rounds) == len(app.rounds)
        assert followup.screen.focused.id == "field-name"  # the first bad field
        fill(form, name="Final")
        await pilot.pause()
        assert not form.has_error("name")  # cleared as soon as it is fixed
        fill(form, when="tomorrow", people="Lee <l@a.io>")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(followup.screen, DetailScreen)
        assert (await on_disk(pilot, db, app.id)).latest_round.interviewers[0].email == "l@a.io"


async def test_escape_on_a_changed_form_asks_first(thanked_card):
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("2", "n", "escape")  # nothing typed: closes at once
        assert isinstance(followup.screen, DetailScreen)
        await pilot.press("n")
        fill(followup.screen, name="Fin")
        await pilot.press("escape")
        assert isinstance(followup.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(followup.screen, FormScreen)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(followup.screen, DetailScreen)
        assert len((await on_disk(pilot, db, app.id)).rounds) == len(app.rounds)


async def test_edit_an_interviewer_and_remove_a_round(thanked_card):
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("2", "end", "enter")  # Dana Kim, the last line
        assert isinstance(followup.screen, FormScreen)
        fill(followup.screen, email="d.a.io")
        await pilot.press("ctrl+s")  # refused: back in the email field
        assert "not an address" in str(followup.screen.query_one("#error-email").render())
        assert followup.screen.focused.id == "field-email"
        fill(followup.screen, email="d@a.io", topic="caching")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dana = (await on_disk(pilot, db, app.id)).find_interviewer("Dana Kim")[1]
        assert (dana.email, dana.topic) == ("d@a.io", "caching")
        assert dana.thanked_at is not None  # editing keeps the thank-you mark
        assert "Edited Dana Kim in round 2 “Onsite”: email, topic" in [
            e.text for e in (await on_disk(pilot, db, app.id)).history]
        await pilot.press("home", "d")
        assert isinstance(followup.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert [r.name for r in (await on_disk(pilot, db, app.id)).rounds] == ["Onsite"]


async def test_edit_a_round_keeps_its_people(thanked_card):
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("2", "end", "up", "enter")  # the Onsite line, above Dana Kim
        form = followup.screen
        assert isinstance(form, RoundForm)
        fill(form, name="Loop", people=form.raw("people") + ", Ann")
        await pilot.press("ctrl+s")
        await pilot.pause()
        onsite = (await on_disk(pilot, db, app.id)).find_round(app.rounds[1].id)
        assert onsite.name == "Loop"
        assert [p.name for p in onsite.interviewers] == ["Dana Kim", "Ann"]
        assert onsite.interviewers[0].topic == "system design"


async def test_add_a_person_to_the_latest_round(thanked_card):
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("2", "end", "p")
        fill(followup.screen, name="Bo", title="CTO")
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = await on_disk(pilot, db, app.id)
        people = stored.latest_round.interviewers
        assert [(p.name, p.title) for p in people] == [("Dana Kim", "Engineering Manager"), ("Bo", "CTO")]
        # the history says what `followup interviewer` says of the same change (review Q), not "Edited round"
        assert any(e.text == "Added Bo to round 2 “Onsite”" for e in stored.history), [e.text for e in stored.history]


async def test_the_command_palette_offers_the_screens_actions(thanked_card):
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("ctrl+p")
        await palette_pick(pilot, "add a round")
        assert isinstance(followup.screen, RoundForm)


async def test_a_form_taller_than_the_window_scrolls_to_the_field_in_focus(tmp_path, frozen):
    """At 60x15 the interviewer form does not fit: the box fits the window, and the field the focus
    moves to (shift+tab: the last one) is scrolled into view, so nothing is typed blind."""
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=(60, 15)) as pilot:
        await open_card(pilot)
        await pilot.press("2", "p")
        await pilot.pause()
        form = followup.screen
        assert isinstance(form, FormScreen)
        box = form.query_one(".modal-box")
        assert box.region.height <= 14  # the window less the key bar
        await pilot.press("shift+tab")
        await pilot.pause()
        field = followup.focused
        assert field.id == "field-link_note"
        assert box.scroll_y > 0
        assert box.content_region.contains_region(field.region), (field.region, box.content_region)


async def test_the_round_form_says_a_round_still_to_come_is_upcoming(thanked_card, frozen):
    """As the new-card form does: an upcoming round leaves the card where it is until its time."""
    from textual.widgets import Input, Static

    db, _ = thanked_card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("2", "n")
        followup.screen.query_one("#field-when", Input).value = "next tue 10:00"
        await pilot.pause()
        hint = str(followup.screen.query_one("#hint-when", Static).render())
        assert hint.startswith("✓ Tue 8 Dec 10:00") and hint.endswith("(upcoming round)")


def test_an_interviewer_of_a_round_still_to_come_is_not_said_to_be_unthanked():
    """Review N: "not thanked" under the people of an upcoming round read as a note already missed."""
    import pendulum

    from tui.core.parts import Interviewer
    from tui.ui.detail.rounds import RoundsList

    now = pendulum.datetime(2026, 11, 18, 10, tz="UTC")
    person = Interviewer(name="Cy Dee")
    assert "thank them after the round" in RoundsList._person_line(person, None, "UTC", now, True).plain
    assert "not thanked" in RoundsList._person_line(person, None, "UTC", now, False).plain


async def test_a_long_interviewer_line_wraps_under_its_own_text_at_120_columns(tmp_path, frozen):
    """Review R (polish): wrapped lines of the rounds list started at column 0, under the check mark,
    and read as lines of their own; they now hang under the name, and under the thank-you state."""
    import msgspec

    app = acme(frozen)
    dana = app.rounds[1].interviewers[0]
    long_dana = msgspec.structs.replace(
        dana, title="Technical Recruiter for the platform and payments groups",
        email="dana.kim@acme-corporation.example",
        topic="why I want to move from agency work to a product team that owns its services end to end")
    app = actions.update_round(app, app.rounds[1].id, now=frozen, interviewers=[long_dana])
    followup = board(make_db(tmp_path, app))
    async with followup.run_test(size=(120, 40)) as pilot:
        await open_card(pilot)
        await pilot.press("2")
        await pilot.pause()
        lines = screen_text(followup).splitlines()
        top = next(i for i, line in enumerate(lines) if "Dana Kim (" in line)
        name_column = lines[top].index("Dana Kim")
        # the name's line wraps: its rest starts under the name
        assert "acme-corporation" not in lines[top]
        assert lines[top + 1][name_column - 1] == " " and lines[top + 1][name_column] not in " │"
        state_line = next(i for i in range(top + 1, top + 6) if "thank by" in lines[i] or "thanked" in lines[i])
        state_column = lines[state_line].index("thank")
        assert state_column > name_column  # the state is indented under the name
        rest = lines[state_line + 1]
        assert rest[:state_column].strip() in ("", "▌", "│") or rest[state_column - 1] == " "
        assert rest[state_column] != " "  # the topic's rest hangs under the state, not at column 0


def said_under(form, field: str) -> str:
    line = form.query_one(f"#error-{field}")
    return str(line.render()) if line.has_class("shown") else ""


@WAYS
async def test_p_with_a_name_already_in_the_round_is_refused_in_the_form_keeping_what_was_typed(
        thanked_card, burst):
    """Review T 6: the form closed with a toast and the e-mail and topic typed were lost. The refusal is
    the core's own (the change tried first), said under Name, with the form and its fields kept."""
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "2", "end", "p", "dana kim", "enter", "enter", "dk@acme.com", "enter",
                        "Kafka tuning", "ctrl+s", pauses=3)
        form = followup.screen
        assert isinstance(form, InterviewerForm), followup.screen_stack
        assert "Dana Kim is already in round" in said_under(form, "name"), said_under(form, "name")
        assert (form.raw("email"), form.raw("topic")) == ("dk@acme.com", "Kafka tuning")
        assert form.focused is form.query_one("#field-name")
        people = (await on_disk(pilot, db, app.id)).latest_round.interviewers
        assert [p.name for p in people] == ["Dana Kim"]
        fill(form, name="Dan Kimball")  # fixed: saved, with what was typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(followup.screen, DetailScreen)
        people = (await on_disk(pilot, db, app.id)).latest_round.interviewers
        assert [(p.name, p.email, p.topic) for p in people][1] == ("Dan Kimball", "dk@acme.com", "Kafka tuning")


@WAYS
async def test_the_round_form_says_the_same_person_twice_in_the_cores_words_and_keeps_the_form(thanked_card, burst):
    """One check and one wording: the form's own copy ("give each interviewer once") is gone; the core's
    refusal of the change is said under Interviewers, every typed field kept."""
    db, app = thanked_card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "2", "n", "Final", "enter", "tomorrow 10:00", "enter",
                        "Ann Lee, ann lee", "ctrl+s", pauses=3)
        form = followup.screen
        assert isinstance(form, RoundForm), followup.screen_stack
        assert "round “Final” lists ann lee twice" in said_under(form, "people"), said_under(form, "people")
        assert (form.raw("name"), form.raw("when")) == ("Final", "tomorrow 10:00")
        assert form.focused is form.query_one("#field-people")
        assert len((await on_disk(pilot, db, app.id)).rounds) == len(app.rounds)
