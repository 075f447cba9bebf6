"""The focus line above the key bar: what the keys act on, its words whole.

A card is 15 cells wide at 80 columns and cuts its company, role and task ("Email the tak…"), a sidebar
row at 30; this line says them in full for the focused card, or on the sidebar for the highlighted row
(what `z` puts off), the role left out where the line has no room. The board and the sidebar call
`show_focused` whenever what they point at, or what it shows, may have changed.

A mixin of BoardScreen (tui/ui/board/screen.py), which holds the board, the sidebar and the line.
"""

from __future__ import annotations

from tui.core.text import cell_width
from tui.ui.board.cards import card_texts
from tui.ui.say import say
from tui.ui.sidebar.sidebar import row_words


class FocusLine:
    def show_focused(self) -> None:
        """The focus line: what the keys act on, its words whole. A card is 15 cells wide at 80 columns and
        cuts them ("Email the tak…"), a sidebar row at 30; here they read in full, without opening it. On
        the sidebar it is the highlighted row's deadline (`z` snoozes that one), not the card's first."""
        row = self.sidebar.current if self.focused is self.sidebar else None
        card = self.board.cards.get(row.app_id if row is not None else self.board.current_id or "")
        parts: tuple[str, ...] = ()
        if row is not None:
            parts = (row.company, card.role if card is not None else "", *row_words(row, self.frame))
        elif card is not None:
            company, role, action, detail, _ = card_texts(card, self.frame, in_full=True)
            parts = (company, role, action, detail)
        said = ""
        if parts:
            company, role, *rest = parts
            said = " · ".join(part for part in (f"{company} — {role}" if role else company, *rest) if part)
            if role and cell_width(said) > self.app.size.width - 2:  # the role goes first: time left stays
                said = " · ".join(part for part in (company, *rest) if part)
        say(self.focus_line, said, layout=False)
