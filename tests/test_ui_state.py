"""ChangeLog and StoreWriter without Textual: memory, undo, the file, other processes."""

from __future__ import annotations

import threading

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from tui.core import actions, correspondence, direction_actions
from tui.core.deadline_words import Group
from tui.core.deadlines import all_deadlines
from tui.core.errors import FollowupError, ValidationError
from tui.core.parts import holds
from tui.store import Store
from tui.store.errors import StaleEditError
from tui.ui.board.timeframe import TimeFrame
from tui.ui.saving import StoreWriter
from tui.ui.state import ChangeLog, UndoRefused
from ui_board_helpers import SETTINGS, frozen_now, small_apps, store_with, stored


def loaded_log(store, **kwargs) -> ChangeLog:
    log = ChangeLog(store, SETTINGS, now=frozen_now, **kwargs)
    log.reload()
    return log


def by_company(log: ChangeLog, company: str):
    return next(a for a in log.apps.values() if a.company == company)


def move(stage):
    return lambda app: actions.move(app, stage, now=frozen_now())


def test_apply_saves_with_history_and_the_revision_memory_predicted(tmp_path):
    store = store_with(tmp_path, small_apps())
    log = loaded_log(store)
    acme = by_company(log, "Acme")
    after = log.apply(acme.id, move("thanked"), "Move Acme to Thanked")
    doc = stored(store)["Acme"]
    assert doc["stage"] == "thanked"
    assert doc["history"][-1]["text"].startswith("Interviewed → Thanked")
    assert doc["revision"] == after.revision == log.apps[acme.id].revision


def test_undo_is_many_steps_deep_and_keeps_every_move_in_history(tmp_path):
    store = store_with(tmp_path, small_apps())
    log = loaded_log(store)
    acme = by_company(log, "Acme")
    for stage in ("thanked", "awaiting", "followed-up"):
        log.apply(acme.id, move(stage), f"Move Acme to {stage}")
    assert stored(store)["Acme"]["stage"] == "followed-up"
    for expected in ("awaiting", "thanked", "interviewed"):
        log.undo()
        assert stored(store)["Acme"]["stage"] == expected
    texts = [e["text"] for e in stored(store)["Acme"]["history"]]
    assert sum(t.startswith("Undid: ") for t in texts) == 3
    assert any("Awaiting → Followed up" in t for t in texts)  # the undone move is still on record
    assert log.undo() is None


def test_undo_of_add_and_delete(tmp_path):
    store = store_with(tmp_path, small_apps())
    log = loaded_log(store)
    new = actions.new_application("Hooli", "SRE", now=frozen_now())
    log.add(new, "Add Hooli")
    assert "Hooli" in stored(store)
    log.undo()
    assert "Hooli" not in stored(store) and new.id not in log.apps
    globex = by_company(log, "Globex")
    log.delete(globex.id, "Delete Globex")
    assert "Globex" not in stored(store)
    log.undo()
    assert stored(store)["Globex"]["notes"] == "They use Nomad and love volcanoes"
    assert stored(store)["Globex"]["history"][-1]["text"] == "Undid: Delete Globex"


def test_undo_refuses_to_overwrite_another_process(tmp_path):
    store = store_with(tmp_path, small_apps())
    log = loaded_log(store)
    acme = by_company(log, "Acme")
    log.apply(acme.id, move("thanked"), "Move Acme to Thanked")
    other = Store(store.path)
    theirs = other.get(acme.id)
    other.save(actions.move(theirs, "closed", now=frozen_now()))
    log.reload()  # what the board's poll does
    with pytest.raises(UndoRefused, match="changed by another Followup process"):
        log.undo()
    assert stored(store)["Acme"]["stage"] == "closed"
    assert log.undo_stack == []


def test_undoing_past_another_process_change_is_refused_and_keeps_it(tmp_path):
    """Move, a direction added by `followup direction` (read by the poll), move back, undo, undo: the
    second undo took the card back to before the first move, and the other process's direction with it
    (review X #1). The first undo stops where the other change is; the second is refused."""
    store = store_with(tmp_path, small_apps())
    log = loaded_log(store)
    acme = by_company(log, "Acme")
    log.apply(acme.id, move("thanked"), "Move Acme to Thanked")
    other = Store(store.path)
    other.save(direction_actions.add_direction(other.get(acme.id), "send two references", now=frozen_now()))
    log.reload()  # what the board's poll does
    log.apply(acme.id, move("interviewed"), "Move Acme to Interviewed")
    log.undo()
    with pytest.raises(UndoRefused, match="changed by another Followup process"):
        log.undo()
    kept = stored(store)["Acme"]
    assert kept["stage"] == "thanked" and [d["text"] for d in kept["directions"]] == ["send two references"]


