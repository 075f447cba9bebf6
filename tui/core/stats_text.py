"""The statistics in words and Unicode bars: one text for `followup stats` and the board's screen.

Bars are characters (eighth blocks on a light-shade track), not colours, so
they read the same with NO_COLOR, over SSH and in a pasted log. Rates are
percentages here (fractions in JSON); under MIN_FOR_RATES cases a share says
little, so the counts are shown instead.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import NamedTuple

from tui.core import timefmt
from tui.core.stages import OPEN_STAGES, STAGES, Outcome, Stage
from tui.core.stats_result import Figures
from tui.core.text import counted, wrap_cells
from tui.core.timeutil import Zone

MIN_FOR_RATES = 5
_EIGHTHS = " ▏▎▍▌▋▊▉"
_SPARKS = "▁▂▃▄▅▆▇█"
LABEL = 17  # the width of the left column


# What each figure is: the screen's help shows these, and the README's table says the same (a test holds
# the two together).
DEFINITIONS = (
    ("Applications", "those whose first round took place in the period (one with no round yet is left out)"),
    ("Counted", "applications whose first round is at least one follow-up wait old (follow_up_business_days, "
                "counted as the sidebar counts them), or that got an answer: younger ones could not have been "
                "answered yet"),
    ("Answer", "the first, on or after the first round, of: a reply from them (r, followup reply, any contact "
               "marked as theirs), a later round (from when it was written down, or from when it took place if "
               "that was earlier or the first round had not yet taken place), an offer or a rejection (when they "
               "told you; one recorded before a process was reopened still counts); an acceptance stands for an "
               "offer only when none was recorded: accepting one is your word, not theirs"),
    ("Answered", "counted applications with an answer ÷ counted"),
    ("Gone silent", "counted applications closed as no response, or still open with the follow-up limit reached "
                    "and no answer ÷ counted"),
    ("Days to answer", "first round → answer: the median and the middle half (25th–75th percentile, linear "
                       "between the nearest values)"),
    ("Thank-you notes", "one per interviewer marked thanked (with a letter or without), plus any thank-you letter "
                        "that matches nobody; how many went out within thank_you_hours of their round, that share, "
                        "and the median hours from the round to the note"),
    ("Later rounds", "applications that had a 2nd round (or more), and a 3rd or more"),
    ("Days in each stage", "the median length of a stay in each stage, from the stage moves in the history (each "
                           "at the time it happened, a back-dated note or reply included), from the first round "
                           "on: a card typed in after its interview was in its first stage from that round, and the "
                           "days before it (a card typed in ahead of its interview) are no stay; a stay counts once "
                           "the card has left the stage"),
    ("Funnel", "how many applications were ever in each stage from their first round on (a process rejected "
               "after a second round still reached it), and how the closed ones ended"),
    ("Weeks", "the last 12 weeks, Monday to Sunday in your time zone, of every application whatever the period: "
              "rounds that took place, letters sent (an interviewer marked thanked without a letter is not one, "
              "as in followup report), answers received (replies, offers, rejections, not your acceptance of an "
              "offer; an invitation to another round shows as that round)"),
    ("Shares", f"with fewer than {MIN_FOR_RATES} counted applications (or notes), counts are shown instead: a "
               "share of so few says little"),
)


class Line(NamedTuple):
    text: str
    style: str = ""  # "title", "heading" or "" (plain); the screen makes the first two bold


def bar(fraction: float, width: int, track: str = "") -> str:
    """A horizontal bar `fraction` (0–1) of `width` cells long, in eighths of a cell; the rest is `track`."""
    fraction = min(1.0, max(0.0, fraction))
    eighths = round(fraction * width * 8)
    full, part = divmod(eighths, 8)
    drawn = "█" * full + (_EIGHTHS[part] if part else "")
    return drawn + (track or " ") * (width - len(drawn)) if track else drawn


def spark(values: list[int]) -> str:
    """One character a value, its height against the largest; `·` for none."""
    top = max(values, default=0)
    if not top:
        return " ".join("·" for _ in values)
    return " ".join("·" if v == 0 else _SPARKS[max(0, math.ceil(v / top * len(_SPARKS)) - 1)] for v in values)


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.0f}%"


def number(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _row(label: str, text: str) -> Line:
    return Line(f"{label:<{LABEL}}{text}")


def _share(label: str, part: int, whole: int, rate: float | None, width: int, what: str) -> Line:
    if whole < MIN_FOR_RATES:
        return _row(label, f"{part} of {whole} {what}")
    gauge = bar(rate or 0.0, width, "░")
    return _row(label, f"{percent(rate):>4}  {gauge}  {part} of {whole}")


def period_words(fig: Figures, zone: Zone) -> str:
    if fig.since is None:
        return "all applications"
    starts_a_day = timefmt.at(fig.since, zone, timefmt.CLOCK) == "00:00"
    shown = timefmt.show_day if starts_a_day else timefmt.show_time
    return "first round since " + shown(fig.since, zone, fig.now)


MIN_BAR = 4  # a narrower bar says nothing: a line that cannot hold it wraps instead


def _bar_width(fig: Figures, width: int) -> int:
    """The bars' length: as it always was where that fits (up to 40 cells in a wide terminal), shorter
    where a share's or the funnel's line would not fit in `width` (a tmux pane of 40 columns)."""
    usual = max(10, min(40, width - LABEL - 30))
    tails = [len(f"  {part} of {fig.counted}") for part in (fig.answered, fig.silent)]
    share_room = width - LABEL - len("100%  ") - max(tails)
    funnel_room = width - LABEL - max(len(f" {count:>4}") for count in [0, *fig.funnel.values()])
    room = min(share_room, funnel_room)
    return usual if usual <= room else max(MIN_BAR, room)


def describe(fig: Figures, zone: Zone, width: int = 80) -> list[Line]:
    """The figures as lines at most `width` cells wide: the bars shrink to fit a narrow terminal, and
    a line that is still too long is wrapped between words (between its items first) with its
    continuation under the column it belongs to. At 80 columns and wider, as it always was."""
    bar_width = _bar_width(fig, width)
    lines: list[Line] = []

    def add(line: Line, indent: int = LABEL, separator: str = " · ") -> None:
        lines.extend(Line(text, line.style) for text in wrap_cells(line.text, width, indent, separator))

    add(Line(f"How the search is going — {period_words(fig, zone)}, as of "
             f"{timefmt.show_time(fig.now, zone, fig.now)}", "title"), 2, " — ")
    lines.append(Line(""))
    if not fig.applications:
        where = " in this period" if fig.since is not None else ""
        add(Line(f"No application has had a round{where} yet: the figures start with the first interview."), 2)
        return lines
    add(_row("Applications", f"{fig.applications:>4}  (first round in the period)"))
    add(_row("Counted", f"{fig.counted:>4}  (a follow-up wait old, or answered)"))
    add(_share("Answered", fig.answered, fig.counted, fig.answer_rate, bar_width, "counted"))
    add(_share("Gone silent", fig.silent, fig.counted, fig.silence_rate, bar_width, "counted"))
    wait = fig.days_to_answer
    if wait.size:
        add(_row("Days to answer", f"median {number(wait.median)} · middle half {number(wait.p25)}–"
                 f"{number(wait.p75)}  ({counted(wait.size, 'answer')})"))
    else:
        add(_row("Days to answer", "— (no answer yet)"))
    thanks = fig.thank_you
    if thanks.sent:
        on_time = (f"{thanks.on_time} within {fig.thank_you_hours} h"
                   + (f" ({percent(thanks.on_time_rate)})" if thanks.sent >= MIN_FOR_RATES else ""))
        add(_row("Thank-you notes", f"{thanks.sent} sent · {on_time} · median "
                 f"{number(thanks.median_hours)} h"))
    else:
        add(_row("Thank-you notes", "none sent yet"))
    add(_row("Later rounds", f"{fig.second_round} reached a 2nd round · {fig.third_round} a 3rd or later"))
    lines.append(Line(""))
    add(Line("Funnel: applications ever in each stage", "heading"), 2)
    top = max(fig.funnel.values(), default=0) or 1
    for stage in STAGES:
        count = fig.funnel[stage.value]
        add(Line(f"  {stage.label:<{LABEL - 2}}{bar(count / top, bar_width, ' ')} {count:>4}"))
    ended = [f"{Outcome(value).label if value in Outcome._value2member_map_ else 'not recorded'} {count}"
             for value, count in fig.outcomes.items() if count]
    if ended:
        add(Line(f"  {'how they ended':<{LABEL - 2}}" + " · ".join(ended)))
    lines.append(Line(""))
    add(Line("Median days in each stage (stays the card has left)", "heading"), 2)
    add(Line("  " + " · ".join(_stage_days(fig, stage) for stage in OPEN_STAGES)), 2)
    every = ", every application" if fig.since is not None else ""  # the weeks are not the period's
    lines.append(Line(""))
    add(Line(f"Last {len(fig.weeks)} weeks, Monday to Sunday{every} (from "
             f"{timefmt.show_day(_monday(fig, zone), zone, fig.now)})", "heading"), 2, "")
    series = (("Rounds", [w.rounds for w in fig.weeks]), ("Letters sent", [w.letters for w in fig.weeks]),
              ("Answers", [w.answers for w in fig.weeks]))
    for name, values in series:  # the sparks' dots are no list of items: the totals go under them whole
        add(Line(f"  {name:<{LABEL - 2}}{spark(values)}   {sum(values)} in all, "
                 f"most {max(values, default=0)} a week"), LABEL, "   ")
    return lines


def _stage_days(fig: Figures, stage: Stage) -> str:
    stays = fig.stage_stays[stage.value]
    if not stays:
        return f"{stage.label} —"
    return f"{stage.label} {number(fig.stage_days[stage.value])} ({stays})"


def _monday(fig: Figures, zone: Zone) -> datetime:
    first = fig.weeks[0].start
    return datetime(first.year, first.month, first.day, 12, tzinfo=zone)


def as_text(lines: list[Line]) -> str:
    return "\n".join(line.text.rstrip() for line in lines) + "\n"

