"""What every list on every screen answers to besides the arrows: j and k (PRODUCT.md: the same key
means the same thing everywhere)."""

from __future__ import annotations

from textual.binding import Binding

LIST_KEYS = [
    Binding("j", "cursor_down", "Down", show=False, id="list.down", tooltip="The next line"),
    Binding("k", "cursor_up", "Up", show=False, id="list.up", tooltip="The previous line"),
]
