"""The five columns and the one cursor that moves between them.

The board owns the cards shown (after the filter) and where the cursor is.
It never changes data: the screen tells it which cards changed, and it moves
each between (at most) two columns, keeping the cursor on the card it was on.
"""

from __future__ import annotations

from typing import Callable, Iterable

from rich.style import Style
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget

from tui.core.stages import STAGES, Stage
from tui.core.text import cell_width, folded
from tui.ui.board.cards import CARD_HEIGHT, CardStyles, CardView
from tui.ui.board.column import CardList
from tui.ui.board.timeframe import TimeFrame


class BoardKeys(Widget, can_focus=True):
    """What holds the focus for the board: an invisible leaf.

    Textual restyles a widget and everything inside it when its focus
    changes; with the focus on this leaf, tabbing to the sidebar or opening
    the filter does not restyle five columns of cards.
    """

    DEFAULT_CSS = """
    BoardKeys { width: 0; height: 0; }
    """

    def on_focus(self) -> None:
        self.parent.sync_active(focused=True)  # has_focus is only updated after this handler

    def on_blur(self) -> None:
        self.parent.sync_active(focused=False)


# Below this many cells a column, an empty column gives its room to the others: at 80 columns, or at 120
# with the sidebar, five equal columns cut a card's due time ("5 d over…") while an empty one shows
# "nothing here" in full. It keeps its header whole (" Followed up 0") while the columns with cards
# still get COMFORTABLE_WIDTH, else EMPTY_WIDTH, enough for a shortened one (" Follo… 0").
COMFORTABLE_WIDTH = 22
EMPTY_WIDTH = 9


