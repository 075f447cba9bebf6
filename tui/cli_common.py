"""What the command line's modules share: the clock, the settings, the data file, the card a command
names, and the confirmation line of a change (how parsers are built is in tui/cli_parsing.py).

tui/cli.py (the parser and most commands), tui/cli_letter.py (the letter command)
and tui/main.py (the board) import these from here, so that no module imports
helpers back from the one that imports it. Beyond the error words and the output, the core and the
store are imported where they are used, so a command that needs neither does not wait for them.
"""

from __future__ import annotations

import sys

from tui.cli_output import remark
from tui.core.errors import shown_path


def card_title(app) -> str:
    """How a command's lines name a card: its short id, company and role."""
    return f"{app.short_id} {app.company} — {app.role}"


def now():
    from tui.core import clock

    return clock.now()


def user_settings(warnings: list[str] | None = None):
    """Settings from config.toml in the config dir; defaults when it is absent.

    A key that is no setting is ignored, with a warning: on standard error, one line
    each, or into `warnings` when the caller shows them its own way (the board, as
    a notification). A bad value of a known key still stops the command (exit 2).
    """
    from tui.core.settings import load_settings
    from tui.store.store import config_path

    found: list[str] = []
    settings = load_settings(config_path(), warnings=found)  # a file that does not read: ValidationError
    if warnings is not None:
        warnings.extend(found)
    else:
        for line in found:
            remark(line)
    return settings


def open_store(args, *, opened: bool = True):
    """The store at --db, $FOLLOWUP_DB or the user data dir, created on first use.

    `opened=False` leaves the reading to the caller: the board reads the file
    once (see tui/ui/launch.py).
    """
    store = store_at(args)
    return store.open() if opened else store


def open_card(args):
    """The store (a damaged file refused) and the application ID names, from one reading of the file;
    the save that follows finds those bytes already checked. Reading only: an older file is migrated
    by that save (with its backup), so a command refused on the way (exit 2) leaves it byte for byte."""
    store = store_at(args)
    return store, resolved(store, store.load_all(), args.id)


def resolved(store, apps, key: str, *, damaged: bool = False):
    """`store.resolve_in(apps, key)`; its refusal says too, in its one line, that the data file the user
    named does not exist (missing_named_file), or (`damaged`: records were left out of `apps`) that the
    card may be one of those: "no application starts with 6548" read as if the card were gone (fz1)."""
    from tui.store.errors import NotFoundError
    from tui.store.store import resolve_in

    try:
        return resolve_in(apps, key)
    except NotFoundError as exc:
        if missing := missing_named_file(store):
            raise NotFoundError(f"{exc}; {missing}") from None
        if damaged and str(exc).startswith("no application"):
            raise NotFoundError(f"{exc}; it may be a damaged record left out (named above)") from None
        raise


def missing_named_file(store) -> str:
    """Words for a data file the user named (--db, $FOLLOWUP_DB) that is not there, '' otherwise: a typo
    in its name read as an empty store, "no applications yet", which looks like lost data (fz2 7). The
    default file before the first `add` is just empty. Nothing is created on a read."""
    if store.path.exists():
        return ""
    if store.create_folder:  # the default data file (store_at): missing only before the first add, unless
        from tui.store.errors import WriteFailedError  # HOME is not there ("no applications yet" then read
        from tui.store.paths import check_home, refusal  # as if the cards were gone: rv1 6)

        try:
            check_home("XDG_DATA_HOME", "or name the file with --db")
        except WriteFailedError as exc:
            return f"the data file cannot be made: {refusal(exc)}"
        return ""
    return f"{shown_path(store.path)} does not exist yet; it is made by the first change (followup add …)"


def named_db(args) -> str | None:
    """The data file the user named: --db, else $FOLLOWUP_DB; None when they named none.

    The one place that decides which file a command means (`store_at`, and the
    timer `remind --install` writes, which must run on the same file).
    """
    import os

    return getattr(args, "db", None) or os.environ.get("FOLLOWUP_DB") or None


def store_at(args):
    """The store of the file the user named (whose folder must exist), else of the default data folder
    (created on first run)."""
    from tui.store.store import Store, default_db_path

    named = named_db(args)
    return Store(named or default_db_path(), create_folder=named is None)


