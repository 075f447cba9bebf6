"""A JSON record with no "id" key is matched as one with "id": "" is: by company and role, updating the
card that has them and added (with a made-up id) only when none does (review R4 #6: it was added as a
second card beside its own)."""

from __future__ import annotations

import json

from cli_helpers import run
from tui.store.store import Store


def exported(db, tmp_path, name, change):
    out = tmp_path / name
    assert run(db, "export", "json", "-o", str(out)) == 0
    data = json.loads(out.read_text())
    for app in data["applications"]:
        change(app)
    out.write_text(json.dumps(data))
    return out


def test_a_record_without_an_id_key_updates_its_card(cli_db, tmp_path, capsys):
    assert run(cli_db, "add", "Delta", "--role", "Dev", "--at", "2026-11-24 10:00") == 0
    [card] = Store(cli_db).load_all()

    def no_id(app):
        del app["id"]
        app["notes"] = "from the script"

    capsys.readouterr()
    assert run(cli_db, "import", str(exported(cli_db, tmp_path, "a.json", no_id))) == 0
    assert "0 added" in capsys.readouterr().out
    [again] = Store(cli_db).load_all()
    assert (again.id, again.notes) == (card.id, "from the script")


def test_missing_and_empty_ids_give_the_same_result(cli_db, tmp_path, capsys):
    assert run(cli_db, "add", "Delta", "--role", "Dev", "--at", "2026-11-24 10:00") == 0
    missing = exported(cli_db, tmp_path, "missing.json", lambda app: app.pop("id"))
    empty = exported(cli_db, tmp_path, "empty.json", lambda app: app.update(id=""))
    capsys.readouterr()
    assert run(cli_db, "import", str(missing), "--dry-run") == 0
    said_missing = capsys.readouterr().out.replace("missing.json", "F")
    assert run(cli_db, "import", str(empty), "--dry-run") == 0
    assert capsys.readouterr().out.replace("empty.json", "F") == said_missing


def test_a_record_without_an_id_and_no_card_is_added_with_a_real_id(cli_db, tmp_path, capsys):
    assert run(cli_db, "add", "Delta", "--role", "Dev", "--at", "2026-11-24 10:00") == 0

    def other_job(app):
        del app["id"]
        app["company"] = "Epsilon"

    assert run(cli_db, "import", str(exported(cli_db, tmp_path, "e.json", other_job))) == 0
    apps = Store(cli_db).load_all()
    assert sorted(a.company for a in apps) == ["Delta", "Epsilon"]
    assert all(len(a.id) == 36 for a in apps)


def test_a_bad_id_says_what_removing_it_does(cli_db, tmp_path, capsys):
    assert run(cli_db, "add", "Delta", "--role", "Dev", "--at", "2026-11-24 10:00") == 0
    bad = exported(cli_db, tmp_path, "bad.json", lambda app: app.update(id="not-an-id"))
    capsys.readouterr()
    assert run(cli_db, "import", str(bad)) == 2
    err = capsys.readouterr().err
    assert "remove it: the application then updates the card of its company and role" in err
    assert "to add the application as a new one" not in err


def test_a_record_without_an_id_sharing_no_round_with_the_card_of_its_job_is_its_own_process(cli_db, tmp_path,
                                                                                              capsys):
    """Review R7 2: matched by company and role alone, another process of the same job (from another file,
    its rounds none of this card's) was left out as "changed both here and in the file since it was
    exported"; it is added as its own card, and the same record imported again is matched to it."""
    assert run(cli_db, "add", "Zeta", "--role", "Dev", "--at", "2026-10-01 10:00") == 0
    [card] = Store(cli_db).load_all()

    def another_process(app):
        del app["id"]
        app["rounds"][0]["at"] = "2026-11-20T10:00:00Z"
        app["rounds"][0]["id"] = "r-other"

    other = exported(cli_db, tmp_path, "other.json", another_process)
    capsys.readouterr()
    assert run(cli_db, "import", str(other)) == 0
    assert "1 added" in capsys.readouterr().out
    apps = Store(cli_db).load_all()
    assert len(apps) == 2 and card.id in {a.id for a in apps}
    assert run(cli_db, "import", str(other)) == 0  # again: it is that card now, not a third
    assert len(Store(cli_db).load_all()) == 2


def test_a_record_without_an_id_or_rounds_imported_twice_is_added_once(cli_db, tmp_path, capsys):
    """Review R9 2: with no round to share, each import of it added one more card."""
    record = tmp_path / "bare.json"
    whole = {"company": "Beta", "role": "Ops", "stage": "awaiting", "outcome": None, "outcome_at": None, "notes": "",
             "recruiter": "", "decision_by": None, "keep_in_touch": None, "rounds": [], "directions": [],
             "contacts": [], "history": [], "created_at": None, "updated_at": None}  # every key export writes
    record.write_text(json.dumps({"schema": 1, "applications": [whole]}))
    assert run(cli_db, "import", str(record)) == 0
    assert run(cli_db, "import", str(record)) == 0
    assert [a.company for a in Store(cli_db).load_all()] == ["Beta"]
