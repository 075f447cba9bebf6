"""`followup interviewer ID NAME` finds a person met in an earlier round instead of adding a duplicate to
the latest one (review M #9), says which round in its line, and writes one history line that says what
changed (no bare "Edited round …" beside "Thanked X")."""

import pytest

from cli_helpers import digest, one_line_error, run
from tui.store.store import Store


def card(db):
    (app,) = Store(db).load_all()
    return app


def names(db):
    return [[p.name for p in rnd.interviewers] for rnd in sorted(card(db).rounds, key=lambda r: r.at)]


def lines(db):
    return [(e.at, e.text) for e in card(db).history]


def new_lines(db, before):
    """The texts of the history lines written since `before` (lines(db)): wherever their times put them."""
    return [text for at, text in lines(db) if (at, text) not in before]


@pytest.fixture
def fabrikam(cli_db, capsys):
    """Round 1 (Person35 A, Second35 B, both thanked), then round 2, "Onsite", with Cy Dee."""
    assert run(cli_db, "add", "Fabrikam", "--role", "F", "--at", "mon 10:00", "--interviewer", "Person35 A",
               "--interviewer", "Second35 B") == 0
    assert run(cli_db, "interviewer", "Fabrikam", "Person35", "--thanked", "mon 15:00") == 0
    assert run(cli_db, "interviewer", "Fabrikam", "Second35", "--thanked", "mon 16:00") == 0
    assert run(cli_db, "round", "Fabrikam", "--at", "yesterday 14:00", "--name", "Onsite",
               "--interviewer", "Cy Dee") == 0
    capsys.readouterr()
    return cli_db


def test_a_name_from_an_earlier_round_changes_that_person_not_a_new_one(fabrikam, capsys):
    assert run(fabrikam, "interviewer", "Fabrikam", "Person35", "--topic", "queues") == 0
    out = capsys.readouterr().out
    assert "Person35 A: updated in round 1 “Interview” (not in the latest round, “Onsite”)" in out
    assert names(fabrikam) == [["Person35 A", "Second35 B"], ["Cy Dee"]]
    person = card(fabrikam).rounds[0].interviewers[0]
    assert person.topic == "queues" and person.thanked_at is not None


def test_thanking_someone_already_thanked_is_refused_and_keeps_the_recorded_time(fabrikam, capsys):
    """Review N R1: the earlier-round lookup sent the common slip to a silent re-dating of the note (a
    second "Thanked" line, and stats counting it late)."""
    before = digest(fabrikam)
    thanked = card(fabrikam).rounds[0].interviewers[0].thanked_at
    assert run(fabrikam, "interviewer", "Fabrikam", "Person35", "--thanked", "today 11:00") == 2
    one_line_error(capsys, "Person35 A (round 1 “Interview”) was already thanked", "nothing changed")
    assert digest(fabrikam) == before and card(fabrikam).rounds[0].interviewers[0].thanked_at == thanked


def test_the_most_recent_round_where_the_name_matches_wins(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "SRE", "--at", "mon 10:00", "--interviewer", "Dana Kim") == 0
    assert run(cli_db, "round", "Acme", "--at", "tue 10:00", "--name", "Tech", "--interviewer", "Dana Kim") == 0
    assert run(cli_db, "round", "Acme", "--at", "today 9:00", "--name", "Final", "--interviewer", "Lee Park") == 0
    capsys.readouterr()
    assert run(cli_db, "interviewer", "Acme", "Dana", "--topic", "tracing") == 0
    assert "updated in round 2 “Tech”" in capsys.readouterr().out
    rounds = sorted(card(cli_db).rounds, key=lambda r: r.at)
    assert [r.interviewers[0].topic for r in rounds] == ["", "tracing", ""]


def test_a_name_nobody_on_the_card_has_is_still_added_to_the_latest_round(fabrikam, capsys):
    assert run(fabrikam, "interviewer", "Fabrikam", "Olga Pi", "--email", "olga@fab.example") == 0
    assert "Olga Pi: added to round 2 “Onsite”" in capsys.readouterr().out
    assert names(fabrikam) == [["Person35 A", "Second35 B"], ["Cy Dee", "Olga Pi"]]


def test_an_explicit_round_is_taken_at_its_word(fabrikam, capsys):
    assert run(fabrikam, "interviewer", "Fabrikam", "Person35 A", "--round", "2") == 0
    assert "added to round 2 “Onsite”" in capsys.readouterr().out
    assert names(fabrikam)[1] == ["Cy Dee", "Person35 A"]


def test_a_part_that_fits_several_earlier_people_is_refused(fabrikam, capsys):
    before = digest(fabrikam)
    assert run(fabrikam, "interviewer", "Fabrikam", "35", "--thanked") == 2
    one_line_error(capsys, "fits several", "Person35 A", "Second35 B")
    assert digest(fabrikam) == before


# --- the history says what changed, once ---------------------------------------------------------
def test_thanked_alone_writes_only_the_thanked_line(fabrikam):
    count = lines(fabrikam)
    assert run(fabrikam, "interviewer", "Fabrikam", "Cy", "--thanked", "today 9:00") == 0
    assert new_lines(fabrikam, count) == ["Thanked Cy Dee", "Interviewed → Thanked (every interviewer thanked)"]


def test_a_topic_writes_one_line_naming_the_person_and_what_changed(fabrikam):
    count = lines(fabrikam)
    assert run(fabrikam, "interviewer", "Fabrikam", "Cy", "--topic", "caching", "--title", "CTO") == 0
    assert new_lines(fabrikam, count) == ["Edited Cy Dee in round 2 “Onsite”: title, topic"]
    count = lines(fabrikam)
    assert run(fabrikam, "interviewer", "Fabrikam", "Cy", "--topic", "caching", "--thanked", "today 9:00") == 0
    # the same topic again changes nothing: the note and the move it makes, no "Edited" line
    assert new_lines(fabrikam, count) == ["Thanked Cy Dee", "Interviewed → Thanked (every interviewer thanked)"]


def test_an_added_person_is_one_line(fabrikam):
    count = lines(fabrikam)
    assert run(fabrikam, "interviewer", "Fabrikam", "Olga Pi", "--topic", "search") == 0
    assert new_lines(fabrikam, count) == ["Added Olga Pi to round 2 “Onsite”: topic"]


def test_the_first_of_two_notes_names_what_is_left(cli_db, capsys):
    assert run(cli_db, "add", "Gamma", "--role", "G", "--at", "yesterday 10:00", "--interviewer", "Ann Lee",
               "--interviewer", "Bob Ray") == 0
    capsys.readouterr()
    assert run(cli_db, "interviewer", "Gamma", "Bob", "--thanked") == 0
    assert "; next: Thank Ann Lee — Gamma, due " in capsys.readouterr().out
