"""The controls of a form's fields (tui/ui/screens/form.py lays them out and reads them).

Both take keys in the order they were typed, in their own queue, so the
form's priority `enter`, which first waits for the field (settle.py), finds
every key typed before it already handled.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Input, OptionList, Select

from tui.ui.settle import TypesInOrder


class FieldInput(TypesInOrder, Input):
    """A one-line text field (a form's, the letter's subject): a `backspace` typed before `tab` acts in this
    field, not the next one, and a key typed after `tab` in the next one."""


class Choice(Select[str]):
    """A form's choice: a typed letter picks the first option starting with it (the same letter again:
    the next such option), as in any list box. Textual's closed Select ignored letters, so text typed
    ahead into it was lost; a letter no option starts with is said under the field (Typed)."""

    class Typed(Message):
        """A printable key reached the choice: `picked` whether an option starts with it."""

        def __init__(self, choice: Choice, character: str, picked: bool) -> None:
            super().__init__()
            self.choice, self.character, self.picked = choice, character, picked

    def __init__(self, options: list[tuple[str, str]], **kwargs) -> None:
        # the open list's own typing searched inside the options ("j" found "…took the job"): letters come
        # here instead, open or closed, and pick as below; j and k move in the open list
        super().__init__(options, type_to_search=False, **kwargs)
        self.choices = list(options)

    def starting_with(self, character: str) -> str | None:
        """The option `character` picks: the first whose label or value starts with it, after the current
        one ("n" is "quiet: not before a date", whose value is the command line's not-before). Not one
        with a word inside starting with it: `j`, typed to go down, picked "accepted: you took the job"
        as a rejection was being recorded (review S5 1)."""
        wanted = character.casefold()
        values = [value for label, value in self.choices
                  if str(label).casefold().startswith(wanted) or value.casefold().startswith(wanted)]
        if not values:
            return None
        return values[(values.index(self.value) + 1) % len(values)] if self.value in values else values[0]

    async def _on_key(self, event: events.Key) -> None:
        # in its own queue, in the order typed: the form's enter waits for it (settled) before moving on
        if event.character is None or not event.is_printable or event.character == " ":
            return
        if self.expanded and event.character in ("j", "k"):  # the open list: j/k move, as in every list
            event.stop()
            event.prevent_default()
            overlay = self.query_one("SelectOverlay", OptionList)  # the open list, an OptionList
            overlay.action_cursor_down() if event.character == "j" else overlay.action_cursor_up()
            return
        event.stop()
        event.prevent_default()
        value = self.starting_with(event.character)
        if value is not None:
            self.value = value
        self.post_message(self.Typed(self, event.character, value is not None))
