"""The commands that do on the shell what the board does: each one's happy path, --help, and bad input
(one line, exit 2, the data file unchanged byte for byte)."""

import io
import json
import sys

import pytest

from cli_helpers import config_file, digest, run
from tui import cli
from tui.store.store import Store


@pytest.fixture
def acme(cli_db, capsys):
    """One application interviewed yesterday with two interviewers; returns its short id."""
    assert run(cli_db, "add", "Acme", "--role", "SRE", "--at", "yesterday 10am", "-q",
               "--interviewer", "Dana Kim <dana@acme.example>", "--interviewer", "Lee Park") == 0
    short = capsys.readouterr().out.strip()
    assert len(short) == 8
    return short


def app_of(db):
    (app,) = Store(db).load_all()
    return app


def confirmed(capsys, short, *needles):
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.split()[0] == short, out
    for needle in needles:
        assert needle in out, out
    return out


# --- happy paths ---------------------------------------------------------------------------
def test_interviewer_topic_link_and_thanked(cli_db, acme, capsys):
    assert run(cli_db, "interviewer", "acme", "Dana Kim", "--topic", "event sourcing", "--title", "CTO",
               "--link", "https://example.com/es", "--link-note", "the article") == 0
    confirmed(capsys, acme, "Dana Kim: updated in round 1 “Interview”", "topic set")
    assert run(cli_db, "interviewer", acme[:4], "Lee Park", "--thanked", "today 9:00") == 0
    confirmed(capsys, acme, "thanked Wed 25 Nov 09:00 · 5 hours ago")
    assert run(cli_db, "interviewer", "acme", "Ana Ruiz", "--email", "ana@acme.example") == 0
    confirmed(capsys, acme, "Ana Ruiz: added to round")
    app = app_of(cli_db)
    dana, lee, ana = app.rounds[0].interviewers
    assert (dana.topic, dana.title, dana.link, dana.link_note) == ("event sourcing", "CTO", "https://example.com/es",
                                                                   "the article")
    assert lee.thanked_at.isoformat() == "2026-11-25T08:00:00+00:00"
    assert ana.email == "ana@acme.example"
    assert any(e.text == "Thanked Lee Park" for e in app.history)


def test_round_upcoming_and_past(cli_db, acme, capsys):
    assert run(cli_db, "round", "acme", "--at", "next tue 14:00", "--name", "Final", "--interviewer", "Ana Ruiz") == 0
    confirmed(capsys, acme, "round “Final” Tue 1 Dec 14:00 · in 6 days (upcoming) with Ana Ruiz")
    assert [r.name for r in app_of(cli_db).rounds] == ["Interview", "Final"]


def test_direction_by_not_before_and_done(cli_db, acme, capsys):
    assert run(cli_db, "direction", "acme", "send two references", "--by", "fri") == 0
    confirmed(capsys, acme, "direction 1, to do: send two references by Fri 27 Nov")
    assert run(cli_db, "direction", "acme", "no calls please", "--not-before", "dec 10") == 0
    confirmed(capsys, acme, "don't contact them before Thu 10 Dec")
    assert run(cli_db, "direction", "acme", "--done", "1") == 0
    confirmed(capsys, acme, "done: send two references")
    first, second = app_of(cli_db).directions
    assert first.done_at is not None and second.kind.value == "not-before"


def test_direction_done_twice_says_so_and_writes_nothing(cli_db, acme, capsys):
    """Review B #6: a no-op is not a change: no "done:" line, no second history line, the file as it was
    (the same exit 0 as `move` to the stage a card is in)."""
    assert run(cli_db, "direction", "acme", "send two references", "--by", "fri") == 0
    assert run(cli_db, "direction", "acme", "--done", "1") == 0
    capsys.readouterr()
    before = digest(cli_db)
    assert run(cli_db, "direction", "acme", "--done", "1") == 0
    confirmed(capsys, acme, "direction 1 is already done: send two references; nothing changed")
    assert digest(cli_db) == before
    assert run(cli_db, "direction", "acme", "--done", "1", "-q") == 0
    assert capsys.readouterr().out == acme + "\n"
    assert digest(cli_db) == before
    assert [e.text for e in app_of(cli_db).history].count("Done: send two references") == 1


