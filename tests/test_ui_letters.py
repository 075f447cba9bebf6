"""The letter screen in a stand-in host: the text, the clipboard, gaps, clones, quiet periods, marking sent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.command import CommandInput, CommandPalette

from tui import cli
from tui.core import actions, correspondence, direction_actions, letters
from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.settings import Settings
from tui.core.stages import LetterKind, Stage
from tui.store import Store
from tui.ui.letters import LetterScreen
from tui.ui.letters.body import LetterBody
from tui.ui.letters.drafts import letter_kind_for
from tui.ui.messages import ApplicationsChanged
from tui.ui.screens.confirm import ConfirmScreen
from ui_letters_helpers import (
    DANA,
    LUIS,
    SETTINGS,
    LetterHarness,
    awaiting,
    frozen_now,
    interviewed,
    letter_screen,
    make_db,
    notices,
    replace_in_body,
    screen_text,
    shown_text,
    status_text,
    stored,
    wait_until,
    warnings_text,
)

SIZE = (100, 32)


def cli_letter(capsys, db, app_id, kind, *extra) -> str:
    code = cli.main(["--db", str(db), "letter", app_id, kind, *extra])
    out = capsys.readouterr().out
    assert code in (0, 1), out
    return out


@pytest.mark.parametrize("kind, stage_change, extra", [
    ("thank-you", None, ["--interviewer", "Dana"]),
    ("follow-up", "awaiting", []),
    ("rejection-reply", "rejected", []),
    ("offer-reply", "offer", []),
])
async def test_the_screen_shows_exactly_what_followup_letter_prints(tmp_path, letter_env, capsys, kind, stage_change,
                                                                   extra):
    now = frozen_now()
    app = interviewed(now, DANA, LUIS)
    if stage_change == "awaiting":
        app = actions.move(app, "awaiting", now=now)
    elif stage_change:
        app = correspondence.close(app, stage_change, now=now)
    db = make_db(tmp_path, app)
    printed = cli_letter(capsys, db, app.id, kind, *extra)

    host = LetterHarness(db, app.id, kind)
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert shown_text(host) + "\n" == printed


@pytest.mark.parametrize("setting, copied", [("external", False), ("off", False), ("on", True)])
async def test_inside_a_tmux_that_drops_copies_it_says_so_instead_of_copied(tmp_path, letter_env, monkeypatch,
                                                                            setting, copied):
    """tmux's default (set-clipboard external) drops an application's OSC 52: "Copied" would be a lie."""
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "tmux").write_text(f"#!/bin/sh\necho {setting}\n", encoding="utf-8")
    (fake / "tmux").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}:{os.environ['PATH']}")
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    app = interviewed(frozen_now(), DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        assert bool(host.clipboard) is copied
        said = notices(host)[-1]
        assert said.startswith("Copied") if copied else said.startswith("Not copied: this tmux drops")
        # the advice only where it is needed: not once tmux passes copies on
        footer = str(host.screen.query_one("#letter-help").render())
        assert ("set-clipboard" in footer) is not copied
        assert ("set-clipboard" in said) is not copied


async def test_copy_puts_the_subject_and_the_letter_on_the_clipboard(tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await replace_in_body(pilot, "Kind regards", "Warm regards")
        await pilot.press("ctrl+t")
        assert host.clipboard == shown_text(host)
        assert host.clipboard.startswith("Subject: Thank you for your time, Dana\n\nHi Dana,\n")
        assert "Warm regards" in host.clipboard
        assert "tmux" not in notices(host)[-1]  # outside tmux there is nothing to set up
        assert "tmux" not in str(host.screen.query_one("#letter-help").render())
        assert "copied" in status_text(host)


async def test_a_missing_topic_blocks_copy_until_the_user_fills_it(tmp_path, letter_env):
    app = interviewed(frozen_now(), dict(name="Grace Liu"))
    db = make_db(tmp_path, app)
    host = LetterHarness(db, app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "[topic?]" in shown_text(host)
        assert "Still to fill: [topic?]" in warnings_text(host)
        # review M: "until then copy and mark sent ask first" read like a missing word
        assert "until then, copying or marking it sent asks you first" in " ".join(warnings_text(host).split())

        await pilot.press("ctrl+t")
        assert isinstance(host.screen, ConfirmScreen)
        await pilot.press("n")
        assert host.clipboard == ""
        assert "Not copied: fill [topic?] first." in notices(host)[-1]

        await pilot.press("ctrl+r")  # marking sent asks too, naming the gap
        assert isinstance(host.screen, ConfirmScreen) and "gaps: [topic?]" in " ".join(host.screen.details)
        await pilot.press("escape")
        assert stored(db, app.id).interviewers()[0].thanked_at is None

        await replace_in_body(pilot, "[topic?]", "their on-call rota")
        assert warnings_text(host) == ""
        await pilot.press("ctrl+t")
        assert isinstance(host.screen, LetterScreen)  # no question this time
        assert "about their on-call rota." in host.clipboard and "[topic?]" not in host.clipboard


async def test_copy_with_gaps_goes_through_when_the_user_says_so(tmp_path, letter_env):
    app = interviewed(frozen_now(), dict(name="Grace Liu"))
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t", "y")
        assert host.clipboard == shown_text(host) and "[topic?]" in host.clipboard


async def test_marking_sent_records_thanks_contact_history_and_stage_in_the_file(tmp_path, letter_env):
    now = frozen_now()
    app = interviewed(now, DANA)
    db = make_db(tmp_path, app)
    assert [d.kind for d in deadlines_for(app, SETTINGS, now)] == [DeadlineKind.THANK_YOU]
    host = LetterHarness(db, app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        assert isinstance(host.screen, ConfirmScreen)
        assert "Dana Kim is marked thanked" in " ".join(host.screen.details)
        await pilot.press("y")
        await wait_until(pilot, lambda: not any(isinstance(s, LetterScreen) for s in host.screen_stack))
        assert "Acme Robotics moved to Thanked" in notices(host)[-1]

    saved = stored(db, app.id)
    assert saved.stage is Stage.THANKED
    assert saved.interviewers()[0].thanked_at == now
    assert [(c.kind, c.to) for c in saved.contacts] == [("thank-you", "Dana Kim <dana@acme.example>")]
    assert saved.history[-1].kind == "letter" and "“Thank you for your time, Dana”" in saved.history[-1].text
    assert not [d for d in deadlines_for(saved, SETTINGS, now) if d.kind is DeadlineKind.THANK_YOU]


async def test_t_goes_through_each_waiting_interviewer_and_moves_on_after_each_is_sent(tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA, LUIS)
    db = make_db(tmp_path, app)
    host = LetterHarness(db, app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = letter_screen(host)
        assert "Thank-you note 1 of 2" in str(screen.query_one("#letter-title").render())
        await pilot.press("ctrl+n")
        assert shown_text(host).startswith("Subject: Thank you for your time, Luis")
        await pilot.press("ctrl+g")
        assert shown_text(host).startswith("Subject: Thank you for your time, Dana")

        await pilot.press("ctrl+r", "y")
        await wait_until(pilot, lambda: "Next: Luis Ortega (2 of 2)" in notices(host)[-1])
        assert shown_text(host).startswith("Subject: Thank you for your time, Luis")
        middle = stored(db, app.id)
        assert middle.stage is Stage.INTERVIEWED
        assert [p.thanked_at is not None for p in middle.interviewers()] == [True, False]

        await pilot.press("ctrl+r", "y")
        await wait_until(pilot, lambda: not any(isinstance(s, LetterScreen) for s in host.screen_stack))
    assert stored(db, app.id).stage is Stage.THANKED


async def test_near_identical_notes_for_one_round_are_flagged_until_one_is_made_personal(tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA, {**LUIS, "topic": DANA["topic"]})  # the same topic for both
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "The notes to Dana Kim and Luis Ortega say the same thing" in warnings_text(host)
        assert "alike" in warnings_text(host)

        await replace_in_body(
            pilot, "It gave me a clear picture of the work, and talking it through with you made me even keener "
            "to join the team.",
            "Your sketch of the consumer lag dashboard stayed with me; I have since read the Kafka Streams "
            "docs on exactly-once delivery and would love to compare notes with your on-call engineers "
            "about rebalancing storms during peak traffic.")
        assert warnings_text(host) == ""
        await pilot.press("ctrl+n")  # Luis's note is compared with Dana's edited one
        assert warnings_text(host) == ""
        await pilot.press("ctrl+g")
        assert "rebalancing storms" in shown_text(host)  # the edit survived the trip
        assert "edited" in status_text(host)


async def test_a_follow_up_inside_a_quiet_period_asks_first_naming_their_date(tmp_path, letter_env):
    now = frozen_now()
    app = awaiting(now, quiet_until=now.add(days=6).start_of("day"))  # Tuesday 17 March
    db = make_db(tmp_path, app)
    before = db.read_bytes()
    host = LetterHarness(db, app.id, "follow-up")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(host.screen, ConfirmScreen)
        assert host.screen.question.startswith("Acme Robotics asked not to be contacted before Tuesday 17 March")
        assert "Please wait until the panel has met" in host.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert not any(isinstance(s, LetterScreen) for s in host.screen_stack)
    assert db.read_bytes() == before

    host = LetterHarness(db, app.id, "follow-up")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("y")
        assert isinstance(host.screen, LetterScreen)
        assert "asked not to be contacted before Tuesday 17 March" in warnings_text(host)
        await pilot.press("ctrl+r")
        assert "before Tuesday 17 March" in " ".join(host.screen.details)
        await pilot.press("y")
        await wait_until(pilot, lambda: not any(isinstance(s, LetterScreen) for s in host.screen_stack))
    saved = stored(db, app.id)
    assert saved.stage is Stage.FOLLOWED_UP and saved.follow_up_count == 1


async def test_a_thank_you_inside_a_quiet_period_says_so_without_asking(tmp_path, letter_env):
    """PRODUCT: the app warns when the user drafts a letter to a company inside its quiet period; a
    thank-you said nothing. It opens at once (no question: it is due now) with the warning shown."""
    now = frozen_now()
    app = interviewed(now, DANA)
    app = direction_actions.add_direction(app, "Please wait until the panel has met", "not-before",
                                now.add(days=6).start_of("day"), now=now.subtract(hours=1))
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(host.screen, LetterScreen)
        assert "asked not to be contacted before Tuesday 17 March" in warnings_text(host)


async def test_thank_you_notes_are_for_the_round_held_not_one_still_to_come(tmp_path, letter_env):
    """A round still to come (its interviewer already known) took the notes from the onsite held
    yesterday, whose interviewer waits for hers."""
    from tui.core.parts import Interviewer

    now = frozen_now()
    app = interviewed(now, DANA)
    app = actions.add_round(app, "Final", now.add(days=5), [Interviewer(**LUIS)], now=now.subtract(hours=1))
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(host.screen, LetterScreen), notices(host)
        assert "Dana" in str(host.screen.query_one("#letter-to").render())


async def test_no_quiet_question_outside_a_quiet_period(tmp_path, letter_env):
    app = awaiting(frozen_now())
    host = LetterHarness(make_db(tmp_path, app), app.id, "follow-up")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(host.screen, LetterScreen)
        assert str(host.screen.query_one("#letter-to").render()) == "Sam Reyes <sam@acme.example> (the recruiter)"
        assert warnings_text(host) == ""


async def test_offer_reply_switches_between_accepting_and_asking_for_time(tmp_path, letter_env):
    app = correspondence.close(interviewed(frozen_now(), DANA), "offer", now=frozen_now())
    host = LetterHarness(make_db(tmp_path, app), app.id, letter_kind_for(app))
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert shown_text(host).startswith("Subject: Accepting the Backend Engineer offer")
        await pilot.press("ctrl+f")
        assert shown_text(host).startswith("Subject: Your offer for the Backend Engineer position")
        assert "(ask for time)" in str(host.screen.query_one("#letter-title").render())


async def test_a_change_to_the_card_redrafts_untouched_letters_and_keeps_edited_ones(tmp_path, letter_env):
    now = frozen_now()
    app = interviewed(now, DANA, LUIS)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await replace_in_body(pilot, "Hi Dana,", "Dear Dana,")
        rnd = app.rounds[0]
        people = list(rnd.interviewers)
        people[0].topic, people[1].topic = "stream processing", "test sharding"
        host.changelog.apply(app.id, lambda a: actions.update_round(a, rnd.id, interviewers=people, now=now), "Edit")
        letter_screen(host).post_message(ApplicationsChanged(None))
        await pilot.pause()
        assert "Dear Dana," in shown_text(host) and "moving their telemetry" in shown_text(host)
        await pilot.press("ctrl+n")
        assert "about test sharding." in shown_text(host)


async def test_a_card_without_interviewers_says_what_to_do_and_goes_back(tmp_path, letter_env):
    app = interviewed(frozen_now())
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: not any(isinstance(s, LetterScreen) for s in host.screen_stack))
        assert "has no interviewer recorded" in notices(host)[-1]


async def test_escape_asks_before_dropping_edits_goes_back_and_writes_nothing(tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA)
    db = make_db(tmp_path, app)
    before = db.read_bytes()
    host = LetterHarness(db, app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await replace_in_body(pilot, "Hi Dana,", "Dear Dana,")
        letter_screen(host).flush_pending()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(host.screen, ConfirmScreen) and "drop your edits" in host.screen.question
        await pilot.press("n")  # stay: the edit is still there
        await pilot.pause()
        assert "Dear Dana," in letter_screen(host).query_one(LetterBody).text
        await pilot.press("escape", "y")
        await pilot.pause()
        assert not any(isinstance(s, LetterScreen) for s in host.screen_stack)
    assert db.read_bytes() == before


async def test_quitting_with_an_edited_letter_keeps_it_in_a_rescue_file_and_exits_1(tmp_path, letter_env, monkeypatch):
    from tui.ui.app import FollowupApp

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app = interviewed(frozen_now(), DANA)
    db = make_db(tmp_path, app)
    followup = FollowupApp(Store(db), Settings(timezone="Europe/Berlin"), poll_seconds=0)
    async with followup.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await replace_in_body(pilot, "Hi Dana,", "Dear Dana,")
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert followup.return_code == 1
    (line,) = followup.rescued
    assert "the edited thank-you note to Dana" in line
    assert "was not saved (letters live until they are sent)" in line  # not "could not": nothing failed
    rescued = Path(line.rsplit("it is in ", 1)[1]).read_text(encoding="utf-8")
    assert "Dear Dana," in rescued


def test_f_drafts_the_reply_a_closed_card_needs():
    now = frozen_now()
    app = interviewed(now, DANA)
    assert letter_kind_for(app) is LetterKind.FOLLOW_UP
    assert letter_kind_for(correspondence.close(app, "rejected", now=now)) is LetterKind.REJECTION_REPLY
    assert letter_kind_for(correspondence.close(app, "offer", now=now)) is LetterKind.OFFER_REPLY
    assert letter_kind_for(correspondence.close(app, "withdrawn", now=now)) is LetterKind.FOLLOW_UP
    rejected = correspondence.close(app, "rejected", now=now)
    assert letters.draft(rejected, letter_kind_for(rejected), SETTINGS, now).subject.startswith(
        "Thank you, and a small request: ")


async def test_every_letter_action_is_in_the_command_palette(tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA, LUIS)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(host.screen, CommandPalette))
        host.screen.query_one(CommandInput).value = "next"
        await wait_until(pilot, lambda: "ctrl+n" in screen_text(host))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(host.screen, LetterScreen))
        await wait_until(pilot, lambda: shown_text(host).startswith("Subject: Thank you for your time, Luis"))
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(host.screen, CommandPalette))
        host.screen.query_one(CommandInput).value = "copy"
        await wait_until(pilot, lambda: "ctrl+t" in screen_text(host))
        await pilot.press("enter")
        await wait_until(pilot, lambda: host.clipboard == shown_text(host))


async def test_the_users_own_template_is_used_and_a_broken_one_is_named(tmp_path, letter_env):
    folder = tmp_path / "config" / "followup" / "templates"
    folder.mkdir()
    app = interviewed(frozen_now(), DANA)
    db = make_db(tmp_path, app)
    (folder / "thank-you.txt").write_text(
        "Subject: Thanks, {interviewer_first_name}\n\nCheers for {topic}.\n{signature}\n")
    host = LetterHarness(db, app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert shown_text(host) == "Subject: Thanks, Dana\n\nCheers for moving their telemetry onto Kafka.\nAlex Morgan"

    (folder / "thank-you.txt").write_text("Subject: Hi\n\nAbout {hobby}.\n")
    host = LetterHarness(db, app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: not any(isinstance(s, LetterScreen) for s in host.screen_stack))
        assert "unknown placeholder {hobby}" in notices(host)[-1] and str(folder) in notices(host)[-1]


async def test_the_word_count_follows_the_typing_and_says_when_the_letter_runs_long(tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        words = letters.word_count(letter_screen(host).query_one("#letter-body").text)
        assert status_text(host).startswith(f"{words} words · not sent yet")
        await replace_in_body(pilot, "Hi Dana,", "Hi Dana," + " really" * (151 - words))
        assert status_text(host).startswith("151 words, long: aim for under 150 · edited")


async def test_the_second_follow_up_is_a_new_letter_not_one_already_sent(tmp_path, letter_env):
    """Follow-up #1 went out last week: the draft shown is #2, not sent, and marking it asks nothing about a repeat."""
    now = frozen_now()
    app = correspondence.record_letter_sent(awaiting(now), "follow-up", now=now.subtract(days=5))
    host = LetterHarness(make_db(tmp_path, app), app.id, "follow-up")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "follow-up #2, not sent yet (#1 went out" in status_text(host)
        assert "recorded as sent" not in status_text(host)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(host.screen, ConfirmScreen)
        assert not any("already recorded" in line for line in host.screen.details)
        assert any("follow-up #2" in line for line in host.screen.details)


