"""config.toml is read only as a regular text file (settings.read_config), by every command and `config`.

Fuzz fz6: a FIFO there hung every command; a symlink to /dev/zero was read until memory ran out; a symlink
loop was taken for no file (the defaults, without a word); 600 nested brackets ended each command in a
RecursionError; and `config KEY VALUE` turned a CRLF file's line endings into LF.
"""

from __future__ import annotations

import os

import pytest

from cli_helpers import config_file, run


def file_hash(path) -> bytes:
    return path.read_bytes() if path.is_file() and not path.is_symlink() else b""


@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "loop", "deep"])
@pytest.mark.parametrize("argv", [["list"], ["due"], ["config"], ["config", "name", "Alex"]])
def test_a_config_that_is_no_settings_file_is_refused_in_one_line(cli_home, tmp_path, capsys, kind, argv):
    path = config_file(tmp_path)
    path.unlink(missing_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "loop":
        path.symlink_to(path.name)
    else:
        path.write_text("x = " + "[" * 600 + "]" * 600 + "\n")
    before = file_hash(path)
    capsys.readouterr()
    assert run(tmp_path / "db.json", *argv) == 2
    said = capsys.readouterr().err.strip()
    assert said.count("\n") == 0 and "Traceback" not in said and str(path) in said, said
    expected = {"fifo": "not a regular file", "device": "not a regular file", "folder": "not a regular file",
                "loop": "symbolic links", "deep": "nested"}[kind]
    assert expected in said, said
    assert file_hash(path) == before and (kind != "fifo" or path.is_fifo())


def test_config_key_value_keeps_a_crlf_file_crlf(cli_home, tmp_path):
    path = config_file(tmp_path)
    path.write_bytes(b'name = "A"\r\nfollow_up_limit = 2')
    assert run(tmp_path / "db.json", "config", "name", "Alex") == 0
    assert run(tmp_path / "db.json", "config", "signature", "Best") == 0
    assert path.read_bytes() == b'name = "Alex"\r\nfollow_up_limit = 2\r\nsignature = "Best"\r\n'
