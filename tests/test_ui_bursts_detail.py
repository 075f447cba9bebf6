"""The detail screen's own keys, the board's `/` and the confirm dialog's answers take a burst of keys.

Over a slow SSH link the key that opens a form and everything typed into it
arrive together. Each test sends the whole sequence with `burst_keys` (no
pause for the app between keys) and checks what was saved: the keys land in
the screen they were typed for, in order, none dropped, none handled by the
screen underneath.
"""

from __future__ import annotations

from conftest import WAYS, burst_keys, send_keys
from tui.ui.board.screen import BoardScreen
from tui.ui.detail.screen import DetailScreen
from ui_board_helpers import WIDE, board_of, focused_company, make_app, small_apps, store_with
from ui_detail_helpers import acme, board, make_db, on_disk, wait_until


async def burst(pilot, *keys: str) -> None:
    burst_keys(pilot.app, *keys)
    await pilot.pause()


async def detail_saved(pilot, db):
    """The card as stored, once the burst has brought the user back to the detail screen."""
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, DetailScreen))
    return await on_disk(pilot, db, pilot.app.screen.app_id)


async def test_enter_round_key_form_and_save_in_one_burst(tmp_path, frozen):
    db = make_db(tmp_path, acme(frozen))
    async with board(db).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "enter", "2", "n", "Final", "tab", "yesterday 15:00", "tab",
                    "Ann Lee <ann@acme.com>; Bo Chan", "enter")
        final = (await detail_saved(pilot, db)).rounds[-1]
        assert final.name == "Final" and final.at.isoformat() == "2026-11-30T14:00:00+00:00"
        assert [(p.name, p.email) for p in final.interviewers] == [("Ann Lee", "ann@acme.com"), ("Bo Chan", "")]


async def test_interviewer_form_opened_and_filled_in_one_burst(tmp_path, frozen):
    db = make_db(tmp_path, acme(frozen))
    async with board(db).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "enter", "2", "j", "j", "p", "Bo", "tab", "Staff Engineer", "tab", "bo@acme.com",
                    "tab", "log compaction", "enter", "enter", "enter")
        saved = await detail_saved(pilot, db)
        onsite = saved.latest_round
        assert [p.name for p in onsite.interviewers] == ["Dana Kim", "Bo"]
        bo = onsite.interviewers[-1]
        assert (bo.title, bo.email, bo.topic) == ("Staff Engineer", "bo@acme.com", "log compaction")


async def test_round_edited_with_enter_in_one_burst(tmp_path, frozen):
    """j moves to the onsite round, enter opens it: the keys typed next edit that round, not the first."""
    db = make_db(tmp_path, acme(frozen))
    async with board(db).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "enter", "2", "j", "j", "enter", "ctrl+u", "Onsite loop", "ctrl+s")
        saved = await detail_saved(pilot, db)
        assert [r.name for r in saved.rounds] == ["Phone screen", "Onsite loop"]


async def test_direction_form_opened_and_filled_in_one_burst(tmp_path, frozen):
    db = make_db(tmp_path, acme(frozen))
    async with board(db).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "enter", "3", "n", "send refs", "tab", "tab", "fri 17:00", "enter")
        direction = (await detail_saved(pilot, db)).directions[-1]
        assert (direction.text, direction.kind.value) == ("send refs", "do-by")
        assert direction.due.isoformat() == "2026-12-04T16:00:00+00:00"


async def test_outcome_form_opened_and_filled_in_one_burst(tmp_path, frozen):
    db = make_db(tmp_path, acme(frozen))
    async with board(db).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "enter", "o", "tab", "yesterday 9:00", "ctrl+s")
        saved = await detail_saved(pilot, db)
        assert saved.stage.value == "closed" and saved.outcome.value == "rejected"


async def test_card_form_opened_and_filled_in_one_burst(tmp_path, frozen):
    db = make_db(tmp_path, acme(frozen))
    async with board(db).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "enter", "c", "tab", "ctrl+u", "Staff Engineer", "ctrl+s", "2")
        saved = await detail_saved(pilot, db)
        assert saved.role == "Staff Engineer"
        assert pilot.app.screen.query_one("#sections").active == "rounds"  # the key after the save


async def test_notes_typed_after_e_and_escape_back_to_the_board(tmp_path, frozen):
    """`e` on the board, the notes, escape, then a board key: the text is saved, `j` moves the board."""
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "e", " and the team", "escape", "enter", "e", "end", " size")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen)
                         and followup.screen.notes.text.endswith("size"))
        assert followup.screen.notes.text == "# Acme\n- ask about **on-call** and the team size"


async def test_section_keys_and_back_in_one_burst(tmp_path, frozen):
    """escape leaves the detail screen at once: the board takes the keys typed after it."""
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "enter", "3", "2", "escape", "n", "Hooli")
        await wait_until(pilot, lambda: followup.screen.__class__.__name__ == "NewApplicationScreen")
        await pilot.pause()
        assert followup.screen.raw("company") == "Hooli"


