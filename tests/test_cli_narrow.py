"""The command line in a narrow terminal (a 40-column tmux pane): every line fits, no word is split, nothing
is lost; to a pipe or a file the output is the 80-column text it always was.

Each command runs on the demo data three ways: to a pipe (80 columns) and as a terminal of 40 and 60
columns. The words of the narrow output, in order, must be the words of the 80-column one (bars, which
only shrink, aside): a word broken across two lines, or one lost, would show as a difference.
"""

import json
import re
import sys

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli_helpers import as_terminal, configure
from cli_helpers import run_captured as run
from tui.core.demo import demo_applications
from tui.core.text import cell_width, wrap_cells
from tui.store.store import Store

NOW = "2026-11-20T09:00:00Z"
ZONE = "Europe/Berlin"
BAR = re.compile(r"^[█▉▊▋▌▍▎▏░]+$")  # a bar's cells, which shrink with the width


@pytest.fixture
def demo(tmp_path, monkeypatch):
    configure(tmp_path, monkeypatch, f'timezone = "{ZONE}"\n', now=NOW)
    path = tmp_path / "demo.json"
    Store(path).open().add_many(demo_applications(pendulum.parse(NOW), pendulum.timezone(ZONE)))
    return path


def output(capsys, monkeypatch, columns, db, *argv) -> str:
    as_terminal(monkeypatch, columns)
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert code in (0, 1), err  # remind --dry-run without a channel says so and exits 1
    return out


def words(text: str) -> list[str]:
    return [word for word in text.split() if not BAR.match(word)]


def fits(text: str, columns: int) -> None:
    lines = text.splitlines()
    assert lines, "nothing printed"
    too_wide = [line for line in lines if cell_width(line) > columns]
    assert not too_wide, too_wide


COMMANDS = [
    ("stats",),
    ("due", "--within", "7"),
    ("show", "acme"),
    ("show", "northwind"),
    ("remind", "--dry-run"),
]


@pytest.mark.parametrize("columns", [40, 60])
@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_narrow_terminal_gets_every_word_whole_in_lines_that_fit(demo, capsys, monkeypatch, argv, columns):
    wide = output(capsys, monkeypatch, None, demo, *argv)
    narrow = output(capsys, monkeypatch, columns, demo, *argv)
    fits(narrow, columns)
    assert words(narrow) == words(wide)  # nothing split, lost or reordered
    assert len(narrow.splitlines()) > len(wide.splitlines())  # it did wrap: the demo has lines over 60


@pytest.mark.parametrize("columns", [40, 60])
def test_stats_bars_shrink_to_the_terminal_and_every_figure_stays(demo, capsys, monkeypatch, columns):
    wide = output(capsys, monkeypatch, None, demo, "stats")
    narrow = output(capsys, monkeypatch, columns, demo, "stats")
    figures = re.compile(r"\d+(?:\.\d+)?%?")
    assert figures.findall(narrow) == figures.findall(wide)
    bars = [line for line in narrow.splitlines() if "░" in line]
    assert len(bars) == 2 and all(line.count("\n") == 0 for line in bars)  # Answered, Gone silent: one line each
    assert "43%" in bars[0] and bars[0].rstrip().endswith("3 of 7")
    funnel = [line for line in narrow.splitlines() if line.startswith("  ") and line.rstrip()[-2:].strip().isdigit()
              and "█" in line]
    assert len(funnel) == 5  # each stage's bar and count on one line


@pytest.mark.parametrize("columns", [40, 60])
def test_list_in_a_narrow_terminal_shows_each_company_and_role_whole(demo, capsys, monkeypatch, columns):
    rows = json.loads(output(capsys, monkeypatch, None, demo, "list", "--json"))
    narrow = output(capsys, monkeypatch, columns, demo, "list")
    fits(narrow, columns)
    flowing = " ".join(narrow.split())
    for row in rows:  # the table cut "Senior Backend Engine…"; two lines an application keep it whole
        assert f"{row['short_id']} {row['stage']}" in flowing
        assert " ".join(f"{row['company']} — {row['role']}".split()) in flowing
    assert "…" not in narrow


def test_list_in_a_terminal_a_little_narrower_than_80_is_the_table_cut_at_its_cells(demo, capsys, monkeypatch):
    narrow = output(capsys, monkeypatch, 72, demo, "list")
    fits(narrow, 72)
    lines = narrow.splitlines()
    assert lines[0].split() == ["ID", "COMPANY", "ROLE", "STAGE", "NEXT"] and len(lines) == 14


@pytest.mark.parametrize("argv", [*COMMANDS, ("list",)], ids=" ".join)
def test_to_a_pipe_the_terminals_width_is_ignored(demo, capsys, monkeypatch, argv):
    """A script gets the 80-column text on every machine, whatever terminal it was started from."""
    as_terminal(monkeypatch, None)
    monkeypatch.setattr("shutil.get_terminal_size", lambda fallback=None: __import__("os").terminal_size((40, 9)))
    piped = output_without_terminal(capsys, demo, *argv)
    monkeypatch.setattr("shutil.get_terminal_size", lambda fallback=None: __import__("os").terminal_size((200, 9)))
    assert output_without_terminal(capsys, demo, *argv) == piped
    assert max(cell_width(line) for line in piped.splitlines()) > 60  # the demo's lines are laid out for 80
    if argv[0] in ("stats", "list", "due"):
        fits(piped, 80)


def output_without_terminal(capsys, db, *argv) -> str:
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert code in (0, 1), err
    return out


