"""Text that is safe to store and to print: no terminal controls, nothing that is not Unicode."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# C0 and C1 (less tab and newline), and the bidirectional embeddings, overrides and isolates: they
# reorder what the terminal shows after them (a company name could reverse the rest of its line).
# The marks that right-to-left text needs (U+200E, U+200F) stay.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LONE_SURROGATES = re.compile(r"[\ud800-\udfff]")  # what undecodable bytes become in Python


def clean_text(text: str) -> str:
    """`text` with control characters dropped and undecodable bytes shown as U+FFFD."""
    return CONTROLS.sub("", _LONE_SURROGATES.sub("\ufffd", text))


def is_clean(text: str) -> bool:
    return not (CONTROLS.search(text) or _LONE_SURROGATES.search(text))


def unclean_words(text: str) -> str:
    """What makes a text that is not clean so, for a message: 'a control character', or the half of a
    character a broken script or an escape like \\ud800 leaves (it cannot even be written as UTF-8)."""
    if _LONE_SURROGATES.search(text):
        return "a broken character (a lone surrogate such as \\ud800, not text)"
    return "a control character"


# What shows nothing on its own: spaces, format characters (Cf: the zero-width space and joiners, the
# direction marks, the word joiner, the byte order mark, the tags), combining marks with no letter to sit
# on (Mn, Me), controls and lone surrogates (Cc, Cs: refused elsewhere, and no name on their own), and the
# Hangul fillers (letters by category, blank by design). Inside a visible name they stay: an RLM in a
# right-to-left name, a joiner in an emoji sequence.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Mn", "Me", "Zs", "Zl", "Zp", "Cc", "Cs"})
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0")


def has_visible(text: str) -> bool:
    """Whether `text` shows anything: a name of only zero-width or format characters was stored and
    printed blank ("Follow up — \u200b") where a name of spaces is refused as empty (fz2 5)."""
    if text.isascii():
        return any(" " < char < "\x7f" for char in text)
    return any(char not in _FILLERS and unicodedata.category(char) not in _INVISIBLE_CATEGORIES
               for char in text)


# A newline or a tab is text only where text may run over lines: a card's notes, and its history (which
# quotes what the notes were). Everywhere else (company, role, recruiter, a round's name, an interviewer's
# name or title, a direction, the pitch…) it would break the one line the command
# line, `show`, an export's heading or a reminder's title prints it on. Named as paths without indexes.
LINE_BREAKS = re.compile(r"[\n\t]")
MULTI_LINE_FIELDS = frozenset({"notes", "history"})
# The one setting that runs over lines (PRODUCT: "signature may hold \n"): every other (name, pitch,
# smtp_host, notify_command…) is printed by `followup config` on one line, or is a letter's one line, a
# host or a command, where a newline would be a second line or a second command.
MULTI_LINE_SETTINGS = frozenset({"signature"})

# Unicode's own line and paragraph separators: a line break in a one-line field as much as \n is (they
# passed as blank where an empty value clears the field, and were printed raw: review R-final 4). With
# LINE_BREAKS and the controls (which clean_text drops), every character str.splitlines() breaks at.
LINE_SEPARATORS = re.compile("[\u2028\u2029]")
# Every break a one-line field refuses or (a paste) makes a space, and the words that name each.
ONE_LINE_BREAKS = re.compile("[\n\t\u2028\u2029]")
BREAK_NAMES = {"\n": "a line break", "\t": "a tab", "\u2028": "a line separator (U+2028)",
               "\u2029": "a paragraph separator (U+2029)"}
# The controls str.splitlines() breaks at too (VT, FF, FS, GS, RS, NEL): in a paste they end a line, and
# dropped as controls they glued its two lines together ("Acme<FF>Robotics" pasted as "AcmeRobotics").
CONTROL_LINE_ENDS = re.compile("[\x0b\x0c\x1c-\x1e\x85]")


def on_one_line(text: str) -> str:
    """`text` with each line break, separator and tab a space: what a one-line field takes of a paste."""
    return ONE_LINE_BREAKS.sub(" ", text)


def is_multi_line(path: str) -> bool:
    """Whether the field at `path` ("directions[0].text", "notes") may hold newlines and tabs."""
    plain = re.sub(r"\[\d+\]", "", path)
    return any(plain == field or plain.startswith(field + ".") for field in MULTI_LINE_FIELDS)


def sentence(phrase: str) -> str:
    """A phrase the core words for the middle of a line ("nothing of yours to snooze on Acme") as a sentence
    of its own: a capital first, a full stop last (not a second one)."""
    return phrase[:1].upper() + phrase[1:] + ("" if phrase.endswith(".") else ".")


def line_feeds(text: str) -> str:
    """A multi-line text's line ends as LF: a CRLF (Windows, a spreadsheet cell) or a lone CR (an old Mac)
    is a line break, where the CR alone is a control character that refused the whole note (review T3 7)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _texts(value: Any, path: str, change: Any) -> Any:
    """`value` (plain data, as `first_unclean` walks it) with `change(text, path)` put for each text."""
    if isinstance(value, str):
        return change(value, path)
    if isinstance(value, list):
        return [_texts(item, f"{path}[{index}]", change) for index, item in enumerate(value)]
    if isinstance(value, dict):
        return {key: _texts(item, f"{path}.{key}" if path else str(key), change) for key, item in value.items()}
    return value


