"""One stage of the board: a header with its count above a Line-API list of cards.

`CardList` is a single ScrollView that draws only the lines on screen from a
sorted list of `CardView`s, so a column of 10,000 cards mounts and scrolls as
fast as an empty one. Changes are local: inserting or removing one card
touches this column only. It draws its own header on its top line (the cards
scroll under it): a separate header widget and a container per column cost the
first frame about 15 ms, in Textual's layout and drawing of twice the widgets.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterable

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.stages import Stage
from tui.core.text import fit_cells
from tui.ui.board.cards import CARD_HEIGHT, HEADER_HEIGHT, CardStyles, CardView, card_strips
from tui.ui.board.timeframe import TimeFrame


def scroll_thumb(row: int, rows: int, total: int, scroll_y: float, thumb: Style, track: Style) -> Segment | None:
    """The one-cell scroll mark for screen row `row` of `rows` over `total` lines; None when all fit."""
    if total <= rows or rows <= 0:
        return None
    size = max(1, round(rows * rows / total))
    top = round((rows - size) * min(1.0, scroll_y / (total - rows)))
    return Segment("┃", thumb) if top <= row < top + size else Segment("│", track)


class ThumbView(ScrollView):
    """A ScrollView that draws its own one-cell scroll thumb (the columns, the sidebar).

    Textual's scrollbar is a widget of its own, made and mounted after the first
    layout whenever `overflow-y` is `auto` and the content is taller than the
    view, even at size 0; each mount asks for a layout, so the screen was laid
    out and drawn a second time just after the first frame, and a key pressed
    at that frame waited for it. With `overflow-y: hidden` none is made; the
    mouse wheel still scrolls, as it asks `allow_vertical_scroll`.
    """

    DEFAULT_CSS = """
    ThumbView {
        overflow-x: hidden;
        overflow-y: hidden;
    }
    """

    @property
    def allow_vertical_scroll(self) -> bool:
        """Content taller than the view; never before the first layout, when the view has no height and the
        whole content would count as overflow (a hidden sidebar shown by keys typed ahead was scrolled)."""
        return not self._check_disabled() and self.size.height > 0 and self.max_scroll_y > 0

    def set_virtual_height(self, height: int) -> None:
        """Change how far the view scrolls, without a whole-screen layout once it has a size.

        Assigning `virtual_size` asks for a layout, which repaints every widget on
        screen; a card moving between columns only needs its two columns redrawn.
        With no scrollbar to appear or go, the size is set quietly and only the
        view is refreshed (`_scroll_update` is Textual's own step for exactly that).
        """
        size = Size(self.size.width, height)
        if size == self.virtual_size:
            self.refresh()
            return
        if not self.is_mounted or not self.scrollable_content_region.height:
            self.virtual_size = size
            return
        self.set_reactive(ScrollView.virtual_size, size)
        self._scroll_update(size)
        self.refresh()


class CardList(ThumbView, can_focus=False):
    """The cards of one column, sorted most pressing first, under a header; its own thumb beside them."""

    DEFAULT_CSS = """
    CardList {
        width: 1fr;
        height: 1fr;
    }
    """

    def __init__(self, stage: Stage, frame: TimeFrame, **kwargs) -> None:
        super().__init__(**kwargs)
        self.stage = stage
        self.frame = frame
        self.cards: list[CardView] = []
        self.index: dict[str, int] = {}
        self.cursor = 0
        self.current = False  # the board's cursor is in this column
        self.active = False  # ... and the board has the focus
        self.empty_text = "nothing here"
        self.total = 0  # cards in this stage, the filter's hidden ones included
        self.filtered = False  # the board's filter is on: the header says how many of the stage show
        self.fixed_width: int | None = None  # set by the board when an empty column gives up its room
        self._strip_cache: dict[tuple, list[Strip]] = {}

    # --- data ----------------------------------------------------------
    def set_cards(self, cards: Iterable[CardView], keep: str | None = None) -> None:
        """Replace every card (sorted here); the cursor stays on `keep` when it is present."""
        self.cards = sorted(cards, key=lambda c: c.sort_key)
        self.index = {}
        self._reindex(0)
        self.cursor = self.index.get(keep, min(self.cursor, max(0, len(self.cards) - 1)))
        self._resize()

    def insert(self, card: CardView) -> int:
        pos = bisect_left(self.cards, card.sort_key, key=lambda c: c.sort_key)
        had_cards = bool(self.cards)
        self.cards.insert(pos, card)
        self._reindex(pos)
        if had_cards and self.cursor >= pos:
            self.cursor += 1
        self._resize()
        return pos

    def remove(self, app_id: str) -> int | None:
        pos = self.index.pop(app_id, None)
        if pos is None:
            return None
        del self.cards[pos]
        self._reindex(pos)
        if self.cursor > pos or self.cursor >= len(self.cards):
            self.cursor = max(0, self.cursor - 1)
        self._resize()
        return pos

    def _reindex(self, start: int) -> None:
        index = self.index
        for i in range(start, len(self.cards)):
            index[self.cards[i].app_id] = i

    def _resize(self) -> None:
        self.set_virtual_height(HEADER_HEIGHT + len(self.cards) * CARD_HEIGHT)

    @property
    def card_rows(self) -> int:
        """How many lines of cards show below the header."""
        return max(0, (self.scrollable_content_region.height or self.size.height) - HEADER_HEIGHT)

    @property
    def cursor_card(self) -> CardView | None:
        return self.cards[self.cursor] if 0 <= self.cursor < len(self.cards) else None

    # --- cursor --------------------------------------------------------
    def on_resize(self) -> None:
        """Keys typed before the first frame move the cursor while the column has no size yet, so
        scroll_to_cursor could not scroll; the focused card is brought into view once it has one.
        Only the current column's: another keeps its view (a column a card left shows whole cards) until
        the cursor goes there. The board then decides again which columns are wide (Board.fit_widths)."""
        if self.current:
            self.call_after_refresh(self.scroll_to_cursor)
        self.parent.fit_widths()

    def move_cursor(self, index: int) -> None:
        if not self.cards:
            return
        self.cursor = max(0, min(len(self.cards) - 1, index))
        self.scroll_to_cursor()
        self.refresh()

    def scroll_to_cursor(self) -> None:
        top = self.cursor * CARD_HEIGHT
        height = self.card_rows
        bottom = top + CARD_HEIGHT - 1  # the gap line may stay hidden
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif bottom > self.scroll_y + height:  # down to whole cards from the top line, the cursor's in view
            low = bottom - height
            self.scroll_to(y=min(top, low + -low % CARD_HEIGHT), animate=False)

    def screen_row_of_cursor(self) -> int:
        return self.cursor * CARD_HEIGHT - round(self.scroll_y)

    def index_at_screen_row(self, row: int) -> int:
        return (row + round(self.scroll_y)) // CARD_HEIGHT

    @property
    def page_size(self) -> int:
        return max(1, (self.card_rows or CARD_HEIGHT) // CARD_HEIGHT)

    def set_active(self, current: bool, focused: bool) -> None:
        active = current and focused
        if (current, active) != (self.current, self.active):
            self.current, self.active = current, active
            self.refresh()

    # --- the header ----------------------------------------------------
    @property
    def count_text(self) -> str:
        shown = len(self.cards)
        return f"{shown}/{self.total}" if self.filtered else str(shown)  # every column alike while filtering

    @property
    def header_label(self) -> str:
        return f"{self.stage.label} {self.count_text}"

    def update_header(self, total: int | None = None) -> None:
        if total is not None and total != self.total:
            self.total = total
            self.refresh(Region(0, 0, self.size.width, HEADER_HEIGHT))

    def _header_strip(self, width: int, styles: CardStyles) -> Strip:
        """The count always shows; a narrow column shortens the stage's name instead."""
        count = self.count_text
        style = styles.header_current if self.current else styles.header
        room = max(0, width - 2 - len(count))
        text = f" {fit_cells(self.stage.label, room).rstrip()} {count}" if room else f" {count}"
        return Strip([Segment(fit_cells(text, width), style)], width)

    def set_frame(self, frame: TimeFrame) -> None:
        self.frame = frame
        self._strip_cache.clear()
        self.refresh()

    # --- drawing -------------------------------------------------------
    def forget_drawings(self) -> None:
        """The theme changed: draw every card again."""
        self._strip_cache.clear()
        self.refresh()

    def card_styles(self) -> CardStyles:
        return self.parent.card_styles()  # the Board's, shared by its five columns

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        styles = self.card_styles()
        if y < HEADER_HEIGHT:
            return self._header_strip(width, styles)
        row = y - HEADER_HEIGHT
        line = row + round(self.scroll_y)
        index, part = divmod(line, CARD_HEIGHT)
        if not self.cards:
            if line == 1:  # a narrowed empty column (Board.fit_widths) says it in a word, as all narrowed do
                text = self.empty_text
                if len(text) >= width or (self.fixed_width is not None and text == "nothing here"):
                    text = "none"
                return Strip([Segment(" " + fit_cells(text, width - 1), styles.empty)], width)
            return Strip.blank(width, styles.base)
        thumb = scroll_thumb(row, self.card_rows, len(self.cards) * CARD_HEIGHT, self.scroll_y,
                             styles.thumb, styles.track)
        body = width - 1 if thumb is not None else width
        if index >= len(self.cards):
            strip = Strip.blank(body, styles.base)
        else:
            card = self.cards[index]
            cursor = index == self.cursor and self.current
            key = (card.version, body, cursor, cursor and self.active)
            strips = self._strip_cache.get(key)
            if strips is None:
                if len(self._strip_cache) > 4000:
                    self._strip_cache.clear()
                strips = card_strips(card, body, self.frame, styles, cursor=cursor, active=self.active)
                self._strip_cache[key] = strips
            strip = strips[part]
        if thumb is None:
            return strip
        return Strip([*strip, thumb], width)
