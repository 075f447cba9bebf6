"""Imports as pure functions: a JSON export edited by hand, read-only CSV columns, hand-made rounds and ids."""

import json

import pendulum
import pytest

from tui.core import actions, correspondence, exchange, importing
from tui.core.errors import ValidationError

NOW = pendulum.datetime(2026, 11, 25, 10, 30, tz="UTC")


def closed_card():
    card = actions.new_application("Rho", "Dev", now=NOW.subtract(days=9), round_at=NOW.subtract(days=9))
    return correspondence.close(card, "rejected", now=NOW.subtract(days=2))


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
        "Changed in a JSON file: company", "Closed → Awaiting (changed in a JSON file; outcome “rejected” cleared)"]
    assert app.history[-1].data == {"from": "closed", "to": "awaiting", "why": "changed in a JSON file"}
    assert app.history[:-2] == card.history  # nothing before is lost


def test_a_hand_edited_json_outcome_closes_as_followup_close_does():
    card = actions.new_application("Rho", "Dev", now=NOW.subtract(days=9), round_at=NOW.subtract(days=9))
    (app,) = importing.plan_import(edited_json([card], stage="closed", outcome="offer"), "h.json", [card],
                                   NOW).updated
    closed = correspondence.close(card, "offer", now=NOW)
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


def test_an_id_followup_did_not_make_is_refused_naming_the_record():
    card = actions.new_application("Rho", "Dev", now=NOW)
    with pytest.raises(ValidationError, match=r"^h.json:\d+: id 'not-a-uuid' is not an id Followup made"):
        importing.plan_import(edited_json([card], id="not-a-uuid"), "h.json", [], NOW)
    with pytest.raises(ValidationError, match=r"^h.csv:2: id 'x1' is not an id Followup made"):
        importing.plan_import(b"id,company,role,stage\nx1,Rho,Dev,awaiting\n", "h.csv", [], NOW)


def test_an_older_id_a_card_here_already_has_still_matches_it():
    """Schema 0 files kept their own ids ("0d1c-acme"); their export must import back onto them."""
    card = actions.new_application("Rho", "Dev", now=NOW)
    card.id = "0d1c-acme"
    plan = importing.plan_import(exchange.to_json([card]).encode(), "h.json", [card], NOW)
    assert [app.id for app, _ in plan.left] == ["0d1c-acme"] and not plan.added


def test_a_csv_id_cell_that_is_not_the_data_cells_id_is_refused_not_added_as_a_second_card():
    from tui.core.settings import Settings

    card = actions.new_application("Rho", "Dev", now=NOW)
    text = exchange.to_csv([card], Settings(timezone="Europe/Berlin"), NOW)
    other = str(actions.new_application("X", "Y", now=NOW).id)
    payload = text.replace(f"\r\n{card.id},", f"\r\n{other},", 1).encode()
    with pytest.raises(ValidationError, match=rf"^h.csv:2: the id cell '{other}' is not the id in the data cell"):
        importing.plan_import(payload, "h.csv", [card], NOW)
