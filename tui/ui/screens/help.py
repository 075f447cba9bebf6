"""The `?` screen: every key, generated from the bindings themselves so it never drifts."""

from __future__ import annotations

from typing import Iterable, Sequence

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HelpSection = tuple[str, Sequence[Binding]]

CLOSING_NOTES = (
    "Every change is saved the moment you make it, and u undoes it, many steps back. "
    "Another Followup (or a `followup add` in a script) can work on the same file: "
    "the board shows what they wrote within a second.",
    "Letters are copied to the clipboard with OSC 52, which reaches your own machine "
    "even over SSH. Inside tmux, add `set -g set-clipboard on` to ~/.tmux.conf first.",
)


def key_rows(app: App, bindings: Iterable[Binding]) -> list[tuple[str, str]]:
    """(keys, what they do) per action, in the order the bindings are declared."""
    order: list[str] = []
    keys: dict[str, list[str]] = {}
    words: dict[str, str] = {}
    for binding in bindings:
        if binding.system:
            continue
        action = binding.action
        if action not in keys:
            order.append(action)
            keys[action] = []
            words[action] = binding.tooltip or binding.description
        for key in binding.key.split(","):
            shown = app.get_key_display(Binding(key.strip(), action))
            if shown not in keys[action]:
                keys[action].append(shown)
    return [(" ".join(keys[a]), words[a]) for a in order]


def help_text(app: App, sections: Sequence[HelpSection]) -> Text:
    text = Text()
    for title, bindings in sections:
        rows = key_rows(app, bindings)
        if not rows:
            continue
        width = max(len(k) for k, _ in rows)
        text.append(f"{title}\n", style="bold underline")
        for keys, words in rows:
            text.append(f"  {keys.ljust(width)}  ", style="bold")
            text.append(f"{words}\n")
        text.append("\n")
    for note in CLOSING_NOTES:
        text.append(note + "\n\n", style="italic")
    text.rstrip()
    return text


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "close", "Close", id="help.close"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > #help-box {
            width: 90%;
            max-width: 96;
            height: 90%;
            border: thick $primary;
            border-title-align: left;
            border-subtitle-align: right;
            background: $surface;
        }
        & #help-scroll { height: 1fr; padding: 0 1; }
    }
    """

    def __init__(self, sections: Sequence[HelpSection]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        box = Vertical(id="help-box")
        box.border_title = "Followup — keys"
        box.border_subtitle = "escape closes"
        with box:
            with VerticalScroll(id="help-scroll"):
                yield Static(help_text(self.app, self.sections), id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
