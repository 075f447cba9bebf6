"""The board's two panes: the sidebar shown when the window has room for it (`s` overrides), and `tab`
between the columns and the sidebar.

A mixin of BoardScreen (tui/ui/board/screen.py), which holds the board and the sidebar.
"""

from __future__ import annotations

from tui.ui.settle import settled

SIDEBAR_MIN_WIDTH = 100


class Panes:
    def action_toggle_sidebar(self) -> None:
        self._show_sidebar(not self.sidebar.display)

    def _show_sidebar(self, shown: bool) -> None:
        self.sidebar.display = shown
        if not shown and self.focused is self.sidebar:
            self.set_focus(self.board.keys)

    def _fit_sidebar(self) -> None:
        """Show the sidebar when the window has room for it beside five columns, at start and on resize.

        `s` overrides this until the window crosses SIDEBAR_MIN_WIDTH again:
        a choice made at one width is kept while the width still allows it,
        and a window shrunk below it never keeps columns a few letters wide.
        """
        wide = self.app.size.width >= SIDEBAR_MIN_WIDTH
        if wide != self._wide:
            self._wide = wide
            self._show_sidebar(wide)

    def columns_width(self) -> int:
        """The width the five columns will share at the first layout: the window's, less the sidebar's
        when it shows (its own styles resolved, as Textual will resolve them), for Board.fit_widths."""
        size = self.app.size
        width = size.width
        if self.sidebar.display:
            styles = self.sidebar.styles
            taken = styles.width.resolve(size, size) if styles.width is not None else 0
            if styles.min_width is not None:
                taken = max(taken, styles.min_width.resolve(size, size))
            if styles.max_width is not None:
                taken = min(taken, styles.max_width.resolve(size, size))
            width -= int(taken)
        return max(0, width)

    def on_resize(self) -> None:
        self._fit_sidebar()  # (also sent when the board comes back after a resize under another screen)
        self.show_focused()  # the focus line says the role only where it has room

    async def action_switch_pane(self) -> None:
        await settled(self.focused)  # from the filter bar: it has the letters typed before tab
        if self.focused is self.board.keys and self.sidebar.display:
            self.set_focus(self.sidebar)
        else:
            if self.focused is self.board.keys:  # it did nothing, and said nothing (review S5 4)
                self.notify("The sidebar is hidden: s shows it.")
            self.set_focus(self.board.keys)

