"""JSON for scripts: a bad stage in an imported JSON names the stages, as a sheet's cell does; `list --json`
writes times as `export json` and `show --json` do (review Q 9)."""

import json

import pytest

from cli_helpers import digest, one_line_error, run


@pytest.mark.parametrize("key,value,said", [
    ("stage", "nope", "unknown stage 'nope': use one of interviewed, thanked, awaiting, followed-up, closed"),
    ("outcome", "meh", "unknown outcome 'meh': use one of offer, accepted, rejected, withdrawn, no-response"),
])
def test_a_json_import_with_a_bad_choice_names_the_values_it_takes(cli_db, capsys, monkeypatch, key, value, said):
    assert run(cli_db, "add", "Acme", "--role", "r", "--at", "today 10:00") == 0
    capsys.readouterr()
    before = digest(cli_db)
    record = {"company": "X", "role": "y", "stage": "closed", key: value}
    path = cli_db.parent / "in.json"
    path.write_text(json.dumps({"schema": 1, "applications": [record]}), encoding="utf-8")
    assert run(cli_db, "import", str(path)) == 2
    one_line_error(capsys, "in.json:1: application 1: " + said)
    assert digest(cli_db) == before


def test_list_json_writes_times_as_export_and_show_do(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "r", "--at", "today 10:00", "--interviewer", "Dana Kim") == 0
    capsys.readouterr()
    assert run(cli_db, "list", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert run(cli_db, "show", "acme", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert run(cli_db, "export", "json") == 0
    (exported,) = json.loads(capsys.readouterr().out)["applications"]
    assert row["updated_at"] == shown["updated_at"] == exported["updated_at"]
    assert row["updated_at"].endswith("Z")
    assert row["next_deadline"] == "2026-11-26T09:00:00Z"  # the round at 10:00 in Berlin + 24 h

