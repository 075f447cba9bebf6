"""`config KEY VALUE` with the value the file already holds writes nothing, and says so: it rewrote the
file (and its time), so an open board read its settings again, and `config` said "written"."""

from __future__ import annotations

import pytest

from cli_helpers import config_file, run


def test_setting_a_key_to_the_value_it_has_leaves_the_file_as_it_was(cli_home, tmp_path, capsys):
    path = config_file(tmp_path)
    path.write_text('name = "Alex Doe"   # as I like it\nfollow_up_limit = 2', encoding="utf-8")  # no final newline
    before = path.read_bytes()
    assert run(tmp_path / "db.json", "config", "name", "Alex Doe") == 0
    said = capsys.readouterr().out
    assert "already" in said and "nothing changed" in said and "written" not in said, said
    assert path.read_bytes() == before  # the comment and the missing newline too: not rewritten


def test_a_default_not_in_the_file_yet_is_still_written(cli_home, tmp_path, capsys):
    """Writing a key the file lacks pins it, even at its default: that is a change to the file."""
    path = config_file(tmp_path)
    path.write_text("", encoding="utf-8")
    assert run(tmp_path / "db.json", "config", "follow_up_limit", "2") == 0
    assert "follow_up_limit = 2" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("before, key, value, after", [
    ("use_thank_you = 1\n", "use_thank_you", "true", "use_thank_you = true\n"),
    ("thank_you_hours = 24.0\n", "thank_you_hours", "24", "thank_you_hours = 24\n"),
])
def test_a_value_equal_in_python_but_of_another_type_is_written(cli_home, tmp_path, capsys, before, key, value,
                                                                 after):
    """Read-through rv1 4: `use_thank_you = 1` is refused by every command, which names `followup config
    use_thank_you VALUE` as the fix; that fix said "already true; nothing changed" (1 == True)."""
    path = config_file(tmp_path)
    path.write_text(before, encoding="utf-8")
    assert run(tmp_path / "db.json", "list") == 2
    assert run(tmp_path / "db.json", "config", key, value) == 0
    assert path.read_text(encoding="utf-8") == after
    assert run(tmp_path / "db.json", "list") == 0
