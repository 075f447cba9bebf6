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


@dataclass
class Field:
    name: str
    label: str
    value: str = ""
    placeholder: str = ""
    check: Callable[[str], Any] | None = None  # reads the text or raises ValidationError
    options: list[tuple[str, str]] | None = None  # a Select of (label, value) when given


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
    ]
    form_title = "Form"
    hint = "ctrl+s (or enter in a text field) saves · tab: next field · esc: cancel"

    def fields(self) -> list[Field]:
        raise NotImplementedError

    def build(self, values: dict[str, Any]) -> Any:
        """The result from the read values; may raise FieldError."""
        return values

    # --- layout ------------------------------------------------------------
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

    def check_field(self, name: str) -> tuple[bool, Any]:
        field = self._fields[name]
        text = self.raw(name)
        try:
            value = field.check(text) if field.check else text.strip()
        except ValidationError as exc:
            self.show_error(name, str(exc))
            return False, None
        self.show_error(name, "")
        return True, value

    # --- events ----------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("field-")
        if name in self._fields and self.has_error(name):
            self.check_field(name)  # clear the message as soon as it is fixed

    def on_input_blurred(self, event: Input.Blurred) -> None:
        name = (event.input.id or "").removeprefix("field-")
        if name in self._fields and event.input.value.strip() and self.is_attached:
            self.check_field(name)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
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

    def action_cancel(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Discard your changes?", "Nothing in this form has been saved."), answered)
