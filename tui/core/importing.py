"""Imports: plan what a JSON or CSV export (or a hand-made CSV) changes, as pure functions (the file is
read into `Incoming` items by tui/core/import_read.py).

The whole file is read and checked before anything is planned, so a bad row
means nothing from the file is written. Planning is idempotent: importing the
same file twice changes nothing the second time. Records are matched by id; a
JSON record or CSV row without one (no id, or an empty one) by company and role (and the first round's day, when the
row gives one; see import_match.which_card for when such a row is a second process). A card's
later history is never overwritten: a file older than the card only applies the
columns edited in the spreadsheet, and a card changed on both sides is left as it is, and said so.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, NamedTuple

from tui.core import actions, correspondence
from tui.core.errors import ValidationError
from tui.core.exchange import record
from tui.core.import_match import added_before, check_round_given, job_key, jobs_of, which_card
from tui.core.import_read import JSON_FILE, SHEET, Incoming, Source, decode, read_csv, read_json
from tui.core.model import Application
from tui.core.parts import Event, holds, new_id
from tui.core.settings import Settings
from tui.core.stages import Outcome, Stage
from tui.core.text import BREAK_NAMES, ONE_LINE_BREAKS, first_unclean, is_clean, unclean_words
from tui.core.thanks_owed import cleared_outcome
from tui.core.timeutil import to_utc

EXPORT_ONLY = (".ics", ".md", ".markdown")
_ID_NAMESPACE = uuid.UUID("6f1c1f55-6a43-4a8e-9a0e-5b0f3c7f0d11")  # ids for hand-made CSV rows


class ImportPlan(NamedTuple):
    added: list[Application]
    updated: list[Application]
    left: list[tuple[Application, str]]  # (the card as it stays, why)
    said: dict[str, str]  # an added or updated card's id -> what the summary says of it (a second process: why)


def read_import(payload: bytes, name: str, now: datetime, settings: Settings | None = None) -> list[Application]:
    """Every application in an export file, as an import into an empty file would add them."""
    return plan_import(payload, name, [], now, settings).added


def plan_import(payload: bytes, name: str, current: list[Application], now: datetime,
                settings: Settings | None = None) -> ImportPlan:
    """What importing `payload` into `current` adds, updates and leaves; ValidationError 'NAME:LINE: why'.

    `settings` give the zone a sheet's times are read in (and export wrote them in); UTC without."""
    settings = settings or Settings(timezone="UTC")
    if name.lower().endswith(EXPORT_ONLY):
        raise ValidationError(f"{name}: ics and md are export-only; import a CSV or JSON file written by "
                              "'followup export csv' or 'followup export json'")
    text = decode(payload, name)
    stripped = text.lstrip()
    if name.lower().endswith(".json") or stripped[0] in "{[":
        incoming = read_json(text, name)
    elif stripped.startswith("BEGIN:VCALENDAR") or stripped.startswith("# "):
        raise ValidationError(f"{name}: ics and md are export-only; import a CSV or JSON file")
    else:
        incoming = read_csv(text, name, settings, now)
    plan = ImportPlan([], [], [], {})
    by_id = {app.id: app for app in current}
    jobs = jobs_of(current)
    seen: dict[str, tuple[int, Incoming]] = {}
    for number, item in enumerate(incoming, start=1):
        _check_id(item, by_id)
        if item.data is not None:  # before matching: a broken character fails anything that reads it
            _check_clean_data(item.data, item.where)
        try:
            existing, second = which_card(item, jobs, by_id, settings, now)
            check_round_given(item, existing)
            result = _apply(item, existing, now)
        except (ValidationError, ValueError, TypeError, AttributeError) as exc:
            raise ValidationError(f"{item.where}: {exc}") from None
        app, why = result
        if app.id in seen:
            raise ValidationError(_twice(item, number, *seen[app.id]))
        seen[app.id] = (number, item)
        _check_clean(app, item.where, existing)
        if existing is None:
            if (twin := _same_card_here(app, jobs)) is not None:
                plan.left.append((twin, f"in the file as {app.short_id}, another id for this card's company, "
                                        "role and round (added on two machines?); left as it is"))
                continue
            taken = by_id.get(app.id)
            if taken is not None:  # the card a sheet's row once made, since renamed here: never replaced
                raise ValidationError(
                    f"{item.where}: {item.company} — {item.role} was added from a sheet before, and that card "
                    f"is now {taken.company} — {taken.role} ({taken.short_id}); nothing changed: write the row "
                    "as the card is now, or give it the card's id in an id column")
            plan.added.append(app)
            if second:
                plan.said[app.id] = second
            _now_here(app, None, by_id, jobs)
        elif why:
            plan.left.append((existing, why))
        else:
            plan.updated.append(app)
            cleared = cleared_outcome(existing, app)  # said as `followup move` says it
            if cleared:
                plan.said[app.id] = cleared
            _now_here(app, existing, by_id, jobs)
    return plan