def test_a_failing_change_changes_nothing(tmp_path):
    store = store_with(tmp_path, small_apps())
    log = loaded_log(store)
    acme = by_company(log, "Acme")
    before = stored(store)

    def bad(app):
        raise ValidationError("no")

    with pytest.raises(ValidationError):
        log.apply(acme.id, bad, "Bad")
    assert stored(store) == before and log.undo_stack == []


def test_without_writer_a_stale_write_raises_and_memory_stays(tmp_path):
    store = store_with(tmp_path, small_apps())
    log = loaded_log(store)
    acme = by_company(log, "Acme")
    other = Store(store.path)
    other.save(actions.move(other.get(acme.id), "closed", now=frozen_now()))
    with pytest.raises(StaleEditError):
        log.apply(acme.id, move("thanked"), "Move Acme to Thanked")
    assert log.apps[acme.id].stage.value == "interviewed"
    assert log.undo_stack == []


class Collect:
    def __init__(self):
        self.failures, self.reloads = [], []
        self.event = threading.Event()

    def failed(self, failure):
        self.failures.append(failure)
        self.event.set()

    def reloaded(self, result):
        self.reloads.append(result)
        self.event.set()


def writer_for(store, collect, **kwargs):
    return StoreWriter(store, on_failed=collect.failed, on_reloaded=collect.reloaded, **kwargs)


def test_writer_writes_in_order_and_batches_quick_saves_of_different_cards(tmp_path):
    store = store_with(tmp_path, small_apps())
    collect = Collect()
    writer = writer_for(store, collect, settle=0.05)
    log = loaded_log(store, writer=writer)
    acme, globex = by_company(log, "Acme"), by_company(log, "Globex")
    for stage in ("thanked", "awaiting", "followed-up", "closed"):
        log.apply(acme.id, move(stage), stage)
        log.apply(globex.id, move(stage), stage)
    assert log.apps[acme.id].stage.value == "closed"  # memory first
    assert writer.drain(10)
    assert stored(store)["Acme"]["stage"] == stored(store)["Globex"]["stage"] == "closed"
    assert stored(store)["Acme"]["revision"] == log.apps[acme.id].revision
    assert writer.writes < 8 and not collect.failures
    log.undo()
    assert writer.close(10)
    assert stored(store)["Globex"]["stage"] == "followed-up"


def test_writer_failure_drops_the_step_and_the_reread_restores_the_file(tmp_path):
    store = store_with(tmp_path, small_apps())
    collect = Collect()
    writer = writer_for(store, collect)
    log = loaded_log(store, writer=writer)
    acme = by_company(log, "Acme")
    other = Store(store.path)
    other.save(actions.move(other.get(acme.id), "closed", now=frozen_now()))  # revision 2, like ours
    log.apply(acme.id, move("thanked"), "Move Acme to Thanked")
    assert collect.event.wait(20)
    failure = collect.failures[0]
    assert isinstance(failure.error, StaleEditError)
    stale = log.write_failed(failure.seq)
    assert stale == {acme.id} and log.undo_stack == []
    collect.event.clear()
    writer.request_reload(log.seq, log.known_revisions(stale))
    assert collect.event.wait(20)
    result = collect.reloads[0]
    assert [a.company for a in result.changed] == ["Acme"]  # only what differs comes back
    assert log.apply_reload(result.changed, result.present) == {acme.id}
    assert log.apps[acme.id].stage.value == "closed"
    assert stored(store)["Acme"]["stage"] == "closed"
    writer.close(10)


def test_writer_reload_sends_only_what_changed(tmp_path):
    store = store_with(tmp_path, small_apps())
    collect = Collect()
    writer = writer_for(store, collect)
    log = loaded_log(store, writer=writer)
    globex = by_company(log, "Globex")
    other = Store(store.path)
    other.add(actions.new_application("Hooli", "SRE", now=frozen_now()))
    other.delete(globex.id)
    assert store.fingerprint() != writer.known_fingerprint
    writer.request_reload(log.seq, log.known_revisions())
    assert collect.event.wait(20)
    result = collect.reloads[0]
    assert [a.company for a in result.changed] == ["Hooli"]
    changed = log.apply_reload(result.changed, result.present)
    assert {log.apps[i].company for i in changed if i in log.apps} == {"Hooli"} and globex.id in changed
    assert sorted(a.company for a in log.apps.values()) == ["Acme", "Hooli", "Initech"]
    writer.close(10)


