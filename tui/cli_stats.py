"""`followup stats` and `followup report`: how the search is going, and the dated log of a period.

Both only read the data file (a damaged record is left out and named, exit 1).
Date-only bounds are whole days in the user's zone: `--since mon` starts at
the latest Monday's 00:00 (a start is read as a time that has passed, as a
round is), `--to 2026-11-30` takes in all of that day, `--to "fri 17:00"` that
moment too. Like every command
module, nothing here imports Textual; handlers raise FollowupError for bad
input, which cli.main prints as one line with exit code 2.
"""

from __future__ import annotations

import argparse
from datetime import datetime, time, timedelta

from tui.cli_common import now, read_apps, store_at, user_settings
from tui.cli_output import print_data, table_width, write_output
from tui.cli_parsing import add_choice, add_command

STATS_EPILOG = """\
Every figure is worked out from what happened (rounds, letters, replies,
outcomes and stage moves in the history), not from where the cards sit now:
  applications     those whose first round took place in the period
  counted          of those, the ones a follow-up wait old, or answered
  answer_rate      counted with an answer / counted. An answer is the first
                   reply from them, later round or offer/rejection
  silence_rate     counted closed as no response, or open with the follow-up
                   limit reached and no answer / counted
  days_to_answer   first round -> answer: median, p25, p75
  thank_you        notes sent, sent within thank_you_hours, that share, and
                   the median hours from the round to the note
  rounds           applications with a 2nd round, with a 3rd or later
  stage_days       median days of a stay in each stage (stays that ended)
  funnel           applications ever in each stage; how the closed ones ended
  weeks            the last 12 weeks from Monday: rounds, letters, answers
With fewer than 5 counted, the text gives counts instead of percentages.
--json prints these keys (rates as fractions 0-1, null when nothing is counted).
New keys may be added; existing ones keep their meaning."""
STATS_EXAMPLE = "followup stats\nfollowup stats --since 2026-09-01 --json | jq .answer_rate"

REPORT_EPILOG = """\
One line per interview round, letter sent and answer received in the period,
with the company, the role, whom it was with and when: the record of a job
search that an unemployment office may ask for. WHEN as everywhere
("2026-11-01", "mon", "yesterday 10am"); a day without a time is the whole
day in your time zone, so --to includes that day.
md is a table to read or print; csv opens in a spreadsheet."""
REPORT_EXAMPLE = ("followup report --from 2026-11-01 --to 2026-11-30\n"
                  'followup report --from "last mon" --to today --format csv -o november.csv')


def bound(text: str, moment: datetime, zone, what: str, *, forward: bool = False) -> tuple[datetime, bool]:
    """The start of `text` in UTC, and whether it named a whole day (no clock time was given).

    Read as a round's time is: a bare weekday or time is the latest one ("--since mon" on a Monday
    morning: today), a date still to come stays one; `forward` reads a bare one as the next to come.
    A day is read at 00:00 and at 00:01: when the two agree the text gave its own clock time. (At
    noon, as this once did, every bound typed before noon read as "now".) A distance of days
    ("30 days ago") names a day too: its start, as the statistics screen's "last 30 days"."""
    from tui.core.errors import ValidationError
    from tui.core.timeutil import local, to_utc
    from tui.core.when import Reading, counts_whole_days, parse_when

    reading = Reading.COMING if forward else Reading.EVENT
    try:
        midnight = parse_when(text, moment, zone, default_time=time(0, 0), reading=reading)
        a_minute_on = parse_when(text, moment, zone, default_time=time(0, 1), reading=reading)
    except ValidationError as exc:
        raise ValidationError(f"{what}: {exc}") from None
    if midnight == a_minute_on and not counts_whole_days(text):  # "30 days ago" is a day, as the screen's
        return midnight, False
    return to_utc(local(midnight, zone).start_of("day")), True