def _now_here(app: Application, was: Application | None, by_id: dict[str, Application],
              jobs: dict[tuple[str, str], list[Application]]) -> None:
    """The cards as they will be once `app` is written over `was`: the rows after it are matched as if
    imported one at a time (a second row of the same company and role sees the card the first added,
    where both were added as two open cards, review T3 5)."""
    by_id[app.id] = app
    if was is not None:
        key = (job_key(was.company), job_key(was.role))
        jobs[key] = [card for card in jobs.get(key, []) if card.id != was.id]
    elif app.stage is Stage.CLOSED and not app.rounds:
        return  # added closed without a round: it ended "now", so any later row's round would read as earlier
    jobs.setdefault((job_key(app.company), job_key(app.role)), []).append(app)



def _same_card_here(app: Application, jobs: dict[tuple[str, str], list[Application]]) -> Application | None:
    """The open card here of `app`'s company and role with a round at one of its rounds' times: the same
    application added on two machines, each with an id of its own. A sync by export and import added it
    again, and every deadline showed twice (fuzz fz5 2), where `followup add` refuses it (added_before)."""
    same_job = jobs.get((job_key(app.company), job_key(app.role)), [])
    return added_before(same_job, app.company, app.role, *(round_.at for round_ in app.rounds))


def _twice(item: Incoming, number: int, first_number: int, first: Incoming) -> str:
    """Why a file naming one application twice is refused, in the file's own terms: the company and
    role as written and where both are (a JSON export's application numbers, a sheet's lines), never
    an id the user did not write (a hand-made row's is made up inside Followup)."""
    what = f"{item.company} — {item.role}"
    if item.source is JSON_FILE:
        return (f"{item.where}: application {number} ({what}) appears twice (also application {first_number}); "
                "each application may appear once")
    lines = f"lines {first.where.rpartition(':')[2]} and {item.where.rpartition(':')[2]}"
    given = f", id {item.key}" if item.key else ""
    return f"{item.where}: {what} appears twice ({lines}{given}); each application may appear once"


def _check_id(item: Incoming, by_id: dict[str, Application]) -> None:
    """An id is a uuid as Followup makes them (parts.new_id; uuid5 for migrated and hand-made records),
    or one a card here already has (a file from before ids were uuids keeps its own): any other would
    add a card no command could tell from a typo."""
    key = item.key or str((item.data or {}).get("id") or "")
    if not key or key in by_id:
        return
    try:
        made = str(uuid.UUID(key)) == key
    except ValueError:
        made = False
    if not made:
        raise ValidationError(f"{item.where}: id {key!r} is not an id Followup made (a uuid such as "
                              f"{str(uuid.UUID(int=0x2A))!r}); restore it, or remove it: the "
                              "application then updates the card of its company and role that shares a round "
                              "with it, or is added as a new one when there is none")


def _check_clean(app: Application, where: str, existing: Application | None = None) -> None:
    """Control characters never reach the terminal from data: a record holding one is refused, named;
    so is a newline or a tab in a one-line field (one the card here already holds is let through)."""
    found = first_unclean(record(app), one_line=True, before=None if existing is None else record(existing),
                          separators=True)
    if found is not None:
        path, text = found
        if is_clean(text):
            raise ValidationError(f"{where}: {path} holds {_break_words(text)}; it is a one-line field: "
                                  "put it on one line and import again")
        _refuse_unclean(where, path, text)


def _break_words(text: str) -> str:
    """Which line break a one-line field holds, named: U+2028 does not show in most editors, and "a line
    break or a tab" sent the user looking for one they could not see (fz8 B)."""
    found = ONE_LINE_BREAKS.search(text)
    assert found is not None  # only asked of a text first_unclean(separators=True) found one in
    return BREAK_NAMES[found.group()]


