"""`followup letter`, run in-process: the printed letter, gaps, choosing, quiet periods, --mark-sent."""

import pendulum
import pytest

from cli_helpers import config_file, configure
from tui import cli
from tui.core import actions, correspondence, direction_actions, letters
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import Stage
from tui.store.store import Store

NOW = pendulum.datetime(2026, 3, 11, 15, 0, tz="UTC")
SETTINGS = Settings(name="Alex Morgan", timezone="Europe/Berlin")


@pytest.fixture
def config(tmp_path, monkeypatch):
    """The user's config dir (name and zone set), a frozen clock; returns the dir."""
    configure(tmp_path, monkeypatch, 'name = "Alex Morgan"\ntimezone = "Europe/Berlin"\n', now=NOW.isoformat())
    return config_file(tmp_path).parent


def seed(tmp_path, *people, stage=None, quiet_until=None):
    app = actions.new_application(
        "Acme Robotics", "Backend Engineer", now=NOW.subtract(hours=20), round_name="Onsite",
        round_at=NOW.subtract(hours=24), interviewers=list(people), recruiter="Sam Reyes <sam@acme.example>",
    )
    if stage:
        app = actions.move(app, stage, now=NOW.subtract(hours=1))
    if quiet_until:
        app = direction_actions.add_direction(app, "Please wait for the panel", "not-before", quiet_until, now=NOW)
    db = tmp_path / "followup.json"
    Store(db).open().add(app)
    return db, app


def run(db, *argv):
    return cli.main(["--db", str(db), "letter", *argv])


DANA = Interviewer("Dana Kim", email="dana@acme.example", topic="moving telemetry onto Kafka")
LUIS = Interviewer("Luis Ortega", topic="their flaky integration tests")


def test_prints_the_same_letter_the_engine_drafts(tmp_path, config, capsys):
    db, app = seed(tmp_path, DANA)
    assert run(db, app.id[:6], "thank-you") == 0
    out, err = capsys.readouterr()
    expected = letters.draft(app, "thank-you", SETTINGS, NOW)
    assert out == expected.text + "\n"
    assert out.startswith("Subject: Thank you for your time, Dana\n\nHi Dana,\n")
    assert err == ("followup: left out: “Here is the piece I had in mind on moving telemetry onto Kafka: …”: "
                   "to use it, add a link for Dana Kim\n")
    assert Store(db).open().get(app.id).to_dict() == app.to_dict()  # printing records nothing


def test_thank_you_with_several_waiting_lists_them_and_prints_nothing(tmp_path, config, capsys):
    db, app = seed(tmp_path, DANA, LUIS)
    assert run(db, app.id[:6], "thank-you") == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "Dana Kim, Luis Ortega" in err and "--interviewer" in err


def test_cloned_notes_get_a_warning_on_stderr_only(tmp_path, config, capsys):
    db, app = seed(tmp_path, DANA, Interviewer("Luis Ortega", topic=DANA.topic))
    assert run(db, app.id, "thank-you", "--interviewer", "luis") == 0
    out, err = capsys.readouterr()
    assert "Hi Luis," in out and "warning" not in out
    assert "like the one for Dana Kim" in err


def test_notes_from_the_shipped_template_to_two_people_are_not_called_clones(tmp_path, config, capsys):
    db, app = seed(tmp_path, DANA, LUIS)
    assert run(db, app.id, "thank-you", "--interviewer", "luis") == 0
    assert "warning" not in capsys.readouterr().err


def test_gaps_print_the_letter_but_exit_1_naming_them(tmp_path, config, capsys):
    db, app = seed(tmp_path, Interviewer("Grace Liu"))
    assert run(db, app.id, "thank-you") == 1
    out, err = capsys.readouterr()
    assert "[topic?]" in out
    gap_lines = [line for line in err.splitlines() if "gaps" in line]
    assert len(gap_lines) == 1 and "[topic?]" in gap_lines[0] and "--set" in gap_lines[0]
    assert run(db, app.id, "thank-you", "--force") == 1  # printed with its gaps: still held back
    assert run(db, app.id, "thank-you", "--set", "topic=dbt model tests") == 0
    out, _ = capsys.readouterr()
    assert "our conversation about dbt model tests" in out


