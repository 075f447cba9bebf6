"""Commands that record what happened or what was said: round, interviewer, direction, reply, close.

Each one goes through cli_common.change_card: the card is read, changed by a
pure function of tui.core.actions (which writes the history line and applies the
stage rules) and saved under the file's lock with the board's stale-edit check;
then PRODUCT's confirmation line is printed. Only argparse is imported up front.
"""

from __future__ import annotations

import argparse

from tui.cli_common import COMING, EVENT, PAST, change_card, read_when
from tui.cli_parsing import add_choice, add_command, add_id_argument, add_quiet_option, completes
from tui.core.errors import quoted
from tui.core.stages import DEFAULT_ROUND_NAME

WHEN_NOTE = ('WHEN: "2026-12-01 14:00", "today 15:30", "yesterday 10am", "wed 14:00", "next tue 10:00",\n'
             '"in 3 days". What happened reads a bare weekday or time as the most recent one.')


def _understood(moment, settings, now) -> str:
    from tui.core.timefmt import understood

    return understood(moment, settings.zone, now)


def _round_number(app, number: int | None):
    """The round `round N` names, counting from 1 in time order; the latest when None."""
    from tui.core.errors import ValidationError

    ordered = app.rounds_in_time_order
    if not ordered:
        raise ValidationError(
            f"{app.company} has no round yet: add one with 'followup round {app.short_id} --at WHEN'")
    if number is None:
        return ordered[-1]
    if not 1 <= number <= len(ordered):
        raise ValidationError(
            f"--round {number}: {app.company} has rounds 1 to {len(ordered)} ('followup show' lists them)")
    return ordered[number - 1]


def read_interviewers(values: list[str] | None) -> list:
    """Every `--interviewer` value read with the forms' one splitter (Interviewer.parse_many), so
    "Dana Kim; Lee Park" is two people here as in the forms; the option may also be repeated."""
    from tui.core.errors import ValidationError
    from tui.core.parts import Interviewer

    people = []
    for text in values or []:
        found = Interviewer.parse_many(text)
        if not found:
            raise ValidationError('--interviewer is empty: write "Name <email>", or several separated by ; or ,')
        people += found
    return people


# --- round -------------------------------------------------------------------------------
def cmd_round(args) -> int:
    from tui.core import actions

    people = read_interviewers(args.interviewer)

    def change(app, settings, now):
        at = read_when(args.at, EVENT, settings, now, "--at")
        new = actions.add_round(app, args.name, at, people, now=now, use_thank_you=settings.use_thank_you,
                                zone=settings.zone)
        upcoming = " (upcoming)" if at > now else ""
        who = f" with {', '.join(p.name for p in people)}" if people else ""
        moved = f"; moved to {new.stage.value} (was {app.stage.value})" if new.stage is not app.stage else ""
        named = new.rounds[-1].name  # as add_round names it: an empty --name is the default
        return new, f"round “{named}” {_understood(at, settings, now)}{upcoming}{who}{moved}"

    return change_card(args, change)


# --- interviewer ---------------------------------------------------------------------------
def _thanked_at(text: str, rnd, settings, now):
    from tui.core.errors import ValidationError
    from tui.core.round_rules import read_thanked_at

    try:
        return read_thanked_at(text, rnd, now=now, zone=settings.zone)
    except ValidationError as exc:
        raise ValidationError(f"--thanked: {exc}") from None


