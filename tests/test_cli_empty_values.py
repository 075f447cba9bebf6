"""An option given an empty value (a script's unset variable: `--db "$DB"`) is refused, naming it, before
anything is done (review T2 4): `--db ""` wrote to the user's own data file, `close --at ""` recorded now,
`--by ""` an undated do-by. Only the options an empty value clears (`edit --pitch ""`) take one."""

from __future__ import annotations

import json

import pytest

from cli_helpers import digest, run
from tui import cli


@pytest.fixture
def card(cli_db, capsys):
    assert run(cli_db, "add", "Kay", "--role", "Dev", "--at", "yesterday 10:00", "--interviewer", "Ida Ng") == 0
    capsys.readouterr()
    return cli_db


@pytest.mark.parametrize("argv", [
    ["close", "kay", "rejected", "--at", ""],
    ["reply", "kay", "--at", ""],
    ["interviewer", "kay", "Ida Ng", "--thanked", ""],
    ["direction", "kay", "send refs", "--by", ""],
    ["direction", "kay", "send refs", "--by="],
    ["direction", "kay", "wait", "--not-before", "  "],
    ["close", "kay", "rejected", "--keep-in-touch", ""],
    ["list", "--stage", ""],
    ["export", "md", "-o", ""],
    ["edit", "kay", "--company", " "],  # only spaces is empty, for an option that may not be (fz2 2)
    ["edit", "kay", "--role=\u3000"],
    ["interviewer", "kay", "Ida Ng", "--thanked", " "],
])
def test_an_empty_option_value_is_refused_and_nothing_changes(card, capsys, argv):
    before = digest(card)
    assert run(card, *argv) == 2
    err = capsys.readouterr().err
    option = next(a for a in argv if a.startswith("-")).partition("=")[0]
    assert f"{option} is given an empty value" in err and "nothing was done" in err
    assert digest(card) == before


