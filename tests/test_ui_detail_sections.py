"""The detail screen's section bar: ←/→ and a click choose a section, the names carry the counts, and
a list is made the first time its section is shown."""

from __future__ import annotations

import pytest

from conftest import burst_keys
from tui.ui.detail.directions import DirectionsList
from tui.ui.detail.history import HistoryList
from tui.ui.detail.notes import NotesEditor
from tui.ui.detail.rounds import RoundsList
from tui.ui.detail.section_bar import SectionBar
from ui_detail_helpers import SIZE, acme, board, make_db, open_card, screen_text, wait_until

WIDE = (120, 40)  # from 110 columns the history has a column of its own


@pytest.fixture
def followup(tmp_path, frozen):
    """The board on one card (acme: two rounds, no directions), not yet running."""
    return board(make_db(tmp_path, acme(frozen)))


async def test_arrows_choose_the_section_and_the_focus_stays_on_the_bar(followup):
    async with followup.run_test(size=SIZE) as pilot:
        screen = await open_card(pilot)
        bar = screen.query_one(SectionBar)
        assert screen.focused is bar and bar.active == "notes"
        assert not screen.query(RoundsList)  # made when first shown, not with the screen
        await pilot.press("right")
        assert bar.active == "rounds" and screen.focused is bar
        rounds = screen.query_one(RoundsList)
        assert rounds.display and rounds.option_count > 0  # filled as it is made
        assert "Phone screen" in screen_text(followup)
        await pilot.press("right", "right")
        assert bar.active == "history" and screen.query_one("#history-list", HistoryList).display
        await pilot.press("right")  # round the end to the first
        assert bar.active == "notes" and not rounds.display
        await pilot.press("left")
        assert bar.active == "history"


async def test_the_names_carry_the_counts_and_a_wide_screen_leaves_out_history(followup):
    async with followup.run_test(size=WIDE) as pilot:
        screen = await open_card(pilot)
        bar = screen.query_one(SectionBar)
        line = screen_text(followup)
        assert "2 Rounds (2)" in line and "3 Directions (0)" in line
        assert bar.shown == ["notes", "rounds", "directions"]  # the history is beside them
        await pilot.press("left")  # from the first, round to the last shown
        assert bar.active == "directions" and screen.query_one(DirectionsList).display
        await pilot.resize_terminal(*SIZE)
        await wait_until(pilot, lambda: "history" in bar.shown)


async def test_a_click_on_a_name_shows_its_section(followup):
    async with followup.run_test(size=SIZE) as pilot:
        screen = await open_card(pilot)
        bar = screen.query_one(SectionBar)
        x = next(start for section, start, _ in bar._spans() if section == "directions")
        await pilot.click(SectionBar, offset=(x + 2, 0))  # + the bar's padding, inside the name
        assert bar.active == "directions"


async def test_arrows_typed_in_one_burst_with_enter_end_where_slow_typing_does(tmp_path, frozen):
    ends = []
    for burst in (False, True):
        (tmp_path / str(burst)).mkdir()
        db = make_db(tmp_path / str(burst), acme(frozen))
        followup = board(db)
        async with followup.run_test(size=SIZE) as pilot:
            await pilot.pause()
            if burst:
                burst_keys(followup, "enter", "right", "right")
            else:
                await pilot.press("enter", "right", "right")
            await wait_until(pilot, lambda app=followup: app.screen.query(SectionBar)
                             and app.screen.query_one(SectionBar).active == "directions")
            await pilot.pause()
            ends.append((followup.screen.query_one(SectionBar).active, type(followup.screen.focused).__name__))
    assert ends[0] == ends[1] == ("directions", "SectionBar")


async def test_a_section_first_shown_after_the_card_went_elsewhere_closes_the_screen(tmp_path, frozen):
    """Another process deleted the card, and `2` comes before the news does: no crash, the screen says so
    and goes back to the board."""
    from tui.ui.board.screen import BoardScreen
    from tui.ui.screens.confirm import ConfirmScreen

    application = acme(frozen)
    followup = board(make_db(tmp_path, application))
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        del followup.changelog.apps[application.id]  # as a reload does, before its message arrives
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(followup.screen, ConfirmScreen))
        assert "deleted by another Followup process" in str(followup.screen.query_one("#question").render())
        await pilot.press("escape")  # the notice takes only escape, back to the board
        await wait_until(pilot, lambda: isinstance(followup.screen, BoardScreen))


async def test_the_key_bar_keeps_the_way_back_on_every_tab_at_80_columns(followup):
    """The rounds tab's own keys filled the line and pushed `esc Back` off it."""
    from tui.ui.keybar import KeyBar

    async with followup.run_test(size=(80, 24)) as pilot:
        screen = await open_card(pilot)
        for tab in ("2", "3", "4", "1"):
            await pilot.press(tab)
            await pilot.pause()
            line = str(screen.query_one(KeyBar).render())
            assert line.startswith("esc Back"), (tab, line)


async def test_the_rounds_tab_keeps_t_thank_before_its_other_keys_at_60_columns(followup):
    """PRODUCT: `t` always drafts thank-you notes; at 60 columns the key bar dropped it and kept p and e."""
    from tui.ui.keybar import KeyBar

    async with followup.run_test(size=(60, 15)) as pilot:
        screen = await open_card(pilot)
        await pilot.press("2")
        await pilot.pause()
        line = str(screen.query_one(KeyBar).render())
        assert line.startswith("esc Back  ⏎ Edit  n New  t Thank"), line  # ⏎ first, as PRODUCT's order


@pytest.mark.parametrize("tab", ["", "3", "4"], ids=["notes", "directions", "history"])
@pytest.mark.parametrize(("key", "kind"), [("t", "thank-you"), ("f", "follow-up")])
async def test_t_and_f_draft_the_cards_letters_from_every_tab_as_on_the_board(followup, key, kind, tab):
    """PRODUCT: the same key means the same thing on every screen. Outside the rounds tab (and the
    notes editor, where it is typed), `t` said nothing; it drafts the card's letters, as on the board."""
    from tui.ui.letters import LetterScreen

    async with followup.run_test(size=(120, 40)) as pilot:
        await open_card(pilot)  # enter: the notes tab, the focus on the section bar
        if tab:
            await pilot.press(tab)
            await pilot.pause()
        assert not isinstance(followup.focused, NotesEditor)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(followup.screen, LetterScreen)
        assert followup.screen.kind == kind


async def test_a_closed_detail_screen_is_freed(tmp_path, frozen):
    """Review S7 2: a minute-long timer of the screen's own, cancelled when it closed, kept the whole screen
    (its editor, 4 MB for a card with long notes) alive in the event loop for a minute after each open."""
    import gc
    import weakref

    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=(120, 40)) as pilot:
        gone = weakref.ref(await open_card(pilot))
        await pilot.press("escape")
        await pilot.pause()
        gc.collect()
        assert gone() is None


async def test_an_open_detail_screen_follows_the_apps_tick(tmp_path, frozen, monkeypatch):
    """Its relative times ("in 5 h") are worked out again on the app's half-minute tick, as the board's."""
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=(120, 40)) as pilot:
        screen = await open_card(pilot)
        shown = []
        monkeypatch.setattr(screen, "show_application", lambda: shown.append(1))
        followup.tick()
        assert shown == [1]
