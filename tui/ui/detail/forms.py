"""The detail screen's forms: a round, an interviewer, a direction, the card's details."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from pendulum import DateTime
from textual.widgets import Select

from tui.core.correspondence import check_keep_in_touch
from tui.core.deadlines import direction_default_time, keep_in_touch_due
from tui.core.direction_actions import check_quiet_end
from tui.core.direction_words import decision_date_in_words, kind_in_words
from tui.core.errors import ValidationError
from tui.core.model import Application
from tui.core.parts import (
    LONG_TEXT_LIMIT,
    ROUND_NAME_LIMIT,
    Direction,
    Interviewer,
    Round,
    check_email,
    check_link,
    check_link_note,
    check_recruiter,
    clean_field,
)
from tui.core.settings import Settings
from tui.core.stages import DEFAULT_ROUND_NAME, DirectionKind, Stage, round_name_or_default
from tui.core.timefmt import for_input
from tui.core.when import Reading
from tui.ui.detail.process_forms import due_said
from tui.ui.detail.timefmt import parse_user_time, understood_by, understood_round_by
from tui.ui.screens.form import Field, FieldError, FormScreen, field_name, optional, required
from tui.ui.screens.new_application import WHEN_EXAMPLES


def keep_known(parsed: list[Interviewer], known: list[Interviewer]) -> list[Interviewer]:
    """People already on the round keep their id, title, topic, link and thank-you mark."""
    by_name = {p.name.lower(): p for p in known}
    out = []
    for person in parsed:
        old = by_name.get(person.name.lower())
        if old is None:
            out.append(person)
        else:
            out.append(Interviewer(name=person.name, title=old.title, email=person.email, topic=old.topic,
                                   thanked_at=old.thanked_at, id=old.id, link=old.link, link_note=old.link_note))
    return out


class EditForm(FormScreen):
    """A form over a record that can change while it is open: what it saves is what the user changed.

    The board re-reads a card that another Followup window or the command line
    changed, also under an open form. Saving every field as the form showed it
    would put the old values back without a word (PRODUCT: nobody's change is
    lost; a stale edit is refused with a clear message). So a field left as it
    was is not saved, and a field changed both here and elsewhere is refused
    under it, naming what it became: saving again replaces it, knowingly.
    `current` gives the record as the board has it now (None once it is gone).
    """

    def __init__(self, existing: Any, current: Callable[[], Any] | None = None) -> None:
        super().__init__()
        self.existing = existing
        self._current = current
        self._seen: dict[str, str] = {}  # a field's value elsewhere, already shown to the user

    def fields(self) -> list[Field]:
        return self.fields_for(self.existing)

    def fields_for(self, record: Any) -> list[Field]:
        raise NotImplementedError

    def current(self) -> Any:
        """The record now, else as the form opened on it."""
        now = self._current() if self._current is not None else None
        return now if now is not None else self.existing

    def changes(self, values: dict[str, Any]) -> dict[str, Any]:
        """The read values of the fields the user changed; FieldError for one changed elsewhere meanwhile."""
        if self.existing is None:
            return values
        behind = getattr(self.app, "behind_the_file", None)  # the real board; test hosts have no file
        if behind is not None and behind():
            raise ValidationError("the card was changed elsewhere a moment ago and the board is reading it "
                                  "again: save again in a second (what you typed is kept)")
        typed = self.values_now()
        theirs = {f.name: f.value for f in self.fields_for(self.current())}
        changed = {}
        for name, text in typed.items():
            shown = self._initial[name]
            if text == shown:
                continue
            elsewhere = theirs.get(name, shown)
            if elsewhere not in (shown, text, self._seen.get(name)):
                self._seen[name] = elsewhere
                raise FieldError(name, f"this was changed elsewhere while the form was open, to “{elsewhere}”: "
                                       "save again to replace it with what you typed; to keep theirs, type it "
                                       "here instead")  # escape drops the whole form, not just this field
            changed[name] = values[name]
        return changed


@dataclass
class RoundInput:
    """A new round, or what an edit changed (None: left as it is)."""
    name: str | None
    at: DateTime | None
    interviewers: list[Interviewer] | None


class RoundForm(EditForm):
    def __init__(self, now: DateTime, zone, existing: Round | None = None,
                 current: Callable[[], Round | None] | None = None) -> None:
        super().__init__(existing, current)
        self.now, self.zone = now, zone
        self.form_title = f"Edit round “{existing.name}”" if existing else "Add a round"
        self.refused_under = "people"  # what the core refuses in a round's change is about its people

    def fields_for(self, old: Round | None) -> list[Field]:
        # a new round's name may stay empty, as in the new application form and `followup round`
        name = (Field("name", "Round", old.name, "e.g. phone screen, onsite, final…",
                      required("round name", ROUND_NAME_LIMIT)) if old else
                Field("name", "Round", "", f"default: {DEFAULT_ROUND_NAME}", optional("round name", ROUND_NAME_LIMIT)))
        return [
            name,
            Field("when", "When", for_input(old.at, self.zone) if old else "",
                  WHEN_EXAMPLES,
                  lambda text: parse_user_time(text, self.now, self.zone, Reading.EVENT),
                  describe=understood_round_by(self.now, self.zone)),
            Field("people", "Interviewers", ", ".join(i.display() for i in old.interviewers) if old else "",
                  "e.g. Dana Kim <dana@acme.com>, Lee Park", Interviewer.parse_many),
        ]

    def build(self, values) -> RoundInput:
        """The same person twice is the core's to refuse (the rounds list tries the change first,
        FormScreen.trial): said under the people, in its words."""
        people = values["people"]
        if self.existing is None:
            return RoundInput(round_name_or_default(values["name"] or ""), values["when"], people)
        changed = self.changes(values)
        if "people" in changed:  # those already there keep their marks as the round has them now
            changed["people"] = keep_known(people, self.current().interviewers)
        return RoundInput(changed.get("name"), changed.get("when"), changed.get("people"))


class InterviewerForm(EditForm):
    def __init__(self, round_name: str, existing: Interviewer | None = None,
                 current: Callable[[], Interviewer | None] | None = None) -> None:
        super().__init__(existing, current)
        self.form_title = f"Edit {existing.name}" if existing else f"Add an interviewer to “{round_name}”"
        self.refused_under = "name"  # the same person twice in the round: the name is what makes them one

    def fields_for(self, old: Interviewer | None) -> list[Field]:
        return [
            Field("name", "Name", old.name if old else "", "e.g. Dana Kim", required("name")),
            Field("title", "Title", old.title if old else "", "e.g. Engineering Manager", optional("title")),
            Field("email", "Email", old.email if old else "", "e.g. dana@acme.com", check_email),
            Field("topic", "Topic", old.topic if old else "", "what you talked about (the thank-you names it)",
                  optional("topic", LONG_TEXT_LIMIT)),
            Field("link", "Link", old.link if old else "", "https://… an article on it (the thank-you links it)",
                  check_link),
            Field("link_note", "Link note", old.link_note if old else "",
                  "what it is: the talk on log compaction", optional("link note")),
        ]

    def build(self, values) -> Interviewer | dict[str, Any]:
        """A new interviewer, or (editing) the fields changed: {name: value}."""
        try:
            check_link_note(values["link"], values["link_note"])
        except ValidationError as exc:
            raise FieldError("link_note", f"{exc}: add the address above, or clear this") from None
        if self.existing is None:
            return Interviewer(name=values["name"], title=values["title"], email=values["email"],
                               topic=values["topic"], link=values["link"], link_note=values["link_note"])
        return self.changes(values)


KIND_CHOICES = [
    ("do by a date", DirectionKind.DO_BY.value),
    ("quiet: not before a date", DirectionKind.NOT_BEFORE.value),
    ("information only", DirectionKind.INFO.value),  # not "just …": j, typed to go down, picked it (S8 3)
]


class DirectionForm(FormScreen):
    """The kind follows the words typed ("don't call before Monday" is a quiet period:
    direction_words.kind_in_words) until the user picks one themselves; then it is theirs. Words saying
    when they decide point to the card's "Decision by", which the form does not set itself: a quiet
    period alone makes the follow-up due the morning of the decision day (review R8 #1)."""

    form_title = "Add a direction from the recruiter"

    def __init__(self, now: DateTime, zone, settings: Settings) -> None:
        super().__init__()
        self.now, self.zone, self.settings = now, zone, settings
        self._picked = DirectionKind.DO_BY.value  # the kind the form itself last gave the field
        self._set_by_form: list[str] = []  # its changes still to be announced (Select.Changed comes later)
        self._by_hand = False  # the user chose the kind: the words no longer change it

    def _date(self, text: str):
        """A date typed alone: a do-by is due as working hours end, a quiet period ends as they start
        (deadlines.direction_default_time, as `followup direction --by / --not-before` read them)."""
        if not text.strip():
            return None
        kind = DirectionKind.parse(self.raw("kind"))
        return parse_user_time(text, self.now, self.zone, default_time=direction_default_time(self.settings, kind))

    def _kind_said(self, kind: DirectionKind) -> str:
        said = []
        if not self._by_hand and kind is DirectionKind.NOT_BEFORE:
            said.append("read from the words: no contact before the date (←/→ to change)")
        if self.is_mounted and decision_date_in_words(self.raw("text")):
            said.append("they say when they decide: put that date in the card's Decision by (c on the card) "
                        "so the follow-up waits until a business day after it")
        return "\n".join(said)

    def fields(self) -> list[Field]:
        return [
            Field("text", "What", "", "e.g. send two references", required("direction", LONG_TEXT_LIMIT)),
            Field("kind", "Kind", DirectionKind.DO_BY.value, options=KIND_CHOICES, check=DirectionKind.parse,
                  describe=self._kind_said),
            Field("when", "Date", "", "e.g. fri 17:00, 2026-12-04 (empty for none)", self._date,
                  describe=understood_by(self.now, self.zone)),
        ]

    def _follow_words(self) -> None:
        """The kind the text reads as, unless the user chose one. Checked against the field itself, not
        only its Changed messages: typed in one burst, a letter picking the kind can be in the field before
        the message of the text typed ahead of it reaches the form."""
        if not self.is_mounted:
            return
        kind = self.query_one("#field-kind", Select)
        if not self._by_hand and kind.value != self._picked:
            self._by_hand = True
        if not self._by_hand:
            wanted = kind_in_words(self.raw("text")).value
            if wanted != kind.value:
                self._picked = wanted
                self._set_by_form.append(wanted)
                kind.value = wanted
        self.check_field("kind", quiet=True)  # the line under it follows the words, a kind picked by hand too

    def on_input_changed(self, event) -> None:
        super().on_input_changed(event)
        if field_name(event.input) == "text":
            self._follow_words()

    def on_select_changed(self, event) -> None:
        """Another kind reads a date typed alone at another time: what it understood follows."""
        if self._set_by_form and event.value == self._set_by_form[0]:
            self._set_by_form.pop(0)
        elif event.value != self._picked or self._set_by_form:
            self._by_hand = True  # a kind the form did not give: the user's
            if self.is_mounted:
                self.check_field("kind", quiet=True)  # no "read from the words" now; a decision date still said
        if self.is_mounted and self.raw("when").strip():
            self.check_field("when", quiet=True)

    def _save(self) -> None:
        self._follow_words()  # the text's last keys may not have been announced yet (_follow_words)
        super()._save()

    def build(self, values) -> Direction:
        if values["kind"] is DirectionKind.NOT_BEFORE:
            if values["when"] is None:
                raise FieldError("when", "a quiet period needs a date: until when not to contact them")
            try:
                check_quiet_end(values["when"], now=self.now, zone=self.zone)
            except ValidationError as exc:
                raise FieldError("when", str(exc)) from None
        return Direction(text=values["text"], kind=values["kind"], due=values["when"])


class DetailsForm(EditForm):
    form_title = "Edit the card"

    def __init__(self, app: Application, now: DateTime, zone,
                 current: Callable[[], Application | None] | None = None) -> None:
        super().__init__(app, current)
        self.now, self.zone = now, zone

    def _when(self, text: str):
        return parse_user_time(text, self.now, self.zone) if text.strip() else None

    def _decision_by(self, text: str):
        """A day typed alone is the end of that working day, as a do-by direction's ("by Friday": review
        R2 #6 read it as Friday 09:00 here and 17:00 there); `followup edit --decision-by` reads it so too."""
        if not text.strip():
            return None
        end_of_day = direction_default_time(self.app.changelog.settings, DirectionKind.DO_BY)
        return parse_user_time(text, self.now, self.zone, default_time=end_of_day)

    def _keep_in_touch(self, text: str):
        """Ahead of now (correspondence.check_keep_in_touch), unless left as it was: a date that has since
        passed is a deadline to act on, not a reason to refuse the card's other changes."""
        when = self._when(text)
        if when is not None and text.strip() != self._initial.get("keep_in_touch", "").strip():
            check_keep_in_touch(when, now=self.now, zone=self.zone)
        return when

    def fields_for(self, app: Application) -> list[Field]:
        closed = app.stage is Stage.CLOSED
        return [
            Field("company", "Company", app.company, "e.g. Acme", required("company")),
            Field("role", "Role", app.role, "e.g. Backend Engineer", required("role")),
            Field("recruiter", "Recruiter", app.recruiter, "e.g. Sam Lee <sam@acme.com>", check_recruiter),
            # the checks the card itself makes (model.Application), as `followup edit --posting/--pitch` meets them
            Field("posting", "Posting", app.posting, "https://… the job ad (empty for none)",
                  lambda text: check_link(text, "posting")),
            Field("pitch", "Pitch", app.pitch, "what you bring to this role (empty: the pitch setting)",
                  lambda text: clean_field(text, "pitch", limit=LONG_TEXT_LIMIT)),
            Field("decision_by", "Decision by", for_input(app.decision_by, self.zone),
                  "when they said they would decide (empty for none)", self._decision_by,
                  describe=understood_by(self.now, self.zone)),
            Field("keep_in_touch", "Keep in touch", for_input(app.keep_in_touch, self.zone),
                  "when to get back in touch (empty for none)" if closed else
                  "when to get back in touch once it is closed (empty for none)", self._keep_in_touch,
                  describe=self._keep_in_touch_said),
        ]

    def _keep_in_touch_said(self, when: DateTime | None) -> str:
        """As the close form says it (process_forms.due_said); on an open card, also that it reminds of nothing
        until the card is closed (deadlines: keep in touch is a closed card's), review R2 #4."""
        said = due_said(self, self.current, keep_in_touch_due)(when)
        if said and self.current().stage is not Stage.CLOSED:
            said += " · reminds once the process is closed"
        return said

    def build(self, values) -> dict:
        """The fields changed: {name: value} (none: nothing to save)."""
        return self.changes(values)
