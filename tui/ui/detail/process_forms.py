"""Forms for what happens to a process: they replied, a deadline put off, how it ended.

All three are FormScreens (tui/ui/screens/form.py, the one form framework) and
read times through tui.core.when: what happened in the PAST reading (a bare
weekday is the latest one, a future time is refused), what is ahead in the
COMING one; each time field says what it understood as it is typed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from pendulum import DateTime

from tui.core.correspondence import OUTCOME, REPLY, REPLY_VIAS, check_after_first_round, check_keep_in_touch
from tui.core.deadlines import Deadline, keep_in_touch_due
from tui.core.errors import ValidationError
from tui.core.model import Application
from tui.core.parts import LONG_TEXT_LIMIT, NAME_LIMIT
from tui.core.settings import Settings
from tui.core.snoozing import check_until, snoozed_due
from tui.core.stages import Outcome
from tui.core.timefmt import for_input, show_time, typed_and_due
from tui.core.timeutil import local
from tui.core.when import Reading
from tui.ui.detail.outcome import WHAT_FOLLOWS
from tui.ui.detail.timefmt import parse_user_time, understood_by
from tui.ui.screens.form import Field, FieldError, FormScreen, ReadButRefused, optional

PAST_EXAMPLES = "empty: now; or e.g. yesterday 16:00, mon 10am"


def snooze_examples(rule_due: datetime, now: datetime, zone) -> str:
    """Ends the snooze form takes for this deadline (check_until: after it, still to come), each on a day
    after the deadline's: a fixed "mon 9:00" came before a deadline due later that week, and was refused
    (review R2 #8)."""
    days = (local(rule_due, zone).date() - local(now, zone).date()).days + 1
    later = "tomorrow 9:00" if days <= 1 else f"in {days} days"
    day_after = local(max(rule_due, now), zone).add(days=1).at(9)
    return f"e.g. {later}, {for_input(day_after, zone)}"


def due_said(form: FormScreen, card: Callable[[], Application | None],
             due_of: Callable[[Application, Settings, DateTime], datetime | None]) -> Callable[[DateTime | None], str]:
    """The `describe` of a field whose time makes a deadline (a snooze's end, a keep-in-touch date): what
    was understood and, when working hours or a quiet period move it, when the deadline falls (`due_of`),
    in the words of `followup snooze` and `close` (timefmt.typed_and_due). A Sunday dawn is never the
    deadline. The snooze, close and edit-card forms share it; `form` has `now` and `zone`."""
    def said(moment: DateTime | None) -> str:
        if moment is None:
            return ""
        found = card()
        due = None if found is None else due_of(found, form.app.changelog.settings, moment)
        return typed_and_due(moment, due, form.zone, form.now)
    return said


class _TimedForm(FormScreen):
    def __init__(self, now: DateTime, zone) -> None:
        super().__init__()
        self.now, self.zone = now, zone

    def _past(self, text: str) -> DateTime:
        """What happened: empty is now."""
        return parse_user_time(text, self.now, self.zone, Reading.PAST) if text.strip() else self.now

    def _after_first_round(self, text: str, what: str) -> DateTime:
        """What happened, after the card's first round (correspondence.check_after_first_round, as
        `followup reply/close --at` ask it): refused under the field as it is typed, the text kept."""
        moment = self._past(text)
        card = self.app.changelog.apps.get(self.app_id) if self.app_id else None
        if card is not None:
            try:
                check_after_first_round(card, moment, what, zone=self.zone, now=self.now)
            except ValidationError as exc:
                raise ReadButRefused("at", str(exc)) from None
        return moment

    def _coming(self, text: str) -> DateTime | None:
        return parse_user_time(text, self.now, self.zone, Reading.COMING) if text.strip() else None


class ReplyForm(_TimedForm):
    """They answered: when, how, and what they said. Dismisses with {"at", "via", "note"}."""

    def __init__(self, company: str, now: DateTime, zone) -> None:
        super().__init__(now, zone)
        self.form_title = f"{company} replied"
        self.card_name = company

    def fields(self) -> list[Field]:
        return [
            Field("at", "When", "", PAST_EXAMPLES, lambda text: self._after_first_round(text, REPLY),
                  describe=understood_by(self.now, self.zone)),
            Field("via", "How", REPLY_VIAS[0], options=[(v, v) for v in REPLY_VIAS]),
            Field("note", "Note", "", "what they said (optional)", optional("note", LONG_TEXT_LIMIT)),
        ]


class SnoozeForm(_TimedForm):
    """Put one deadline off. Dismisses with {"until", "reason"}; `until` must be after the rule's due."""

    def __init__(self, deadline: Deadline, now: DateTime, zone) -> None:
        super().__init__(now, zone)
        self.deadline = deadline
        self.card_name = deadline.company
        self.rule_due = deadline.rule_due
        self.form_title = f"Snooze: {deadline.action} (due {show_time(self.rule_due, zone, now)})"

    def _until(self, text: str) -> DateTime:
        """Read as it is typed, so a time that cannot be the snooze's end is said under the field at once,
        never shown with the ✓ of a time understood."""
        moment = self._coming(text)
        if moment is None:
            raise FieldError("until", f"until when? {snooze_examples(self.rule_due, self.now, self.zone)}")
        try:  # the one rule, as `followup snooze` asks it
            check_until(self.deadline, moment, self.now, self.zone)
        except ValidationError as exc:  # the refusal says how the text was read
            raise ReadButRefused("until", f"{show_time(moment, self.zone, self.now)} {exc}") from None
        return moment

    def fields(self) -> list[Field]:
        lands = due_said(self, lambda: self.app.changelog.apps.get(self.deadline.app_id),
                         lambda card, settings, moment: snoozed_due(card, self.deadline, moment, settings, self.now))
        return [
            Field("until", "Until", "", snooze_examples(self.rule_due, self.now, self.zone), self._until,
                  describe=lands),
            Field("reason", "Reason", "", "why (optional): kept in the history, shown on the card",
                  optional("reason", NAME_LIMIT)),
        ]

OUTCOME_CHOICES = [(f"{o.label}: {WHAT_FOLLOWS[o]}", o.value) for o in Outcome]


class CloseForm(_TimedForm):
    """How it ended, when they said so, and when to get back in touch. Dismisses with
    {"outcome", "at", "keep_in_touch"}."""

    def __init__(self, company: str, now: DateTime, zone, outcome: Outcome = Outcome.REJECTED) -> None:
        super().__init__(now, zone)
        self.form_title = f"How did it end with {company}?"
        self.card_name = company
        self.outcome = outcome  # offered first (outcome.suggested_outcome)

    def _told(self, text: str) -> DateTime | None:
        """When they said so; empty is None, which `correspondence.close` reads as now, or, on a card already
        closed with this outcome, as the time recorded (adding a keep-in-touch date moves nothing)."""
        return self._after_first_round(text, OUTCOME) if text.strip() else None

    def _keep_in_touch(self, text: str) -> DateTime | None:
        when = self._coming(text)
        if when is not None:
            check_keep_in_touch(when, now=self.now, zone=self.zone)  # refused under the field, as `close` would
        return when

    def fields(self) -> list[Field]:
        return [
            Field("outcome", "Outcome", self.outcome.value, options=OUTCOME_CHOICES, check=Outcome.parse),
            Field("at", "When", "", PAST_EXAMPLES, self._told, describe=understood_by(self.now, self.zone)),
            Field("keep_in_touch", "Keep in touch", "", "when to get back in touch (optional)",
                  self._keep_in_touch, describe=due_said(self, lambda: self.app.changelog.apps.get(self.app_id),
                                                         keep_in_touch_due)),
        ]
