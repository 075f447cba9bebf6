"""What keys open from anywhere: the detail screen, the outcome form, letters, help and the palette.

A mixin for FollowupApp, which provides `changelog`, `settings` and
`apply_change`. Every screen is pushed awaited: the key that opens it returns
once it is up, so the next key of a burst lands in it (PRODUCT: keys typed
ahead are replayed in order).
"""

from __future__ import annotations

from tui.core import clock
from tui.core.errors import FollowupError
from tui.ui.settle import settled


class Opening:
    async def open_application(self, app_id: str, section: str = "") -> None:
        """The detail screen, up and focused when this returns (BoardScreen: keys that open a screen await it)."""
        if app_id not in self.changelog.apps:
            return
        from tui.ui.detail import DetailScreen

        await self.push_screen(DetailScreen(app_id, section=section))

    async def record_outcome(self, app_id: str) -> None:
        """The outcome form; saving closes the card with the outcome, its time and a keep-in-touch date
        (at once: see apply_change), and the deadlines they bring follow (a reply after a rejection or an offer)."""
        application = self.changelog.apps.get(app_id)
        if application is None:
            return
        from tui.core import correspondence
        from tui.ui.detail.outcome import suggested_outcome
        from tui.ui.detail.process_forms import CloseForm

        now = clock.now()
        form = CloseForm(application.company, now, self.settings.zone,
                         outcome=suggested_outcome(application, self.settings, now))
        form.app_id = app_id  # names a rescue file, if one is needed

        def closed(values) -> None:
            if values is not None:
                outcome = values["outcome"]
                self.apply_change(app_id, lambda a: correspondence.close(a, outcome, now=clock.now(), at=values["at"],
                                                                  keep_in_touch=values["keep_in_touch"]),
                                  f"Close {application.company}: {outcome.label}", refused=form.rescue_refused)

        await self.push_screen(form, closed)

    async def open_letters(self, app_id: str, kind: str, interviewer_ids: list[str] | None = None) -> None:
        """t: thank-you notes (to `interviewer_ids` only, when given); f: a follow-up, or the reply a closed
        card needs. A letter that does not fit the card (closed, round still to come) is refused in a toast."""
        application = self.changelog.apps.get(app_id)
        if application is None:
            return
        from tui.ui.letters import LetterScreen, letter_kind_for

        kind = letter_kind_for(application) if kind == "follow-up" else kind
        try:
            screen = LetterScreen(app_id, kind, interviewer_ids=interviewer_ids)
        except FollowupError as exc:
            self.notify(str(exc), severity="warning")
            return
        await self.push_screen(screen)

    async def action_command_palette(self) -> None:
        """ctrl+p: the palette is up before the next key is handled (a `t` typed to find a card went to
        the board and opened letters), and the keys typed before it have reached their field."""
        from textual.command import CommandPalette

        from tui.ui.palette import Palette

        await settled(self.focused)
        if self.use_command_palette and not CommandPalette.is_open(self):
            await self.push_screen(Palette(id="--command-palette"))

    async def action_help(self) -> None:
        """f1 anywhere, ? outside text fields: the keys of the screen in front."""
        from tui.ui.board.screen import BoardScreen
        from tui.ui.screens.help import HelpScreen, screen_sections

        if isinstance(self.screen, HelpScreen):
            return
        if isinstance(self.screen, BoardScreen):
            await self.show_help()
        else:
            await self.push_screen(HelpScreen(screen_sections(self.screen)))

    async def show_help(self) -> None:
        from tui.ui.board.board import Board
        from tui.ui.board.screen import BoardScreen
        from tui.ui.screens.help import HelpScreen
        from tui.ui.sidebar.sidebar import DeadlineSidebar

        await self.push_screen(HelpScreen([
            ("Moving around", Board.BINDINGS),
            ("Cards", BoardScreen.BINDINGS),
            ("Deadline sidebar", DeadlineSidebar.BINDINGS),
            (self.HELP_TITLE, self.BINDINGS),
        ]))
