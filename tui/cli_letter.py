"""`followup letter`: print a filled letter for a mail tool, optionally record it as sent.

stdout carries only the letter (`Subject: ...`, a blank line, the body), so it can
be piped; every remark goes to stderr. Exit codes: 0 the letter is complete (and
recorded, with --mark-sent); 1 it was printed but has gaps, or was not recorded;
2 bad input, nothing printed (raised as FollowupError, reported by cli.main).
"""

from __future__ import annotations

import argparse
import sys

from tui.cli_common import now, open_store, user_settings

EXIT_HELD_BACK = 1

EPILOG = """\
KIND is thank-you, follow-up, rejection-reply or offer-reply.
A thank-you note is for one interviewer: on a card where several still wait for
one, name them with --interviewer (a unique part of the name is enough).
A value the card lacks shows as [name?] in the letter and makes the command exit
with status 1; fill it with --set, e.g. --set topic="their migration to Postgres",
or pass --force. Your name and signature come from config.toml; your own
templates go in the templates/ folder beside it (same file names as the built-in
ones: thank-you.txt, follow-up.txt, rejection-reply.txt, offer-reply-accept.txt,
offer-reply-ask-for-time.txt).

examples:
  followup letter 3f2a thank-you --interviewer "Dana"
  followup letter 3f2a follow-up > letter.txt
  followup letter 3f2a thank-you --interviewer Dana --mark-sent"""


def register(subparsers, common: argparse.ArgumentParser) -> None:
    """Add the `letter` command; `common` holds the options every command takes (--db)."""
    parser = subparsers.add_parser(
        "letter", help="print a filled letter; --mark-sent records it",
        description="Print a letter filled from the card, ready to pipe to a mail tool.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter, parents=[common],
    )
    parser.add_argument("id", metavar="ID", help="the application's id or a unique prefix of it")
    parser.add_argument("kind", metavar="KIND", help="thank-you, follow-up, rejection-reply or offer-reply")
    parser.add_argument("--interviewer", metavar="NAME",
                        help="whom the letter is for (thank-you: required when several wait)")
    parser.add_argument("--variant", metavar="CHOICE", help="offer-reply: accept (default) or ask-for-time")
    parser.add_argument("--set", dest="values", action="append", default=[], metavar="NAME=VALUE",
                        help="fill or replace a placeholder, e.g. topic=\"error budgets\" (repeatable)")
    parser.add_argument("--mark-sent", action="store_true",
                        help="record the letter as sent: contact, thanked time or follow-up count, stage")
    parser.add_argument("--force", action="store_true",
                        help="accept gaps in the letter, and record it even inside a quiet period")
    parser.set_defaults(handler=handler)


def _parse_values(pairs: list[str]) -> dict[str, str]:
    from tui.core.errors import ValidationError

    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ValidationError(f"--set {pair!r}: write it as NAME=VALUE, e.g. topic=\"their design system\"")
        values[name.strip()] = value
    return values


def _warn(text: str) -> None:
    print(f"followup: {text}", file=sys.stderr)


def handler(args) -> int:
    from tui.core import letters
    from tui.core.errors import ValidationError
    from tui.core.stages import LetterKind
    from tui.store.store import default_config_dir

    kind = LetterKind.parse(args.kind)
    values = _parse_values(args.values)
    settings, moment = user_settings(), now()
    templates_dir = default_config_dir() / "templates"
    store = open_store(args)
    app = store.resolve(args.id)
    try:
        letter = letters.draft(app, kind, settings, moment, interviewer_id=args.interviewer,
                               templates_dir=templates_dir, variant=args.variant, values=values)
    except letters.ChooseInterviewer as exc:
        raise ValidationError(f"{exc}; choose one with --interviewer NAME") from None

    sys.stdout.write(letter.text.rstrip("\n") + "\n")
    sys.stdout.flush()

    if kind is LetterKind.THANK_YOU and "topic" not in letter.missing:
        _warn_duplicates(app, letter, settings, moment, templates_dir)
    quiet = letters.quiet_period_warning(app, moment, settings.zone) if kind is LetterKind.FOLLOW_UP else None
    if quiet:
        _warn(f"warning: {quiet}")
    if letter.missing:
        gaps = ", ".join(letters.marker(m) for m in letter.missing)
        if not args.force:
            held = "not marked sent: " if args.mark_sent else ""
            hint = ""
            if {"my_name", "signature"} & set(letter.missing):
                hint = f" (or set name = \"...\" in {default_config_dir() / 'config.toml'})"
            _warn(f"{held}the letter has gaps: {gaps}; fill them with --set NAME=VALUE{hint} or pass --force")
            return EXIT_HELD_BACK
        _warn(f"warning: the letter has gaps: {gaps}")
    if not args.mark_sent:
        return 0
    if quiet and not args.force:
        _warn("not marked sent: it is inside their quiet period; pass --force to record it anyway")
        return EXIT_HELD_BACK
    updated = letters.mark_sent(app, letter, now=moment, zone=settings.zone, force=True)
    store.save(updated)
    who = f" to {letter.recipient_name}" if letter.recipient_name else ""
    _warn(f"recorded the {kind.value} letter{who}; {app.company} is now in {updated.stage.value}")
    return 0


def _warn_duplicates(app, letter, settings, moment, templates_dir) -> None:
    """Compare the note with what the same template gives the round's other interviewers."""
    from tui.core import letters
    from tui.core.stages import LetterKind

    round_ = next((r for r in app.rounds if r.id == letter.round_id), None)
    if round_ is None:
        return
    others = [
        letters.draft(app, LetterKind.THANK_YOU, settings, moment, interviewer_id=person.id,
                      templates_dir=templates_dir)
        for person in round_.interviewers if person.id != letter.interviewer_id
    ]
    for a, b, ratio in letters.near_duplicates([letter, *others]):
        if a is letter or b is letter:
            other = b if a is letter else a
            _warn(f"warning: this note reads {ratio:.0%} like the one for {other.recipient_name}: "
                  f"make it about what you discussed with {letter.recipient_name}")
