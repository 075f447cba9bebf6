"""The board's new-card form refuses the card `followup add` refuses as made already (same company and
role, open, a round at that time), under Company, in the same words, keeping what was typed (review X2 5)."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from cli_helpers import run
from conftest import WAYS, send_keys
from tui.ui.board.screen import BoardScreen
from tui.ui.screens.new_application import NewApplicationScreen
from ui_board_helpers import NARROW, make_app, small_apps, store_with, stored

pytestmark = pytest.mark.usefixtures("freeze_clock")  # Wed 25 Nov 2026, 10:30 in London

# small_apps' Acme: "Backend Engineer", open, its round Tue 24 Nov 04:30 (30 hours before the frozen clock)
SAID = "{} Acme — Backend Engineer already has a round at Tue 24 Nov 04:30; nothing added"


def error_under(app, field: str) -> str:
    widget = app.screen.query_one(f"#error-{field}", Static)
    return str(widget.render()) if widget.has_class("shown") else ""


@WAYS
async def test_the_form_refuses_the_same_card_again_under_company_keeping_the_typing(tmp_path, burst):
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        acme = next(a for a in app.changelog.apps.values() if a.company == "Acme")
        await send_keys(app, pilot, burst, "n", "ACME", "enter", "backend  engineer", "enter", "enter",
                        "yesterday 4:30am", "enter", "Zed Ul", "enter", pauses=3)
        assert isinstance(app.screen, NewApplicationScreen)
        assert error_under(app, "company") == SAID.format(acme.short_id)
        assert app.screen.raw("company") == "ACME" and app.screen.raw("interviewers") == "Zed Ul"
        assert app.screen.focused is app.screen.query_one("#field-company")
        await app.wait_for_writes()
        assert len(app.changelog.apps) == 3 and len(stored(store)) == 3


async def test_another_time_is_another_card(tmp_path):
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, True, "n", "Acme", "enter", "Backend Engineer", "enter", "enter",
                        "yesterday 5:30am", "enter", "enter", pauses=3)
        await app.wait_for_writes()
        assert isinstance(app.screen, BoardScreen)
        assert [a.company for a in app.changelog.apps.values()].count("Acme") == 2


def test_the_command_line_says_the_same_words_and_its_own_hint(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "2026-11-24 04:30") == 0
    short = capsys.readouterr().out.split()[0]
    assert run(cli_db, "add", "acme", "--role", "dev", "--at", "2026-11-24 04:30") == 2
    err = capsys.readouterr().err
    assert f"{short} Acme — Dev already has a round at Tue 24 Nov 04:30; nothing added (someone else met in that " \
           f"round: followup interviewer {short} NAME; another round: followup round {short} --at WHEN)" in err, err
