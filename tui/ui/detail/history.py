"""The card's history, newest first, with times in the user's zone."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.model import Application
from tui.ui.detail.timefmt import show_time

KIND_MARKS = {
    "created": "✚", "stage": "→", "round": "◆", "thanked": "✓", "direction": "☐",
    "letter": "✉", "contact": "☎", "outcome": "■", "edit": "✎", "notes": "✎",
}


class HistoryList(OptionList):
    """Read-only; ↑↓ and page keys scroll it."""

    def show(self, app: Application, settings, now) -> None:
        zone = settings.zone
        events = sorted(app.history, key=lambda e: e.at.timestamp() if e.at else 0.0, reverse=True)
        options = [
            Option(Content.assemble((f"{show_time(e.at, zone, now):<17}", "$text-muted"),
                                    f" {KIND_MARKS.get(e.kind, '·')} ", e.text))
            for e in events
        ]
        if not options:
            options.append(Option(Content.styled("Nothing has happened yet.", "$text-muted"), disabled=True))
        keep = self.highlighted
        self.set_options(options)
        if options and not options[0].disabled:
            self.highlighted = min(keep or 0, len(options) - 1)
