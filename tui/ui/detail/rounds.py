"""The rounds of an application with their interviewers, and the keys that change them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core import clock
from tui.core.deadline_words import relative
from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.errors import ValidationError
from tui.core.model import Application
from tui.core.parts import Interviewer
from tui.core.text import counted
from tui.core.timefmt import show_day, show_time
from tui.ui.detail.hanging import Hanging
from tui.ui.lists import LIST_KEYS, StopsAtEnds
from tui.ui.settle import OwnKeysInOrder, settled

if TYPE_CHECKING:
    from tui.ui.detail.forms import RoundInput

# The forms, the confirm dialog and the actions are imported by the keys that use them: the
# detail screen's first frame (the first `enter`) does not wait for them.


def round_key(round_id: str) -> str:
    return f"round:{round_id}"


def person_key(round_id: str, person_id: str) -> str:
    return f"person:{round_id}:{person_id}"


class RoundsList(OwnKeysInOrder, StopsAtEnds):
    """One line per round, one indented line per interviewer under it.

    Keys that open a screen are priority bindings: they act once the keys typed before them
    moved the highlight (the list runs its own keys in order, settle.py), and the screen is
    up and focused before the keys typed after them are handled.
    """

    BINDINGS = [
        # the board's keys: n new, d delete (asks first), space marks thanked without a letter
        Binding("n", "add_round", "New", id="rounds.add", tooltip="Add a round", priority=True),
        Binding("p", "add_person", "Person", id="rounds.person", priority=True,
                tooltip="Add an interviewer to the highlighted round"),
        # enter edits the highlighted line, as enter opens a list's item everywhere; `e` stays the
        # screen's (write in the notes, as on the board: PRODUCT, the same key means the same thing)
        Binding("enter", "edit", "Edit", id="rounds.open", priority=True,
                tooltip="Edit the highlighted round or interviewer"),
        Binding("t", "thank", "Thank", id="rounds.thank", priority=True,
                tooltip="Draft the thank-you note to the highlighted interviewer (on a round: the notes it owes)"),
        Binding("space", "toggle_thanked", "Thanked", id="rounds.thanked",
                tooltip="Mark the highlighted interviewer thanked (no letter), or not"),
        Binding("d", "remove", "Delete", id="rounds.remove", priority=True,
                tooltip="Remove the highlighted round or interviewer (asks first)"),
        *LIST_KEYS,
    ]

    def __init__(self, app_id: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.app_id = app_id
        self.application: Application | None = None
        self._owed: dict[str, list[str]] = {}  # round id -> its interviewers owed a note now (marked ○ thank by)

    # --- showing -------------------------------------------------------------
    def show(self, app: Application, settings, now) -> None:
        self.application = app
        zone = settings.zone
        due = {d.ref: d for d in deadlines_for(app, settings, now) if d.kind is DeadlineKind.THANK_YOU}
        latest = app.latest_round
        self._owed = {rnd.id: [p.id for p in rnd.interviewers if p.id in due] for rnd in app.rounds}
        keep = self.highlighted_option.id if self.highlighted_option else None
        options: list[Option] = []
        for rnd in app.rounds_in_time_order:
            count = len(rnd.interviewers)
            options.append(Option(Content.assemble(
                (rnd.name, "bold"), f" · {show_time(rnd.at, zone, now)}",
                f" · {counted(count, 'interviewer')}",
                (" · latest", "$text-accent") if rnd is latest else "",
            ), id=round_key(rnd.id)))
            for person in rnd.interviewers:
                options.append(Option(self._person_line(person, due.get(person.id), zone, now, rnd.at > now),
                                      id=person_key(rnd.id, person.id)))
        if not options:
            options.append(Option(Content.styled("No rounds yet: press n to add one.", "$text-muted"),
                                  id="empty", disabled=True))
        self.set_options(options)
        ids = [o.id for o in options]
        if keep in ids:
            self.highlighted = ids.index(keep)
        elif self.option_count and not options[0].disabled:
            self.highlighted = 0

    @staticmethod
    def _person_line(person: Interviewer, deadline, zone, now, upcoming: bool = False) -> Hanging:
        """Who on the first line; the thank-you state and the topic indented below (nobody is owed a note
        for a round still to come: "not thanked" there read as a task missed)."""
        who = ", ".join(part for part in (person.title, person.email) if part)
        if person.thanked_at:
            mark = ("  ✓ ", "$text-success")
            state = (f"thanked {show_day(person.thanked_at, zone, now)}", "$text-muted")
        elif deadline is not None:
            style = "$text-error" if deadline.overdue else "$text-warning"
            mark = ("  ○ ", style)
            state = (f"thank by {show_time(deadline.due, zone, now)} ({relative(deadline.due, now)})", style)
        elif upcoming:
            mark, state = ("  · ", "$text-muted"), ("thank them after the round", "$text-muted")
        else:
            mark, state = ("  ○ ", "$text-muted"), ("not thanked", "$text-muted")
        link = person.link_note or person.link
        # each line wraps under its own text, not back at the mark (hanging.py)
        return Hanging([
            (Content.assemble(mark), Content.assemble((person.name, "bold"), f" ({who})" if who else "")),
            (Content("      "), Content.assemble(
                state,
                (f" · topic: {person.topic}", "$text-muted") if person.topic else "",
                (f" · link: {link}", "$text-muted") if link else "",
            )),
        ])

    # --- what is highlighted ---------------------------------------------------
    def _selected(self) -> tuple[str | None, str | None]:
        """(round id, interviewer id) of the highlighted line."""
        option = self.highlighted_option
        if option is None or not option.id or option.id == "empty":
            return None, None
        kind, *ids = option.id.split(":")
        return (ids[0], ids[1]) if kind == "person" else (ids[0], None)

    def _request(self, change, label: str) -> None:
        self.screen.request_change(change, label)

    def _company(self) -> str:
        return self.application.company if self.application else ""

    # --- actions -----------------------------------------------------------------
    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        await self._edit()  # a click, on this list's own queue: nothing to wait for (settled would wait on itself)

    async def action_add_round(self) -> None:
        await settled(self)
        from tui.core import actions
        from tui.ui.detail.forms import RoundForm

        def change(result: RoundInput):
            return lambda a: actions.add_round(a, result.name, result.at, result.interviewers, now=clock.now(),
                                               use_thank_you=self.app.settings.use_thank_you,
                                               zone=self.app.settings.zone)

        def added(result: RoundInput | None) -> None:
            if result is not None:
                self._request(change(result), f"Add round “{result.name}” to {self._company()}")

        form = RoundForm(clock.now(), self.screen.zone)
        self._try_first(form, change)
        await self.app.push_screen(form, added)

    def _try_first(self, form, change) -> None:
        """The form tries its result's change on the card as it is now before it closes (FormScreen.trial):
        the core's refusal (the same person twice in a round) is said in the form, under the people, with
        what was typed kept; closed first, it was a toast and the typing lost (review T 6). The one rule
        is the core's, applied by the change itself."""
        def trial(result) -> None:
            application = self.application
            if application is not None and result is not None:  # gone: the real request says so
                change(result)(application)

        form.trial = trial

    async def action_add_person(self) -> None:
        await settled(self)
        from tui.core import actions
        from tui.ui.detail.forms import InterviewerForm

        round_id, _ = self._selected()
        app = self.application
        if round_id is None and app is not None and app.latest_round is not None:
            round_id = app.latest_round.id
        if round_id is None or app is None:
            self.notify("Add a round first (n), then its interviewers.", severity="warning")
            return
        rnd = app.find_round(round_id)

        def change(person: Interviewer):
            return lambda a: actions.update_round(
                a, round_id, interviewers=[*a.find_round(round_id).interviewers, person], now=clock.now(),
                use_thank_you=self.app.settings.use_thank_you,
                said=f"Added {person.name} to {actions.round_named(a, a.find_round(round_id))}")

        def added(person: Interviewer | None) -> None:
            if person is not None:
                self._request(change(person), f"Add {person.name} to “{rnd.name}” at {self._company()}")

        form = InterviewerForm(rnd.name)
        self._try_first(form, change)
        await self.app.push_screen(form, added)

    async def action_edit(self) -> None:
        await settled(self)
        await self._edit()

    async def _edit(self) -> None:
        from tui.core import actions
        from tui.ui.detail.forms import InterviewerForm, RoundForm

        round_id, person_id = self._selected()
        app = self.application
        if round_id is None or app is None:
            self.notify("Nothing to edit here: press n to add a round.", severity="warning")
            return
        rnd = app.find_round(round_id)
        if person_id is None:
            def round_change(result: RoundInput):
                return lambda a: actions.update_round(a, round_id, name=result.name, at=result.at,
                                                      interviewers=result.interviewers, now=clock.now(),
                                                      use_thank_you=self.app.settings.use_thank_you,
                                                      zone=self.app.settings.zone)

            def edited(result: RoundInput | None) -> None:  # what the form changed; None fields stay as they are
                if result is not None and (result.name, result.at, result.interviewers) != (None, None, None):
                    self._request(round_change(result), f"Edit round “{result.name or rnd.name}” at {self._company()}")

            form = RoundForm(clock.now(), self.screen.zone, rnd, current=lambda: self._round_now(round_id))
            self._try_first(form, round_change)
            await self.app.push_screen(form, edited)
            return
        person = next(p for p in rnd.interviewers if p.id == person_id)

        def person_change(changed: dict):
            return lambda a: actions.update_round(a, round_id, now=clock.now(), interviewers=[
                msgspec.structs.replace(p, **changed) if p.id == person_id else p
                for p in a.find_round(round_id).interviewers], use_thank_you=self.app.settings.use_thank_you,
                said=f"Edited {person.name} in {actions.round_named(a, a.find_round(round_id))}: "
                     + ", ".join(field.replace("_", " ") for field in changed))

        def edited_person(changed: dict | None) -> None:  # the fields the form changed
            if changed:
                self._request(person_change(changed), f"Edit {changed.get('name', person.name)} at {self._company()}")

        person_form = InterviewerForm(rnd.name, person, current=lambda: self._person_now(round_id, person_id))
        self._try_first(person_form, lambda changed: person_change(changed) if changed else (lambda a: a))
        await self.app.push_screen(person_form, edited_person)

    def _round_now(self, round_id: str):
        """The round as the board has it now (another process may have changed it), or None."""
        app = self.app.changelog.apps.get(self.app_id)
        try:
            return app.find_round(round_id) if app is not None else None
        except ValidationError:  # removed meanwhile
            return None

    def _person_now(self, round_id: str, person_id: str):
        rnd = self._round_now(round_id)
        return next((p for p in rnd.interviewers if p.id == person_id), None) if rnd is not None else None

    async def action_thank(self) -> None:
        """t, as on the board: the thank-you letter, here for the highlighted interviewer. On a round's
        line, the notes its people are still owed, one after the other (^n), as the board's `t` drafts the
        latest round's: asking for an interviewer when only one was owed was a step for nothing (review R5 6)."""
        await settled(self)
        round_id, person_id = self._selected()
        if round_id is None or self.application is None:
            self.notify("Highlight an interviewer (j/k) to draft their thank-you note.", severity="warning")
            return
        owed = [person_id] if person_id is not None else self._owed.get(round_id, [])
        if not owed:
            rnd = self.application.find_round(round_id)
            if rnd.at > clock.now() and rnd.interviewers:  # what `t` on one of them says, not "anyway" (R7 3)
                await self.app.open_letters(self.app_id, "thank-you", interviewer_ids=[rnd.interviewers[0].id])
                return
            self.notify(f"Nobody in “{rnd.name}” is owed a thank-you note: highlight an interviewer (j/k) to "
                        "draft theirs anyway.", severity="warning")
            return
        await self.app.open_letters(self.app_id, "thank-you", interviewer_ids=owed)

    def action_toggle_thanked(self) -> None:
        from tui.core import actions

        round_id, person_id = self._selected()
        if person_id is None or self.application is None:
            self.notify("Highlight an interviewer (j/k) to mark them thanked.", severity="warning")
            return
        person = next(p for p in self.application.find_round(round_id).interviewers if p.id == person_id)
        thanked = person.thanked_at is None
        self._request(
            lambda a: actions.set_thanked(a, person_id, thanked, now=clock.now(), zone=self.app.settings.zone),
            f"{'Thank' if thanked else 'Unmark thank-you to'} {person.name} — {self._company()}",
        )

    async def action_remove(self) -> None:
        await settled(self)
        from tui.core import actions
        from tui.ui.screens.confirm import ConfirmScreen

        round_id, person_id = self._selected()
        app = self.application
        if round_id is None or app is None:
            return
        rnd = app.find_round(round_id)
        if person_id is None:
            question = f"Remove the round “{rnd.name}” and its {counted(len(rnd.interviewers), 'interviewer')}?"
            change = lambda a: actions.remove_round(a, round_id, now=clock.now())  # noqa: E731
            label = f"Remove round “{rnd.name}” at {app.company}"
        else:
            person = next(p for p in rnd.interviewers if p.id == person_id)
            question = f"Remove {person.name} from “{rnd.name}”?"
            change = lambda a: actions.update_round(a, round_id, now=clock.now(), interviewers=[  # noqa: E731
                p for p in a.find_round(round_id).interviewers if p.id != person_id],
                use_thank_you=self.app.settings.use_thank_you,
                said=f"Removed {person.name} from {actions.round_named(a, a.find_round(round_id))}")
            label = f"Remove {person.name} at {app.company}"

        def answered(yes: bool | None) -> None:
            if yes:
                self._request(change, label)

        await self.app.push_screen(ConfirmScreen(question, "u brings it back."), answered)
