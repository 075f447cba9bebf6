"""The board's card keys in a card's detail screen: they act on this card, through the board's own handlers.

PRODUCT: the same key means the same thing on every screen. `r`, `z`, `H`/`L`,
`u`/`U` and `a` did nothing here and said nothing (review V 5). Each one
hands this card to the board screen's handler (tui/ui/board/asking.py,
BoardScreen.move_card): the same forms, applied in the one place changes are
applied. `s` is a view of the board: it says where to find it; so do `n` and
`d` outside the lists, where they add and remove rows.

A mixin for DetailScreen (which provides `app_id`, `focused` and `notify`);
its bindings are spliced into DetailScreen.BINDINGS.
"""

from __future__ import annotations

from textual.binding import Binding

from tui.ui.settle import settled

# Priority, as the screen's other keys that open a screen: the keys typed before them reach the focused
# widget first (settled), and the form is up before the keys typed after them. The notes editor types
# them as text (DetailScreen.check_action hides them there). The key bar shows r, z, H/L and u as far
# as they fit (DetailScreen.KEY_ORDER); the help lists them all.
BOARD_KEYS = [
    Binding("r", "reply", "Replied", id="detail.reply", priority=True,
            tooltip="They replied: when, how, a note (as r on the board)"),
    Binding("z", "snooze", "Snooze", id="detail.snooze", priority=True,
            tooltip="Put this card's next deadline off until later (as z on the board)"),
    Binding("L,shift+right", "move_card(1)", "Move", key_display="H/L", id="detail.move_right",
            priority=True, tooltip="Move this card one stage right (as on the board)"),
    Binding("H,shift+left", "move_card(-1)", "Move left", show=False, id="detail.move_left", priority=True,
            tooltip="Move this card one stage left (as on the board)"),
    Binding("u", "undo", "Undo", id="detail.undo", priority=True,
            tooltip="Undo the last change, when it was to this card (as u on the board)"),
    Binding("U", "redo", "Redo", show=False, id="detail.redo", priority=True,
            tooltip="Make again what u undid, when it was to this card"),
    Binding("a", "stats", "Stats", show=False, id="detail.stats", priority=True,
            tooltip="How the search is going (as a on the board)"),
    Binding("s", "sidebar", "Sidebar", show=False, id="detail.sidebar", priority=True,
            tooltip="The deadline sidebar is on the board: escape, then s"),
    # not priority: in the Rounds and Directions lists their own n and d add and remove rows; elsewhere on
    # the card (the notes tab) they said nothing at all (review S5 4)
    Binding("n", "not_here('n')", "New", show=False, id="detail.new_where",
            tooltip="In Rounds (2) or Directions (3): add one; a new application: n on the board"),
    Binding("d", "not_here('d')", "Delete", show=False, id="detail.delete_where",
            tooltip="In Rounds (2) or Directions (3): remove the highlighted one; the card: d on the board"),
]
BOARD_ACTIONS = {binding.action.partition("(")[0] for binding in BOARD_KEYS}


class CardKeysFromBoard:
    async def _on_board(self, act) -> None:
        """`act(board)` on the board screen under this one, once the field with the focus has taken the keys
        typed before this one (settled); in a bare host, said to be the board's."""
        await settled(self.focused)
        board = getattr(self.app, "board_screen", None)
        if board is None:
            self.notify("This key works on the board.", severity="warning")
            return
        await act(board)

    async def action_reply(self) -> None:
        await self._on_board(lambda board: board.ask_reply(self.app_id))

    async def action_snooze(self) -> None:
        await self._on_board(lambda board: board.snooze_card(self.app_id))

    async def action_move_card(self, step: int) -> None:
        await self._on_board(lambda board: board.move_card(self.app_id, step))

    async def action_stats(self) -> None:
        await self._on_board(lambda board: board.action_stats())

    def action_sidebar(self) -> None:
        self.notify("The deadline sidebar is on the board: escape, then s.")

    def action_not_here(self, key: str) -> None:
        if key == "n":
            self.notify("n adds a round in Rounds (2, then n) or a direction in Directions (3, then n); "
                        "a new application: escape, then n on the board.")
        else:
            self.notify("d removes the highlighted round or direction in Rounds (2) or Directions (3); "
                        "to delete the card: escape, then d on the board.")

    async def action_undo(self) -> None:
        await settled(self.focused)
        if self._own_step(self.app.changelog.undo_stack, "u", "undo"):
            self.app.undo()

    async def action_redo(self) -> None:
        await settled(self.focused)
        if self._own_step(self.app.changelog.redo_stack, "U", "redo"):
            self.app.redo()

    def _own_step(self, stack, key: str, verb: str) -> bool:
        """Undo here takes back only this card's changes: the board's undo is one list for every card, and
        from inside a card, taking back a change to another one (unseen) would be a surprise. A step
        that adds or deletes this card belongs on the board too. Says why when it is not this card's."""
        if not stack:
            return True  # the app says there is nothing to take
        step = stack[-1]
        if step.app_id != self.app_id:
            self.notify(f"The last change was to another card ({step.label}): {key} on the board will {verb} it.",
                        severity="warning")
            return False
        if (step.before if verb == "undo" else step.after) is None:
            self.notify(f"To {verb} “{step.label}” go back to the board (escape), then press {key}.",
                        severity="warning")
            return False
        return True
