"""Every write of config.toml ends with a newline, whatever the file ended with before."""

from __future__ import annotations

import pytest

from cli_helpers import config_file, run


@pytest.mark.parametrize("before", ['name = "A"\nsignature = "x"', 'timezone = "Europe/Berlin"', "", "# mine\n"])
def test_config_writes_end_with_a_newline(cli_home, tmp_path, capsys, before):
    path = config_file(tmp_path)
    path.write_text(before, encoding="utf-8")
    assert run(tmp_path / "db.json", "config", "signature", "Best,\\nAlex") == 0
    text = path.read_text(encoding="utf-8")
    assert text.endswith('signature = "Best,\\nAlex"\n')
    assert run(tmp_path / "db.json", "config", "name", "Alex Doe") == 0
    assert path.read_text(encoding="utf-8").endswith("\n")
