"""Text cut to a width for the terminal counts cells, not characters, everywhere.

"株式会社サンプル" is eight characters and sixteen cells: cut by characters, a card
or sidebar row holding it would overflow its column and push the next one over.
The board, the sidebar and the command line all cut with `tui.core.text.fit_cells`.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.widget import Widget

from tui.core import actions
from tui.core.parts import Interviewer
from tui.core.stages import Stage
from tui.core.text import cell_width, fit_cells
from tui.ui.app import FollowupApp
from tui.ui.board.board import EMPTY_WIDTH
from tui.ui.board.column import CardList
from tui.ui.sidebar.sidebar import DeadlineSidebar
from ui_board_helpers import FROZEN, SETTINGS, WIDE, frozen_now, make_app, small_apps, store_with

WIDE_NAME = "株式会社サンプル" * 4  # 64 cells: longer than any column (a lone card's too) or sidebar row


def test_fit_cells_counts_wide_characters_as_two_and_never_splits_one():
    assert fit_cells("株式会社サンプル", 16) == "株式会社サンプル"
    assert fit_cells("株式会社サンプル", 9) == "株式会社…"  # 8 cells of kanji, 1 of ellipsis
    assert fit_cells("株式会社サンプル", 8) == "株式会… "  # a kanji cannot take the one cell left: a space does
    assert fit_cells("株式", 7) == "株式   "
    for width in range(0, 20):
        assert cell_width(fit_cells(WIDE_NAME, width)) == width
        assert cell_width(fit_cells("Northwind Health", width)) == width
    assert fit_cells("Acme\nRobotics", 20).startswith("Acme Robotics")


def rendered_lines(widget: Widget) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


async def test_a_card_and_a_sidebar_row_with_wide_characters_are_cut_to_their_cells(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-25T10:30:00+00:00")
    now = frozen_now()
    card = actions.new_application(WIDE_NAME, "エンジニア", now=now.subtract(hours=29), round_name="Onsite",
                                   round_at=now.subtract(hours=30), interviewers=[Interviewer(name="佐藤")])
    app = FollowupApp(store_with(tmp_path, [card]), SETTINGS, poll_seconds=0, write_settle=0)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        column = next(c for c in app.screen.query(CardList) if c.cards)
        sidebar = app.screen.query_one(DeadlineSidebar)
        for widget in (column, sidebar):
            width = widget.size.width
            rows = [line for line in rendered_lines(widget) if "株式" in line]
            assert rows, f"{type(widget).__name__} shows no row with the company"
            for line in rows:
                assert cell_len(line) == width, (type(widget).__name__, line)
                assert line.rstrip().endswith("…"), line
                # as many whole kanji as fit: cut by characters it would keep 64 cells' worth
                assert cell_len(line.rstrip()) >= width - 3, line


async def test_a_narrow_board_gives_the_room_of_its_empty_columns_to_the_cards(tmp_path, monkeypatch):
    """At 60 columns five equal columns cut a card's due time; the three empty ones narrow instead, widen
    again when a card comes in, and all are equal when the filter empties every one."""
    monkeypatch.setenv("FOLLOWUP_NOW", FROZEN)
    app = make_app(store_with(tmp_path, small_apps()))  # cards in interviewed and awaiting only
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        columns = {c.stage: c for c in app.screen.query(CardList)}

        def widths():
            return {stage.value: column.size.width for stage, column in columns.items()}

        empty = {"thanked", "followed-up", "closed"}
        assert {s: width for s, width in widths().items() if s in empty} == dict.fromkeys(empty, EMPTY_WIDTH)
        assert widths()["interviewed"] + widths()["awaiting"] == 60 - 3 * EMPTY_WIDTH  # all the room they gave
        shown = rendered_lines(columns[Stage.INTERVIEWED])
        assert any(line.strip(" ▌") == "6 h overdue" for line in shown), shown  # in full, not "6 h over…"
        assert "none" in rendered_lines(columns[Stage.CLOSED])[2]  # "nothing here" does not fit: a word that does
        await pilot.press("L")  # Acme into thanked: that column has a card now
        await pilot.pause()
        assert widths()["thanked"] > EMPTY_WIDTH and widths()["followed-up"] == EMPTY_WIDTH
        await pilot.press("slash", *"zzz")  # nothing matches: no column to give room to
        await pilot.pause()
        assert len(set(widths().values())) == 1, widths()


async def test_at_80_columns_the_empty_columns_keep_their_names_whole(tmp_path, monkeypatch):
    """Review O: a new user's first board (one card, 80×24) read "Thank… 0 Await… 0 Follo… 0"; the
    card's column keeps room for its lines (36 cells) and the empty ones show their names in full."""
    monkeypatch.setenv("FOLLOWUP_NOW", FROZEN)
    app = make_app(store_with(tmp_path, small_apps()[:1]))  # one card, in interviewed
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        columns = {c.stage: c for c in app.screen.query(CardList)}
        headers = {stage: rendered_lines(column)[0].strip() for stage, column in columns.items()}
        assert headers[Stage.THANKED] == "Thanked 0" and headers[Stage.FOLLOWED_UP] == "Followed up 0"
        assert headers[Stage.AWAITING] == "Awaiting 0" and headers[Stage.CLOSED] == "Closed 0"
        assert columns[Stage.INTERVIEWED].size.width >= 22
        # every narrowed column says it in the same word, though "nothing here" fits Followed up's (review P)
        assert {rendered_lines(columns[s])[2].strip() for s in headers if s is not Stage.INTERVIEWED} == {"none"}


async def test_a_wide_board_keeps_its_columns_equal(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_NOW", FROZEN)
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=(160, 40)) as pilot:  # 130 columns beside the sidebar: 26 a column
        await pilot.pause()
        widths = {c.size.width for c in app.screen.query(CardList)}
        assert max(widths) - min(widths) <= 1, widths  # 1fr each (a cell of rounding)


async def test_the_empty_columns_are_narrowed_before_the_first_layout(tmp_path, monkeypatch):
    """The columns' shared width is worked out from the window and the sidebar's styles before the
    first layout (BoardScreen.columns_width), so the first frame already has its narrowed columns:
    deciding them on the columns' first resize laid the whole board out a second time on every start
    with an empty column. The estimate must be the width Textual then gives them, sidebar or not."""
    monkeypatch.setenv("FOLLOWUP_NOW", FROZEN)
    at_first_resize: list[dict] = []
    on_resize = CardList.on_resize

    def noted(column: CardList) -> None:
        if not at_first_resize:  # the widths the first layout was made with
            at_first_resize.append({c.stage: c.fixed_width for c in column.parent.columns.values()})
        on_resize(column)

    monkeypatch.setattr(CardList, "on_resize", noted)
    for size in ((60, 20), (80, 24), (99, 30), (100, 30), (120, 40), (173, 40), (250, 50)):
        at_first_resize.clear()
        app = make_app(store_with(tmp_path / f"{size[0]}", small_apps()))
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            screen = app.board_screen
            columns = list(screen.query(CardList))
            assert screen.columns_width() == sum(c.size.width for c in columns), size
            assert at_first_resize == [{c.stage: c.fixed_width for c in columns}], size
            assert None in at_first_resize[0].values()  # a column with cards is never narrowed
            if size[0] <= 120:  # too narrow for five equal columns: the empty ones were narrowed already
                assert sum(w is not None for w in at_first_resize[0].values()) == 3, (size, at_first_resize)
