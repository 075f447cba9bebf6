"""A read-only view of one card, used until the full detail screen (tui.ui.detail) exists."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from tui.core.model import Application
from tui.core.timeutil import local
from tui.ui.keybar import KeyBar


def describe(app: Application, zone) -> Text:
    def when(moment) -> str:
        return local(moment, zone).format("ddd D MMM YYYY, HH:mm") if moment else "—"

    text = Text()
    text.append(f"{app.company}\n", style="bold")
    text.append(f"{app.role}\n\n")
    text.append(f"Stage: {app.stage.label}")
    if app.outcome:
        text.append(f" ({app.outcome.label})")
    text.append(f"\nRecruiter: {app.recruiter or '—'}\nId: {app.id}\n")
    for rnd in sorted(app.rounds, key=lambda r: r.at):
        text.append(f"\nRound “{rnd.name}”, {when(rnd.at)}\n", style="bold")
        for person in rnd.interviewers:
            thanked = f"thanked {when(person.thanked_at)}" if person.thanked_at else "not thanked yet"
            text.append(f"  {person.display()} — {thanked}\n")
    if app.directions:
        text.append("\nDirections\n", style="bold")
        for d in app.directions:
            due = f" by {when(d.due)}" if d.due else ""
            done = " (done)" if d.done_at else ""
            text.append(f"  {d.kind.value}: {d.text}{due}{done}\n")
    if app.notes:
        text.append("\nNotes\n", style="bold")
        text.append(app.notes.rstrip() + "\n")
    text.append("\nHistory\n", style="bold")
    for event in app.history[-15:]:
        text.append(f"  {when(event.at)}  {event.text}\n")
    return text


class PlaceholderDetailScreen(Screen[None]):
    BINDINGS = [Binding("escape,q", "close", "Back to the board", id="placeholder.close")]

    DEFAULT_CSS = """
    PlaceholderDetailScreen > VerticalScroll { padding: 1 2; }
    """

    def __init__(self, app_id: str, section: str = "") -> None:
        super().__init__()
        self.app_id = app_id
        self.section = section

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="placeholder-body")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        try:
            application = self.app.changelog.get(self.app_id)
        except KeyError:
            self.dismiss(None)
            return
        self.query_one("#placeholder-body", Static).update(describe(application, self.app.settings.zone))

    def on_applications_changed(self, message) -> None:
        self.show()

    def action_close(self) -> None:
        self.dismiss(None)