def test_reply_close_and_keep_in_touch(cli_db, acme, capsys):
    assert run(cli_db, "reply", "acme", "--at", "today 11:00", "--via", "call", "--note", "soon") == 0
    confirmed(capsys, acme, "they replied (call) Wed 25 Nov 11:00", "now awaiting")
    assert run(cli_db, "close", "acme", "rejected", "--at", "today 12:00", "--keep-in-touch", "in 90 days") == 0
    out = confirmed(capsys, acme, "closed, rejected, Wed 25 Nov 12:00", "keep in touch on")
    assert "next: Reply to Acme" in out
    app = app_of(cli_db)
    assert app.outcome_at.isoformat() == "2026-11-25T11:00:00+00:00" and app.keep_in_touch is not None


def test_note_text_stdin_and_editor(cli_db, acme, capsys, monkeypatch, tmp_path):
    assert run(cli_db, "note", "acme", "they use Kafka") == 0
    confirmed(capsys, acme, "note added")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("from a pipe\n".encode())))
    assert run(cli_db, "note", "acme", "-") == 0
    editor = tmp_path / "ed.sh"
    editor.write_text('#!/bin/sh\necho "from the editor" > "$1"\n')
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setattr("tui.cli_edit.on_a_terminal", lambda: True)  # someone at a terminal writes in it
    assert run(cli_db, "note", "acme") == 0
    assert app_of(cli_db).notes == "they use Kafka\n\nfrom a pipe\n\nfrom the editor"


