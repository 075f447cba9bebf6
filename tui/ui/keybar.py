"""The one-line key bar at the bottom of every screen: what the keys do here, as far as it fits.

Textual's Footer mounts a widget per key and composes them again whenever the
bindings change; on the board that cost the first key pressed after start-up
over 100 ms. This bar is one widget that draws one line from the screen's
active bindings, so a change of focus only redraws it.

Order: a screen may list binding ids in `KEY_ORDER` (the board follows
PRODUCT.md's order); other shown bindings follow in their declared order.
The help key and the command palette are pinned to the right end and stay
when the line is too narrow for the rest; other keys are dropped from the end.
Where `?` is not the help key (it is typed into a field), `f1` is shown instead.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget

PINNED = ("question_mark", "f1")  # help: always shown, just before the palette


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
        & > .keybar--key { color: $text; text-style: bold; }
        & > .keybar--description { color: $text-muted; }
    }
    """

    COMPONENT_CLASSES = {"keybar--key", "keybar--description"}
    # what `entries` found, until the screen's bindings change (working out the active bindings asks
    # every binding's check_action: half the bar's cost, paid again on every redraw otherwise)
    _entries: tuple[list[tuple[str, str]], list[tuple[str, str]]] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        self._entries = None
        self.refresh()

    def entries(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(key as shown, what it does) for the screen's shown bindings: those that may be dropped, and the
        pinned ones."""
        app = self.app
        screen = self.screen
        seen: set[str] = set()
        shown = []
        pinned = []
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not active.enabled:
                continue
            name = binding.id or binding.action
            if name in seen:
                continue
            seen.add(name)
            entry = (app.get_key_display(binding), binding.description)
            if binding.key.split(",")[0] in PINNED or key in PINNED:
                pinned.append(entry)
            else:
                shown.append((name, entry))
        if not pinned and app.check_action("help", ()):
            # where `?` is typed (a form, the filter, the notes) the app's f1 is the help key: said here (a
            # form's bar named none, review S5 2). A modal's active bindings leave the app's out.
            help_key = next((b for b in getattr(app, "BINDINGS", ()) if isinstance(b, Binding) and b.key == "f1"),
                            None)
            if help_key is not None:
                pinned.append((app.get_key_display(help_key), help_key.description))
        order = {name: index for index, name in enumerate(getattr(screen, "KEY_ORDER", ()))}
        shown.sort(key=lambda item: order.get(item[0], len(order)))
        palette = screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
        if palette is not None and app.ENABLE_COMMAND_PALETTE:
            pinned.append((app.get_key_display(palette.binding), palette.binding.description))
        return [entry for _, entry in shown], pinned

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keybar--key")
        text_style = self.get_component_rich_style("keybar--description")
        if self._entries is None:
            self._entries = self.entries()
        shown, pinned = self._entries
        width = max(0, self.size.width)

        def cells(entries) -> list[Text]:
            return [Text.assemble((key, key_style), " ", (what, text_style)) for key, what in entries]

        right = cells(pinned)
        room = width + 2 - sum(part.cell_len + 2 for part in right)  # + 2: the last key has no gap after it
        line = Text()
        for part in cells(shown):
            if part.cell_len + 2 > room:
                break
            line.append_text(part)
            line.append("  ")
            room -= part.cell_len + 2
        for part in right:
            line.append_text(part)
            line.append("  ")
        line.rstrip()
        return line
