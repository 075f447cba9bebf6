"""HOME that does not exist: Followup makes none of its folders under it (fuzz fz6 9: HOME=/nonexistent
made all of /nonexistent/.local/share/followup, as root, for a store that then looked empty). A set XDG
folder is still made, as the XDG spec asks."""

from __future__ import annotations

from cli_helpers import run
from tui import cli


def test_a_first_add_or_config_under_a_missing_home_is_refused_and_makes_nothing(tmp_path, monkeypatch, capsys):
    home = tmp_path / "gone" / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("FOLLOWUP_DB", raising=False)
    assert cli.main(["add", "Acme", "--role", "Dev", "--at", "2026-11-20 10:00", "-q"]) == 2
    assert "it is HOME, and it does not exist; set HOME or XDG_DATA_HOME, or name the file with --db" in (
        capsys.readouterr().err)
    assert cli.main(["config", "name", "Alex"]) == 2
    said = capsys.readouterr().err
    assert "set HOME or XDG_CONFIG_HOME; nothing was written" in said and "--db" not in said
    assert not (tmp_path / "gone").exists()


def test_a_set_xdg_folder_is_made_whatever_home_is(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "gone"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("FOLLOWUP_DB", raising=False)
    assert cli.main(["add", "Acme", "--role", "Dev", "--at", "2026-11-20 10:00", "-q"]) == 0
    assert (tmp_path / "data" / "followup" / "followup.json").is_file()
    assert run(tmp_path / "data" / "followup" / "followup.json", "list") == 0


def test_list_under_a_missing_home_says_why_nothing_is_there(tmp_path, monkeypatch, capsys):
    """Read-through rv1 6: "no applications yet" alone read as if the cards were gone."""
    monkeypatch.setenv("HOME", str(tmp_path / "gone"))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("FOLLOWUP_DB", raising=False)
    assert cli.main(["list"]) == 0
    assert "the data file cannot be made: " in capsys.readouterr().err
    assert not (tmp_path / "gone").exists()
