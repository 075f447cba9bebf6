"""A JSON export whose records lost their ids (a script blanked them) matches cards by company and role.

Review R3 6: imported again, such a record was reported as "updated" but stored as a second card whose
id was "" (damage: every later command listed it without an id), and two of them were refused as one
application appearing twice."""

from __future__ import annotations

import json

from cli_helpers import run
from tui.store.store import Store


def blank_ids(db, tmp_path, keep: int | None = None, notes: str = ""):
    out = tmp_path / "export.json"
    assert run(db, "export", "json", "-o", str(out)) == 0
    data = json.loads(out.read_text())
    apps = data["applications"] if isinstance(data, dict) else data
    for app in apps:
        app["id"] = ""
        if notes:
            app["notes"] = notes
    if keep is not None:
        del apps[keep + 1:]
    out.write_text(json.dumps(data))
    return out


def test_records_without_ids_update_the_cards_they_match_and_keep_their_ids(cli_db, tmp_path, capsys):
    assert run(cli_db, "add", "AcmeX", "--role", "Dev", "--at", "2026-11-24 10:00") == 0
    assert run(cli_db, "add", "BetaX", "--role", "Ops", "--at", "2026-11-24 11:00") == 0
    ids = sorted(a.id for a in Store(cli_db).load_all())
    assert run(cli_db, "import", str(blank_ids(cli_db, tmp_path))) == 0  # both unchanged: matched, not twice
    assert run(cli_db, "import", str(blank_ids(cli_db, tmp_path, keep=0, notes="changed"))) == 0
    apps = Store(cli_db).load_all()
    assert sorted(a.id for a in apps) == ids
    assert [a.notes for a in apps if a.company == "AcmeX"] == ["changed"]