@pytest.mark.parametrize("zone", ["Europe/London", "America/New_York", "Asia/Tokyo"])
def test_timeframe_groups_by_the_users_calendar_day(zone):
    """The one grouping, checked against the rule said the slow way (pendulum, local dates)."""
    from tui.core.demo import demo_applications
    from tui.core.settings import Settings

    settings = Settings(timezone=zone)
    for hour in (0, 9, 23):
        now = pendulum.datetime(2026, 3, 27, hour, 30, tz="UTC")  # the weekend clocks change in Europe
        frame = TimeFrame(now, settings.zone)
        local_now = now.in_timezone(settings.zone)
        for deadline in all_deadlines(demo_applications(now, settings.zone), settings, now):
            due = pendulum.instance(deadline.due).in_timezone(settings.zone)  # the rule, said the slow way
            if due < now and not deadline.is_quiet:
                expected = Group.OVERDUE
            elif due.date() <= local_now.date():
                expected = Group.TODAY
            elif due < local_now.add(days=7):
                expected = Group.WEEK
            else:
                expected = Group.LATER
            assert frame.group(deadline.due.timestamp(), quiet=deadline.is_quiet) is expected


def test_a_write_after_close_is_refused_not_lost_silently(tmp_path):
    store = store_with(tmp_path, small_apps())
    collect = Collect()
    writer = writer_for(store, collect)
    log = loaded_log(store, writer=writer)
    assert writer.close(10)
    acme = by_company(log, "Acme")
    with pytest.raises(FollowupError, match="stopped saving"):
        log.apply(acme.id, move("thanked"), "thanked")
    assert log.apps[acme.id].stage.value == "interviewed"  # memory kept as the file is
    assert stored(store)["Acme"]["stage"] == "interviewed"


def test_a_write_that_slips_in_just_before_ours_is_not_taken_for_our_own(tmp_path):
    """The board trusts the file as its own only when nothing else wrote between its last look and
    its write, judged under the store's lock: otherwise the next poll must re-read the file, or the
    other process's change would stay off the board for good."""
    store = store_with(tmp_path, small_apps())
    collect = Collect()
    writer = writer_for(store, collect)
    log = loaded_log(store, writer=writer)
    acme, globex = by_company(log, "Acme"), by_company(log, "Globex")
    log.apply(acme.id, move("thanked"), "thanked")
    assert writer.drain(10) and not collect.failures
    assert writer.known_fingerprint == store.fingerprint()  # only our write: memory is the file

    checked = store._check_folder  # runs just before our write takes the lock

    def another_process_writes_first():
        store._check_folder = checked
        other = Store(store.path)
        initech = next(a for a in other.load_all() if a.company == "Initech")
        other.save(correspondence.close(initech, "rejected", now=frozen_now()))
        checked()

    store._check_folder = another_process_writes_first
    log.apply(globex.id, move("thanked"), "thanked")  # our write now carries their change too
    assert writer.drain(10) and not collect.failures
    assert stored(store)["Initech"]["outcome"] == "rejected"
    assert writer.known_fingerprint != store.fingerprint()  # so the board re-reads the file
    assert writer.close(10)


def test_an_undone_move_or_letter_leaves_the_statistics_as_before_and_its_lines_on_record(tmp_path):
    """`L` then `u`, and a letter then `u`: the funnel and the stays are as before the step; the file
    keeps the step's lines, marked undone."""
    from tui.core import stats, stats_result

    store = store_with(tmp_path, small_apps())
    log = loaded_log(store)
    acme = by_company(log, "Acme")

    def figures():
        return stats_result.to_json(stats.figures(list(log.apps.values()), SETTINGS, frozen_now()))

    start = figures()
    log.apply(acme.id, move("thanked"), "Move Acme to Thanked")
    assert figures()["funnel"]["stages"]["thanked"] == start["funnel"]["stages"]["thanked"] + 1
    log.undo()
    assert figures() == start
    dana = acme.rounds[0].interviewers[0]
    log.apply(acme.id, lambda app: correspondence.record_letter_sent(app, "thank-you", now=frozen_now(),
                                                               at=frozen_now().subtract(hours=5),
                                                               interviewer_id=dana.id),
              "Thank-you letter to Dana Kim")
    assert figures() != start
    log.undo()
    assert figures() == start
    lines = stored(store)["Acme"]["history"]
    undone = [line["text"] for line in lines if line.get("data", {}).get("undone")]
    assert any(text.startswith("Interviewed → Thanked") for text in undone)
    assert any(text.startswith("Thank-you note to Dana Kim") for text in undone), undone
    assert [line["text"] for line in lines if line["text"].startswith("Undid: ")] == [
        "Undid: Move Acme to Thanked", "Undid: Thank-you letter to Dana Kim"]