def test_edit_and_show(cli_db, acme, capsys):
    assert run(cli_db, "edit", "acme", "--pitch", "ten years of payments", "--recruiter", "Sam Lee <sam@acme.example>",
               "--posting", "https://acme.example/jobs/42", "--decision-by", "dec 12") == 0
    confirmed(capsys, acme, "pitch “ten years of payments”", "decision by Sat 12 Dec")  # not "set they decide by"
    assert run(cli_db, "show", "acme") == 0
    out = capsys.readouterr().out
    for needle in ("Acme — SRE", "recruiter      Sam Lee <sam@acme.example>",
                   "posting        https://acme.example/jobs/42", "1. Interview, Tue 24 Nov 10:00",
                   "thank-you:dana-kim", "Edited pitch, posting, recruiter, decision by"):
        assert needle in out, out
    assert run(cli_db, "show", "acme", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert run(cli_db, "export", "json") == 0
    assert json.loads(capsys.readouterr().out)["applications"] == [shown]


def test_snooze_the_next_deadline_or_a_named_one(cli_db, acme, capsys):
    assert run(cli_db, "snooze", "acme", "--deadline", "thank-you:lee", "--until", "today 18:00",
               "--reason", "busy") == 0
    confirmed(capsys, acme, "thank-you:lee-park (Thank Lee Park — Acme) snoozed until Wed 25 Nov 18:00")
    assert run(cli_db, "snooze", "acme", "--until", "today 20:00", "-q") == 0
    assert capsys.readouterr().out == acme + "\n"
    kinds = [(s.kind, s.reason) for s in app_of(cli_db).snoozes]
    assert kinds == [("thank-you", "busy"), ("thank-you", "")]


def test_a_deadline_snoozed_twice_keeps_the_second_snooze(cli_db, acme, capsys):
    for until in ("today 18:00", "today 20:00", "today 16:00"):  # later, then shorter again: the last counts
        assert run(cli_db, "snooze", "acme", "--deadline", "thank-you:lee", "--until", until) == 0
    assert run(cli_db, "show", "acme") == 0
    assert "  snoozed thank-you:lee-park until Wed 25 Nov 16:00 (was due Wed 25 Nov 10:00)" \
        in capsys.readouterr().out.splitlines()


def test_show_names_a_snooze_only_while_its_deadline_is_there(cli_db, acme, capsys):
    run(cli_db, "snooze", "acme", "--deadline", "thank-you:lee", "--until", "today 18:00", "--reason", "busy")
    capsys.readouterr()
    assert run(cli_db, "show", "acme") == 0
    assert "  snoozed thank-you:lee-park until Wed 25 Nov 18:00 (was due Wed 25 Nov 10:00): busy" \
        in capsys.readouterr().out.splitlines()
    run(cli_db, "interviewer", "acme", "Lee Park", "--thanked")  # the deadline is done: its snooze is past
    capsys.readouterr()
    assert run(cli_db, "show", "acme") == 0
    assert "snoozed" not in capsys.readouterr().out


def test_delete_with_yes_and_declined_on_a_terminal(cli_db, acme, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    before = digest(cli_db)
    assert run(cli_db, "delete", "acme") == 1
    assert digest(cli_db) == before
    capsys.readouterr()
    assert run(cli_db, "delete", "acme", "--yes") == 0
    assert capsys.readouterr().out.startswith(acme)
    assert Store(cli_db).load_all() == []


def test_config_reads_and_writes_keeping_comments(cli_db, capsys, tmp_path):
    path = config_file(tmp_path)
    path.write_text('# mine\ntimezone = "Europe/Berlin"  # home\n', encoding="utf-8")
    assert run(cli_db, "config", "name", "Alex Doe") == 0
    assert "a board already open takes it within a second" in capsys.readouterr().out  # it watches the file
    assert run(cli_db, "config", "signature", "Best,\\nAlex") == 0
    assert run(cli_db, "config", "remind_channels", "email, command") == 0
    text = path.read_text()
    assert text.startswith('# mine\ntimezone = "Europe/Berlin"  # home\n')
    assert 'name = "Alex Doe"' in text and 'remind_channels = ["email", "command"]' in text
    capsys.readouterr()
    assert run(cli_db, "config", "signature") == 0
    assert capsys.readouterr().out == "Best,\nAlex\n"
    assert run(cli_db, "config") == 0
    out = capsys.readouterr().out
    assert "name = Alex Doe\n" in out and "thank_you_hours = 24   (default)" in out


def test_config_writes_through_a_symlink(cli_db, tmp_path):
    real = tmp_path / "dotfiles" / "followup.toml"
    real.parent.mkdir()
    path = config_file(tmp_path)
    real.write_text(path.read_text())
    path.unlink()
    path.symlink_to(real)
    assert run(cli_db, "config", "theme", "nord") == 0
    assert path.is_symlink() and 'theme = "nord"' in real.read_text()


def test_completion_scripts_for_each_shell(cli_db, capsys):
    for shell, needle in (("bash", "complete "), ("zsh", "compdef"), ("fish", "complete --command followup")):
        assert run(cli_db, "completion", shell) == 0
        out = capsys.readouterr().out
        assert needle in out and "_ARGCOMPLETE" in out, shell


def test_completion_answers_from_the_parser(cli_db, monkeypatch, capfd):
    """What the shell gets when it calls followup back: the parser's own commands."""
    import argcomplete

    monkeypatch.setenv("_ARGCOMPLETE", "1")
    monkeypatch.setenv("COMP_LINE", "followup sn")
    monkeypatch.setenv("COMP_POINT", str(len("followup sn")))
    out = io.StringIO()
    with pytest.raises(SystemExit):
        argcomplete.autocomplete(cli.build_parser(), output_stream=out, exit_method=sys.exit)
    assert out.getvalue().split() == ["snooze"]


# --- --help with an example -------------------------------------------------------------------
COMMANDS = ["show", "edit", "delete", "round", "interviewer", "direction", "note", "reply", "snooze", "close",
            "config", "completion", "import", "export", "letter", "remind"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_an_example(cli_db, capsys, command):
    assert run(cli_db, command, "--help") == 0
    out = capsys.readouterr().out
    assert "example:" in out and f"followup {command}" in out.split("example:")[1]


# --- bad input: one line, exit 2, nothing changed --------------------------------------------------
BAD = [
    (["show", "nobody"], "no application id or company starts with 'nobody'"),
    (["show"], "the following arguments are required: ID"),
    (["edit", "acme"], "nothing to change"),
    (["edit", "acme", "--recruiter", "Sam <sam"], "recruiter 'Sam <sam': write it as"),
    (["edit", "acme", "--posting", "acme.example/jobs"], "posting 'acme.example/jobs' is not a web address"),
    (["edit", "acme", "--decision-by", "someday"], "--decision-by: cannot read the time"),
    (["delete", "acme"], "there is no terminal to ask on; pass --yes"),
    (["delete", "nobody", "--yes"], "no application id or company starts with"),
    (["round", "acme", "--at", "whenever"], "--at: cannot read the time"),
    (["interviewer", "acme", "Dana Kim", "--link", "not a link"], "is not a web address"),
    (["interviewer", "acme", "Dana Kim", "--thanked", "tomorrow 10:00"], "in the future"),
    (["interviewer", "acme", "Dana Kim", "--round", "5"], "--round 5: Acme has rounds 1 to 1"),
    (["interviewer", "acme", "Dana Kim", "--link-note", "x"], "a note about a link needs the link"),
    (["direction", "acme", "--done", "3"], "--done 3: Acme has no directions yet"),
    (["direction", "acme", "x", "--by", "fri", "--not-before", "fri"], "not allowed with argument"),
    (["direction", "acme"], "give the recruiter's instruction"),
    (["note", "acme", ""], "the note is empty"),
    (["note", "nobody", "text"], "no application id or company starts with"),
    (["reply", "acme", "--at", "tomorrow 9:00"], "in the future"),
    (["reply", "acme", "--via", "pigeon"], "unknown way of replying 'pigeon': use one of email, call, other"),
    (["snooze", "acme", "--until", "yesterday 10am"], "is before the deadline"),
    (["snooze", "acme", "--until", "dec 30", "--deadline", "follow"], "names no deadline of Acme"),
    (["close", "acme", "hired"], "unknown outcome 'hired'"),
    (["close", "acme", "rejected", "--at", "in 2 days"], "in the future"),
    (["close", "acme", "rejected", "--keep-in-touch", "yesterday 10am"],  # review A #6: it looks ahead
     "--keep-in-touch: Tue 24 Nov 10:00 · 28 hours ago is not ahead: keep in touch is when to get back"),
    (["close", "acme", "rejected", "--keep-in-touch", "2026-01-05"], "is not ahead"),
    (["config", "thank_you_hours", "0"], "thank_you_hours = 0 is not allowed"),
    (["config", "colour", "blue"], "'colour' is not a setting"),
    (["config", "use_thank_you", "maybe"], "use true or false"),
    (["completion", "tcsh"], "unknown shell 'tcsh': use one of bash, zsh, fish"),
    (["import", "x.ics"], "ics and md are export-only"),
    (["import", "missing.csv"], "cannot be read"),
    (["show", "acme", "--demo"], None),
]


@pytest.mark.parametrize("argv,needle", BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_input_is_one_line_exit_2_and_changes_nothing(cli_db, acme, capsys, tmp_path, argv, needle):
    config = config_file(tmp_path)
    before, config_before = digest(cli_db), digest(config)
    if argv[-1] == "--demo":
        code = cli.main(["--db", str(cli_db), "--demo", *argv[:-1]])
    else:
        code = run(cli_db, *argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("followup"), err
    if needle:
        assert needle in err, err
    assert digest(cli_db) == before and digest(config) == config_before


def _bad_values():
    """For every setting, values `followup config` must refuse: one of the wrong type where the key has a
    type text cannot stand for, and one of the right type outside what is allowed."""
    from tui.core.settings import _RULES

    checked = {"thank_you_hours": ["abc", "-5", "1.5"], "follow_up_business_days": ["x", "31"],
               "follow_up_limit": ["two", "0", "11"], "reply_hours": ["", "0"], "use_thank_you": ["maybe"],
               "terminal_notify": ["yes"], "smtp_port": ["smtp", "70000"], "timezone": ["Mars/Olympus"],
               "theme": ["pink"], "work_hours": ["9-5"], "remind_hours": ["21:00-08:00"], "holidays": ["12"],
               "remind_before": ["2 weeks"], "remind_channels": ["pigeon"], "smtp_security": ["tls"],
               "mail_from": ["alex at home"], "mail_to": ["x y"]}
    return [(key, value, _RULES[key][1]) for key, values in checked.items() for value in values]


@pytest.mark.parametrize("key,value,allowed", _bad_values(), ids=lambda v: str(v)[:20])
def test_every_bad_config_value_names_the_file_the_key_and_what_is_allowed(cli_db, capsys, tmp_path, key,
                                                                          value, allowed):
    """Review B #11: 'abc' for a number gave neither the file nor the range, while -5 gave both. The value
    typed is refused as such, naming the file as left unwritten, not as holding it (review R6 7)."""
    config = config_file(tmp_path)
    before = digest(config)
    assert run(cli_db, "config", key, value) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"followup: {key} = ") and err.count("\n") == 1, err
    # the value as it was read: 'abc', -5
    assert f" is not allowed; use {allowed}. Nothing was written" in err and str(config) in err, err
    assert digest(config) == before


def test_an_unknown_config_key_names_the_file_too(cli_db, capsys, tmp_path):
    said = f"followup: 'colour' is not a setting (the settings file is {config_file(tmp_path)}); known keys are "
    assert run(cli_db, "config", "colour", "blue") == 2
    assert capsys.readouterr().err.startswith(said)
    assert run(cli_db, "config", "colour") == 2  # reading one: no traceback either
    assert capsys.readouterr().err.startswith(said)
    assert run(cli_db, "config", "remind_befor", "1h") == 2  # a typo: the likely key
    assert "'remind_befor' is not a setting" in capsys.readouterr().err


def test_quiet_may_come_before_the_command_too(cli_db, acme, capsys):
    """Review B #8: PRODUCT's "-q prints the id alone" is a rule of the whole command line."""
    assert run(cli_db, "-q", "move", "acme", "awaiting") == 0
    assert capsys.readouterr().out == acme + "\n"
    assert cli.main(["-q", "--db", str(cli_db), "add", "Hooli", "--role", "PM", "--at", "mon 10:00"]) == 0
    short = capsys.readouterr().out.strip()
    assert len(short) == 8 and {a.company for a in Store(cli_db).load_all()} == {"Acme", "Hooli"}
    assert run(cli_db, "-q", "due") == 0  # due's own -q: nothing printed when nothing is due
    before = digest(cli_db)
    assert run(cli_db, "-q", "list") == 2  # list prints no id: -q is refused as after it
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "-q goes with a command that changes a card" in err and "list" in err
    assert digest(cli_db) == before


def _someone_writes_while_we_read(monkeypatch, write):
    """Between this command's reading of the file and its save, another process does `write(store, card)`
    (as a board autosaving the card does while a 10,000-card file is read)."""
    from tui.store.store import Store as RealStore

    original = RealStore.load_all

    def read_then_someone_writes(self):
        found = original(self)
        monkeypatch.setattr(RealStore, "load_all", original)  # once
        other = RealStore(self.path)
        write(other, original(other)[0])
        return found

    monkeypatch.setattr(RealStore, "load_all", read_then_someone_writes)


def test_a_note_added_while_another_process_saves_the_card_keeps_both(cli_db, acme, capsys, monkeypatch):
    """Review D #1: a one-shot change is applied again to the card as it is now, not refused."""
    from tui.core import actions

    _someone_writes_while_we_read(
        monkeypatch, lambda store, card: store.save(actions.set_notes(card, "theirs", now=card.updated_at)))
    assert run(cli_db, "note", "acme", "ours") == 0
    confirmed(capsys, acme, "note added: “ours”")
    assert app_of(cli_db).notes == "theirs\n\nours"
    assert app_of(cli_db).revision == 3  # added, theirs, ours


@pytest.mark.parametrize("argv,check", [
    (["move", "acme", "awaiting"], lambda app: app.stage.value == "awaiting"),
    (["close", "acme", "offer"], lambda app: app.outcome is not None and app.outcome.value == "offer"),
    (["direction", "acme", "send two references"], lambda app: len(app.directions) == 1),
    (["round", "acme", "--name", "Onsite", "--at", "today 9am"], lambda app: len(app.rounds) == 2),
    (["reply", "acme"], lambda app: app.contacts[-1].kind == "reply"),
    (["edit", "acme", "--role", "Staff SRE"], lambda app: app.role == "Staff SRE"),
])
def test_every_one_shot_change_is_applied_to_the_card_as_it_is_now(cli_db, acme, capsys, monkeypatch, argv, check):
    from tui.core import actions

    _someone_writes_while_we_read(
        monkeypatch, lambda store, card: store.save(actions.set_notes(card, "theirs", now=card.updated_at)))
    assert run(cli_db, *argv) == 0, capsys.readouterr().err
    app = app_of(cli_db)
    assert app.notes == "theirs" and check(app)


def test_a_move_to_where_another_process_already_moved_it_writes_nothing(cli_db, acme, capsys, monkeypatch):
    from tui.core import actions
    from tui.core.stages import Stage

    _someone_writes_while_we_read(
        monkeypatch, lambda store, card: store.save(actions.move(card, Stage.AWAITING, now=card.updated_at)))
    capsys.readouterr()
    assert run(cli_db, "move", "acme", "awaiting") == 0
    out = capsys.readouterr().out
    assert "already in awaiting; nothing changed" in out and out.count("\n") == 1, out
    app = app_of(cli_db)
    assert app.revision == 2 and [e.kind for e in app.history].count("stage") == 1  # theirs, written once


def test_a_card_deleted_while_the_command_ran_is_refused_and_nothing_is_written(cli_db, acme, capsys, monkeypatch):
    _someone_writes_while_we_read(monkeypatch, lambda store, card: store.delete(card.id))
    capsys.readouterr()
    assert run(cli_db, "note", "acme", "ours") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "was deleted by another Followup process" in err, err
    assert Store(cli_db).load_all() == []


def test_direction_done_marks_the_direction_it_named_though_another_process_renumbered_them(
        cli_db, acme, capsys, monkeypatch):
    from tui.core import direction_actions

    for text in ("first", "second", "third"):
        assert run(cli_db, "direction", "acme", text) == 0

    def remove(text):
        return lambda store, card: store.save(direction_actions.remove_direction(
            card, next(d.id for d in card.directions if d.text == text), now=card.updated_at))

    _someone_writes_while_we_read(monkeypatch, remove("first"))
    assert run(cli_db, "direction", "acme", "--done", "2") == 0
    assert [(d.text, d.done_at is not None) for d in app_of(cli_db).directions] == [("second", True), ("third", False)]

    _someone_writes_while_we_read(monkeypatch, remove("third"))
    capsys.readouterr()
    assert run(cli_db, "direction", "acme", "--done", "2") == 2
    assert "direction 2 (third) was removed by another Followup process" in capsys.readouterr().err
    assert [d.text for d in app_of(cli_db).directions] == ["second"]


def test_list_columns_align_with_wide_characters(cli_db, capsys):
    from tui.core.text import cell_width

    for company in ("東京ロボティクス株式会社", "Acme"):
        assert run(cli_db, "add", company, "--role", "SRE", "--at", "yesterday 10am", "-q") == 0
    capsys.readouterr()
    assert run(cli_db, "list") == 0
    header, *rows = capsys.readouterr().out.splitlines()
    starts = {cell_width(line[: line.index("SRE")]) for line in rows}
    assert starts == {cell_width(header[: header.index("ROLE")])}


# --- -q: the id alone, on every command that changes a card -------------------------------------
QUIET = [
    ["move", "acme", "awaiting"],
    ["edit", "acme", "--role", "Staff SRE"],
    ["note", "acme", "they use Kafka"],
    ["round", "acme", "--at", "next tue 14:00"],
    ["interviewer", "acme", "Dana Kim", "--thanked"],
    ["direction", "acme", "send references", "--by", "fri"],
    ["reply", "acme"],
    ["snooze", "acme", "--until", "dec 30"],
    ["letter", "acme", "thank-you", "--interviewer", "Dana", "--mark-sent", "--set", "topic=SLOs",
     "--set", "my_name=Alex", "--set", "signature=Alex"],  # no gaps: with gaps it is held back, exit 1
    ["close", "acme", "rejected"],
    ["delete", "acme", "--yes"],
]
READ_ONLY = {"list", "show", "due", "export", "import", "stats", "report", "config", "completion", "remind"}


@pytest.mark.parametrize("argv", QUIET, ids=[a[0] for a in QUIET])
def test_every_change_prints_the_id_alone_with_q(cli_db, acme, capsys, argv):
    before = digest(cli_db)
    assert run(cli_db, *argv, "-q") == 0
    assert capsys.readouterr().out == acme + "\n"
    assert digest(cli_db) != before


def test_every_command_that_changes_a_card_takes_q(cli_db):
    """A new command that changes a card gets -q too (import's own -q keeps its summary line)."""
    parser = cli.build_parser()
    commands = next(a.choices for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    changing = set(commands) - READ_ONLY
    assert changing >= {argv[0] for argv in QUIET} | {"add"}
    for name in changing:
        options = {o for action in commands[name]._actions for o in action.option_strings}
        assert {"-q", "--quiet"} <= options, name


def test_letter_q_needs_mark_sent(cli_db, acme, capsys):
    before = digest(cli_db)
    assert run(cli_db, "letter", "acme", "thank-you", "--interviewer", "Dana", "-q") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "use it with --mark-sent" in err
    assert digest(cli_db) == before


def test_a_direction_date_alone_is_read_at_the_start_or_end_of_the_users_working_hours(tmp_path, monkeypatch,
                                                                                          capsys):
    """With work_hours 10:00-16:00 a quiet period given as a date starts its day at 10:00 (not 09:00),
    and a do-by is due at 16:00: deadlines.direction_default_time, as the direction form reads them."""
    from cli_helpers import configure

    configure(tmp_path, monkeypatch, 'timezone = "Europe/Berlin"\nwork_hours = "10:00-16:00"\n')
    db = tmp_path / "hours.json"
    assert run(db, "add", "Acme", "--role", "SRE", "--at", "yesterday 10am") == 0
    assert run(db, "direction", "acme", "no calls please", "--not-before", "2026-12-28") == 0
    assert "don't contact them before Mon 28 Dec 10:00" in capsys.readouterr().out
    assert run(db, "direction", "acme", "send two references", "--by", "2026-12-28") == 0
    assert "by Mon 28 Dec 16:00" in capsys.readouterr().out
    quiet, do_by = app_of(db).directions
    assert (quiet.due.isoformat(), do_by.due.isoformat()) == ("2026-12-28T09:00:00+00:00", "2026-12-28T15:00:00+00:00")


def test_a_suffix_after_a_comma_stays_with_its_name_and_deadline_names_type_on_any_keyboard(cli_db, capsys):
    """Review Q: `--interviewer "Ada Wong, PhD"` made a second person, "PhD", owed a note ("Hi PhD,"),
    and `--deadline thank-you:zoe-angstrom` was refused for Zoë Ångström."""
    assert run(cli_db, "add", "Suff", "--role", "X", "--at", "yesterday 10:00", "--interviewer", "Ada Wong, PhD",
               "--interviewer", "Cy Smith, Jr.; Zoë Ångström") == 0
    people = [p.name for p in app_of(cli_db).rounds[0].interviewers]
    assert people == ["Ada Wong, PhD", "Cy Smith, Jr.", "Zoë Ångström"]
    capsys.readouterr()
    assert run(cli_db, "show", "suff") == 0
    out = capsys.readouterr().out
    assert "thank-you:ada-wong-phd" in out and "thank-you:cy-smith-jr" in out and "thank-you:zoe-angstrom" in out
    assert run(cli_db, "snooze", "suff", "--deadline", "thank-you:zoë", "--until", "today 18:00") == 0
    assert run(cli_db, "snooze", "suff", "--deadline", "thank-you:ada", "--until", "today 18:00") == 0
    assert sorted(s.ref for s in app_of(cli_db).snoozes) == sorted(
        p.id for p in app_of(cli_db).rounds[0].interviewers if p.name != "Cy Smith, Jr.")