def cmd_interviewer(args) -> int:
    import copy

    from tui.core import actions
    from tui.core.errors import ValidationError
    from tui.core.model import UnknownInterviewer
    from tui.core.parts import Interviewer, check_link_note

    def change(app, settings, now):
        rnd = latest = _round_number(app, args.round)
        elsewhere = ""  # where the person was found, when not in the latest round
        try:  # the same matching as `letter --interviewer`: the whole name or a unique part of it
            found = app.find_interviewer(args.name, within=rnd)[1]
            added = False
        except UnknownInterviewer:
            found, added = None, True
            if args.round is None:  # someone met in an earlier round is that person, not a new one (review M #9)
                try:
                    rnd, found = app.find_interviewer(args.name)
                    added = False
                    elsewhere = f" (not in the latest round, “{latest.name}”)"
                except UnknownInterviewer:
                    pass
        thanked = None
        if args.thanked is not None:  # a day alone on the round's day is after it (round_rules.read_thanked_at)
            thanked = now if args.thanked == "" else _thanked_at(args.thanked, rnd, settings, now)
        people = [copy.copy(p) for p in rnd.interviewers]
        person = next((p for p in people if found is not None and p.id == found.id), None)
        if person is None:
            person = Interviewer(name=args.name)
            people.append(person)
        note = "" if args.link == "" and args.link_note is None else args.link_note  # a cleared link takes its note
        given = {"email": args.email, "title": args.title, "topic": args.topic, "link": args.link,
                 "link_note": note}
        before = {field: getattr(person, field) for field in given}
        for field, value in given.items():
            if value is not None:
                setattr(person, field, value)
        person.__post_init__()  # checks the address, the link and the lengths
        try:
            check_link_note(person.link, person.link_note)
        except ValidationError as exc:
            raise ValidationError(f'{exc}: give --link URL, or clear the note with --link-note ""') from None
        changed_fields = [field for field in given if getattr(person, field) != before[field]]
        changed = [field.replace("_", " ") for field in changed_fields]
        where = actions.round_named(app, rnd)
        if not added and not changed and thanked is None:  # as `edit` does: said so, exit 2, nothing written
            if all(value is None for value in given.values()):
                raise ValidationError(f"{person.name} is already in {where}{elsewhere}; nothing to change: give "
                                      "--email, --title, --topic, --link, --link-note or --thanked")
            raise ValidationError(f"{person.name} ({where}) already has these values; nothing changed")
        if thanked is not None and found is not None and found.thanked_at is not None:
            # a second --thanked would silently re-date the note (and count it late in stats): review N R1
            raise ValidationError(f"{found.name} ({where}) was already thanked "
                                  f"{_understood(found.thanked_at, settings, now)}; nothing changed")
        new = app
        if added:
            said = f"Added {person.name} to {where}" + (f": {', '.join(changed)}" if changed else "")
        else:
            said = f"Edited {person.name} in {where}: {', '.join(changed)}" if changed else ""
        if said:  # one line that says what changed: a bare "Edited round" next to "Thanked X" said nothing
            new = actions.update_round(app, rnd.id, now=now, interviewers=people,
                                       use_thank_you=settings.use_thank_you, said=said, zone=settings.zone)
        done = [f"{'added to' if added else 'updated in'} {where}{elsewhere}"]
        done += [f"{name} {'set' if getattr(person, field) else 'cleared'}"
                 for field, name in zip(changed_fields, changed, strict=True)]  # not what was as it was
        if thanked is not None:
            new = actions.set_thanked(new, person.id, True, now=now, at=thanked, zone=settings.zone)
            done.append(f"thanked {_understood(thanked, settings, now)}")
        return new, f"{person.name}: " + ", ".join(done)

    return change_card(args, change)


# --- direction -------------------------------------------------------------------------------
def cmd_direction(args) -> int:
    from tui.core import direction_actions
    from tui.core.errors import ValidationError
    from tui.core.stages import DirectionKind

    if args.done is not None:
        if args.text or args.by or args.not_before:
            raise ValidationError("--done N marks direction N done: give it without TEXT, --by or --not-before")
    elif not (args.text or "").strip():
        raise ValidationError("give the recruiter's instruction as TEXT, e.g. \"send two references\"")

    meant = []  # the direction N named when the card was read, if change_card applies this again

    def change(app, settings, now):
        if args.done is not None:
            if meant:  # the card was saved meanwhile: the same direction, wherever it is numbered now
                direction = next((d for d in app.directions if d.id == meant[0].id), None)
                if direction is None:
                    raise ValidationError(f"direction {args.done} ({meant[0].text}) was removed by another "
                                          "Followup process meanwhile; nothing changed")
            elif not app.directions:  # "Zeta's directions are none yet" read oddly (review Q 9)
                raise ValidationError(f"--done {args.done}: {app.company} has no directions yet: add one with "
                                      f"'followup direction {app.short_id} TEXT'")
            elif not 1 <= args.done <= len(app.directions):
                raise ValidationError(f"--done {args.done}: {app.company}'s directions are 1 to "
                                      f"{len(app.directions)} ('followup show' numbers them)")
            else:
                direction = app.directions[args.done - 1]
                meant.append(direction)
            new = direction_actions.set_direction_done(app, direction.id, True, now=now)
            if new is app:
                return app, f"direction {args.done} is already done: {direction.text}; nothing changed"
            return new, f"done: {direction.text}"
        if args.not_before or args.by:
            from tui.core.deadlines import direction_default_time

            kind = DirectionKind.NOT_BEFORE if args.not_before else DirectionKind.DO_BY
            option, typed = ("--not-before", args.not_before) if args.not_before else ("--by", args.by)
            due = read_when(typed, COMING, settings, now, option, default_time=direction_default_time(settings, kind))
            if kind is DirectionKind.NOT_BEFORE:
                words = f"quiet period: don't contact them before {_understood(due, settings, now)}"
            else:
                words = f"to do: {args.text.strip()} by {_understood(due, settings, now)}"
        else:
            due, kind, words = None, DirectionKind.INFO, f"noted: {args.text.strip()}"
        new = direction_actions.add_direction(app, args.text, kind, due, now=now, zone=settings.zone)
        return new, f"direction {len(new.directions)}, {words}"

    return change_card(args, change)


