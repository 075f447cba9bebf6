"""An interviewer's link from the board to the letter: the form's fields, the detail line, the
thank-you that links it, the letter screen's "left out" line, and letters that do not fit the card."""

from __future__ import annotations

from msgspec.structs import replace

from conftest import burst_keys, fill
from tui.core import actions, correspondence, letters
from tui.core.stages import LetterKind
from tui.ui.detail.forms import InterviewerForm, RoundForm
from tui.ui.letters import LetterScreen
from ui_detail_helpers import SIZE, acme, board, make_db, on_disk, open_card, wait_until
from ui_letters_helpers import DANA, SETTINGS, LetterHarness, frozen_now, interviewed, left_out_text, notices

ARTICLE = "https://blog.example/design-reviews"


def error_text(form, field: str) -> str:
    """The message shown under a form's field."""
    return str(form.query_one(f"#error-{field}").render())


async def edit_dana(pilot) -> InterviewerForm:
    """Dana Kim is the last line of the rounds list: highlight her and open her form."""
    await pilot.press("2", "end", "enter")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, InterviewerForm)
    return form


async def test_the_link_and_its_note_are_kept_shown_and_linked_by_the_thank_you(tmp_path, frozen):
    app = acme(frozen)
    db = make_db(tmp_path, app)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        form = await edit_dana(pilot)
        fill(form, link=ARTICLE, link_note="the post on design reviews")
        form.query_one("#field-link_note").focus()
        await pilot.press("enter")  # enter in the last field saves
        await pilot.pause()
        dana = (await on_disk(pilot, db, app.id)).latest_round.interviewers[0]
        assert (dana.link, dana.link_note) == (ARTICLE, "the post on design reviews")
        assert dana.topic == "system design"  # the other fields are kept
        assert "link: the post on design reviews" in rounds_text(followup)

        await pilot.press("t")  # the highlighted interviewer's thank-you
        await wait_until(pilot, lambda: isinstance(followup.screen, LetterScreen))
        body = followup.screen.letter.body
        assert f"here is the post on design reviews: {ARTICLE}" in body
        assert followup.screen.letter.left_out == []


def rounds_text(app) -> str:
    """Every line of the detail screen's rounds list, as shown."""
    from tui.ui.detail.rounds import RoundsList

    rounds = app.screen.query_one(RoundsList)
    return "\n".join(str(rounds.get_option_at_index(i).prompt) for i in range(rounds.option_count))


async def test_editing_the_round_keeps_each_interviewers_link(tmp_path, frozen):
    app = acme(frozen)
    rnd = app.latest_round
    linked = [replace(p, link=ARTICLE) for p in rnd.interviewers]
    app = actions.update_round(app, rnd.id, interviewers=linked, now=frozen)
    db = make_db(tmp_path, app)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("2", "end", "k", "enter")  # the Onsite round's line
        await pilot.pause()
        assert isinstance(followup.screen, RoundForm)
        fill(followup.screen, name="Loop")
        await pilot.press("ctrl+s")
        await pilot.pause()
        onsite = (await on_disk(pilot, db, app.id)).find_round(rnd.id)
        assert onsite.name == "Loop" and onsite.interviewers[0].link == ARTICLE


async def test_a_bad_link_or_a_note_without_one_is_refused_in_the_form_and_nothing_changes(tmp_path, frozen):
    app = acme(frozen)
    db = make_db(tmp_path, app)
    before = db.read_bytes()
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        form = await edit_dana(pilot)
        await pilot.press("tab", "tab", "tab", "tab")
        burst_keys(followup, "blog.example/post", "ctrl+s")  # typed and saved in one burst
        await wait_until(pilot, lambda: form.has_error("link"))
        assert "not a web address" in error_text(form, "link")
        await pilot.press("ctrl+a", "ctrl+k")
        fill(form, link_note="a talk")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.has_error("link_note") and followup.screen is form
        await pilot.press("escape", "y")
        await pilot.pause()
    assert db.read_bytes() == before


