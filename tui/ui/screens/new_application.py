"""The `n` form: company, role, round, when it was, who you met.

A FormScreen (tui/ui/screens/form.py, the one form framework), so it keys,
checks and asks like every other form: each problem under its field, the time
field saying what it understood, nothing saved until every field reads.
"""

from __future__ import annotations

from typing import Any, Callable

from pendulum import DateTime

from tui.core.errors import ValidationError
from tui.core.model import Application
from tui.core.parts import NAME_LIMIT, ROUND_NAME_LIMIT, Interviewer
from tui.core.stages import DEFAULT_ROUND_NAME
from tui.ui.screens.form import Field, FieldError, FormScreen, optional, required

# a round's time, on this form and the round form (one constant: review Z 9)
WHEN_EXAMPLES = "e.g. yesterday 10am, wed 14:00 (past), next tue 10:00 (upcoming)"


class NewApplicationScreen(FormScreen):
    """Dismisses with the new Application (not yet saved), or None."""

    form_title = "New application"
    hint = "enter: next field (the last saves) · ctrl+s: save · esc: cancel\ninterviewers: separated by commas"
    discard_question = "Throw away this new application?"
    discard_detail = "Nothing of it has been saved."
    discard_yes = "Throw it away"
    discard_no = "Keep editing"
    # company, role, round name and time are each read on their own (their fields' checks), so what the core
    # still refuses as it makes the card is its round's people (the same person twice): said there, and the
    # focus kept there; under Company, the fix typed next went into the company's name (review T 5)
    refused_under = "interviewers"

    def __init__(self, now: Callable[[], DateTime], zone) -> None:
        super().__init__()
        self.clock = now
        self.opened_at = now()  # what "yesterday 10am" is read against while the form is open
        self.zone = zone

    def fields(self) -> list[Field]:
        return [
            # an example says "e.g." (in the field it looked like a value typed); the round's is the name an
            # empty field gets, and says so (review V 8)
            Field("company", "Company", "", "e.g. Acme Robotics", required("company", NAME_LIMIT)),
            Field("role", "Role", "", "e.g. Senior Backend Engineer", required("role", NAME_LIMIT)),
            Field("round", "Round", "", f"default: {DEFAULT_ROUND_NAME}", optional("round name", ROUND_NAME_LIMIT)),
            Field("when", "When", "", WHEN_EXAMPLES, self._when, describe=self._describe_when),
            Field("interviewers", "Interviewers", "", "e.g. Dana Kim <dana@acme.example>, Luis Ortega",
                  Interviewer.parse_many),
        ]

    def _when(self, text: str) -> DateTime:
        """Read as a round, as the round form reads it: a bare weekday or time is the most recent one,
        an explicit future ("next tue") an upcoming round."""
        from tui.core.when import Reading
        from tui.ui.detail.timefmt import parse_user_time

        if not text.strip():
            raise ValidationError(f"when was it? {WHEN_EXAMPLES}")
        return parse_user_time(text, self.opened_at, self.zone, Reading.EVENT)

    def _describe_when(self, at: Any) -> str:
        from tui.ui.detail.timefmt import understood_round_by

        return understood_round_by(self.opened_at, self.zone)(at)

    def build(self, values: dict[str, Any]) -> Application:
        from tui.core import actions

        self._refuse_added_before(values)
        return actions.new_application(
            values["company"],
            values["role"],
            now=self.clock(),
            round_name=values["round"],  # empty: the core's DEFAULT_ROUND_NAME
            round_at=values["when"],
            interviewers=values["interviewers"],
            use_thank_you=self.app.settings.use_thank_you,
        )

    def _refuse_added_before(self, values: dict[str, Any]) -> None:
        """The card `followup add` refuses as made already (same company and role, open, a round at that
        time: import_match.added_before) is refused here too, under Company, in its words, with the typing
        kept: the board added it and `show` was then ambiguous (review X2 5)."""
        from tui.core.import_match import added_before, added_before_words

        cards = getattr(self.app, "changelog", None)
        if cards is None:  # a bare host (tests) has no cards to compare with
            return
        there = added_before(list(cards.apps.values()), values["company"], values["role"], values["when"])
        if there is not None:
            raise FieldError("company", added_before_words(there, values["when"], self.app.settings, self.clock()))
