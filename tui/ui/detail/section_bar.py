"""The names of the detail screen's sections, drawn by one widget, with the chosen one underlined.

Textual's TabbedContent mounts a Tabs bar, a widget per tab, an underline and a
pane per section: 100 of the ~250 ms the detail screen took to appear after
`enter`. This bar draws the same two lines itself; the screen shows the chosen
section's widget (a ContentSwitcher) when the bar calls it back.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget

from tui.ui.settle import OwnKeysInOrder

GAP = 3  # cells between two names
# The section shown while the keys act on the history beside (`elsewhere`): bold, on a thin accent line,
# where the chosen one has a heavy line. In $text alone it was the colour of the others' $text-muted in
# textual-dark on a 256-colour terminal, and NO_COLOR drops colours: nothing said which tab was shown
# below (review R7 9). Bold and the line's weight are not colours, so they stay.
SHOWN = "bold $text"
SHOWN_RULE = "$accent 50%"


class SectionBar(OwnKeysInOrder, Widget, can_focus=True):
    """`←`/`→` (and a click) choose the section beside; the screen's 1-4 choose one by number."""

    HELP_TITLE = "Sections"
    BINDINGS = [
        Binding("left", "step(-1)", "Previous", show=False, id="sections.previous",
                tooltip="The section on the left"),
        Binding("right", "step(1)", "Next", show=False, id="sections.next", tooltip="The section on the right"),
    ]
    DEFAULT_CSS = """
    SectionBar {
        height: 2;
        padding: 0 1;
    }
    """

    def __init__(self, labels: dict[str, str], active: str, choose: Callable[[str], None], **kwargs) -> None:
        super().__init__(**kwargs)
        self.labels = dict(labels)  # section -> name shown, in order
        self.active = active
        self.hidden: set[str] = set()
        self.elsewhere = False  # the keys are another part's (the history beside): no name is marked chosen
        self._choose = choose

    @property
    def shown(self) -> list[str]:
        return [section for section in self.labels if section not in self.hidden]

    def set_label(self, section: str, label: str) -> None:
        if self.labels[section] != label:
            self.labels[section] = label
            self.refresh()

    def set_hidden(self, section: str, hidden: bool) -> None:
        (self.hidden.add if hidden else self.hidden.discard)(section)
        self.refresh()

    def show_active(self, section: str) -> None:
        """Underline `section` (the screen has switched to it)."""
        self.active = section
        self.refresh()

    def set_elsewhere(self, elsewhere: bool) -> None:
        """The focus is outside the sections (the history beside them): the section shown keeps its name
        in bold on a thin line (SHOWN), but no heavy underline says its keys are the ones at the bottom
        (review R5 6)."""
        if self.elsewhere != elsewhere:
            self.elsewhere = elsewhere
            self.refresh()

    def action_step(self, step: int) -> None:
        shown = self.shown
        at = shown.index(self.active) if self.active in shown else 0
        self._choose(shown[(at + step) % len(shown)])

    def on_click(self, event: events.Click) -> None:
        x = event.x - 1  # the left padding
        for section, start, end in self._spans():
            if start <= x < end:
                self._choose(section)
                return

    def _spans(self) -> list[tuple[str, int, int]]:
        spans, x = [], 0
        for section in self.shown:
            width = Content(self.labels[section]).cell_length
            spans.append((section, x, x + width))
            x += width + GAP
        return spans

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def render(self) -> Content:
        chosen = "reverse $accent" if self.has_focus else "bold $text-accent"
        names: list[tuple[str, str] | str] = []
        rule: list[tuple[str, str] | str] = []
        for index, (section, start, end) in enumerate(self._spans()):
            if index:
                names.append(" " * GAP)
                rule.append(("─" * GAP, "$foreground 20%"))
            active = section == self.active
            marked = active and not self.elsewhere
            names.append((self.labels[section], chosen if marked else SHOWN if active else "$text-muted"))
            line = "━" if marked else "─"
            rule.append((line * (end - start), "$accent" if marked else SHOWN_RULE if active else "$foreground 20%"))
        return Content.assemble(*names, "\n", *rule)
