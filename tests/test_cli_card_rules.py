"""The command line follows the card rules the board follows (review R 2-4, 7-9; review S 5): what can be
snoozed, which round moves a card, when a thank-you can have gone out, who can sit twice in one round,
a second note to someone already thanked, and a snooze a change leaves behind."""

from __future__ import annotations

import json

import pytest

from cli_helpers import digest, one_line_error, run
from tui.store.store import Store


def app_of(db):
    (app,) = Store(db).load_all()
    return app


def out_line(capsys) -> str:
    out = capsys.readouterr().out
    assert out.count("\n") == 1, out
    return out


@pytest.fixture
def two_rounds_ahead(cli_db, capsys):
    """Acme: a round yesterday, its one interviewer thanked, two rounds to come and a do-by after them."""
    assert run(cli_db, "add", "Acme", "--role", "SRE", "--at", "yesterday 10am", "--interviewer", "Dana Kim") == 0
    assert run(cli_db, "interviewer", "acme", "Dana", "--thanked", "yesterday 15:00") == 0
    assert run(cli_db, "round", "acme", "--at", "next tue 14:00", "--name", "Final") == 0
    assert run(cli_db, "round", "acme", "--at", "next wed 14:00") == 0
    assert run(cli_db, "direction", "acme", "send refs", "--by", "next fri") == 0  # after both interviews
    capsys.readouterr()
    return cli_db


def test_show_names_each_interview_by_its_round(two_rounds_ahead, capsys):
    assert run(two_rounds_ahead, "show", "acme") == 0
    out = capsys.readouterr().out
    assert "  interview:2  Tue 1 Dec 14:00" in out and "  interview:3  Wed 2 Dec 14:00" in out


def test_snooze_without_a_name_puts_off_the_next_task_of_yours_not_the_interview(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "SRE", "--at", "tomorrow 14:00") == 0  # the interview comes first
    assert run(cli_db, "direction", "acme", "send refs", "--by", "next fri") == 0
    capsys.readouterr()
    assert run(cli_db, "snooze", "acme", "--until", "next sat 10:00") == 0
    assert "direction:1 (send refs — Acme) snoozed" in out_line(capsys)
    assert [s.kind for s in app_of(cli_db).snoozes] == ["direction"]


def test_snooze_refuses_a_card_whose_only_deadline_is_an_interview(cli_db, capsys):
    assert run(cli_db, "add", "Globex", "--role", "X", "--at", "next tue 14:00") == 0
    capsys.readouterr()
    before = digest(cli_db)
    assert run(cli_db, "snooze", "globex", "--until", "2026-12-10") == 2
    one_line_error(capsys, "followup: nothing of yours to snooze on Globex (an interview happens at a fixed time)")
    assert digest(cli_db) == before


@pytest.mark.parametrize("which", ["interview:2", "interview"])
def test_snooze_refuses_an_interview_named(two_rounds_ahead, capsys, which):
    before = digest(two_rounds_ahead)
    assert run(two_rounds_ahead, "snooze", "acme", "--deadline", which, "--until", "2026-12-10") == 2
    one_line_error(capsys, "cannot be snoozed: an interview happens at a fixed time")
    assert digest(two_rounds_ahead) == before


def test_a_backfilled_phone_screen_leaves_an_awaiting_card_awaiting(cli_db, capsys):
    assert run(cli_db, "add", "R2", "--role", "X", "--at", "2026-11-23 10:00", "--interviewer", "Ann A") == 0
    assert run(cli_db, "interviewer", "r2", "Ann", "--thanked", "2026-11-23 15:00") == 0
    assert run(cli_db, "move", "r2", "awaiting") == 0
    assert run(cli_db, "round", "r2", "--at", "2026-11-18 10:00", "--name", "Phone screen",
               "--interviewer", "Bo B") == 0
    assert app_of(cli_db).stage.value == "awaiting"
    assert "moved to" not in capsys.readouterr().out
    assert run(cli_db, "round", "r2", "--at", "yesterday 10:00", "--name", "Final") == 0  # news: it moves
    assert "; moved to interviewed (was awaiting)" in out_line(capsys)
    assert app_of(cli_db).stage.value == "interviewed"


def test_thanked_before_the_round_is_refused_naming_its_time(cli_db, capsys):
    assert run(cli_db, "add", "Globex", "--role", "X", "--at", "next tue 14:00") == 0
    capsys.readouterr()
    before = digest(cli_db)
    assert run(cli_db, "interviewer", "globex", "Zed Z", "--thanked", "yesterday") == 2
    one_line_error(capsys, "is before the Interview round it thanks for (Tue 1 Dec 14:00)")
    assert run(cli_db, "interviewer", "globex", "Zed Z", "--thanked") == 2
    one_line_error(capsys, "Wed 25 Nov 14:00 is before the Interview round")
    assert digest(cli_db) == before


