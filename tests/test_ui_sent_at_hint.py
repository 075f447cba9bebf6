"""ctrl+b ("Sent at…") says under its field what it understood, as every form with a typed time does
(README: "Every form shows what it understood"). Keys are sent one by one and in one burst."""

from __future__ import annotations

from textual.widgets import Input, Static

from conftest import WAYS, burst_keys
from tui.ui.letters.dialogs import SentAtForm
from ui_detail_helpers import make_db, wait_until
from ui_letters_helpers import DANA, LetterHarness, frozen_now, interviewed


def field(screen) -> str:
    found = screen.query("#field-when").results(Input)  # none yet while the form is being mounted
    return next((widget.value for widget in found), "")


def understood(screen) -> str:
    hint = screen.query_one("#hint-when", Static)
    return str(hint.render()) if hint.has_class("shown") else ""


@WAYS
async def test_sent_at_says_what_it_understood_and_nothing_for_what_it_cannot_read(tmp_path, letter_env, burst):
    now = frozen_now()  # Wed 11 Mar 2026 15:00 in London
    app = interviewed(now, DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        if burst:
            burst_keys(host, "ctrl+b", "today 9:30")
        else:
            await pilot.press("ctrl+b", *"today 9:30")
        # waits for the last key typed (a pause can return with a burst's keys still queued, and the app
        # then closed with them unread: "No screens on stack" from Textual, once in CI)
        await wait_until(pilot, lambda: isinstance(host.screen, SentAtForm) and field(host.screen) == "today 9:30")
        form = host.screen
        assert understood(form) == "✓ Wed 11 Mar 09:30 · 6 hours ago"  # 5 h 30 min, to the nearest hour
        if burst:
            burst_keys(host, "ctrl+u", "someday")
        else:
            await pilot.press("ctrl+u", *"someday")
        await wait_until(pilot, lambda: field(form) == "someday")
        await pilot.pause()
        assert understood(form) == ""  # nothing understood, nothing claimed


async def test_a_reply_sent_before_the_rejection_it_answers_is_refused_under_the_field(tmp_path, letter_env):
    """The rule of correspondence.check_reply_sent_at, shown where the time was typed: the text stays, the file
    is untouched, and a time after the rejection goes through to the question."""
    from cli_helpers import digest as file_digest
    from tui.core import correspondence

    now = frozen_now()  # Wed 11 Mar 2026 15:00 in London (UTC in March)
    card = correspondence.close(interviewed(now, DANA), "rejected", now=now.subtract(hours=2),
                         at=now.subtract(days=1).replace(hour=17, minute=0))  # told Tue 10 Mar 17:00, after the round
    db = make_db(tmp_path, card)
    before = file_digest(db)
    host = LetterHarness(db, card.id, "rejection-reply")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        burst_keys(host, "ctrl+b", "tue 16:00", "enter")
        await pilot.pause()
        form = host.screen
        assert isinstance(form, SentAtForm) and form.has_error("when")
        error = str(form.query_one("#error-when").render())
        assert "Tue 10 Mar 16:00 is before the rejection it answers (Tue 10 Mar 17:00)" in error
        assert form.query_one("#field-when").value == "tue 16:00"  # kept, to be corrected
        await pilot.press("ctrl+u", *"tue 18:00", "enter")
        await pilot.pause()
        assert "as sent" in getattr(host.screen, "question", "")
        await pilot.press("n")
        await pilot.pause()
    assert file_digest(db) == before
