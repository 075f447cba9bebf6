"""Another process takes ONE person off the card while their edited thank-you note is open among others.

The screen goes on with the others (it still has someone to write to), but
what the user typed for the person taken off was dropped without a word. Now
it goes to a rescue file, as a deleted card's texts do, and the user is told
whose note it was and where it is; an unedited note (the template, not the
user's words) needs no rescue.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import type_text
from tui.core import actions
from tui.core.parts import Interviewer
from tui.ui.letters import LetterScreen
from tui.ui.screens.confirm import ConfirmScreen
from ui_board_helpers import NARROW, focused_company, frozen_now, make_app, store_with
from ui_detail_helpers import wait_until

pytestmark = pytest.mark.usefixtures("freeze_clock")


def two_people():
    now = frozen_now()
    return [actions.new_application(
        "Acme", "Backend Engineer", now=now.subtract(hours=5), round_name="Onsite", round_at=now.subtract(hours=6),
        interviewers=[Interviewer(name="Dana Kim", email="dana@acme.example"), Interviewer(name="Luis Ortega")],
    )]


def take_off_elsewhere(store, name: str) -> None:
    from tui.store import Store

    other = Store(store.path)
    card = other.load_all()[0]
    rnd = card.rounds[0]
    other.save(actions.update_round(card, rnd.id, interviewers=[p for p in rnd.interviewers if p.name != name],
                                    now=card.updated_at))


def shown_text(app) -> str:
    return " ".join(str(s.render()) for s in app.screen.query("Static"))


async def open_notes(tmp_path, monkeypatch, pilot, app):
    await pilot.pause()
    assert focused_company(app) == "Acme"
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(app.screen, LetterScreen) and app.screen.drafts.count == 2
    return app.screen


@pytest.mark.parametrize("typing_in", ["Dana Kim", "Luis Ortega"])
async def test_the_edited_note_of_someone_taken_off_the_card_goes_to_a_rescue_file_and_is_said(
        tmp_path, monkeypatch, typing_in):
    """Dana's note edited, Luis's shown or Dana's shown: Dana is taken off elsewhere. Her words are in a
    rescue file the board names (and on standard error as it closes), and the screen goes on with Luis."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    store = store_with(tmp_path, two_people())
    app = make_app(store)
    async with app.run_test(size=NARROW) as pilot:
        letter = await open_notes(tmp_path, monkeypatch, pilot, app)
        assert letter.letter.recipient_name == "Dana Kim"
        await type_text(pilot, "words only Dana should read ")
        if typing_in == "Luis Ortega":
            await pilot.press("ctrl+n")
            await pilot.pause()
        take_off_elsewhere(store, "Dana Kim")
        app.poll_store()
        await wait_until(pilot, lambda: letter.drafts.count == 1)
        for _ in range(3):
            await pilot.pause()
        assert letter in app.screen_stack and letter.letter.recipient_name == "Luis Ortega"
        (line,) = app.rescued
        assert "Dana Kim" in line
        rescue = Path(line.rsplit("it is in ", 1)[1])
        assert "words only Dana should read" in rescue.read_text(encoding="utf-8")
        said = [n.message for n in app._notifications] + ([shown_text(app)]
                                                         if isinstance(app.screen, ConfirmScreen) else [])
        assert any("Dana Kim" in text and str(rescue) in text for text in said), said
        if isinstance(app.screen, ConfirmScreen):  # the notice holds the keys typed on, then back to Luis
            await pilot.press("x", "escape")
            await pilot.pause()
        assert app.screen is letter and not letter.drafts.edited


async def test_an_unedited_note_of_someone_taken_off_needs_no_rescue(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    store = store_with(tmp_path, two_people())
    app = make_app(store)
    async with app.run_test(size=NARROW) as pilot:
        letter = await open_notes(tmp_path, monkeypatch, pilot, app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "for Luis ")
        take_off_elsewhere(store, "Dana Kim")
        app.poll_store()
        await wait_until(pilot, lambda: letter.drafts.count == 1)
        await pilot.pause()
        assert app.rescued == [] and app.screen is letter
        assert "for Luis" in letter.letter.body
