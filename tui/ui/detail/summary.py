"""The lines at the top of the detail screen: who, which stage, what is due."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tui.core.deadline_words import marked_action, relative, short_action
from tui.core.deadlines import DeadlineKind, deadline_order, deadlines_for, keep_in_touch_due
from tui.core.model import Application
from tui.core.stages import Stage
from tui.core.text import cell_width, counted, fit_cells
from tui.core.timefmt import show_time


def summary_content(app: Application, settings, now, width: int = 0) -> Content:
    """`width`: the columns the summary's lines have (0: unknown, nothing shortened)."""
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
    if app.keep_in_touch and app.stage is Stage.CLOSED:  # an open card's reminds of nothing (review R2 #4)
        # when its deadline is (working hours), as the sidebar and `followup show` say it (review X2 #7)
        when = next((d.due for d in due if d.kind is DeadlineKind.KEEP_IN_TOUCH), None) \
            or keep_in_touch_due(app, settings)
        facts.append(f"keep in touch {show_time(when, zone, now)}")
    if app.follow_up_count:
        facts.append(f"{counted(app.follow_up_count, 'follow-up')} sent")
    if facts:
        parts.append(("\n" + " · ".join(facts), "$text-muted"))
    parts.append("\n")
    if not due:
        parts.append(("Nothing due.", "$text-muted"))
    said = []
    for d in sorted(due, key=deadline_order):
        if d.kind is DeadlineKind.QUIET:
            said.append((f"⏸ quiet until {show_time(d.due, zone, now)}", "$text-warning"))
        else:
            said.append((f"{marked_action(d, short_action(d))} {relative(d.due, now)}",
                         "$text-error" if d.overdue else "$text-warning"))
    shown = _fitting(said, width)
    for index, part in enumerate(said[:shown]):
        parts.extend([" · ", part] if index else [part])
    if shown < len(said):
        parts.append((_more(len(said) - shown), "$text-muted"))
    parts.extend(own_words(app, width))
    return Content.assemble(*parts)


DUE_LINES = 2  # what is due takes two lines at most: the summary's height must leave the card's own words


def _more(count: int) -> str:
    return f" · and {count} more (the sidebar, 3 Directions)"


def _fitting(said: list[tuple[str, str]], width: int) -> int:
    """How many of `said` fit on DUE_LINES lines `width` wide as the summary wraps them, with " · " between
    and the count of the rest after them (with 30 directions the line ran past the summary's height, cut
    with nothing to say so; review S7 3). At least one; all of them when the width is unknown (0)."""
    def lines(count: int) -> int:
        text = " · ".join(words for words, _style in said[:count])
        if count < len(said):
            text += _more(len(said) - count)
        return len(Content(text).wrap(width))

    if width <= 0 or lines(len(said)) <= DUE_LINES:
        return len(said)
    low, high = 1, len(said) - 1  # the most that fit, by halving: each try wraps the line once
    while low < high:
        middle = (low + high + 1) // 2
        if lines(middle) <= DUE_LINES:
            low = middle
        else:
            high = middle - 1
    return low


def fitted(text: str, room: int) -> str:
    """`text` on one line of `room` columns, cut with "…" when longer (text.fit_cells, the one cut to a
    width): a line that wraps splits a URL mid-word and pushes what is under it out of the summary's
    height (review T 13). Unknown room (0): the whole text."""
    return text if room <= 0 or cell_width(text) <= room else fit_cells(text, room)


def own_words(app: Application, width: int = 0) -> list:
    """The card's posting and its own pitch, last (under what is due, which the summary's height must never
    cut), each on a line of its own cut to `width` with "…" (all of each is in the card's form, `c`); none
    when empty: the follow-up then takes the pitch setting (PRODUCT)."""
    words: list = []
    if app.posting:
        words += ["\n", ("posting ", "$text-muted"), fitted(app.posting, width - len("posting "))]
    if app.pitch:
        pitch = " ".join(app.pitch.split())
        words += ["\n", ("pitch ", "$text-muted"), fitted(pitch, width - len("pitch "))]
    return words


class Summary(Static):
    _shown: tuple | None = None
    _shown_width = -1  # the width the lines were last cut to

    def show(self, app: Application, settings, now) -> None:
        self._shown = (app, settings, now)
        self._update_to(self._width())

    def _width(self) -> int:
        """The columns inside the padding; before the first layout, the window's less the padding."""
        return self.content_size.width or max(self.app.size.width - 2, 0)

    def _update_to(self, width: int) -> None:
        assert self._shown is not None
        self._shown_width = width
        self.update(summary_content(*self._shown, width))

    def on_resize(self) -> None:
        """Cut again only for a width other than the one guessed before the first layout: an update asks for
        a layout, and the screen was laid out and drawn a second time just after its first frame."""
        if self._shown is not None and self._width() != self._shown_width:
            self._update_to(self._width())
