"""A user's template is read as text, or refused in words: no terminal controls, no second subject line,
and nothing but a file at its path (fuzz fz6 5, 8 and 9)."""

from __future__ import annotations

import os
import threading

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


def test_a_two_line_signature_in_the_subject_keeps_it_one_line(tmp_path):
    (tmp_path / "thank-you.txt").write_text("Subject: From {signature} re {role}\n\nHi {interviewer_first_name}\n",
                                            encoding="utf-8")
    letter = letters.draft(acme(), "thank-you", SETTINGS, NOW, interviewer_id="Dana", templates_dir=tmp_path)
    assert letter.subject == "From Alex Morgan +44 20 7946 0000 re Senior Backend Engineer"
    assert letter.text.split("\n")[:2] == [f"Subject: {letter.subject}", ""]
    body = (tmp_path / "thank-you.txt")
    body.write_text("Subject: Thanks\n\nHi {interviewer_first_name}\n\n{signature}\n", encoding="utf-8")
    letter = letters.draft(acme(), "thank-you", SETTINGS, NOW, interviewer_id="Dana", templates_dir=tmp_path)
    assert letter.body.endswith("Alex Morgan\n+44 20 7946 0000")  # the body keeps its lines


def test_a_subject_put_on_one_line_keeps_a_no_break_space_inside_a_value():
    """Read-through rv1 8: joined on str.split(), "Alex\u00a0Doe" lost its no-break space too."""
    from tui.core.templates import fill

    filled, _ = fill("Subject: From {my_name} re x", {"my_name": "Alex\u00a0Doe\n  Phone 123"}, sentences=False)
    assert filled == "Subject: From Alex\u00a0Doe Phone 123 re x"


def _refused(tmp_path) -> str:
    with pytest.raises(ValidationError) as refused:
        letters.draft(acme(), "thank-you", SETTINGS, NOW, interviewer_id="Dana", templates_dir=tmp_path)
    said = str(refused.value)
    assert said.startswith(f"template {tmp_path / 'thank-you.txt'}: cannot be read (") and "\n" not in said, said
    assert said.endswith("; fix or remove it")
    return said


def test_a_folder_or_a_device_in_place_of_a_template_is_refused_not_skipped(tmp_path):
    (tmp_path / "thank-you.txt").mkdir()
    assert "not a regular file" in _refused(tmp_path)
    os.rmdir(tmp_path / "thank-you.txt")
    os.symlink("/dev/zero", tmp_path / "thank-you.txt")
    assert "not a regular file" in _refused(tmp_path)


def test_a_link_to_nothing_or_a_loop_is_refused_not_skipped(tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "thank-you.txt")
    assert "a link to a file that does not exist" in _refused(tmp_path)
    os.remove(tmp_path / "thank-you.txt")
    os.symlink("thank-you.txt", tmp_path / "thank-you.txt")
    assert "symbolic links" in _refused(tmp_path)


def test_a_fifo_in_place_of_a_template_is_refused_without_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / "thank-you.txt")
    said: list[str] = []
    reader = threading.Thread(target=lambda: said.append(_refused(tmp_path)), daemon=True)
    reader.start()
    reader.join(timeout=20)
    assert not reader.is_alive(), "reading the template waited on the FIFO"
    assert "not a regular file" in said[0]
