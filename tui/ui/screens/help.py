"""The `?` screen: every key, generated from the bindings themselves so it never drifts."""

from __future__ import annotations

from typing import Iterable, Sequence

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.ui.lists import LIST_KEYS
from tui.ui.settle import taken_down

HelpSection = tuple[str, Sequence[Binding]]

CLOSING_NOTES = (
    "Text fields, the notes and the letters take the usual editing keys: arrows, home and end, "
    "backspace and delete, ctrl+w and ctrl+u, shift with a move to select; in the notes and letters, "
    "ctrl+home and ctrl+end go to the start and the end, and ctrl+z undoes typing.",
    "On the board every change is saved the moment you make it, and u undoes it, many steps back; "
    "a form is saved with ctrl+s (or enter on its last field). "
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


def _generic_bindings() -> set[tuple[str, str]]:
    """Keys every Textual screen and scrolling container has (focus next, copy, scroll left…): not
    this screen's own, and named in Textual's words, so the help leaves them out."""
    from textual.containers import ScrollableContainer
    from textual.screen import Screen

    return {(key.strip(), b.action) for b in (*Screen.BINDINGS, *ScrollableContainer.BINDINGS)
            if isinstance(b, Binding) for key in b.key.split(",")}


def screen_sections(screen) -> list[HelpSection]:
    """The keys of `screen` as they stand (its own and those of the focused widget and its parents),
    one section per part, for screens that do not list their sections themselves."""
    from textual.widgets import Input, TextArea

    sections: dict[str, list[Binding]] = {}
    generic = _generic_bindings()
    # the app's priority keys (ctrl+c quits) win over a widget's binding of the same key
    app_keys = {key.strip() for b in screen.app.BINDINGS if isinstance(b, Binding) and b.priority
                for key in b.key.split(",")}
    for active in screen.active_bindings.values():
        binding = active.binding
        if (binding.key, binding.action) in generic or binding.key.startswith("super+"):
            continue  # super+… (the Mac's ⌘) seldom reaches a program in a terminal
        if binding.key in app_keys and active.node is not screen.app:
            continue
        if binding.id is None and isinstance(active.node, (Input, TextArea)):
            continue  # Textual's editing keys (dozens): one line in EDITING says they work as usual
        title = getattr(active.node, "HELP_TITLE", "") or _words(type(active.node).__name__)
        if active.binding not in sections.setdefault(title, []):
            sections[title].append(active.binding)
    return list(sections.items())


def _words(name: str) -> str:
    """'LetterScreen' -> 'Letter screen'."""
    spaced = "".join(f" {c.lower()}" if c.isupper() else c for c in name).strip()
    return spaced[:1].upper() + spaced[1:]


def help_renderable(app: App, sections: Sequence[HelpSection]) -> Group:
    """One table per section (keys | what they do), wrapped lines hang under their text."""
    parts = []
    all_rows = [key_rows(app, bindings) for _, bindings in sections]
    key_width = max((len(keys) for rows in all_rows for keys, _ in rows), default=4)
    for (title, _), rows in zip(sections, all_rows, strict=True):
        if not rows:
            continue
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="bold", min_width=key_width)
        table.add_column(ratio=1)
        for keys, words in rows:
            table.add_row(keys, words)
        parts += [Text(title, style="bold underline"), Padding(table, (0, 0, 1, 2))]
    for note in CLOSING_NOTES:
        parts.append(Padding(Text(note, style="italic"), (0, 0, 1, 0)))
    return Group(*parts)


class HelpScroll(VerticalScroll):
    """The help text, scrolled by the keys every list answers to (j/k, g/G) as well as the arrows and
    page keys: at 80x24 most of it is below the fold."""

    BINDINGS = LIST_KEYS

    def action_cursor_down(self) -> None:
        self.scroll_down(animate=False, immediate=True)

    def action_cursor_up(self) -> None:
        self.scroll_up(animate=False, immediate=True)

    def action_first(self) -> None:
        self.scroll_home(animate=False, immediate=True)

    def action_last(self) -> None:
        self.scroll_end(animate=False, immediate=True)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        # priority: closed as the app reads the key, so the keys typed after it go to the screen below
        # (not to the help's scroll, which took `k` in `escape k`)
        Binding("escape,question_mark,q", "close", "Close", id="help.close", priority=True),
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
        self.renderable: Group | None = None

    def compose(self) -> ComposeResult:
        box = Vertical(id="help-box")
        box.border_title = "Followup — keys"
        box.border_subtitle = "j/k g/G scroll · escape closes"
        with box:
            with HelpScroll(id="help-scroll"):
                self.renderable = help_renderable(self.app, self.sections)
                yield Static(self.renderable, id="help-text")

    def on_mount(self) -> None:
        if not taken_down(self):
            self.query_one("#help-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
