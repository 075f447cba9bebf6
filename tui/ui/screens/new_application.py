"""The `n` form: company, role, round, when it was, who you met.

Each field is checked as it is typed and its problem shown right under it;
nothing is saved until every field is valid. escape on a form with something
typed in asks before throwing it away.
"""

from __future__ import annotations

from typing import Callable

from pendulum import DateTime
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui.core import actions, timefmt
from tui.core.errors import ValidationError
from tui.core.model import NAME_LIMIT, ROUND_NAME_LIMIT, Application, Interviewer
from tui.ui.screens.confirm import ConfirmScreen
from tui.ui.settle import settled

WHEN_EXAMPLES = "e.g. yesterday 10am, wed 14:00, next tue 10:00"


def parse_round_time(text: str, now: DateTime, zone) -> DateTime:
    """Everyday words, through tui.core.when (the one reader of typed times), read as a round: a bare
    weekday or time is the most recent one, an explicit future ("next tue") an upcoming round."""
    from tui.core.when import Reading, parse_when

    text = text.strip()
    if not text:
        raise ValidationError(f"when was it? {WHEN_EXAMPLES}")
    return parse_when(text, now, zone, reading=Reading.EVENT)


def parse_interviewers(text: str) -> list[Interviewer]:
    """'Dana Kim <dana@acme.com>, Luis Ortega' -> two interviewers."""
    return [Interviewer.parse(part) for part in text.split(",") if part.strip()]


