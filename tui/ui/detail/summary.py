"""The lines at the top of the detail screen: who, which stage, what is due."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tui.core.deadlines import DeadlineKind, deadline_order, deadlines_for, marked_action, relative, short_action
from tui.core.model import Application
from tui.core.stages import Stage
from tui.core.text import counted
from tui.core.timefmt import show_time


def summary_content(app: Application, settings, now) -> Content:
    zone = settings.zone
    stage = app.stage.label
    if app.stage is Stage.CLOSED and app.outcome is not None:
        stage += f": {app.outcome.label}"
    parts: list = [(f"{app.company}", "bold"), f" — {app.role}  ", (f" {stage} ", "reverse $accent")]
    due = deadlines_for(app, settings, now)
    facts = []
    if app.recruiter:
        facts.append(f"recruiter {app.recruiter}")
    if app.decision_by:
        facts.append(f"they decide by {show_time(app.decision_by, zone, now)}")
    if app.keep_in_touch:  # when its deadline is (working hours), as the sidebar and `followup show` say it
        when = next((d.due for d in due if d.kind is DeadlineKind.KEEP_IN_TOUCH), app.keep_in_touch)
        facts.append(f"keep in touch {show_time(when, zone, now)}")
    if app.follow_up_count:
        facts.append(f"{counted(app.follow_up_count, 'follow-up')} sent")
    if facts:
        parts.append(("\n" + " · ".join(facts), "$text-muted"))
    parts.append("\n")
    if not due:
        parts.append(("Nothing due.", "$text-muted"))
    for index, d in enumerate(sorted(due, key=deadline_order)):
        if index:
            parts.append(" · ")
        if d.kind is DeadlineKind.QUIET:
            parts.append((f"⏸ quiet until {show_time(d.due, zone, now)}", "$text-warning"))
            continue
        style = "$text-error" if d.overdue else "$text-warning"
        parts.append((f"{marked_action(d, short_action(d))} {relative(d.due, now)}", style))
    parts.extend(own_words(app))
    return Content.assemble(*parts)


PITCH_SHOWN = 90  # characters of the pitch in the summary (it is all in the card's form, `c`)


def own_words(app: Application) -> list:
    """The card's posting and its own pitch, last (under what is due, which the summary's height must never
    cut); none when empty: the follow-up then takes the pitch setting (PRODUCT)."""
    words: list = []
    if app.posting:
        words += [("posting ", "$text-muted"), app.posting]
    if app.pitch:
        pitch = app.pitch if len(app.pitch) <= PITCH_SHOWN else app.pitch[:PITCH_SHOWN - 1].rstrip() + "…"
        words += [(" · " if words else "", "$text-muted"), ("pitch ", "$text-muted"), pitch]
    return ["\n", *words] if words else []


class Summary(Static):
    def show(self, app: Application, settings, now) -> None:
        self.update(summary_content(app, settings, now))
