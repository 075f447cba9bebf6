"""`followup add` run twice (a cron job's retry) is refused, never a second card (review Q 3)."""

from cli_helpers import digest, one_line_error, run
from tui.store.store import Store

ADD = ("add", "Acme", "--role", "Backend Eng", "--at", "2026-11-24 10:00", "--interviewer", "Dana Kim <dana@acme.com>")


def added(db, capsys, *argv) -> str:
    assert run(db, *argv) == 0
    return capsys.readouterr().out.split()[0]


def test_the_same_add_twice_is_refused_naming_the_card(cli_db, capsys):
    first = added(cli_db, capsys, *ADD)
    before = digest(cli_db)
    assert run(cli_db, *ADD) == 2
    one_line_error(capsys, first, "Acme — Backend Eng already has a round at Tue 24 Nov 10:00", "nothing added",
                   f"followup interviewer {first} NAME", f"followup round {first} --at WHEN")
    assert digest(cli_db) == before
    assert len(Store(cli_db).load_all()) == 1


def test_case_accents_and_spaces_are_the_same_company_and_role(cli_db, capsys):
    added(cli_db, capsys, *ADD)
    before = digest(cli_db)
    assert run(cli_db, "add", " acmé ", "--role", "backend  ENG", "--at", "2026-11-24 10:00") == 2
    one_line_error(capsys, "already has a round")
    assert digest(cli_db) == before


def test_another_round_time_or_a_closed_card_is_a_second_process(cli_db, capsys):
    first = added(cli_db, capsys, *ADD)
    second = added(cli_db, capsys, "add", "Acme", "--role", "Backend Eng", "--at", "2026-11-24 11:00")
    assert second != first
    assert run(cli_db, "close", first, "rejected", "--at", "2026-11-25 09:00") == 0
    capsys.readouterr()
    assert run(cli_db, "close", second, "rejected", "--at", "2026-11-25 09:00") == 0
    capsys.readouterr()
    third = added(cli_db, capsys, *ADD)  # both earlier processes are closed: a new one
    assert len({first, second, third}) == 3
    assert len(Store(cli_db).load_all()) == 3


def test_a_sheet_row_typed_without_accents_is_the_card_add_made(cli_db, capsys):
    """Import and add share one rule of "the same company and role" (import_match.same_job)."""
    added(cli_db, capsys, "add", "Société Générale", "--role", "Backend Eng", "--at", "2026-11-24 10:00")
    sheet = cli_db.parent / "s.csv"
    sheet.write_text("company,role,stage\nsociete generale,backend eng,interviewed\n", encoding="utf-8")
    assert run(cli_db, "import", str(sheet)) == 0
    assert "0 added" in capsys.readouterr().out
    assert [a.company for a in Store(cli_db).load_all()] == ["Société Générale"]


def test_a_retry_running_alongside_the_first_add_is_refused_under_the_lock(cli_db, capsys, monkeypatch):
    """Two `add` runs started together (review R3 3): each read the file before the other wrote its card, so
    both passed the check and made two cards. The check is made again on the file under the lock."""
    first = added(cli_db, capsys, *ADD)
    before = digest(cli_db)
    monkeypatch.setattr(Store, "load_all", lambda self: [])  # what the retry read before the first add wrote
    assert run(cli_db, *ADD) == 2
    one_line_error(capsys, first, "already has a round")
    monkeypatch.undo()
    assert digest(cli_db) == before
    assert len(Store(cli_db).load_all()) == 1
