"""`followup move` says, like every changing command, the first deadline it created or moved, and an
outcome it cleared (review Q 5)."""

from cli_helpers import run


def line(db, capsys, *argv) -> str:
    assert run(db, *argv) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1, out
    return out


def test_a_move_names_the_deadline_it_moved(cli_db, capsys):
    short = line(cli_db, capsys, "add", "Mu", "--role", "r", "--at", "today 06:00",
                 "--interviewer", "Kay Em").split()[0]
    moved = line(cli_db, capsys, "move", short, "thanked")
    assert moved.startswith(f"{short} Mu: interviewed → thanked; next: Follow up — Mu, due "), moved


def test_reopening_a_closed_card_says_the_outcome_is_cleared_and_what_comes_next(cli_db, capsys):
    short = line(cli_db, capsys, "add", "Ro", "--role", "r", "--at", "today 06:00").split()[0]
    line(cli_db, capsys, "close", short, "rejected")
    moved = line(cli_db, capsys, "move", short, "awaiting")
    assert moved.startswith(f"{short} Ro: closed → awaiting; outcome “rejected” cleared; next: Follow up — Ro, due "), \
        moved


def test_a_move_to_its_own_stage_still_changes_nothing(cli_db, capsys):
    short = line(cli_db, capsys, "add", "Mu", "--role", "r", "--at", "today 06:00").split()[0]
    before = cli_db.read_bytes()
    assert "is already in interviewed; nothing changed" in line(cli_db, capsys, "move", short, "interviewed")
    assert cli_db.read_bytes() == before
