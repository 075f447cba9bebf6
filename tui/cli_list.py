"""`followup list` and `followup due`: the applications and the deadlines, as lines for a person, a
status bar or a login script, or (`list --json`) as objects for a script.

In a terminal the lines fit its width (table_width); to a pipe they are the same 80 columns on
every machine. Only argparse is imported up front.
"""

from __future__ import annotations

import argparse

from tui.cli_common import now, read_apps, store_at, user_settings
from tui.cli_output import TABLE_WIDTH, on_terminal, print_data, print_fitted, table_width
from tui.cli_parsing import add_command, add_quiet_option, completes

STACKED_BELOW = 70  # a narrower terminal lists each application on two lines (see _stacked)
_STACK_MARGIN = " " * 9  # under the stage, past the id


def register_list(subparsers, common) -> None:
    lst = add_command(subparsers, common, "list", "list applications with their next deadline",
                   "followup list --stage awaiting\nfollowup list --json | jq -r '.[] | select(.overdue) | .company'",
                   cmd_list, LIST_JSON_SHAPE)
    completes(lst.add_argument("--stage", metavar="STAGE",
                               help="only this stage: interviewed, thanked, awaiting, followed-up, closed"),
              _stages)
    lst.add_argument("--json", action="store_true", help="machine-readable output (shape below)")


def _stages() -> list[str]:
    from tui.core.stages import STAGES

    return [stage.value for stage in STAGES]


LINES_DAYS = 1.0  # what plain `due` shows ahead: tomorrow's tasks, for a login script


def register_due(subparsers, common) -> None:
    due = add_command(subparsers, common, "due", "print what is overdue or due soon, one short line each",
                   'followup due --within 2\n# in ~/.profile:   followup due --quiet\n'
                   "# in ~/.tmux.conf: set -g status-right '#(followup due --summary --quiet)'",
                   cmd_due, "Overdue lines start with '!'.")
    due.add_argument("--within", type=_days, default=None, metavar="DAYS",
                     help="also show what falls due in the next DAYS days (default: 1; with --summary, "
                          "the board's 'this week')")
    due.add_argument("--exit-code", action="store_true", help="exit with status 1 when something is overdue")
    due.add_argument("--summary", action="store_true", help="one line with counts, for a status bar")
    add_quiet_option(due, "print nothing when nothing is due")


def _listed(apps, settings, moment, stage=None) -> list[tuple]:
    """(application, its most pressing deadline or None), in board order."""
    from tui.core.deadlines import next_deadline

    pairs = [(app, next_deadline(app, settings, moment)) for app in apps
             if stage is None or app.stage is stage]
    far = moment.add(years=1000)
    pairs.sort(key=lambda pair: (pair[0].stage.index, pair[1].due if pair[1] else far, pair[0].company.lower()))
    return pairs


def list_rows(apps, settings, moment, stage=None) -> list[dict]:
    """The documented `list --json` objects (see LIST_JSON_SHAPE)."""
    from tui.core.exchange import export_time  # the form of export json and show --json

    return [{
        "id": app.id,
        "short_id": app.short_id,
        "company": app.company,
        "role": app.role,
        "stage": app.stage.value,
        "outcome": app.outcome.value if app.outcome else None,
        "next_deadline": export_time(upcoming.due) if upcoming else None,
        "next_action": upcoming.action if upcoming else None,
        "overdue": bool(upcoming and upcoming.overdue),
        "updated_at": export_time(app.updated_at),
    } for app, upcoming in _listed(apps, settings, moment, stage)]


def cmd_list(args) -> int:
    import json

    from tui.core.stages import Stage

    stage = Stage.parse(args.stage) if args.stage else None
    settings, moment = user_settings(), now()
    apps, code = read_apps(store_at(args), settings, moment)
    if args.json:
        print_data(json.dumps(list_rows(apps, settings, moment, stage), ensure_ascii=False, indent=2) + "\n")
        return code
    pairs = _listed(apps, settings, moment, stage)
    if not pairs:
        print_fitted(_nothing_listed(apps, stage))
        return code
    from tui.core.deadline_words import relative

    total = table_width()
    rows = [(app.short_id, app.company, app.role, app.stage.value, relative(upcoming.due, moment) if upcoming else "—")
            for app, upcoming in pairs]
    print("\n".join(_table(rows, total) if total >= STACKED_BELOW else _stacked(rows, total)))
    return code


