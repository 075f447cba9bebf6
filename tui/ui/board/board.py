"""The five columns and the one cursor that moves between them.

The board owns the cards shown (after the filter) and where the cursor is.
It never changes data: the screen tells it which cards changed, and it moves
each between (at most) two columns, keeping the cursor on the card it was on.
"""

from __future__ import annotations

from typing import Iterable

from textual.binding import Binding
from textual.containers import Horizontal

from tui.core.stages import STAGES, Stage
from tui.ui.board.cards import CardView
from tui.ui.board.column import CardList, StageColumn
from tui.ui.board.timeframe import TimeFrame


class Board(Horizontal, can_focus=True):
    """Arrow keys and h j k l move the cursor; the screen acts on `current_id`."""

    BINDINGS = [
        Binding("left,h", "cursor_left", "Left", show=False, id="board.left",
                tooltip="Focus the column to the left (empty columns are skipped)"),
        Binding("down,j", "cursor_down", "Down", show=False, id="board.down", tooltip="Focus the card below"),
        Binding("up,k", "cursor_up", "Up", show=False, id="board.up", tooltip="Focus the card above"),
        Binding("right,l", "cursor_right", "Right", show=False, id="board.right",
                tooltip="Focus the column to the right (empty columns are skipped)"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="board.page_up", tooltip="A screenful up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="board.page_down", tooltip="A screenful down"),
        Binding("home,g", "first", "First card", show=False, id="board.first", tooltip="The column's first card"),
        Binding("end,G", "last", "Last card", show=False, id="board.last", tooltip="The column's last card"),
    ]

    DEFAULT_CSS = """
    Board {
        width: 1fr;
        height: 1fr;
    }
    """

    def __init__(self, frame: TimeFrame, **kwargs) -> None:
        super().__init__(**kwargs)
        self.frame = frame
        self.cards: dict[str, CardView] = {}
        self.needle = ""
        self.stage: Stage = STAGES[0]
        self.totals: dict[Stage, int] = {s: 0 for s in STAGES}
        self.columns = {stage: StageColumn(stage, frame) for stage in STAGES}

    def compose(self):
        yield from self.columns.values()

    # --- what is shown -------------------------------------------------
    def list_of(self, stage: Stage) -> CardList:
        return self.columns[stage].cards

    @property
    def current(self) -> CardView | None:
        return self.list_of(self.stage).cursor_card

    @property
    def current_id(self) -> str | None:
        card = self.current
        return card.app_id if card else None

    def visible(self, card: CardView) -> bool:
        return not self.needle or card.matches(self.needle)

    @property
    def shown_count(self) -> int:
        return sum(len(self.list_of(s).cards) for s in STAGES)

    def load(self, cards: Iterable[CardView], keep: str | None = None) -> None:
        """Show these cards (all of them); the cursor stays on `keep`, else the current card."""
        keep = keep or self.current_id
        self.cards = {c.app_id: c for c in cards}
        self._rebuild(keep)

    def set_filter(self, needle: str) -> None:
        needle = needle.strip().lower()
        if needle != self.needle:
            keep = self.current_id
            self.needle = needle
            self._rebuild(keep)

    def _rebuild(self, keep: str | None) -> None:
        by_stage: dict[Stage, list[CardView]] = {s: [] for s in STAGES}
        self.totals = {s: 0 for s in STAGES}
        for card in self.cards.values():
            self.totals[card.stage] += 1
            if self.visible(card):
                by_stage[card.stage].append(card)
        for stage in STAGES:
            self.list_of(stage).empty_text = "no match" if self.needle else "nothing here"
            self.list_of(stage).set_cards(by_stage[stage], keep)
            self.columns[stage].update_header(self.totals[stage])
        kept = self.cards.get(keep) if keep else None
        if kept is not None and self.visible(kept):
            self.focus_card(kept.app_id)
        elif not self.list_of(self.stage).cards:
            self.stage = self._first_filled() or self.stage
        self._sync_active()

    def update_cards(self, changed: dict[str, CardView | None]) -> None:
        """Apply changed (None: deleted) cards, touching only the columns involved."""
        keep = self.current_id
        touched: set[Stage] = set()
        for app_id, card in changed.items():
            old = self.cards.pop(app_id, None)
            if old is not None:
                self.list_of(old.stage).remove(app_id)
                self.totals[old.stage] -= 1
                touched.add(old.stage)
            if card is not None:
                self.cards[app_id] = card
                self.totals[card.stage] += 1
                touched.add(card.stage)
                if self.visible(card):
                    self.list_of(card.stage).insert(card)
        for stage in touched:
            self.columns[stage].update_header(self.totals[stage])
        if keep in changed and changed[keep] is not None and self.visible(changed[keep]):
            self.focus_card(keep)
        elif not self.list_of(self.stage).cards:
            self.stage = self._nearest_filled(self.stage) or self.stage
        else:
            self.list_of(self.stage).scroll_to_cursor()
        self._sync_active()

    def set_frame(self, frame: TimeFrame) -> None:
        self.frame = frame
        for stage in STAGES:
            self.list_of(stage).set_frame(frame)

    # --- the cursor ----------------------------------------------------
    def focus_card(self, app_id: str) -> bool:
        card = self.cards.get(app_id)
        if card is None:
            return False
        cards = self.list_of(card.stage)
        index = cards.index.get(app_id)
        if index is None:
            return False
        self.stage = card.stage
        cards.move_cursor(index)
        self._sync_active()
        return True

    def focus_first_card(self) -> None:
        stage = self._first_filled()
        if stage is not None:
            self.stage = stage
            self.list_of(stage).move_cursor(0)
        self._sync_active()

    def _first_filled(self) -> Stage | None:
        return next((s for s in STAGES if self.list_of(s).cards), None)

    def _nearest_filled(self, stage: Stage) -> Stage | None:
        order = sorted(STAGES, key=lambda s: (abs(s.index - stage.index), -s.index))
        return next((s for s in order if self.list_of(s).cards), None)

    def _sync_active(self) -> None:
        focused = self.has_focus
        for stage, column in self.columns.items():
            column.cards.set_active(stage is self.stage, focused)
            column.update_header()

    def on_focus(self) -> None:
        self._sync_active()

    def on_blur(self) -> None:
        self._sync_active()

    def action_cursor_up(self) -> None:
        cards = self.list_of(self.stage)
        cards.move_cursor(cards.cursor - 1)

    def action_cursor_down(self) -> None:
        cards = self.list_of(self.stage)
        cards.move_cursor(cards.cursor + 1)

    def action_page(self, direction: int) -> None:
        cards = self.list_of(self.stage)
        cards.move_cursor(cards.cursor + direction * cards.page_size)

    def action_first(self) -> None:
        self.list_of(self.stage).move_cursor(0)

    def action_last(self) -> None:
        cards = self.list_of(self.stage)
        cards.move_cursor(len(cards.cards) - 1)

    def action_cursor_left(self) -> None:
        self._sideways(-1)

    def action_cursor_right(self) -> None:
        self._sideways(1)

    def _sideways(self, step: int) -> None:
        """To the next column that has cards, at the same height on screen."""
        here = self.list_of(self.stage)
        row = here.screen_row_of_cursor() if here.cards else 0
        index = self.stage.index + step
        while 0 <= index < len(STAGES):
            target = self.list_of(STAGES[index])
            if target.cards:
                self.stage = STAGES[index]
                target.move_cursor(target.index_at_screen_row(row))
                self._sync_active()
                return
            index += step
