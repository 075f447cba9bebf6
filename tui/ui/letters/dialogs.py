"""The letter screen's questions: a file name, when a letter went out, and whom it goes to.

Its yes/no questions are screens/confirm.py's; both questions here are forms of
the one form framework (screens/form.py), so they validate inline and take a
burst of keys like every form.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from pendulum import DateTime

from tui.core.errors import ValidationError
from tui.core.when import Reading
from tui.store.errors import WriteFailedError
from tui.store.paths import check_not_ours, refusal
from tui.ui.detail.timefmt import parse_user_time, understood_by
from tui.ui.letters.files import check_path
from tui.ui.screens.form import Field, FormScreen, ReadButRefused


class PathPrompt(FormScreen):
    """A file path, prefilled: `enter` takes it once it names a file that can be written (else the reason
    shows under it), `escape` gives up (None) without asking: nothing but a file name is lost."""

    hint = "enter: save · esc: cancel"
    asks_before_discarding = False

    def __init__(self, title: str, default: str, hint: str = "") -> None:
        super().__init__()
        self.form_title = title
        self.default = default
        if hint:
            self.hint = f"{hint}\n{PathPrompt.hint}"

    def fields(self) -> list[Field]:
        return [Field("path", "File", self.default, "e.g. ~/followup-letters/acme.txt", self._writable)]

    def _writable(self, raw: str) -> Path:
        """check_path, and never the data file, its lock or a backup (paths.check_not_ours): said under the
        field, with the path kept for the user to change (review R3 2)."""
        path = check_path(raw)
        try:
            check_not_ours(path, self.app.changelog.store.real_path)
        except WriteFailedError as exc:
            raise ValidationError(refusal(exc).removeprefix(f"{path}: ")) from None
        return path

    def build(self, values: dict[str, Any]) -> Path:
        return values["path"]


class SentAtForm(FormScreen):
    """When the letter went out: read by `read` (a time in the past, after the round), or refused inline;
    under the field, as in every form with a time, what it was understood as (timefmt.understood), or why
    that time will not do."""

    form_title = "When did the letter go out?"
    hint = "enter or ctrl+s: go on to confirm · esc: cancel"

    def __init__(self, read: Callable[[str], Any], now: DateTime, zone) -> None:
        super().__init__()
        self.read = read
        self.now, self.zone = now, zone

    def fields(self) -> list[Field]:
        return [Field("when", "Sent", "", "e.g. yesterday 16:30, last fri 9:00, 2026-03-10 17:45", self._read,
                      describe=understood_by(self.now, self.zone))]

    def _read(self, text: str) -> Any:
        """A time read but refused (before the round, to come) is said as it is typed, as the reply and
        snooze forms say theirs (ReadButRefused): the field showed neither that nor a ✓ until enter
        (review R2 #8). Text that is no time yet stays quiet while typed."""
        parse_user_time(text, self.now, self.zone, Reading.PAST)
        try:
            return self.read(text)
        except ValidationError as exc:
            raise ReadButRefused("when", str(exc)) from None

    def build(self, values: dict[str, Any]) -> Any:
        return values["when"]


class RecipientForm(FormScreen):
    """Whom a letter to the company goes to: the person the letter chose, or anyone else on the card.
    Gives the interviewer's id ("" for the letter's own choice), or None when left with escape."""

    form_title = "Whom does the letter go to?"
    hint = "letter or arrows: choose · enter: write to them · esc: cancel"
    asks_before_discarding = False

    def __init__(self, people: list[tuple[str, str]], current: str) -> None:
        super().__init__()
        self.people, self.current = people, current

    def fields(self) -> list[Field]:
        return [Field("to", "To", self.current, options=self.people)]

    def build(self, values: dict[str, Any]) -> str:
        return values["to"]