class Board(Horizontal, can_focus=False):
    """Arrow keys and h j k l move the cursor; the screen acts on `current_id`.

    The card styles live here as component classes, once for all five
    columns: each component class costs a style computation whenever Textual
    restyles the widget that declares it.
    """

    COMPONENT_CLASSES = {
        "card--company", "card--role", "card--overdue", "card--today", "card--later",
        "card--quiet", "card--muted", "card--marker", "card--cursor", "card--cursor-marker",
        "card--resting", "card--empty", "header--plain", "header--current", "card--thumb", "card--track",
    }

    # priority: the app runs them as each key arrives, in the order typed, so an `enter` typed right
    # after `j` (one burst over SSH) opens the card `j` moved to. A non-priority binding runs only once
    # the key has bubbled back up to the app, behind the keys typed after it.
    BINDINGS = [
        Binding("left,h", "cursor_left", "Left", show=False, id="board.left", priority=True,
                tooltip="Focus the column to the left (empty columns are skipped)"),
        Binding("down,j", "cursor_down", "Down", show=False, id="board.down", priority=True,
                tooltip="Focus the card below"),
        Binding("up,k", "cursor_up", "Up", show=False, id="board.up", priority=True, tooltip="Focus the card above"),
        Binding("right,l", "cursor_right", "Right", show=False, id="board.right", priority=True,
                tooltip="Focus the column to the right (empty columns are skipped)"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="board.page_up", priority=True,
                tooltip="A screenful up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="board.page_down", priority=True,
                tooltip="A screenful down"),
        Binding("home,g", "first", "First card", show=False, id="board.first", priority=True,
                tooltip="The column's first card"),
        Binding("end,G", "last", "Last card", show=False, id="board.last", priority=True,
                tooltip="The column's last card"),
    ]

    DEFAULT_CSS = """
    Board {
        width: 1fr;
        height: 1fr;
        & > .card--company { text-style: bold; }
        & > .card--role { color: $text-muted; }
        & > .card--overdue { color: $text-error; text-style: bold; }
        & > .card--today { color: $text-warning; text-style: bold; }
        & > .card--later { color: $text-success; }
        & > .card--quiet { color: $text-accent; text-style: italic; }
        & > .card--muted { color: $text-muted; }
        & > .card--marker { color: $text-muted; }
        & > .card--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
        & > .card--cursor-marker {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        & > .card--resting { color: $text-accent; }
        & > .card--empty { color: $text-muted; text-style: italic; }
        & > .header--plain { text-style: bold; background: $panel; color: $text; }
        & > .header--current { text-style: bold; background: $primary; color: $text; }
        & > .card--thumb { color: $scrollbar; }
        & > .card--track { color: $panel-lighten-1; }
    }
    """

    def __init__(self, frame: TimeFrame, search_text: Callable[[str], str] = lambda app_id: "",
                 on_cursor: Callable[[], None] = lambda: None, **kwargs) -> None:
        """`search_text(app_id)`: what the filter matches for that card (asked once, on the first filter);
        `on_cursor()`: the focused card, or what it shows, may have changed (the screen's focus line)."""
        super().__init__(**kwargs)
        self.frame = frame
        self.search_text = search_text
        self.on_cursor = on_cursor
        self.cards: dict[str, CardView] = {}
        self.needle = ""
        self.needle_typed = ""
        self.stage: Stage = STAGES[0]
        self.totals: dict[Stage, int] = {s: 0 for s in STAGES}
        self.columns = {stage: CardList(stage, frame, id=f"cards-{stage.value}") for stage in STAGES}
        self.keys = BoardKeys()
        self._styles: CardStyles | None = None
        self.width_hint = 0  # the columns' shared width before the first layout (BoardScreen.on_mount)

    def compose(self):
        yield from self.columns.values()
        yield self.keys

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        for column in self.columns.values():
            column.forget_drawings()

    def card_styles(self) -> CardStyles:
        if self._styles is None:
            get = self.get_component_rich_style
            no_color = self.app.no_color
            cursor = Style(reverse=True, bold=True) if no_color else get("card--cursor")
            self._styles = CardStyles(
                base=self.rich_style, company=get("card--company"), role=get("card--role"),
                overdue=get("card--overdue"), today=get("card--today"), later=get("card--later"),
                quiet=get("card--quiet"), muted=get("card--muted"), marker=get("card--marker"),
                cursor=cursor, cursor_marker=cursor if no_color else get("card--cursor-marker"),
                resting=get("card--resting"), empty=get("card--empty"),
                header=get("header--plain"),
                header_current=Style(reverse=True, bold=True) if no_color else get("header--current"),
                thumb=get("card--thumb"), track=get("card--track"),
            )
        return self._styles

    @property
    def focused(self) -> bool:
        """Whether the board's keys have the focus now (has_focus follows only once the Focus event is handled)."""
        return self.keys.is_attached and self.keys.screen.focused is self.keys

    def focus(self, scroll_visible: bool = True):
        return self.keys.focus(scroll_visible)

    # --- what is shown -------------------------------------------------
    def list_of(self, stage: Stage) -> CardList:
        return self.columns[stage]

    @property
    def current(self) -> CardView | None:
        return self.list_of(self.stage).cursor_card

    @property
    def current_id(self) -> str | None:
        card = self.current
        return card.app_id if card else None

    def shows(self, card: CardView) -> bool:
        """Whether the filter lets `card` through. (Not `visible`: that is Textual's, for CSS visibility.)"""
        return not self.needle or card.matches(self.needle, self.search_text)

    @property
    def shown_count(self) -> int:
        return sum(len(self.list_of(s).cards) for s in STAGES)

    def load(self, cards: Iterable[CardView], keep: str | None = None) -> None:
        """Show these cards (all of them); the cursor stays on `keep`, else the current card."""
        keep = keep or self.current_id
        self.cards = {c.app_id: c for c in cards}
        self._rebuild(keep)

    def set_filter(self, needle: str) -> None:
        self.needle_typed = needle.strip()  # what the title quotes: as typed, "JOSÉ"
        needle = folded(self.needle_typed)  # what it matches, as Application.search_text: "jose" finds José
        if needle != self.needle:
            keep = self.current_id
            self.needle = needle
            self._rebuild(keep)

    def _rebuild(self, keep: str | None) -> None:
        by_stage: dict[Stage, list[CardView]] = {s: [] for s in STAGES}
        self.totals = {s: 0 for s in STAGES}
        for card in self.cards.values():
            self.totals[card.stage] += 1
            if self.shows(card):
                by_stage[card.stage].append(card)
        for stage in STAGES:
            self.list_of(stage).empty_text = "no match" if self.needle else "nothing here"
            self.list_of(stage).filtered = bool(self.needle)
            self.list_of(stage).set_cards(by_stage[stage], keep)
            self.list_of(stage).update_header(self.totals[stage])
        self.fit_widths()
        kept = self.cards.get(keep) if keep else None
        if kept is not None and self.shows(kept):
            self.focus_card(kept.app_id)
        elif not self.list_of(self.stage).cards:
            self.stage = self._first_filled() or self.stage
        self.sync_active()

    def update_cards(self, changed: dict[str, CardView | None]) -> None:
        """Apply changed (None: deleted) cards, touching only the columns involved."""
        keep = self.current_id
        touched: set[Stage] = set()
        # a card taken out and put back shrinks the column for a moment, which would pull its scroll up
        scrolls = {stage: self.list_of(stage).scroll_y for stage in STAGES}
        counts = {stage: len(self.list_of(stage).cards) for stage in STAGES}
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
                if self.shows(card):
                    self.list_of(card.stage).insert(card)
        for stage in touched:
            cards = self.list_of(stage)
            cards.update_header(self.totals[stage])
            y = scrolls[stage]
            if len(cards.cards) < counts[stage]:
                # a card left: the shorter column would clamp its scroll to the middle of a card; start
                # the view at a whole card instead
                y = min(y, cards.max_scroll_y)
                y -= y % CARD_HEIGHT
            cards.scroll_to(y=y, animate=False, immediate=True)
        self.fit_widths()
        if keep in changed and changed[keep] is not None and self.shows(changed[keep]):
            self.focus_card(keep)
        elif not self.list_of(self.stage).cards:
            self.stage = self._nearest_filled(self.stage) or self.stage
        else:
            self.list_of(self.stage).scroll_to_cursor()
        self.sync_active()

    def fit_widths(self) -> None:
        """Equal columns when each has room for a card's lines; else the empty ones narrow to their header.

        Decided on the width the columns share (the board itself is a hidden `layout-only` container
        with no size of its own). Before the first layout they have none: the screen's `width_hint`
        stands in, so the first frame has its widths rather than a second layout just after it (with
        an empty column, every start had one); a column's resize asks again. Set only when it changes,
        so a card moving within full columns costs no layout."""
        width = sum(column.size.width for column in self.columns.values()) or self.width_hint
        if not width:
            return
        filled = sum(1 for column in self.columns.values() if column.cards)
        narrowed: dict[CardList, int] = {}  # the empty columns' widths; the others share the rest (1fr)
        if width / len(STAGES) < COMFORTABLE_WIDTH and filled:  # all empty: nothing to give room to
            narrowed = {column: max(EMPTY_WIDTH, cell_width(column.header_label) + 1)  # whole: " Awaiting 0"
                        for column in self.columns.values() if not column.cards}
            if (width - sum(narrowed.values())) / filled < COMFORTABLE_WIDTH:
                narrowed = dict.fromkeys(narrowed, EMPTY_WIDTH)  # the cards need the room more than the names
        for column in self.columns.values():
            want = narrowed.get(column)
            if column.fixed_width != want:
                column.fixed_width = want
                column.styles.width = want if want is not None else "1fr"

    def set_frame(self, frame: TimeFrame) -> None:
        self.frame = frame
        for stage in STAGES:
            self.list_of(stage).set_frame(frame)
        self.on_cursor()

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
        self.sync_active()
        return True

    def focus_first_card(self) -> None:
        stage = self._first_filled()
        if stage is not None:
            self.stage = stage
            self.list_of(stage).move_cursor(0)
        self.sync_active()

    def _first_filled(self) -> Stage | None:
        return next((s for s in STAGES if self.list_of(s).cards), None)

    def _nearest_filled(self, stage: Stage) -> Stage | None:
        order = sorted(STAGES, key=lambda s: (abs(s.index - stage.index), -s.index))
        return next((s for s in order if self.list_of(s).cards), None)

    def sync_active(self, focused: bool | None = None) -> None:
        """Show the cursor strongly in the board's column while the board has the focus."""
        if focused is None:
            focused = self.keys.has_focus
        for stage, column in self.columns.items():
            column.set_active(stage is self.stage, focused)
        self.on_cursor()

    def _move(self, index) -> None:
        """The cursor to `index` of this column's cards (`index(cards)`), and the focus line told."""
        cards = self.list_of(self.stage)
        cards.move_cursor(index(cards))
        self.on_cursor()

    def action_cursor_up(self) -> None:
        self._move(lambda cards: cards.cursor - 1)

    def action_cursor_down(self) -> None:
        self._move(lambda cards: cards.cursor + 1)

    def action_page(self, direction: int) -> None:
        self._move(lambda cards: cards.cursor + direction * cards.page_size)

    def action_first(self) -> None:
        self._move(lambda cards: 0)

    def action_last(self) -> None:
        self._move(lambda cards: len(cards.cards) - 1)

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
                self.sync_active()
                return
            index += step