def read_apps(store, settings, moment, *, say_missing: bool = True) -> tuple[list, int]:
    """The applications of `store` (see `store_at`) that load, caught up to `moment`, and the exit code
    the command ends with.

    Reading only: nothing is created or migrated on disk. A damaged record is
    left out and named on standard error, and the code is 1: reading a damaged
    file still works; writing to it is refused.
    """
    from tui.core.actions import catch_up

    apps, _, problems = store.snapshot()
    if say_missing and (missing := missing_named_file(store)):  # stdout and the exit code: an empty store's
        remark(missing)
    from tui.core.timeutil import to_utc

    # rounds that took place since the last write, as the board sees them (a standard UTC time: 10,000 calls)
    moment = to_utc(moment)
    apps = [catch_up(app, moment, use_thank_you=settings.use_thank_you) for app in apps]
    for problem in problems:
        remark(f"{shown_path(store.path)}: left out a damaged record: {problem}")
    if problems:
        remark(f"{shown_path(store.path)} is damaged, so Followup will not write to it; fix it by hand or "
               f"restore a backup ({shown_path(store.path.name)}.bak-* beside it, if any)")
    return apps, 1 if problems else 0


# --- times typed on the command line -------------------------------------------------
PAST = "past"  # what happened: a bare weekday or time is the most recent one; the future is refused
EVENT = "event"  # a round: as PAST, but an explicit future ("next tue", a date) is an upcoming round
COMING = "coming"  # what is ahead: a bare weekday or time is the next one to come


def read_when(text: str, reading: str, settings, moment, option: str = "", default_time=None):
    """The one place the command line reads a typed time, as PRODUCT's "WHEN" rules say for `option`.

    Options that record what happened read PAST (EVENT for a round's time);
    forward-looking ones read COMING (tui.core.when.Reading). A day typed
    without a clock time gets `default_time` (when.DEFAULT_TIME if None).
    """
    from tui.core.errors import ValidationError
    from tui.core.when import DEFAULT_TIME, Reading, parse_when

    try:
        return parse_when(text, moment, settings.zone, reading=Reading(reading),
                          default_time=default_time or DEFAULT_TIME)
    except ValidationError as exc:
        if not option:
            raise
        raise ValidationError(f"{option}: {exc}") from None


# --- commands that change a card ----------------------------------------------------------


def deadline_names(app, deadlines) -> list[tuple[str, object]]:
    """Each deadline of `app` with the name `show` gives it and `snooze --deadline` takes:
    its kind ("follow-up"), "thank-you:dana-kim" for one interviewer's note (no accents, no commas; a
    second of that spelling in the round is "thank-you:dana-kim-2", review T #12),
    "direction:N" for the N-th direction (the N of `direction --done N`), "interview:N" for round N's
    interview (the N of `interviewer --round N`: rounds in time order), so two upcoming rounds differ."""
    import re

    from tui.core.text import folded

    numbers = {direction.id: number for number, direction in enumerate(app.directions, start=1)}
    ordered = app.rounds_in_time_order
    numbers.update((rnd.id, number) for number, rnd in enumerate(ordered, start=1))
    slugs: dict[str, str] = {}  # each interviewer's: "ann-lee", then "ann-lee-2" for the next of that slug
    for rnd in ordered:  # in a round, as it lists its people: the same name each time, whoever is thanked
        used: set[str] = set()
        for person in rnd.interviewers:
            slug = name = "-".join(re.findall(r"[\w']+", folded(person.name)))
            number = 1
            while name in used:  # "Ann Lee 2" in the round too: the next number free
                number += 1
                name = f"{slug}-{number}"
            used.add(name)
            slugs[person.id] = name
    named = []
    for deadline in deadlines:
        name = deadline.kind.value
        if deadline.kind.value == "thank-you":  # typed on any keyboard: "thank-you:zoe-angstrom", no commas
            name += ":" + (slugs.get(deadline.ref) or "-".join(re.findall(r"[\w']+", folded(deadline.person))))
        elif deadline.ref in numbers:
            name += f":{numbers[deadline.ref]}"
        named.append((name, deadline))
    return named


def first_moved_deadline(before, after, settings, moment):
    """The first task `after` has that `before` had not (new, or due at another time), else None.

    A quiet period is no task (as for deadlines.next_deadline): the command that sets one says so in its
    own words, and what it moves (the follow-up, now after it) is what comes next. A change that only
    settled a task (the first of two thank-you notes) created and moved nothing: then the card's next
    task is what it changed, and is named (review M), so every such line says what is left to do."""
    from tui.core.deadlines import deadline_order, deadlines_for

    old = {(d.kind, d.ref, d.due) for d in deadlines_for(before, settings, moment) if not d.is_quiet} \
        if before else set()
    left = [d for d in deadlines_for(after, settings, moment) if not d.is_quiet]
    fresh = [d for d in left if (d.kind, d.ref, d.due) not in old]
    if not fresh and len(left) < len(old):
        fresh = left  # one went away, none came: what is left
    return min(fresh, key=deadline_order) if fresh else None


