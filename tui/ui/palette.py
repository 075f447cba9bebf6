"""The command palette (ctrl+p): every screen's actions by name, and every card by company.

One provider (`ScreenCommands`) serves every screen: a screen lists its
actions in `palette_commands()` and the keys shown beside them are read from
its bindings by id. The actions are the screens' own, so the palette, the
keys and the help screen do exactly the same thing.
"""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterator, NamedTuple

from textual import events
from textual.binding import Binding
from textual.command import CommandInput, CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape
from textual.worker import WorkerCancelled, WorkerFailed

from tui.core.stages import STAGES
from tui.ui.settle import Typed, TypesInOrder, again, settled


def as_typed(text: str, matcher: Matcher | None = None) -> Content:
    """A hit's words as they were typed, never read as markup (Textual's palette reads a plain string, and
    its matcher's highlight, as markup: "[red]Red Co" was drawn red, and a card called "[/red]Crash Co"
    was left out of every search; review S3 2); with the letters `matcher` matched in its style."""
    content = Content(text)
    if matcher is not None:
        score, offsets = matcher.fuzzy_search.match(matcher.query, text)
        for offset in offsets if score else ():
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class Command(NamedTuple):
    """One palette entry: its name, what it does, a line of help, and the ids of the bindings that
    do the same from the keyboard (pressed in turn: ("detail.rounds", "rounds.add") is "2 a")."""

    name: str
    run: Callable[[], object]
    help: str
    keys: tuple[str, ...] = ()


def binding_keys(screen) -> dict[str, str]:
    """Binding id -> the key that does it, for the app, the screen and every widget on it.

    The binding's own first key, not its `key_display`: that one speaks for a group of bindings in
    the key bar ("H/L" for both moves, "1-4" for the sections), while a palette entry names the one
    key that does what it does ("Move card to the next stage  ·  L")."""
    found: dict[str, str] = {}
    for node in (screen.app, screen, *screen.walk_children()):
        for cls in type(node).__mro__:
            for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", ())):
                if binding.id and binding.id not in found:
                    first = Binding(binding.key.split(",")[0].strip(), binding.action)
                    shown = screen.app.get_key_display(first)  # "^n" in the key bar, spelled out here
                    found[binding.id] = "ctrl+" + shown[1:] if shown.startswith("^") and len(shown) > 1 else shown
    return found


