"""`--interviewer` reads people as every form does (Interviewer.parse_many): one value may name several,
separated by `;` or `,`; the option may also be repeated; bad values are one line, exit 2, file unchanged."""

import pytest

from cli_helpers import digest, one_line_error, run
from tui.store.store import Store


def people(db) -> list[list[tuple[str, str]]]:
    (app,) = Store(db).load_all()
    return [[(p.name, p.email) for p in rnd.interviewers] for rnd in sorted(app.rounds, key=lambda r: r.at)]


@pytest.fixture
def acme(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "SRE", "--at", "yesterday 10am", "-q") == 0
    capsys.readouterr()
    return cli_db


@pytest.mark.parametrize("value", ["Dana Kim; Lee Park", "Dana Kim, Lee Park", " Dana Kim ;Lee Park; "])
def test_round_reads_several_people_in_one_value_like_the_forms(acme, value):
    assert run(acme, "round", "acme", "--at", "today 9:00", "--name", "Final", "--interviewer", value) == 0
    assert people(acme)[-1] == [("Dana Kim", ""), ("Lee Park", "")]


def test_round_mixes_one_value_with_several_and_repeated_values(acme):
    assert run(acme, "round", "acme", "--at", "today 9:00", "--interviewer", "Dana Kim <dana@acme.example>; Lee Park",
               "--interviewer", "Kim, Ann <ann@acme.example>") == 0
    # as in the forms: commas inside <…> do not split, outside they do
    assert people(acme)[-1] == [("Dana Kim", "dana@acme.example"), ("Lee Park", ""), ("Kim", ""),
                                ("Ann", "ann@acme.example")]


def test_add_reads_its_interviewers_the_same_way(cli_db):
    assert run(cli_db, "add", "Acme", "--role", "SRE", "--at", "yesterday 10am", "-q",
               "--interviewer", "Dana Kim; Lee Park <lee@acme.example>") == 0
    assert people(cli_db) == [[("Dana Kim", ""), ("Lee Park", "lee@acme.example")]]


@pytest.mark.parametrize("value, needle", [
    ("", "--interviewer is given an empty value"),
    (" ; ", "--interviewer is empty"),
    ("Dana Kim; Bob <bob@x", "Name <email>"),
])
def test_bad_interviewer_values_change_nothing(acme, capsys, value, needle):
    before = digest(acme)
    assert run(acme, "round", "acme", "--at", "today 9:00", "--interviewer", value) == 2
    one_line_error(capsys, needle)
    assert digest(acme) == before


def test_an_old_file_keeps_its_ids_across_reads_and_a_refused_command_leaves_it_byte_for_byte(
        cli_home, capsys):
    """A schema-0 file (no ids): `list` twice gives one id, `show` finds it, a refused `interviewer`
    neither migrates nor backs the file up; the first real change does both and keeps the id."""
    import json

    db = cli_home / "old.json"
    db.write_text(json.dumps({"_default": {"1": {"company": "Omicron", "role": "Dev", "status": "thanked",
                                                 "rounds": [{"name": "Onsite", "at": "2026-11-19T14:30:00",
                                                             "interviewers": [{"name": "Olga Pi"}]}]}}}))
    before = digest(db)
    listed = []
    for _ in range(2):
        assert run(db, "list", "--json") == 0
        listed.append(json.loads(capsys.readouterr().out)[0]["id"])
    assert listed[0] == listed[1]
    assert run(db, "show", listed[0][:8]) == 0 and "Omicron" in capsys.readouterr().out
    assert run(db, "interviewer", listed[0][:8], "Olga Pi", "--email", "not an address") == 2
    capsys.readouterr()
    assert digest(db) == before and sorted(p.name for p in cli_home.glob("old.json*")) == ["old.json"]
    assert run(db, "interviewer", listed[0][:8], "Olga Pi", "--topic", "Kafka") == 0
    assert [a.id for a in Store(db).load_all()] == [listed[0]]
    assert len(list(cli_home.glob("old.json.bak-v0-*"))) == 1


@pytest.fixture
def omicron(cli_db, capsys):
    assert run(cli_db, "add", "Omicron", "--role", "Dev", "--at", "yesterday 10am",
               "--interviewer", "Olga Pi; Oscar Qu", "-q") == 0
    capsys.readouterr()
    return cli_db


def test_interviewer_takes_a_unique_part_of_a_name_as_letter_does(omicron, capsys):
    assert run(omicron, "interviewer", "omicron", "Olga", "--topic", "Kafka") == 0
    assert "Olga Pi: updated in round" in capsys.readouterr().out
    (app,) = Store(omicron).load_all()
    assert [(p.name, p.topic) for p in app.rounds[0].interviewers] == [("Olga Pi", "Kafka"), ("Oscar Qu", "")]
    assert run(omicron, "letter", "omicron", "thank-you", "--interviewer", "Olga") == 1  # gaps: no signature
    assert "Kafka" in capsys.readouterr().out  # the letter reads the name the same way


def test_interviewer_refuses_a_part_that_fits_several_and_adds_a_name_that_fits_nobody(omicron, capsys):
    before = digest(omicron)
    assert run(omicron, "interviewer", "omicron", "o", "--topic", "Kafka") == 2
    assert "'o' fits several interviewers at Omicron: Olga Pi, Oscar Qu" in one_line_error(capsys)
    assert digest(omicron) == before
    assert run(omicron, "interviewer", "omicron", "Zed Ro") == 0
    assert people(omicron) == [[("Olga Pi", ""), ("Oscar Qu", ""), ("Zed Ro", "")]]


def test_interviewer_that_changes_nothing_says_so_and_writes_nothing(omicron, capsys):
    """fz2 3: `interviewer ID NAME` with no option said "updated in round 1", and `--title ''` on an empty
    title "title cleared", though nothing changed; as `edit` does, it is refused (exit 2), file untouched."""
    before = digest(omicron)
    assert run(omicron, "interviewer", "omicron", "Olga Pi") == 2
    one_line_error(capsys, "Olga Pi is already in round 1", "nothing to change: give --email")
    assert run(omicron, "interviewer", "omicron", "Olga", "--title", "", "--topic=") == 2
    one_line_error(capsys, "Olga Pi (round 1", "already has these values; nothing changed")
    assert digest(omicron) == before
    assert run(omicron, "interviewer", "omicron", "Olga", "--title", "", "--topic", "Kafka") == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("Olga Pi: updated in round 1 “Interview”, topic set"), out  # not "title cleared"


def test_an_email_over_the_limit_is_refused_not_saved_into_a_file_it_damages(omicron, capsys):
    """An address of 10,000 characters was saved, and the next read named the card damaged: the file's
    schema holds an email to 200 characters. Refused in one line that does not repeat it whole."""
    before = digest(omicron)
    long_address = "x" * 10000 + "@x.example"
    assert run(omicron, "interviewer", "omicron", "Olga", "--email", long_address) == 2
    assert len(one_line_error(capsys, "email is 10010 characters long: keep it under 200")) < 200
    assert run(omicron, "round", "omicron", "--at", "today 9:00", "--interviewer", f"Ann <{long_address}>") == 2
    assert len(one_line_error(capsys, "email is 10010 characters long")) < 300
    assert run(omicron, "interviewer", "omicron", "Olga", "--email", "x" * 10000) == 2
    assert len(one_line_error(capsys, "is not an address")) < 300
    assert digest(omicron) == before
