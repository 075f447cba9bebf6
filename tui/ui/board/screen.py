"""The board screen: title line, five columns, deadline sidebar, filter bar, footer.

It hands changes to the app, which owns the data (app.apply_change,
add_application, delete_application: at once, so that a form's result is in
before the next key of a burst is handled), and opens screens through the app's
open_application / open_letters; the app calls
`show_changes` / `show_all` back after every change, ours or another process's.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static

from tui.core import clock
from tui.core.deadlines import aged_between
from tui.core.stages import Stage
from tui.core.text import counted
from tui.core.timeutil import to_utc
from tui.ui.board.asking import BoardQuestions
from tui.ui.board.board import Board
from tui.ui.board.filtering import Filtering
from tui.ui.board.focus_line import FocusLine
from tui.ui.board.panes import Panes
from tui.ui.board.timeframe import TimeFrame
from tui.ui.board.views import StartViews, board_views
from tui.ui.keybar import KeyBar
from tui.ui.screens.filter_bar import FilterBar
from tui.ui.sidebar.sidebar import DeadlineSidebar

EMPTY_TEXT = (
    "No applications yet.\n\n"
    "Press n to add your first one: the company, the role, when the interview was and who you met. "
    "From then on the board shows what is due: thank-you notes, the recruiter's instructions, follow-ups.\n\n"
    "? lists every key; q quits."
)


def _screen_commands():
    from tui.ui.palette import ScreenCommands  # the palette's module loads when first opened

    return ScreenCommands


def _jump_commands():
    from tui.ui.palette import JumpCommands

    return JumpCommands


def _move_change(stage: Stage):
    from tui.core import actions  # the first change loads the actions, not the first frame

    return lambda app: actions.move(app, stage, now=clock.now())


class BoardScreen(BoardQuestions, Filtering, Panes, FocusLine, Screen):
    COMMANDS = {_screen_commands, _jump_commands}
    # The key bar's order (PRODUCT.md); help and the palette always come last. Enter is first wherever the
    # focus is: on a card it opens it, on a sidebar row it goes to the row's card (unlisted, it came last
    # and was the first key dropped: review V 16).
    KEY_ORDER = ("board.open", "sidebar.choose", "board.new", "board.thank", "board.follow_up", "board.move_right",
                 "board.filter", "board.undo", "board.reply", "board.snooze", "board.notes",
                 "board.sidebar", "board.stats", "board.delete")

    BINDINGS = [
        Binding("n", "new", "New", id="board.new", priority=True, tooltip="Add an application after an interview"),
        Binding("enter", "open", "Open", id="board.open", priority=True, tooltip="Open the focused card"),
        Binding("L,shift+right", "move_card(1)", "Move", key_display="H/L", id="board.move_right", priority=True,
                tooltip="Move the focused card one stage right (it keeps the focus)"),
        Binding("H,shift+left", "move_card(-1)", "Move left", show=False, id="board.move_left", priority=True,
                tooltip="Move the focused card one stage left (it keeps the focus)"),
        Binding("e", "open_notes", "Notes", id="board.notes", priority=True,
                tooltip="Open the focused card straight into its notes"),
        Binding("slash", "filter", "Filter", id="board.filter", priority=True,
                tooltip="Filter cards as you type: company, role, interviewer or notes"),
        Binding("u", "undo", "Undo", id="board.undo", priority=True, tooltip="Undo the last change (many steps deep)"),
        Binding("U", "redo", "Redo", show=False, id="board.redo", priority=True,
                tooltip="Make again what u undid (until the next change)"),
        Binding("d", "delete", "Delete", id="board.delete", priority=True,
                tooltip="Delete the focused card (asks first)"),
        Binding("t", "letters('thank-you')", "Thank", id="board.thank", priority=True,
                tooltip="Thank-you letters for the focused card's interviewers"),
        Binding("f", "letters('follow-up')", "Follow up", id="board.follow_up", priority=True,
                tooltip="A follow-up letter for the focused card (on a closed card: the reply it needs)"),
        Binding("space", "thanked", "Thanked", show=False, id="board.thanked", priority=True,
                tooltip="Mark the card's one thank-you note sent without a letter"),
        Binding("r", "reply", "Replied", id="board.reply", priority=True,
                tooltip="They replied: when, how, a note (restarts the follow-up wait; the card goes to Awaiting)"),
        Binding("z", "snooze", "Snooze", id="board.snooze", priority=True,
                tooltip="Put a deadline off until later: the card's next one, or the sidebar row's"),
        Binding("a", "stats", "Stats", id="board.stats", priority=True,
                tooltip="How the search is going: answers, silence, thank-you notes, funnel, weeks"),
        Binding("s", "toggle_sidebar", "Sidebar", id="board.sidebar", priority=True,
                tooltip="Show or hide the deadline sidebar"),
        Binding("tab", "switch_pane", "Board/sidebar", show=False, id="board.switch", priority=True,
                tooltip="Move the focus between the board and the deadline sidebar"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="board.clear_filter", priority=True,
                tooltip="Clear the filter"),
        Binding("question_mark", "help", "Help", id="board.help", priority=True, tooltip="Every key on one screen"),
        Binding("q", "quit", "Quit", show=False, id="board.quit", tooltip="Save anything pending and quit"),
    ]

    DEFAULT_CSS = """
    BoardScreen {
        & > #title { height: 1; padding: 0 1; background: $panel; color: $text; text-wrap: nowrap;
                     text-overflow: ellipsis; }
        & > #empty {
            height: auto;
            margin: 1 2;
            padding: 1 2;
            border: round $accent;
            color: $text;
        }
        & > #main { height: 1fr; }
        & > #focus-line { height: 1; padding: 0 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; }
    }
    """

    def __init__(self, start: StartViews | None = None) -> None:
        super().__init__()
        self.start = start  # the first cards, made before the app ran (see tui/ui/launch.py)
        self.frame = start.frame if start is not None else TimeFrame(clock.now(), self.zone)
        self.focus_line = Static(id="focus-line", markup=False)
        self.board = Board(self.frame, self._search_text, self.show_focused, id="board", classes="layout-only")
        self.sidebar = DeadlineSidebar(self.frame, self.jump_to, self.show_focused, id="sidebar")
        self.filter_bar = FilterBar(self._filter_closed, self.focus_line, id="filter")
        self.title_bar = Static(id="title", markup=False)
        self.empty_note = Static(EMPTY_TEXT, id="empty", markup=False)
        self.empty_note.display = False
        self._wide: bool | None = None  # whether the window last had room for the sidebar

    @property
    def zone(self):
        return self.app.settings.zone

    def compose(self) -> ComposeResult:
        yield self.title_bar
        yield self.empty_note
        with Horizontal(id="main", classes="layout-only"):
            yield self.board
            yield self.sidebar
        yield self.focus_line
        yield KeyBar()  # the filter bar goes in the focus line's place when first opened

    def on_mount(self) -> None:
        self._fit_sidebar()
        self.board.width_hint = self.columns_width()
        if self.start is not None:
            self._show(self.start.cards, self.start.entries)
            self.start = None
        else:
            self.show_all()
        self.set_focus(self.board.keys)
        self.board.focus_first_card()
        self.call_later(self._caught_up)

    def _caught_up(self) -> None:
        """Rounds held while the board was closed move their cards now; the start focus is then chosen
        again on the board as it now stands (PRODUCT: the first card of the first non-empty column), and
        only then are the keys typed ahead handed on, so they act on the board the user sees."""
        if self.catch_up_rounds():
            self.board.focus_first_card()
        self.app.board_ready()  # keys typed ahead of this moment are handled now, in order

    # --- showing the data ----------------------------------------------
    def _views(self, app_ids):
        return board_views(self.app.changelog.apps, app_ids, self.app.settings, self.frame)

    def show_all(self) -> None:
        """Rebuild every card (start-up, or after the file was re-read)."""
        self._show(*self._views(list(self.app.changelog.apps)))

    def _show(self, cards, entries) -> None:
        self.board.load(cards.values())
        self.sidebar.load_entries(entries)
        self._update_title()

    def show_changes(self, app_ids) -> None:
        """Only these applications changed: update their cards and deadlines."""
        cards, entries = self._views(app_ids)
        self.board.update_cards(cards)
        self.sidebar.update_apps(entries)
        self._update_title()

    def catch_up_rounds(self) -> bool:
        """Cards whose upcoming round has now taken place move to *interviewed*, recorded at the round's
        time (actions.catch_up); True if any did. Only those cards are written, so a start with nothing to
        catch up writes nothing; an undo of it sticks (the history then says the round was seen)."""
        if self.app.changelog.read_only:
            return False
        now = to_utc(clock.now())  # a standard UTC time: asked of every card, every half minute
        due = [(a, rnd) for a in self.app.changelog.apps.values() if (rnd := a.pending_round(now)) is not None]
        if not due:
            return False
        from tui.core import actions

        use_thank_you = self.app.settings.use_thank_you
        for application, rnd in due:
            self.app.apply_change(
                application.id, lambda a: actions.catch_up(a, clock.now(), use_thank_you=use_thank_you),
                f"{application.company}: round “{rnd.name}” took place",
            )
        return True

    def tick(self) -> None:
        """A new minute: relative times and overdue / today groups move on, and the cards whose deadlines
        time alone changed (a round took place, a quiet period ended) are worked out again: with the new
        frame, so that a round just held is no longer an interview, overdue."""
        before = self.frame.now
        self.frame = TimeFrame(clock.now(), self.zone)
        self.catch_up_rounds()
        apps = self.app.changelog.apps
        aged = [app_id for app_id, app in apps.items() if aged_between(app, before, self.frame.now)]
        if aged:
            self.show_changes(aged)
        self.board.set_frame(self.frame)
        self.sidebar.set_frame(self.frame)
        self._update_title()

    def settings_changed(self) -> None:
        """New settings (config.toml changed): the day's bounds in the new zone, every card and deadline
        worked out again with the new rules."""
        self.frame = TimeFrame(clock.now(), self.zone)
        self.board.set_frame(self.frame)
        self.sidebar.frame = self.frame  # show_all rebuilds it with its new entries
        self.show_all()

    def _shown(self, app_id: str) -> bool:
        card = self.board.cards.get(app_id)
        return card is not None and self.board.shows(card)

    def _update_title(self) -> None:
        total = len(self.board.cards)
        parts = [f"Followup — {counted(total, 'application')}"]
        counts = self.sidebar.counts
        parts.append(f"{counts.get('overdue', 0)} overdue")
        parts.append(f"{counts.get('today', 0)} due today")
        if self.board.needle:
            parts.append(f"filter “{self.board.needle_typed}”: {self.board.shown_count} shown (escape clears)")
        if getattr(self.app, "demo", False):
            parts.append("demo data")
        damaged = getattr(self.app, "damaged", None)
        if damaged:
            parts.append(f"READ-ONLY: {counted(len(damaged), 'damaged record')} left out")
        elif getattr(self.app, "unwritable", ""):
            parts.append("READ-ONLY: the data file cannot be written (see the message)")
        self.title_bar.update("  ·  ".join(parts), layout=False)  # one line, always: no layout of the board
        if self.empty_note.display != (total == 0):
            self.empty_note.display = total == 0

    # --- which card ----------------------------------------------------
    def current_app_id(self) -> str | None:
        if self.focused is self.sidebar and self.sidebar.current is not None:
            return self.sidebar.current.app_id
        return self.board.current_id

    def _current_app(self):
        app_id = self.current_app_id()
        application = self.app.changelog.apps.get(app_id) if app_id else None
        if application is None:
            if self.board.needle and self.app.changelog.apps:
                self.notify(f"No card matches the filter “{self.board.needle_typed}”: escape clears it.",
                            severity="warning")
            else:
                self.notify("No card is focused: press n to add an application.", severity="warning")
        return application

    def jump_to(self, app_id: str) -> None:
        card = self.board.cards.get(app_id)
        if card is None:
            self.notify("That application is no longer on the board.", severity="warning")
            return
        if not self.board.shows(card):
            self.action_clear_filter()
        self.board.focus_card(app_id)
        self.set_focus(self.board.keys)

    # --- actions -------------------------------------------------------
    async def action_move_card(self, step: int) -> None:
        application = self._current_app()
        if application is not None:
            await self.move_card(application.id, step)

    async def move_card(self, app_id: str, step: int) -> None:
        """One stage left or right: H/L on the board, and in the card's detail screen."""
        application = self.app.changelog.apps.get(app_id)
        if application is not None:
            target = application.stage.neighbour(step)
            if target is application.stage:
                edge = "last" if step > 0 else "first"
                self.notify(f"{application.company} is already in {target.label}, the {edge} stage.")
                return
            await self.move_to_stage(application.id, target)

    async def move_to_stage(self, app_id: str, stage: Stage) -> None:
        """Move a card; into *closed* by any path (keys, palette, mouse) it asks how it ended first."""
        application = self.app.changelog.apps.get(app_id)
        if application is None:
            return
        if application.stage is stage:
            self.notify(f"{application.company} is already in {stage.label}.")
            return
        if stage is Stage.CLOSED:
            await self.record_outcome(app_id)
            return
        # applied now, not by a message queued behind the keys typed after H/L (see IN_THE_FILTER)
        self.app.apply_change(app_id, _move_change(stage), f"Move {application.company} to {stage.label}")

    def choose_stage(self) -> None:
        from tui.ui.palette import stage_commands

        application = self._current_app()
        if application is not None:
            self.app.search_commands(
                stage_commands(self, application),
                placeholder=f"Move {application.company} to…",
            )

    def choose_application(self) -> None:
        from tui.ui.palette import open_jump_palette

        open_jump_palette(self.app)

    # Every key of the board is a priority binding (here, on the Board's cursor and on the sidebar):
    # the app runs each as it arrives, in the order typed, so a burst over SSH ends where slow typing
    # does. Keys that open a screen await it: the app takes the next key only once it is up and
    # focused, so the keys typed right after land in it. Changes a key makes are applied at once
    # (app.apply_change), not posted behind the keys typed after it. While the filter bar has the
    # focus only tab is the board's: the rest is typed into the filter (the bar's own enter/escape).
    IN_THE_FILTER = {"switch_pane"}

    def palette_commands(self):
        from tui.ui.palette import board_commands

        return board_commands(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.focused is self.filter_bar and action not in self.IN_THE_FILTER:
            return False  # typed into the filter, not taken as a command
        if action == "open" and self.focused is self.sidebar:
            return False  # enter on a deadline jumps to its card (the sidebar's own binding)
        return True

    async def action_open(self) -> None:
        application = self._current_app()
        if application is not None:
            await self.app.open_application(application.id)

    async def edit_card(self) -> None:
        """The palette's "Edit card…": the card's form (`c` in its detail screen), over that screen, so
        what is saved shows there and escape goes back through it."""
        application = self._current_app()
        if application is None:
            return
        await self.app.open_application(application.id)
        details = getattr(self.app.screen, "action_details", None)
        if getattr(self.app.screen, "app_id", None) == application.id and details is not None:
            await details()

    async def action_open_notes(self) -> None:
        application = self._current_app()
        if application is not None:
            await self.app.open_application(application.id, "notes")

    def action_undo(self) -> None:
        self.app.undo()

    def action_redo(self) -> None:
        self.app.redo()

    async def action_letters(self, kind: str) -> None:
        application = self._current_app()
        if application is not None:
            await self.app.open_letters(application.id, kind)

    async def action_stats(self) -> None:
        from tui.ui.screens.stats import StatsScreen

        await self.app.push_screen(StatsScreen())

    async def action_help(self) -> None:
        await self.app.show_help()

    async def action_quit(self) -> None:
        await self.app.action_quit()