# --- reply, close -----------------------------------------------------------------------------
def _after_first_round(app, at, what, settings, now) -> None:
    """`--at` of `reply` and `close`: after the card's first round, as the board's forms ask it."""
    from tui.core.correspondence import check_after_first_round
    from tui.core.errors import ValidationError

    try:
        check_after_first_round(app, at, what, zone=settings.zone, now=now)
    except ValidationError as exc:
        raise ValidationError(f"--at: {exc}") from None


def cmd_reply(args) -> int:
    from tui.core import correspondence

    def change(app, settings, now):
        at = read_when(args.at, PAST, settings, now, "--at") if args.at else now
        _after_first_round(app, at, correspondence.REPLY, settings, now)
        new = correspondence.record_reply(app, now=now, at=at, via=args.via, note=args.note or "")
        return new, f"they replied ({args.via}) {_understood(at, settings, now)}; now {new.stage.value}"

    return change_card(args, change)


def cmd_close(args) -> int:
    from tui.core import correspondence
    from tui.core.errors import ValidationError
    from tui.core.stages import Outcome

    outcome = Outcome.parse(args.outcome)

    def change(app, settings, now):
        at = read_when(args.at, PAST, settings, now, "--at") if args.at else None
        if at is not None:
            _after_first_round(app, at, correspondence.OUTCOME, settings, now)
        keep = read_when(args.keep_in_touch, COMING, settings, now, "--keep-in-touch") if args.keep_in_touch else None
        if keep is not None:
            try:
                keep = correspondence.check_keep_in_touch(keep, now=now, zone=settings.zone)
            except ValidationError as exc:
                raise ValidationError(f"--keep-in-touch: {exc}") from None
        new = correspondence.close(app, outcome, now=now, at=at, keep_in_touch=keep)
        return new, _closed_words(app, new, settings, now, keep)

    return change_card(args, change)


def _closed_words(before, after, settings, now, keep) -> str:
    """What `close` did, said so that a recorded outcome kept, or its time changed, is never silent."""
    from tui.core.deadlines import keep_in_touch_due
    from tui.core.timefmt import typed_and_due

    told = _understood(after.outcome_at, settings, now)
    label = after.outcome.label
    was_closed = before.stage.value == "closed" and before.outcome is not None and before.outcome_at is not None
    if after is before:
        return f"already closed, {label}, {told}; nothing new to record"
    if was_closed and before.outcome is after.outcome and before.outcome_at == after.outcome_at:
        words = f"still closed, {label}, {told} (kept)"
    else:
        words = f"closed, {label}, {told}"
        if was_closed and before.outcome is not after.outcome:
            words += f" (was {before.outcome.label})"
        elif was_closed:
            words += f" (the outcome time changed from {_understood(before.outcome_at, settings, now)})"
    if keep is not None:  # the date typed, and the deadline it made when working hours or a quiet period move it
        due = keep_in_touch_due(after, settings, keep)
        words += f"; keep in touch on {typed_and_due(keep, due, settings.zone, now)}"
    return words


def _number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{quoted(text)} is not a number: give N as 'followup show' numbers them") from None


def _outcomes() -> list[str]:
    from tui.core.stages import Outcome

    return [outcome.value for outcome in Outcome]


def _reply_vias() -> tuple[str, ...]:
    """The core's REPLY_VIAS, imported when a reply is parsed, so other commands start without it."""
    from tui.core.correspondence import REPLY_VIAS

    return REPLY_VIAS