async def test_the_letter_screen_says_what_a_link_would_add_and_drops_it_once_there(tmp_path, letter_env):
    now = frozen_now()
    app = interviewed(now, DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        said = left_out_text(host)
        assert said.startswith("Left out: “Here is the piece I had in mind on moving their")
        assert said.endswith(": to use it, add a link for Dana Kim")
        assert "[link" not in host.screen.letter.body and "\n\n\n" not in host.screen.letter.body

    person = app.rounds[0].interviewers[0]
    linked = actions.update_round(app, app.rounds[0].id, now=now, interviewers=[replace(person, link=ARTICLE)])
    other = tmp_path / "linked"
    other.mkdir()
    host = LetterHarness(make_db(other, linked), linked.id, "thank-you")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert left_out_text(host) == ""
        assert ARTICLE in host.screen.letter.body


async def test_a_follow_up_without_a_pitch_says_a_pitch_would_replace_the_plain_line(tmp_path, letter_env):
    now = frozen_now()
    app = actions.move(interviewed(now.subtract(days=8), DANA), "awaiting", now=now.subtract(days=7))
    host = LetterHarness(make_db(tmp_path, app), app.id, "follow-up")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert "to use it, set a pitch" in left_out_text(host)
        assert "Since the Onsite round I am even more sure" in host.screen.letter.body


async def test_a_letter_that_does_not_fit_the_card_is_not_opened_and_says_why(tmp_path, letter_env):
    now = frozen_now()
    app = interviewed(now, DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "offer-reply")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert not any(isinstance(s, LetterScreen) for s in host.screen_stack)
        assert "No offer-reply letter: an offer reply answers an offer" in notices(host)[-1]


async def test_f_on_a_withdrawn_card_opens_nothing_and_says_why(tmp_path, letter_env):
    from tui.store import Store
    from tui.ui.app import FollowupApp

    now = frozen_now()
    card = correspondence.close(interviewed(now, DANA), "withdrawn", now=now)
    app = FollowupApp(Store(make_db(tmp_path, card)).open(), SETTINGS, poll_seconds=0, write_settle=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        burst_keys(app, "f", "t")  # both refused, in one burst; neither opens a screen
        await wait_until(pilot, lambda: len(notices(app)) >= 2)
        assert app.screen is app.board_screen
        assert "No follow-up letter: Acme Robotics is closed (withdrawn)" in notices(app)[-2]
        assert "No thank-you letter" in notices(app)[-1]
    assert letters.draft(card, LetterKind.FOLLOW_UP, SETTINGS, now)  # --force on the CLI still may


async def test_sent_at_records_the_moment_typed_and_refuses_the_future(tmp_path, letter_env):
    from ui_letters_helpers import stored

    now = frozen_now()
    app = interviewed(now, DANA)
    db = make_db(tmp_path, app)
    host = LetterHarness(db, app.id, "thank-you")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+b")
        form = host.screen
        fill(form, when="tomorrow 9:00")
        await pilot.press("enter")
        assert form.has_error("when") and "in the future" in error_text(form, "when")
        await pilot.press("escape", "y")
        await wait_until(pilot, lambda: isinstance(host.screen, LetterScreen))

        burst_keys(host, "ctrl+b", "today 9:30", "enter")  # in one burst: the keys land in the form
        await wait_until(pilot, lambda: "as sent" in getattr(host.screen, "question", ""))
        assert "Wed 11 Mar 09:30 · 6 hours ago" in host.screen.question
        await pilot.press("y")
        await wait_until(pilot, lambda: stored(db, app.id).interviewers()[0].thanked_at is not None)
    saved = stored(db, app.id)
    assert saved.interviewers()[0].thanked_at == now.replace(hour=9, minute=30)  # London is UTC in March
    assert saved.contacts[-1].at == now.replace(hour=9, minute=30)


async def test_sent_at_counts_the_promised_answer_from_then_and_says_which_day(tmp_path, letter_env):
    """ctrl+b on an ask-for-time letter: the reminder counts from when it went out, and the question names
    that day; an unedited letter is recorded as drafted from then."""
    import pendulum

    from tui.core.stages import Outcome
    from ui_letters_helpers import stored

    now = frozen_now()  # Wednesday 11 March, 15:00
    app = correspondence.close(interviewed(now.subtract(days=3), DANA), "offer", now=now.subtract(days=2))
    db = make_db(tmp_path, app)
    host = LetterHarness(db, app.id, "offer-reply")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")  # accept -> ask for time
        await pilot.pause()
        assert "by Monday 16 March" in host.screen.letter.body  # three business days from now
        burst_keys(host, "ctrl+b", "yesterday 16:00", "enter")
        await wait_until(pilot, lambda: "as sent" in getattr(host.screen, "question", ""))
        said = " ".join(host.screen.details)
        assert "give your answer by Friday 13 March" in said
        # unedited, the letter is drafted again from then, naming Friday as `--mark-sent --at` writes it
        # (review X4 #1: the warning was meant for a letter the user changed)
        assert "Your letter does not say" not in said
        await pilot.press("y")
        await wait_until(pilot, lambda: stored(db, app.id).open_tasks() != [])
    due = stored(db, app.id).open_tasks()[0].due
    assert due == pendulum.datetime(2026, 3, 13, 17, 0, tz="Europe/London")

    host = LetterHarness(db, app.id, "offer-reply")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f", "ctrl+f")  # accept -> ask for time -> decline
        await pilot.pause()
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: "as sent" in getattr(host.screen, "question", ""))
        await pilot.press("y")
        await wait_until(pilot, lambda: any("Recorded the offer reply to Sam Reyes" in n for n in notices(host)))
        assert any("Acme Robotics stays in Closed; outcome: withdrawn." in n for n in notices(host))
    assert stored(db, app.id).outcome is Outcome.WITHDRAWN
