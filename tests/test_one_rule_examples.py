"""Every placeholder that is an example says "e.g.", so it never reads as a value typed (the sweep of
review X missed the snooze, direction, reply/close and letter-dialog fields), and a round's time has one
list of examples on the new-card form and the round form (review Z 9)."""

from __future__ import annotations

import pendulum
from textual.widgets import Input

from conftest import WAYS, send_keys
from tui.ui.detail.forms import RoundForm
from tui.ui.letters.dialogs import PathPrompt, SentAtForm
from tui.ui.screens.new_application import WHEN_EXAMPLES
from ui_detail_helpers import acme, board, make_db

NOW = pendulum.datetime(2026, 12, 1, 13, tz="UTC")


def shown(form) -> dict[str, str]:
    return {field.id.removeprefix("field-"): field.placeholder for field in form.query(Input)}


def is_example(text: str) -> bool:
    return text.startswith("e.g. ") or text.startswith("empty: now; or e.g. ")


@WAYS
async def test_the_snooze_reply_close_and_direction_forms_examples_say_e_g(tmp_path, frozen, burst):
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=(80, 24)) as pilot:
        await send_keys(followup, pilot, burst, "z")
        assert is_example(shown(followup.screen)["until"]), shown(followup.screen)
        await send_keys(followup, pilot, burst, "escape", "r")
        assert is_example(shown(followup.screen)["at"]), shown(followup.screen)
        await send_keys(followup, pilot, burst, "escape", "enter", "o")
        assert is_example(shown(followup.screen)["at"]), shown(followup.screen)
        await send_keys(followup, pilot, burst, "escape", "3", "n")
        assert is_example(shown(followup.screen)["when"]), shown(followup.screen)


def test_the_letter_dialogs_examples_say_e_g():
    assert is_example(PathPrompt("Save as", "").fields()[0].placeholder)
    assert is_example(SentAtForm(lambda text: text, NOW, "UTC").fields()[0].placeholder)


def test_a_rounds_time_has_one_list_of_examples():
    when = next(f for f in RoundForm(NOW, "UTC").fields_for(None) if f.name == "when")
    assert when.placeholder == WHEN_EXAMPLES and is_example(WHEN_EXAMPLES)
