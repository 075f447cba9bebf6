"""What import refuses rather than drop without a word: a round_at on a card that exists, a JSON key
Followup does not know, a sheet that lost its data column."""

import csv
import io
import json

import pendulum
import pytest

from tui.core import actions, exchange, importing
from tui.core.errors import ValidationError
from tui.core.settings import Settings

NOW = pendulum.datetime(2026, 11, 25, 10, 30, tz="UTC")
UTC = Settings(timezone="UTC")


def card():
    return actions.new_application("Rho", "Dev", now=NOW.subtract(days=1), round_at=pendulum.datetime(2026, 11, 24, 10))


def sheet(apps, **extra):
    """A CSV export of `apps` with `extra` columns set on every row (None removes the column)."""
    rows = list(csv.DictReader(io.StringIO(exchange.to_csv(apps, UTC, NOW), newline="")))
    for row in rows:
        for column, value in extra.items():
            if value is None:
                row.pop(column)
            else:
                row[column] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def refusal(payload, name, current):
    with pytest.raises(ValidationError) as info:
        importing.plan_import(payload, name, current, NOW, UTC)
    return str(info.value)


# --- round_at on a card that exists ---------------------------------------------------------
@pytest.mark.parametrize("value", ["2026-12-01 10:00", "2026-11-24 11:00", "2026-11-23"])
def test_a_round_at_on_an_exported_row_that_is_not_its_round_is_refused_naming_the_column(value):
    here = card()
    why = refusal(sheet([here], round_at=value), "r.csv", [here])
    assert why.startswith(f"r.csv:2: round_at {value!r} is not a round of Rho — Dev")
    assert "'followup round' or in the app" in why


@pytest.mark.parametrize("value", ["", "2026-11-24 10:00", "2026-11-24"])
def test_a_round_at_naming_the_cards_own_round_or_its_day_leaves_it_unchanged(value):
    here = card()
    plan = importing.plan_import(sheet([here], round_at=value), "r.csv", [here], NOW, UTC)
    assert [why for _, why in plan.left] == ["unchanged"]


def test_a_round_at_on_an_exported_row_imported_into_an_empty_file_is_checked_against_its_data_cell():
    why = refusal(sheet([card()], round_at="2026-12-01 10:00"), "r.csv", [])
    assert "round_at '2026-12-01 10:00' is not a round of Rho — Dev" in why


def test_a_hand_made_sheet_imports_again_unchanged_but_a_round_at_on_another_day_of_its_open_card_is_refused():
    first = b"company,role,stage,round_at\nZed,QA,interviewed,2026-11-20 09:00\n"
    (made,) = importing.plan_import(first, "h.csv", [], NOW, UTC).added
    assert [r.at for r in made.rounds] == [pendulum.datetime(2026, 11, 20, 9)]
    again = importing.plan_import(first, "h.csv", [made], NOW, UTC)
    assert (again.added, again.updated, [w for _, w in again.left]) == ([], [], ["unchanged"])
    later = importing.plan_import(first.replace(b"09:00", b"11:00"), "h.csv", [made], NOW, UTC)
    assert [w for _, w in later.left] == ["unchanged"]  # matched by the round's day, as two same roles are
    why = refusal(first.replace(b"20 09:00", b"21 09:00"), "h.csv", [made])  # the card is open: it is that card
    assert why.startswith("h.csv:2: round_at '2026-11-21 09:00' is not a round of Zed — QA")


# --- a JSON key Followup does not know ------------------------------------------------------
def with_key(apps, index, path, value):
    data = json.loads(exchange.to_json(apps))
    target = data["applications"][index]
    *inner, last = path
    for step in inner:
        target = target[step]
    target[last] = value
    return json.dumps(data, indent=2).encode()


@pytest.mark.parametrize("path,named", [(["colour"], "'colour'"),
                                        (["rounds", 0, "colour"], "'rounds[0].colour'")])
def test_a_json_record_with_a_key_followup_does_not_know_is_refused_naming_record_and_key(path, named):
    here = card()
    other = actions.new_application("Sigma", "Ops", now=NOW, round_at=NOW.subtract(days=2))
    why = refusal(with_key([here, other], 1, path, "red"), "k.json", [here, other])
    assert why.startswith("k.json:")
    assert f"application 2 (Sigma — Ops) has a key Followup does not know, {named}" in why


@pytest.mark.parametrize("path,time", [(["rounds", 0, "at"], "0001-01-01T00:00:00+14:00"),
                                       (["created_at"], "9999-12-31T23:59:59-12:00"),
                                       (["history", 0, "at"], "9999-12-31T23:59:59Z")])
def test_a_json_record_with_a_time_out_of_the_years_is_refused_naming_it(path, time):
    """Let in, such a time crashed every later read of the file (fuzz fz1 D3); the round's crashed the import."""
    here = card()
    why = refusal(with_key([here], 0, path, time), "t.json", [])
    assert why.startswith("t.json:") and "application 1" in why and "out of the years 1900–2200" in why


def test_the_stores_revision_in_a_record_is_not_an_unknown_key():
    here = card()
    plan = importing.plan_import(with_key([here], 0, ["revision"], 3), "k.json", [here], NOW, UTC)
    assert [why for _, why in plan.left] == ["unchanged"]


def test_a_csv_data_cell_with_a_key_followup_does_not_know_is_refused_as_a_json_record_is():
    here = card()
    data = json.loads(exchange.csv_row(here, UTC, NOW)["data"])
    data["colour"] = "red"
    why = refusal(sheet([here], data=json.dumps(data)), "d.csv", [here])
    assert why.startswith("d.csv:2: the data cell has a key Followup does not know, 'colour'")


# --- a sheet that lost its data column ------------------------------------------------------
@pytest.mark.parametrize("data,lost,restore", [(None, "the sheet has no data column", "put back the data column"),
                                               ("", "the data cell is empty", "put back the data cell")])
def test_a_sheet_without_its_data_says_so_first_not_that_created_was_edited(data, lost, restore):
    here = card()
    why = refusal(sheet([here], data=data), "n.csv", [here])
    assert why.startswith(f"n.csv:2: {lost}, so the row is read as a hand-made one"), why
    assert "created cell" in why and restore in why and "\n" not in why


def test_without_data_and_with_its_shown_cells_cleared_the_row_imports_as_a_hand_made_one():
    here = card()
    cleared = {column: "" for column in ("created", "updated", "next_deadline", "next_action", "rounds",
                                         "interviewers", "history")}
    plan = importing.plan_import(sheet([here], data=None, **cleared), "n.csv", [here], NOW, UTC)
    assert [why for _, why in plan.left] == ["unchanged"]
