"""`followup import` as QA found it: -q in every position, a dry run that writes nothing, the conflict
message of a card changed only here, hand edits to a JSON export, read-only CSV columns and ids."""


import pytest

from cli_helpers import run
from tui.store.store import Store


@pytest.fixture
def two(cli_db, capsys):
    """A data file with Alpha and Beta, and its JSON export h.json beside it."""
    run(cli_db, "add", "Alpha", "--role", "Dev", "--at", "2026-11-20 10:00")
    run(cli_db, "add", "Beta", "--role", "Ops", "--at", "2026-11-19 10:00")
    run(cli_db, "export", "json", "-o", str(cli_db.parent / "h.json"))
    capsys.readouterr()
    return cli_db


@pytest.mark.parametrize("argv", [["import", "-q", "FILE"], ["import", "FILE", "-q"], ["-q", "import", "FILE"],
                                  ["import", "FILE", "--quiet"]])
def test_quiet_import_prints_the_summary_line_alone_wherever_q_is_given(two, capsys, argv):
    target = str(two.parent / "h.json")
    fresh = two.parent / "fresh.json"
    code = run(fresh, *[target if a == "FILE" else a for a in argv])
    out = capsys.readouterr().out
    assert code == 0
    assert out == "imported h.json: 2 added, 0 updated, 0 left (0 unchanged)\n"
    assert len(Store(fresh).load_all()) == 2


def test_a_dry_run_into_a_missing_file_creates_neither_the_file_nor_its_lock(two, capsys):
    missing = two.parent / "n1.json"
    assert run(missing, "import", str(two.parent / "h.json"), "--dry-run") == 0
    assert "would import h.json: 2 added" in capsys.readouterr().out
    assert sorted(p.name for p in two.parent.iterdir() if p.name.startswith("n1")) == []


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_unedited_export_of_a_card_changed_here_since_is_kept_as_changed_here(two, capsys, fmt):
    """A backdated reply sorts into the middle of the history: the card changed here only, not on both sides."""
    target = two.parent / f"h2.{fmt}"
    run(two, "export", fmt, "-o", str(target))
    run(two, "reply", "beta", "--at", "2026-11-24 10:00")
    capsys.readouterr()
    assert run(two, "import", str(target), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Beta — Ops: changed here since the file was written; kept" in out
    assert "both" not in out
