"""Standard output as scripts and cron jobs meet it (review T2): a locale that is not UTF-8, a full disk,
a closed stream. Data (exports, JSON, letters) is UTF-8 whatever the locale; a saved change whose line
cannot be printed exits 1 (done but held back), never 2 (which says nothing changed)."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from cli_helpers import ROOT, digest, run
from tui import cli


class Stdout(io.TextIOWrapper):
    """A standard output in the locale's encoding (ISO-8859-1 here), whose bytes the test reads."""

    def __init__(self, encoding: str = "latin-1") -> None:
        super().__init__(io.BytesIO(), encoding=encoding, errors="backslashreplace")

    def bytes_written(self) -> bytes:
        self.flush()
        return self.buffer.getvalue()


class FullDisk(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        raise OSError(28, "No space left on device")


def add_card(db) -> None:
    assert run(db, "add", "Müller 🚀", "--role", "Ingeniør", "--at", "yesterday 10:00",
               "--interviewer", "田中 太郎") == 0


def test_data_on_standard_output_is_utf8_in_a_latin1_locale(cli_db, capsys, monkeypatch):
    add_card(cli_db)
    capsys.readouterr()
    for argv, read in ((["export", "json"], lambda b: json.loads(b)["applications"][0]["company"]),
                       (["list", "--json"], lambda b: json.loads(b)[0]["company"]),
                       (["show", "müller", "--json"], lambda b: json.loads(b)["company"]),
                       (["letter", "müller", "thank-you"], lambda b: b.decode("utf-8"))):
        out = Stdout()
        monkeypatch.setattr(sys, "stdout", out)
        assert run(cli_db, *argv) in (0, 1), argv  # a letter with gaps exits 1
        written = out.bytes_written()
        assert "Müller 🚀" in read(written), argv  # valid UTF-8 (and JSON), the emoji whole
        if argv[0] == "letter":
            assert "田中" in read(written)


def test_a_saved_change_whose_line_cannot_be_printed_exits_1_and_says_it_is_saved(cli_db, capsys, monkeypatch):
    add_card(cli_db)
    capsys.readouterr()
    for quiet in ([], ["-q"]):
        with monkeypatch.context() as patched:  # (undo() would also take back cli_home's settings)
            patched.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(FullDisk())))
            code = run(cli_db, "add", f"Full{len(quiet)}", "--role", "R", "--at", "yesterday 10:00", *quiet)
        assert code == 1
        assert "is saved, but its line could not be printed (No space left on device)" in capsys.readouterr().err
    assert {"Full0", "Full1"} <= {line.split()[1] for line in _listed(cli_db, capsys)}


def _listed(db, capsys) -> list[str]:
    capsys.readouterr()
    assert run(db, "list") == 0
    return capsys.readouterr().out.splitlines()[1:]


def test_a_closed_standard_output_refuses_before_anything_is_done(cli_db, capsys, monkeypatch):
    add_card(cli_db)
    before = digest(cli_db)
    with monkeypatch.context() as patched:
        patched.setattr(sys, "stdout", None)
        assert cli.main(["--db", str(cli_db), "add", "Closed", "--role", "R", "--at", "yesterday 10:00"]) == 2
        assert cli.main(["--db", str(cli_db), "export", "json"]) == 2
    assert "standard output is closed" in capsys.readouterr().err
    assert digest(cli_db) == before


def test_a_closed_standard_input_reads_as_empty(cli_db, capsys, monkeypatch):
    add_card(cli_db)
    before = digest(cli_db)
    monkeypatch.setattr(sys, "stdin", None)
    assert run(cli_db, "note", "müller", "-") == 2
    assert run(cli_db, "import", "-") == 2
    err = capsys.readouterr().err
    assert "the note is empty" in err and "<stdin>: the file is empty" in err.splitlines()[-1]
    assert "Traceback" not in err
    assert digest(cli_db) == before


def test_a_closed_standard_error_leaves_the_command_running(cli_db, capsys, monkeypatch):
    """Read-through B 3: with 2>&- every command refused, silently; its remarks go nowhere, as asked."""
    add_card(cli_db)
    capsys.readouterr()
    monkeypatch.setattr(sys, "stderr", None)
    assert run(cli_db, "list") == 0
    assert "Müller" in capsys.readouterr().out


def test_a_change_whose_line_meets_a_full_disk_ends_with_exit_1_and_no_python_message(tmp_path):
    """Read-through B 2: with standard output buffered, as a shell gives it, the bytes that could not be
    written stayed in the buffer, and Python's flush at exit failed again: its own message, exit 120."""
    import os

    from cli_helpers import followup_process, process_env

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    env = process_env(tmp_path)
    env.pop("PYTHONUNBUFFERED", None)
    db = str(tmp_path / "db.json")
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "tui", "--db", db, "add", "Full", "--role", "R", "--at",
                               "yesterday 10:00"], cwd=ROOT, env=env, stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    assert "is saved, but its line could not be printed" in done.stderr and "Exception" not in done.stderr
    assert followup_process(env, "--db", db, "list").stdout.count("Full") == 1


class ReaderGone(FullDisk):
    def write(self, data) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_command_that_saved_but_printed_into_a_full_disk_exits_1(cli_db, capsys, monkeypatch):
    """Review R-final 1: `delete … --yes`, `import` and `config` print with print(): their output failing at
    the last flush turned 0 into 2 (nothing changed), though the card was deleted."""
    add_card(cli_db)
    assert run(cli_db, "add", "Gone", "--role", "R", "--at", "yesterday 10:00") == 0
    capsys.readouterr()
    with monkeypatch.context() as patched:
        patched.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(FullDisk())))
        assert run(cli_db, "delete", "gone", "--yes") == 1
    assert "done and saved, but its output could not be written" in capsys.readouterr().err
    assert "Gone" not in "".join(_listed(cli_db, capsys))


def test_a_letter_marked_sent_whose_reader_is_gone_records_nothing_and_says_so(cli_db, capsys, monkeypatch):
    """Review R-final 3: into a pipe whose reader had gone, `letter … --mark-sent` exited 0, recording nothing."""
    add_card(cli_db)
    before = digest(cli_db)
    capsys.readouterr()
    with monkeypatch.context() as patched:
        patched.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(ReaderGone())))
        assert run(cli_db, "letter", "müller", "thank-you", "--mark-sent", "--force") == 2
    with monkeypatch.context() as patched:
        patched.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(ReaderGone())))
        assert run(cli_db, "list") == 0  # a listing's reader may stop when it has what it wanted
    assert "nothing was changed" in capsys.readouterr().err
    assert digest(cli_db) == before