def one_lined(value: Any, path: str = "") -> Any:
    """`value` (plain data, as `first_unclean` walks it) with each newline or tab outside the multi-line
    fields made a space, as the board makes one typed into a one-line field: what schema 5's migration does
    to a file written before the rule, and what reading a hand-edited file does. In the multi-line fields,
    line ends are made LF (`line_feeds`)."""
    return _texts(value, path, lambda text, where: (line_feeds(text) if is_multi_line(where)
                                                    else LINE_BREAKS.sub(" ", text)))


def multi_line_feeds(value: Any, path: str = "") -> Any:
    """`value` with the line ends of its multi-line fields made LF (`line_feeds`) and nothing else changed:
    what an import does at the door, where a line break in a one-line field is refused, not made a space."""
    return _texts(value, path, lambda text, where: line_feeds(text) if is_multi_line(where) else text)


def first_unclean(value: Any, path: str = "", *, one_line: bool = False,
                  before: Any = None, broken: bool = False, separators: bool = False) -> tuple[str, str] | None:
    """Where in plain data (dicts, lists, texts) the first text that is not clean sits ("rounds[0].name";
    "" for `value` itself) and that text, or None when every text is clean. A dict's keys are texts too
    (a free-form `data` record's): one that is not clean is named by its place.

    With `one_line`, a newline or a tab outside the multi-line fields (`is_multi_line`) is not clean
    either; a text equal to the one at the same place in `before` (the record as the data file holds
    it) is let through, so a value stored before this rule never stops the rest of an edit. With `broken`,
    only a text holding a lone surrogate (that cannot be written as UTF-8) is unclean. With `separators`
    too, U+2028 and U+2029 break a one-line field as a newline does (what comes in at the door: an import
    let them into a company, which `show` then printed raw and could not find, fuzz fz5 4; a file holding
    one from before is still read)."""
    if isinstance(value, str):
        if _LONE_SURROGATES.search(value) if broken else not is_clean(value):
            return path, value
        if (one_line and (ONE_LINE_BREAKS if separators else LINE_BREAKS).search(value)
                and value != before and not is_multi_line(path)):
            return path, value
        return None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        was = None
        if isinstance(before, dict) and not isinstance(key, int):
            was = before.get(key)
        elif isinstance(before, list) and isinstance(key, int) and key < len(before):
            was = before[key]
        where = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else str(key)
        if isinstance(key, str) and (_LONE_SURROGATES.search(key) if broken else not is_clean(key)):
            return (f"a key of {path}" if path else "a key"), key
        found = first_unclean(item, where, one_line=one_line, before=was, broken=broken, separators=separators)
        if found is not None:
            return found
    return None