def test_the_same_interviewer_twice_in_one_round_is_refused(cli_db, capsys, tmp_path):
    assert run(cli_db, "add", "Two", "--role", "X", "--at", "yesterday 10:00",
               "--interviewer", "Ann Lee", "--interviewer", "ann lee") == 2
    one_line_error(capsys, "lists ann lee twice (as Ann Lee)")
    assert not cli_db.exists()
    assert run(cli_db, "add", "Two", "--role", "X", "--at", "yesterday 10:00",
               "--interviewer", "Ann Lee <a@x.example>") == 0
    capsys.readouterr()
    before = digest(cli_db)
    assert run(cli_db, "round", "two", "--at", "yesterday 12:00", "--interviewer", "Bo; bo") == 2
    one_line_error(capsys, "lists bo twice")
    assert digest(cli_db) == before
    assert run(cli_db, "interviewer", "two", "Ann B", "--email", "A@x.example") == 0  # a shared inbox (T #4)
    assert [p.email for p in app_of(cli_db).rounds[0].interviewers] == ["a@x.example", "A@x.example"]


def test_data_written_before_the_rules_imports_again_and_its_round_can_be_edited(cli_db, capsys, tmp_path):
    """Review T #9: a person listed twice and a note dated before its round, written by yesterday's Followup."""
    assert run(cli_db, "add", "Two", "--role", "X", "--at", "yesterday 10:00", "--interviewer", "Ann Lee",
               "--interviewer", "Zed") == 0
    capsys.readouterr()
    assert run(cli_db, "export", "json") == 0
    exported = json.loads(capsys.readouterr().out)
    people = exported["applications"][0]["rounds"][0]["interviewers"]
    people[1]["thanked_at"] = "2026-11-20T09:00:00Z"
    people.append(dict(people[0], id="0" * 32))
    legacy = tmp_path / "legacy.json"
    legacy.write_text(json.dumps(exported), encoding="utf-8")
    other = tmp_path / "other.json"
    assert run(other, "import", str(legacy)) == 0  # its own export, into a new file
    assert run(other, "export", "json", "-o", str(tmp_path / "again.json")) == 0
    assert run(other, "import", str(tmp_path / "again.json")) == 0  # and into the same one
    assert "0 added, 0 updated" in capsys.readouterr().out
    assert run(other, "interviewer", "two", "Ann Lee", "--title", "CTO") == 0  # not refused over Zed's note
    assert [p.title for p in app_of(other).rounds[0].interviewers] == ["CTO", "", ""]
    assert run(other, "interviewer", "two", "Bo  B") == 0
    capsys.readouterr()
    before = digest(other)
    assert run(other, "interviewer", "two", "ann  lee", "--round", "1", "--email", "a@x.test") == 0
    assert run(other, "round", "two", "--at", "yesterday 12:00", "--interviewer", "Cy; cy") == 2
    one_line_error(capsys, "lists cy twice")
    assert digest(other) != before


def test_a_second_thank_you_letter_says_the_person_was_thanked_already(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "X", "--at", "yesterday 10:00",
               "--interviewer", "Lee Park", "--interviewer", "Dana Kim") == 0
    sent = ("letter", "acme", "thank-you", "--interviewer", "Lee", "--set", "topic=x", "--set", "signature=Me",
            "--mark-sent")
    assert run(cli_db, *sent, "--at", "yesterday 15:00") == 0
    assert "already thanked" not in capsys.readouterr().err
    assert run(cli_db, *sent, "--at", "today 9:30") == 0
    err = capsys.readouterr().err
    assert ("followup: note: Lee Park was already thanked Tue 24 Nov 15:00: this letter is recorded too, "
            "and that first thank-you time stays\n") in err
    app = app_of(cli_db)
    assert app.rounds[0].interviewers[0].thanked_at.isoformat() == "2026-11-24T14:00:00+00:00"
    assert len(app.contacts) == 2


def test_edit_says_when_it_leaves_a_snooze_behind(cli_db, capsys):
    assert run(cli_db, "add", "Beta", "--role", "X", "--at", "2026-11-23 10:00") == 0
    assert run(cli_db, "snooze", "beta", "--until", "2026-12-10", "--reason", "conference") == 0
    assert "no longer applies" not in capsys.readouterr().out
    assert run(cli_db, "edit", "beta", "--decision-by", "2026-12-01") == 0
    assert out_line(capsys).rstrip("\n").endswith("; snooze of follow-up until Thu 10 Dec 09:00 no longer applies")
    assert run(cli_db, "note", "beta", "nothing to do with the follow-up") == 0
    assert "no longer applies" not in capsys.readouterr().out


