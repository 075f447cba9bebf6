"""The one form framework of the app: a modal form with inline validation, each error under its field.

Subclasses (the new application, a round, an interviewer, a direction, how it
ended, a reply, a snooze, when a letter went out) list their fields and turn
the checked values into a result. Nothing is returned until every field reads;
`escape` with unsaved changes asks before discarding them.

How the keys move through it (enter, tab, ↑↓, and ←/→ and space on a choice)
is in tui/ui/screens/form_keys.py, a mixin of FormScreen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from tui.core.errors import FollowupError, ValidationError
from tui.core.parts import NAME_LIMIT
from tui.core.text import has_visible
from tui.ui.card_gone import card_is_gone, close_card_screens
from tui.ui.keybar import KeyBar
from tui.ui.rescue import Unsaved, keep_rescued
from tui.ui.screens.confirm import ConfirmScreen
from tui.ui.screens.form_controls import Choice, FieldInput
from tui.ui.screens.form_keys import FormKeys, field_name
from tui.ui.settle import settled, taken_down


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


class ReadButRefused(FieldError):
    """The text was read, and the message says as what, but that value is not allowed ("Mon 30 Nov 09:00 is
    before the deadline"): said as it is typed, not only on leaving the field, so the line follows the
    typing (a quiet check left the field with neither this nor its ✓ line: review V 9)."""


def required(what: str, limit: int = NAME_LIMIT) -> Callable[[str], str]:
    """A field's check: some text, not too long."""

    def check(text: str) -> str:
        value = text.strip()
        if not has_visible(value):  # spaces, or only zero-width or format characters: what the record refuses
            raise ValidationError(f"the {what} is empty: type one")
        if len(value) > limit:
            raise ValidationError(f"the {what} is {len(value)} characters long: keep it under {limit}")
        return value

    return check


def optional(what: str, limit: int = NAME_LIMIT) -> Callable[[str], str]:
    """A field's check: possibly empty, not too long."""

    def check(text: str) -> str:
        value = text.strip()
        if len(value) > limit:
            raise ValidationError(f"the {what} is {len(value)} characters long: keep it under {limit}")
        return value

    return check




class FormScreen(FormKeys, ModalScreen):
    CSS_PATH = Path(__file__).with_name("form.tcss")
    AUTO_FOCUS = "Input, Select"
    BINDINGS = [
        # priority (like enter and tab below): run in order with the keys typed before them, in a burst too
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Save the form", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel", priority=True,
                tooltip="Close the form (asks first if anything changed)"),
        # priority: handled as the key arrives, after the field took the keys typed before it (settle.py),
        # so a burst of keys lands field by field as typing slowly would (the moves: form_keys.py)
        Binding("enter", "next_or_save", "Next field / save", show=False, priority=True, id="form.enter"),
        Binding("tab", "focus_move(1)", "Next field", show=False, priority=True, id="form.next"),
        Binding("shift+tab", "focus_move(-1)", "Previous field", show=False, priority=True, id="form.previous"),
        # up/down move between fields too, a choice (Select) like a text field: never open its list
        Binding("down", "field_step(1)", "Next field", show=False, priority=True, id="form.down"),
        Binding("up", "field_step(-1)", "Previous field", show=False, priority=True, id="form.up"),
        # on a choice only (check_action): ←/→ change it in place, space opens its list
        Binding("right", "choice_step(1)", "Change", key_display="←/→", priority=True, id="form.choice_next",
                tooltip="On a choice: the next option (← the previous one)"),
        Binding("left", "choice_step(-1)", "Change", show=False, priority=True, id="form.choice_previous",
                tooltip="On a choice: the previous option"),
        Binding("space", "choice_list", "List", priority=True, id="form.choice_list",
                tooltip="On a choice: open its list (↑↓ and enter pick, esc closes)"),
    ]
    # the key bar: on a choice, how to change it comes first
    KEY_ORDER = ("form.choice_next", "form.choice_list", "form.save", "form.cancel")
    form_title = "Form"
    app_id = ""  # the card the form is about, when it is about one: names a rescue file (rescue_id)
    card_name = ""  # its company, for the notice when another process deletes it (leave_if_gone)
    # The change the form's result is for, tried on the card as it is now before the form closes (the
    # rounds list's forms): the core's refusal ("Ann Lee is already in round …") is said in the form, the form and
    # what was typed kept, where after closing it was a toast and the typing lost. None: nothing to try.
    trial: Callable[[Any], None] | None = None
    # Where a refusal that names no field is said: "" the first field. The last field of the new-application
    # form, say: its other fields are read on their own, so what is left for the core to refuse is its people.
    refused_under = ""
    # what was typed when the form was saved, and the app then, for rescue_refused (the form is gone by then)
    _typed_on_save: str | None = None
    _app_on_save: Any = None
    hint = "enter: next field (the last saves) · ctrl+s: save · esc: cancel"
    # what escape asks when something was typed (False: escape always just closes, e.g. a file name)
    asks_before_discarding = True
    discard_question = "Discard your changes?"
    discard_detail = "Nothing in this form has been saved."
    discard_yes = "Yes"
    discard_no = "No"

    def fields(self) -> list[Field]:
        raise NotImplementedError

    def build(self, values: dict[str, Any]) -> Any:
        """The result from the read values; may raise FieldError."""
        return values

    # --- layout ------------------------------------------------------------
    def on_mount(self) -> None:
        # focus now, not after the first refresh: keys of a burst may already be queued behind the `n` that opened it
        if taken_down(self):
            return
        first = self._controls()[0]
        if first.focusable:
            self.set_focus(first)
        for name, field in self._fields.items():
            if field.describe is not None and self.raw(name).strip():
                self.check_field(name, quiet=True)

    def compose(self):
        self._fields = {f.name: f for f in self.fields()}
        self._initial = {f.name: f.value for f in self._fields.values()}
        self._said: dict[str | None, str] = {}  # what each error and hint line says now (_say_under)
        with VerticalScroll(classes="modal-box form-box"):  # scrolls when the window is shorter than the form
            # every line a form shows may hold what the user typed ("[/]" raised MarkupError and ended the
            # app, losing the form: fuzz fz3 1), so none is read as markup
            yield Static(self.form_title, classes="modal-title", markup=False)
            with Vertical(classes="form-fields"):
                for field in self._fields.values():
                    with Horizontal(classes="form-row"):
                        yield Label(field.label, classes="form-label")
                        yield self._control(field)
                    yield Static("", id=f"error-{field.name}", classes="form-error", markup=False)
                    if field.describe is not None:
                        yield Static("", id=f"hint-{field.name}", classes="form-hint", markup=False)
            yield Static(self.hint, classes="modal-hint", markup=False)
        yield KeyBar()

    def _control(self, field: Field):
        if field.options is not None:
            return Choice(field.options, value=field.value, allow_blank=False,
                          id=f"field-{field.name}", compact=True)
        return FieldInput(field.value, placeholder=field.placeholder, id=f"field-{field.name}",
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

    def unsaved_texts(self) -> list[Unsaved]:
        """What was typed into the form, when the board closes (q, ctrl+c, a signal, a hang-up) before it
        was saved: a form is saved only on purpose, so it goes to a rescue file, field by field."""
        if not self.is_mounted or not self.asks_before_discarding or not self.dirty:
            return []
        return [self._unsaved(self._typed(), "the board closed before the form was saved")]

    def rescue_refused(self, why: Exception) -> None:
        """For `apply_change(refused=…)`: the saved form's change was refused (its card was deleted by
        another process, the file is read-only…), so what was typed goes to a rescue file, and the user
        is told where. The form is gone from the screen by then."""
        typed = self._typed_on_save or ""
        app = self._app_on_save
        if not typed or app is None:
            return
        where = keep_rescued(app.rescued, self._unsaved(typed), str(why))
        app.notify(f"What you typed in “{self.form_title}” was not saved ({why}); {where}", severity="error",
                   timeout=30)

    def leave_if_gone(self) -> None:
        """A form over a card another process deleted (the board's reply, snooze or outcome form) closes at
        once, what was typed kept in a rescue file, behind the notice that takes only escape (card_gone.py):
        the keys typed on must not reach the board. Over the card's detail screen, that screen sees to it."""
        if card_is_gone(self, self.app_id):
            close_card_screens(self, self.app_id, self.card_name)

    def _typed(self) -> str:
        return "".join(f"{field.label}: {self.raw(name)}\n" for name, field in self._fields.items())

    def _unsaved(self, typed: str, why_not_stored: str = "") -> Unsaved:
        title = self.form_title.replace("“", "‘").replace("”", "’")  # "Add an interviewer to ‘Interview’"
        return Unsaved(self.rescue_id, f"the form “{title}”", typed, stored=False,
                       why_not_stored=why_not_stored)

    @property
    def rescue_id(self) -> str:
        """The card the form is about, to name its rescue file by ("form" for a new one)."""
        return self.app_id or "form"

    def show_error(self, name: str, message: str) -> None:
        self._say_under(self.query_one(f"#error-{name}", Static), message)

    def _say_under(self, line: Static, text: str) -> None:
        """A field's error or hint line; shown only with text. Checked on every key typed into the field,
        so it changes (and the form's layout with it) only when the text does."""
        if text == self._said.get(line.id):
            return
        self._said[line.id] = text
        line.update(text)
        line.set_class(bool(text), "shown")
        self.call_after_refresh(self._focused_in_view)  # the line may have grown or gone: see there

    def has_error(self, name: str) -> bool:
        return self.query_one(f"#error-{name}", Static).has_class("shown")

    def check_field(self, name: str, *, quiet: bool = False) -> tuple[bool, Any]:
        """Read one field; its problem is shown under it (`quiet`: only the understood line changes)."""
        field = self._fields[name]
        text = self.raw(name)
        try:
            value = field.check(text) if field.check else text.strip()
        except ValidationError as exc:
            if not quiet or isinstance(exc, ReadButRefused):
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
        text = "" if value is None else field.describe(value)
        self._say_under(self.query_one(f"#hint-{name}", Static), f"✓ {text}" if text else "")

    # --- events ----------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        name = field_name(event.input)
        if name in self._fields and self.has_error(name):
            self.check_field(name)  # clear the message as soon as it is fixed
        elif name in self._fields and self._fields[name].describe is not None:
            self.check_field(name, quiet=True)  # say what it understood as it is typed

    def on_input_blurred(self, event: Input.Blurred) -> None:
        name = field_name(event.input)
        if name in self._fields and event.input.value.strip() and self.is_attached:
            self.check_field(name)

    def on_choice_typed(self, event: Choice.Typed) -> None:
        name = field_name(event.choice)
        if name in self._fields:
            said = "" if event.picked else f"no choice starts with “{event.character}”: ←/→ change it, space lists them"
            self.show_error(name, said)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # enter is the form's own binding (action_next_or_save); this is only a fallback
        self._save()

    def _controls(self) -> list[Widget]:
        return [self.query_one(f"#field-{name}") for name in self._fields]

    async def _settle(self) -> None:
        """Every key typed so far is in its field (see tui/ui/settle.py)."""
        for control in self._controls():
            await settled(control)

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
                if self.trial is not None:
                    self.trial(result)
            except FieldError as exc:
                self.show_error(exc.field, str(exc))
                first_bad = exc.field
            except FollowupError as exc:  # a ValidationError from build, or whatever the trial's change refused
                first = self.refused_under or next(iter(self._fields))
                self.show_error(first, str(exc))
                first_bad = first
        if first_bad is not None:
            self.query_one(f"#field-{first_bad}").focus()
            return
        if self not in self.app.screen_stack:  # taken off with the quit, its enter handed on late (fuzz fz4 C):
            return  # dismissing popped the board, the last screen (ScreenStackError); what was typed is rescued
        self._typed_on_save, self._app_on_save = (self._typed() if self.dirty else ""), self.app
        self.dismiss(result)

    async def action_cancel(self) -> None:
        await self._settle()
        if not self.dirty or not self.asks_before_discarding:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        # awaited: the question is on screen before the next key of a burst (the `y` or `n`) is handled
        await self.app.push_screen(ConfirmScreen(self.discard_question, self.discard_detail, yes=self.discard_yes,
                                                 no=self.discard_no), answered)
