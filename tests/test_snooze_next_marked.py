"""`followup snooze`'s confirmation says the deadline it names next is snoozed, as `due` and the card do
(deadline_words.marked_action): "next: call back — Acme, due Tue 1 Dec 10:00" read as a plain task
due then (review R1 #5)."""

from __future__ import annotations

from cli_helpers import run


def test_the_snooze_confirmation_marks_the_next_deadline_snoozed(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10:00") == 0
    assert run(cli_db, "direction", "acme", "call back", "--by", "fri 12:00") == 0
    capsys.readouterr()
    assert run(cli_db, "snooze", "acme", "--deadline", "direction:1", "--until", "tue 10:00") == 0
    assert "; next: snoozed · call back — Acme, due Tue 1 Dec 10:00" in capsys.readouterr().out
