"""The Followup board app: its screens, keys and start-up.

Changes to the data (applied in one place, with undo and redo) and keeping up
with other processes that write the same file: tui/ui/changes.py. Leaving (q,
signals, a hang-up) without losing what was typed: tui/ui/leaving.py. What
keys open (the detail screen, forms, letters, help, the palette):
tui/ui/opening.py.
"""

from __future__ import annotations

import asyncio
import importlib
import os
from pathlib import Path

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.command import CommandPalette
from textual.message import Message

from tui.core.model import Application
from tui.core.settings import Settings
from tui.core.text import CONTROL_LINE_ENDS, clean_text, counted, line_feeds
from tui.store import Store
from tui.ui.changes import Changes, _Reloaded, _WriteFailed
from tui.ui.leaving import Leaving
from tui.ui.notify import DueNotifier, ToastsUp
from tui.ui.opening import Opening
from tui.ui.saving import StoreWriter
from tui.ui.screens.too_small import TooSmallScreen, too_small
from tui.ui.settings_watch import SettingsWatch
from tui.ui.settle import Typed
from tui.ui.state import ChangeLog


class _TakeKeys(Message):
    """The board can act on keys now: those held until it could (or `keys`, held while the window was
    too small) are handled, in order."""

    def __init__(self, keys: list[Typed] | None = None) -> None:
        super().__init__()
        self.keys = keys


KEYS_HELD_AT_MOST = 5.0  # seconds: keys typed ahead wait for the board at most this long
PRELOAD_AFTER = 0.3  # seconds after the first frame: past the keys typed ahead of the board

# What keys open, smallest steps first: the detail screen's own modules before the screen, so
# that no one step is long. A key waits for at most the one step under way.
PRELOAD = (
    "textual.widgets.text_area",  # the notes editor's widget, by its public name
    "tui.ui.detail.summary",
    "tui.ui.detail.history",
    "tui.ui.detail.rounds",
    "tui.ui.detail.directions",
    "tui.ui.detail.notes",
    "tui.ui.detail.screen",
    "tui.core.actions",
    "tui.core.when",
    "tui.ui.screens.confirm",
    "tui.ui.screens.form",
    "tui.ui.detail.forms",
    "tui.ui.detail.process_forms",
    "tui.ui.palette",
    "tui.ui.screens.help",
    "tui.ui.screens.new_application",
    "tui.ui.letters",
    "filelock",  # the first save's lock
)


def preload(app: App, modules: tuple[str, ...] = PRELOAD) -> None:
    """Import the screens that keys open, one module per turn of the event loop.

    They are imported where first used, so the board starts without them;
    importing them once the board is drawn means the first `enter` or `t`
    does not wait for them. On the app's thread, not a worker: a worker
    shares the interpreter and the module lock with the key that needs the
    module (measured: a first `enter` took 300-500 ms instead of ~100). In
    one go it held the loop ~140 ms; one module a step, a key pressed
    meanwhile waits for that one module at most (a few ms).
    """
    if not modules:
        return
    importlib.import_module(modules[0])
    app.set_timer(0.005, lambda: preload(app, modules[1:]))


def escape_then_key(event: events.Key) -> tuple[events.Key, events.Key] | None:
    """`escape` and the key typed right after it, when the terminal's bytes came in one read.

    A terminal sends escape as ESC, and alt+q as ESC q: when ESC and the next
    key arrive together (typed fast, or over a slow SSH link), Textual reads
    them as alt+q, and the escape is lost (in the notes editor, the q was
    typed into the notes). No key of Followup uses alt, so such a key is what
    the user typed: escape, then the key. (ESC then enter or tab comes as a
    plain enter or tab: Textual drops the escape there, before any of this.)
    """
    if not event.key.startswith("alt+") or not event.is_printable:
        return None
    name = event.key.removeprefix("alt+")
    if name.startswith("shift+") and len(name) == len("shift+") + 1:
        name = name[-1].upper()
    return events.Key("escape", "\x1b"), events.Key(name, event.character)


