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
    ("", "--interviewer is empty"),
    (" ; ", "--interviewer is empty"),
    ("Dana Kim; Bob <bob@x", "Name <email>"),
])
def test_bad_interviewer_values_change_nothing(acme, capsys, value, needle):
    before = digest(acme)
    assert run(acme, "round", "acme", "--at", "today 9:00", "--interviewer", value) == 2
    one_line_error(capsys, needle)
    assert digest(acme) == before
