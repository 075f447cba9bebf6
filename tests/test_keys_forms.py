"""What the forms show before and while typing (review V 8, V 9)."""

from __future__ import annotations

from textual.widgets import Input

from conftest import WAYS, send_keys
from tui.ui.screens.new_application import NewApplicationScreen
from ui_detail_helpers import acme, board, make_db, screen_text, wait_until

SIZE = (80, 24)


def placeholders(form) -> dict[str, str]:
    return {field.id.removeprefix("field-"): field.placeholder for field in form.query(Input)}


async def test_the_new_application_forms_examples_say_e_g_and_the_round_says_its_default(tmp_path, frozen):
    """"Acme Robotics" in an empty field read as a value typed; "Interview" is what an empty Round gets."""
    async with board(make_db(tmp_path, acme(frozen))).run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, NewApplicationScreen))
        shown = placeholders(pilot.app.screen)
        assert shown["round"] == "default: Interview"
        for name in ("company", "role", "when", "interviewers"):
            assert shown[name].startswith("e.g. "), (name, shown[name])
        await pilot.press("enter")  # an empty company: the example above the error reads as one
        assert "e.g. Acme Robotics" in screen_text(pilot.app)
        assert "the company is empty" in screen_text(pilot.app)


@WAYS
async def test_the_interviewer_and_direction_forms_examples_say_e_g(tmp_path, frozen, burst):
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await send_keys(followup, pilot, burst, "2", "p")
        shown = placeholders(followup.screen)
        assert all(shown[name].startswith("e.g. ") for name in ("name", "title", "email")), shown
        await send_keys(followup, pilot, burst, "escape", "3", "n")
        assert placeholders(followup.screen)["text"].startswith("e.g. ")


@WAYS
async def test_the_snooze_form_says_how_it_read_a_refused_time_as_it_is_typed(tmp_path, frozen, burst):
    """"pick a time after the deadline" did not say how "mon 9:00" was read, and stayed as it was while
    the user typed on (review V 9). Tue 1 Dec 14:00; Dana Kim's thank-you is due at 18:00."""
    from tui.ui.detail.process_forms import SnoozeForm

    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=SIZE) as pilot:
        await send_keys(followup, pilot, burst, "z", "today 16:00")
        form = followup.screen
        assert isinstance(form, SnoozeForm)
        assert under(form, "error") == "Tue 1 Dec 16:00 is before the deadline, Tue 1 Dec 18:00: pick a later time"
        await send_keys(followup, pilot, burst, "backspace", "backspace", "backspace", "backspace", "backspace",
                        "17:30")
        assert under(form, "error").startswith("Tue 1 Dec 17:30 is before the deadline")  # follows the typing
        await send_keys(followup, pilot, burst, "backspace", "backspace", "backspace", "backspace", "backspace",
                        "19:00")
        assert under(form, "error") == ""
        assert under(form, "hint").startswith("✓ Tue 1 Dec 19:00")  # the line every time field shows


def under(form, line: str) -> str:
    """The error or hint line under the Until field, as shown ("" when hidden)."""
    from textual.widgets import Static

    shown = form.query_one(f"#{line}-until", Static)
    return str(shown.render()) if shown.has_class("shown") else ""


async def test_the_snooze_form_names_the_deadline_a_time_outside_working_hours_makes(tmp_path, frozen):
    """Snoozed to Saturday dawn, a do-by falls at Monday's opening: the preview said only the time typed
    (review X #3), as the close form's keep-in-touch once did."""
    from tui.core import actions
    from tui.core.parts import Direction
    from tui.core.timeutil import to_utc
    from tui.ui.detail.process_forms import SnoozeForm

    card = acme(frozen)
    for person in card.latest_round.interviewers:
        person.thanked_at = to_utc(frozen)
    card.directions.append(Direction(text="send references", due=frozen.add(days=2)))
    card = actions.move(card, "thanked", now=frozen)
    followup = board(make_db(tmp_path, card))
    async with followup.run_test(size=SIZE) as pilot:
        await send_keys(followup, pilot, True, "z", "sat 7:24")
        form = followup.screen
        assert isinstance(form, SnoozeForm) and "send references" in form.form_title
        assert under(form, "hint").startswith("✓ Sat 5 Dec 07:24") and "→ due Mon 7 Dec 09:00" in under(form, "hint")


@WAYS
async def test_the_round_forms_examples_say_e_g_and_a_new_round_may_stay_unnamed(tmp_path, frozen, burst):
    """The round form's examples read like values, and its name was required where the new application
    form and `followup round` call an unnamed round "Interview" (review X #5)."""
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await send_keys(followup, pilot, burst, "2", "n")
        shown = placeholders(followup.screen)
        assert shown["name"] == "default: Interview"
        assert shown["when"].startswith("e.g. ") and shown["people"].startswith("e.g. ")
        await send_keys(followup, pilot, burst, "tab", "yesterday 10am", "ctrl+s")
        await wait_until(pilot, lambda: "Interview" in [r.name for r in followup.changelog.apps[
            next(iter(followup.changelog.apps))].rounds][1:])
