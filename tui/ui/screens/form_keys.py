"""How the keys move through a form: enter, tab and ↑↓ between fields, ←/→ and space on a choice.

A mixin of FormScreen (tui/ui/screens/form.py), which holds the fields, their
controls (`_controls`, `check_field`, `show_error`) and the key bindings
(Textual reads BINDINGS from screens only); apart from it so that the form's
fields, values and errors read on one page, and the moves on another.

Keys follow PRODUCT: `enter` in a one-line field moves to the next field and,
on the last one, saves; `ctrl+s` saves from anywhere. On a field that does not
read, `enter` stays, its error under it, so text typed ahead goes on fixing it.
A choice (a Select) is a one-line field too: `enter`, `tab`, `↑↓` leave it like
a text field, `←/→` change it in place, a letter picks the option starting with
it and `space` opens its list; `enter` never opens the list, which would take
the keys typed after it as a search. Over a slow link keys
arrive in bursts, so `enter`/`tab` are priority bindings that first wait for
the field to take the keys typed before them (tui/ui/settle.py) and then move
the focus at once: a burst lands field by field as slow typing would.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Input, OptionList, Select

from tui.ui.settle import settled, taken_down


def field_name(control) -> str:
    """The name of the field a control holds (`_control` gives it the id `field-NAME`); "" for none."""
    return (control.id or "").removeprefix("field-") if control is not None else ""


class FormKeys:
    def watch_focused(self, focused: Widget | None) -> None:
        """Mark the focused field's row (its label turns bold: form.tcss). Textual's :focus-within
        restyles the row when the focus moves, not the label in it, so the first label stayed bold.
        A watcher, not a DescendantFocus handler: it runs as the focus moves, not a message later."""
        row = next((node for node in focused.ancestors if node.has_class("form-row")), None) if focused else None
        for each in self.query(".form-row"):
            each.set_class(each is row, "-current")

    def _focused_in_view(self) -> None:
        """After a message or hint under a field grew or shrank: keys typed in one burst may have moved
        the focus before the form's layout changed, leaving the focused field out of sight."""
        if self.focused is not None and self.is_attached:
            self.focused.scroll_visible(animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted or taken_down(self):  # a key of a burst can arrive before the fields exist,
            return False  # or after a quit took them away (escape on a save-path prompt: NoMatches, fuzz fz7)
        focused = self.focused
        on_this_screen = focused is not None and focused.screen is self
        if action in ("next_or_save", "field_step"):
            # in a text field and on a closed choice alike: enter never opens a list that would swallow
            # the keys typed after it (an open list has the focus itself, so it keeps its own enter)
            return isinstance(focused, (Input, Select)) and on_this_screen
        if action in ("choice_step", "choice_list"):  # elsewhere left/right/space are the text field's
            return isinstance(focused, Select) and on_this_screen
        if action in ("focus_move", "cancel"):  # an open Select list takes tab and escape itself
            return not any(select.expanded for select in self.query(Select))
        return True

    async def action_next_or_save(self) -> None:
        """enter: the next field, or on the last one save. On a field that does not read, enter stays,
        its error under it: what is typed next (typed ahead, over a slow link) goes on fixing it, not
        into the next field, where a choice would take it for a pick."""
        focused = self.focused
        await settled(focused)
        controls = self._controls()
        if focused is controls[-1]:
            await self.action_save()
            return
        name = field_name(focused)
        if name in self._fields and not self.check_field(name)[0]:
            return
        await self.action_focus_move(1)

    async def action_field_step(self, step: int) -> None:
        await self.action_focus_move(step)

    async def action_choice_step(self, step: int) -> None:
        """←/→ on a choice: the next (previous) option, in place, wrapping round; the list stays shut, so
        nothing typed after it is taken for a search in the list."""
        select = self.focused
        if not isinstance(select, Select):
            return
        await settled(select)
        field = self._fields.get(field_name(select))
        values = [value for _label, value in (field.options or [])] if field else []
        if not values:
            return
        index = values.index(select.value) if select.value in values else -1
        select.value = values[(index + step) % len(values)]
        if field is not None:
            self.show_error(field.name, "")  # a letter no option started with: changed now

    async def action_choice_list(self) -> None:
        """space on a choice: its list, to pick with ↑↓ and enter (Textual's own)."""
        select = self.focused
        if isinstance(select, Select):
            await settled(select)
            select.action_show_overlay()
            # focused now, not on Textual's later call: the ↑↓ and enter typed after space go to the list
            self.set_focus(select.query_one(OptionList), scroll_visible=False)

    async def action_focus_move(self, step: int) -> None:
        """The next (or previous) field, focused at once, once the field left has taken the keys typed
        into it: the keys after this one go to the field moved to."""
        await settled(self.focused)
        controls = self._controls()
        index = controls.index(self.focused) if self.focused in controls else -1
        self.set_focus(controls[(index + step) % len(controls)])