def test_an_empty_db_is_refused_not_read_as_the_default_file(card, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert cli.main(["--db", "", "add", "Z", "--role", "R", "--at", "yesterday 10:00"]) == 2
    assert "--db is given an empty value" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()


def test_an_empty_value_still_clears_the_recruiter_posting_and_pitch(card, capsys):
    assert run(card, "edit", "kay", "--pitch", "I ship", "--posting", "https://x.example/job") == 0
    assert run(card, "edit", "kay", "--pitch", "", "--posting=") == 0
    capsys.readouterr()
    assert run(card, "show", "kay", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["pitch"], shown["posting"]) == ("", "")


def test_a_value_of_only_spaces_clears_as_an_empty_one_does_and_says_cleared(card, capsys):
    """fz2 2: `edit --pitch '   '` cleared the pitch but said "set pitch “   ”"; `--email ' '` said "set"."""
    assert run(card, "edit", "kay", "--pitch", "I ship", "--recruiter", "Sam <sam@kay.example>") == 0
    assert run(card, "interviewer", "kay", "Ida Ng", "--email", "ida@kay.example", "--title", "CTO") == 0
    capsys.readouterr()
    assert run(card, "edit", "kay", "--pitch", "   ", "--recruiter= ") == 0
    out = capsys.readouterr().out
    assert "pitch cleared, recruiter cleared" in out and "set" not in out and "“" not in out, out
    assert run(card, "interviewer", "kay", "Ida Ng", "--email", " ", "--title=\t ") == 2  # a tab: refused
    capsys.readouterr()
    assert run(card, "interviewer", "kay", "Ida Ng", "--email", " ", "--title", "  ") == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("email cleared, title cleared"), out
    assert run(card, "show", "kay", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["pitch"], shown["recruiter"]["name"] if shown["recruiter"] else "") == ("", "")
    person = shown["rounds"][0]["interviewers"][0]
    assert (person["email"], person["title"]) == ("", "")


def test_an_empty_interviewer_name_is_asked_for_with_an_article_that_fits(card, capsys):
    assert run(card, "interviewer", "kay", "") == 2
    assert "give an interviewer name" in capsys.readouterr().err


def test_an_option_after_one_whose_value_may_be_left_out_is_still_checked(card, capsys, monkeypatch, tmp_path):
    """Read-through B 1: `--thanked --db ""` read --db as --thanked's value, and the empty --db wrote to the
    user's own data file; `--thanked --topic=` was refused though --topic may be empty."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert cli.main(["interviewer", "kay", "Ida Ng", "--thanked", "--db", ""]) == 2
    assert "--db is given an empty value" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()
    assert run(card, "interviewer", "kay", "Ida Ng", "--thanked", "--topic=") == 0


@pytest.mark.parametrize("argv", [["edit", "kay", "--pitch", "\x0c"],
                                  ["interviewer", "kay", "Ida Ng", "--email", "\t"],
                                  ["edit", "kay", "--pitch", "\u2028"],  # review R-final 4: read as blank
                                  ["interviewer", "kay", "Ida Ng", "--topic", "a\u2029b"]])
def test_a_value_that_may_be_empty_is_still_checked_for_control_characters(card, capsys, argv):
    """Read-through B 4: a form feed given to --pitch was stored, and printed raw."""
    before = digest(card)
    assert run(card, *argv) == 2
    err = capsys.readouterr().err
    assert "holds" in err and "\u2028" not in err and "\u2029" not in err
    assert digest(card) == before


def test_a_value_with_nothing_visible_is_empty_too(card, capsys, monkeypatch, tmp_path):
    """fz2 5: `add $'\\u200b'` stored a company that showed blank, where `add ' '` is refused as empty."""
    before = digest(card)
    assert run(card, "add", "\u200b", "--role", "R", "--at", "yesterday 10:00") == 2
    assert "company is empty: give a company" in capsys.readouterr().err
    assert run(card, "add", "Lee", "--role", "\ufeff\u200d", "--at", "yesterday 10:00") == 2
    assert "--role is given an empty value" in capsys.readouterr().err
    assert run(card, "interviewer", "kay", "\u2060") == 2
    assert "interviewer name is empty" in capsys.readouterr().err
    assert digest(card) == before
    assert run(card, "interviewer", "kay", "Ida Ng", "--title", "CTO") == 0
    capsys.readouterr()
    assert run(card, "interviewer", "kay", "Ida Ng", "--title", "\u200b") == 0
    assert capsys.readouterr().out.rstrip().endswith("title cleared")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert run(card, "config", "name", "\u200b\u200f") == 0
    capsys.readouterr()
    assert run(card, "config", "name") == 0
    assert capsys.readouterr().out.strip() == ""


@pytest.mark.parametrize("stored", ["\u200b", "\\u200b"])  # as written; escaped, read the checked way
def test_a_stored_name_with_nothing_visible_is_still_read(card, capsys, stored):
    """A name stored before the rule (fz2 5) is the user's data: still read, not left out as damaged."""
    card.write_text(card.read_text(encoding="utf-8").replace('"Kay"', f'"{stored}"'), encoding="utf-8")
    assert run(card, "list") == 0
    assert "damaged" not in capsys.readouterr().err
    assert run(card, "export", "json") == 0
    exported = json.loads(capsys.readouterr().out)
    assert "\u200b" in json.dumps(exported, ensure_ascii=False)


def test_edit_says_only_what_changed(card, capsys):
    """Read-through: `edit --pitch x --recruiter Sam` with the pitch already x said "set pitch “x”, recruiter
    “Sam”" while the history recorded only the recruiter; `--recruiter ""` on none said "recruiter cleared"."""
    assert run(card, "edit", "kay", "--pitch", "I ship") == 0
    capsys.readouterr()
    assert run(card, "edit", "kay", "--pitch", "I ship", "--recruiter", "Sam", "--posting", "") == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("set recruiter “Sam”"), out
