"""An edit form saves what the user changed in it, never the whole form over a card changed meanwhile.

The board re-reads a card another Followup process (or the command line)
changed, also while a form over it is open. Found by review: the card form,
opened before `followup edit --role`, put the old role back when the
recruiter was saved; the interviewer form did the same to a topic.
"""

from __future__ import annotations

import msgspec

from conftest import fill
from tui.core import actions
from tui.store import Store
from tui.ui.screens.form import FormScreen
from ui_detail_helpers import SIZE, acme, board, make_db, on_disk, open_card, stored, wait_until


def elsewhere(db, app_id: str, change) -> None:
    """Another process changes the card (the command line, a second board)."""
    other = Store(db).open()
    other.put(change(other.get(app_id)))


async def card_form_then_role_changed_elsewhere(pilot, db, app_id: str, now) -> FormScreen:
    """The card's form (c) open on the detail screen, and the role changed by another process meanwhile."""
    await open_card(pilot)
    await pilot.press("c")
    form = pilot.app.screen
    assert isinstance(form, FormScreen)
    elsewhere(db, app_id, lambda a: actions.edit(a, role="Staff Engineer", now=now))
    pilot.app.poll_store()  # what the one-second timer does
    await pilot.pause()
    return form


async def test_the_card_form_keeps_a_field_changed_elsewhere_meanwhile(tmp_path, frozen):
    app = acme(frozen)
    db = make_db(tmp_path, app)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        form = await card_form_then_role_changed_elsewhere(pilot, db, app.id, frozen)
        fill(form, recruiter="Sam Lee <sam@acme.com>")
        await pilot.press("ctrl+s")
        saved = await on_disk(pilot, db, app.id)
        assert (saved.role, saved.recruiter) == ("Staff Engineer", "Sam Lee <sam@acme.com>")


async def test_a_field_changed_both_here_and_elsewhere_is_refused_under_it_then_replaced_on_purpose(
        tmp_path, frozen):
    app = acme(frozen)
    db = make_db(tmp_path, app)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        form = await card_form_then_role_changed_elsewhere(pilot, db, app.id, frozen)
        fill(form, role="Principal Engineer")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert followup.screen is form  # refused, with what was typed still in the field
        assert "changed elsewhere" in str(form.query_one("#error-role").render())
        assert "Staff Engineer" in str(form.query_one("#error-role").render())
        assert form.query_one("#field-role").value == "Principal Engineer"
        assert (await on_disk(pilot, db, app.id)).role == "Staff Engineer"
        await pilot.press("ctrl+s")  # saved again: the user has seen the other value and keeps theirs
        assert (await on_disk(pilot, db, app.id)).role == "Principal Engineer"


async def test_the_interviewer_form_keeps_a_topic_and_a_thank_you_set_elsewhere(tmp_path, frozen):
    app = acme(frozen)
    db = make_db(tmp_path, app)
    dana_id = app.rounds[1].interviewers[0].id

    def meanwhile(a):
        a = actions.update_round(a, a.rounds[1].id, now=frozen, interviewers=[
            msgspec.structs.replace(p, topic="caching at scale") for p in a.rounds[1].interviewers])
        return actions.set_thanked(a, dana_id, True, now=frozen)

    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("2", "end", "enter")  # Dana Kim, the last line
        form = followup.screen
        assert isinstance(form, FormScreen)
        elsewhere(db, app.id, meanwhile)
        followup.poll_store()
        await pilot.pause()
        fill(form, title="Director")
        await pilot.press("ctrl+s")
        dana = (await on_disk(pilot, db, app.id)).find_interviewer("Dana Kim")[1]
        assert (dana.title, dana.topic) == ("Director", "caching at scale")
        assert dana.thanked_at is not None


async def test_a_round_edited_meanwhile_keeps_its_new_time_when_only_its_name_is_changed(tmp_path, frozen):
    app = acme(frozen)
    db = make_db(tmp_path, app)
    onsite = app.rounds[1]
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("2", "end", "up", "enter")  # the Onsite line, above Dana Kim
        form = followup.screen
        assert isinstance(form, FormScreen)
        earlier = frozen.subtract(hours=22)
        elsewhere(db, app.id, lambda a: actions.update_round(a, onsite.id, at=earlier, now=frozen))
        followup.poll_store()
        await pilot.pause()
        fill(form, name="Onsite loop")
        await pilot.press("ctrl+s")
        saved = (await on_disk(pilot, db, app.id)).find_round(onsite.id)
        assert (saved.name, saved.at) == ("Onsite loop", earlier)
        assert [p.name for p in saved.interviewers] == ["Dana Kim"]


async def test_a_save_right_after_another_process_wrote_waits_for_the_board_to_read_it_and_keeps_the_text(
        tmp_path, frozen):
    """Review: saved before the board had re-read the file, the form closed, the write was refused as
    stale and the typed role was gone."""
    app = acme(frozen)
    db = make_db(tmp_path, app)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await pilot.press("c")
        form = followup.screen
        elsewhere(db, app.id, lambda a: actions.set_notes(a, "fifth", now=frozen))  # not yet read by the board
        fill(form, role="Lead SRE")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert followup.screen is form and form.query_one("#field-role").value == "Lead SRE"
        assert "changed elsewhere a moment ago" in str(form.query_one("#error-company").render())
        await wait_until(pilot, lambda: followup.changelog.apps[app.id].notes == "fifth")  # the board read it
        await pilot.press("ctrl+s")
        saved = await on_disk(pilot, db, app.id)
        assert (saved.role, saved.notes) == ("Lead SRE", "fifth")


async def test_a_refused_thank_you_mark_leaves_the_notes_to_the_file_without_conflict_markers(tmp_path, frozen):
    """Review: a mark refused as stale made the notes 'unsaved' against the notes the screen opened with,
    and the re-read merged them into <<<<<<< markers although nothing was typed here."""
    app = acme(frozen)
    db = make_db(tmp_path, app)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        screen = await open_card(pilot)
        elsewhere(db, app.id, lambda a: actions.set_notes(a, "first\n\nsecond", now=frozen))
        followup.poll_store()
        await wait_until(pilot, lambda: screen.notes.text == "first\n\nsecond")
        elsewhere(db, app.id, lambda a: actions.set_notes(a, "first\n\nsecond\n\nthird", now=frozen))
        await pilot.press("2", "end", "space")  # Dana Kim thanked, on a card the board has not re-read
        await wait_until(pilot, lambda: followup.changelog.apps[app.id].notes.endswith("third"))
        await pilot.pause()
        assert await followup.wait_for_writes()
        assert screen.notes.text == "first\n\nsecond\n\nthird"
        assert stored(db, app.id).notes == "first\n\nsecond\n\nthird"