@pytest.mark.parametrize("argv", [("stats",), ("list",), ("due", "--within", "7")], ids=" ".join)
def test_below_40_columns_the_commands_lay_out_for_40(demo, capsys, monkeypatch, argv):
    assert output(capsys, monkeypatch, 20, demo, *argv) == output(capsys, monkeypatch, 40, demo, *argv)


def test_json_is_the_same_in_any_terminal(demo, capsys, monkeypatch):
    for argv in (("list", "--json"), ("stats", "--json"), ("show", "acme", "--json")):
        assert output(capsys, monkeypatch, 40, demo, *argv) == output(capsys, monkeypatch, None, demo, *argv)


def test_an_empty_file_says_how_to_add_in_lines_that_fit(tmp_path, capsys, monkeypatch):
    configure(tmp_path, monkeypatch, now=NOW)
    out = output(capsys, monkeypatch, 40, tmp_path / "empty.json", "list")
    fits(out, 40)
    assert " ".join(out.split()) == "no applications yet; add one with: followup add COMPANY --role ROLE --at WHEN"


def test_wide_characters_count_two_cells(tmp_path, capsys, monkeypatch):
    """A company named in CJK takes two cells a character: lines that fit in characters may not fit in cells."""
    configure(tmp_path, monkeypatch, now=NOW)
    db = tmp_path / "cjk.json"
    assert output(capsys, monkeypatch, None, db, "add", "株式会社テクノロジー研究所", "--role",
                  "シニア バックエンド エンジニア 募集中", "--at", "yesterday 10am", "--interviewer", "山田 太郎")
    for argv in (("list",), ("due",), ("show", "株式")):
        out = output(capsys, monkeypatch, 40, db, *argv)
        fits(out, 40)
        assert "株式会社テクノロジー研究所" in out  # whole: 26 cells fit on a line of their own


# --- the wrapper itself -------------------------------------------------------------
def test_a_line_that_fits_is_given_back_as_it_is():
    line = "Applications       13  (first round in the period)"
    assert wrap_cells(line, 60, 17) == [line]


def test_a_break_falls_between_items_then_columns_then_words():
    assert wrap_cells("Thank-you notes  13 sent · 13 within 24 h (100%) · median 4.0 h", 40, 17) == [
        "Thank-you notes  13 sent ·",
        "                 13 within 24 h (100%) ·",
        "                 median 4.0 h",
    ]
    assert wrap_cells("Days to answer   median 7.2 · middle half 6.1–7.4  (3 answers)", 40, 17) == [
        "Days to answer   median 7.2 ·",
        "                 middle half 6.1–7.4",
        "                 (3 answers)",
    ]


def test_a_word_longer_than_the_room_goes_whole_on_its_own_line_and_only_a_wider_one_is_broken():
    uuid = "3a977691-6fef-40fd-8473-07a12f52816f"
    assert wrap_cells(f"id          {uuid}", 40, 12) == ["id", f"    {uuid}"]
    assert wrap_cells("see " + "x" * 50, 20, 2) == ["see", "  " + "x" * 18, "  " + "x" * 18, "  " + "x" * 14]
    broken = wrap_cells("漢字" * 15, 20, 2)  # 30 wide characters: nine (18 cells) a line after the indent
    assert [cell_width(line) for line in broken] == [20, 20, 20, 8]
    assert "".join(line.strip() for line in broken) == "漢字" * 15


WORD = st.text(alphabet=st.sampled_from("abcdefghij漢字テキ—·é"), min_size=1, max_size=12)


@given(st.lists(WORD, min_size=1, max_size=30), st.lists(st.sampled_from([" ", "  ", " · ", "   "]), min_size=29,
                                                          max_size=29),
       st.integers(min_value=40, max_value=120), st.integers(min_value=0, max_value=30))
def test_every_line_fits_and_the_words_are_kept_in_order(chunks, gaps, width, indent):
    text = "".join(chunk + gap for chunk, gap in zip(chunks, gaps, strict=False)).rstrip()
    lines = wrap_cells(text, width, indent)
    assert all(cell_width(line) <= width for line in lines)
    assert " ".join(lines).split() == text.split()  # no word split (each is shorter than a line), none lost
    assert all(line.strip() for line in lines)


def test_a_remark_on_standard_error_fits_a_narrow_terminal_too(demo, capsys, monkeypatch):
    """Review Q: `remind --dry-run` at 45 columns broke its first remark mid-word ("set noti / fy_command")."""
    as_terminal(monkeypatch, 40)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    _, _, narrow = run(capsys, "--db", str(demo), "remind", "--dry-run")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    _, _, whole = run(capsys, "--db", str(demo), "remind", "--dry-run")
    fits(narrow, 40)
    assert words(narrow) == words(whole) and len(narrow.splitlines()) > len(whole.splitlines())
    assert "notify_command" in narrow.split()


def test_chinese_or_japanese_written_without_spaces_is_broken_under_its_column():
    """Review S3 6: a role in Japanese is one "word" to the wrapper, and went on a line of its own flush
    to the right edge; an id or an address still goes whole on its own line, to copy."""
    line = "ab12cd34  Acme  ソフトウェアエンジニア株式会社  interviewed"
    assert wrap_cells(line, 40, indent=12) == ["ab12cd34  Acme", "            ソフトウェアエンジニア株式会",
                                               "            社  interviewed"]
    address = "ab12cd34  Acme  dana.kim@averyveryverylongdomain.example  interviewed"
    assert wrap_cells(address, 40, indent=12)[1] == "dana.kim@averyveryverylongdomain.example"
    assert all(cell_width(part) <= 40 for part in wrap_cells(line, 40, indent=12))