def _check_clean_data(data: Any, where: str) -> None:
    found = first_unclean(data)
    if found is not None:
        _refuse_unclean(where, *found)


def _refuse_unclean(where: str, path: str, text: str) -> None:
    raise ValidationError(f"{where}: {path or 'a field'} holds {unclean_words(text)}; remove it and import again")


def _history(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(e.get("at"), e.get("kind"), e.get("text")) for e in data.get("history") or [] if isinstance(e, dict)]


def _within(fewer: list[tuple[Any, ...]], more: list[tuple[Any, ...]]) -> bool:
    """Whether every line of `fewer` is in `more`, in the same order: `more` is the same history with
    lines added. Not a prefix: a history is kept in time order, so a backdated reply logged after the
    export sits in the middle of it."""
    lines = iter(more)
    return all(line in lines for line in fewer)


def _apply(item: Incoming, existing: Application | None, now: datetime) -> tuple[Application, str]:
    """The application as it would be stored, and why it is left as it is ('' when it is not)."""
    if existing is None:
        base = dict(item.data or {})
        day = f"\n{item.round_day.isoformat()}" if item.round_day is not None else ""  # a second process: its own id
        made_up = (new_id() if item.source is JSON_FILE  # a record of its own, sharing no round with a card here
                   else str(uuid.uuid5(_ID_NAMESPACE, f"{item.company}\n{item.role}{day}".lower())))
        base["id"] = item.key or base.get("id") or made_up
        app = _with_columns(base, item.columns, now, new=item.data is None, source=item.source)
        if item.round is not None and item.data is None:  # as `followup add --at` logs it; no move it never made
            app.rounds.append(item.round)
            app.history.append(Event(at=to_utc(now), kind="round", text=actions.round_line(item.round, now),
                                     data={"round": item.round.id}))
        return app, ""
    here = record(existing)
    if item.data is not None and not item.data.get("id"):  # matched by company and role: it is this card
        item = item._replace(data={**item.data, "id": existing.id})  # (an empty id made a second card, id "")
    columns = item.columns
    if not item.key and item.data is None:  # matched by company and role: their spelling here stays
        columns = {c: v for c, v in columns.items() if c not in ("company", "role") or job_key(v) != job_key(here[c])}
        item = item._replace(columns=columns)
    if item.data is not None:
        theirs, ours = _history(item.data), _history(here)
        if _within(ours, theirs):
            if len(theirs) == len(ours):  # the same history: what differs was edited in the file
                edits = {**_edits(item.data, here), **item.columns}
                app = _with_columns(dict(here), edits, now, new=False, source=item.source)
            else:  # the file is newer (written by Followup after more happened): take it whole
                app = _with_columns(dict(item.data), item.columns, now, new=False, source=item.source)
            return (existing, "unchanged") if record(app) == here else (app, "")
        if not _within(theirs, ours):
            return existing, "changed both here and in the file since it was exported; kept as it is here"
    app = _with_columns(dict(here), item.columns, now, new=False, source=item.source)  # older: edited columns only
    if record(app) == here:
        return existing, "unchanged" if item.data is None else "changed here since the file was written; kept"
    if item.data is None and changed_here_since_import(existing):
        return existing, BOTH_SIDES_BY_HAND
    return app, ""


# A hand-made row has no history to compare with: it may only change what an import last wrote.
BOTH_SIDES_BY_HAND = ("changed both here and in the file; kept as it is here: make the change in the app, or in "
                      "a sheet from 'followup export csv' that keeps its data column")


def _by_import(event: Event) -> bool:
    """Whether a history line is one an import writes: the card added, columns edited, a stage moved."""
    if event.kind == "created":
        return event.text.startswith("Imported ")
    if event.kind == "edit":
        return event.text.startswith((f"{SHEET.edited}:", f"{JSON_FILE.edited}:"))
    data = event.data or {}
    return event.kind in ("stage", "outcome") and bool({data.get("why"), data.get("by")} & {SHEET.move, JSON_FILE.move})


def changed_here_since_import(card: Application) -> bool:
    """Whether the card was changed in Followup (the app or the command line) since an import last added
    or changed it, or was never imported. Every change stamps `updated_at` (changing.changed_copy) and an
    import stamps its lines with the same time, so a later `updated_at` is a change made here; read by
    time, not by place, as a backdated line (a reply logged for yesterday) sits before the import's."""
    imported = max((e.at for e in card.history if e.at is not None and holds(e) and _by_import(e)), default=None)
    return imported is None or card.updated_at is None or card.updated_at > imported


