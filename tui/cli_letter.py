"""`followup letter`: print a filled letter for a mail tool, optionally record it as sent.

stdout carries only the letter (`Subject: ...`, a blank line, the body), so it can
be piped; every remark goes to stderr. Exit codes: 0 the letter is complete (and
recorded, with --mark-sent); 1 it was printed but has gaps (with --force too:
PRODUCT's "a letter printed with gaps", so `letter … --force | mail` in cron is
never a silent success; with -q, which prints the id alone, too: -q changes
what is printed, never the exit code), or was not recorded; 2 bad input or a letter that does not fit the card (an offer
reply with no offer, a follow-up on a closed card: --force writes it anyway),
nothing printed (raised as FollowupError, reported by cli.main).
"""

from __future__ import annotations

import argparse

from tui.cli_common import confirm, now, open_card, user_settings
from tui.cli_output import print_data, remark
from tui.cli_parsing import add_command, add_id_argument, add_quiet_option, completes
from tui.core.errors import quoted

EXIT_HELD_BACK = 1

NOTES = """\
KIND is thank-you, follow-up, rejection-reply or offer-reply.
A thank-you note is for one interviewer: on a card where several still wait for
one, name them with --interviewer (a unique part of the name is enough).
A letter must fit the card: an offer reply needs an offer, a rejection reply a
rejection, a follow-up an open card, a thank-you someone to thank after the
round; anything else is refused unless you pass --force. A second follow-up
uses the shorter follow-up-again template, which names the date of the first.
A value the card lacks shows as [name?] in the letter and makes the command exit
with status 1; fill it with --set, e.g. --set topic="their migration to Postgres".
--force prints it (and with --mark-sent records it) with the gaps, still with
status 1 (with -q too, which prints the id alone). Optional lines (an
interviewer's link, your pitch) are left out cleanly when their value is
missing, and standard error says what adding it would add. Your name,
signature and pitch come from config.toml ([my_name?] and [signature?] are
filled for every letter by: followup config name "Alex Morgan"; for one
letter by --set my_name=… or --set signature=…); your own templates go in the
templates/ folder beside it (same file names as the built-in ones:
thank-you.txt, follow-up.txt, follow-up-again.txt, rejection-reply.txt,
offer-reply-accept.txt, offer-reply-ask-for-time.txt, offer-reply-decline.txt).
An offer reply says your answer: --variant accept (the default) records the
outcome accepted once it is marked sent, decline records withdrawn (you stepped
out; the offer stays in the history), and ask-for-time leaves a deadline to give
your answer by the day the letter promises."""


def _variants() -> list[str]:
    from tui.core.templates import VARIANTS

    return sorted({name for names in VARIANTS.values() for name in names})


def _letter_kinds() -> list[str]:
    from tui.core.stages import LetterKind

    return [kind.value for kind in LetterKind]


def register(subparsers, common: argparse.ArgumentParser) -> None:
    """Add the `letter` command; `common` holds the options every command takes (--db)."""
    parser = add_command(
        subparsers, common, "letter", "print a filled letter; --mark-sent records it",
        'followup letter 3f2a thank-you --interviewer "Dana"\n'
        "followup letter 3f2a follow-up > letter.txt\n"
        "followup letter 3f2a thank-you --interviewer Dana --mark-sent\n"
        'followup letter 3f2a follow-up --mark-sent --at "yesterday 16:30"',
        handler, NOTES, description="Print a letter filled from the card, ready to pipe to a mail tool.",
    )
    add_id_argument(parser)
    completes(parser.add_argument("kind", metavar="KIND", help="thank-you, follow-up, rejection-reply or offer-reply"),
              _letter_kinds)
    parser.add_argument("--interviewer", metavar="NAME",
                        help="whom the letter is for (thank-you: required when several wait)")
    completes(parser.add_argument("--variant", metavar="CHOICE",
                                  help="offer-reply: accept (default), ask-for-time or decline"), _variants)
    parser.add_argument("--set", dest="values", action="append", default=[], metavar="NAME=VALUE",
                        help="fill or replace a placeholder, e.g. topic=\"error budgets\" (repeatable)")
    parser.add_argument("--mark-sent", action="store_true",
                        help="record the letter as sent: contact, thanked time or follow-up count, stage")
    parser.add_argument("--at", metavar="WHEN",
                        help="with --mark-sent: when it went out, e.g. \"yesterday 16:30\" (default now)")
    parser.add_argument("--force", action="store_true",
                        help="write a letter that does not fit the card, print (and record) it with "
                             "gaps (exit status 1), and record it even inside a quiet period")
    add_quiet_option(parser, "with --mark-sent: print the id alone instead of the letter once it is recorded")


def _parse_values(pairs: list[str]) -> dict[str, str]:
    from tui.core.errors import ValidationError

    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ValidationError(f"--set {quoted(pair)}: write it as NAME=VALUE, e.g. topic=\"their design system\"")
        values[name.strip()] = value
    return values


