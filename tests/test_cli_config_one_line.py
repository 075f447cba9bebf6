"""Only the signature may run over lines (PRODUCT): a newline or a tab in any other setting is refused,
typed to `followup config` or found in config.toml, with one clear line and exit 2 (review T10)."""

from __future__ import annotations

import pytest

from cli_helpers import config_file, digest, one_line_error, run
from tui.core.errors import ValidationError
from tui.core.settings import Settings, settings_from_mapping

TEXT_KEYS = [key for key, default in Settings._field_defaults.items()
             if isinstance(default, (str, tuple)) and key != "signature"]


def test_every_text_setting_but_the_signature_is_checked():
    wanted = {"name", "pitch", "smtp_host", "notify_command", "smtp_password_command", "remind_channels"}
    assert wanted <= set(TEXT_KEYS)


@pytest.mark.parametrize("key", TEXT_KEYS)
@pytest.mark.parametrize("broken, kind", [("\n", "line break"), ("\t", "tab")])
def test_a_line_break_or_tab_typed_into_a_one_line_setting_is_refused(cli_home, tmp_path, capsys, key, broken, kind):
    path = config_file(tmp_path)
    path.write_text('# mine\nname = "Alex"\n', encoding="utf-8")
    before = digest(path)
    assert run(tmp_path / "db.json", "config", key, f"first{broken}second") == 2
    one_line_error(capsys, f"(VALUE of config) holds a {kind}", f"{key} is a one-line setting",
                   "only signature may run over lines", "put it on one line")
    assert digest(path) == before


def test_the_signature_still_takes_a_line_break_typed_or_written_as_backslash_n(cli_home, tmp_path):
    assert run(tmp_path / "db.json", "config", "signature", "Best,\nAlex") == 0
    assert 'signature = "Best,\\nAlex"' in config_file(tmp_path).read_text(encoding="utf-8")
    assert run(tmp_path / "db.json", "config", "signature", "Kind regards,\\nAlex") == 0
    assert 'signature = "Kind regards,\\nAlex"' in config_file(tmp_path).read_text(encoding="utf-8")


@pytest.mark.parametrize("line, named", [
    ('name = "Alex\\nDoe"', "name = 'Alex\\nDoe' holds a line break, and name is a one-line setting"),
    ('pitch = "a\\tb"', "pitch = 'a\\tb' holds a tab, and pitch is a one-line setting"),
    ('notify_command = "cat\\nrm -rf x"', "notify_command = 'cat\\nrm -rf x' holds a line break"),
    ('remind_channels = ["desktop\\n"]', "remind_channels = 'desktop\\n' holds a line break"),
    ('smtp_host = "mail\\u001b[31m"', "smtp_host = 'mail\\x1b[31m' holds a control character; remove it"),
])
@pytest.mark.parametrize("command", [("config",), ("list",)])
def test_a_config_file_holding_one_is_reported_in_one_line(cli_home, tmp_path, capsys, line, named, command):
    path = config_file(tmp_path)
    path.write_text(line + "\n", encoding="utf-8")
    assert run(tmp_path / "db.json", *command) == 2
    one_line_error(capsys, f"{path}: {named}")


def test_the_loader_lets_a_signature_run_over_lines_but_not_a_control_character():
    assert settings_from_mapping({"signature": "Best,\n\tAlex"}).signature == "Best,\n\tAlex"
    with pytest.raises(ValidationError, match="signature = .* holds a control character"):
        settings_from_mapping({"signature": "Best\x1b[2J"})
