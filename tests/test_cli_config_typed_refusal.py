"""`followup config KEY VALUE` with a bad VALUE refuses the value typed and says the file was left as it
is (review R6 7): it used the very words of a bad value in the file ("…/config.toml: thank_you_hours =
'abc' is not allowed"), which read as a broken config.toml. A bad value really in the file keeps them."""

from __future__ import annotations

from cli_helpers import config_file, configure, digest, run


def test_a_bad_value_typed_is_refused_as_typed_and_the_file_keeps_its_own(tmp_path, monkeypatch, capsys):
    configure(tmp_path, monkeypatch, 'timezone = "Europe/Berlin"\nthank_you_hours = 12\n')
    path = config_file(tmp_path)
    before = digest(path)
    assert run(tmp_path / "db.json", "config", "thank_you_hours", "abc") == 2
    assert capsys.readouterr().err == (
        "followup: thank_you_hours = 'abc' is not allowed; use a whole number of hours from 1 to 168. "
        f"Nothing was written: {path} keeps thank_you_hours = 12\n")
    assert digest(path) == before


def test_a_key_the_file_lacks_says_nothing_was_written_to_it(tmp_path, monkeypatch, capsys):
    configure(tmp_path, monkeypatch)
    path = config_file(tmp_path)
    assert run(tmp_path / "db.json", "config", "use_thank_you", "maybe") == 2
    assert capsys.readouterr().err == (
        f"followup: use_thank_you = 'maybe' is not allowed; use true or false. Nothing was written to {path}\n")


def test_a_bad_value_in_the_file_is_still_said_as_the_files(tmp_path, monkeypatch, capsys):
    configure(tmp_path, monkeypatch, "thank_you_hours = 0\n")
    path = config_file(tmp_path)
    assert run(tmp_path / "db.json", "config", "name", "Alex") == 2
    assert capsys.readouterr().err == (
        f"followup: {path}: thank_you_hours = 0 is not allowed; use a whole number of hours from 1 to 168; "
        "`followup config thank_you_hours VALUE` sets it in place\n")
