"""The letter screen says whom a letter to the company goes to, and why them, when the row has room."""

from __future__ import annotations

from conftest import WAYS, send_keys
from tui.core import actions, correspondence
from tui.core.parts import Interviewer
from tui.ui.letters import LetterScreen
from ui_letters_helpers import LetterHarness, frozen_now, make_db


def to_row(host) -> str:
    return str(host.screen.query_one("#letter-to").render())


def acme(recruiter=""):
    now = frozen_now()
    app = actions.new_application(
        "Acme", "Site Reliability Engineer", now=now.subtract(days=9), round_at=now.subtract(days=9),
        interviewers=[Interviewer("José Núñez-García"), Interviewer("Dana Kim", email="dana@acme.example")],
        recruiter=recruiter)
    return app


async def test_the_to_row_names_the_reason_for_the_choice(tmp_path, letter_env):
    app = acme()
    host = LetterHarness(make_db(tmp_path, app), app.id, "follow-up")
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(host.screen, LetterScreen)
        assert to_row(host) == "Dana Kim <dana@acme.example> (the first interviewer with an e-mail address)"


async def test_a_narrow_row_drops_the_address_then_the_reason(tmp_path, letter_env):
    app = acme(recruiter="Priya Venkataraman-Oyelaran <priya.venkataraman-oyelaran@recruiting.acme.example>")
    host = LetterHarness(make_db(tmp_path, app), app.id, "follow-up")
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert to_row(host) == "Priya Venkataraman-Oyelaran (the recruiter)"
        await pilot.resize_terminal(140, 30)
        await pilot.pause()
        assert to_row(host) == ("Priya Venkataraman-Oyelaran <priya.venkataraman-oyelaran@recruiting.acme.example>"
                                " (the recruiter)")


async def test_at_80_columns_the_offer_reply_keeps_esc_back_and_its_answer_key(tmp_path, letter_env):
    from tui.core.stages import Outcome
    from tui.ui.keybar import KeyBar

    app = correspondence.close(acme(), Outcome.OFFER, now=frozen_now())
    host = LetterHarness(make_db(tmp_path, app), app.id, "offer-reply")
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = str(host.screen.query_one(KeyBar).render())
        assert "esc Back" in bar and "Other answer" in bar and "Copy" in bar and "Sent" in bar


@WAYS
async def test_ctrl_l_writes_the_letter_to_someone_else_on_the_card(tmp_path, letter_env, burst):
    """Review Q: the board chose the follow-up's person (and said why) but gave no way to write to
    another, which `followup letter … --interviewer` can."""
    app = acme()
    host = LetterHarness(make_db(tmp_path, app), app.id, "follow-up")
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert to_row(host).startswith("Dana Kim")
        await send_keys(host, pilot, burst, "ctrl+l", "j", "enter", pauses=3)
        assert isinstance(host.screen, LetterScreen)
        assert to_row(host) == "José Núñez-García"
        assert host.screen.letter.body.startswith("Hi José,")
        await send_keys(host, pilot, burst, "ctrl+l", "escape", pauses=2)  # left as it was
        assert to_row(host) == "José Núñez-García"


async def test_a_thank_you_note_offers_no_other_recipient(tmp_path, letter_env):
    app = acme()
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert host.screen.check_action("choose_recipient", ()) is False
