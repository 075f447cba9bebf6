"""`show ID` of a card whose record is damaged: it is left out of the reading, and the refusal said only
"no application id or company starts with …", as if the card were gone (fuzz fz1)."""

from __future__ import annotations

import json

from cli_helpers import run


def test_show_of_a_card_left_out_as_damaged_says_it_may_be_that_record(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10am", "-q") == 0
    assert run(cli_db, "add", "Beta", "--role", "SRE", "--at", "yesterday 11am", "-q") == 0
    data = json.loads(cli_db.read_text(encoding="utf-8"))
    beta = next(r for r in data["applications"].values() if r["company"] == "Beta")
    beta["created_at"] = "2026-02-30T10:00:00Z"
    cli_db.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert run(cli_db, "show", beta["id"][:6]) == 2
    said = capsys.readouterr().err.strip().splitlines()
    assert "left out a damaged record: record 2 (Beta)" in said[0]
    assert said[-1].endswith("; it may be a damaged record left out (named above)"), said
    assert run(cli_db, "show", "zzz") == 2  # the file's damage is said whatever the key
    assert "damaged record left out" in capsys.readouterr().err


def test_a_card_not_found_in_a_sound_file_has_no_word_of_damage(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10am", "-q") == 0
    capsys.readouterr()
    assert run(cli_db, "show", "zzz") == 2
    assert "damaged" not in capsys.readouterr().err
