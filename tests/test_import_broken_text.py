"""A JSON export holding half a character (a lone surrogate, as "\\ud800" in a broken script's output) is
refused naming the field, in words: it gave Python's own "'utf-8' codec can't encode…" (review R3 6)."""

from __future__ import annotations

import json

import pytest

from tui.core import actions
from tui.core.errors import ValidationError
from tui.core.exchange import to_json
from tui.core.importing import plan_import
from tui.core.settings import Settings
from tui.core.timeutil import load_time

NOW = load_time("2026-11-25T10:00:00Z")


@pytest.mark.parametrize("current", [[], "the same card"])
def test_a_lone_surrogate_is_refused_naming_its_field(current):
    card = actions.new_application("Acme", "SRE", now=NOW, round_at=NOW)
    data = json.loads(to_json([card]))
    data["applications"][0]["company"] = "Acme\ud800"
    payload = json.dumps(data).encode()
    with pytest.raises(ValidationError) as refused:
        plan_import(payload, "x.json", [card] if current else [], NOW, Settings(timezone="UTC"))
    said = str(refused.value)
    assert said.startswith("x.json:") and "company holds a broken character" in said and "codec" not in said


@pytest.mark.parametrize("data", [{"a.b": "bad\u0001"}, {"a]": "\ud800"}, {"k\u0001": "v"}])
def test_a_history_records_free_form_data_is_checked_keys_and_all(data):
    """Review R4 1: a key holding "." or "[" made the check look the value up again by its dotted name and
    crash (KeyError, a traceback); a key holding a control character was stored as it was."""
    card = actions.new_application("Acme", "SRE", now=NOW, round_at=NOW)
    export = json.loads(to_json([card]))
    export["applications"][0]["history"][0]["data"] = data
    with pytest.raises(ValidationError) as refused:
        plan_import(json.dumps(export).encode(), "x.json", [], NOW, Settings(timezone="UTC"))
    said = str(refused.value)
    assert said.startswith("x.json:") and "history[0].data" in said and "remove it and import again" in said
