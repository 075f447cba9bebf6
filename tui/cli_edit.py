"""Commands that change a card's own fields: edit, note, delete.

Like every command that writes, they take the file's lock and refuse a stale
edit (through tui.store.Store), and the change is in the card's history.
Only argparse is imported up front.
"""

from __future__ import annotations

import sys

from tui.cli_common import COMING, card_title, change_card, open_card, read_when
from tui.cli_output import read_limited
from tui.cli_parsing import add_command, add_id_argument, add_quiet_option

EXIT_DECLINED = 1


# --- edit ------------------------------------------------------------------------------
def cmd_edit(args) -> int:
    from tui.core import actions
    from tui.core.errors import ValidationError
    from tui.core.parts import check_recruiter

    given = {"company": args.company, "role": args.role, "pitch": args.pitch, "posting": args.posting}
    if args.recruiter is not None:  # empty clears it
        given["recruiter"] = check_recruiter(args.recruiter)
    given = {field: value for field, value in given.items() if value is not None}
    if not given and args.decision_by is None:
        raise ValidationError("nothing to change: give --company, --role, --recruiter, --posting, --pitch "
                              "or --decision-by")

    def change(app, settings, moment):
        from tui.core.deadlines import direction_default_time
        from tui.core.stages import DirectionKind
        from tui.core.timefmt import understood

        fields = dict(given)
        if args.decision_by is not None:
            # a day alone: the end of that working day, as a do-by direction's (review R2 #6)
            due = read_when(args.decision_by, COMING, settings, moment, "--decision-by",
                            default_time=direction_default_time(settings, DirectionKind.DO_BY))
            fields["decision_by"] = due
        new = actions.edit(app, now=moment, **fields)
        if new.history == app.history:
            raise ValidationError(f"{app.company} — {app.role} already has these values; nothing changed")
        # only what changed is said: a value given that the card already had is left out (read-through)
        changed = [field for field in given if getattr(new, field) != getattr(app, field)]
        words = [f"{field} “{getattr(new, field)}”" for field in changed if getattr(new, field)]
        cleared = [f"{field} cleared" for field in changed if not getattr(new, field)]
        if args.decision_by is not None and new.decision_by != app.decision_by:  # as `show` names it (review V 11)
            words.append(f"decision by {understood(new.decision_by, settings.zone, moment)}")
        # "set pitch “…”, recruiter cleared"; "pitch cleared" alone never reads "set pitch cleared" (fz2 2)
        return new, ", ".join(([f"set {', '.join(words)}"] if words else []) + cleared)

    return change_card(args, change)


def on_a_terminal() -> bool:
    """Whether someone sits at a terminal to answer a question or write in an editor: standard input
    and output both a terminal (a cron job, a pipe or `</dev/null` has none)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


# --- note ------------------------------------------------------------------------------
def _from_editor() -> str:
    """What the user writes in $VISUAL or $EDITOR (vi when neither is set), run as the board runs it
    (tui.editor): a command that cannot be split or run is a one-line refusal, as on the board."""
    from tui import editor

    return editor.edit_text("", name="note", kept="nothing was added",
                            read=lambda handle: read_limited(handle, "the note"))


def cmd_note(args) -> int:
    from tui.core import actions
    from tui.core.errors import ValidationError
    from tui.core.text import is_clean, line_feeds

    if args.text == "-":
        text = read_limited(sys.stdin.buffer, "standard input").decode("utf-8", "surrogateescape")
    elif args.text is None:
        if not on_a_terminal():  # an editor there writes its escape codes into a pipe (review Q 8)
            raise ValidationError("there is no terminal for the editor; give the note as TEXT, or - to read "
                                  "it from standard input; nothing was added")
        text = _from_editor()
    else:
        text = args.text
    text = line_feeds(text)  # a CRLF (a Windows tool, a paste) is a line break, not a control character
    if not is_clean(text.replace("\t", " ")):
        raise ValidationError("the note holds a control character or text that is not UTF-8; nothing was added")
    text = text.strip("\n")
    if not text.strip():
        raise ValidationError("the note is empty; nothing was added")

    def change(app, settings, moment):
        joined = app.notes.rstrip("\n") + ("\n\n" if app.notes.strip() else "") + text
        words = text.splitlines()[0]
        return actions.set_notes(app, joined, now=moment), f"note added: “{words[:60]}”"

    return change_card(args, change)


# --- delete ----------------------------------------------------------------------------
def cmd_delete(args) -> int:
    from tui.core.errors import ValidationError

    store, app = open_card(args)
    title = card_title(app)
    if not args.yes:
        if not on_a_terminal():
            raise ValidationError(f"delete {title}: there is no terminal to ask on; pass --yes to delete it")
        answer = input(f"Delete {app.company} — {app.role} and all its history? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print(f"{app.short_id} kept: nothing deleted")
            return EXIT_DECLINED
    store.delete(app.id, revision=app.revision)  # refused if another process changed it meanwhile
    print(app.short_id if args.quiet else f"{title}: deleted")
    return 0


def register(subparsers, common) -> None:
    edit = add_command(subparsers, common, "edit",
                       "change a card's company, role, recruiter, posting, pitch or decision date",
                       'followup edit acme --recruiter "Sam Lee <sam@acme.example>" --decision-by "fri 17:00"\n'
                       'followup edit acme --pitch "ten years of keeping payment systems up"', cmd_edit,
                       "--pitch is what you bring to this role (the follow-up letter uses it; empty: the\n"
                       "pitch setting). --posting is the job ad's address. An empty value clears\n"
                       "--recruiter, --posting or --pitch.")
    add_id_argument(edit)
    edit.add_argument("--company", metavar="C")
    edit.add_argument("--role", metavar="R")
    edit.add_argument("--recruiter", metavar='"NAME <EMAIL>"', help="whom follow-ups go to")
    edit.add_argument("--posting", metavar="URL", help="the job ad's address (http or https)")
    edit.add_argument("--pitch", metavar="TEXT", help="what you bring to this role")
    edit.add_argument("--decision-by", metavar="WHEN", help="when they said they would decide")
    add_quiet_option(edit)

    note = add_command(subparsers, common, "note", "add to a card's notes (TEXT, - for standard input, or $EDITOR)",
                       'followup note acme "they use Kafka; ask about the on-call rota"\n'
                       "pbpaste | followup note acme -\nfollowup note acme          # opens $EDITOR",
                       cmd_note, "The text is added below the notes already there; nothing is replaced.")
    add_id_argument(note)
    note.add_argument("text", metavar="TEXT", nargs="?",
                      help="the text; - reads standard input; none opens $EDITOR (on a terminal only)")
    add_quiet_option(note)

    delete = add_command(subparsers, common, "delete", "delete an application and its history",
                         "followup delete acme\nfollowup delete 3f2a1b2c --yes   # in a script", cmd_delete,
                         "On a terminal it asks first (exit 1 when you decline); elsewhere it needs --yes.")
    add_id_argument(delete)
    delete.add_argument("--yes", action="store_true", help="delete without asking")
    add_quiet_option(delete)