async def test_a_reply_to_an_earlier_rejection_does_not_count_for_the_latest_one(tmp_path, letter_env):
    """Rejected, answered, reopened, rejected again: the reply owed now is a new letter."""
    now = frozen_now()
    app = correspondence.close(interviewed(now.subtract(days=9), DANA), "rejected", now=now.subtract(days=8))
    app = correspondence.record_letter_sent(app, "rejection-reply", now=now.subtract(days=7))
    app = actions.move(app, "awaiting", now=now.subtract(days=6))
    app = correspondence.close(app, "rejected", now=now.subtract(hours=2))
    host = LetterHarness(make_db(tmp_path, app), app.id, "rejection-reply")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "not sent yet" in status_text(host) and "recorded as sent" not in status_text(host)


async def test_at_the_smallest_size_the_letter_keeps_room_under_its_warnings(tmp_path, letter_env):
    """60x15 (the board's minimum) with a quiet-period warning: the letter still shows several lines."""
    now = frozen_now()
    app = awaiting(now, quiet_until=now.add(days=6).start_of("day"))
    host = LetterHarness(make_db(tmp_path, app), app.id, "follow-up")
    async with host.run_test(size=(60, 15)) as pilot:
        await pilot.pause()
        await pilot.press("y")  # write it although they asked for quiet
        await pilot.pause()
        screen = letter_screen(host)
        assert warnings_text(host) and screen.has_class("-short")
        assert screen.query_one("#letter-body").region.height >= 5
    (tmp_path / "tall").mkdir()
    async with LetterHarness(make_db(tmp_path / "tall", app), app.id, "follow-up").run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not letter_screen(pilot.app).has_class("-short")


