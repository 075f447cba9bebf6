"""Text that cannot be stored is refused at the door; text already stored never crashes a command.

The programs run as real processes so that an argument can carry a byte that is
not UTF-8 (a Latin-1 é from an old script), as a shell would pass it.
"""

import json
import os
from pathlib import Path

import pytest

from cli_helpers import configure, followup_process, process_env, run
from tui import cli
from tui.cli_arguments import refuse_bad_arguments
from tui.core.errors import ValidationError

LATIN1_CAFE = b"Caf\xe9".decode("utf-8", "surrogateescape")  # what Python makes of b"Caf\xe9"


@pytest.fixture
def env(tmp_path):
    # a strict stdout, as in a UTF-8 locale outside UTF-8 mode: an unencodable character would raise
    return process_env(tmp_path, PYTHONIOENCODING="utf-8:strict")


def followup(env, db, *argv):
    """`python -m tui --db DB ARGV...`, each argument passed as the bytes it stands for."""
    return followup_process(env, "--db", str(db), *argv, text=False)


def one_line_error(result, *needles) -> str:
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, err
    assert err.count("\n") == 1 and err.startswith("followup: ") and "Traceback" not in err, err
    for needle in needles:
        assert needle in err, err
    return err


# --- arguments that are not UTF-8 ----------------------------------------------------
def test_a_latin1_company_is_refused_before_the_file_is_created(env, tmp_path):
    db = tmp_path / "d.json"
    result = followup(env, db, "add", LATIN1_CAFE, "--role", "Dev", "--at", "yesterday 10am")
    err = one_line_error(result, "argument 4 (COMPANY of add)", "not valid UTF-8", "Caf\\xe9", "UTF-8")
    assert "re-encode" in err
    assert result.stdout == b""
    assert not db.exists() and sorted(os.listdir(tmp_path)) == ["config"]


