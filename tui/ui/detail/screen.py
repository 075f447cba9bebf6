"""Everything about one application: notes, rounds, directions, outcome, history.

The screen never writes to the store: every change goes through the app's
`apply_change` (so `u` on the board undoes it), at once, so that a form's
result is applied before the next key of a burst; the notes panel posts a
`ChangeRequested` as it autosaves, and `flush_pending` (quit, signals) writes
what it still holds: that, and the rescue of notes that cannot be saved, is in
tui/ui/detail/keeping_notes.py, a mixin of DetailScreen.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from tui.core import clock
from tui.core.errors import FollowupError
from tui.core.model import Application
from tui.ui.detail.board_keys import BOARD_ACTIONS, BOARD_KEYS, CardKeysFromBoard
from tui.ui.detail.directions import DirectionsList
from tui.ui.detail.directions import section_title as directions_title
from tui.ui.detail.history import HistoryList
from tui.ui.detail.keeping_notes import KeepingNotes
from tui.ui.detail.notes import NotesEditor, NotesPanel
from tui.ui.detail.rounds import RoundsList
from tui.ui.detail.section_bar import SectionBar
from tui.ui.detail.summary import Summary
from tui.ui.keybar import KeyBar
from tui.ui.messages import ApplicationsChanged, SaveRefused
from tui.ui.palette import ScreenCommands
from tui.ui.settle import settled, taken_down

SECTIONS = {"notes": "1 Notes", "rounds": "2 Rounds", "directions": "3 Directions", "history": "4 History"}
SIDE_TITLE = SECTIONS["history"]  # the history's title beside the sections, when wide
WIDGET_OF = {"notes": "notes-panel", "rounds": "rounds-list", "directions": "directions-list",
             "history": "history-list"}  # the section's widget in the ContentSwitcher
WIDE = 110  # columns from which the history gets its own column
TYPING_HIDES = {"section", "outcome", "details", "write", *BOARD_ACTIONS}  # keys the editor takes as text


class DetailScreen(CardKeysFromBoard, KeepingNotes, Screen):
    CSS_PATH = Path(__file__).with_name("detail.tcss")
    COMMANDS = {ScreenCommands}
    # Keys that open a screen or move the focus are priority bindings whose actions first let the
    # focused widget take the keys typed before them (settle.py), then open the screen awaited and
    # focused: the keys typed right after (a burst over SSH) land there, in order. The notes editor
    # types printable keys as text (Textual leaves them to it), so only escape needs a check there.
    BINDINGS = [
        Binding("escape", "back", "Back", id="detail.back", priority=True),
        # in the editor opened here (not with `e` from the board), escape only leaves it: said so
        Binding("escape", "done", "Done", id="detail.done", priority=True,
                tooltip="Leave the notes editor; what you typed is kept"),
        Binding("1", "section('notes')", "Sections", key_display="1-4", id="detail.notes", priority=True,
                tooltip="1 notes · 2 rounds · 3 directions · 4 history"),
        Binding("2", "section('rounds')", "Rounds", show=False, id="detail.rounds", priority=True),
        Binding("3", "section('directions')", "Directions", show=False,
                id="detail.directions", priority=True),
        Binding("4", "section('history')", "History", show=False, id="detail.history", priority=True),
        # `e` writes in the notes, as on the board, from every section (a list edits its row with `enter`);
        # `enter` on the section bar goes into the section shown
        Binding("e", "write", "Write", id="detail.write", priority=True,
                tooltip="Write in the notes (escape leaves the editor)"),
        Binding("enter", "enter_section", "Open", show=False, id="detail.enter", priority=True,
                tooltip="From the section names, into the section shown (in a list, enter edits its row)"),
        Binding("o", "outcome", "Outcome", id="detail.outcome", priority=True),
        # as on the board; not priority: in the rounds tab, `t` is for the highlighted interviewer
        Binding("t", "letters('thank-you')", "Thank", id="detail.thank",
                tooltip="Draft the thank-you notes of the latest round (rounds tab: the highlighted person's)"),
        Binding("f", "letters('follow-up')", "Follow up", id="detail.follow_up",
                tooltip="Draft the follow-up letter (on a closed card, the reply it needs)"),
        Binding("c", "details", "Card", id="detail.card", priority=True),
        Binding("ctrl+o", "external_editor", "$EDITOR", id="detail.editor",
                tooltip="Edit the notes in your own editor"),
        Binding("q", "app.quit", "Quit", id="detail.quit", tooltip="Save everything and quit"),
        Binding("question_mark", "help", "Help", id="detail.help", priority=True,
                tooltip="The keys of this screen (f1 works while typing)"),
        *BOARD_KEYS,  # r, z, H/L, u/U, a and s, as on the board, for this card (board_keys.py)
    ]
    # the key bar: the way back first, then the tab's own keys (rounds: ⏎ edit the row, n, t, space, p, d:
    # `p` before `d`, as only this tab has it and `d` deletes everywhere; directions: n, space, d), this
    # screen's `e` and 1-4, and the board's card keys in PRODUCT's footer order (t f H/L u r z), as far as
    # they fit (review X #6; the rounds tab's space, p and d came after them all: review R5 6)
    KEY_ORDER = ("detail.back", "detail.done", "rounds.open", "rounds.add", "rounds.thank", "rounds.thanked",
                 "rounds.person",
                 "rounds.remove", "directions.add", "directions.done",
                 "directions.remove", "detail.write", "detail.notes",
                 "detail.thank", "detail.follow_up", "detail.move_right", "detail.undo", "detail.reply",
                 "detail.snooze")

    def __init__(self, app_id: str, section: str = "") -> None:
        super().__init__()
        self.app_id = app_id
        self.section = section if section in SECTIONS else ""
        self._returns_on_escape = section == "notes"  # `e` from the board: escape goes straight back
        self._stored_notes: str | None = None  # the notes as last seen in the data
        self._panes: dict[str, RoundsList | DirectionsList | HistoryList] = {}  # the lists made so far
        self._gone = False  # the card was deleted by another process: said, notes rescued, closing

    # --- data ----------------------------------------------------------------
    @property
    def application(self) -> Application:
        return self.app.changelog.get(self.app_id)

    @property
    def settings(self):
        return self.app.changelog.settings

    @property
    def zone(self):
        return self.settings.zone

    @property
    def rounds_list(self) -> RoundsList:
        return self._pane("rounds")

    @property
    def directions_list(self) -> DirectionsList:
        return self._pane("directions")

    def _pane(self, section: str):
        """The section's widget. The lists are made when first shown (or asked for): each one the screen
        did not need for its first frame made the first `enter` ~8 ms slower."""
        if section == "notes":
            return self.notes
        pane = self._panes.get(section)
        if pane is None:
            pane = self._panes[section] = {
                "rounds": lambda: RoundsList(self.app_id, id=WIDGET_OF["rounds"]),
                "directions": lambda: DirectionsList(self.app_id, id=WIDGET_OF["directions"]),
                "history": lambda: HistoryList(id=WIDGET_OF["history"]),
            }[section]()
            pane.display = False  # until the switcher shows it
            self.query_one("#section-body", ContentSwitcher).mount(pane)
            try:
                application = self.application
            except KeyError:  # deleted by another process: show_application says so and leaves
                self.show_application()
                return pane
            pane.show(application, self.settings, clock.now())
        return pane

    def request_change(self, change, label: str) -> None:
        """Have the app apply `change` now: a form's result is in before the next key of a burst is
        handled (a message would wait behind those keys)."""
        self.app.apply_change(self.app_id, change, label)

    # --- layout --------------------------------------------------------------
    def palette_commands(self):
        from tui.ui.detail.commands import detail_commands

        return detail_commands(self)

    def compose(self):
        app = self.application
        # Wide or not is known now: setting the class after mounting restyled the whole screen
        # (~70 ms of the first `enter`); on_mount then only hides the history tab.
        self.set_class(self.app.size.width >= WIDE, "-wide")
        self.notes = NotesPanel(self.app_id, app.notes, app.company, id="notes-panel", classes="layout-only")
        yield Summary(id="summary")
        first = self.section or "notes"
        self.section_bar = SectionBar(SECTIONS, first, self._step_to, id="sections")
        with Horizontal(id="body", classes="layout-only"):
            with Vertical(id="main", classes="layout-only"):
                yield self.section_bar
                with ContentSwitcher(initial=WIDGET_OF["notes"], id="section-body", classes="layout-only"):
                    yield self.notes  # the lists are added when first shown (_pane)
            with Vertical(id="side"):  # wide terminals: the history stays in view beside the tabs
                yield Static(SIDE_TITLE, classes="side-title")
                yield HistoryList(id="history-side")
        yield KeyBar()

    def on_mount(self) -> None:
        if taken_down(self):
            return
        self._set_wide(self.app.size.width >= WIDE, force=True)
        self.show_application()
        if self.section:
            self._go(self.section)
        else:
            self.set_focus(self.section_bar)

    def time_passed(self) -> None:
        """The app's half-minute tick: "in 5 h" stays honest. (A timer of the screen's own, cancelled when
        it closed, kept the whole screen alive for a minute in the event loop: 4 MB an open of a card
        with long notes; review S7 2.)"""
        self.show_application()

    def settings_changed(self) -> None:
        """config.toml changed while this card is open: its deadlines in the new hours, zone and waits."""
        self.show_application()

    def show_application(self) -> None:
        try:
            app = self.application
        except KeyError:
            self.leave_if_gone()
            return
        now = clock.now()
        self.sub_title = f"{app.company} — {app.role}"
        self.company = app.company  # names the card if another process deletes it (leave_if_gone)
        self.query_one(Summary).show(app, self.settings, now)
        for pane in self._panes.values():
            pane.show(app, self.settings, now)
        self.query_one("#history-side", HistoryList).show(app, self.settings, now)
        self.notes.label = app.company
        self.notes.sync_from_store(app.notes)
        self._stored_notes = app.notes
        self.section_bar.set_label("rounds", f"2 Rounds ({len(app.rounds)})")
        self.section_bar.set_label("directions", directions_title(app))

    def on_save_refused(self, message: SaveRefused) -> None:
        if self.app_id in message.app_ids:
            self.notes.refused(message.error)

    def on_notes_panel_card_gone(self, message: NotesPanel.CardGone) -> None:
        self.leave_if_gone()  # rescues the typed notes, closes, and says so

    def on_applications_changed(self, message: ApplicationsChanged) -> None:
        if message.app_ids is None or self.app_id in message.app_ids:
            self.show_application()

    # --- keys --------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if taken_down(self):  # keys handed on at a quit after it took the widgets away (fuzz fz7)
            return False
        if action in TYPING_HIDES and isinstance(self.focused, NotesEditor):
            return False  # the editor takes these keys as text; don't advertise them
        if action in ("back", "done"):  # one of the two escapes, so that the bar says what it does
            done = isinstance(self.focused, NotesEditor) and not self._returns_on_escape
            return done is (action == "done")
        if action == "enter_section":
            return self.focused is self.section_bar
        if action == "external_editor" and self.is_mounted:
            return self.section_bar.active == "notes"  # shown where it applies
        return True

    def on_resize(self, event: events.Resize) -> None:
        self._set_wide(event.size.width >= WIDE)

    def _set_wide(self, wide: bool, *, force: bool = False) -> None:
        """Wide: the history moves out of its tab into a column of its own."""
        if wide == self.has_class("-wide") and not force:
            return
        reading_history = isinstance(self.focused, HistoryList)
        self.set_class(wide, "-wide")
        if wide and self.section_bar.active == "history":
            self._switch("notes")
        self.section_bar.set_hidden("history", wide)
        if reading_history:
            self._go("history")  # keep the reader in the history, wherever it now is

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._mark_where_the_keys_act()
        self.refresh_bindings()

    def _mark_where_the_keys_act(self) -> None:
        """Wide, `4` goes into the history beside the sections: its title is marked as a chosen section is,
        and the sections' underline goes, so the key bar's keys are seen to be the history's (the underline
        stayed on the tab shown, whose keys were gone: review R5 6). The tab stays shown: `2`/`3` go back."""
        beside = self.focused is not None and self.focused.id == "history-side"
        if beside == self.section_bar.elsewhere:  # asked on every focus change: the title is as it should be
            return
        self.section_bar.set_elsewhere(beside)
        self.query_one(".side-title", Static).update(
            Content.assemble((SIDE_TITLE, "bold $text-accent"), "\n", ("━" * len(SIDE_TITLE), "$accent"))
            if beside else SIDE_TITLE)

    def on_notes_editor_left(self, message: NotesEditor.Left) -> None:
        self._leave_editor()

    def _leave_editor(self) -> None:
        if self._returns_on_escape:
            self._leave()
        else:
            self.notes.request_save()
            self.set_focus(self.section_bar)

    def _leave(self) -> None:
        """Back to the board with the notes applied now, not queued behind the keys typed after escape:
        an `enter` in the same burst opens the card again with what was just typed."""
        self.flush_pending()
        self.dismiss()

    def _escape_leaves_the_editor_only(self) -> None:
        """Moving around the card: escape in the notes editor no longer goes back to the board (as when it
        was opened with `e` there); the key bar says so ("esc Done")."""
        self._returns_on_escape = False
        self.refresh_bindings()

    async def action_done(self) -> None:
        await self.action_back()

    async def action_back(self) -> None:
        """escape: out of the notes editor (keeping its text), or back to the board."""
        await settled(self.focused)
        if isinstance(self.focused, NotesEditor):
            self._leave_editor()
            return
        self._leave()

    async def action_help(self) -> None:
        await settled(self.focused)
        await self.app.action_help()

    async def action_letters(self, kind: str) -> None:
        await settled(self.focused)
        await self.app.open_letters(self.app_id, kind)

    async def action_write(self) -> None:
        await settled(self.focused)
        self.show_section("notes")

    async def action_enter_section(self) -> None:
        await settled(self.focused)
        self.show_section(self.section_bar.active)

    async def action_section(self, section: str) -> None:
        """1-4: show the section. The notes' widget is the editor, which would type the digits of a fast
        `1 2 3` into the notes, so `1` leaves the focus on the section names, as on first opening (`e` and
        `enter` go in); the lists take no text, so 2-4 go into theirs (`2 n` adds a round)."""
        await settled(self.focused)
        if section == "notes":
            self._escape_leaves_the_editor_only()
            self._switch(section)
            self.set_focus(self.section_bar)
            return
        self.show_section(section)

    def show_section(self, section: str) -> None:
        self._escape_leaves_the_editor_only()  # moving around here: escape now leaves the editor only
        self._go(section)

    def _go(self, section: str) -> None:
        if section == "history" and self.has_class("-wide"):
            self.set_focus(self.query_one("#history-side", HistoryList))
            return
        self._switch(section)
        target = self.notes.editor if section == "notes" else self._pane(section)
        if section == "notes":
            self.notes.editor.move_cursor(self.notes.editor.document.end)
        self.set_focus(target)  # now, not later: keys typed right after `e` are already queued

    def _step_to(self, section: str) -> None:
        """←/→ on the section bar: the focus stays on the bar, as it does with tabs."""
        self._escape_leaves_the_editor_only()
        self._switch(section)

    def _switch(self, section: str) -> None:
        """Show `section`'s widget (the focus stays where it is: on the bar for ←/→)."""
        if section != "notes":
            self.notes.request_save()
        self.section_bar.show_active(section)
        self._pane(section)
        self.query_one("#section-body", ContentSwitcher).current = WIDGET_OF[section]
        self.refresh_bindings()

    async def action_outcome(self) -> None:
        await settled(self.focused)
        await self.app.record_outcome(self.app_id)

    async def action_details(self) -> None:
        await settled(self.focused)
        from tui.core import actions
        from tui.ui.detail.forms import DetailsForm

        app = self.application

        def edited(values) -> None:
            if values:  # only what was changed in the form (a card re-read meanwhile keeps the rest)
                self.request_change(lambda a: actions.edit(a, now=clock.now(), **values), f"Edit {app.company}")

        await self.app.push_screen(DetailsForm(app, clock.now(), self.zone,
                                               current=lambda: self.app.changelog.apps.get(self.app_id)), edited)

    def action_external_editor(self) -> None:
        from tui.ui.detail.external_editor import edit_text

        self.notes.request_save()
        try:
            text = edit_text(self.app, self.notes.text, name=self.application.short_id)
        except FollowupError as exc:
            self.notify(str(exc), severity="error")
            return
        if text != self.notes.text:
            self.notes.replace_text(text)
        self.show_section("notes")
