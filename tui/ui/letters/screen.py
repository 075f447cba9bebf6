"""The letter screen: a letter drafted from the card, edited, then copied, saved or marked sent.

The text is exactly what `followup letter` prints for the same card. The screen
never writes to the store: marking sent posts a ChangeRequested and waits for
the app's ApplicationsChanged to show the result (and move on to the next
note, or back to the board when none is left).

Edits are kept in memory per interviewer while the screen is open, so going
to the next note and back keeps them; leaving drops them, because a letter is
a draft made afresh from the card, never a record. So `flush_pending` has
nothing to save. Copying, saving and $EDITOR are in tui/ui/letters/outside.py,
marking sent in tui/ui/letters/sending.py: mixins of LetterScreen.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, Label, Static, TextArea

from tui.core import clock
from tui.core.errors import FollowupError
from tui.core.letters import Letter
from tui.core.stages import LetterKind
from tui.store import default_config_dir
from tui.ui.card_gone import card_is_gone, close_card_screens
from tui.ui.keybar import KeyBar
from tui.ui.letters.body import LetterBody
from tui.ui.letters.dialogs import RecipientForm
from tui.ui.letters.drafts import LetterDrafts, refusal
from tui.ui.letters.facts import (
    TO_LINE_FRAME,
    status_line,
    things_to_know,
    title_line,
    to_line,
)
from tui.ui.letters.facts_area import FactsArea
from tui.ui.letters.outside import HELP, TextOutside
from tui.ui.letters.rescued import keep_dropped, unsaved
from tui.ui.letters.sending import MarkingSent
from tui.ui.messages import ApplicationsChanged
from tui.ui.palette import ScreenCommands
from tui.ui.rescue import Unsaved
from tui.ui.say import say
from tui.ui.screens.confirm import ConfirmScreen
from tui.ui.screens.form_controls import FieldInput
from tui.ui.settle import settled, taken_down


def templates_dir() -> Path:
    return default_config_dir() / "templates"


class LetterScreen(MarkingSent, TextOutside, Screen):
    CSS_PATH = "letters.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]  # letters.tcss gives a short one's letter room
    COMMANDS = {ScreenCommands}
    # The key bar's order (keybar.py drops keys from the end when the line is short): Back first, as on the
    # detail screen, so 80 columns never lose the way out; then what sends the letter and what changes
    # which letter it is or whom it goes to (^l is the only way to answer the person who actually wrote,
    # when the letter chose another: review R5 6); the rest (help and the palette list them all) where
    # room is left.
    KEY_ORDER = ("letters.back", "letters.copy", "letters.save", "letters.sent", "letters.variant", "letters.next",
                 "letters.recipient", "letters.sent_at", "letters.previous", "letters.editor")
    # The keys that act on the letter are priority bindings whose actions first let the focused field
    # take the keys typed before them (settle.py), then act, and await any screen they open: in a burst
    # the letter they act on holds what was typed before them, and the keys typed after them land in
    # the question they ask, or in the letter they moved to.
    BINDINGS = [
        Binding("ctrl+t", "copy", "Copy", id="letters.copy", priority=True,
                tooltip="Copy 'Subject: …' and the letter to the clipboard (OSC 52)"),
        Binding("ctrl+s", "save", "Save", id="letters.save", tooltip="Save the letter to a file", priority=True),
        Binding("ctrl+o", "edit_external", "Editor", id="letters.editor",
                tooltip="Edit the letter in $EDITOR, then come back to it here"),
        Binding("ctrl+r", "mark_sent", "Sent", id="letters.sent", priority=True,
                tooltip="Record the letter as sent now: history, deadlines and stage follow"),
        Binding("ctrl+b", "mark_sent_at", "Sent at…", id="letters.sent_at", priority=True,
                tooltip="Record the letter as sent earlier: asks when it went out"),
        Binding("ctrl+n", "step(1)", "Next", id="letters.next", priority=True, tooltip="The next interviewer's note"),
        Binding("ctrl+g", "step(-1)", "Prev", id="letters.previous", priority=True,
                tooltip="The previous interviewer's note"),
        Binding("ctrl+f", "variant", "Other answer", id="letters.variant", priority=True,
                tooltip="Accept the offer, ask for a few days to decide, or decline it"),
        Binding("ctrl+l", "choose_recipient", "Write to…", id="letters.recipient", priority=True,
                tooltip="Write this letter to someone else on the card (the follow-up and the replies)"),
        # f1, not `?`: the focus is always in the letter, where `?` is typed; the app's own f1 acts, this
        # one puts it in the key bar (pinned there, keybar.py), which showed no help key at all
        Binding("f1", "app.help", "Help", id="letters.help", priority=True,
                tooltip="The keys of this screen (? is typed in the letter)"),
        Binding("escape", "leave", "Back", id="letters.back", priority=True,
                tooltip="Back to the board (asks first if you edited a letter)"),
    ]

    def __init__(self, app_id: str, kind: LetterKind | str, interviewer_ids: list[str] | None = None) -> None:
        super().__init__()
        self.app_id = app_id
        self.kind = LetterKind.parse(kind)
        self.interviewer_ids = list(interviewer_ids) if interviewer_ids else None
        self.drafts: LetterDrafts | None = None
        self._copied: dict = {}  # letter key -> the text last copied for it
        self._awaiting: tuple | None = None  # (key, letters of this kind on the card, stage) after mark-sent
        why_not = self._refusal()
        if why_not:  # the board catches it and says why, so a letter that does not fit never opens
            raise FollowupError(why_not)

    def _refusal(self) -> str | None:
        """Why this letter does not fit the card now, when the card can be seen (None: it fits)."""
        try:
            log = self.app.changelog
        except Exception:  # built outside a running app: on_mount drafts and reports instead
            return None
        application = log.apps.get(self.app_id)
        if application is None:
            return None
        return refusal(application, self.kind, clock.now(), log.settings, self.interviewer_ids)

    def palette_commands(self):
        from tui.ui.letters.commands import letter_commands

        return letter_commands(self)

    def compose(self) -> ComposeResult:
        yield Static("", id="letter-title", markup=False)
        with Horizontal(classes="letter-row layout-only"):
            yield Label("To", classes="row-label")
            yield Static("", id="letter-to", markup=False)
        with Horizontal(classes="letter-row layout-only"):
            yield Label("Subject", classes="row-label")
            yield FieldInput(id="letter-subject", compact=True)
        yield LetterBody(id="letter-body")
        with Horizontal(id="letter-status-row", classes="layout-only"):
            yield Static("", id="letter-status", markup=False)
            yield Static("", id="letter-more", markup=False)
        yield FactsArea(id="letter-facts")
        yield Static(HELP, id="letter-help", markup=False)
        yield KeyBar()

    # --- opening -----------------------------------------------------------
    def on_mount(self) -> None:
        if taken_down(self):
            return
        log = self.app.changelog
        application = log.apps.get(self.app_id)
        try:
            if application is None:
                raise FollowupError("that application is no longer on the board")
            self.drafts = LetterDrafts(application, self.kind, log.settings, clock.now(),
                                       templates_dir(), self.interviewer_ids)
        except FollowupError as exc:
            self.notify(f"No letter: {exc}", severity="error", timeout=8)
            self.call_later(self._close)
            return
        self._show()
        self.refresh_bindings()
        self.query_one(LetterBody).focus()
        facts = self.query_one(FactsArea)
        self.watch(facts, "below", self._show_more)
        self.watch(facts, "has_focus", self._show_more)
        quiet = self.letter.warnings  # a quiet period (letters.draft): a follow-up asks first, others just say it
        if quiet and self.drafts.kind is LetterKind.FOLLOW_UP:
            self.app.push_screen(
                ConfirmScreen(" ".join(quiet), ["Draft the follow-up anyway? Marking it sent will ask again."],
                              yes="draft it anyway"),
                self._after_quiet_answer,
            )

    def _close(self) -> None:
        self.dismiss()  # not awaited: a screen may not wait on its own dismissal

    def _after_quiet_answer(self, go_on: bool | None) -> None:
        if not go_on:
            self.notify("No follow-up drafted: it can wait until the date they gave.")
            self.dismiss()

    def flush_pending(self) -> None:
        """Nothing to save: letters are drafts made from the card, never stored (see the module doc)."""

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if taken_down(self):  # keys handed on at a quit after it took the widgets away (fuzz fz7)
            return False
        if self.drafts is None:
            return action == "leave"
        if action == "step":
            return self.drafts.count > 1
        if action == "variant":
            return bool(self.drafts.variants)
        if action == "choose_recipient":
            return self.kind is not LetterKind.THANK_YOU and len(self.drafts.people()) > 1
        return True

    # --- showing -----------------------------------------------------------
    @property
    def letter(self) -> Letter:
        return self.drafts.current

    def _show(self) -> None:
        """Put the current letter in the widgets (without counting that as an edit)."""
        letter = self.letter
        subject, body = self.query_one("#letter-subject", Input), self.query_one(LetterBody)
        if (subject.value, body.text) != (letter.subject, letter.body):
            with self.prevent(Input.Changed, TextArea.Changed):
                subject.value = letter.subject
                body.load_text(letter.body)
        self._show_facts()

    def _show_facts(self) -> None:
        drafts, letter = self.drafts, self.letter
        say(self.query_one("#letter-title", Static), title_line(drafts, self.kind))
        say(self.query_one("#letter-to", Static), to_line(letter, self.size.width - TO_LINE_FRAME))
        copied = self._copied.get(drafts.key) == letter.text
        say(self.query_one("#letter-status", Static), status_line(drafts, self.kind, letter, copied))
        self.query_one(FactsArea).show(things_to_know(drafts, letter), letter.left_out)

    def _show_more(self) -> None:
        """Beside the status: how to read the facts out of sight under the letter (facts_area.py)."""
        say(self.query_one("#letter-more", Static), self.query_one(FactsArea).hint())

    def on_resize(self) -> None:
        if self.drafts is not None:
            self._show_facts()

    # --- editing -----------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "letter-subject":
            self._take_edits()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if isinstance(event.text_area, LetterBody):
            self._take_edits()

    def _take_edits(self) -> None:
        if self.drafts is None:
            return
        subject = self.query_one("#letter-subject", Input).value
        self.drafts.revise(subject, self.query_one(LetterBody).text)
        self._show_facts()

    async def _take_typed_edits(self) -> None:
        """Every key typed before the one being handled is in the letter (settle.py), and the drafts have it."""
        await settled(self.focused)
        self._take_edits()

    async def action_step(self, delta: int) -> None:
        await self._take_typed_edits()
        self.drafts.step(delta)
        self._show()

    async def action_variant(self) -> None:
        await self._take_typed_edits()
        self.drafts.next_variant()
        self._show()

    async def action_choose_recipient(self) -> None:
        """Write to…: someone else on the card than the one the letter chose (recipients.recipient), as
        `followup letter … --interviewer NAME` does."""
        await self._take_typed_edits()
        current = self.drafts.targets[self.drafts.index] or ""
        await self.app.push_screen(RecipientForm(self.drafts.people(), current), self._write_to)

    def _write_to(self, chosen: str | None) -> None:
        if chosen is None:  # left with escape
            return
        try:
            self.drafts.write_to(chosen or None)
        except FollowupError as exc:
            self.notify(str(exc), severity="error")
            return
        self._show()

    def unsaved_texts(self) -> list[Unsaved]:
        """Edited letters not sent: kept in a rescue file if the board closes now."""
        if self.drafts is None:
            return []
        try:
            self._take_edits()
        except FollowupError:  # its person is gone from the card: the edits taken as typed are kept
            pass
        company = self.drafts.application.company
        return [unsaved(letter, self.app_id, company) for letter in self.drafts.edited_letters()]

    async def action_leave(self) -> None:
        """Back to the board; edited letters are dropped only when the user says so."""
        await settled(self.focused)
        edited = self.unsaved_texts()
        if not edited:
            self.dismiss()
            return

        def answered(drop: bool | None) -> None:
            if drop:
                self.dismiss()

        count = f"{len(edited)} edited letters" if len(edited) > 1 else "your edits to this letter"
        await self.app.push_screen(
            ConfirmScreen(f"Leave and drop {count}?", "Copy or save them first to keep them (ctrl+t, ctrl+s).",
                          yes="Drop them", no="Stay"), answered)

    def leave_if_gone(self) -> None:
        """Another process deleted the card: the edited letters go to a rescue file and a notice that takes
        only escape replaces this screen at once (card_gone.py), opened from the board or from the card's
        screen alike: closed by message, the keys typed next acted on the board (`d` `y` deleted another
        card)."""
        if card_is_gone(self, self.app_id):
            company = self.drafts.application.company if self.drafts is not None else ""
            close_card_screens(self, self.app_id, company)

    def on_applications_changed(self, message: ApplicationsChanged) -> None:
        if self.drafts is None or (message.app_ids is not None and self.app_id not in message.app_ids):
            return
        company = self.drafts.application.company
        application = self.app.changelog.apps.get(self.app_id)
        try:
            if application is None:
                raise FollowupError(f"{company} is no longer on the board")
            self._take_edits()  # what is in the text now, drafted for the card as it was
            shown = self.drafts.key[0]
            dropped = self.drafts.refresh(application, clock.now())
        except FollowupError as exc:  # changed elsewhere so that this letter has nobody left to go to
            if self in self.app.screen_stack:  # closed as a deleted card's screens are: keys typed on
                # were reaching the board, and the edited letters were dropped (review T, left undone)
                close_card_screens(self, self.app_id, company, why=f"the letter could not stay open: {exc}",
                                   said=f"{company} was changed by another Followup process: {exc}.")
            return
        if dropped:
            self._say_dropped(dropped, shown not in self.drafts.targets)
        awaiting, self._awaiting = self._awaiting, None
        if awaiting is not None and self.drafts.contacts_sent() > awaiting[1]:
            self._after_sent(awaiting[0][0], awaiting[2], awaiting[3])
            return
        self._awaiting = awaiting
        self._show()

    def _say_dropped(self, dropped: list[Letter], shown: bool) -> None:
        """Another process took the person of edited letters off the card: the words to a rescue file, and
        the user told whose and where. When the letter shown was one of them, the notice takes the keys
        typed on (escape alone closes it), which would otherwise land in the next person's letter."""
        said, where = keep_dropped(self.app.rescued, self.app_id, self.drafts.application.company, dropped)
        if not shown:
            self.notify(f"{said} {where}", severity="warning", timeout=20)
            return
        self.app.push_screen(ConfirmScreen(said, [where, "Until you press escape, keys typed now do nothing."],
                                           acknowledge="Back to the letters"))