STAGE_COLUMNS = ("stage", "outcome")  # a change here is a move (actions.move / correspondence.close), not an edit
_BOOKKEEPING = ("updated_at", "history")  # never an edit: written by Followup as the card changes


def _edits(data: dict[str, Any], here: dict[str, Any]) -> dict[str, Any]:
    """The fields of a whole record that differ from the card with the same history: edited by hand.
    A changed stage or outcome comes with both, to be moved as the command line moves (which sets
    the outcome's time)."""
    edits = {field: value for field, value in data.items() if field not in _BOOKKEEPING and value != here.get(field)}
    if edits.keys() & set(STAGE_COLUMNS):
        edits.pop("outcome_at", None)
        edits.update({column: data.get(column) for column in STAGE_COLUMNS})
    return edits


def _needs_outcome(source: Source) -> ValidationError:
    outcomes = "|".join(choice.value for choice in Outcome)
    return ValidationError(f"stage closed needs an outcome ({outcomes}): {source.outcome_hint} "
                           "or choose another stage")


def _with_columns(data: dict[str, Any], columns: dict[str, Any], now: datetime, *, new: bool,
                  source: Source = SHEET) -> Application:
    """`data` with the edited columns on top, the edit (or the import of a hand-made row) in its history.

    A changed stage or outcome goes through the same actions as `followup move` and `followup close`
    (PRODUCT: closing "by any path" records the outcome): its history lines, the outcome's time (the
    import's) and so the reply a rejection needs; set as plain fields, the card lost all three."""
    changed = []
    for column, value in columns.items():
        if column not in STAGE_COLUMNS and (data.get(column) or None) != (value or None):
            changed.append(column.replace("_", " "))
            data[column] = value
    if "stage" not in data or not data["stage"]:
        data["stage"] = Stage.INTERVIEWED.value
    stage_text = columns.get("stage") or data["stage"]
    stage = Stage.parse(stage_text)
    outcome = (columns["outcome"] if "outcome" in columns else data.get("outcome")) or None
    if stage is Stage.CLOSED and outcome is None:  # PRODUCT: closed by any path records the outcome
        raise _needs_outcome(source)
    if outcome and stage is not Stage.CLOSED:
        raise ValidationError(f"outcome {outcome!r} goes with stage closed, not {stage_text!r}: "
                              "set the stage to closed or clear the outcome")
    if new:  # made in its stage, with no move it never made; closed below, by the action, so the outcome is recorded
        data["stage"] = (Stage.INTERVIEWED if stage is Stage.CLOSED else stage).value
    app = Application.from_dict(data)
    app.revision = 0
    if new:
        app.created_at = app.created_at or to_utc(now)
        app.updated_at = app.updated_at or to_utc(now)
        made_in = "" if app.stage is Stage.INTERVIEWED else f" in {app.stage.label}"
        app.history.append(Event(at=to_utc(now), kind="created",
                                 text=f"Imported {app.company} — {app.role}{made_in}"))
    elif changed:
        app.updated_at = to_utc(now)
        app.history.append(Event(at=to_utc(now), kind="edit", text=f"{source.edited}: " + ", ".join(changed)))
    return _moved(app, stage, outcome, now, source)


def _moved(app: Application, stage: Stage, outcome: str | None, now: datetime, source: Source) -> Application:
    """`app` moved to `stage` with `outcome` as the command line would move it; unchanged when it is there."""
    if app.stage is stage and (app.outcome.value if app.outcome else None) == outcome:
        return app
    if stage is Stage.CLOSED:
        if outcome is None:
            raise _needs_outcome(source)
        closed = correspondence.close(app, outcome, now=now)
        # the lines `followup close` writes; its outcome line also says (in its data) that the file closed
        # it, so that a later hand-made row knows the card is as an import left it (_by_import)
        at = max(n for n, line in enumerate(closed.history) if line.kind == "outcome")
        line = closed.history[at]
        closed.history[at] = Event(line.at, line.kind, line.text, {**line.data, "by": source.move})
        return closed
    return actions.move(app, stage, now=now, why=source.move)


# --- JSON -------------------------------------------------------------------------------
