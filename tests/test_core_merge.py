"""Notes changed on two sides keep both texts."""

from hypothesis import given
from hypothesis import strategies as st

from tui.core.merge import OURS_MARK, THEIRS_MARK, merge3

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
