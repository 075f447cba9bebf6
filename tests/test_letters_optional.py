"""Optional lines in templates, the shipped templates with and without each optional value, and
letters that fit the moment: refusals, the second follow-up, an early follow-up, sent earlier."""

from __future__ import annotations

import re

import pendulum
import pytest
from msgspec.structs import replace

from cli_helpers import config_file, configure
from tui import cli
from tui.core import actions, correspondence, letter_checks, letters
from tui.core.errors import ValidationError
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import LetterKind, Stage
from tui.core.templates import LeftOut, parse_template, render
from tui.store.store import Store

NOW = pendulum.datetime(2026, 3, 11, 15, 0, tz="UTC")  # a Wednesday
SETTINGS = Settings(name="Alex Morgan", signature="Alex Morgan", timezone="Europe/Berlin")
PITCH = "Six years of running Kafka at scale, and a habit of writing the runbook before the incident."
LINK = "https://blog.example/kafka-compaction"
GAP = re.compile(r"\{[^{}]*\}|\[[a-z_]+\?\]|\[\[|\]\]|\|\|")


# --- the syntax --------------------------------------------------------------

def test_an_optional_part_is_kept_when_its_values_are_known():
    text, missing, left = render("Hi.[[ See {link}.]] Bye.", {"link": LINK})
    assert text == f"Hi. See {LINK}. Bye." and missing == [] and left == []


def test_an_optional_part_disappears_cleanly_with_its_line_and_says_what_it_waited_for():
    text, missing, left = render("Hi.\n\n[[See {link_note}: {link}]]\n\nBye.", {"link_note": "the talk"})
    assert text == "Hi.\n\nBye."
    assert missing == [] and left == [LeftOut(("link",), "See the talk: …")]


def test_two_optional_parts_on_one_line_each_go_their_own_way():
    template = "I am {my_name}[[, and we talked about {topic}]]. [[{pitch}]]"
    assert render(template, {"my_name": "Alex", "topic": "Kafka", "pitch": "I ship."})[0] == (
        "I am Alex, and we talked about Kafka. I ship.")
    assert render(template, {"my_name": "Alex", "pitch": "I ship."})[0] == "I am Alex. I ship."
    text, _missing, left = render(template, {"my_name": "Alex", "topic": "Kafka"})
    assert text == "I am Alex, and we talked about Kafka." and [x.needs for x in left] == [("pitch",)]
    assert render(template, {})[:2] == ("I am [my_name?].", ["my_name"])  # the required one keeps its gap


def test_alternatives_take_the_first_that_can_be_filled_and_a_plain_fallback_last():
    template = "[[What I bring: {pitch} || I would like to work on {role}. || Thanks.]]"
    assert render(template, {"pitch": "Kafka.", "role": "R"})[0] == "What I bring: Kafka."
    text, _, [left] = render(template, {"role": "Backend"})
    assert text == "I would like to work on Backend." and left.fallback and left.needs == ("pitch",)
    assert render(template, {})[0] == "Thanks."


@pytest.mark.parametrize("body, message", [
    ("Hello [[see {strength}]]", r"unknown placeholder \{strength\}"),
    ("Hello [[see {link}", "not closed with ]] on the same line"),
    ("Hello [[see {link}\n]]", "not closed with ]] on the same line"),
    ("Hello see {link}]]", "closes no optional part"),
    ("Hello [[no placeholder here]]", "has no placeholder, so it would never be left out"),
    ("Hello [[plain || {link}]]", "only the last alternative"),
    ("Hello [[{link} || ]]", "empty alternative"),
])
def test_a_bad_optional_part_is_refused_when_the_template_is_loaded(body, message):
    with pytest.raises(ValidationError, match=message):
        parse_template("x", f"Subject: Hi\n\n{body}\n", "x.txt")


