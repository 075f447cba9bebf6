"""A newline or a tab in a one-line field (company, role, a direction, an interviewer's name…) is refused
from the command line and from imports, as ESC is: it would break the one line the field is printed on.
Notes keep theirs; a value stored before the rule still opens, and the rest of its card can be edited."""

import json

import pendulum
import pytest

from cli_helpers import digest, run
from tui.core import actions, exchange, importing
from tui.core.errors import ValidationError
from tui.core.settings import Settings
from tui.core.text import first_unclean, is_multi_line

NOW = pendulum.datetime(2026, 11, 25, 10, 30, tz="UTC")
UTC = Settings(timezone="UTC")


@pytest.mark.parametrize("argv, named", [
    (["add", "New\nLine", "--role", "R", "--at", "yesterday 10:00"], "COMPANY of add"),
    (["add", "Co", "--role", "a\tb", "--at", "yesterday 10:00"], "the value of --role"),
    (["add", "Co", "--role", "R", "--at", "yesterday 10:00", "--interviewer", "Ann\nLee"], "--interviewer"),
    (["add", "Co", "--role", "R", "--at", "yesterday 10:00", "--round", "Tech\nscreen"], "--round"),
])
def test_a_line_break_in_a_one_line_argument_is_refused_naming_it_and_nothing_is_written(cli_db, capsys, argv, named):
    assert run(cli_db, *argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and named in err and "one-line field" in err, err
    assert not cli_db.exists()


def test_direction_edit_and_reply_refuse_a_line_break_but_a_note_keeps_it(cli_db, capsys):
    assert run(cli_db, "add", "Co", "--role", "R", "--at", "yesterday 10:00") == 0
    before = digest(cli_db)
    for argv in (["direction", "co", "send refs\nto Maya", "--by", "fri"], ["edit", "co", "--company=X\nY"],
                 ["edit", "co", "--recruiter", "Sam\tLee"], ["reply", "co", "--note", "a\nb"],
                 ["interviewer", "co", "Ann", "--title", "Lead\nEng"]):
        assert run(cli_db, *argv) == 2, argv
        assert digest(cli_db) == before, argv
    capsys.readouterr()
    assert run(cli_db, "note", "co", "line one\nline two\twith a tab") == 0
    stored = json.loads(cli_db.read_text())
    (app,) = stored["applications"].values()
    assert "line one\nline two\twith a tab" in app["notes"]


def card(company="Rho"):
    return actions.new_application(company, "Dev", now=NOW.subtract(days=1),
                                   round_at=pendulum.datetime(2026, 11, 24, 10))


@pytest.mark.parametrize("row, field, what", [
    ('"Multi\nLine Co",B,awaiting', "company", "a line break"),
    ('Multi,"B\tC",awaiting', "role", "a tab"),
    ('"Multi\u2028Line Co",B,awaiting', "company", "a line separator (U+2028)"),
])
def test_a_hand_made_row_with_a_line_break_in_a_one_line_cell_is_refused_naming_line_field_and_break(row, field,
                                                                                                     what):
    """fz8 B: U+2028 shows in few editors; "a line break or a tab" sent the user looking for one they could
    not see. The break is named."""
    payload = f"company,role,stage\n{row}\n".encode()
    with pytest.raises(ValidationError) as info:
        importing.plan_import(payload, "l8.csv", [], NOW, UTC)
    assert str(info.value).startswith(f"l8.csv:2: {field} holds {what}; it is a one-line field"), info.value


def test_a_json_record_with_a_newline_in_a_rounds_name_is_refused_but_notes_keep_theirs():
    app = card()
    data = json.loads(exchange.to_json([app]))
    data["applications"][0]["notes"] = "first\nsecond\tthird"
    assert importing.read_import(json.dumps(data).encode(), "ok.json", NOW, UTC)[0].notes == "first\nsecond\tthird"
    data["applications"][0]["rounds"][0]["name"] = "Tech\nscreen"
    with pytest.raises(ValidationError, match=r"rounds\[0\]\.name holds a line break"):
        importing.read_import(json.dumps(data).encode(), "bad.json", NOW, UTC)


def test_a_card_edited_by_hand_to_hold_a_newline_is_edited_exported_and_imported_with_a_space(cli_db, capsys):
    """A line break in a one-line field of a file edited by hand is read as the migration to 5 reads one (a
    space, tests/test_store_clean_text.py): the card still edits, and its export imports unchanged."""
    assert run(cli_db, "add", "Old", "--role", "R", "--at", "yesterday 10:00") == 0
    stored = json.loads(cli_db.read_text())
    (app,) = stored["applications"].values()
    app["company"] = "Old\nCo"
    cli_db.write_text(json.dumps(stored))
    assert run(cli_db, "edit", "old", "--role", "Z") == 0
    (app,) = json.loads(cli_db.read_text())["applications"].values()
    assert app["company"] == "Old Co" and app["role"] == "Z"
    out_file = cli_db.parent / "e.json"
    assert run(cli_db, "export", "json", "-o", str(out_file)) == 0
    capsys.readouterr()
    assert run(cli_db, "import", str(out_file)) == 0
    assert "1 unchanged" in capsys.readouterr().out


def test_only_notes_and_history_are_multi_line():
    assert is_multi_line("notes") and is_multi_line("history[3].text") and is_multi_line("history[0].data.old")
    for path in ("company", "role", "recruiter", "pitch", "rounds[0].name", "rounds[1].interviewers[0].name",
                 "directions[2].text", "contacts[0].summary"):
        assert not is_multi_line(path)
    assert first_unclean({"company": "a\nb"}) is None  # the stored-file check (codec) is about controls only
    assert first_unclean({"company": "a\nb"}, one_line=True) == ("company", "a\nb")
    assert first_unclean({"company": "a\nb"}, one_line=True, before={"company": "a\nb"}) is None
