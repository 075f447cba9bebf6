"""Shown instead of the board while the terminal is smaller than the board can use."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 60, 15


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(Screen):
    BINDINGS = [Binding("q", "app.quit", "Quit", id="small.quit")]

    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
        & > #message { width: 100%; height: auto; text-align: center; padding: 0 1; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="message", markup=False)

    def on_mount(self) -> None:
        self.show_size(self.app.size.width, self.app.size.height)

    def on_resize(self) -> None:
        self.show_size(self.app.size.width, self.app.size.height)

    def show_size(self, width: int, height: int) -> None:
        self.query_one("#message", Static).update(
            f"Make the window larger.\n\nFollowup needs at least {MIN_WIDTH}×{MIN_HEIGHT}; "
            f"this one is {width}×{height}.\n\nq quits."
        )
