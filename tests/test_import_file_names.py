"""What an import says of the file itself: the line of a byte that is not UTF-8, a UTF-16 file, and the
name of a file given as a pipe (review T3 10 and 12)."""

import os

import pytest

from cli_helpers import run


def test_a_byte_that_is_not_utf8_is_named_by_its_line(cli_db, capsys):
    rows = "".join(f"Co {n},Dev,awaiting\n" for n in range(2, 4321))
    path = cli_db.parent / "bigl1.csv"
    path.write_bytes(("company,role,stage\n" + rows).encode() + "Espa\u00f1a,Dev,awaiting\n".encode("latin-1"))
    assert run(cli_db, "import", str(path)) == 2
    err = capsys.readouterr().err
    assert "bigl1.csv:4321: not UTF-8 text (byte 0xf1); save it as UTF-8 (in a spreadsheet: 'CSV UTF-8')" in err


@pytest.mark.parametrize(("name", "advice"), [("u.csv", " (in a spreadsheet: 'CSV UTF-8')"), ("u.json", "")])
def test_a_utf16_file_is_named_so(cli_db, capsys, name, advice):
    path = cli_db.parent / name
    path.write_bytes("company,role,stage\nA,Dev,awaiting\n".encode("utf-16"))
    assert run(cli_db, "import", str(path)) == 2
    assert capsys.readouterr().err.strip().endswith(f"{name} is UTF-16 text: save it as UTF-8{advice} and try again")


def test_a_file_given_as_a_pipe_is_named_as_given(cli_db, capsys):
    read, write = os.pipe()
    os.write(write, b"company,role,stage\nPiped,Dev,awaiting\n")
    os.close(write)
    try:
        assert run(cli_db, "import", f"/dev/fd/{read}", "--dry-run") == 0
    finally:
        os.close(read)
    assert capsys.readouterr().out.startswith(f"would import /dev/fd/{read}: 1 added")
