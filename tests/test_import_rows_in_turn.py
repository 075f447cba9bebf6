"""The rows of one sheet are matched as if imported one at a time (review T3 5)."""

from cli_helpers import run
from tui.store.store import Store


def test_two_rows_of_one_role_with_other_rounds_are_refused_as_two_imports_are(cli_db, capsys):
    both = cli_db.parent / "twin2.csv"
    both.write_text("company,role,stage,round_at\nTwin2,Dev,awaiting,2026-11-20 10:00\n"
                    "Twin2,Dev,awaiting,2026-11-21 10:00\n", encoding="utf-8")
    first, second = cli_db.parent / "t1.csv", cli_db.parent / "t2.csv"
    first.write_text("company,role,stage,round_at\nTwin2,Dev,awaiting,2026-11-20 10:00\n", encoding="utf-8")
    second.write_text("company,role,stage,round_at\nTwin2,Dev,awaiting,2026-11-21 10:00\n", encoding="utf-8")
    assert run(cli_db.parent / "one.json", "import", str(both)) == 2
    together = capsys.readouterr().err
    assert run(cli_db, "import", str(first)) == 0
    assert run(cli_db, "import", str(second)) == 2
    apart = capsys.readouterr().err
    assert together.split(":3: ", 1)[1] == apart.split(":2: ", 1)[1]
    assert "is not a round of Twin2 — Dev" in together
    assert not (cli_db.parent / "one.json").exists()


def test_a_later_process_after_a_closed_row_is_still_added(cli_db, capsys):
    sheet = cli_db.parent / "two.csv"
    sheet.write_text("company,role,stage,outcome,round_at\nTwin,Dev,closed,rejected,2026-11-01 10:00\n"
                     "Twin,Dev,awaiting,,2026-11-20 10:00\n", encoding="utf-8")
    assert run(cli_db, "import", str(sheet)) == 0
    assert "a second Twin — Dev, as the earlier one" in capsys.readouterr().out
    assert sorted(a.stage.value for a in Store(cli_db).load_all()) == ["awaiting", "closed"]
