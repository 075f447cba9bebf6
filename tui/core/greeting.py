"""The name a letter greets someone by ("Dr. Ada Wong" -> "Dr. Wong"), and whether a name is a title alone.

Kept apart from the record parts (parts.py): the card's "Thank …" line, the letters' {…_first_name}
gaps and a letter file's name all ask this one rule.
"""

from __future__ import annotations

import itertools

# Titles a name may start with (compared without a dot, in any case). A letter greets a titled person by
# the title and surname ("Dr. Wong"), never by the title alone ("Hi Dr.,"). Sir and Dame go with the given
# name instead ("Sir Tim"): that is how those two are used.
TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame"})
_WITH_GIVEN_NAME = frozenset({"sir", "dame"})
# What may follow a surname and is not part of it: "Dr. Ada Wong Jr." is greeted as "Dr. Wong".
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})
_ARTICLES = frozenset({"the", "a", "an"})  # lower case: a team or a role, not a person's name


def bare_word(word: str) -> str:
    return word.strip(".,").casefold()


def _is_particle(word: str) -> bool:
    """A word that starts a surname and is no name of its own: "van", "de", "'t" (lower case, or an
    apostrophe's contraction)."""
    return word[:1].islower() or (word[:1] in "'’" and word[1:2].islower())


def is_title_only(name: str) -> bool:
    """Whether `name` is titles and nothing else ("Dr.", "Prof. Dr."): no one to greet by name. A letter
    then leaves its [name?] gap to fill (letters._greeting); a card still shows what was typed."""
    return bool(name.split()) and all(bare_word(word) in TITLES for word in name.split())


def greeting_name(name: str) -> str:
    """The name a letter greets someone by: the first name ("Ada Wong" -> "Ada"), or, after a title, the
    title with the surname ("Dr. Ada Wong" -> "Dr. Wong", "Ms. Priya O'Brien-Smith" -> "Ms. O'Brien-Smith",
    "Prof. Jan van der Berg" -> "Prof. van der Berg", "Dr. Gerard 't Hooft" -> "Dr. 't Hooft"): a particle
    is one by `_is_particle` with a title or without. The one source of every "first name" a template
    fills ({interviewer_first_name}, {recipient_first_name}); a name that is a title alone comes back as
    it is, and `is_title_only` tells a letter so, which then never opens with "Hi Dr.,"."""
    parts = name.split()
    if len(parts) > 1 and parts[0] in _ARTICLES:  # a recruiter written as "the hiring team": "Hi hiring team,"
        return " ".join(parts[1:])
    titles: list[str] = []
    while parts and bare_word(parts[0]) in TITLES and len(parts) > 1:
        titles.append(parts.pop(0))
    if not parts:
        return ""
    if not titles:
        if _is_particle(parts[0]) and len(parts) > 1:  # "'t Hooft", "van Rossum": a surname, greeted whole
            particles = list(itertools.takewhile(_is_particle, parts))
            if len(particles) < len(parts):
                return " ".join(parts[:len(particles) + 1]).rstrip(",")
        return parts[0].rstrip(",")
    if bare_word(titles[-1]) in _WITH_GIVEN_NAME:
        return " ".join([*titles, parts[0].rstrip(",")])
    while len(parts) > 1 and bare_word(parts[-1]) in SUFFIXES:
        parts.pop()
    surname = [parts.pop().rstrip(",")]
    if parts and all(_is_particle(word) for word in parts) and not _is_particle(surname[0]):
        # "Ms van der Berg": no given name, every word is her surname (a name typed all lower case is not)
        return " ".join([*titles, *parts, *surname])
    while len(parts) > 1 and _is_particle(parts[-1]):  # particles (van, der, 't); the given name stays out
        surname.insert(0, parts.pop())
    return " ".join([*titles, *surname])
