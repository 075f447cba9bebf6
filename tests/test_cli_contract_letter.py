"""`followup letter`: its recorded line starts with the id and names what comes next (review Q 6); a
letter printed with gaps exits 1 even with --force (review Q 7), and with -q (review R6 1)."""

from cli_helpers import run


def added(db, capsys) -> str:
    assert run(db, "add", "Delta", "--role", "Eng", "--at", "yesterday 10:00",
               "--interviewer", "Ann Lee <ann@delta.example>") == 0
    return capsys.readouterr().out.split()[0]


def test_mark_sent_says_on_stderr_the_id_the_time_the_stage_and_the_next_deadline(cli_db, capsys):
    short = added(cli_db, capsys)
    assert run(cli_db, "config", "name", "Alex Morgan") == 0
    capsys.readouterr()
    assert run(cli_db, "letter", short, "thank-you", "--set", "topic=their queue", "--mark-sent",
               "--at", "yesterday 16:00") == 0
    out, err = capsys.readouterr()
    assert out.startswith("Subject: ") and short not in out  # standard output carries the letter alone
    assert err.splitlines()[-1] == (
        f"{short} Delta: recorded the thank-you note to Ann Lee as sent Tue 24 Nov 16:00 · 22 hours ago; "
        "now thanked; next: Follow up — Delta, due Tue 1 Dec 16:00 · in 6 days")


def test_mark_sent_quiet_prints_the_id_alone(cli_db, capsys):
    short = added(cli_db, capsys)
    assert run(cli_db, "config", "name", "Alex Morgan") == 0
    capsys.readouterr()
    assert run(cli_db, "letter", short, "thank-you", "--set", "topic=x", "--mark-sent", "-q") == 0
    out, err = capsys.readouterr()
    assert out == f"{short}\n" and short not in err


def test_a_letter_forced_out_with_gaps_is_printed_and_exits_1(cli_db, capsys):
    short = added(cli_db, capsys)  # no name set: [signature?] stays a gap
    assert run(cli_db, "letter", short, "follow-up", "--force") == 1
    out, err = capsys.readouterr()
    assert out.startswith("Subject: ") and "[signature?]" in out
    assert "warning: the letter has gaps: " in err and "[signature?]" in err


def test_a_letter_forced_out_with_gaps_and_marked_sent_is_recorded_and_exits_1(cli_db, capsys):
    short = added(cli_db, capsys)
    assert run(cli_db, "letter", short, "thank-you", "--force", "--mark-sent") == 1
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith(f"{short} Delta: recorded the thank-you note to Ann Lee"), err


def test_a_letter_forced_and_recorded_with_q_prints_the_id_and_still_exits_1(cli_db, capsys):
    """-q changes what is printed, never the exit code: `id=$(followup letter … --force --mark-sent -q)`
    has only the status to tell it the letter went out with gaps (review R6 1)."""
    short = added(cli_db, capsys)
    assert run(cli_db, "letter", short, "thank-you", "--force", "--mark-sent", "-q") == 1
    out, err = capsys.readouterr()
    assert out == f"{short}\n" and "warning: the letter has gaps: " in err
