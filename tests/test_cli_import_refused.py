"""A refused import changes nothing: not even a data file (or its lock) that did not exist yet; and what
it says names the rows the user wrote, not ids made inside the app."""

import contextlib
import io
import json
import os
import sys
import threading

from cli_helpers import digest, one_line_error, run
from tui import cli_output


def test_a_refused_import_creates_neither_the_data_file_nor_its_lock(cli_db, capsys):
    sheet = cli_db.parent / "imp1.csv"
    sheet.write_text("company,role,stage\nA\x07B,R,awaiting\n", encoding="utf-8")
    assert run(cli_db, "import", str(sheet)) == 2
    assert "imp1.csv:2: company holds a control character" in capsys.readouterr().err
    assert sorted(p.name for p in cli_db.parent.iterdir() if p.name.startswith(cli_db.name)) == []
    sheet.write_text("company,role,stage\nAB,R,awaiting\n", encoding="utf-8")
    assert run(cli_db, "import", str(sheet)) == 0  # a good one still creates it
    assert [a["company"] for a in json.loads(cli_db.read_text())["applications"].values()] == ["AB"]


def test_a_refused_import_into_an_existing_file_leaves_it_as_it_was(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "R", "--at", "yesterday 10:00") == 0
    before = digest(cli_db)
    sheet = cli_db.parent / "bad.csv"
    sheet.write_text("company,role,stage\nNew,R,nowhere\n", encoding="utf-8")
    assert run(cli_db, "import", str(sheet)) == 2
    assert digest(cli_db) == before


def test_a_hand_made_row_given_twice_is_named_by_company_role_and_lines_not_a_made_up_id(cli_db, capsys):
    sheet = cli_db.parent / "h2.csv"
    sheet.write_text("company,role,stage\nFoo,Bar,awaiting\nFoo,Bar,awaiting\n", encoding="utf-8")
    assert run(cli_db, "import", str(sheet)) == 2
    err = capsys.readouterr().err
    assert "h2.csv:3: Foo — Bar appears twice (lines 2 and 3)" in err, err
    assert " id " not in err, err


def test_a_json_application_given_twice_is_named_by_its_position(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "R", "--at", "yesterday 10:00") == 0
    assert run(cli_db, "add", "Beta", "--role", "S", "--at", "yesterday 11:00") == 0
    out = cli_db.parent / "jd.json"
    assert run(cli_db, "export", "json", "-o", str(out)) == 0
    data = json.loads(out.read_text())
    data["applications"].append(data["applications"][0])
    out.write_text(json.dumps(data), encoding="utf-8")  # one line: the line number cannot tell them apart
    capsys.readouterr()
    assert run(cli_db, "import", str(out)) == 2
    err = capsys.readouterr().err
    assert "jd.json:1: application 3 (Acme — R) appears twice (also application 1)" in err, err


class _Endless(io.RawIOBase):
    """Standard input that never ends, as `</dev/zero` is, without holding more than one read in memory."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = b"\0" * len(buffer)
        return len(buffer)


def test_a_device_or_a_folder_is_refused_before_anything_is_read(cli_db, capsys):
    # `import /dev/zero` read until the machine ran out of memory (fz2 1); --db refuses it the same way
    for path in ("/dev/zero", str(cli_db.parent)):
        assert run(cli_db, "import", path, "--dry-run") == 2
        one_line_error(capsys, f"{path}: cannot be read (not a regular file (a device or folder))")
    assert not cli_db.exists()


def test_input_over_the_limit_is_refused_from_a_pipe_or_standard_input(cli_db, capsys, monkeypatch):
    monkeypatch.setattr(cli_output, "INPUT_LIMIT", 1024 * 1024)  # the real one, 64 MB, in miniature
    read, write = os.pipe()

    def endless_writer():
        with contextlib.suppress(BrokenPipeError), os.fdopen(write, "wb") as handle:
            while True:
                handle.write(b"x" * 65536)

    writer = threading.Thread(target=endless_writer)
    writer.start()
    try:
        assert run(cli_db, "import", f"/dev/fd/{read}", "--dry-run") == 2
    finally:
        os.close(read)
        writer.join()
    one_line_error(capsys, f"/dev/fd/{read} is over 1 MB, the most Followup reads", "nothing was done")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(_Endless())))
    assert run(cli_db, "import", "-", "--dry-run") == 2
    one_line_error(capsys, "standard input is over 1 MB, the most Followup reads")
    assert not cli_db.exists()


def test_a_named_pipe_whose_writer_starts_late_is_read_whole(cli_db, capsys):
    """Read-through: opened without blocking, a FIFO with no writer yet read as empty ("the file is empty"),
    where `import FIFO` before the writer started waited for it (README: FILE may be a pipe)."""
    fifo = cli_db.parent / "sheet.fifo"
    os.mkfifo(fifo)

    def write_late() -> None:
        threading.Event().wait(0.3)  # the import is already waiting for a writer
        with open(fifo, "w", encoding="utf-8") as writer:
            writer.write("company,role,stage\nLate,R,awaiting\n")

    threading.Thread(target=write_late, daemon=True).start()
    assert run(cli_db, "import", str(fifo)) == 0, capsys.readouterr().err
    assert [a["company"] for a in json.loads(cli_db.read_text())["applications"].values()] == ["Late"]