class ScreenCommands(Provider):
    """The one palette provider for every screen: the screen lists its `palette_commands()`, and the
    key beside each is read from the bindings, so the palette and the keys cannot disagree."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        listed = getattr(self.screen, "palette_commands", None)
        if listed is None:
            return
        keys = binding_keys(self.screen)
        for command in listed():
            shown = " ".join(keys.get(key, key) for key in command.keys)
            yield command.name, command.run, f"{command.help}  ·  {shown}" if shown else command.help

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(as_typed(name), callback, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, as_typed(name, matcher), callback, help=escape(help_text))


def board_commands(screen) -> Iterator[Command]:
    """Every board action by name."""
    yield Command("New application", screen.action_new, "Add an application after an interview", ("board.new",))
    yield Command("Open card", screen.action_open, "Open the focused card", ("board.open",))
    yield Command("Open notes", screen.action_open_notes, "Open the focused card straight into its notes",
                  ("board.notes",))
    yield Command("Move card to the next stage", partial(screen.action_move_card, 1), "Move the focused card right",
                  ("board.move_right",))
    yield Command("Move card to the previous stage", partial(screen.action_move_card, -1),
                  "Move the focused card left", ("board.move_left",))
    yield Command("Edit card: company, role, recruiter, posting, pitch…", screen.edit_card,
                  "The focused card's form, with its decision and keep-in-touch dates")
    yield Command("Move to stage…", screen.choose_stage, "Move the focused card to any stage")
    yield Command("Record outcome…", screen.record_outcome, "Close the focused card: how it ended and when")
    yield Command("They replied…", screen.action_reply, "They answered: when, how, a note", ("board.reply",))
    yield Command("Snooze…", screen.action_snooze, "Put the next deadline off until later", ("board.snooze",))
    yield Command("Jump to application…", screen.choose_application, "Find a card by company or role")
    yield Command("Delete card", screen.action_delete, "Delete the focused card (asks first)", ("board.delete",))
    yield Command("Undo", screen.action_undo, "Undo the last change", ("board.undo",))
    yield Command("Redo", screen.action_redo, "Make again what undo took back", ("board.redo",))
    yield Command("Filter cards", screen.action_filter, "Show only cards matching some text", ("board.filter",))
    yield Command("Clear the filter", screen.action_clear_filter, "Show every card again", ("board.clear_filter",))
    yield Command("Thank-you letters", partial(screen.action_letters, "thank-you"), "Draft thank-you notes",
                  ("board.thank",))
    yield Command("Mark the thank-you note sent, without a letter", screen.action_thanked,
                  "The focused card's one note owed (with several: in its rounds)", ("board.thanked",))
    yield Command("Follow-up letter", partial(screen.action_letters, "follow-up"),
                  "Draft a follow-up, or the reply a closed card needs", ("board.follow_up",))
    yield Command("Toggle the deadline sidebar", screen.action_toggle_sidebar, "Show or hide the deadlines",
                  ("board.sidebar",))
    yield Command("Statistics", screen.action_stats, "How the search is going", ("board.stats",))
    yield Command("Keys and help", screen.action_help, "Every key on one screen", ("board.help",))


class JumpCommands(Provider):
    """'Jump to <company> — <role>' for cards whose company or role contain every typed word."""

    LIMIT = 40
    DISCOVER = 0  # how many of the most pressing cards to list before anything is typed

    def _cards(self):
        board = getattr(self.screen, "board", None)
        if board is None:
            return []
        return board.cards.values()

    async def discover(self) -> Hits:
        if not self.DISCOVER:
            return
        cards = sorted(self._cards(), key=lambda c: c.sort_key)[: self.DISCOVER]
        for card in cards:
            title = f"Jump to {card.company} — {card.role}"
            yield DiscoveryHit(as_typed(title), partial(self.screen.jump_to, card.app_id), help=card.stage.label)

    async def search(self, query: str) -> Hits:
        words = query.lower().split()
        if not words:
            return
        matcher = self.matcher(query)
        found = 0
        for card in self._cards():
            haystack = f"{card.company} {card.role}".lower()
            if all(word in haystack for word in words):
                title = f"Jump to {card.company} — {card.role}"
                score = matcher.match(title) or 0.1
                yield Hit(score, as_typed(title, matcher), partial(self.screen.jump_to, card.app_id),
                          help=escape(f"{card.stage.label}" + (f"  ·  {card.action}" if card.action else "")))
                found += 1
                if found >= self.LIMIT:
                    return


class JumpPalette(JumpCommands):
    DISCOVER = 30


def stage_commands(screen, application):
    """One command per stage the card is not in."""
    return [
        (f"Move {application.company} to {stage.label}",
         partial(screen.move_to_stage, application.id, stage), None)
        for stage in STAGES
        if stage is not application.stage
    ]


class SearchInput(TypesInOrder, CommandInput):
    """The palette's search field, typing in order like every text field of the app (TypesInOrder):
    `wonk`, backspace, `ka` in one burst reads `wonka`, not `wonkk`.

    `enter` picks from the results for what was typed before it. In one burst (`snooze`, enter, the
    snooze's time) it picked from the list the empty search had shown (Quit, first), before the search
    for "snooze" had answered, and the keys after it went into the closing palette: the app quit, or a
    second enter closed the palette twice (review R10 1). So enter waits for the search, and the keys
    typed after it are held by the app until the command has run and its screen has the focus."""

    _enter_again: events.Key | None = None

    def _held(self, event: Typed) -> bool:
        """Whether `event`, typed or pasted after enter, went to the app to hold for the screen the command
        opens, in order (a paste went into the closing palette, and the new form had only the keys typed
        after it: fuzz fz7 2)."""
        if not self.app.holding_keys:
            return False
        event.stop()
        event.prevent_default()
        self.app.hold_key(again(event))  # a new event: this one was handed on already
        return True

    async def _on_key(self, event: events.Key) -> None:
        if event is not self._enter_again and self._held(event):
            return
        if event.key == "enter" and event is not self._enter_again:
            # The search hears of the letters typed before enter only once this field has handled the keys
            # queued behind it (each letter's Changed comes after them): enter goes behind those changes.
            event.stop()
            event.prevent_default()
            self.app.hold_keys()  # released by Palette.dismiss once its command has run, or _unless_closing
            self._enter_again = events.Key("enter", "\r")
            self.post_message(self._enter_again)
            return
        await super()._on_key(event)

    async def _on_paste(self, event: events.Paste) -> None:
        self._held(event)

    def _open_palette(self) -> Palette | None:
        """The palette this field is in, or None once it is closing: an escape typed after enter closed it,
        and a search started then ran on a palette with no list and ended the app (fuzz fz4 A)."""
        palette = self.parent.screen if self.is_attached and self.parent is not None else None
        if not isinstance(palette, Palette) or palette.closing or palette._closing or not palette.is_attached:
            return None
        return palette

    async def action_submit(self) -> None:
        palette = self._open_palette()
        if palette is None:
            return
        await settled(palette)  # the change the last letters made: its search has started
        if self._open_palette() is None:
            return
        searches = [w for w in self.app.workers if w.node is palette and w.group == Palette._GATHER_COMMANDS_GROUP]
        if palette.searched_for != self.value.strip():  # no search heard of this text: the list is another's
            palette._stop_no_matches_countdown()  # as Textual's own search starts: no stale "No matches" row
            searches = [palette._gather_commands(self.value.strip())]
        for search in searches:
            try:
                await search.wait()
            except (WorkerCancelled, WorkerFailed):  # a newer search took its place, or it failed: no list
                pass
        await settled(palette)
        await super().action_submit()  # its Submitted is queued here, behind this
        self.call_later(self._unless_closing)

    async def _unless_closing(self) -> None:
        """Nothing was picked (several hits, none chosen): the keys typed after enter go on into the search."""
        for _ in range(3):  # the enter, the list's pick, the palette closing: each a message of its own
            palette = self._open_palette()
            if palette is None:
                return
            await settled(palette)
            await settled(palette.query_one_optional(CommandList))
        palette = self._open_palette()
        if palette is not None and self.app.screen is palette:
            self.app.board_ready()


class Palette(CommandPalette):
    """Textual's palette, closed by escape as soon as the app reads it: with its own (non-priority)
    binding, escape first travelled to the search field, behind the keys typed after it in the same
    burst, and those were typed into the closing palette (escape then k: the k was lost).

    Its search field is our `SearchInput`. Textual 8.2.8 has no hook for the palette's input class,
    so `compose` takes Textual's layout as it is and swaps only that one widget."""

    BINDINGS = [Binding("escape", "escape", "Exit the command palette", priority=True)]
    closing = False
    searched_for: str | None = None  # the text of the last search made with the providers up

    def _gather_commands(self, search_value: str):
        """Textual's search, noting what it was for. Under load, the letters of a burst reached the search
        field before the palette had its providers: that search found nothing, the list stayed the empty
        search's, and `enter` ran its first entry (the statistics opened, not the new-card form)."""
        self.searched_for = search_value if self._providers else None
        return super()._gather_commands(search_value)

    def dismiss(self, result=None):
        """Keys held since enter (SearchInput) go once the command has run: Textual runs it with call_later
        right after this, so the release is queued from a call_later of our own, behind it."""
        self.closing = True
        app = self.app
        app.call_later(app.call_later, app.release_keys_once_settled)
        return super().dismiss(result)

    def compose(self):
        for widget in super().compose():
            if type(widget) is CommandInput:
                widget = SearchInput(placeholder=widget.placeholder, select_on_focus=widget.select_on_focus)
            yield widget


def open_jump_palette(app) -> None:
    app.push_screen(Palette(providers=[JumpPalette], placeholder="Jump to application…"))