def handler(args) -> int:
    from tui.core import correspondence, letter_checks, letters, recipients, timefmt
    from tui.core.errors import ValidationError
    from tui.core.stages import LetterKind
    from tui.store.store import default_config_dir

    kind = LetterKind.parse(args.kind)
    values = _parse_values(args.values)
    if args.at is not None and not args.mark_sent:
        raise ValidationError("--at says when a letter went out: use it with --mark-sent")
    if args.quiet and not args.mark_sent:
        raise ValidationError("-q prints the id of a letter recorded as sent: use it with --mark-sent")
    settings, moment = user_settings(), now()
    zone = settings.zone
    templates_dir = default_config_dir() / "templates"
    store, app = open_card(args)
    misfit = letter_checks.misfit(app, kind, moment, zone, interviewer_id=args.interviewer, variant=args.variant)
    if misfit and not args.force:
        raise ValidationError(f"no {kind.value} letter: {misfit}; pass --force to write it anyway")
    def drafted(sent_at=None):
        try:
            return letters.draft(app, kind, settings, moment, interviewer_id=args.interviewer,
                                 templates_dir=templates_dir, variant=args.variant, values=values, sent_at=sent_at)
        except recipients.ChooseInterviewer as exc:
            raise ValidationError(f"{exc}; choose one with --interviewer NAME") from None

    letter = drafted()
    sent_at = None
    if args.at is not None:
        sent_at = letter_checks.read_sent_at(args.at, app, letter, moment, zone)
        correspondence.check_reply_sent_at(app, kind, sent_at, zone=zone, now=moment)  # before the letter is printed
        letter = drafted(sent_at)  # what it promised counts from when it went out ({answer_by})

    if not args.quiet:  # with -q, standard output carries the id alone, once the letter is recorded
        print_data(letter.text.rstrip("\n") + "\n")

    if misfit:
        remark(f"warning: {misfit}")
    for line in letter.left_out:
        remark(f"left out: {line}")
    if kind is LetterKind.THANK_YOU and "topic" not in letter.missing:
        _warn_duplicates(app, letter, settings, moment, templates_dir)
    for warning in letter.warnings:  # a quiet period, whatever the kind of letter
        remark(f"warning: {warning}")
    timing = letter_checks.follow_up_timing(app, settings, moment) if kind is LetterKind.FOLLOW_UP else None
    if timing:  # a sentence on the board; after "note:" it goes on in lower case (review V 11)
        remark(f"note: {timing[:1].lower()}{timing[1:]}")
    if letter.missing:
        gaps = ", ".join(letters.marker(m) for m in letter.missing)
        if not args.force:
            held = "not marked sent: " if args.mark_sent else ""
            person = letter.recipient_name if letter.interviewer_id else ""  # a thank-you: whose topic it is
            hint = letters.fill_hint(letter.missing, app.short_id, person)
            remark(f"{held}the letter has gaps: {gaps}; {hint}; or pass --force")
            return EXIT_HELD_BACK
        remark(f"warning: the letter has gaps: {gaps}")
    # printed or recorded with its gaps under --force: held back, with -q too (a script's only signal)
    done = EXIT_HELD_BACK if letter.missing else 0
    if not args.mark_sent:
        return done
    quiet = letter_checks.send_blockers(app, letter, sent_at or moment, zone)  # the gaps were handled above
    if quiet and not args.force:
        remark("not marked sent: it is inside their quiet period; pass --force to record it anyway")
        return EXIT_HELD_BACK
    again = letter_checks.already_thanked(app, letter, now=moment, zone=zone, at=sent_at)
    if again:
        remark(f"note: {again}")

    def sent(card):
        return letter_checks.mark_sent(card, letter, now=moment, zone=zone, force=True, at=sent_at)

    # the letter went out: if another process saved the card meanwhile, it is recorded on the card as it is now
    updated = store.save(sent(app), again=sent)
    who = f" to {letter.recipient_name}" if letter.recipient_name else ""
    when = timefmt.understood(sent_at or moment, zone, moment)
    moved = "now" if updated.stage is not app.stage else "stays in"
    words = f"recorded the {kind.noun}{who} as sent {when}; {moved} {updated.stage.value}"
    if updated.outcome is not app.outcome and updated.outcome is not None:
        words += f"; outcome: {updated.outcome.label}"
    # PRODUCT's line, as every changing command's (the id, the first deadline created or moved), on
    # standard error: standard output carries the letter (with -q, the id alone)
    confirm(args, app, updated, words, settings, moment, to_stderr=True)
    return done


def _warn_duplicates(app, letter, settings, moment, templates_dir) -> None:
    """Compare the note with what the same template gives the round's other interviewers."""
    from tui.core import letter_checks, letters
    from tui.core.stages import LetterKind

    round_ = next((r for r in app.rounds if r.id == letter.round_id), None)
    if round_ is None:
        return
    others = [
        letters.draft(app, LetterKind.THANK_YOU, settings, moment, interviewer_id=person.id,
                      templates_dir=templates_dir)
        for person in round_.interviewers if person.id != letter.interviewer_id
    ]
    for a, b, ratio in letter_checks.near_duplicates([letter, *others]):
        if a is letter or b is letter:
            other = b if a is letter else a
            remark(f"warning: this note reads {ratio:.0%} like the one for {other.recipient_name}: "
                  f"make it about what you discussed with {letter.recipient_name}")
