"""A sheet's wall time inside a DST change is read as `followup add --at` reads it: one reader (when.py)."""

import json

import pendulum
import pytest

from cli_helpers import configure, run
from tui.core import importing
from tui.core.settings import Settings
from tui.core.when import Reading, parse_when

NOW = pendulum.datetime(2026, 11, 25, 15, tz="UTC")
NEW_YORK = Settings(timezone="America/New_York")


@pytest.mark.parametrize("typed, expected", [
    ("2026-03-08 02:30", "2026-03-08T07:30:00Z"),  # does not exist: forward, to 03:30 EDT
    ("2026-11-01 01:30", "2026-11-01T06:30:00Z"),  # happens twice: the later, already past (EST)
])
def test_a_hand_made_rows_round_at_is_the_moment_add_at_gives(typed, expected):
    payload = f"company,role,stage,round_at\nVic,Eng,awaiting,{typed}\n".encode()
    (app,) = importing.read_import(payload, "h.csv", NOW, NEW_YORK)
    typed_on_the_command_line = parse_when(typed, NOW, NEW_YORK.zone, reading=Reading.EVENT)
    assert app.rounds[0].at == typed_on_the_command_line
    assert pendulum.instance(app.rounds[0].at).to_iso8601_string() == expected


def test_an_upcoming_repeated_hour_is_the_earlier_on_both_paths():
    before = pendulum.datetime(2026, 10, 25, 12, tz="UTC")
    payload = b"company,role,stage,round_at\nVic,Eng,awaiting,2026-11-01 01:30\n"
    (app,) = importing.read_import(payload, "h.csv", before, NEW_YORK)
    assert app.rounds[0].at == parse_when("2026-11-01 01:30", before, NEW_YORK.zone, reading=Reading.EVENT)
    assert app.rounds[0].at == pendulum.datetime(2026, 11, 1, 5, 30, tz="UTC")


def test_import_and_add_store_the_same_rounds_across_both_changes(tmp_path, monkeypatch):
    configure(tmp_path, monkeypatch, 'timezone = "America/New_York"\n', now="2026-11-25T15:00:00Z")
    sheet = tmp_path / "h.csv"
    sheet.write_text("company,role,stage,round_at\nVic,Eng,awaiting,2026-03-08 02:30\n"
                     "Amb,Eng,awaiting,2026-11-01 01:30\n", encoding="utf-8")
    imported, added = tmp_path / "i.json", tmp_path / "a.json"
    assert run(imported, "import", str(sheet)) == 0
    assert run(added, "add", "Vic", "--role", "Eng", "--at", "2026-03-08 02:30") == 0
    assert run(added, "add", "Amb", "--role", "Eng", "--at", "2026-11-01 01:30") == 0

    def rounds(path):
        apps = json.loads(path.read_text())["applications"].values()
        return {a["company"]: a["rounds"][0]["at"] for a in apps}

    assert rounds(imported) == rounds(added) == {"Vic": "2026-03-08T07:30:00Z", "Amb": "2026-11-01T06:30:00Z"}


# --- a second process at the same company and role -----------------------------------------------
def _card(day, stage="awaiting,"):
    sheet = f"company,role,stage,outcome,round_at\nDelta,Eng,{stage},{day}\n".encode()
    (made,) = importing.read_import(sheet, "first.csv", NOW, NEW_YORK)
    return made


def test_a_hand_made_row_after_a_closed_process_adds_a_second_card_and_one_on_its_day_is_that_card():
    earlier = _card("2026-03-10 10:00", "closed,rejected")
    rows = ("company,role,stage,outcome,round_at\n"
            "Delta,Eng,awaiting,,2026-11-20 10:00\n"      # a second process months later: a new card
            "Delta,Eng,closed,withdrawn,2026-03-10\n")     # the first one's day: that card, its outcome edited
    plan = importing.plan_import(rows.encode(), "rr.csv", [earlier], NOW, NEW_YORK)
    (added,) = plan.added
    assert added.id != earlier.id and added.rounds[0].at == pendulum.datetime(2026, 11, 20, 15, tz="UTC")
    assert plan.said == {added.id: f"a second Delta — Eng, as the earlier one ({earlier.short_id}) is closed"}
    (updated,) = plan.updated
    assert updated.id == earlier.id and updated.outcome.value == "withdrawn"


def test_a_second_process_row_is_added_once_and_then_matched_by_its_day(tmp_path, monkeypatch):
    configure(tmp_path, monkeypatch, 'timezone = "America/New_York"\n', now="2026-11-25T15:00:00Z")
    db = tmp_path / "rr.json"
    assert run(db, "add", "Delta", "--role", "Eng", "--at", "2026-03-10 10:00") == 0
    assert run(db, "close", "delta", "rejected", "--at", "2026-04-01 10:00") == 0
    sheet = tmp_path / "rr.csv"
    sheet.write_text("company,role,stage,round_at\nDelta,Eng,awaiting,2026-11-20 10:00\n", encoding="utf-8")
    assert run(db, "import", str(sheet)) == 0
    assert run(db, "import", str(sheet)) == 0  # again: matched by the day, not added twice
    apps = json.loads(db.read_text())["applications"].values()
    assert sorted(a["rounds"][0]["at"] for a in apps) == ["2026-03-10T14:00:00Z", "2026-11-20T15:00:00Z"]
