"""What every list on every screen answers to besides the arrows: j and k, g and G (PRODUCT.md: the same
key means the same thing everywhere). A list names its actions as Textual's OptionList does
(cursor_down, cursor_up, first, last); a scrolling text (the help screen) maps them to scrolling."""

from __future__ import annotations

from textual.binding import Binding

LIST_KEYS = [
    Binding("j", "cursor_down", "Down", show=False, id="list.down", tooltip="The next line"),
    Binding("k", "cursor_up", "Up", show=False, id="list.up", tooltip="The previous line"),
    Binding("g", "first", "First", show=False, id="list.first", tooltip="The first line"),
    Binding("G", "last", "Last", show=False, id="list.last", tooltip="The last line"),
]
