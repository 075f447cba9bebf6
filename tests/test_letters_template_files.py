"""A user's template is read as text, or refused in words: no terminal controls, no second subject line,
and nothing but a file at its path (fuzz fz6 5, 8 and 9)."""

from __future__ import annotations

import pytest

from test_letters import NOW, SETTINGS, acme
from tui.core import letters
from tui.core.errors import ValidationError
from tui.core.text import is_clean


@pytest.mark.parametrize("control", ["\x1b[2J", "\x1b]52;c;SGVsbG8=\x07", "\x07", "\x00", "\x9b", "\u202e",
                                     "\u2066"])
def test_a_template_with_a_control_character_is_refused_naming_the_file_and_line(tmp_path, control):
    path = tmp_path / "thank-you.txt"
    path.write_text(f"Subject: Thanks\n\nHi {{interviewer_first_name}}\nsee {control} here\n", encoding="utf-8",
                    newline="")
    with pytest.raises(ValidationError) as refused:
        letters.draft(acme(), "thank-you", SETTINGS, NOW, interviewer_id="Dana", templates_dir=tmp_path)
    said = str(refused.value)
    assert said.startswith(f"template {path}, line 4: a control character (U+") and "\n" not in said, said
    assert is_clean(said)  # the message itself does not carry it to the terminal


def test_tabs_and_any_line_ends_are_text(tmp_path):
    for text in (b"Subject: Thanks\r\n\r\nHi\t{interviewer_first_name}\r\nbye\r\n",
                 b"Subject: Thanks\r\rHi\t{interviewer_first_name}\rbye\r"):  # Windows, an old Mac
        (tmp_path / "thank-you.txt").write_bytes(text)
        letter = letters.draft(acme(), "thank-you", SETTINGS, NOW, interviewer_id="Dana", templates_dir=tmp_path)
        assert letter.body == "Hi\tDana\nbye"
