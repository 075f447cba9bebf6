"""A modal form with inline validation: each error is shown under its field.

Subclasses list their fields and turn the checked values into a result.
Nothing is returned until every field reads; `escape` with unsaved changes
asks before discarding them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from tui.core.errors import ValidationError
from tui.ui.keybar import KeyBar
from tui.ui.screens.confirm import ConfirmScreen
from tui.ui.settle import settled


@dataclass
class Field:
    name: str
    label: str
    value: str = ""
    placeholder: str = ""
    check: Callable[[str], Any] | None = None  # reads the text or raises ValidationError
    options: list[tuple[str, str]] | None = None  # a Select of (label, value) when given
    # what the read value was understood as, shown under the field as it is typed (times: timefmt.understood)
    describe: Callable[[Any], str] | None = None


class FieldError(ValidationError):
    """A problem that belongs to one field of the form."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class FormScreen(ModalScreen):
    CSS_PATH = Path(__file__).with_name("modal.tcss")
    AUTO_FOCUS = "Input, Select"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
        # priority: handled as the key arrives, after the field took the keys typed before it (settle.py),
        # so a burst of keys lands field by field as typing slowly would
        Binding("enter", "submit", "Save", show=False, priority=True),
        Binding("tab", "focus_move(1)", "Next field", show=False, priority=True),
        Binding("shift+tab", "focus_move(-1)", "Previous field", show=False, priority=True),
    ]
    form_title = "Form"
    hint = "ctrl+s (or enter in a text field) saves · tab: next field · esc: cancel"

    def fields(self) -> list[Field]:
        raise NotImplementedError

    def build(self, values: dict[str, Any]) -> Any:
        """The result from the read values; may raise FieldError."""
        return values

    # --- layout ------------------------------------------------------------
    def on_mount(self) -> None:
        for name, field in self._fields.items():
            if field.describe is not None and self.raw(name).strip():
                self.check_field(name, quiet=True)

    def compose(self):
        self._fields = {f.name: f for f in self.fields()}
        self._initial = {f.name: f.value for f in self._fields.values()}
        with Vertical(classes="modal-box form-box"):
            yield Static(self.form_title, classes="modal-title")
            with Vertical(classes="form-fields"):
                for field in self._fields.values():
                    with Horizontal(classes="form-row"):
                        yield Label(field.label, classes="form-label")
                        yield self._control(field)
                    yield Static("", id=f"error-{field.name}", classes="form-error")
                    if field.describe is not None:
                        yield Static("", id=f"hint-{field.name}", classes="form-hint", markup=False)
            yield Static(self.hint, classes="modal-hint")
        yield KeyBar()

    def _control(self, field: Field):
        if field.options is not None:
            return Select(field.options, value=field.value, allow_blank=False,
                          id=f"field-{field.name}", compact=True)
        return Input(field.value, placeholder=field.placeholder, id=f"field-{field.name}",
                     compact=True, select_on_focus=False)

    # --- values and errors ---------------------------------------------------
    def raw(self, name: str) -> str:
        control = self.query_one(f"#field-{name}")
        value = control.value
        return "" if value is None or value is Select.NULL else str(value)

    def values_now(self) -> dict[str, str]:
        return {name: self.raw(name) for name in self._fields}

    @property
    def dirty(self) -> bool:
        return self.values_now() != self._initial

    def show_error(self, name: str, message: str) -> None:
        error = self.query_one(f"#error-{name}", Static)
        error.update(message)
        error.set_class(bool(message), "shown")

    def has_error(self, name: str) -> bool:
        return self.query_one(f"#error-{name}", Static).has_class("shown")

    def check_field(self, name: str, *, quiet: bool = False) -> tuple[bool, Any]:
        """Read one field; its problem is shown under it (`quiet`: only the understood line changes)."""
        field = self._fields[name]
        text = self.raw(name)
        try:
            value = field.check(text) if field.check else text.strip()
        except ValidationError as exc:
            if not quiet:
                self.show_error(name, str(exc))
            self.show_hint(name, None)
            return False, None
        self.show_error(name, "")
        self.show_hint(name, value)
        return True, value

    def show_hint(self, name: str, value: Any) -> None:
        """'✓ Wed 25 Nov 14:00 · 2 days ago' under a field that says what it understood."""
        field = self._fields[name]
        if field.describe is None:
            return
        hint = self.query_one(f"#hint-{name}", Static)
        text = "" if value is None else field.describe(value)
        hint.update(f"✓ {text}" if text else "")
        hint.set_class(bool(text), "shown")

    # --- events ----------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("field-")
        if name in self._fields and self.has_error(name):
            self.check_field(name)  # clear the message as soon as it is fixed
        elif name in self._fields and self._fields[name].describe is not None:
            self.check_field(name, quiet=True)  # say what it understood as it is typed

    def on_input_blurred(self, event: Input.Blurred) -> None:
        name = (event.input.id or "").removeprefix("field-")
        if name in self._fields and event.input.value.strip() and self.is_attached:
            self.check_field(name)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit":  # enter in a text field saves; elsewhere (a Select) it does what it does
            return isinstance(self.focused, Input) and self.focused.screen is self
        if action == "focus_move":
            return not any(select.expanded for select in self.query(Select))
        return True

    async def _settle(self) -> None:
        """Every key typed so far is in its field (see tui/ui/settle.py)."""
        for name in self._fields:
            await settled(self.query_one(f"#field-{name}"))

    async def action_submit(self) -> None:
        await self.action_save()

    async def action_focus_move(self, step: int) -> None:
        await settled(self.focused)
        if step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    async def action_save(self) -> None:
        await self._settle()
        self._save()

    def _save(self) -> None:
        values, first_bad = {}, None
        for name in self._fields:
            ok, value = self.check_field(name)
            values[name] = value
            if not ok and first_bad is None:
                first_bad = name
        if first_bad is None:
            try:
                result = self.build(values)
            except FieldError as exc:
                self.show_error(exc.field, str(exc))
                first_bad = exc.field
            except ValidationError as exc:
                first = next(iter(self._fields))
                self.show_error(first, str(exc))
                first_bad = first
        if first_bad is not None:
            self.query_one(f"#field-{first_bad}").focus()
            return
        self.dismiss(result)

    async def action_cancel(self) -> None:
        await self._settle()
        if not self.dirty:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Discard your changes?", "Nothing in this form has been saved."), answered)
