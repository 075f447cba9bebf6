"""`followup export` and `followup import`: every application out as json, csv, ics or md, and back in.

The formats themselves are pure functions in tui/core/exchange.py (export),
tui/core/importing.py (import) and tui/core/ics.py (calendar). Here: files,
standard input and output, and the one write an import makes.
Only argparse is imported up front.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tui.cli_common import card_title, now, read_apps, store_at, user_settings
from tui.cli_output import read_input, read_limited, write_output
from tui.cli_parsing import add_command, add_quiet_option, completes
from tui.core.errors import quoted, shown_path


def cmd_export(args) -> int:
    from tui.core.errors import ValidationError
    from tui.core.exchange import FORMATS, export
    from tui.core.text import counted

    fmt = args.format.lower()
    if fmt not in FORMATS:
        raise ValidationError(f"unknown export format {quoted(args.format)}: use one of {', '.join(FORMATS)}")
    store = store_at(args)
    settings, moment = user_settings(), now()
    apps, code = read_apps(store, settings, moment)
    payload = export(fmt, apps, settings, moment)
    target = write_output(args.output, payload, "the export", store.path)
    if target is not None:
        print(f"wrote {counted(len(apps), 'application')} to {target} ({fmt})")
    return code


def _payload(name: str) -> tuple[bytes, str]:
    from tui.core.errors import ValidationError

    if name == "-":
        return read_limited(sys.stdin.buffer, "standard input"), "<stdin>"
    source = Path(name).expanduser()
    if source.suffix.lower() in (".ics", ".md"):  # said before reading: it may be large or not a file
        raise ValidationError(f"{shown_path(str(source))}: ics and md are export-only; import a CSV or JSON file "
                              "written by 'followup export csv' or 'followup export json'")
    advice = "give a CSV or JSON file written by 'followup export'"
    return read_input(str(source), advice), str(source)


def cmd_import(args) -> int:
    from tui.core.importing import plan_import

    payload, name = _payload(args.file)
    store, settings = store_at(args), user_settings()
    # Planned first on the file read as it is (as stats and export read it): a refused import (exit 2)
    # creates, migrates and locks nothing, as no refused command may; a damaged file is still refused.
    before = store.fingerprint()
    plan = plan_import(payload, name, store.load_all(), now(), settings)
    if not args.dry_run:
        snapshot = store.open_whole()  # created or migrated if need be, a damaged file refused
        if snapshot.fingerprint != before:  # it was just created or migrated, or another process wrote
            plan = plan_import(payload, name, snapshot.applications, now(), settings)
        for _again in range(2):  # planned again, against what it wrote, if another process wrote meanwhile
            if not store.changed_since(snapshot.fingerprint):
                break
            snapshot = store.snapshot()
            plan = plan_import(payload, name, snapshot.applications, now(), settings)
        store.put_many(plan.added + plan.updated)  # one write: all of the file or nothing
    verb = "would import" if args.dry_run else "imported"
    unchanged = sum(1 for _, why in plan.left if why == "unchanged")
    shown = Path(name).name if Path(name).is_file() else name  # a pipe, `import <(…)`: /dev/fd/63 as given
    print(f"{verb} {shown}: {len(plan.added)} added, {len(plan.updated)} updated, "
          f"{len(plan.left)} left ({unchanged} unchanged)")
    if not getattr(args, "quiet", False):
        for app in plan.added:
            said = plan.said.get(app.id)
            print(f"  added   {card_title(app)}" + (f": {said}" if said else ""))
        for app in plan.updated:
            said = plan.said.get(app.id)
            print(f"  updated {card_title(app)}" + (f": {said}" if said else ""))
        for app, why in plan.left:
            if why != "unchanged":
                print(f"  left    {card_title(app)}: {why}")
    return 0


def _formats() -> tuple[str, ...]:
    from tui.core.exchange import FORMATS

    return FORMATS


def register(subparsers, common) -> None:
    export = add_command(subparsers, common, "export", "write every application as json, csv, ics or md",
                         "followup export csv -o applications.csv\nfollowup export ics -o deadlines.ics",
                         cmd_export,
                         "json: everything, for 'followup import' or backups; csv: one row per application\n"
                         "(cells a spreadsheet would run as a formula start with ', which import removes);\n"
                         "ics: each deadline with an alarm (remind_before ahead), quiet periods as all-day\n"
                         "\"don't contact\" events, upcoming rounds; md: a readable report grouped by stage.")
    completes(export.add_argument("format", metavar="FORMAT", help="json, csv, ics or md"),
              _formats)
    export.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE (atomically); without it, or with -, to stdout")

    imp = add_command(subparsers, common, "import", "read applications from a CSV or JSON export",
                      "followup import applications.csv --dry-run\nfollowup export json | ssh box followup import -",
                      cmd_import,
                      "Matched by id; a row without one by company and role (and the first round's day),\n"
                      "else the open card; a row adds a second card of them only after every one is closed\n"
                      "and its round is later than theirs (the summary says so).\n"
                      "A hand-made CSV needs only the columns company, role and stage.\n"
                      "Importing a file twice adds nothing twice; a card changed here since the file was\n"
                      "written keeps its history (only the columns edited in the spreadsheet apply).\n"
                      "A stage or outcome changed in the sheet moves the card as 'followup move' and\n"
                      "'followup close' would (closed needs an outcome; its time is the import's).\n"
                      "Columns shown for reading (created, rounds, history…) must stay as export wrote\n"
                      "them; times are read in the zone of the sheet's timezone column (else yours).\n"
                      "A bad row is reported as FILE:LINE and nothing from the file is written.\n"
                      "ics and md are export-only.")
    imp.add_argument("file", metavar="FILE", help="a .csv or .json file; - reads standard input")
    imp.add_argument("--dry-run", action="store_true", help="say what would be added, updated and left; write nothing")
    add_quiet_option(imp, "the summary line alone")