async def test_leaving_after_one_edited_note_went_out_asks_only_about_the_one_still_edited(tmp_path, letter_env):
    """A note recorded sent is on record: leaving asked to "drop 2 edited letters", counting it (review V #6)."""
    app = interviewed(frozen_now(), DANA, LUIS)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await replace_in_body(pilot, "Hi Dana,", "Dear Dana,")
        await pilot.press("ctrl+r", "y")
        await wait_until(pilot, lambda: "Next: Luis Ortega (2 of 2)" in notices(host)[-1])
        await replace_in_body(pilot, "Hi Luis,", "Dear Luis,")
        letter_screen(host).flush_pending()
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(host.screen, ConfirmScreen))
        assert host.screen.question == "Leave and drop your edits to this letter?"
        assert [t.what for t in letter_screen(host).unsaved_texts()] == [
            f"the edited thank-you note to Luis Ortega ({app.company})"]


async def test_a_resize_sets_the_letters_lines_again_only_where_their_words_change(tmp_path, letter_env, monkeypatch):
    """Static.update asks for a layout even for the same words: the first resize set the title, the
    recipients and the status again, and the screen was laid out and drawn a second time as it opened."""
    from textual.widgets import Static

    set_lines: list[str] = []
    update = Static.update

    def noted(self, *args, **kwargs):
        set_lines.append(self.id or "")
        return update(self, *args, **kwargs)

    monkeypatch.setattr(Static, "update", noted)
    app = interviewed(frozen_now(), DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert set_lines.count("letter-title") == 1 and set_lines.count("letter-status") == 1, set_lines
        await pilot.resize_terminal(SIZE[0] - 10, SIZE[1])
        await pilot.pause()
        assert set_lines.count("letter-title") == 1  # the same words at any width
        assert "Dana" in str(letter_screen(host).query_one("#letter-to", Static).render())