def test_redo_makes_again_what_undo_took_back_and_a_new_change_ends_it(tmp_path):
    """Review: an accidental second `u` lost a whole step (a round typed in, say) for good."""
    store = store_with(tmp_path, small_apps())
    log = loaded_log(store)
    acme = by_company(log, "Acme")
    log.apply(acme.id, move("thanked"), "Move Acme to Thanked")
    log.apply(acme.id, move("awaiting"), "Move Acme to Awaiting")
    log.undo()
    log.undo()
    assert stored(store)["Acme"]["stage"] == "interviewed"
    assert log.redo().label == "Move Acme to Thanked"
    assert stored(store)["Acme"]["stage"] == "thanked"
    log.redo()
    doc = stored(store)["Acme"]
    assert doc["stage"] == "awaiting" and doc["history"][-1]["text"] == "Redid: Move Acme to Awaiting"
    moves = [e for e in doc["history"] if e["kind"] == "stage"]
    assert [m["data"].get("undone") for m in moves] == [None, None]  # the redone moves hold again
    assert log.redo() is None
    log.undo()  # a redo is a step like any other
    assert stored(store)["Acme"]["stage"] == "thanked"
    log.apply(acme.id, move("closed"), "Move Acme to Closed")
    assert log.redo() is None  # a new change ends what could be redone


def test_redo_of_an_add_and_of_a_delete_and_its_refusal_after_another_process(tmp_path):
    store = store_with(tmp_path, small_apps())
    log = loaded_log(store)
    new = actions.new_application("Hooli", "SRE", now=frozen_now())
    log.add(new, "Add Hooli")
    log.undo()
    log.redo()
    assert stored(store)["Hooli"]["history"][-1]["text"] == "Redid: Add Hooli"
    globex = by_company(log, "Globex")
    log.delete(globex.id, "Delete Globex")
    log.undo()
    log.redo()
    assert "Globex" not in stored(store)
    acme = by_company(log, "Acme")
    log.apply(acme.id, move("thanked"), "Move Acme to Thanked")
    log.undo()
    other = Store(store.path)
    other.save(actions.move(other.get(acme.id), "closed", now=frozen_now()))
    log.reload()
    with pytest.raises(UndoRefused, match="Cannot redo “Move Acme to Thanked”: Acme was changed since the undo"):
        log.redo()
    assert stored(store)["Acme"]["stage"] == "closed" and log.redo_stack == []


@settings(max_examples=examples(30), deadline=None)
@given(plan=st.lists(st.sampled_from(["thanked", "awaiting", "followed-up", "closed:rejected", "interviewed"]),
                     min_size=1, max_size=6),
       back=st.integers(min_value=1, max_value=6))
def test_any_changes_undone_then_redone_end_as_they_were(plan, back):
    """Property: undoing k steps and redoing them gives the same card (stage, outcome) with every line the
    steps wrote holding, and nothing more to redo."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        store = store_with(Path(folder), small_apps())
        log = loaded_log(store)
        acme = by_company(log, "Acme")
        for target in plan:
            stage, _, outcome = target.partition(":")
            if outcome:
                log.apply(acme.id, lambda a, o=outcome: correspondence.close(a, o, now=frozen_now()),
                          f"Close {outcome}")
            else:
                log.apply(acme.id, move(stage), f"Move {stage}")
        before = log.apps[acme.id]
        steps = min(back, len(log.undo_stack))
        for _ in range(steps):
            log.undo()
        for _ in range(steps):
            assert log.redo() is not None
        after = log.apps[acme.id]
        assert (after.stage, after.outcome) == (before.stage, before.outcome)
        assert log.redo() is None
        held = [e.text for e in after.history if holds(e) and e.kind != "undo"]
        assert held == [e.text for e in before.history if holds(e) and e.kind != "undo"]
        assert stored(store)["Acme"]["stage"] == after.stage.value
