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
