"""A JSON record lacking a key export writes is refused, naming the key, the record and its line: read,
the missing key was an empty value, and the import wiped the card's notes or rounds (review T3 3 and 4)."""

import json

import pytest

from cli_helpers import digest, run
from tui.store.store import Store


@pytest.fixture
def exported(cli_db, capsys):
    run(cli_db, "add", "Acme", "--role", "Backend", "--at", "2026-11-20 10:00", "--interviewer", "Dana Kim")
    run(cli_db, "note", "Acme", "line one")
    run(cli_db, "add", "Beta", "--role", "Ops", "--at", "2026-11-21 10:00")
    path = cli_db.parent / "a.json"
    run(cli_db, "export", "json", "-o", str(path))
    capsys.readouterr()
    return path


def edited(path, change):
    data = json.loads(path.read_text())
    change(data["applications"])
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False))
    return str(path)


@pytest.mark.parametrize("key", ["notes", "rounds", "history"])
def test_a_record_without_a_key_is_refused_naming_it_and_its_line(cli_db, exported, capsys, key):
    before = digest(cli_db)
    edited(exported, lambda apps: apps[1].pop(key))
    line = next(n for n, text in enumerate(exported.read_text().splitlines(), start=1)
                if "\"company\": \"Beta\"" in text) - 1  # the record's own line, its "{"
    assert run(cli_db, "import", str(exported)) == 2
    err = capsys.readouterr().err.strip()
    assert err.endswith(f'a.json:{line}: application 2 (Beta — Ops): no "{key}" key; export writes every key '
                        "(an empty value empties it)")
    assert digest(cli_db) == before


def test_an_export_from_before_pitch_posting_and_snoozes_still_imports(cli_db, exported, capsys):
    def older(apps):
        for app in apps:
            for key in ("pitch", "posting", "snoozes"):
                app.pop(key)
            app["notes"] = "edited"
    edited(exported, older)
    assert run(cli_db, "import", str(exported)) == 0
    assert {a.notes for a in Store(cli_db).load_all()} == {"edited"}


def test_a_duplicated_record_and_one_without_an_id_are_named_at_their_own_lines(cli_db, exported, capsys):
    def twice(apps):
        apps.append(dict(apps[0]))
    edited(exported, twice)
    starts = [n for n, text in enumerate(exported.read_text().splitlines(), start=1) if text == "    {"]
    assert run(cli_db, "import", str(exported)) == 2
    assert f"a.json:{starts[2]}: application 3 (Acme — Backend) appears twice (also application 1)" in \
        capsys.readouterr().err
    def no_id_and_broken(apps):
        apps.pop()
        apps[1].pop("id")
        apps[1]["stage"] = "nowhere"
    edited(exported, no_id_and_broken)
    assert run(cli_db, "import", str(exported)) == 2
    assert f"a.json:{starts[1]}: application 2: unknown stage 'nowhere'" in capsys.readouterr().err
