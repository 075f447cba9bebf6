"""What every list on every screen answers to besides the arrows: j and k, g and G (PRODUCT.md: the same
key means the same thing everywhere). A list names its actions as Textual's OptionList does
(cursor_down, cursor_up, first, last); a scrolling text (the help screen) maps them to scrolling."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList

LIST_KEYS = [
    Binding("j", "cursor_down", "Down", show=False, id="list.down", tooltip="The next line"),
    Binding("k", "cursor_up", "Up", show=False, id="list.up", tooltip="The previous line"),
    Binding("g", "first", "First", show=False, id="list.first", tooltip="The first line"),
    Binding("G", "last", "Last", show=False, id="list.last", tooltip="The last line"),
]


class StopsAtEnds(OptionList):
    """An OptionList whose down at the last line and up at the first stay put (Textual's wrap, with no
    option to turn it off). Typed ahead, a `j` too many wrapped to the other end and the keys meant for
    the last line (enter, t) acted on the first: a round was saved again and the text meant for an
    interviewer's topic went into the notes (review R2 #3)."""

    def _step(self, direction: int) -> None:
        if self.highlighted is None:  # nothing highlighted yet: the first (or last) line, as Textual does
            super().action_cursor_down() if direction > 0 else super().action_cursor_up()
            return
        end = self.option_count if direction > 0 else -1
        for index in range(self.highlighted + direction, end, direction):
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _page(self, direction: int) -> None:
        """A page key typed ahead, before the list was first laid out, made Textual's OptionList look up a
        line it had not worked out yet (KeyError: the detail screen's history, `pageup` in a burst right
        after enter, ended the app: fuzz fz4 B). With no height yet a page has no size: it goes to the end."""
        laid_out = bool(self.scrollable_content_region)  # Textual's own test before it works out the lines
        if not laid_out and direction < 0:
            self.action_first()
        elif not laid_out:
            self.action_last()
        elif direction < 0:
            super().action_page_up()
        else:
            super().action_page_down()

    def action_page_up(self) -> None:
        self._page(-1)

    def action_page_down(self) -> None:
        self._page(1)