def register(subparsers, common) -> None:
    rnd = add_command(subparsers, common, "round", "add an interview round, past or upcoming",
                      'followup round acme --at "next tue 14:00" --name Final \\\n'
                      '    --interviewer "Ana Ruiz <ana@acme.example>"',
                      cmd_round, WHEN_NOTE + "\nA future time (\"next tue\", a date) makes an upcoming round.")
    add_id_argument(rnd)
    rnd.add_argument("--at", required=True, metavar="WHEN", help="when it took place or will take place")
    rnd.add_argument("--name", default=DEFAULT_ROUND_NAME,
                     help=f"what the round is called (default: {DEFAULT_ROUND_NAME})")
    rnd.add_argument("--interviewer", action="append", metavar='"NAME <EMAIL>"',
                     help="someone you met (repeat, or several in one: \"Dana Kim; Lee Park\")")
    add_quiet_option(rnd)

    person = add_command(subparsers, common, "interviewer",
                         "add an interviewer to a round, or change one (topic, link, thanked)",
                         'followup interviewer acme "Dana Kim" --topic "their move to event sourcing" \\\n'
                         '    --link https://example.com/es-article --link-note "the article I mentioned"',
                         cmd_interviewer,
                         "NAME is matched in the round (the latest unless --round N) as 'letter --interviewer'\n"
                         "matches it: the whole name or a part only one person's name holds (\"Olga\" for\n"
                         "Olga Pi) changes that person; a part several names hold is refused, naming them;\n"
                         "without --round, a name nobody in the latest round has but someone in an earlier\n"
                         "round does changes that person (the most recent such round); a name nobody on\n"
                         "the card has is added to the round as a new interviewer.\n"
                         "The topic is what the thank-you note names. An empty value clears --email,\n"
                         "--title, --topic, --link or --link-note.")
    add_id_argument(person)
    person.add_argument("name", metavar="NAME")
    person.add_argument("--email", metavar="E")
    person.add_argument("--title", metavar="T")
    person.add_argument("--topic", metavar="TEXT", help="what you discussed with them")
    person.add_argument("--link", metavar="URL", help="an article that supports the topic")
    person.add_argument("--link-note", metavar="TEXT", help="what the link is, in a few words")
    person.add_argument("--thanked", nargs="?", const="", metavar="WHEN", help="you thanked them (default: now)")
    person.add_argument("--round", type=_number, metavar="N", help="the round, counting from 1 (default: the latest)")
    add_quiet_option(person)

    direction = add_command(subparsers, common, "direction", "record a recruiter's instruction, or mark one done",
                            'followup direction acme "send two references" --by fri\n'
                            'followup direction acme "no calls please" --not-before "dec 10"\n'
                            "followup direction acme --done 1", cmd_direction,
                            "--by: something you must do by then; --not-before: a quiet period (no contact\n"
                            "before then); neither: a fact worth keeping. N counts from 1, as 'show' lists them.")
    add_id_argument(direction)
    direction.add_argument("text", metavar="TEXT", nargs="?")
    when = direction.add_mutually_exclusive_group()
    when.add_argument("--by", metavar="WHEN", help="do it by then")
    when.add_argument("--not-before", metavar="WHEN", help="don't contact them before then")
    when.add_argument("--done", type=_number, metavar="N", help="mark direction N done")
    add_quiet_option(direction)

    reply = add_command(subparsers, common, "reply", "record that they answered (restarts the follow-up wait)",
                        'followup reply acme --at "yesterday 16:00" --via call --note "second round next week"',
                        cmd_reply, WHEN_NOTE)
    add_id_argument(reply)
    reply.add_argument("--at", metavar="WHEN", help="when they answered (default: now)")
    add_choice(reply, "--via", what="way of replying", choices=_reply_vias, default="email", metavar="HOW",
               help="how they answered, e.g. call (default: email)")
    reply.add_argument("--note", metavar="TEXT", help="what they said, in a few words")
    add_quiet_option(reply)

    close = add_command(subparsers, common, "close", "record how a process ended and close it",
                        'followup close acme rejected --at "today 11:00" --keep-in-touch "in 3 months"', cmd_close,
                        "OUTCOME: offer, accepted, rejected, withdrawn or no-response.\n"
                        "After a rejection, 'followup due' reminds you to reply and ask for feedback.")
    add_id_argument(close)
    completes(close.add_argument("outcome", metavar="OUTCOME",
                                 help="offer, accepted, rejected, withdrawn or no-response"),
              _outcomes)
    close.add_argument("--at", metavar="WHEN", help="when they told you (default: now)")
    close.add_argument("--keep-in-touch", metavar="WHEN", help="when to get back in touch (a deadline)")
    add_quiet_option(close)
