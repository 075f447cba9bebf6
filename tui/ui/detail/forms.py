"""The detail screen's forms: a round, an interviewer, a direction, the card's details."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from pendulum import DateTime

from tui.core.model import (
    LONG_TEXT_LIMIT,
    ROUND_NAME_LIMIT,
    Application,
    Direction,
    Interviewer,
    Round,
    check_email,
    check_link,
    check_recruiter,
)
from tui.core.stages import DirectionKind
from tui.core.timefmt import for_input
from tui.core.when import Reading
from tui.ui.detail.timefmt import parse_user_time, understood_by
from tui.ui.screens.form import Field, FieldError, FormScreen, optional, required


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


@dataclass
class RoundInput:
    name: str
    at: DateTime
    interviewers: list[Interviewer]


class RoundForm(FormScreen):
    def __init__(self, now: DateTime, zone, existing: Round | None = None) -> None:
        super().__init__()
        self.now, self.zone, self.existing = now, zone, existing
        self.form_title = f"Edit round “{existing.name}”" if existing else "Add a round"

    def fields(self) -> list[Field]:
        old = self.existing
        return [
            Field("name", "Round", old.name if old else "", "phone screen, onsite, final…",
                  required("round name", ROUND_NAME_LIMIT)),
            Field("when", "When", for_input(old.at, self.zone) if old else "",
                  "yesterday 10am, wed 14:00 (past), next tue 10:00 (upcoming)",
                  lambda text: parse_user_time(text, self.now, self.zone, Reading.EVENT),
                  describe=understood_by(self.now, self.zone)),
            Field("people", "Interviewers", ", ".join(i.display() for i in old.interviewers) if old else "",
                  "Dana Kim <dana@acme.com>, Lee Park", Interviewer.parse_many),
        ]

    def build(self, values) -> RoundInput:
        people = values["people"]
        if self.existing is not None:
            people = keep_known(people, self.existing.interviewers)
        names = [p.name.lower() for p in people]
        if len(set(names)) != len(names):
            raise FieldError("people", "the same name is listed twice: give each interviewer once")
        return RoundInput(values["name"], values["when"], people)


class InterviewerForm(FormScreen):
    def __init__(self, round_name: str, existing: Interviewer | None = None) -> None:
        super().__init__()
        self.existing = existing
        self.form_title = f"Edit {existing.name}" if existing else f"Add an interviewer to “{round_name}”"

    def fields(self) -> list[Field]:
        old = self.existing
        return [
            Field("name", "Name", old.name if old else "", "Dana Kim", required("name")),
            Field("title", "Title", old.title if old else "", "Engineering Manager", optional("title")),
            Field("email", "Email", old.email if old else "", "dana@acme.com", check_email),
            Field("topic", "Topic", old.topic if old else "", "what you talked about (the thank-you names it)",
                  optional("topic", LONG_TEXT_LIMIT)),
            Field("link", "Link", old.link if old else "", "https://… an article on it (the thank-you links it)",
                  check_link),
            Field("link_note", "Link note", old.link_note if old else "",
                  "what it is: the talk on log compaction", optional("link note")),
        ]

    def build(self, values) -> Interviewer:
        old = self.existing
        if values["link_note"] and not values["link"]:
            raise FieldError("link_note", "a note about a link needs the link: add the address above, or clear this")
        return Interviewer(
            name=values["name"], title=values["title"], email=values["email"], topic=values["topic"],
            link=values["link"], link_note=values["link_note"],
            thanked_at=old.thanked_at if old else None, **({"id": old.id} if old else {}),
        )


KIND_CHOICES = [
    ("do by a date", DirectionKind.DO_BY.value),
    ("quiet: not before a date", DirectionKind.NOT_BEFORE.value),
    ("just information", DirectionKind.INFO.value),
]


class DirectionForm(FormScreen):
    form_title = "Add a direction from the recruiter"

    def __init__(self, now: DateTime, zone, day_ends: time = time(17, 0)) -> None:
        super().__init__()
        self.now, self.zone, self.day_ends = now, zone, day_ends  # a date typed alone: due as working hours end

    def fields(self) -> list[Field]:
        return [
            Field("text", "What", "", "send two references", required("direction", LONG_TEXT_LIMIT)),
            Field("kind", "Kind", DirectionKind.DO_BY.value, options=KIND_CHOICES, check=DirectionKind.parse),
            Field("when", "Date", "", "fri 17:00, 2026-12-04 (empty for none)",
                  lambda text: parse_user_time(text, self.now, self.zone, default_time=self.day_ends)
                  if text.strip() else None, describe=understood_by(self.now, self.zone)),
        ]

    def build(self, values) -> Direction:
        if values["kind"] is DirectionKind.NOT_BEFORE and values["when"] is None:
            raise FieldError("when", "a quiet period needs a date: until when not to contact them")
        return Direction(text=values["text"], kind=values["kind"], due=values["when"])


class DetailsForm(FormScreen):
    form_title = "Edit the card"

    def __init__(self, app: Application, now: DateTime, zone) -> None:
        super().__init__()
        self.application, self.now, self.zone = app, now, zone

    def _when(self, text: str):
        return parse_user_time(text, self.now, self.zone) if text.strip() else None

    def fields(self) -> list[Field]:
        app = self.application
        return [
            Field("company", "Company", app.company, "Acme", required("company")),
            Field("role", "Role", app.role, "Backend Engineer", required("role")),
            Field("recruiter", "Recruiter", app.recruiter, "Sam Lee <sam@acme.com>", check_recruiter),
            Field("decision_by", "Decision by", for_input(app.decision_by, self.zone),
                  "when they said they would decide (empty for none)", self._when,
                  describe=understood_by(self.now, self.zone)),
            Field("keep_in_touch", "Keep in touch", for_input(app.keep_in_touch, self.zone),
                  "when to get back in touch (empty for none)", self._when,
                  describe=understood_by(self.now, self.zone)),
        ]

    def build(self, values) -> dict:
        return values