def period_end(text: str, start: datetime, moment: datetime, zone) -> tuple[datetime, datetime]:
    """`--to`: its last day or moment, and the end of the period (that day's end, or just after the
    moment). A bare weekday is the latest one, unless that falls before `start`: then the next one
    ("--from mon --to fri" typed on a Wednesday is this week)."""
    for forward in (False, True):
        last, whole_day = bound(text, moment, zone, "--to", forward=forward)
        end = day_after(last, zone) if whole_day else last + timedelta(microseconds=1)  # the moment included
        if end > start:
            break
    return last, end


def day_after(start: datetime, zone) -> datetime:
    """The midnight that ends the local day beginning at `start`."""
    from tui.core.timeutil import local, to_utc

    return to_utc(local(start, zone).add(days=1).start_of("day"))


def cmd_stats(args) -> int:
    import json

    from tui.core import stats, stats_result, stats_text, timefmt
    from tui.core.errors import ValidationError

    settings, moment = user_settings(), now()
    zone = settings.zone
    since = None
    if args.since is not None:
        since, _ = bound(args.since, moment, zone, "--since")
        if since > moment:
            raise ValidationError(f"--since {timefmt.show_time(since, zone, moment)} is in the future: "
                                  f"give a day in the past, e.g. --since \"30 days ago\"")
    apps, code = read_apps(store_at(args), settings, moment)
    fig = stats.figures(apps, settings, moment, since=since)
    if args.json:
        print_data(json.dumps(stats_result.to_json(fig), ensure_ascii=False, indent=2) + "\n")
    else:
        print(stats_text.as_text(stats_text.describe(fig, zone, table_width())), end="")
    return code


def cmd_report(args) -> int:
    from tui.core import report, timefmt
    from tui.core.errors import ValidationError

    settings, moment = user_settings(), now()
    zone = settings.zone
    start, from_day = bound(args.start, moment, zone, "--from")
    last, end = period_end(args.end, start, moment, zone)
    if start >= end:
        def said(at: datetime, whole_day: bool) -> str:  # a day given as a day, not as its midnight
            return (timefmt.show_day if whole_day else timefmt.show_time)(at, zone, moment)

        to_day = end - last > timedelta(microseconds=1)
        raise ValidationError(f"--from {said(start, from_day)} is after --to {said(last, to_day)}: "
                              f"give the earlier one first")
    store = store_at(args)
    apps, code = read_apps(store, settings, moment)
    rows = report.in_period(apps, start, end, moment)
    payload = report.render(args.format, rows, start, end, zone, settings.name)
    target = write_output(args.output, payload, "the report", store.path)
    if target is not None:
        print(f"wrote {report.totals(rows)} to {target} ({args.format})")
    return code


def _report_formats() -> tuple[str, ...]:
    from tui.core.report import FORMATS

    return FORMATS


def register(subparsers, common: argparse.ArgumentParser) -> None:
    """Add `stats` and `report`; `common` holds the options every command takes (--db)."""
    stats = add_command(subparsers, common, "stats",
                    "how the search is going: answers, silence, thank-you notes, funnel, weeks",
                    STATS_EXAMPLE, cmd_stats, STATS_EPILOG)
    stats.add_argument("--since", metavar="WHEN",
                       help="only applications whose first round is from WHEN on (a day: from its start)")
    stats.add_argument("--json", action="store_true", help="machine-readable output (keys above)")

    rep = add_command(subparsers, common, "report", "a dated log of rounds, letters and answers in a period",
                  REPORT_EXAMPLE, cmd_report, REPORT_EPILOG)
    rep.add_argument("--from", dest="start", required=True, metavar="WHEN", help="the first day or moment")
    rep.add_argument("--to", dest="end", required=True, metavar="WHEN",
                     help="the last day (included) or moment")
    add_choice(rep, "--format", what="report format", choices=_report_formats, default="md", metavar="FORMAT",
               help="md (default) or csv")
    rep.add_argument("-o", "--output", metavar="FILE",
                     help="write to FILE (atomically); without it, or with -, to stdout")
