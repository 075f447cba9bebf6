"""A refused import changes nothing: not even a data file (or its lock) that did not exist yet; and what
it says names the rows the user wrote, not ids made inside the app."""

import json

from cli_helpers import digest, run


def test_a_refused_import_creates_neither_the_data_file_nor_its_lock(cli_db, capsys):
    sheet = cli_db.parent / "imp1.csv"
    sheet.write_text("company,role,stage\nA\x07B,R,awaiting\n", encoding="utf-8")
    assert run(cli_db, "import", str(sheet)) == 2
    assert "imp1.csv:2: company holds a control character" in capsys.readouterr().err
    assert sorted(p.name for p in cli_db.parent.iterdir() if p.name.startswith(cli_db.name)) == []
    sheet.write_text("company,role,stage\nAB,R,awaiting\n", encoding="utf-8")
    assert run(cli_db, "import", str(sheet)) == 0  # a good one still creates it
    assert [a["company"] for a in json.loads(cli_db.read_text())["applications"].values()] == ["AB"]


def test_a_refused_import_into_an_existing_file_leaves_it_as_it_was(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "R", "--at", "yesterday 10:00") == 0
    before = digest(cli_db)
    sheet = cli_db.parent / "bad.csv"
    sheet.write_text("company,role,stage\nNew,R,nowhere\n", encoding="utf-8")
    assert run(cli_db, "import", str(sheet)) == 2
    assert digest(cli_db) == before
