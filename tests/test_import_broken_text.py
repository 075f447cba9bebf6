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
