"""Notes changed on two sides keep both texts."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.merge import OURS_MARK, SPLIT_MARK, THEIRS_MARK, carry_offset, merge3

BASE = "# Acme\n- ask about on-call\n- salary band"


def test_changes_on_different_lines_merge_cleanly():
    ours = BASE.replace("on-call", "on-call rotation")
    theirs = BASE + "\n- send references"
    merged, conflicted = merge3(BASE, ours, theirs)
    assert not conflicted
    assert merged == "# Acme\n- ask about on-call rotation\n- salary band\n- send references"


def test_the_same_line_changed_twice_keeps_both_between_markers():
    ours = BASE.replace("salary band", "salary band 80k")
    theirs = BASE.replace("salary band", "salary band 90k")
    merged, conflicted = merge3(BASE, ours, theirs)
    assert conflicted
    assert "- salary band 80k" in merged and "- salary band 90k" in merged
    assert merged.index(OURS_MARK) < merged.index("80k") < merged.index("90k") < merged.index(THEIRS_MARK)


def test_one_side_unchanged_takes_the_other():
    assert merge3(BASE, BASE, BASE + "\nx") == (BASE + "\nx", False)
    assert merge3(BASE, BASE + "\ny", BASE) == (BASE + "\ny", False)


lines = st.lists(st.sampled_from(["a", "b", "c", "d", ""]), max_size=8).map("\n".join)


@given(base=lines, ours=lines, theirs=lines)
def test_no_line_either_side_added_is_ever_lost(base, ours, theirs):
    merged, _ = merge3(base, ours, theirs)
    kept = merged.split("\n")
    for side in (ours, theirs):
        added = [line for line in side.split("\n") if line not in base.split("\n")]
        for line in added:
            assert line in kept


# --- carrying a cursor through a reload: "|" marks the place before and where it must be after ---

def carried(before: str, after: str) -> str:
    old, place = before.replace("|", ""), before.index("|")
    new = after.replace("|", "")
    at = carry_offset(old, new, place)
    return new[:at] + "|" + new[at:]


@pytest.mark.parametrize("before, after", [
    # a line put in front (another board, `followup note`): the place moves on with its words
    ("cli second note|", "PREFIX LINE FROM B\ncli second note|"),
    ("|first line\nsecond", "PREFIX\n|first line\nsecond"),
    # a line added at the end, or an edit after the place: it stays
    ("one| two\nthree", "one| two\nthree\nfour"),
    ("typing here|", "typing here|\nappended elsewhere"),
    ("a|bc\nlast", "a|bc\nlast line changed"),
    # an edit earlier on the same line or above: the place keeps its words
    ("the salary band|", "the base salary band|"),
    ("x\nthe sal|ary", "x changed\nthe sal|ary"),
    # text inserted exactly at the place goes after it: the next key continues the word just typed
    ("foo|bar", "foo|XYZbar"),
    # the place inside words the other side replaced or removed: the end of what took their place
    ("keep\nold wo|rds\nend", "keep\nnew text|\nend"),
    ("keep\ngo|ne\nend", "keep\n|end"),
    ("keep\ngone|", "keep|"),
    ("|", "anything|"),
])
def test_a_cursor_is_carried_with_its_words(before, after):
    assert carried(before, after) == after


def test_after_a_conflicted_merge_the_cursor_stays_in_the_typed_line_not_in_a_marker():
    base = "# Acme\n- salary band\n- end"
    ours = "# Acme\n- salary band 80k\n- end"
    merged, conflicted = merge3(base, ours, base.replace("band", "band 90k"))
    assert conflicted
    place = carry_offset(ours, merged, ours.index("80k") + 3)
    assert merged[:place].endswith("\n- salary band 80k") and merged[place:].startswith(f"\n{SPLIT_MARK}")


def test_a_cursor_outside_the_text_is_held_to_it():
    assert carry_offset("abc", "abcd", 99) == 3 and carry_offset("abc", "xabc", -5) == 1


@given(old=lines, new=lines, data=st.data())
def test_the_carried_place_is_always_in_the_new_text(old, new, data):
    place = data.draw(st.integers(0, len(old)))
    assert 0 <= carry_offset(old, new, place) <= len(new)
    if old == new:
        assert carry_offset(old, new, place) == place


def test_the_stored_markers_name_no_side():
    """They are read later on any board and by `followup show`: "typed on this board" labelled the
    other board's text for every reader but the one that merged."""
    for mark in (OURS_MARK, THEIRS_MARK):
        assert "this board" not in mark and "elsewhere" not in mark
    merged, conflicted = merge3("a", "b", "c")
    assert conflicted and merged.split("\n") == [OURS_MARK, "b", SPLIT_MARK, "c", THEIRS_MARK]


@pytest.mark.parametrize(("ours", "theirs"), [
    ("# Acme\n- ask about on-call typed", "# Acme\n- ask about on-call\n\nfrom the command line"),
    ("# Acme\n- ask about on-call\n\nfrom the command line", "# Acme\n- ask about on-call typed"),
])
def test_a_note_appended_below_a_line_typed_on_merges_without_markers(ours, theirs):
    """Review: typing at the end of the notes while `followup note` appended one stored the last line
    twice between markers. One side edited the line, the other only added lines after it: both kept."""
    merged, conflicted = merge3("# Acme\n- ask about on-call", ours, theirs)
    assert not conflicted
    assert merged == "# Acme\n- ask about on-call typed\n\nfrom the command line"


@pytest.mark.parametrize("end", ["", "\n"])
def test_two_notes_added_at_the_end_are_both_kept_without_markers(end):
    """Review R8: a `followup note` added while a line was typed at the end of the open notes stored both
    between conflict markers; both only added lines there, so both are kept, theirs (written first) first."""
    base = f"# Acme\n- ask about on-call{end}"
    merged, conflicted = merge3(base, f"# Acme\n- ask about on-call\ntyped here{end}",
                                f"# Acme\n- ask about on-call\nfrom the command line{end}")
    assert not conflicted
    assert merged == f"# Acme\n- ask about on-call\nfrom the command line\ntyped here{end}"


@pytest.mark.parametrize(("base", "ours", "theirs", "merged"), [
    ("", "typed here", "from cli", "from cli\ntyped here"),  # a new card's first notes (review R9 5)
    ("a\nb", "a\nb\nline1\nline2", "a\nb\nline1", "a\nb\nline1\nline2"),  # ours goes on from theirs: once
    ("a\nb", "a\nb\nline1", "a\nb\nline1\nline2", "a\nb\nline1\nline2"),
])
def test_lines_added_by_both_never_come_twice_nor_between_markers(base, ours, theirs, merged):
    assert merge3(base, ours, theirs) == (merged, False)
