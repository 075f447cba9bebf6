"""The board shows and edits a card's own pitch and its posting (review R, finding 5).

PRODUCT: a card may have its own pitch, which its follow-up uses, and every
action can be found in the palette. `followup edit --pitch/--posting` set
them; the card's form (`c`) now does too, with the same checks as the card
itself makes, and the summary shows them when set.
"""

from __future__ import annotations

from conftest import fill, palette_pick
from tui.core.parts import LONG_TEXT_LIMIT
from tui.ui.detail.forms import DetailsForm
from tui.ui.detail.summary import Summary
from ui_detail_helpers import SIZE, acme, board, make_db, on_disk, open_card, wait_until

POSTING = "https://jobs.acme.example/backend-42"
PITCH = "ten years of keeping payment systems up"


async def test_the_card_form_sets_the_pitch_and_posting_and_the_summary_shows_them(tmp_path, frozen):
    app = acme(frozen)
    db = make_db(tmp_path, app)
    followup = board(db)
    async with followup.run_test(size=(120, 40)) as pilot:
        screen = await open_card(pilot)
        assert "pitch" not in str(screen.query_one(Summary).render())  # none yet: the setting's is used
        await pilot.press("c")
        form = followup.screen
        assert isinstance(form, DetailsForm)
        fill(form, posting=POSTING, pitch=PITCH)
        await pilot.press("ctrl+s")
        saved = await on_disk(pilot, db, app.id)
        assert (saved.posting, saved.pitch) == (POSTING, PITCH)
        assert (saved.company, saved.role) == (app.company, app.role)  # the rest left as it was
        await wait_until(pilot, lambda: followup.screen is screen)
        shown = str(screen.query_one(Summary).render())
        assert f"posting {POSTING}" in shown and f"pitch {PITCH}" in shown

        await pilot.press("c")  # cleared again: empty fields clear them, as `followup edit --pitch ""` does
        fill(followup.screen, posting="", pitch="")
        await pilot.press("ctrl+s")
        saved = await on_disk(pilot, db, app.id)
        assert (saved.posting, saved.pitch) == ("", "")


async def test_a_posting_that_is_no_web_address_and_a_pitch_too_long_are_refused_under_their_fields(
        tmp_path, frozen):
    app = acme(frozen)
    db = make_db(tmp_path, app)
    followup = board(db)
    async with followup.run_test(size=(120, 40)) as pilot:
        await open_card(pilot)
        await pilot.press("c")
        form = followup.screen
        fill(form, posting="jobs.acme.example/42", pitch="x" * (LONG_TEXT_LIMIT + 1))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert followup.screen is form  # nothing saved
        assert "is not a web address" in str(form.query_one("#error-posting").render())
        fill(form, posting=POSTING)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert followup.screen is form
        assert "characters long" in str(form.query_one("#error-pitch").render())
        assert (await on_disk(pilot, db, app.id)).posting == ""


async def test_pitch_in_the_palette_opens_the_card_form_from_the_detail_screen_and_the_board(tmp_path, frozen):
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await palette_pick(pilot, "pitch")  # from the board: the focused card's form
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailsForm))
        assert followup.screen.query_one("#field-pitch") is not None
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await palette_pick(pilot, "posting")  # the detail screen's own entry
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailsForm))


async def test_the_summary_is_cut_once_to_its_width_and_again_only_when_the_window_changes_it(
        tmp_path, frozen, monkeypatch):
    """Before the first layout the summary guesses its width from the window's; its first resize used to cut
    and set it again at the same width, which laid the detail screen out a second time after it was drawn.
    A window made narrower still cuts the pitch anew to the room it has."""
    app = acme(frozen)
    app.pitch = "word " * 60  # longer than any line: cut with … to the summary's width
    updates: list[int] = []
    update = Summary.update

    def counted(self, *args, **kwargs):
        updates.append(self.content_size.width)
        return update(self, *args, **kwargs)

    monkeypatch.setattr(Summary, "update", counted)
    followup = board(make_db(tmp_path, app))
    async with followup.run_test(size=(120, 40)) as pilot:
        screen = await open_card(pilot)
        await pilot.pause()
        summary = screen.query_one(Summary)
        assert summary.content_size.width == 118 and len(updates) == 1, updates  # set once, at the right width
        pitch_line = next(line for line in str(summary.render()).splitlines() if line.startswith("pitch "))
        assert len(pitch_line) == 118 and pitch_line.endswith("…")
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        pitch_line = next(line for line in str(summary.render()).splitlines() if line.startswith("pitch "))
        assert len(updates) == 2 and len(pitch_line) == 88 and pitch_line.endswith("…")