class NewApplicationScreen(ModalScreen[Application | None]):
    """Dismisses with the new Application (not yet saved), or None."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Save the new application"),
        Binding("escape", "cancel", "Cancel", id="form.cancel",
                tooltip="Close the form (asks first if anything is typed)"),
        # priority: handled as the key arrives, so keys typed right after land in the next field
        Binding("enter", "next_or_save", "Next field", show=False, priority=True, id="form.enter"),
        Binding("tab,down", "move(1)", "Next field", show=False, priority=True, id="form.next"),
        Binding("shift+tab,up", "move(-1)", "Previous field", show=False, priority=True, id="form.previous"),
    ]

    DEFAULT_CSS = """
    NewApplicationScreen {
        align: center middle;
        & > #form {
            width: 76;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: thick $primary;
            border-title-align: left;
            border-subtitle-align: right;
            background: $surface;
            padding: 0 1;
        }
        & .field { height: 1; margin-top: 1; }
        & .field-label { width: 15; text-style: bold; }
        & Input { width: 1fr; background: $boost; }
        & Input:focus { background: $primary 30%; }
        & .problem { color: $text-error; height: auto; padding-left: 15; }
        & .hint { color: $text-success; height: auto; padding-left: 15; }
        & #form-keys { margin-top: 1; color: $text-muted; }
    }
    """

    FIELDS = (
        ("company", "Company", "Acme Robotics"),
        ("role", "Role", "Senior Backend Engineer"),
        ("round", "Round", "Interview"),
        ("when", "When", WHEN_EXAMPLES),
        ("interviewers", "Interviewers", "Dana Kim <dana@acme.example>, Luis Ortega"),
    )

    def __init__(self, now: Callable[[], DateTime], zone) -> None:
        super().__init__()
        self.now = now
        self.zone = zone
        self.touched: set[str] = set()  # fields left once: their problems show even when empty
        self.tried = False  # after a save attempt every problem shows

    def compose(self) -> ComposeResult:
        form = VerticalScroll(id="form")
        form.border_title = "New application"
        form.border_subtitle = "ctrl+s saves · escape cancels"
        with form:
            for name, label, placeholder in self.FIELDS:
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    yield Input(placeholder=placeholder, id=f"field-{name}", compact=True, select_on_focus=False)
                yield Static("", id=f"problem-{name}", classes="problem", markup=False)
            yield Static(
                "enter goes to the next field and saves on the last one; "
                "interviewers are separated by commas.",
                id="form-keys", markup=False,
            )

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#field-company", Input))  # now, not later: keys may be queued
        self._check_all()

    # --- values and their problems -------------------------------------
    def value(self, name: str) -> str:
        return self.query_one(f"#field-{name}", Input).value

    def problems(self) -> dict[str, str]:
        """Field name -> what is wrong with it (empty when fine); also the parsed time hint."""
        out: dict[str, str] = {}
        for name, check in (("company", "company"), ("role", "role")):
            text = self.value(name).strip()
            if not text:
                out[name] = f"give the {check}"
            elif len(text) > NAME_LIMIT:
                out[name] = f"{len(text)} characters: keep it under {NAME_LIMIT}"
        round_name = self.value("round").strip() or "Interview"
        if len(round_name) > ROUND_NAME_LIMIT:
            out["round"] = f"{len(round_name)} characters: keep it under {ROUND_NAME_LIMIT}"
        try:
            parse_round_time(self.value("when"), self.now(), self.zone)
        except ValidationError as exc:
            out["when"] = str(exc)
        try:
            parse_interviewers(self.value("interviewers"))
        except ValidationError as exc:
            out["interviewers"] = str(exc)
        return out

    def _check_all(self) -> dict[str, str]:
        problems = self.problems()
        for name, _, _ in self.FIELDS:
            widget = self.query_one(f"#problem-{name}", Static)
            shown = name in self.touched or self.tried or bool(self.value(name).strip())
            message = problems.get(name, "") if shown else ""
            if name == "when" and not message:
                widget.set_class(True, "hint").set_class(False, "problem")
                text = self._when_hint()
            else:
                widget.set_class(False, "hint").set_class(True, "problem")
                text = f"✗ {message}" if message else ""
            widget.update(text)
            widget.display = bool(text)
        return problems

    def _when_hint(self) -> str:
        text = self.value("when").strip()
        if not text:
            return ""
        now = self.now()
        at = parse_round_time(text, now, self.zone)
        upcoming = " (upcoming round)" if at > now else ""
        return f"✓ {timefmt.understood(at, self.zone, now)}{upcoming}"

    def on_input_changed(self, event: Input.Changed) -> None:
        self._check_all()

    def on_descendant_blur(self, event) -> None:
        if isinstance(event.widget, Input) and event.widget.id:
            self.touched.add(event.widget.id.removeprefix("field-"))
            self._check_all()

    async def action_next_or_save(self) -> None:
        if self.focused is self.query_one("#field-interviewers"):
            await self.action_save()
        else:
            self.action_move(1)

    def action_move(self, step: int) -> None:
        """The next (or previous) field, focused at once, so that the next key typed lands there
        (the keys typed before this one are already in the previous field's queue)."""
        fields = [self.query_one(f"#field-{name}", Input) for name, _, _ in self.FIELDS]
        index = fields.index(self.focused) if self.focused in fields else -1
        self.set_focus(fields[(index + step) % len(fields)])

    # --- leaving -------------------------------------------------------
    async def action_save(self) -> None:
        await self._settle_fields()
        self.tried = True
        problems = self._check_all()
        if problems:
            first = next(name for name, _, _ in self.FIELDS if name in problems)
            self.query_one(f"#field-{first}", Input).focus()
            self.notify("Not saved yet: fix the fields marked ✗", severity="warning")
            return
        now = self.now()
        application = actions.new_application(
            self.value("company"),
            self.value("role"),
            now=now,
            round_name=self.value("round").strip() or "Interview",
            round_at=parse_round_time(self.value("when"), now, self.zone),
            interviewers=parse_interviewers(self.value("interviewers")),
            use_thank_you=self.app.settings.use_thank_you,
        )
        self.dismiss(application)

    async def _settle_fields(self) -> None:
        """Every key typed before the one being handled is in its field (see tui/ui/settle.py)."""
        for name, _, _ in self.FIELDS:
            await settled(self.query_one(f"#field-{name}", Input))

    async def action_cancel(self) -> None:
        await self._settle_fields()
        if not any(self.value(name).strip() for name, _, _ in self.FIELDS):
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Throw away this new application?", yes="Throw it away", no="Keep editing"),
            answered,
        )

