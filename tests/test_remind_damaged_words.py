"""`followup remind` on a file with a damaged record still refuses (exit 2, nothing sent, nothing written),
but its one line says that no reminder went out, and why (review R6 8): it read as any write refused,
"…damaged…; nothing was changed", with no word of the reminders a cron log is read for."""

from __future__ import annotations

import json

import pendulum
import pytest

from cli_helpers import NOW, digest, run
from tui.core.actions import new_application
from tui.core.parts import Interviewer
from tui.store import Store


@pytest.fixture
def damaged_db(cli_home):
    db = cli_home / "dmg.json"
    now = pendulum.parse(NOW)  # cli_home's frozen clock
    Store(db).open().add_many([
        new_application(name, "Eng", now=now, round_at=now.subtract(hours=30), interviewers=[Interviewer("Ann Lee")])
        for name in ("Fox", "Gnu")])
    data = json.loads(db.read_bytes())
    next(iter(data["applications"].values()))["stage"] = "bogus"
    db.write_text(json.dumps(data), encoding="utf-8")
    return db


@pytest.mark.parametrize("dry_run, said", [(False, "no reminder sent: "), (True, "no reminder shown: ")])
def test_remind_on_a_damaged_file_says_no_reminder_went_out_and_why(damaged_db, capsys, dry_run, said):
    before = digest(damaged_db)
    assert run(damaged_db, "remind", *(["--dry-run"] if dry_run else [])) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1, err
    assert err.startswith(f"followup: {said}{damaged_db}: a Followup data file, but damaged (record "), err
    assert err.endswith("; what is sent is recorded in that file, so none goes out until it is fixed\n"), err
    assert digest(damaged_db) == before
