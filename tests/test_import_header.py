"""A CSV's header line as spreadsheets write it: a column named twice, blank lines before it, Excel's sep= line,
tabs, empty trailing columns (review T3 2 and 9)."""

import pytest

from cli_helpers import digest, run
from tui.store.store import Store


def write(tmp, name, text):
    path = tmp / name
    path.write_text(text, encoding="utf-8", newline="")
    return str(path)


@pytest.mark.parametrize(("header", "said"), [
    ("company,role,company,stage", "column company appears twice (columns 1 and 3)"),
    ("company,role,stage,notes, Notes ", "column notes appears twice (columns 4 and 5)"),
])
def test_a_column_named_twice_is_refused_naming_both(cli_db, capsys, header, said):
    run(cli_db, "add", "Acme", "--role", "Dev", "--at", "2026-11-20 10:00")
    before = digest(cli_db)
    cells = ",".join(["Dup", "Dev", "Other", "awaiting"] if "company," in header[8:] else
                     ["Acme", "Dev", "awaiting", "mine", ""])
    path = write(cli_db.parent, "dup.csv", f"{header}\n{cells}\n")
    capsys.readouterr()
    assert run(cli_db, "import", path) == 2
    err = capsys.readouterr().err
    assert f"dup.csv:1: {said}" in err and len(err.splitlines()) == 1
    assert digest(cli_db) == before
    assert [a.company for a in Store(cli_db).load_all()] == ["Acme"]


@pytest.mark.parametrize(("text", "line"), [
    ("\n\r\ncompany,role,stage\nLead,Dev,awaiting\n", 4),
    ("sep=;\r\ncompany;role;stage\r\nLead;Dev;awaiting\r\n", 3),
    ("sep=,\ncompany,role,stage\nLead,Dev,awaiting\n", 3),
    ("sep=\t\ncompany\trole\tstage\nLead\tDev\tawaiting\n", 3),
    ("company\trole\tstage\tnotes\nLead\tDev\tawaiting\t\"a, b; c\"\n", 2),
    ("company,role,stage,,\nLead,Dev,awaiting,,\n", 2),
    ("company,role,stage,,\nLead,Dev,awaiting\n", 2),
])
def test_a_header_as_spreadsheets_write_it_is_read(cli_db, capsys, text, line):
    path = write(cli_db.parent, "h.csv", text)
    assert run(cli_db, "import", path) == 0, capsys.readouterr().err
    assert [(a.company, a.stage.value) for a in Store(cli_db).load_all()] == [("Lead", "awaiting")]
    bad = write(cli_db.parent, "bad.csv", text.replace("awaiting", "nowhere"))
    capsys.readouterr()
    assert run(cli_db, "import", bad) == 2
    assert f"bad.csv:{line}: " in capsys.readouterr().err  # line numbers stay the file's


@pytest.mark.parametrize(("text", "said"), [
    ("\n\ncompany,,role,stage\nA,x,Dev,awaiting\n", "h.csv:3: column 2 has no name: name it or remove it"),
    ("company,role,stage,,\nA,Dev,awaiting,,x\n",
     "h.csv:2: column 5 has no name (the header on line 1 leaves it empty)"),
])
def test_a_column_without_a_name_is_refused_naming_it(cli_db, capsys, text, said):
    assert run(cli_db, "import", write(cli_db.parent, "h.csv", text)) == 2
    assert said in capsys.readouterr().err
