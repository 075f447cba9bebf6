"""A hand-made sheet imported again never overwrites what was changed in Followup since: it has no history
to compare with, so it may only change what an import last wrote (review T3 1)."""

import pytest

from cli_helpers import run
from tui.store.store import Store

LATER = "2026-11-25T15:00:00Z"


def card(db, company):
    return next(a for a in Store(db).load_all() if a.company == company)


@pytest.fixture
def sheet(cli_db, capsys):
    """Omega and Psi added from a hand-made sheet rp.csv."""
    path = cli_db.parent / "rp.csv"
    path.write_text("company,role,stage,notes\nOmega,Dev,awaiting,from sheet\nPsi,Ops,awaiting,\n", encoding="utf-8")
    assert run(cli_db, "import", str(path), "-q") == 0
    capsys.readouterr()
    return path


def test_notes_typed_in_the_app_after_the_import_are_kept_and_said_so(cli_db, sheet, capsys, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_NOW", LATER)
    run(cli_db, "note", "Omega", "typed in the app later")
    run(cli_db, "note", "Psi", "call notes from the app")
    capsys.readouterr()
    assert run(cli_db, "import", str(sheet)) == 0
    out = capsys.readouterr().out
    assert card(cli_db, "Omega").notes == "from sheet\n\ntyped in the app later"
    assert card(cli_db, "Psi").notes == "call notes from the app"
    assert "Omega — Dev: changed both here and in the file; kept as it is here: make the change in the app" in out
    assert "0 updated" in out


def test_a_card_moved_in_the_app_is_not_moved_back(cli_db, sheet, capsys, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_NOW", LATER)
    run(cli_db, "move", "Omega", "followed-up")
    capsys.readouterr()
    assert run(cli_db, "import", str(sheet)) == 0
    assert card(cli_db, "Omega").stage.value == "followed-up"
    assert "changed both here and in the file" in capsys.readouterr().out


def test_a_sheet_edit_applies_while_the_card_is_as_the_import_left_it(cli_db, sheet, capsys, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_NOW", LATER)
    sheet.write_text("company,role,stage,notes\nOmega,Dev,followed-up,\"from sheet, edited\"\n", encoding="utf-8")
    assert run(cli_db, "import", str(sheet)) == 0
    omega = card(cli_db, "Omega")
    assert (omega.stage.value, omega.notes) == ("followed-up", "from sheet, edited")
    monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-25T16:00:00Z")
    sheet.write_text("company,role,stage,notes\nOmega,Dev,awaiting,again\n", encoding="utf-8")
    assert run(cli_db, "import", str(sheet)) == 0  # the sheet's own change, changed again: still the sheet's
    assert card(cli_db, "Omega").notes == "again"


def test_a_card_made_in_the_app_is_left_by_a_first_import_that_differs(cli_db, capsys, monkeypatch):
    run(cli_db, "add", "Acme", "--role", "Backend", "--at", "2026-11-20 10:00")
    run(cli_db, "note", "Acme", "typed here")
    monkeypatch.setenv("FOLLOWUP_NOW", LATER)
    path = cli_db.parent / "first.csv"
    path.write_text("company,role,stage,notes\nAcme,Backend,thanked,other words\n", encoding="utf-8")
    capsys.readouterr()
    assert run(cli_db, "import", str(path)) == 0
    acme = card(cli_db, "Acme")
    assert (acme.stage.value, acme.notes) == ("interviewed", "typed here")
    assert "changed both here and in the file" in capsys.readouterr().out


def test_an_empty_notes_cell_never_empties_notes(cli_db, sheet, capsys, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_NOW", LATER)
    sheet.write_text("company,role,stage,notes\nOmega,Dev,awaiting,\n", encoding="utf-8")
    assert run(cli_db, "import", str(sheet)) == 0
    assert card(cli_db, "Omega").notes == "from sheet"
    assert "1 left (1 unchanged)" in capsys.readouterr().out


def test_a_card_the_sheet_closed_still_takes_the_sheets_next_edit(cli_db, sheet, capsys, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_NOW", LATER)
    sheet.write_text("company,role,stage,outcome,notes\nOmega,Dev,closed,rejected,from sheet\n", encoding="utf-8")
    assert run(cli_db, "import", str(sheet)) == 0
    monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-25T16:00:00Z")
    sheet.write_text("company,role,stage,outcome,notes\nOmega,Dev,closed,rejected,why they said no\n", encoding="utf-8")
    assert run(cli_db, "import", str(sheet)) == 0
    assert card(cli_db, "Omega").notes == "why they said no"


def test_a_sheet_without_an_outcome_column_reopens_a_card_as_move_does(cli_db, sheet, capsys, monkeypatch):
    """Review T3 8: it was refused with an outcome the sheet does not hold."""
    sheet.write_text("company,role,stage,outcome,notes\nPsi,Ops,closed,rejected,\n", encoding="utf-8")
    assert run(cli_db, "import", str(sheet)) == 0
    monkeypatch.setenv("FOLLOWUP_NOW", LATER)
    sheet.write_text("company,role,stage,notes\nPsi,Ops,awaiting,\n", encoding="utf-8")
    capsys.readouterr()
    assert run(cli_db, "import", str(sheet)) == 0, capsys.readouterr().err
    assert "Psi — Ops: outcome “rejected” cleared" in capsys.readouterr().out
    psi = card(cli_db, "Psi")
    assert (psi.stage.value, psi.outcome) == ("awaiting", None)
    assert psi.history[-1].text == "Closed → Awaiting (changed in a spreadsheet; outcome “rejected” cleared)"
