"""What the recruiter asked for: do-by tasks, quiet periods and plain facts."""

from __future__ import annotations

from datetime import datetime

from textual.binding import Binding
from textual.content import Content
from textual.widgets.option_list import Option

from tui.core import clock
from tui.core.deadline_words import relative
from tui.core.deadlines import Deadline
from tui.core.direction_rows import direction_asked, direction_deadlines, direction_shown_due
from tui.core.model import Application
from tui.core.parts import Direction
from tui.core.stages import DirectionKind
from tui.core.timefmt import asked_and_due, show_day, show_time
from tui.ui.lists import LIST_KEYS, StopsAtEnds
from tui.ui.settle import OwnKeysInOrder, settled

# The form, the confirm dialog and the actions are imported by the keys that use them: the
# detail screen's first frame (the first `enter`) does not wait for them.


def direction_line(d: Direction, zone, now, deadline: Deadline | None = None,
                   asked: datetime | None = None) -> Content:
    """One row. An open do-by reads its deadline (`deadline`: direction_rows.direction_deadlines), so the row
    gives the due time the sidebar, the card and `followup due` give, snoozed or not, beside the time asked
    (`asked`: direction_rows.direction_asked); without one (a closed card has no direction deadlines) the
    time asked alone."""
    when = show_time(d.due, zone, now)
    if d.kind is DirectionKind.NOT_BEFORE:
        if d.is_open and d.due > now:
            return Content.assemble(("⏸ quiet ", "$text-warning"), (d.text, "bold"),
                                    (f" · no contact before {when} ({relative(d.due, now)})", "$text-warning"))
        return Content.assemble(("⏸ ", "$text-muted"), (d.text, "$text-muted"),
                                (f" · quiet period over since {when}", "$text-muted"))
    if d.kind is DirectionKind.INFO:
        return Content.assemble(("ℹ ", "$text-primary"), d.text, (f" · {when}" if when else "", "$text-muted"))
    if not d.is_open:
        return Content.assemble(("☑ ", "$text-success"), (d.text, "$text-muted"),
                                (f" · done {show_day(d.done_at, zone, now)}", "$text-muted"))
    if d.due is None:
        return Content.assemble(("☐ ", "$text-warning"), (d.text, "bold"), (" · no date", "$text-muted"))
    due = direction_shown_due(d, deadline, asked)
    style = "$text-error" if due < now else "$text-warning"
    if deadline is not None and deadline.is_snoozed and deadline.snoozed_from is not None:
        reason = f": {deadline.reason}" if deadline.reason else ""
        return Content.assemble(("☐ ", style), (d.text, "bold"),
                                (f" · snoozed until {show_time(due, zone, now)} ({relative(due, now)}), "
                                 f"was by {show_time(deadline.snoozed_from, zone, now)}{reason}", style))
    return Content.assemble(("☐ ", style), (d.text, "bold"),
                            (f" · {asked_and_due(asked or due, deadline.due if deadline else None, zone, now)} "
                             f"({relative(due, now)})", style))


def section_title(app: Application) -> str:
    """The Directions section's label, counting what the list shows: every row ('3 Directions (2)'), and
    when some are done, how many of them are still open ('3 Directions (1 open, 1 done)'), so the number
    never disagrees with the rows under it."""
    done = sum(1 for d in app.directions if not d.is_open)
    if not done:
        return f"3 Directions ({len(app.directions)})"
    return f"3 Directions ({len(app.directions) - done} open, {done} done)"


class DirectionsList(OwnKeysInOrder, StopsAtEnds):
    """Keys that open a screen are priority bindings, as in the rounds list (rounds.py says why)."""

    BINDINGS = [
        # the board's keys: n new, d delete (asks first), space toggles as it marks an interviewer thanked
        Binding("n", "add", "New", id="directions.add", tooltip="Add a direction from the recruiter", priority=True),
        Binding("space", "toggle_done", "Done", id="directions.done",
                tooltip="Mark the highlighted direction done, or open again"),
        Binding("d", "remove", "Delete", id="directions.remove", priority=True,
                tooltip="Remove the highlighted direction (asks first)"),
        *LIST_KEYS,
    ]

    def __init__(self, app_id: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.app_id = app_id
        self.application: Application | None = None

    def show(self, app: Application, settings, now) -> None:
        self.application = app
        keep = self.highlighted_option.id if self.highlighted_option else None
        deadlines = direction_deadlines(app, settings, now)
        options = [Option(direction_line(d, settings.zone, now, deadlines.get(d.id), direction_asked(d, settings)),
                          id=d.id) for d in app.directions]
        if not options:
            options.append(Option(Content.styled(
                "No directions yet. When the recruiter says “send references by Friday” or "
                "“don't call before the 8th”, press n.", "$text-muted"), id="empty", disabled=True))
        self.set_options(options)
        ids = [o.id for o in options]
        if keep in ids:
            self.highlighted = ids.index(keep)
        elif not options[0].disabled:
            self.highlighted = 0

    def _selected(self) -> Direction | None:
        option = self.highlighted_option
        if option is None or option.id in (None, "empty") or self.application is None:
            return None
        return self.application.find_direction(option.id)

    async def action_add(self) -> None:
        await settled(self)
        from tui.core import direction_actions
        from tui.ui.detail.forms import DirectionForm

        company = self.application.company if self.application else ""

        def added(d: Direction | None) -> None:
            if d is not None:
                self.screen.request_change(
                    lambda a: direction_actions.add_direction(a, d.text, d.kind, d.due, now=clock.now()),
                    f"Add direction “{d.text}” at {company}",
                )

        form = DirectionForm(clock.now(), self.screen.zone, self.app.settings)
        await self.app.push_screen(form, added)

    def action_toggle_done(self) -> None:
        from tui.core import direction_actions

        d = self._selected()
        if d is None:
            self.notify("Highlight a direction (↑↓) to mark it done.", severity="warning")
            return
        done = d.is_open
        verb = "Done" if done else "Reopen"
        self.screen.request_change(
            lambda a: direction_actions.set_direction_done(a, d.id, done, now=clock.now()),
            f"{verb}: {d.text} — {self.application.company}",
        )

    async def action_remove(self) -> None:
        await settled(self)
        from tui.core import direction_actions
        from tui.ui.screens.confirm import ConfirmScreen

        d = self._selected()
        if d is None:
            return
        company = self.application.company

        def answered(yes: bool | None) -> None:
            if yes:
                self.screen.request_change(
                    lambda a: direction_actions.remove_direction(a, d.id, now=clock.now()),
                    f"Remove direction “{d.text}” at {company}",
                )

        await self.app.push_screen(ConfirmScreen(f"Remove the direction “{d.text}”?",
                                           "u brings it back."), answered)
