"""The letter screen inside the real board app: `t` on a card, mark sent, back on the board."""

from __future__ import annotations

from tui.core import correspondence, letters
from tui.core.stages import LetterKind, Stage
from tui.store import Store
from tui.ui.app import FollowupApp
from tui.ui.letters import LetterScreen
from ui_letters_helpers import (
    DANA,
    LUIS,
    SETTINGS,
    awaiting,
    frozen_now,
    interviewed,
    make_db,
    notices,
    shown_text,
    stored,
    wait_until,
)


def board_app(db) -> FollowupApp:
    return FollowupApp(Store(db).open(), SETTINGS, poll_seconds=0, write_settle=0)


async def test_t_on_the_board_drafts_each_note_and_marking_them_sent_moves_the_card(tmp_path, letter_env):
    now = frozen_now()
    acme, quiet = interviewed(now, DANA, LUIS), awaiting(now)
    db = make_db(tmp_path, acme, quiet)
    app = board_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.board_screen.board.current_id == acme.id
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, LetterScreen))
        dana = letters.draft(acme, "thank-you", SETTINGS, now, interviewer_id="Dana")
        assert shown_text(app) == dana.text

        for _ in range(2):
            await pilot.press("ctrl+r", "y")
            await pilot.pause()
        await wait_until(pilot, lambda: app.screen is app.board_screen)
        assert "Acme Robotics moved to Thanked" in notices(app)[-1]
        assert await app.wait_for_writes()
        assert app.changelog.apps[acme.id].stage is Stage.THANKED

    saved = stored(db, acme.id)
    assert saved.stage is Stage.THANKED
    assert all(p.thanked_at == now for p in saved.interviewers())
    assert [c.kind for c in saved.contacts] == ["thank-you", "thank-you"]


async def test_copy_from_the_board_app_reaches_its_clipboard(tmp_path, letter_env):
    now = frozen_now()
    card = awaiting(now)
    app = board_app(make_db(tmp_path, card))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, LetterScreen))
        await pilot.press("ctrl+t")
        assert app.clipboard == letters.draft(card, "follow-up", SETTINGS, now).text
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is app.board_screen)


async def test_f_on_a_rejected_card_drafts_the_reply(tmp_path, letter_env):
    now = frozen_now()
    card = correspondence.close(interviewed(now, DANA), "rejected", now=now)
    app = board_app(make_db(tmp_path, card))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, LetterScreen))
        assert app.screen.kind is LetterKind.REJECTION_REPLY
        assert shown_text(app) == letters.draft(card, "rejection-reply", SETTINGS, now).text



async def test_f_on_an_offer_then_sent_records_the_acceptance_on_the_card(tmp_path, letter_env):
    from tui.core.stages import Outcome
    from tui.ui.board.cards import closing_text

    now = frozen_now()
    card = correspondence.close(interviewed(now, DANA), "offer", now=now.subtract(hours=1))
    db = make_db(tmp_path, card)
    app = board_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, LetterScreen))
        assert app.screen.kind is LetterKind.OFFER_REPLY
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: not isinstance(app.screen, LetterScreen))
        assert "the outcome becomes accepted" in " ".join(str(w.render()) for w in app.screen.query("Static"))
        await pilot.press("y")
        await wait_until(pilot, lambda: app.screen is app.board_screen)
        assert await app.wait_for_writes()
        assert closing_text(app.changelog.apps[card.id]) == "Closed: accepted"
    saved = stored(db, card.id)
    assert saved.outcome is Outcome.ACCEPTED and saved.outcome_at == now
