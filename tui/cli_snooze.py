"""`followup snooze`: put one of a card's deadlines off, by the rules of tui/core/snoozing.py, which the
board's `z` follows too (which deadlines are the user's, the end after the deadline and still to come,
the deadline the end makes once working hours move it).
"""

from __future__ import annotations

from tui.cli_common import COMING, change_card, deadline_names, read_when
from tui.cli_parsing import add_command, add_id_argument, add_quiet_option
from tui.core.errors import quoted


def pick_deadline(app, which: str | None, settings, now):
    """The deadline `which` names (as `show` names them: exactly or by a unique prefix), else the next of
    the user's own: the one the board's `z` puts off (snoozing.next_snoozable). An interview or a quiet
    period is not the user's to put off: named, it is refused, saying why."""
    from tui.core.deadlines import deadlines_for
    from tui.core.errors import ValidationError
    from tui.core.snoozing import NOT_YOURS, next_snoozable, nothing_to_snooze, snoozable
    from tui.core.text import folded

    there = deadlines_for(app, settings, now)
    named = deadline_names(app, there)
    own = [(name, d) for name, d in named if snoozable(d)]
    if which is None:
        deadline = next_snoozable(d for _, d in own)
        if deadline is None:
            raise ValidationError(nothing_to_snooze(app.company, there))
        return next(pair for pair in own if pair[1] is deadline)
    want = folded(which.strip())  # as deadline_names writes them
    found = [pair for pair in named if pair[0] == want] or [pair for pair in named if pair[0].startswith(want)]
    if found and not any(snoozable(d) for _, d in found):
        name, deadline = found[0]
        shown = f"{name} ({deadline.action})" if len(found) == 1 else ", ".join(n for n, _ in found)
        raise ValidationError(f"--deadline {quoted(which)}: {shown} cannot be snoozed: {NOT_YOURS[deadline.kind]}")
    if len(found) != 1:
        if not own:  # nothing to pick from: the one wording of every "nothing to snooze"
            raise ValidationError(f"--deadline {quoted(which)} names no deadline of {app.company}; "
                                  + nothing_to_snooze(app.company, there))
        names = ", ".join(name for name, _ in own)
        if found:
            raise ValidationError(f"--deadline {quoted(which)} fits several: {', '.join(n for n, _ in found)}; "
                                  "give the whole name")
        raise ValidationError(f"--deadline {quoted(which)} names no deadline of {app.company}; "
                              f"yours to snooze are: {names}")
    return found[0]


def cmd_snooze(args) -> int:
    from tui.core.errors import ValidationError
    from tui.core.snoozing import check_until, snooze_deadline, snoozed_due
    from tui.core.timefmt import typed_and_due, understood

    def change(app, settings, now):
        name, deadline = pick_deadline(app, args.deadline, settings, now)
        until = read_when(args.until, COMING, settings, now, "--until")
        try:  # the board's snooze form asks the same (an end already past was taken here: review Z 1)
            check_until(deadline, until, now, settings.zone)
        except ValidationError as exc:
            raise ValidationError(f"--until {understood(until, settings.zone, now)} {exc}") from None
        new = snooze_deadline(app, deadline, until, now=now, reason=args.reason or "")
        lands = typed_and_due(until, snoozed_due(app, deadline, until, settings, now), settings.zone, now)
        return new, f"{name} ({deadline.action}) snoozed until {lands}"

    return change_card(args, change)


def register(subparsers, common) -> None:
    snooze = add_command(subparsers, common, "snooze", "put a deadline off until later",
                         'followup snooze acme --until "next mon 9:00" --reason "they are at a conference"\n'
                         "followup snooze acme --deadline thank-you:dana-kim --until \"today 18:00\"", cmd_snooze,
                         "WHICH is a deadline's name as 'followup show ID' lists it (a unique start is enough);\n"
                         "without it, the card's next deadline of yours (an interview or a quiet period\n"
                         "is not put off). The time must be after the deadline.")
    add_id_argument(snooze)
    snooze.add_argument("--until", required=True, metavar="WHEN")
    snooze.add_argument("--deadline", metavar="WHICH")
    snooze.add_argument("--reason", metavar="TEXT")
    add_quiet_option(snooze)
