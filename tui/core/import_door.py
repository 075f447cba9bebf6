"""What a whole record from an import file must pass before it is read as a card, beyond the record's own
checks: JSON as Followup writes it (strict_json), parts' ids of their own and a recruiter as the commands
read it (at_the_door). Asked at the door only, not of every card built: a data file an older import wrote
such a card into still reads (read-through rv1 1).
"""

from __future__ import annotations

import json
from typing import Any

from tui.core.errors import ValidationError
from tui.core.model import Application
from tui.core.parts import check_recruiter

MOST_DEPTH = 16  # levels of nesting: an export's deepest value (a history line's data) is at 6


class _KeyTwice(ValueError):
    pass


def _one_of_each_key(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _KeyTwice(key)
        found[key] = value
    return found


def strict_json(text: str) -> Any:
    """`text` read as JSON, ValueError saying why it is no JSON Followup wrote (JSONDecodeError, with its
    line, when it is no JSON at all). A key given twice in one object is refused: json keeps the last, and
    a second `"notes": ""` below the real notes emptied them (fuzz fz5 3); the CSV reader already refuses a
    column named twice. Nesting past MOST_DEPTH and an integer of thousands of digits are refused too: they
    ended the import in a RecursionError or a ValueError traceback (fz5 5)."""
    try:
        data = json.loads(text, object_pairs_hook=_one_of_each_key)
    except _KeyTwice as exc:
        raise ValueError(f"the key {str(exc)!r} is given twice in one object; keep one") from None
    except RecursionError:
        raise ValueError("its values are nested too deeply") from None
    except json.JSONDecodeError:
        raise
    except ValueError:  # "Exceeds the limit (4300 digits) for integer string conversion"
        raise ValueError("it holds a number thousands of digits long") from None
    level, values = 0, [data]
    while values:
        level += 1
        if level > MOST_DEPTH:
            raise ValueError("its values are nested too deeply")
        values = [inner for value in values for inner in
                  (value.values() if isinstance(value, dict) else value if isinstance(value, list) else ())
                  if isinstance(inner, (dict, list))]
    return data


def at_the_door(app: Application) -> Application:
    """A whole record from a file, checked as the commands and the forms check what they are given: its
    parts' ids (check_part_ids) and its recruiter, which `edit --recruiter` reads (an import took "\u200f"
    as it was, and an unchanged CSV round trip then cleared it: fuzz fz5 6)."""
    check_part_ids(app)
    app.recruiter = check_recruiter(app.recruiter)
    return app


def check_part_ids(app: Application) -> None:
    """Each round, interviewer, direction, contact and snooze of a card has an id of its own: the commands
    and the board find them by it. A block copied whole in an export keeps its id, and import took it:
    `interviewer acme "Lee Park" --thanked` then marked Dana, and `direction --done 2` closed direction 1
    (fuzz fz5 1). Refused naming both places; an id left out is made on import. Asked by at_the_door only."""
    people = [(f"rounds[{r}].interviewers[{i}]", person.id) for r, round_ in enumerate(app.rounds)
              for i, person in enumerate(round_.interviewers)]
    def listed(field: str) -> list[tuple[str, str]]:
        return [(f"{field}[{n}]", part.id) for n, part in enumerate(getattr(app, field))]

    for kind, parts in (("round", listed("rounds")), ("interviewer", people), ("direction", listed("directions")),
                        ("contact", listed("contacts")), ("snooze", listed("snoozes"))):
        seen: dict[str, str] = {}
        for where, part_id in parts:
            if not part_id.strip():
                raise ValidationError(f"{where}.id is blank: each {kind} needs an id (leave the key out, "
                                      "and one is made)")
            if part_id in seen:
                raise ValidationError(f"{where}.id {part_id!r} is also {seen[part_id]}'s: each {kind} needs an id "
                                      "of its own (a block copied whole keeps its id: leave the copy's out, and "
                                      "one is made)")
            seen[part_id] = where