def test_a_latin1_option_value_is_refused_and_the_file_is_unchanged(env, tmp_path):
    db = tmp_path / "d.json"
    assert followup(env, db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10am").returncode == 0
    before = db.read_bytes()
    result = followup(env, db, "add", "Globex", "--role", "D" + LATIN1_CAFE, "--at", "yesterday 10am")
    one_line_error(result, "(the value of --role)", "not valid UTF-8")
    assert db.read_bytes() == before


@pytest.mark.parametrize("argv,name", [
    (["add", "Acme", f"--role={LATIN1_CAFE}", "--at", "now"], "argument 3 (the value of --role)"),
    (["add", "Acme", "--rol", LATIN1_CAFE, "--at", "now"], "argument 4 (the value of --role)"),
    (["list", "--json", "--stage", LATIN1_CAFE], "argument 4 (the value of --stage)"),
    (["letter", "--force", "3f2a", LATIN1_CAFE], "argument 4 (KIND of letter)"),
    (["export", "json", "-o", LATIN1_CAFE], "argument 4 (the value of -o)"),
    ([LATIN1_CAFE], "argument 1"),
])
def test_the_message_names_the_argument(argv, name, capsys):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"followup: {name}" in err and "not valid UTF-8" in err, err


# --- control characters --------------------------------------------------------------
@pytest.mark.parametrize("bad", ["\x1b[31m", "\r", "\x7f", "\x9b", "\u202e"])  # last: right-to-left override
def test_a_control_character_is_refused(cli_home, capsys, bad):
    """In-process: a control character is valid UTF-8, so argv reaches main as the same string."""
    db = cli_home / "d.json"
    assert run(db, "add", "Acme", "--role", f"Dev{bad}Ops", "--at", "yesterday 10am") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("followup: ") and "Traceback" not in err, err
    for needle in ("argument 6 (the value of --role)", "control character", f"U+{ord(bad[0]):04X}"):
        assert needle in err, err
    assert not db.exists()


def test_a_nul_is_refused(capsys, tmp_path):  # a real argv cannot hold one; main(argv) can
    assert cli.main(["--db", str(tmp_path / "d.json"), "add", "A\x00cme", "--role", "Dev", "--at", "now"]) == 2
    assert "argument 4 (COMPANY of add) holds a control character (U+0000)" in capsys.readouterr().err
    assert not (tmp_path / "d.json").exists()


def test_newlines_and_tabs_pass_the_door_only_into_a_multi_line_field():
    refuse_bad_arguments(cli.build_parser(), ["note", "acme", "Dev\tOps\nand more"])
    with pytest.raises(ValidationError, match="the value of --role"):
        refuse_bad_arguments(cli.build_parser(), ["add", "Acme", "--role", "Dev\tOps\nand more", "--at", "now"])


# --- text already stored ---------------------------------------------------------------
def _with_broken_text(db: Path) -> None:
    """Put lone surrogates (how an older version could store Latin-1 bytes) into every text field."""
    data = json.loads(db.read_text(encoding="utf-8"))
    app = next(iter(data["applications"].values()))
    app["company"], app["role"], app["notes"] = LATIN1_CAFE, "R\udce9le", "n\udce9tes\n"
    app["recruiter"] = "R\udce9 <r@x.example>"
    person = app["rounds"][0]["interviewers"][0]
    person["name"], person["topic"] = "D\udce9na", "t\udce9pic"
    app["rounds"][0]["name"] = "Ons\udce9te"
    # As that version left it: a current file holding one is damaged (test_store_clean_text), an older one cleaned
    data["_meta"]["1"]["schema"] = 4
    db.write_text(json.dumps(data), encoding="ascii")  # ensure_ascii: stored as \udce9 escapes


@pytest.fixture
def broken_db(tmp_path, monkeypatch):
    """Added in-process (the commands under test run as real processes, with a strict stdout)."""
    db = tmp_path / "d.json"
    with monkeypatch.context() as patched:
        configure(tmp_path / "adding", patched)
        assert run(db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10am", "-q",
                   "--interviewer", "Dana <dana@acme.example>") == 0
    _with_broken_text(db)
    return db


@pytest.mark.parametrize("argv", [
    ["export", "json"], ["export", "csv"], ["export", "ics"], ["export", "md"],
    ["list"], ["list", "--json"], ["due", "--within", "30"], ["due", "--summary"],
])
def test_stored_text_that_is_not_utf8_never_crashes_a_command(env, broken_db, argv):
    result = followup(env, broken_db, *argv)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr
    result.stdout.decode("utf-8")  # what is printed is valid UTF-8


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_an_export_file_of_such_text_is_valid_utf8(env, broken_db, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    result = followup(env, broken_db, "export", fmt, "-o", str(target))
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    text = target.read_bytes().decode("utf-8")
    if fmt == "json":  # read through the schema-2 cleaning: the bad byte shows as U+FFFD
        assert json.loads(text)["applications"][0]["company"] == "Caf\ufffd"


def test_a_letter_of_such_text_prints(env, broken_db):
    app_id = next(iter(json.loads(broken_db.read_text(encoding="utf-8"))["applications"].values()))["id"]
    result = followup(env, broken_db, "letter", app_id[:8], "thank-you", "--force")
    assert result.returncode == 1, result.stderr.decode("utf-8", "replace")  # printed with its gaps
    assert "D\ufffdna" in result.stdout.decode("utf-8")


def test_cleaning_drops_controls_and_bidi_overrides_and_keeps_right_to_left_text():
    """What a paste or a hand-edited file may hold: the controls go, so do the bidi embeddings,
    overrides and isolates (they reorder the rest of a terminal line); Arabic text and its marks stay."""
    from tui.core.text import clean_text, is_clean

    assert clean_text("a\x1b[31mb\x07c\u202eRTL\u202c d\u2067x\u2069") == "a[31mbcRTL dx"
    arabic = "مهندس\u200f برمجيات"  # with a right-to-left mark
    assert clean_text(arabic) == arabic and is_clean(arabic)
    assert not is_clean("x\u202ey") and clean_text("tab\tand\nnewline") == "tab\tand\nnewline"