def _table(rows: list[tuple], total: int) -> list[str]:
    """The list as a table of `total` columns, each cell cut with an ellipsis where it is too long: a
    wider terminal shows more of the company and the role, a slightly narrower one a little less."""
    extra = total - TABLE_WIDTH
    widths = (8, 20 + extra // 2, 22 + extra - extra // 2, 11)
    return [_row(cells, widths, total) for cells in [("ID", "COMPANY", "ROLE", "STAGE", "NEXT"), *rows]]


def _stacked(rows: list[tuple], total: int) -> list[str]:
    """The list in a terminal too narrow for the table's five columns (a tmux pane): the id, stage and
    next deadline on one line, and under them the company and the role whole, wrapped between words,
    where the table would cut both to a few letters."""
    from tui.core.text import wrap_cells

    lines = [_row(("ID", "STAGE", "NEXT"), (8, 11), total), _STACK_MARGIN + "COMPANY — ROLE"]
    for short_id, company, role, stage, due in rows:
        lines.append(_row((short_id, stage, due), (8, 11), total))
        lines += wrap_cells(f"{_STACK_MARGIN}{company} — {role}", total, len(_STACK_MARGIN) + 2, separator=" — ")
    return lines


def _nothing_listed(apps, stage) -> str:
    """What an empty list says: with a stage filter and cards elsewhere, where they are (the hint to add
    one fits only a file with none)."""
    if stage is None or not apps:
        return "no applications yet; add one with: followup add COMPANY --role ROLE --at WHEN"
    from collections import Counter

    from tui.core.stages import STAGES

    counts = Counter(app.stage for app in apps)
    where = ", ".join(f"{counts[each]} {each.value}" for each in STAGES if counts[each])
    return f"no applications in stage {stage.value} (of {len(apps)}: {where}); 'followup list' shows them all"


def _row(cells, widths, total: int = TABLE_WIDTH) -> str:
    last = total - sum(widths) - len(widths)
    from tui.core.text import fit_cells

    parts = [fit_cells(cell, width) for cell, width in zip(cells, widths, strict=False)]
    return " ".join(parts + [fit_cells(cells[-1], last)]).rstrip()


def _due_within(apps, settings, moment, within_days: float | None) -> list:
    """The deadlines `due` shows: every task overdue or due within `within_days` (None: any time), in
    deadline order."""
    from datetime import timedelta

    from tui.core.deadlines import all_deadlines

    tasks = [d for d in all_deadlines(apps, settings, moment) if not d.is_quiet]
    if within_days is None:
        return tasks
    horizon = moment + timedelta(days=within_days)
    return [d for d in tasks if d.due <= horizon]


def due_lines(apps, settings, moment, within_days: float) -> tuple[list[str], bool]:
    """One short line per overdue or soon deadline, and whether any is overdue. To a pipe each is one
    line cut at 80 columns (a login script's `| head`, a grep); in a terminal the action is wrapped
    between words to its width, under its column, so "Reply to Acme: thank them, ask for feedback"
    never loses its words to a narrow pane."""
    from tui.core.deadline_words import marked_action, relative
    from tui.core.text import fit_cells, wrap_cells

    shown = _due_within(apps, settings, moment, within_days)
    when = [relative(d.due, moment) for d in shown]
    width = max(map(len, when), default=0)
    total, wrapped = table_width(), on_terminal()
    lines: list[str] = []
    for d, w in zip(shown, when, strict=True):
        line = f"{'!' if d.overdue else ' '} {w:<{width}}  {marked_action(d)}"
        if wrapped:
            lines += wrap_cells(line, total, width + 4, separator=" — ")
        else:
            lines.append(fit_cells(line, total).rstrip())
    return lines, any(d.overdue for d in shown)


def cmd_due(args) -> int:
    settings, moment = user_settings(), now()
    apps, code = read_apps(store_at(args), settings, moment)
    if args.summary:
        overdue = print_due_summary(apps, settings, moment, args)
    else:
        overdue = print_due_lines(apps, settings, moment, args)
    return 1 if args.exit_code and overdue else code


def print_due_lines(apps, settings, moment, args) -> bool:
    """`due`: a line per deadline; whether any is overdue."""
    lines, overdue = due_lines(apps, settings, moment, LINES_DAYS if args.within is None else args.within)
    if lines:
        print("\n".join(lines))
    elif not args.quiet:
        print("nothing due")
    return overdue


def print_due_summary(apps, settings, moment, args) -> bool:
    """`due --summary`: the counts in the board's groups and words ("1 overdue, 2 due today"), so a
    status bar and the board's header say the same of the same deadline: by default over the board's
    "this week" (with the one day plain `due` shows, "2 due this week" stood beside the board's "This
    week 5", review T1 3)."""
    from collections import Counter

    from tui.core.deadline_words import Group, TimeFrame

    frame = TimeFrame(moment, settings.zone)
    if args.within is None:  # the board's own groups, as its sidebar counts them
        groups = (frame.group_of(d) for d in _due_within(apps, settings, moment, None))
        counts = Counter(group for group in groups if group is not Group.LATER)
    else:
        counts = Counter(frame.group_of(d) for d in _due_within(apps, settings, moment, args.within))
    parts = [f"{counts[group]} {group.counted}" for group in Group if counts[group]]
    if parts or not args.quiet:
        print(", ".join(parts) or "nothing due")  # data, as plain `due` prints it: "followup:" marks a remark
    return bool(counts[Group.OVERDUE])


MOST_DAYS = 3650  # `due --within`: ten years ahead is every deadline there is


def _days(text: str) -> float:
    """A number of days for --within; out of range, the range is said, not "not a number" (fz2 4)."""
    import math

    from tui.core.errors import quoted

    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if math.isnan(value):
        raise argparse.ArgumentTypeError(f"{quoted(text)} is not a number of days: use e.g. 1, 7 or 0.5")
    if not 0 <= value <= MOST_DAYS:
        raise argparse.ArgumentTypeError(f"{quoted(text)} is out of range: give 0 to {MOST_DAYS} days")
    return value


LIST_JSON_SHAPE = """\
--json prints a list of objects, one per application, in board order:
  id             the full id (string); any unique prefix works as ID
  short_id       its first 8 characters, as the table shows
  company, role  strings
  stage          interviewed | thanked | awaiting | followed-up | closed
  outcome        offer | accepted | rejected | withdrawn | no-response | null
  next_deadline  ISO 8601 time in UTC ("2026-12-01T14:00:00Z", as export json writes
                 times) of the most pressing task, or null
  next_action    that task in words ("Thank Dana Kim — Acme"), or null
  overdue        true when next_deadline has passed
  updated_at     ISO 8601 time in UTC of the last change
New keys may be added; existing ones keep their meaning."""