class FollowupApp(Changes, Opening, Leaving, SettingsWatch, App[int]):
    # Absolute: subclasses live elsewhere. Every screen's stylesheet is read with the app's, in the
    # one parse before the first frame (~4 KB in all): pushed later, a screen's first stylesheet
    # makes Textual parse every source again and restyle every node of every screen (~100 ms of
    # CPU on the first `n`, `t` or `enter`, each time the board runs).
    CSS_PATH = [Path(__file__).with_name("app.tcss"), Path(__file__).parent / "detail" / "detail.tcss",
                Path(__file__).parent / "screens" / "form.tcss", Path(__file__).parent / "letters" / "letters.tcss"]
    TITLE = "Followup"
    HELP_TITLE = "Anywhere"  # the app's keys in every help screen, as the board's help names them

    BINDINGS = [
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="app.quit",
                tooltip="Save anything pending and quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit_q",
                tooltip="Save anything pending and quit"),
        Binding("ctrl+z", "suspend_process", "Suspend", show=False, id="app.suspend",
                tooltip="Back to the shell for a moment; fg brings the board back"),
        Binding("f1", "help", "Help", show=False, priority=True, id="app.help",
                tooltip="The keys of this screen (also ? wherever you are not typing)"),
        # priority: in a burst, what is typed after ctrl+p is the palette's search, not the board's keys
        Binding("ctrl+p", "command_palette", "Palette", show=False, id="app.palette", priority=True,
                tooltip="The command palette: every action by name, every card by company"),
    ]

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        apps: list[Application] | None = None,
        fingerprint: tuple | None = None,
        demo: bool = False,
        damaged: list[str] | None = None,
        unwritable: str = "",
        start_views=None,
        poll_seconds: float = 1.0,
        write_settle: float = 0.05,
        handle_signals: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.demo = demo
        self.poll_seconds = poll_seconds
        self.write_settle = write_settle
        self.handle_signals = handle_signals
        self._stale: set[str] = set()  # cards whose write failed: re-read whatever their revision
        self.changelog = ChangeLog(store, settings)
        if apps is None:
            apps, fingerprint, _ = store.open_snapshot()  # one read: the cards and the file they came from
        self.changelog.apps = {a.id: a for a in apps}
        self.start_views = start_views  # the first cards, when start_board made them
        self.damaged = damaged or []
        self.unwritable = unwritable  # why the data file cannot be written, found at start-up
        if self.damaged:
            self.changelog.read_only = (
                f"Read-only: {store.path} has {counted(len(self.damaged), 'damaged record')}, so nothing can be "
                "saved. Quit, then 'followup list' names them; fix the file or restore a backup"
            )
        elif unwritable:
            self.changelog.read_only = f"Read-only: {unwritable}"
        self._fingerprint = fingerprint if fingerprint is not None else store.fingerprint()
        self.writer: StoreWriter | None = None
        self._reload_asked = False
        self._last_reload_error = ""
        self._leaving = False
        # Keys that arrive before the board has its focus (typed ahead, over a slow link) are held
        # here and handled in order once it has: before, its keys had nowhere to go and were lost.
        self._held_keys: list[Typed] | None = []
        self.rescued: list[str] = []  # what went to rescue files as the board closed, for stderr
        self._hard_exit = os._exit  # after a hang-up nothing may touch the terminal again
        self.due_notifier = DueNotifier(self)  # toasts (and OSC 9) when a deadline comes due
        self._toasts_up = ToastsUp()
        if not self.take_theme(settings.theme):
            self.theme = "textual-dark"

    async def on_event(self, event) -> None:
        """Pasted text is cleaned before any field sees it (PRODUCT: control characters never
        reach the data; a line break in a one-line field becomes a space).

        `ctrl+j` is `enter`: keys typed while the board starts reach the
        terminal before it leaves line mode, which turns each Return into a
        line feed (ICRNL), read afterwards as ctrl+j. Without this, every
        `enter` typed ahead (a form filled in before the board was up) was
        lost and the next field's text ran into the first (PRODUCT: a key
        typed ahead is replayed in order, never dropped).
        """
        if isinstance(event, events.Key):
            typed = escape_then_key(event)
            if typed is not None:
                for key in typed:
                    await self.on_event(key)
                return
            self.keys_seen += 1  # a signal waits until keys stop arriving (tui/ui/leaving.py)
            if event.key == "ctrl+j":
                event = events.Key("enter", "\r")
            if self._held_keys is not None:
                self._held_keys.append(event)
                return
            if not self.screen_stack:  # a key still bubbling up while the app closes: nothing to act on
                return
        elif isinstance(event, events.Paste) and not event.is_forwarded:
            text = CONTROL_LINE_ENDS.sub("\n", line_feeds(event.text))
            cleaned = clean_text(text)  # its line breaks a one-line field makes spaces (settle.TypesInOrder)
            if cleaned != event.text:
                event = events.Paste(cleaned)
            if self._held_keys is not None:  # with the keys around it, in its place (fuzz fz7 2)
                self._held_keys.append(event)
                return
        await super().on_event(event)

    def get_system_commands(self, screen):
        """Textual's own palette entries that make sense here (theme, quit); quit in our words, with its
        key, as every other entry (its action is our action_quit, which saves first). Not its "Screenshot":
        a developer's tool among the user's actions, saving an SVG nobody asked for (review R2 #8)."""
        for command in super().get_system_commands(screen):
            if command.title == "Quit":
                yield command._replace(help="Save anything pending and quit  ·  q")
            elif command.title == "Theme":
                yield command

    # --- start ---------------------------------------------------------
    def board_ready(self) -> None:
        """The board has its cards and its focus (BoardScreen.on_mount): the keys held so far may go."""
        if self._held_keys is not None:
            self.post_message(_TakeKeys())  # behind any key already queued: all of them are held

    def take_theme(self, name: str) -> bool:
        """Use the theme `name`; False (the theme kept) when Textual has none of that name: an unknown
        theme in config.toml must not stop the board."""
        try:
            self.theme = name
        except Exception:
            return False
        return True

    @property
    def holding_keys(self) -> bool:
        return self._held_keys is not None

    def hold_keys(self) -> None:
        """Keys from now on wait (palette.SearchInput: a command about to open its screen)."""
        if self._held_keys is None:
            self._held_keys = []

    def hold_key(self, key: Typed) -> None:
        assert self._held_keys is not None
        self._held_keys.append(key)

    def release_keys_once_settled(self, tries: int = 50) -> None:
        """The held keys go once the command has run (Palette.dismiss calls this behind it): no palette on
        top, and the screen it opened (or the one it returned to) has the focus."""
        def check(left: int) -> None:
            if not self.holding_keys:
                return
            screen = self.screen
            if left and (isinstance(screen, CommandPalette) or screen.focused is None):
                self.call_after_refresh(check, left - 1)
                return
            self.board_ready()

        check(tries)

    async def on__take_keys(self, message: _TakeKeys) -> None:
        if message.keys is not None:
            held = message.keys
        else:
            held, self._held_keys = self._held_keys or [], None
        for key in held:  # counted and read (ctrl+j) as they came in; a paste cleaned
            await super().on_event(key)

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = False) -> None:
        """As Textual's, but always plain text, and the same toast while it is still up is not shown again
        below itself. Toasts name cards: a company typed as "[/red]Crash Co" made every toast naming it end
        the board with a MarkupError, the form being typed lost (review S3 1). No toast of ours is markup,
        and a screen's or widget's `notify` passes `markup=True` on to here unless told otherwise."""
        if self._toasts_up.still_up(message, title, severity, self.NOTIFICATION_TIMEOUT if timeout is None
                                    else timeout):
            return
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def clear_notifications(self) -> None:
        self._toasts_up.forget()  # the same words again are shown again: "Copied" after a save took it down
        super().clear_notifications()

    def get_default_screen(self):
        from tui.ui.board.screen import BoardScreen

        start, self.start_views = self.start_views, None
        return BoardScreen(start)

    def on_mount(self) -> None:
        self.writer = StoreWriter(
            self.store,
            on_failed=lambda failure: self.post_message(_WriteFailed(failure)),
            on_reloaded=lambda result: self.post_message(_Reloaded(result)),
            settle=self.write_settle,
            fingerprint=self._fingerprint,
        )
        self.changelog.writer = self.writer
        # what keys open, soon after the first frame (a timer set now could fire before it at 10,000 cards)
        self.call_after_refresh(self.set_timer, PRELOAD_AFTER, lambda: preload(self))
        self.remember_config()
        if self.poll_seconds:
            self.set_interval(self.poll_seconds, self.poll)
        self.set_interval(30, self.tick)
        if self.handle_signals:
            self.install_signal_handlers()
        self.app_resume_signal.subscribe(self, self._redraw_after_resume)
        self._check_size()
        self.set_timer(KEYS_HELD_AT_MOST, self.board_ready)  # should the board never say so, keys still work
        if self.changelog.read_only:
            self.notify(self.changelog.read_only, severity="error", timeout=30)

    @property
    def board_screen(self):
        from tui.ui.board.screen import BoardScreen

        for screen in self.screen_stack:
            if isinstance(screen, BoardScreen):
                return screen
        return None

    # --- the terminal's size -------------------------------------------
    def on_resize(self, event) -> None:
        self._check_size(event.size)  # runs before App updates self.size

    def _check_size(self, size=None) -> None:
        size = size or self.size
        small = too_small(size.width, size.height)
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif not small and showing:
            self._release_small_screen()

    def _release_small_screen(self) -> bool:
        """Close the too-small screen; what was typed meanwhile goes where the user was typing, in order.
        False when it is not showing."""
        small = self.screen
        if not isinstance(small, TooSmallScreen):
            return False
        typed, small.typed = small.typed, []
        self.pop_screen()
        if typed:
            self.post_message(_TakeKeys(typed))
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the window is too small only quitting acts: f1 or ctrl+p would open a screen over the
        'Make the window larger' one and keep it there; those keys are kept with the rest (TooSmallScreen).
        A notice that takes only escape (ConfirmScreen(acknowledge=…)) keeps them shut too: the palette
        would open a card or an action from the letters typed at it."""
        if action not in ("quit", "app.quit") and (isinstance(self.screen, TooSmallScreen)
                                                   or getattr(self.screen, "swallows_keys", False)):
            return False
        return super().check_action(action, parameters)

    def tick(self) -> None:
        board = self.board_screen
        if board is not None:
            board.tick()
            self.due_notifier.check(board)
        for screen in self.screen_stack:  # a card open over the board: its relative times too
            if screen is not board and hasattr(screen, "time_passed"):
                screen.time_passed()

    def poll(self) -> None:
        """Another process's writes to the data file, and a changed config.toml (settings_watch)."""
        self.poll_store()
        self.check_config()

    def on_app_focus(self, event: events.AppFocus) -> None:
        """Back in front (tmux passes this on with focus-events on): deadlines up to date at once."""
        self.check_config()
        self.tick()

    async def wait_for_writes(self, timeout: float = 10.0) -> bool:
        """Every write made so far is in the file (tests and quitting use it)."""
        if self.writer is None:
            return True
        return await asyncio.to_thread(self.writer.drain, timeout)
