"""What fuzz fz5 got past import: a block copied whole with its id, a JSON key given twice, nesting and
numbers no export holds. Each is refused, naming where, and the plan changes nothing."""

from __future__ import annotations

import csv
import io
import json

import pytest

from test_import_refusals import NOW, UTC, card, refusal
from tui.core import actions, exchange, importing
from tui.core.parts import Direction, Interviewer, Round


def export_of(app) -> dict:
    return json.loads(exchange.to_json([app]))


def test_an_interviewer_copied_with_its_id_is_refused_naming_both_places():
    """Imported, `interviewer acme "Lee Park" --thanked` marked Dana, the first with that id."""
    app = actions.new_application("Acme", "Dev", now=NOW.subtract(days=1), round_at=NOW.subtract(days=1),
                                  interviewers=[Interviewer(name="Dana Kim")])
    data = export_of(app)
    people = data["applications"][0]["rounds"][0]["interviewers"]
    people.append({**people[0], "name": "Lee Park"})
    why = refusal(json.dumps(data).encode(), "p.json", [app])
    assert "rounds[0].interviewers[1].id" in why and "is also rounds[0].interviewers[0]'s" in why
    del people[1]["id"]  # left out: one is made
    plan = importing.plan_import(json.dumps(data).encode(), "p.json", [app], NOW, UTC)
    assert plan is not None


@pytest.mark.parametrize("part", ["rounds", "directions"])
def test_a_round_or_direction_copied_with_its_id_is_refused(part):
    app = actions.new_application("Acme", "Dev", now=NOW.subtract(days=1), round_at=NOW.subtract(days=2))
    app.directions.append(Direction(text="send the portfolio"))
    app.rounds.append(Round(name="Final", at=NOW.subtract(days=1)))
    data = export_of(app)
    blocks = data["applications"][0][part]
    blocks.append(dict(blocks[0]))
    why = refusal(json.dumps(data).encode(), "p.json", [app])
    assert f"{part}[{len(blocks) - 1}].id" in why and f"is also {part}[0]'s" in why


def test_a_blank_part_id_is_refused():
    data = export_of(card())
    data["applications"][0]["rounds"][0]["id"] = " "
    assert "rounds[0].id is blank" in refusal(json.dumps(data).encode(), "b.json", [])


def test_a_key_given_twice_is_refused_not_the_last_taken():
    """A second "notes": "" below the real notes emptied them, and import said "1 updated"."""
    here = card()
    text = exchange.to_json([here]).replace('"notes": ""', '"notes": "kept",\n      "notes": ""', 1)
    assert text.count('"notes"') == 2
    why = refusal(text.encode(), "d.json", [here])
    assert why == "d.json: not the JSON Followup writes: the key 'notes' is given twice in one object; keep one"


@pytest.mark.parametrize("payload, said", [
    (b'{"schema": 1, "applications": [' + b"[" * 500 + b"]" * 500 + b"]}", "nested too deeply"),
    (b'{"schema": ' + b"1" * 5001 + b', "applications": []}', "a number thousands of digits long"),
])
def test_json_nested_past_any_export_or_a_number_of_thousands_of_digits_is_refused(payload, said):
    """They ended the import in a RecursionError or a ValueError traceback (exit 1)."""
    assert said in refusal(payload, "x.json", [])


def test_a_csv_data_cell_nested_too_deeply_is_refused_naming_the_column():
    here = card()
    rows = list(csv.DictReader(io.StringIO(exchange.to_csv([here], UTC, NOW), newline="")))
    rows[0]["data"] = "[" * 500 + "]" * 500
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    assert "the data column is not the JSON Followup wrote (its values are nested too deeply)" in refusal(
        out.getvalue().encode(), "d.csv", [here])


def test_a_recruiter_of_only_invisible_characters_is_read_as_none_as_the_sheet_reads_it():
    """Kept as "\\u200f" from JSON, an unchanged CSV round trip then cleared it: "1 updated" for nothing."""
    here = card()
    data = export_of(here)
    data["applications"][0]["recruiter"] = "\u200f"
    plan = importing.plan_import(json.dumps(data).encode(), "r.json", [here], NOW, UTC)
    assert plan.updated == [] and plan.added == [] and plan.left[0][0].recruiter == ""
    data["applications"][0]["recruiter"] = "Sam <not an address"
    assert "recruiter" in refusal(json.dumps(data).encode(), "r.json", [here])


def test_the_same_application_added_on_two_machines_is_not_added_again_by_a_sync():
    """Fuzz fz5 2: `add Acme` on the laptop and on the server, then the server's export imported on the
    laptop: "1 added", and every deadline showed twice; `followup add` refuses the same card."""
    laptop = actions.new_application("Acme", "Engineer", now=NOW.subtract(days=1), round_at=NOW.subtract(days=1),
                                     interviewers=[Interviewer(name="Dana Kim")])
    server = actions.new_application("Acme", "Engineer", now=NOW.subtract(hours=20), round_at=NOW.subtract(days=1),
                                     interviewers=[Interviewer(name="Dana Kim")])
    plan = importing.plan_import(exchange.to_json([server]).encode(), "s.json", [laptop], NOW, UTC)
    assert plan.added == [] and plan.updated == []
    (kept, why), = plan.left
    assert kept is laptop and why.startswith(f"in the file as {server.short_id}, another id for this card's")
    other_round = actions.new_application("Acme", "Engineer", now=NOW, round_at=NOW.subtract(hours=2))
    plan = importing.plan_import(exchange.to_json([other_round]).encode(), "s.json", [laptop], NOW, UTC)
    assert [a.id for a in plan.added] == [other_round.id]  # a second process at the company is a new card


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_a_unicode_line_separator_in_a_one_line_field_is_refused_as_a_newline_is(separator):
    """Fuzz fz5 4: `followup add "Ac<U+2028>me"` is refused; imported, `show` printed it raw and `show acme`
    found no card. In the notes it is a line break, and taken."""
    here = card()
    data = export_of(here)
    data["applications"][0]["company"] = f"Ac{separator}me"
    why = refusal(json.dumps(data).encode(), "l.json", [])
    named = "a line separator (U+2028)" if separator == "\u2028" else "a paragraph separator (U+2029)"
    assert why == f"l.json:1: company holds {named}; it is a one-line field: put it on one line and import again"
    data["applications"][0]["company"] = "Acme"
    data["applications"][0]["notes"] = f"first{separator}second"
    assert importing.plan_import(json.dumps(data).encode(), "l.json", [], NOW, UTC).added


@pytest.mark.parametrize("plain", [False, True], ids=["fast-read", "plain-read"])
def test_a_data_file_an_older_import_wrote_such_a_card_into_still_reads_it(cli_db, capsys, plain):
    """Read-through rv1 1: checked in every card built, these refused a stored card on the plain reading
    (a file holding a \\u escape, such as a note with a backslash) and the file turned read-only."""
    from cli_helpers import run

    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10am", "-q",
               "--interviewer", "Dana Kim", "--interviewer", "Lee Park") == 0
    data = json.loads(cli_db.read_text(encoding="utf-8"))
    (stored,) = data["applications"].values()
    people = stored["rounds"][0]["interviewers"]
    people[1]["id"] = people[0]["id"]
    stored["recruiter"] = "Sam Lee <sam at acme>"
    if plain:
        stored["notes"] = "café"  # written as caf\\u00e9 below: the plain reading
    cli_db.write_text(json.dumps(data, ensure_ascii=plain), encoding="utf-8")
    capsys.readouterr()
    assert run(cli_db, "list") == 0
    out, err = capsys.readouterr()
    assert "Acme" in out and "damaged" not in err, err