def test_thanked_yesterday_on_the_day_of_the_round_is_after_it(cli_db, capsys):
    """Review T #3: a day without a time read as 09:00 and was refused as before a 10:00 round that day."""
    assert run(cli_db, "add", "Th", "--role", "X", "--at", "yesterday 10:00", "--interviewer", "Ann A",
               "--interviewer", "Bo B", "--interviewer", "Cy C") == 0
    capsys.readouterr()
    assert run(cli_db, "interviewer", "th", "Ann", "--thanked", "yesterday") == 0
    assert "thanked Tue 24 Nov 10:00" in out_line(capsys)
    assert run(cli_db, "interviewer", "th", "Bo", "--thanked", "tue") == 0
    capsys.readouterr()
    sent = ("letter", "th", "thank-you", "--interviewer", "Cy", "--set", "topic=x", "--set", "signature=Me",
            "--mark-sent")
    before = digest(cli_db)
    assert run(cli_db, *sent, "--at", "yesterday 9:30") == 2  # a time given is the user's: judged as typed
    one_line_error(capsys, "Tue 24 Nov 09:30 is before the Interview round it thanks for (Tue 24 Nov 10:00)",
                   "give the time it went, e.g. 'yesterday 12:00'")
    assert digest(cli_db) == before
    assert run(cli_db, *sent, "--at", "yesterday") == 0
    capsys.readouterr()
    assert [p.thanked_at.isoformat() for p in app_of(cli_db).rounds[0].interviewers] == [
        "2026-11-24T09:00:00+00:00"] * 3


def test_a_quiet_period_already_over_is_refused_and_a_do_by_already_past_is_kept(cli_db, capsys):
    """Review R 12: `--not-before yesterday` made a quiet period that had ended; a do-by already past is an
    overdue task, still worth tracking (its line says how long ago)."""
    assert run(cli_db, "add", "Acme", "--role", "SRE", "--at", "2026-11-16 10:00", "-q") == 0
    capsys.readouterr()
    before = digest(cli_db)
    assert run(cli_db, "direction", "acme", "no calls", "--not-before", "yesterday 9:00") == 2
    assert "is over already" in one_line_error(capsys)
    assert digest(cli_db) == before
    assert run(cli_db, "direction", "acme", "send refs", "--by", "2026-11-20") == 0
    assert "ago" in out_line(capsys)


def test_a_second_letter_sent_earlier_is_the_thank_you_time_and_the_report_lists_both(cli_db, capsys):
    """Review T #8: a letter back-dated before the first kept the later time (counted late), and the report
    listed one letter of the two."""
    assert run(cli_db, "add", "Acme", "--role", "Eng", "--at", "yesterday 10:00", "--interviewer", "Lee Park") == 0
    sent = ("letter", "acme", "thank-you", "--interviewer", "Lee", "--set", "topic=x", "--set", "signature=Me",
            "--mark-sent")
    assert run(cli_db, *sent, "--at", "10:30") == 0
    assert run(cli_db, *sent, "--at", "9:30") == 0
    assert ("note: Lee Park was already thanked Wed 25 Nov 10:30: this letter is recorded too, and as it went out "
            "earlier, Wed 25 Nov 09:30 becomes their thank-you time") in capsys.readouterr().err
    assert app_of(cli_db).rounds[0].interviewers[0].thanked_at.isoformat() == "2026-11-25T08:30:00+00:00"
    assert run(cli_db, "stats") == 0
    assert "1 sent · 1 within 24 h · median 23.5 h" in capsys.readouterr().out
    assert run(cli_db, "report", "--from", "2026-11-20", "--to", "2026-11-28") == 0
    report = capsys.readouterr().out
    assert report.count("| thank-you letter |") == 2
    assert "In all: 1 interview, 2 letters sent" in report


def test_thank_you_deadlines_of_one_spelling_are_numbered_and_each_can_be_snoozed(cli_db, capsys):
    """Review T #12: "Ann Lee", "Ann-Lee" and "Ann Lée" were all thank-you:ann-lee."""
    assert run(cli_db, "add", "Slug", "--role", "X", "--at", "yesterday 10:00", "--interviewer", "Ann Lee",
               "--interviewer", "Ann-Lee", "--interviewer", "Ann Lée") == 0
    capsys.readouterr()
    assert run(cli_db, "show", "slug") == 0
    shown = capsys.readouterr().out
    assert all(f"  {name}  " in shown for name in ("thank-you:ann-lee", "thank-you:ann-lee-2", "thank-you:ann-lee-3"))
    assert run(cli_db, "snooze", "slug", "--deadline", "thank-you:ann-lee-2", "--until", "2026-12-01 10:00") == 0
    assert "thank-you:ann-lee-2 (Thank Ann-Lee — Slug) snoozed" in out_line(capsys)
    second = app_of(cli_db).rounds[0].interviewers[1]
    assert [s.ref for s in app_of(cli_db).snoozes] == [second.id]
    assert run(cli_db, "interviewer", "slug", "Ann Lee", "--thanked", "yesterday 15:00") == 0
    capsys.readouterr()
    assert run(cli_db, "show", "slug") == 0  # the names stay as they were once the first is thanked
    shown = capsys.readouterr().out
    assert "thank-you:ann-lee-2" in shown and "thank-you:ann-lee-3" in shown


def test_naming_a_deadline_on_a_card_with_none_of_yours_says_so_once(cli_db, capsys):
    assert run(cli_db, "add", "Upco", "--role", "X", "--at", "next tue 14:00") == 0
    capsys.readouterr()
    assert run(cli_db, "snooze", "upco", "--deadline", "interview:2", "--until", "2026-12-10") == 2
    one_line_error(capsys, "followup: --deadline 'interview:2' names no deadline of Upco; nothing of yours to "
                           "snooze on Upco (an interview happens at a fixed time)")