def test_a_missing_name_names_the_set_key_and_the_setting_that_fill_it(tmp_path, monkeypatch, capsys):
    """The gap [signature?] is filled by --set signature=… (or my_name=…) for one letter, and by the
    setting `name` (`followup config name …`) for every letter; the hint names those, nothing else."""
    configure(tmp_path, monkeypatch, 'timezone = "Europe/Berlin"\n', now=NOW.isoformat())
    db, app = seed(tmp_path, DANA)
    assert run(db, app.id, "thank-you") == 1
    (gap_line,) = [line for line in capsys.readouterr().err.splitlines() if "gaps" in line]
    assert '[signature?]; fill them with --set signature="…", or for every letter with: ' \
           'followup config name "…"; or pass --force' in gap_line
    for key in ("signature", "my_name"):
        assert run(db, app.id, "thank-you", "--set", f"{key}=Alex Morgan") == 0, key
        out, err = capsys.readouterr()
        assert out.rstrip().endswith("Alex Morgan") and "gaps" not in err
    assert cli.main(["config", "name", "Alex Morgan"]) == 0
    assert run(db, app.id, "thank-you") == 0


def test_mark_sent_records_the_note_and_moves_the_card(tmp_path, config, capsys):
    db, app = seed(tmp_path, DANA)
    assert run(db, app.id, "thank-you", "--mark-sent") == 0
    out, err = capsys.readouterr()
    assert out.startswith("Subject: ")
    assert err.splitlines()[-1].startswith(f"{app.short_id} Acme Robotics: recorded the thank-you note to Dana Kim "
                                           "as sent Wed 11 Mar 16:00 · now; now thanked; next: Follow up — ")
    saved = Store(db).open().get(app.id)
    assert saved.stage is Stage.THANKED
    assert saved.interviewers()[0].thanked_at == NOW
    assert saved.contacts[-1].to == "Dana Kim <dana@acme.example>"
    assert saved.history[-1].kind == "letter"


def test_mark_sent_to_one_of_two_says_the_card_stays_where_it_is(tmp_path, config, capsys):
    db, app = seed(tmp_path, DANA, LUIS)
    assert run(db, app.id, "thank-you", "--interviewer", "Dana Kim", "--mark-sent") == 0
    _, err = capsys.readouterr()
    assert f"{app.short_id} Acme Robotics: recorded" in err and "; stays in interviewed; next: Thank Luis Ortega" in err
    assert Store(db).open().get(app.id).stage is Stage.INTERVIEWED


def test_mark_sent_with_gaps_records_nothing_unless_forced(tmp_path, config, capsys):
    db, app = seed(tmp_path, Interviewer("Grace Liu"))
    assert run(db, app.id, "thank-you", "--mark-sent") == 1
    assert "not marked sent" in capsys.readouterr().err
    assert Store(db).open().get(app.id).to_dict() == app.to_dict()
    assert run(db, app.id, "thank-you", "--mark-sent", "--force") == 1  # recorded, printed with its gaps
    assert Store(db).open().get(app.id).stage is Stage.THANKED


def test_follow_up_in_a_quiet_period_warns_and_needs_force_to_record(tmp_path, config, capsys):
    until = pendulum.datetime(2026, 3, 20, 9, 0, tz="Europe/Berlin")
    db, app = seed(tmp_path, DANA, stage=Stage.AWAITING, quiet_until=until)
    assert run(db, app.id, "follow-up") == 0
    out, err = capsys.readouterr()
    assert out.startswith("Subject: Following up on the Backend Engineer position\n\nHi Sam,")
    assert "before Friday 20 March at 09:00" in err
    assert run(db, app.id, "follow-up", "--mark-sent") == 1
    assert "quiet period" in capsys.readouterr().err
    assert Store(db).open().get(app.id).follow_up_count == 0
    assert run(db, app.id, "follow-up", "--mark-sent", "--force") == 0
    saved = Store(db).open().get(app.id)
    assert saved.stage is Stage.FOLLOWED_UP and saved.follow_up_count == 1


