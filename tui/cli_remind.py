"""`followup remind`: send the reminders that are due, for a timer; and install that timer.

One line per message sent on standard output ("email: Thank Dana Kim (Acme) —
due in 1 h"); a channel that fails gets one line on standard error naming it,
the others still send, and the exit code is 1. --dry-run prints what would go
out and changes nothing. What was sent is recorded in the data file's own
reminders table (tui/store/reminders.py), only when something was sent.
Like tui/cli.py, nothing is imported up front but argparse.
"""

from __future__ import annotations

import argparse

from tui.cli_common import named_db, now, store_at, user_settings
from tui.cli_output import print_fitted, remark
from tui.cli_parsing import add_command
from tui.core.errors import quoted

EXIT_HELD_BACK = 1

NOTES = """\
Each deadline (and each upcoming interview) is reminded at most twice per
channel: once when it is within remind_before, once when it is overdue; a run
that finds both due sends one. Outside remind_hours nothing is sent: it waits.
Channels are on when configured (notify_command, the smtp_* keys, a desktop
session); remind_channels overrides. The SMTP password comes only from
smtp_password_command or $FOLLOWUP_SMTP_PASSWORD (a timer sees only the first)."""


def register(subparsers, common: argparse.ArgumentParser) -> None:
    """Add the `remind` command; `common` holds the options every command takes (--db)."""
    parser = add_command(
        subparsers, common, "remind", "send the reminders that are due (for a timer); --install sets the timer up",
        "followup remind --dry-run\nfollowup remind --install --every 15m\nfollowup remind --status",
        handler, NOTES, description="Send the reminders that are due by desktop notification, e-mail or your command.",
    )
    parser.add_argument("--dry-run", action="store_true", help="print what would be sent; send and change nothing")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--install", action="store_true",
                      help="write and enable a systemd user timer (or print a crontab line)")
    what.add_argument("--uninstall", action="store_true", help="remove the timer --install wrote")
    what.add_argument("--status", action="store_true", help="whether the timer is installed and when it last ran")
    parser.add_argument("--every", metavar="SPAN", help="with --install: how often, e.g. 15m or 1h (default: 30m)")


def handler(args) -> int:
    from tui.core.errors import ValidationError

    if args.every is not None and not args.install:
        raise ValidationError("--every goes with --install: followup remind --install --every 30m")
    if args.dry_run and (args.install or args.uninstall or args.status):
        raise ValidationError("--dry-run goes alone: it shows what a run would send")
    if args.install:
        return _install(args)
    if args.uninstall:
        return _uninstall()
    if args.status:
        return _status()
    return send_due(args)


def send_due(args) -> int:
    from tui.core.remind import next_opening, plan
    from tui.core.timefmt import show_time
    from tui.core.timeutil import dump_time
    from tui.notify import ChannelError, select
    from tui.notify.schedule import write_stamp
    from tui.store.errors import UnreadableFileError
    from tui.store.reminders import read_sent, record_sent

    settings, moment = user_settings(), now()
    store = store_at(args)
    try:
        apps = store.load_all()  # a damaged file refuses here: sending without recording would repeat
    except UnreadableFileError as exc:  # a timer's log: that none went out, and why, on the one line
        raise UnreadableFileError(f"no reminder {'shown' if args.dry_run else 'sent'}: {exc}; what is sent is "
                                  "recorded in that file, so none goes out until it is fixed") from None
    channels, problems = select(settings)
    for problem in problems:
        remark(problem)
    if not channels and not problems:
        remark("no reminder channel is on: set notify_command or the smtp_* keys (see the README's "
             "Reminders section), or run inside a desktop session")
        problems.append("none")
    opening = next_opening(settings, moment)
    if opening > moment:
        print_fitted(f"nothing sent: outside remind_hours ({settings.remind_hours}); what is due waits until "
              f"{show_time(opening, settings.zone, moment)}")
    names = [channel.name for channel in channels] or ["no channel"]
    outgoing = plan(apps, settings, moment, read_sent(store), names, _named_file(store))
    if args.dry_run:
        for out in outgoing:
            print_fitted(f"would send by {out.channel}: {out.reminder.text}")
        return EXIT_HELD_BACK if problems else 0
    sent = []
    failed = [problem.split(":")[0] for problem in problems]
    for channel in channels:
        batch = [out.reminder for out in outgoing if out.channel == channel.name]

        def delivered(reminder, name=channel.name) -> None:
            print_fitted(f"{name}: {reminder.text}", flush=True)
            sent.append(reminder.sent_key(name))

        try:
            channel.send(batch, delivered)
        except ChannelError as exc:
            remark(str(exc))
            failed.append(channel.name)
    record_sent(store, sent, now=moment)  # writes nothing when nothing was sent
    code = EXIT_HELD_BACK if failed else 0
    write_stamp(dump_time(moment) or "", len(sent), failed, code)
    return code


def _named_file(store) -> str:
    """The data file's absolute path when it is not the default one (--db or $FOLLOWUP_DB), else "":
    the command a reminder prints must find the card wherever it is run (review S10)."""
    from tui.store.store import default_db_path

    if store.path.resolve() == default_db_path().resolve():
        return ""
    return str(store.path.resolve())


def _timer_period(args):
    from tui.core.errors import ValidationError
    from tui.core.settings import read_duration
    from tui.notify.schedule import every

    text = args.every or "30m"
    try:
        span = read_duration(text)
    except ValueError:
        raise ValidationError(f"--every {quoted(text)}: write a span such as 15m, 30m or 1h") from None
    return every(span), span


def _install(args) -> int:
    import os

    from tui.notify.schedule import environment_for_timer, install

    period, span = _timer_period(args)
    settings = user_settings()
    argv, environment = environment_for_timer(os.environ, named_db(args))
    for line in install(argv, environment, period, os.environ):
        print(line)  # as it is, in any terminal: it may be the crontab line to copy, which must stay one line
    if span > settings.remind_lead:
        print_fitted(f"note: the timer runs {period.words} but remind_before is {settings.remind_before}, so a "
              "lead-time reminder can be missed (the overdue one still comes); run it more often")
    if os.environ.get("FOLLOWUP_SMTP_PASSWORD") and not settings.smtp_password_command:
        print_fitted("note: the timer does not see $FOLLOWUP_SMTP_PASSWORD (it is never written to a unit file); "
              "set smtp_password_command for e-mail reminders from the timer")
    return 0


def _uninstall() -> int:
    import os

    from tui.notify.schedule import uninstall

    for line in uninstall(os.environ):
        print_fitted(line)
    return 0


def _status() -> int:
    import os

    from tui.core.timefmt import show_time
    from tui.core.timeutil import load_time
    from tui.notify.schedule import read_stamp, status

    for line in status(os.environ):
        print_fitted(line)
    stamp = read_stamp()
    if stamp is None:
        print_fitted("last run: none recorded on this machine")
        return 0
    settings, moment = user_settings(), now()
    try:
        at = show_time(load_time(str(stamp.get("at"))), settings.zone, moment)
    except Exception:  # a hand-edited stamp: say so rather than fail the status
        at = "unknown time"
    failed = stamp.get("failed") or []
    result = f"{stamp.get('sent', 0)} sent" + (f", failed: {', '.join(map(str, failed))}" if failed else "")
    print_fitted(f"last run: {at} ({result})")
    return 0