def test_a_user_template_with_an_unknown_placeholder_in_an_optional_line_is_refused(tmp_path):
    (tmp_path / "thank-you.txt").write_text("Subject: Hi\n\nThanks.\n[[Here: {article_url}]]\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"thank-you.txt: unknown placeholder \{article_url\}"):
        letters.draft(acme(), "thank-you", SETTINGS, NOW, interviewer_id="Dana", templates_dir=tmp_path)


# --- the shipped templates, with and without each optional value --------------

def acme(*, link="", link_note="", pitch=""):
    app = actions.new_application(
        "Acme Robotics", "Senior Backend Engineer", now=NOW.subtract(days=8), round_name="Onsite",
        round_at=NOW.subtract(days=8),
        interviewers=[Interviewer("Dana Kim", email="dana@acme.example", topic="moving telemetry onto Kafka",
                                  link=link, link_note=link_note),
                      Interviewer("Luis Ortega", topic="their flaky integration tests")],
        recruiter="Sam Reyes <sam@acme.example>",
    )
    return replace(app, pitch=pitch)


def clean(letter):
    assert not GAP.search(letter.text), letter.text
    assert "\n\n\n" not in letter.text and "  " not in letter.body and " ." not in letter.body
    assert letter.word_count < 150
    assert letter.missing == []


@pytest.mark.parametrize("link, note", [("", ""), (LINK, ""), (LINK, "the talk on log compaction")])
def test_the_shipped_thank_you_with_and_without_a_link(link, note):
    letter = letters.draft(acme(link=link, link_note=note), "thank-you", SETTINGS, NOW, interviewer_id="Dana")
    clean(letter)
    assert "moving telemetry onto Kafka" in letter.body
    if not link:
        assert "http" not in letter.body
        assert letter.left_out == ["“Here is the piece I had in mind on moving telemetry onto Kafka: …”: "
                                   "to use it, add a link for Dana Kim"]
    elif note:
        assert f"here is the talk on log compaction: {LINK}" in letter.body and letter.left_out == []
    else:
        assert f"Here is the piece I had in mind on moving telemetry onto Kafka: {LINK}" in letter.body
        assert letter.left_out == []  # the plainer wording carries the link: nothing to tell


@pytest.mark.parametrize("card_pitch, settings_pitch", [("", ""), (PITCH, ""), ("", PITCH), (PITCH, "Other.")])
def test_the_shipped_follow_up_with_and_without_a_pitch(card_pitch, settings_pitch):
    settings = Settings(name="Alex Morgan", timezone="Europe/Berlin", pitch=settings_pitch)
    app = actions.move(acme(pitch=card_pitch), Stage.AWAITING, now=NOW.subtract(days=7))
    letter = letters.draft(app, "follow-up", settings, NOW)
    clean(letter)
    if card_pitch or settings_pitch:
        assert f"What I would bring to the team: {PITCH}" in letter.body and letter.left_out == []
        assert "Other." not in letter.body  # the card's own pitch wins
    else:
        assert "Since the Onsite round I am even more sure that I could do good work as your " \
               "Senior Backend Engineer." in letter.body
        assert letter.left_out[0].endswith("(a shorter line stands in): to use it, set a pitch (this card's, "
                                           "or pitch in the settings)")


def test_the_follow_up_without_any_topic_drops_that_clause_only():
    app = actions.new_application("Lumen", "Data Engineer", now=NOW.subtract(days=8), round_at=NOW.subtract(days=8),
                                  interviewers=[Interviewer("Grace Liu")], recruiter="Ann <ann@lumen.example>")
    letter = letters.draft(app, "follow-up", SETTINGS, NOW)
    clean(letter)
    assert "In case it helps to place me, I am Alex Morgan. Since our interview I am even more sure" in letter.body
    # the letter goes to the recruiter, Ann: she did not speak with the user about it (review W 1)
    assert letter.left_out[0] == ("“I spoke with Grace Liu about …”: "
                                  "to use it, add the topic you discussed with Grace Liu")


def test_every_shipped_template_loads_and_stays_short():
    for name in letters.all_template_names():
        template = letters.load_template(name)
        assert letters.word_count(template.body) < 150, name
    assert "follow-up-again" in letters.all_template_names()


# --- letters that fit the moment ------------------------------------------------

@pytest.mark.parametrize("outcome, kind, fits", [
    (None, "offer-reply", False), (None, "rejection-reply", False), (None, "follow-up", True),
    (None, "thank-you", True),
    ("rejected", "offer-reply", False), ("rejected", "rejection-reply", True), ("rejected", "follow-up", False),
    ("rejected", "thank-you", False),
    ("offer", "offer-reply", True), ("offer", "rejection-reply", False), ("offer", "follow-up", False),
    ("accepted", "offer-reply", True), ("withdrawn", "follow-up", False), ("no-response", "offer-reply", False),
])
def test_a_letter_fits_only_the_stage_and_outcome_it_answers(outcome, kind, fits):
    app = acme()
    if outcome:
        app = correspondence.close(app, outcome, now=NOW)
    reason = letter_checks.misfit(app, kind, NOW, SETTINGS.zone)
    assert (reason is None) is fits, reason


def test_the_reasons_say_why_in_words():
    rejected = correspondence.close(acme(), "rejected", now=NOW)
    assert letter_checks.misfit(rejected, "follow-up", NOW, SETTINGS.zone) == (
        "Acme Robotics is closed (rejected): there is nothing to follow up; "
        "reply to the rejection instead (rejection-reply)")
    assert letter_checks.misfit(acme(), "offer-reply", NOW, SETTINGS.zone) == (
        "an offer reply answers an offer, and Acme Robotics is in interviewed with no outcome recorded: "
        "record the offer first")
    offer = correspondence.close(acme(), "accepted", now=NOW)
    assert "answers an offer" in letter_checks.misfit(offer, "offer-reply", NOW, SETTINGS.zone, variant="ask-for-time")


def test_a_thank_you_needs_someone_to_thank_after_the_round():
    nobody = actions.new_application("Lumen", "Data Engineer", now=NOW, round_at=NOW.subtract(hours=3))
    assert "has no interviewer recorded" in letter_checks.misfit(nobody, "thank-you", NOW, SETTINGS.zone)
    upcoming = actions.new_application("Lumen", "Data Engineer", now=NOW, round_at=NOW.add(days=2),
                                       interviewers=[Interviewer("Grace Liu")])
    assert letter_checks.misfit(upcoming, "thank-you", NOW, SETTINGS.zone) == (
        "the Interview round at Lumen is still to come (Fri 13 Mar 16:00): thank them after it")
    assert "no interview has taken place" in letter_checks.misfit(upcoming, "follow-up", NOW, SETTINGS.zone)


# --- the second follow-up, an early one -----------------------------------------

def test_the_second_follow_up_is_the_shorter_one_naming_the_first_letters_date():
    app = actions.move(acme(), Stage.AWAITING, now=NOW.subtract(days=7))
    first = letters.draft(app, "follow-up", SETTINGS, NOW.subtract(days=2))
    app = letter_checks.mark_sent(app, first, now=NOW.subtract(days=2), zone=SETTINGS.zone)
    again = letters.draft(app, "follow-up", SETTINGS, NOW)
    clean(again)
    assert again.subject == "Still interested: Senior Backend Engineer at Acme Robotics"
    assert "after my letter of Monday 9 March" in again.body
    assert again.word_count < first.word_count
    assert again.kind is LetterKind.FOLLOW_UP

    restarted = actions.add_round(app, "Final", NOW.subtract(hours=1), [], now=NOW)  # a new round starts over
    assert letters.draft(restarted, "follow-up", SETTINGS, NOW).subject.startswith("Following up")


def test_a_follow_up_drafted_before_it_is_due_says_how_early():
    app = actions.move(acme(), Stage.AWAITING, now=NOW.subtract(days=7))
    early = NOW.subtract(days=6)  # the round was two days before
    assert letter_checks.follow_up_timing(app, SETTINGS, early) == (
        "This follow-up is 5 days early: it falls due Tue 10 Mar 16:00.")
    assert letter_checks.follow_up_timing(app, SETTINGS, NOW) is None  # due: nothing to say

    owed = acme()  # in interviewed, two thank-you notes still owed
    said = letter_checks.follow_up_timing(owed, SETTINGS, NOW)
    assert said.startswith("No follow-up is due yet at Acme Robotics: first “Thank Dana Kim”")


# --- sent earlier -----------------------------------------------------------------

def test_marked_sent_at_an_earlier_moment_records_that_moment():
    app = acme()
    note = letters.draft(app, "thank-you", SETTINGS, NOW, interviewer_id="Dana")
    at = letter_checks.read_sent_at("yesterday 18:00", app, note, NOW, SETTINGS.zone)
    sent = letter_checks.mark_sent(app, note, now=NOW, zone=SETTINGS.zone, at=at)
    assert sent.find_interviewer("Dana")[1].thanked_at == pendulum.datetime(2026, 3, 10, 17, 0, tz="UTC")
    assert sent.contacts[-1].at == at
    with pytest.raises(ValidationError, match="in the future"):
        letter_checks.read_sent_at("tomorrow 9:00", app, note, NOW, SETTINGS.zone)
    with pytest.raises(ValidationError, match="before the Onsite round it thanks for"):
        letter_checks.read_sent_at("2026-03-01 10:00", app, note, NOW, SETTINGS.zone)
    with pytest.raises(ValidationError, match="cannot read the time"):
        letter_checks.read_sent_at("the other day", app, note, NOW, SETTINGS.zone)
    # a bare weekday is the most recent one: Tuesday 16:00, the day before this Wednesday
    assert letter_checks.read_sent_at("tue 16:00", app, note, NOW, SETTINGS.zone) == pendulum.datetime(
        2026, 3, 10, 15, 0, tz="UTC")
    with pytest.raises(ValidationError, match="in the future"):
        letter_checks.check_sent_at(app, note, NOW.add(minutes=5), NOW, SETTINGS.zone)


# --- the command line --------------------------------------------------------------

@pytest.fixture
def config(tmp_path, monkeypatch):
    configure(tmp_path, monkeypatch, f'name = "Alex Morgan"\ntimezone = "Europe/Berlin"\npitch = "{PITCH}"\n',
              now=NOW.isoformat())
    return config_file(tmp_path).parent


def seeded(tmp_path, app):
    db = tmp_path / "followup.json"
    Store(db).open().add(app)
    return db


def letter(db, *argv):
    return cli.main(["--db", str(db), "letter", *argv])


def test_cli_refuses_a_letter_that_does_not_fit_unless_forced(tmp_path, config, capsys):
    app = correspondence.close(acme(), "rejected", now=NOW)
    db = seeded(tmp_path, app)
    before = db.read_bytes()
    assert letter(db, app.id, "offer-reply") == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert "an offer reply answers an offer" in err and "--force" in err
    assert letter(db, app.id, "offer-reply", "--force") == 0
    out, err = capsys.readouterr()
    assert out.startswith("Subject: Accepting") and "warning: an offer reply answers an offer" in err
    assert db.read_bytes() == before


def test_cli_prints_the_link_and_the_pitch_the_user_saved(tmp_path, config, capsys):
    app = actions.move(acme(link=LINK, link_note="the talk on log compaction"), Stage.AWAITING, now=NOW)
    db = seeded(tmp_path, app)
    assert letter(db, app.id, "thank-you", "--interviewer", "Dana") == 0
    out, err = capsys.readouterr()
    assert f"here is the talk on log compaction: {LINK}" in out and "left out" not in err
    assert letter(db, app.id, "follow-up") == 0
    out, err = capsys.readouterr()
    assert f"What I would bring to the team: {PITCH}" in out  # from config.toml


def test_cli_mark_sent_at_records_the_past_moment_and_refuses_the_future(tmp_path, config, capsys):
    app = actions.move(acme(), Stage.AWAITING, now=NOW.subtract(days=7))
    db = seeded(tmp_path, app)
    before = db.read_bytes()
    for argv, said in [
        (("--mark-sent", "--at", "tomorrow 10:00"), "in the future"),
        (("--mark-sent", "--at", "someday"), "cannot read the time"),
        (("--at", "yesterday 10:00"), "use it with --mark-sent"),
    ]:
        assert letter(db, app.id, "follow-up", *argv) == 2, argv
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1 and said in err, err
    assert db.read_bytes() == before

    assert letter(db, app.id, "follow-up", "--mark-sent", "--at", "yesterday 16:30") == 0
    err = capsys.readouterr().err
    assert "as sent Tue 10 Mar 16:30 · " in err
    saved = Store(db).open().get(app.id)
    assert saved.contacts[-1].at == pendulum.datetime(2026, 3, 10, 15, 30, tz="UTC")
    assert saved.stage is Stage.FOLLOWED_UP and saved.follow_up_count == 1


def test_cli_says_how_early_a_follow_up_is(tmp_path, config, capsys):
    app = actions.move(acme(), Stage.AWAITING, now=NOW)
    app = replace(app, rounds=[replace(app.rounds[0], at=NOW.subtract(days=1))])
    db = seeded(tmp_path, app)
    assert letter(db, app.id, "follow-up") == 0
    assert "note: this follow-up is 6 days early: it falls due Tue 17 Mar 16:00." in capsys.readouterr().err


def test_a_line_that_lacks_two_things_names_both_with_one_verb():
    from tui.core.letters import left_out_line
    from tui.core.templates import LeftOut

    line = left_out_line(LeftOut(("topic", "link"), "Here is the piece I had in mind on …: …"), "Priya Shah")
    assert line == ("“Here is the piece I had in mind on …: …”: to use it, add the topic you discussed with "
                    "Priya Shah and a link for Priya Shah")