def cell_width(text: str) -> int:
    """How many terminal cells `text` takes: a wide character (CJK, most emoji) takes two, a
    combining mark none. The board and the command line both measure with this, so their
    columns agree; rich's table is the one the board's widgets use, and plain ASCII skips it."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len  # rich, not Textual: 14 ms, paid only for non-ASCII text

    return cell_len(text)


def fit_cells(text: str, width: int) -> str:
    """`text` on one line, exactly `width` cells: cut with an ellipsis, or padded. The one place
    text is cut to a width for the terminal (board cards, sidebar rows, CLI tables), so a wide
    character is never cut in half and columns line up."""
    if width <= 0:
        return ""
    line = str(text).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    if line.isascii():
        if len(line) > width:
            line = line[: width - 1] + "…"
        return line + " " * (width - len(line))
    if cell_width(line) > width:
        kept, used = [], 0
        for char in line:
            size = cell_width(char)
            if used + size > width - 1:
                break
            kept.append(char)
            used += size
        line = "".join(kept) + "…"
    return line + " " * max(0, width - cell_width(line))


_WORDS = re.compile(r"(\s*)(\S+)")
# kana, CJK: as code point ranges, not a regex character class (compiling that one cost 2-4 ms of every start)
_WITHOUT_SPACES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


def _written_without_spaces(word: str) -> bool:
    """Whether `word` has Chinese or Japanese in it: written without spaces, so broken anywhere."""
    return any(low <= ord(char) <= high for char in word for low, high in _WITHOUT_SPACES)
_COLUMN_GAP = re.compile(r"( {2,})")  # two spaces or more: between a table's columns


def wrap_cells(text: str, width: int, indent: int = 0, separator: str = " · ") -> list[str]:
    """`text` as lines of at most `width` cells, broken only between words: the one place text is
    wrapped to a width for the terminal (the command line in a narrow terminal), as `fit_cells` is
    the one place it is cut. A line that fits is given back as it is (its spacing kept, so a column
    layout that fits is untouched); a longer one keeps the spacing of what stays on each line, and
    every further line starts `indent` spaces in, under the column it continues.

    A break falls at the widest boundary that lets a part stay whole: between the items of a list
    ("13 sent · 13 within 24 h · median 4.0 h", split at `separator`), then at a gap of two spaces
    or more (between columns: "6.1–7.4  (3 answers)"), then between words. A word longer than a
    line's room after `indent` goes on a line of its own, indented less (an id, an address stays
    whole to copy); only one longer than `width` is broken inside, at a cell boundary (never through
    a wide character), and so is one in Chinese or Japanese, written without spaces, under its column."""
    if width <= 0 or cell_width(text) <= width:
        return [text]
    indent = max(0, min(indent, width // 2))
    margin = " " * indent
    mark = separator.rstrip()  # " · " ends a line as " ·"; "   " (a gap between columns) as nothing
    between = separator[len(mark):]
    lines: list[str] = []
    line: str | None = None  # None until the first part is placed: it keeps its own leading spaces

    def parts(piece: str, level: int) -> list[tuple[str, str]]:
        """`piece` split at the boundaries of `level`, as (the space before, the part)."""
        if level == 0:
            items = piece.split(separator) if separator else [piece]
            return [("" if n == 0 else between, item + (mark if n < len(items) - 1 else ""))
                    for n, item in enumerate(items)]
        if level == 1:
            split, found, gap = _COLUMN_GAP.split(piece), [], ""
            for n, chunk in enumerate(split):
                if n % 2:
                    gap += chunk
                elif chunk:
                    found.append((gap, chunk))
                    gap = ""
            return found
        return _WORDS.findall(piece)

    def long_word(word: str) -> None:
        nonlocal line
        if cell_width(word) <= width and not _written_without_spaces(word):
            # an id, an address: whole on a line of its own, less indented (Chinese or Japanese, written
            # without spaces, is broken where the line ends instead, under its column: review S3 6)
            line = " " * (width - cell_width(word)) + word
            return
        room = width - indent
        while cell_width(word) > room:
            size, cut = 0, len(word)
            for index, char in enumerate(word):
                size += cell_width(char)
                if size > room:
                    cut = max(1, index)
                    break
            lines.append(margin + word[:cut])
            word = word[cut:]
        line = margin + word

    def fill(gap: str, piece: str, level: int) -> None:
        nonlocal line
        if line is None and cell_width(gap + piece) <= width:
            line = gap + piece
        elif line is not None and cell_width(line + gap + piece) <= width:
            line += gap + piece
        elif line is not None and line.strip() and cell_width(margin + piece) <= width:
            lines.append(line.rstrip())
            line = margin + piece
        elif level < 2:
            for number, (space, part) in enumerate(parts(piece, level + 1)):
                fill(gap + space if number == 0 else space, part, level + 1)
        else:  # a word longer than a whole line
            if line is not None and line.strip():
                lines.append(line.rstrip())
            long_word(piece)

    for space, part in parts(text, 0):
        fill(space, part, 0)
    lines.append((line or "").rstrip())
    return lines


def plural(count: int, noun: str, plural_form: str = "") -> str:
    """`noun` in the number `count` asks for: 'application' for 1, else 'applications' (or `plural_form`,
    for a noun that does not just take an s). The one plural rule for what the app prints."""
    return noun if count == 1 else plural_form or noun + "s"


def counted(count: int, noun: str, plural_form: str = "") -> str:
    """'1 application', '3 applications', '0 applications' ("wrote 1 applications" was a copy that
    forgot the rule)."""
    return f"{count} {plural(count, noun, plural_form)}"


def folded(text: str) -> str:
    """`text` for matching what a person types: case and accents dropped ("José" and "jose" are one
    name on a keyboard without é). The one fold of the board's filter and of a typed interviewer."""
    if text.isascii():
        return text.lower()
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch))


# What a POSIX shell takes as one word without quotes; anything else is quoted by shell_word.
_SAFE = re.compile(r"[A-Za-z0-9@%+=:,./_-]+")


def shell_word(text: str) -> str:
    """`text` as one word for a POSIX shell, in double quotes when it needs any ("Dana Kim")."""
    if _SAFE.fullmatch(text):
        return text
    return '"' + re.sub(r'([\\"$`])', r"\\\1", text) + '"'
