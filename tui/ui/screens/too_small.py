"""Shown instead of the board while the terminal is smaller than the board can use."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from tui.core.text import counted
from tui.ui.settle import Typed, again

MIN_WIDTH, MIN_HEIGHT = 60, 15


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(Screen):
    """Keys typed meanwhile are kept and handed, in order, to the screen below once the window is large
    enough again (FollowupApp._check_size): a split pane narrowed mid-sentence loses no word, and a `q`
    in that sentence quits nothing. A paste is kept with them, in its place (it was dropped: fuzz fz7 1).
    ctrl+q and ctrl+c still save and quit; f1 and ctrl+p are not kept, and the message says to press them
    again once the window is larger."""

    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
        & > #message { width: 100%; height: auto; text-align: center; padding: 0 1; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.typed: list[Typed] = []
        self.asked_for_a_screen = False

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if event.key in self.app._bindings.key_to_bindings:
            # f1, ctrl+p: not kept, as the screen they open would take the keys typed after them (and, at
            # ctrl+q, the text being saved); the message says so, so they are never dropped unsaid
            self.asked_for_a_screen = True
        else:
            self.typed.append(again(event))
        self.show_size(self.app.size.width, self.app.size.height)

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        self.typed.append(again(event))
        self.show_size(self.app.size.width, self.app.size.height)

    def compose(self) -> ComposeResult:
        yield Static(id="message", markup=False)

    def on_mount(self) -> None:
        self.show_size(self.app.size.width, self.app.size.height)

    def on_resize(self) -> None:
        self.show_size(self.app.size.width, self.app.size.height)

    def show_size(self, width: int, height: int) -> None:
        self.query_one("#message", Static).update(
            f"Make the window larger.\n\nFollowup needs at least {MIN_WIDTH}×{MIN_HEIGHT}; "
            f"this one is {width}×{height}.\n\n{self._kept()}ctrl+q saves and quits."
            + ("\n\nf1 (help) and ctrl+p (palette) are not kept: press them again once the window is larger."
               if self.asked_for_a_screen else "")
        )

    def _kept(self) -> str:
        if not self.typed:
            return "What you type meanwhile is kept for then. "
        pastes = sum(isinstance(each, events.Paste) for each in self.typed)
        keys = len(self.typed) - pastes
        kept = [f"{counted(keys, 'key')} typed"] if keys else []
        kept += [counted(pastes, "paste")] if pastes else []
        return f"{' and '.join(kept)}, kept for then. "
