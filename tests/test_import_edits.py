"""Imports as pure functions: a JSON export edited by hand, read-only CSV columns, hand-made rounds and ids."""

import json

import pendulum
import pytest

from tui.core import actions, exchange, importing
from tui.core.errors import ValidationError

NOW = pendulum.datetime(2026, 11, 25, 10, 30, tz="UTC")


def closed_card():
    card = actions.new_application("Rho", "Dev", now=NOW.subtract(days=9), round_at=NOW.subtract(days=9))
    return actions.close(card, "rejected", now=NOW.subtract(days=2))


def edited_json(apps, **fields):
    """A JSON export of `apps` with `fields` typed over every record, as a hand edit leaves it."""
    data = json.loads(exchange.to_json(apps))
    for item in data["applications"]:
        item.update(fields)
    return json.dumps(data, indent=2).encode()


def test_a_hand_edited_json_record_reopens_and_renames_with_history_as_a_sheet_does():
    card = closed_card()
    payload = edited_json([card], stage="awaiting", outcome=None, company="Rho Labs")
    (app,) = importing.plan_import(payload, "h.json", [card], NOW).updated
    assert (app.company, app.stage.value, app.outcome, app.outcome_at) == ("Rho Labs", "awaiting", None, None)
    assert [e.text for e in app.history[-2:]] == [
        "Changed in a JSON file: company", "Closed → Awaiting (changed in a JSON file)"]
    assert app.history[-1].data == {"from": "closed", "to": "awaiting", "why": "changed in a JSON file"}
    assert app.history[:-2] == card.history  # nothing before is lost


def test_a_hand_edited_json_outcome_closes_as_followup_close_does():
    card = actions.new_application("Rho", "Dev", now=NOW.subtract(days=9), round_at=NOW.subtract(days=9))
    (app,) = importing.plan_import(edited_json([card], stage="closed", outcome="offer"), "h.json", [card],
                                   NOW).updated
    closed = actions.close(card, "offer", now=NOW)
    assert (app.stage.value, app.outcome.value, app.outcome_at) == ("closed", "offer", NOW)
    assert [(e.kind, e.text) for e in app.history] == [(e.kind, e.text) for e in closed.history]


@pytest.mark.parametrize("current", [[], "the card"])
def test_a_json_record_closed_without_an_outcome_is_refused_as_the_sheet_refuses_it(current):
    card = actions.new_application("Rho", "Dev", now=NOW.subtract(days=9))
    with pytest.raises(ValidationError) as info:
        importing.plan_import(edited_json([card], stage="closed", outcome=None), "h.json",
                              [card] if current else [], NOW)
    message = str(info.value)
    assert message.startswith("h.json:") and "stage closed needs an outcome (offer|" in message
    assert "\n" not in message
