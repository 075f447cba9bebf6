"""The statistics screen (`a` on the board): how the search is going, drawn as text and Unicode bars.

The figures and their words come from tui/core (stats.figures, stats_text.describe), the same ones
`followup stats` prints, so the screen and the command line cannot disagree. Bars are characters,
not colours: the screen reads the same with NO_COLOR and over a slow SSH link. Working the figures
out takes milliseconds at a few hundred cards; from LARGE cards on it runs in a thread worker,
so the keys stay live while it does.
"""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from tui.core import clock
from tui.core.stats import figures
from tui.core.stats_result import Figures
from tui.core.stats_text import DEFINITIONS, Line, describe
from tui.core.timeutil import local, to_utc
from tui.ui.keybar import KeyBar
from tui.ui.palette import Command, ScreenCommands
from tui.ui.settle import taken_down

LARGE = 2000  # cards from which the figures are worked out off the key path
PERIODS = (None, 30, 90, 365)  # `p` cycles through these: everything, then the last N days
STYLES = {"title": "bold", "heading": "bold underline"}


def period_name(days: int | None) -> str:
    return "all applications" if days is None else f"first round in the last {days} days"


class StatsScreen(Screen):
    COMMANDS = {ScreenCommands}
    # priority, as on the board: each key acts as it arrives, in the order typed. A non-priority
    # escape ran only once it had bubbled back up to the app, behind the keys typed after it: in a
    # burst `escape a escape` the `a` could open the figures again and the last escape go to the
    # closed screen, leaving them open.
    BINDINGS = [
        Binding("escape", "back", "Back", id="stats.back", priority=True, tooltip="Back to the board"),
        Binding("p", "period", "Period", id="stats.period", priority=True,
                tooltip="All applications, or those whose first round is in the last 30, 90 or 365 days"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="stats.down", priority=True,
                tooltip="Scroll down a line"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="stats.up", priority=True, tooltip="Scroll up a line"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="stats.page_down", priority=True,
                tooltip="A screenful down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="stats.page_up", priority=True,
                tooltip="A screenful up"),
        Binding("home,g", "edge(0)", "Top", show=False, id="stats.top", priority=True, tooltip="The top"),
        Binding("end,G", "edge(1)", "End", show=False, id="stats.end", priority=True,
                tooltip="The end: what each figure means"),
        Binding("q", "app.quit", "Quit", show=False, id="stats.quit", priority=True,
                tooltip="Save everything and quit"),
        Binding("question_mark", "app.help", "Help", id="stats.help", priority=True,
                tooltip="The keys of this screen"),
    ]
    HELP_TITLE = "Statistics"

    DEFAULT_CSS = """
    StatsScreen {
        & > #stats-scroll { height: 1fr; padding: 0 1; scrollbar-size-vertical: 1; }
        & #stats-text { width: 100%; height: auto; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.period = 0
        self.figures: Figures | None = None
        self.text = Static("Working out the figures…", id="stats-text", markup=False)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="stats-scroll"):
            yield self.text
        yield KeyBar()

    def on_mount(self) -> None:
        if taken_down(self):
            return
        self.query_one("#stats-scroll").focus()
        self.refresh_figures()

    def _scroll(self) -> VerticalScroll | None:
        """The scrolled figures; None on a screen a quit took down (settle.taken_down): a scroll key handed
        on at the quit finds nothing to scroll."""
        return self.query_one_optional("#stats-scroll", VerticalScroll)

    def palette_commands(self):
        yield Command("Back to the board", self.action_back, "Leave the statistics", ("stats.back",))
        yield Command("Change the period", self.action_period, "All applications, or the last 30, 90 or 365 days",
                      ("stats.period",))
        yield Command("Keys and help", self.app.action_help, "The keys of this screen", ("stats.help",))

    # --- the figures ------------------------------------------------------
    def _since(self, now):
        days = PERIODS[self.period]
        if days is None:
            return None
        zone = self.app.settings.zone
        return to_utc(local(now - timedelta(days=days), zone).start_of("day"))

    def refresh_figures(self) -> None:
        apps = list(self.app.changelog.apps.values())  # taken here: the worker must not read a changing dict
        settings, now = self.app.settings, clock.now()
        since = self._since(now)
        if len(apps) < LARGE:
            self.show(figures(apps, settings, now, since=since))
        else:
            self.text.update("Working out the figures…")
            self._work_out(apps, settings, now, since)

    @work(thread=True, exclusive=True, group="stats")
    def _work_out(self, apps, settings, now, since) -> None:
        result = figures(apps, settings, now, since=since)
        self.app.call_from_thread(self.show, result)

    def show(self, fig: Figures) -> None:
        self.figures = fig
        self._draw()

    def on_resize(self) -> None:
        if self.figures is not None:
            self._draw()

    def _draw(self) -> None:
        assert self.figures is not None
        width = max(40, self.size.width - 4)
        lines = describe(self.figures, self.app.settings.zone, width)
        lines += [Line(""), Line("What the figures mean", "heading")]
        lines += [Line(f"{name}: {words}") for name, words in DEFINITIONS]
        text = Text(no_wrap=False, overflow="fold")
        for number, line in enumerate(lines):
            if number:
                text.append("\n")
            text.append(line.text, style=STYLES.get(line.style, ""))
        self.text.update(text)

    # --- keys ---------------------------------------------------------------
    def action_back(self) -> None:
        self.app.pop_screen()

    def action_period(self) -> None:
        self.period = (self.period + 1) % len(PERIODS)
        self.refresh_figures()  # its title names the period (a toast said it too, over the help after `?`)

    # immediate: each key scrolls from where the one before it left the view. Deferred to the next refresh,
    # ten `j` in one burst (SSH) all started from the same line and moved it two (review R8 4).
    def action_scroll(self, step: int) -> None:
        if (scroll := self._scroll()) is None:
            return
        scroll.scroll_relative(y=step, animate=False, immediate=True)

    def action_page(self, step: int) -> None:
        if (scroll := self._scroll()) is None:
            return
        scroll.scroll_relative(y=step * max(1, scroll.size.height - 1), animate=False, immediate=True)

    def action_edge(self, end: int) -> None:
        if (scroll := self._scroll()) is None:
            return
        if end:
            scroll.scroll_end(animate=False, immediate=True)
        else:
            scroll.scroll_home(animate=False, immediate=True)
