"""`followup show ID`: one application whole, as a person reads it or (--json) as `export json` writes it.

The numbers it prints are the ones other commands take: `--round N`,
`direction --done N`, and the deadline names `snooze --deadline` takes.
Only argparse is imported up front.
"""

from __future__ import annotations

from tui.cli_common import deadline_names, now, read_apps, resolved, store_at, user_settings
from tui.cli_output import on_terminal, print_data, table_width
from tui.cli_parsing import add_command, add_id_argument

LABEL_WIDTH = 15  # the longest label ("keep in touch") and two spaces: a label is never cut


def show_lines(app, settings, moment) -> list[str]:
    """The card in plain text: one fact per line, times in the user's zone."""
    from tui.core.deadline_words import relative
    from tui.core.deadlines import (
        deadline_order,
        deadlines_for,
        keep_in_touch_due,
    )
    from tui.core.direction_rows import direction_asked, direction_deadlines
    from tui.core.parts import holds
    from tui.core.stages import Stage
    from tui.core.text import fit_cells
    from tui.core.timefmt import readable, show_time

    zone = settings.zone

    def when(moment_):
        return show_time(moment_, zone, moment)

    def field(label: str, value: str) -> str:
        return f"{fit_cells(label, LABEL_WIDTH)}{value}"

    lines = [f"{app.short_id}  {app.company} — {app.role}", field("id", app.id)]
    stage = app.stage.value + (f", {app.outcome.label} {when(app.outcome_at)}" if app.outcome else "")
    lines.append(field("stage", stage))
    for label, value in (("recruiter", app.recruiter), ("posting", app.posting), ("pitch", app.pitch)):
        if value:
            lines.append(field(label, value))
    if app.decision_by:
        lines.append(field("decision by", when(app.decision_by)))
    keep = keep_in_touch_due(app, settings)  # the deadline's time, as `due`, the board and `close` say it
    if keep is not None:  # only a closed card has the deadline (deadlines_for): an open one's date waits for it
        waits = "" if app.stage is Stage.CLOSED else " (reminds you once the process is closed)"
        lines.append(field("keep in touch", when(keep) + waits))
    updated = f"   (updated {when(app.updated_at)})" if app.updated_at else ""  # a record from schema 0 has none
    lines.append(field("created", when(app.created_at)) + updated)

    lines += ["", "rounds:" if app.rounds else "rounds: none yet"]
    for number, rnd in enumerate(app.rounds_in_time_order, start=1):
        upcoming = "  (upcoming)" if rnd.at > moment else ""
        lines.append(f"  {number}. {rnd.name}, {when(rnd.at)}{upcoming}")
        for person in rnd.interviewers:
            title = f", {person.title}" if person.title else ""
            thanked = f" — thanked {when(person.thanked_at)}" if person.thanked_at else ""
            lines.append(f"     {person.display()}{title}{thanked}")
            if person.topic:
                lines.append(f"       topic: {person.topic}")
            if person.link:
                lines.append(f"       link: {person.link}" + (f" ({person.link_note})" if person.link_note else ""))

    there = deadlines_for(app, settings, moment)
    if app.directions:
        lines += ["", "directions:"]
        directed = direction_deadlines(app, settings, moment, there)
        for number, direction in enumerate(app.directions, start=1):
            due = _direction_due(direction, directed.get(direction.id), direction_asked(direction, settings), when,
                                 zone, moment)
            state = f", done {when(direction.done_at)}" if direction.done_at else ""
            lines.append(f"  {number}. [{direction.kind.value}{state}] {direction.text}{due}")

    if app.contacts:
        lines += ["", "contacts:"]
        for contact in sorted(app.contacts, key=lambda c: c.at):
            arrow = "from them" if contact.inbound else "sent"
            extra = f": {contact.summary}" if contact.summary else ""
            to = f", {contact.to}" if contact.to else ""
            lines.append(f"  {when(contact.at)}  {contact.kind} ({arrow}{to}){extra}")

    # in the one order (deadlines.deadline_order), so the first named is the one `due` and the card name
    named = sorted(deadline_names(app, there), key=lambda pair: deadline_order(pair[1]))
    if named:
        lines += ["", "deadlines:"]
        width = max(len(name) for name, _ in named)
        for name, deadline in named:
            lines.append(f"  {name:<{width}}  {when(deadline.due)} ({relative(deadline.due, moment)})  "
                         f"{deadline.action}")
    # only a snooze still running on its deadline: one whose deadline is done, was moved by its rule, or
    # whose time has come (the deadline is due at its end, deadlines.Deadline.is_snoozed) is past
    for name, deadline in named:
        if deadline.is_snoozed and deadline.snoozed_from is not None:
            reason = f": {deadline.reason}" if deadline.reason else ""
            lines.append(f"  snoozed {name} until {when(deadline.due)} "
                         f"(was due {when(deadline.snoozed_from)}){reason}")

    if app.notes.strip():
        lines += ["", "notes:"] + ["  " + line for line in app.notes.strip("\n").splitlines()]
    lines += ["", "history:"] + [f"  {when(event.at)}  {readable(event.text, zone, moment)}"
                                 + ("" if holds(event) else " (undone)") for event in app.history]
    return lines


