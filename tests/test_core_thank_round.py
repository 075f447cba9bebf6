"""Whom the thank-you notes are for when the card also holds a round with nobody recorded in it.

Review B #2: a round still to come (or one whose people were not typed in yet)
must not hide the interviewers of the round that took place: `t`, `followup
letter … thank-you` and the sidebar's "Thank Bob" all name the same round.
"""

import pendulum

from cli_helpers import configure
from tui import cli
from tui.core import actions, letter_checks, letters, recipients
from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import Stage
from tui.store.store import Store

NOW = pendulum.datetime(2026, 11, 27, 19, 0, tz="UTC")  # a Friday
ONSITE = pendulum.datetime(2026, 12, 1, 14, 0, tz="UTC")  # next Tuesday
SETTINGS = Settings(name="Alex Morgan", timezone="UTC")


def globex():
    """Review B's steps: a round at 11:00 with Ann, Bob added to it, then an Onsite with nobody yet."""
    app = actions.new_application("Globex", "SRE", now=NOW.subtract(hours=8), round_at=NOW.subtract(hours=8),
                                  interviewers=[Interviewer("Ann Lee", email="ann@globex.example")])
    first = app.rounds[0]
    app = actions.update_round(app, first.id, now=NOW.subtract(hours=7),
                               interviewers=[*first.interviewers, Interviewer("Bob")])
    return actions.add_round(app, "Onsite", ONSITE, now=NOW.subtract(hours=6))


def thank_yous(app, now):
    return [d.person for d in deadlines_for(app, SETTINGS, now) if d.kind is DeadlineKind.THANK_YOU]


def test_the_notes_are_for_the_round_that_took_place_not_the_empty_one_to_come():
    app = globex()
    assert app.thank_you_round(NOW) is app.rounds[0]
    assert letter_checks.misfit(app, "thank-you", NOW, SETTINGS.zone) is None
    assert [p.name for p in recipients.unthanked_interviewers(app, NOW)] == ["Ann Lee", "Bob"]
    thanks = actions.set_thanked(app, app.rounds[0].interviewers[0].id, now=NOW)
    assert letter_checks.misfit(thanks, "thank-you", NOW, SETTINGS.zone) is None
    letter = letters.draft(thanks, "thank-you", SETTINGS, NOW)  # the only one left: Bob
    assert letter.recipient_name == "Bob" and letter.round_id == app.rounds[0].id
    assert thank_yous(thanks, NOW) == ["Bob"]


def test_thanking_the_last_of_that_round_moves_the_card_though_a_round_is_to_come():
    app = globex()
    for person in app.rounds[0].interviewers:
        app = actions.set_thanked(app, person.id, now=NOW)
    assert app.stage is Stage.THANKED
    assert thank_yous(app, NOW) == []


def test_an_unsent_thank_you_outlives_the_empty_round_after_it():
    """PRODUCT, Deadlines: a thank-you per interviewer stays until it is sent; an empty round passing
    puts the card back in interviewed and must not make Bob's note vanish."""
    app = globex()
    app = actions.set_thanked(app, app.rounds[0].interviewers[0].id, now=NOW)
    later = ONSITE.add(hours=1)
    owed = [d for d in deadlines_for(app, SETTINGS, later) if d.kind is DeadlineKind.THANK_YOU]
    assert [d.person for d in owed] == ["Bob"] and owed[0].overdue
    assert owed[0].due == app.rounds[0].at + pendulum.duration(hours=24)
    assert letter_checks.misfit(app, "thank-you", later, SETTINGS.zone) is None


def test_a_round_to_come_with_people_in_it_still_says_thank_them_after_it():
    app = actions.new_application("Lumen", "SRE", now=NOW, round_at=NOW.add(days=2),
                                  interviewers=[Interviewer("Grace Liu")])
    assert "still to come" in letter_checks.misfit(app, "thank-you", NOW, SETTINGS.zone)
    empty = actions.new_application("Lumen", "SRE", now=NOW, round_at=NOW.subtract(hours=2))
    assert letter_checks.misfit(empty, "thank-you", NOW, SETTINGS.zone) == (
        "Lumen has no interviewer recorded for a round that has taken place: add one first")


def test_followup_letter_thank_you_drafts_for_bob(tmp_path, monkeypatch, capsys):
    configure(tmp_path, monkeypatch, 'name = "Alex Morgan"\ntimezone = "UTC"\n', now=NOW.isoformat())
    app = globex()
    app = actions.set_thanked(app, app.rounds[0].interviewers[0].id, now=NOW)
    db = tmp_path / "followup.json"
    Store(db).open().add(app)
    code = cli.main(["--db", str(db), "letter", "globex", "thank-you"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert "Hi Bob," in out
