"""Three-way merge of notes, line by line, so that text typed on two sides is never lost.

When the board's notes editor and another writer (a second board, `followup
note`) both changed the notes since the version they started from, the
result keeps both: lines changed on one side only take that side's version;
where both changed the same lines differently, both versions stay, between
markers the user can tidy by hand.
"""

from __future__ import annotations

from difflib import SequenceMatcher

OURS_MARK = "<<<<<<< typed on this board"
SPLIT_MARK = "======="
THEIRS_MARK = ">>>>>>> saved elsewhere meanwhile"


def _matches(base: list[str], other: list[str]) -> dict[int, int]:
    """Base line index -> index of the same line in `other`, for lines the two share in order."""
    found: dict[int, int] = {}
    for block in SequenceMatcher(None, base, other, autojunk=False).get_matching_blocks():
        for offset in range(block.size):
            found[block.a + offset] = block.b + offset
    return found


def merge3(base: str, ours: str, theirs: str) -> tuple[str, bool]:
    """`ours` and `theirs` both made from `base`, merged; and whether any lines conflicted."""
    if ours == theirs or theirs == base:
        return ours, False
    if ours == base:
        return theirs, False
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