async def test_filter_opened_typed_and_kept_in_one_burst(tmp_path, freeze_clock):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await burst(pilot, "/", "lumb", "enter", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen) and app.screen.is_mounted)
        assert board_of(app).needle == "lumb"
        assert app.screen.application.company == "Initech"  # enter after the filter opened the card it left


async def test_filter_opened_and_cleared_in_one_burst(tmp_path, freeze_clock):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await burst(pilot, "/", "lumb", "escape", "h")  # the filter had put the cursor on Initech
        board_widget = board_of(app)
        await wait_until(pilot, lambda: board_widget.needle == "" and app.focused is board_widget.keys)
        assert isinstance(app.screen, BoardScreen) and focused_company(app) in {"Acme", "Globex"}  # h moved it


async def test_key_after_discarding_a_form_opens_the_next_one(tmp_path, freeze_clock):
    """escape, y drops the typed form; the `n` typed right after is the board's, not a second answer."""
    app = make_app(store_with(tmp_path, []))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "n", "Hooli", "escape", "y", "n", "Acme", "tab", "SRE")
        await wait_until(pilot, lambda: app.screen.__class__.__name__ == "NewApplicationScreen")
        await pilot.pause()
        assert (app.screen.raw("company"), app.screen.raw("role")) == ("Acme", "SRE")


async def test_key_after_no_on_a_detail_confirm_goes_back_to_the_list(tmp_path, frozen):
    """d asks before removing a round; n keeps it, and the `n` typed right after adds a round."""
    db = make_db(tmp_path, acme(frozen))
    async with board(db).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "enter", "2", "d", "n", "n", "Final", "tab", "yesterday 15:00", "enter", "enter")
        saved = await detail_saved(pilot, db)
        assert [r.name for r in saved.rounds] == ["Phone screen", "Onsite", "Final"]


async def test_key_after_yes_on_the_confirm_dialog_goes_to_the_board(tmp_path, freeze_clock):
    """d, y deletes the card; the `n` typed right after opens the new-application form."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = focused_company(app)
        await burst(pilot, "d", "y", "n", "Hooli")
        await wait_until(pilot, lambda: app.screen.__class__.__name__ == "NewApplicationScreen")
        await pilot.pause()
        assert app.screen.raw("company") == "Hooli"
        assert first not in {a.company for a in app.changelog.apps.values()}


async def test_keys_still_arriving_as_the_app_closes_are_dropped_not_a_crash(tmp_path, frozen):
    """A burst that is still bubbling up when the app closes (its screens gone) ends quietly: before,
    Textual's key handling asked for the current screen and raised ScreenStackError."""
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst_keys(followup, "e", "x" * 40)  # the test ends, and the app closes, with these queued


async def test_backspace_and_arrows_in_a_burst_of_notes_act_where_they_were_typed(tmp_path, frozen):
    """`abc`, backspace, `d` gave "abc": the editor ran its backspace after taking the `d`."""
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "e", "ctrl+end", " abc", "backspace", "d", "left", "left", "delete", "X", "escape")
        await wait_until(pilot, lambda: isinstance(followup.screen, BoardScreen))
        saved = await on_disk(pilot, db, card.id)
        assert saved.notes == "# Acme\n- ask about **on-call** aXd"  # ctrl+end: the very end


@WAYS
async def test_e_or_enter_on_a_just_opened_card_starts_the_notes_and_letters_are_text(tmp_path, frozen, burst):
    """A new card opens on its notes with the focus on the section bar, where `c` edits the card and `o`
    records an outcome: typing there renamed the company. `e` (as on the board) or `enter` goes into the
    editor first, and the empty editor says so while the focus is elsewhere."""
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await send_keys(followup, pilot, burst, "enter")
        screen = followup.screen
        assert isinstance(screen, DetailScreen) and screen.notes.editor.placeholder.startswith("Press e to write")
        await send_keys(followup, pilot, burst, "e", " Recruiter said an offer is coming", "escape",
                        "enter", " Call back", "escape")
        saved = await on_disk(pilot, db, card.id)
        assert saved.notes == "# Acme\n- ask about **on-call** Recruiter said an offer is coming Call back"
        assert saved.company == "Acme" and saved.outcome is None and followup.screen is screen
        assert screen.focused is screen.section_bar  # escape left the editor, not the card


@WAYS
async def test_e_on_the_directions_and_history_tabs_writes_in_the_notes(tmp_path, frozen, burst):
    """The directions list has no `e` of its own (rounds has: edit), so there `e` writes, as everywhere."""
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await send_keys(followup, pilot, burst, "enter", "3", "e", " recruiter called", "escape",
                        "4", "e", " twice", "escape")
        saved = await on_disk(pilot, db, card.id)
        assert saved.notes.endswith("**on-call** recruiter called twice") and saved.company == "Acme"
