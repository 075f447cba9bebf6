"""The board's filter (`/`): the bar, typed text narrowing the columns and the sidebar, escape clearing it.

A mixin of BoardScreen (tui/ui/board/screen.py), which holds the board, the
sidebar, the filter bar and the title line that counts what is shown.
"""

from __future__ import annotations

from tui.ui.screens.filter_bar import FilterBar


class Filtering:
    def _search_text(self, app_id: str) -> str:
        """The filter's text for a card."""
        application = self.app.changelog.apps.get(app_id)
        return application.search_text() if application is not None else ""

    async def action_filter(self) -> None:
        """Open the filter bar, mounting it the first time (an Input costs ~35 ms of start-up)."""
        if self.filter_bar.parent is None:
            await self.mount(self.filter_bar, after=self.focus_line)
        self.filter_bar.open()

    def on_input_changed(self, event: FilterBar.Changed) -> None:
        if event.input is self.filter_bar:
            self._set_filter(event.value)

    def _filter_closed(self, text: str) -> None:
        """The bar was left: the filter is what it holds (set now, with the keys typed before enter)."""
        self._set_filter(text)
        self.set_focus(self.board.keys)

    def action_clear_filter(self) -> None:
        if self.filter_bar.is_mounted:
            self.filter_bar.value = ""
            self.filter_bar.close()
        self._set_filter("")

    def _set_filter(self, text: str) -> None:
        self.board.set_filter(text)
        self.sidebar.set_filter(self._shown if self.board.needle else None)
        self._update_title()

