"""`followup reply --via` reads the core's REPLY_VIAS in any case, as the reply form does: "--via Email"
was refused by a copy of the list that only took lower case (review R1, duplicates)."""

from __future__ import annotations

import json

from cli_helpers import one_line_error, run


def test_reply_via_takes_any_case_and_stores_it_lower_case(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10:00") == 0
    assert run(cli_db, "reply", "acme", "--via", "Email") == 0
    assert "they replied (email)" in capsys.readouterr().out
    assert run(cli_db, "show", "acme", "--json") == 0
    [contact] = json.loads(capsys.readouterr().out)["contacts"]
    assert contact["to"] == "email"


def test_reply_via_refuses_a_way_the_core_does_not_know_naming_those_it_does(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10:00") == 0
    capsys.readouterr()
    assert run(cli_db, "reply", "acme", "--via", "fax") == 2
    one_line_error(capsys, "--via: unknown way of replying 'fax': use one of email, call, other")
