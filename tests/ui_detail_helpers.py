"""Shared helpers for the detail screen's tests: the real board app, and a bare host.

(The `frozen` fixture, which sets this module's clock, lives in conftest.py.)

Flow tests run the real `FollowupApp` and open a card with the board's own
keys (`enter`, `e`), so the integration is what is tested. `DetailHarness`
is a minimal host (a `ChangeLogHost`, which the letter tests share) for the
few tests that need to control the host: it applies every ChangeRequested,
tells the screen with ApplicationsChanged, and calls flush_pending on quit and
switches.
"""

from __future__ import annotations

from pathlib import Path

import pendulum
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from tui.core import actions
from tui.core.errors import FollowupError
from tui.core.model import Application
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.store import Store
from tui.ui.app import FollowupApp
from tui.ui.detail import DetailScreen
from tui.ui.messages import ApplicationsChanged, ChangeRequested
from tui.ui.state import ChangeLog

FROZEN = "2026-12-01T13:00:00+00:00"  # a Tuesday, 14:00 in Berlin
SETTINGS = Settings(timezone="Europe/Berlin", name="Alex Doe")
SIZE = (80, 24)


def frozen_now():
    return pendulum.parse(FROZEN)


def acme(now) -> Application:
    """One card in *interviewed*: an onsite yesterday with one interviewer, a small note."""
    app = actions.new_application(
        "Acme", "Backend Engineer", now=now.subtract(days=3), round_name="Phone screen",
        round_at=now.subtract(days=3), interviewers=[Interviewer(name="Sam Lee", email="sam@acme.com")],
        recruiter="Rita Recruiter <rita@acme.com>",
    )
    app = actions.set_thanked(app, app.rounds[0].interviewers[0].id, True, now=now.subtract(days=3).add(hours=2))
    app = actions.add_round(app, "Onsite", now.subtract(hours=20), [
        Interviewer(name="Dana Kim", title="Engineering Manager", email="dana@acme.com", topic="system design"),
    ], now=now.subtract(hours=19))
    return actions.set_notes(app, "# Acme\n- ask about **on-call**", now=now.subtract(hours=18))


def make_db(tmp_path: Path, *apps: Application) -> Path:
    path = tmp_path / "followup.json"
    Store(path).open().add_many(list(apps))
    return path


def stored(db: Path, app_id: str) -> Application:
    """What a fresh process would read from the file."""
    return Store(db).open().get(app_id)


def board(db: Path, settings: Settings = SETTINGS, **options) -> FollowupApp:
    """The real app on `db`; no polling, so tests decide when other processes' writes are read."""
    return FollowupApp(Store(db), settings, **{"poll_seconds": 0, **options})


async def open_card(pilot, section: str = "") -> DetailScreen:
    """From the board (focus on the first card), open it as the user would: `e` or `enter`."""
    await pilot.press("e" if section == "notes" else "enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, DetailScreen), f"the board opened {screen!r}"
    return screen


async def on_disk(pilot, db: Path, app_id: str) -> Application:
    """The card as stored, once the app has handled its messages and written everything."""
    await pilot.pause()
    assert await pilot.app.wait_for_writes(), "the app's writes did not finish"
    return stored(db, app_id)


class ElsewhereScreen(Screen):
    def compose(self):
        yield Static("somewhere else")


class ChangeLogHost(App):
    """A bare host over one ChangeLog (kept as `changelog`, like the real app), no writer thread.

    It applies every ChangeRequested, keeps the refusals in `refused`, and
    answers with ApplicationsChanged (`announce` says to which screens).
    """

    def __init__(self, db: Path, settings: Settings) -> None:
        super().__init__()
        self.changelog = ChangeLog(Store(db).open(), settings)
        self.changelog.reload()
        self.refused: list[str] = []
        self.rescued: list[str] = []  # as the real app's: what went to rescue files

    def compose(self):
        yield Static("the board", id="board")

    async def on_event(self, event) -> None:
        from textual import events

        if isinstance(event, events.Key) and not self.screen_stack:
            return  # as FollowupApp.on_event: a key still bubbling up while the app closes (Textual raises)
        await super().on_event(event)

    def on_change_requested(self, message: ChangeRequested) -> None:
        try:
            self.changelog.apply(message.app_id, message.change, message.label)
        except FollowupError as exc:
            self.refused.append(str(exc))
            self.refuse(str(exc))
            if message.refused is not None:
                message.refused(exc)
            return
        self.announce(ApplicationsChanged(frozenset({message.app_id})))

    def refuse(self, text: str) -> None:
        """Show a refusal; the default keeps it quiet."""

    def announce(self, message: ApplicationsChanged) -> None:
        self.screen.post_message(message)


class DetailHarness(ChangeLogHost):
    BINDINGS = [
        Binding("q", "quit_all", "Quit"),
        Binding("ctrl+c", "quit_all", "Quit", priority=True),
        Binding("f2", "switch", "Elsewhere", priority=True),
    ]

    def __init__(self, db: Path, app_id: str, section: str = "", settings: Settings = SETTINGS) -> None:
        super().__init__(db, settings)
        self.app_id = app_id
        self.section = section

    def on_mount(self) -> None:
        self.push_screen(DetailScreen(self.app_id, self.section))

    def refuse(self, text: str) -> None:
        self.notify(text, severity="error")

    def _flush(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, DetailScreen):
                screen.flush_pending()

    def action_quit_all(self) -> None:
        self._flush()
        self.exit()

    def action_switch(self) -> None:
        self._flush()
        self.push_screen(ElsewhereScreen())

    def open_detail(self, section: str = "") -> None:
        self.push_screen(DetailScreen(self.app_id, section))


async def wait_until(pilot, condition, timeout: float = 3.0) -> None:
    """Let the app run until `condition()` holds (a debounce timer, a worker); fail after `timeout`.
    A widget the condition asks for that is not there yet (NoMatches: a screen is on the stack a moment
    before it is composed, and a loaded machine shows that moment) is the condition not met yet."""
    from textual.css.query import NoMatches

    def met() -> bool:
        try:
            return bool(condition())
        except NoMatches:
            return False

    waited = 0.0
    while not met():
        if waited >= timeout:
            raise AssertionError(f"condition not met within {timeout} s")
        await pilot.pause(0.05)
        waited += 0.05


def screen_text(app) -> str:
    """The screen as plain text, for asserting on what the user sees."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def notes_typed_then_window_too_small(pilot) -> None:
    """The notes opened on the focused card, " before" typed at their end, then the window made too small
    (40x24): what the tests of keys and pastes kept while it is small start from."""
    await pilot.pause()
    await pilot.press("e", "ctrl+end", *" before")
    await pilot.resize_terminal(40, 24)