def _direction_due(direction, deadline, asked, when, zone, moment) -> str:
    """' — by Sat 28 Nov 20:00 → due Mon 30 Nov 09:00': a do-by's time asked (direction_rows.direction_asked)
    beside its deadline's (`deadline`, from direction_rows.direction_deadlines: working hours, a snooze), so
    it agrees with the deadlines below and the detail screen (review R1 #1); a closed card's, asked alone."""
    from tui.core.direction_rows import direction_shown_due
    from tui.core.stages import DirectionKind
    from tui.core.timefmt import asked_and_due

    if direction.due is None:
        return ""
    if direction.kind is DirectionKind.NOT_BEFORE:
        return f" — until {when(direction.due)}"
    if direction.kind is not DirectionKind.DO_BY:
        return f" — {when(direction.due)}"
    if deadline is not None and deadline.is_snoozed and deadline.snoozed_from is not None:
        return f" — snoozed until {when(deadline.due)} (was by {when(deadline.snoozed_from)})"
    due = direction_shown_due(direction, deadline, asked)
    return f" — {asked_and_due(asked or due, deadline.due if deadline else None, zone, moment)}"


def cmd_show(args) -> int:
    import json

    from tui.core.exchange import record

    settings, moment = user_settings(), now()
    store = store_at(args)
    apps, code = read_apps(store, settings, moment, say_missing=False)
    app = resolved(store, apps, args.id, damaged=code != 0)  # a missing file said in its refusal's one line
    if args.json:
        print_data(json.dumps(record(app), ensure_ascii=False, indent=2) + "\n")
    else:
        lines = show_lines(app, settings, moment)
        print("\n".join(fitted(lines, table_width()) if on_terminal() else lines))
    return code


def fitted(lines: list[str], width: int) -> list[str]:
    """`show`'s lines wrapped between words to a terminal `width`, each continuation under what it
    continues: the title's under the company, a field's under its value (the block before the
    first empty line), any other line's two cells in from where it starts."""
    from tui.core.text import wrap_cells

    header = lines.index("") if "" in lines else len(lines)
    out: list[str] = []
    for number, line in enumerate(lines):
        if number == 0:
            indent = len(line) - len(line.split("  ", 1)[-1])
        elif number < header:
            indent = LABEL_WIDTH
        else:
            indent = len(line) - len(line.lstrip(" ")) + 2
        out += wrap_cells(line, width, indent, separator="")
    return out


def register(subparsers, common) -> None:
    show = add_command(subparsers, common, "show", "show one application whole: rounds, directions, deadlines, history",
                       "followup show acme\nfollowup show 3f2a --json | jq .rounds", cmd_show,
                       "ID is the id, a unique start of it, or a unique start of the company's name.\n"
                       "--json prints the application as one element of 'followup export json'.\n"
                       "The numbers and deadline names shown are what --round N, direction --done N\n"
                       "and snooze --deadline take.")
    add_id_argument(show)
    show.add_argument("--json", action="store_true", help="as one element of 'export json'")