def test_every_letter_kind_drafted_in_a_quiet_period_warns(tmp_path, config, capsys):
    """Review A #4, B #3: PRODUCT warns for any letter to the company inside its quiet period, not only
    a follow-up; a thank-you is still recorded as sent without --force (only a follow-up chases them)."""
    until = pendulum.datetime(2026, 3, 20, 9, 0, tz="Europe/Berlin")
    db, app = seed(tmp_path, DANA, quiet_until=until)
    said = "warning: Acme Robotics asked not to be contacted before Friday 20 March at 09:00"
    assert run(db, app.id, "thank-you") == 0
    out, err = capsys.readouterr()
    assert out.startswith("Subject: Thank you for your time, Dana") and said in err
    Store(db).open().save(correspondence.close(app, "rejected", now=NOW))
    assert run(db, app.id, "rejection-reply") == 0
    assert said in capsys.readouterr().err
    assert run(db, app.id, "rejection-reply", "--mark-sent") == 0
    assert said in capsys.readouterr().err


def test_user_template_in_the_config_dir_is_used(tmp_path, config, capsys):
    (config / "templates").mkdir()
    (config / "templates" / "rejection-reply.txt").write_text(
        "Subject: Thanks, {recipient_first_name}\n\nThanks for the news about {role}.\n{signature}\n")
    db, app = seed(tmp_path, DANA)
    app = correspondence.close(app, "rejected", now=NOW)
    Store(db).open().save(app)
    assert run(db, app.id, "rejection-reply") == 0
    assert capsys.readouterr().out == ("Subject: Thanks, Sam\n\nThanks for the news about Backend Engineer.\n"
                                       "Alex Morgan\n")


def test_bad_template_or_input_is_one_line_and_changes_nothing(tmp_path, config, capsys):
    (config / "templates").mkdir()
    (config / "templates" / "follow-up.txt").write_text("Subject: Hi\n\nI bring {strength}.\n")
    db, app = seed(tmp_path, DANA, stage=Stage.AWAITING)
    for argv, words in [
        (("follow-up", "--mark-sent"), "{strength}"),
        (("thankyou",), "unknown letter kind"),
        (("offer-reply", "--variant", "refuse"), "accept, ask-for-time, decline"),
        (("thank-you", "--set", "topic"), "NAME=VALUE"),
        (("thank-you", "--interviewer", "Zed"), "no interviewer 'Zed'"),
    ]:
        assert run(db, app.id, *argv) == 2, argv
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1 and words in err, (argv, err)
    assert Store(db).open().get(app.id).to_dict() == app.to_dict()


def test_a_reply_marked_sent_before_the_rejection_it_answers_exits_2_and_changes_nothing(tmp_path, config, capsys):
    from cli_helpers import digest
    from tui.core.deadlines import deadlines_for

    db, app = seed(tmp_path)
    told = pendulum.datetime(2026, 3, 10, 18, 0, tz="Europe/Berlin")  # after the round (16:00 in Berlin)
    Store(db).open().save(correspondence.close(app, "rejected", now=NOW.subtract(hours=2), at=told))
    before = digest(db)
    capsys.readouterr()
    assert run(db, "acme", "rejection-reply", "--mark-sent", "--force", "--at", "2026-03-10 17:00") == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert "Tue 10 Mar 17:00 is before the rejection it answers (Tue 10 Mar 18:00)" in err
    assert digest(db) == before
    assert run(db, "acme", "rejection-reply", "--mark-sent", "--force", "--at", "2026-03-10 19:00") == 0
    saved = Store(db).open().load_all()[0]
    assert not [d for d in deadlines_for(saved, SETTINGS, NOW) if d.kind.value == "rejection-reply"]