def lifted_words(before, after, settings, moment) -> str:
    """'; snooze of follow-up until Thu 10 Dec 09:00 no longer applies' for each snooze the change left
    behind (snoozing.lifted_snoozes), named as `show` names the deadline; '' when none."""
    from tui.core.snoozing import lifted_snoozes
    from tui.core.timefmt import show_time

    lifted = lifted_snoozes(before, after, settings, moment)
    if not lifted:
        return ""
    names = dict((id(d), name) for name, d in deadline_names(before, lifted))
    return "".join(f"; snooze of {names[id(d)]} until {show_time(d.due, settings.zone, moment)} no longer applies"
                   for d in lifted)


def untracked_words(before, after, settings, moment) -> str:
    """'; the thank-you to Ida Ng is no longer tracked: followup interviewer 3f2a1b2c "Ida Ng" --thanked
    records it' when the change left notes owed before it untracked (thanks_owed, whose sentence the board
    says too); '' when none. A reply in *interviewed* ended the thank-you clock without a word (review Q 4)."""
    from tui.core.text import shell_word
    from tui.core.thanks_owed import untracked_sentence, untracked_thanks

    names = [d.person for d in untracked_thanks(before, after, settings, moment)]
    if not names:
        return ""
    if len(names) == 1:  # quoted as the reminders' commands quote a name (text.shell_word)
        return (f"; {untracked_sentence(names)}: followup interviewer {after.short_id} {shell_word(names[0])} "
                "--thanked records it")
    return f"; {untracked_sentence(names)}: followup interviewer {after.short_id} NAME --thanked records each"


def confirm(args, before, after, words: str, settings, moment, *, to_stderr: bool = False) -> int:
    """PRODUCT's confirmation line: the id, what was understood, the first deadline created or moved.

    With -q, the id alone on standard output (for scripts). `to_stderr` when standard output carries
    data (a letter): the line goes to standard error, still starting with the id. Returns exit code 0.
    """
    if getattr(args, "quiet", False):
        return _said(after.short_id, sys.stdout, after)
    from tui.core.deadline_words import marked_action
    from tui.core.timefmt import understood

    line = f"{after.short_id} {after.company}: {words}"
    deadline = first_moved_deadline(before, after, settings, moment)
    if deadline is not None:
        line += f"; next: {marked_action(deadline)}, due {understood(deadline.due, settings.zone, moment)}"
    if before is not None:
        line += lifted_words(before, after, settings, moment) + untracked_words(before, after, settings, moment)
    return _said(line, sys.stderr if to_stderr else sys.stdout, after)


def _said(line: str, stream, after) -> int:
    """Print a change's line: 0, or 1 (done but held back) when it cannot be written (`>/dev/full`):
    the change is saved, and exit 2 would say nothing changed (a script would retry it: review T2 3)."""
    from tui.cli_output import drop_output, remark

    try:
        print(line, file=stream, flush=True)
    except BrokenPipeError:  # `| head -c0`: the reader wanted none of it
        drop_output()
        return 0
    except OSError as exc:
        drop_output()
        remark(f"{after.short_id} {after.company} is saved, but its line could not be printed "
               f"({exc.strerror or exc})")
        return 1
    return 0


def change_card(args, change, *, card=None) -> int:
    """Resolve ID, apply `change(app, settings, moment) -> (new app, words)`, save it, confirm.
    A change that gives back `app` itself changed nothing: its words are said and the file is left alone.

    A command states a change, not a card the user looked at: if another process (a board autosaving
    the notes) saved the card while this one read the file, `change` is applied again to the card as
    the file holds it, under the file's lock (Store.save's `again`), so neither change is lost. Only a
    card deleted meanwhile, or a change that no longer fits the card (`change` refuses it), is refused.
    `card`: the (store, application) open_card gave a caller that looked first, so the file is read once.
    """
    from tui.core.actions import catch_up

    settings, moment = user_settings(), now()
    store, app = card or open_card(args)

    def changed(card):
        # a round that took place since the last write is recorded first, as the board would
        card = catch_up(card, moment, use_thank_you=settings.use_thank_you)
        return (card, *change(card, settings, moment))

    before, new, words = changed(app)

    def again(stored):
        nonlocal before, new, words
        before, new, words = changed(stored)
        return None if new is before else new

    if new is not before:
        store.save(new, again=again)
    if new is before:  # nothing to do (e.g. a direction already done): as `move` to its own stage, nothing written
        print(before.short_id if getattr(args, "quiet", False) else f"{before.short_id} {before.company}: {words}")
        return 0
    return confirm(args, before, new, words, settings, moment)


