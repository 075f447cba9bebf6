"""Three-way merge of notes, line by line, so that text typed on two sides is never lost.

When the board's notes editor and another writer (a second board, `followup
note`) both changed the notes since the version they started from, the
result keeps both: lines changed on one side only take that side's version;
where both changed the same lines differently, both versions stay, between
markers the user can tidy by hand.
"""

from __future__ import annotations

from difflib import SequenceMatcher

# The markers are stored, and read later from any board or `followup show`: they name no side
# ("typed on this board" was wrong for every reader but one).
OURS_MARK = "<<<<<<< two edits of these lines crossed; one version:"
SPLIT_MARK = "======="
THEIRS_MARK = ">>>>>>> the other version (keep what you want, delete the rest)"


def _matches(base: list[str], other: list[str]) -> dict[int, int]:
    """Base line index -> index of the same line in `other`, for lines the two share in order."""
    found: dict[int, int] = {}
    for block in SequenceMatcher(None, base, other, autojunk=False).get_matching_blocks():
        for offset in range(block.size):
            found[block.a + offset] = block.b + offset
    return found


def _both_added(ours: list[str], theirs: list[str]) -> list[str]:
    """Lines both sides added at one place: both kept, theirs (written first) first, no markers; one that
    merely goes on from the other is that one, so no line is there twice."""
    if ours[:len(theirs)] == theirs:
        return ours
    if theirs[:len(ours)] == ours:
        return theirs
    return [*theirs, *ours]


def merge3(base: str, ours: str, theirs: str) -> tuple[str, bool]:
    """`ours` and `theirs` both made from `base`, merged; and whether any lines conflicted."""
    if ours == theirs or theirs == base:
        return ours, False
    if ours == base:
        return theirs, False
    if not base:  # a new card's first notes, typed while `followup note` added some (review R9 5)
        return "\n".join(_both_added(ours.split("\n"), theirs.split("\n"))), False
    b, o, t = base.split("\n"), ours.split("\n"), theirs.split("\n")
    in_ours, in_theirs = _matches(b, o), _matches(b, t)
    out: list[str] = []
    conflicted = False
    i = j = k = 0

    def settle(b_part: list[str], o_part: list[str], t_part: list[str]) -> None:
        nonlocal conflicted
        if o_part == b_part:
            out.extend(t_part)
        elif t_part == b_part or o_part == t_part:
            out.extend(o_part)
        elif b_part and t_part[:len(b_part)] == b_part:  # they only added lines after these (a note
            out.extend([*o_part, *t_part[len(b_part):]])  # appended below a line typed on): both kept
        elif b_part and o_part[:len(b_part)] == b_part:
            out.extend([*t_part, *o_part[len(b_part):]])
        elif not b_part:  # both only added lines at one place (a `followup note`, a line typed at the end)
            out.extend(_both_added(o_part, t_part))
        else:
            conflicted = True
            out.extend([OURS_MARK, *o_part, SPLIT_MARK, *t_part, THEIRS_MARK])

    while True:
        stable = next((n for n in range(i, len(b))
                       if n in in_ours and n in in_theirs and in_ours[n] >= j and in_theirs[n] >= k), None)
        if stable is None:
            settle(b[i:], o[j:], t[k:])
            break
        settle(b[i:stable], o[j:in_ours[stable]], t[k:in_theirs[stable]])
        out.append(b[stable])
        i, j, k = stable + 1, in_ours[stable] + 1, in_theirs[stable] + 1
    return "\n".join(out), conflicted


def carry_offset(old: str, new: str, offset: int) -> int:
    """Where a place in `old` (a cursor: a character offset) is in `new`, after another writer's change.

    So that someone typing in a text that is reloaded under them keeps typing
    where they were, in the same words, not at the same row and column of
    other lines. Lines are matched first (notes change line by line): lines
    inserted above the place move it on, lines inserted below leave it. In a
    line that changed, its characters are matched the same way; a place inside
    text the other side replaced or removed goes to the end of what took its
    place.
    """
    offset = max(0, min(offset, len(old)))
    old_lines, new_lines = old.split("\n"), new.split("\n")
    row = old.count("\n", 0, offset)
    column = offset - (old.rfind("\n", 0, offset) + 1)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        if not i1 <= row < i2:
            continue
        start = _line_start(new_lines, j1)
        if tag == "equal":
            return _line_start(new_lines, j1 + row - i1) + column
        if tag == "delete":  # the place's lines are gone: it goes to where they were
            return min(start, len(new))
        old_block, new_block = "\n".join(old_lines[i1:i2]), "\n".join(new_lines[j1:j2])
        return start + _carry_in_block(old_block, new_block, _line_start(old_lines, row) - _line_start(old_lines, i1)
                                       + column)
    return len(new)


def _line_start(lines: list[str], row: int) -> int:
    return sum(len(line) + 1 for line in lines[:row])


def _carry_in_block(old: str, new: str, offset: int) -> int:
    """`carry_offset` inside one changed block of lines, character by character.

    Text inserted exactly at the place goes after it: the place sticks to the
    character before it, which is the one just typed.
    """
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal" and i1 <= offset <= i2:
            return j1 + offset - i1
        if tag in ("replace", "delete") and i1 <= offset < i2:
            return j2
    return len(new)
