"""Rescue files: several texts of one card rescued in the same second each get a file of their own, in the
state folder (review U #3: the second went to /tmp and the third was lost, "File exists")."""

from __future__ import annotations

import time

from tui.ui.rescue import Unsaved, rescue_text


def test_three_texts_of_one_card_in_the_same_second_get_three_files_in_the_state_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(time, "strftime", lambda fmt, *args: "20261128-054533")  # one second for all three
    texts = [Unsaved("a6cefd68-0000", f"the thank-you note to Person {n} (Victim)", f"letter {n}") for n in range(3)]
    paths = [rescue_text(unsaved, "the application was deleted") for unsaved in texts]
    assert len(set(paths)) == 3
    assert {p.parent for p in paths} == {tmp_path / "state" / "followup"}
    assert [p.name for p in paths] == ["followup-rescue-20261128-054533-a6cefd68.md",
                                       "followup-rescue-20261128-054533-a6cefd68-2.md",
                                       "followup-rescue-20261128-054533-a6cefd68-3.md"]
    assert [p.read_text(encoding="utf-8").splitlines()[-1] for p in paths] == ["letter 0", "letter 1", "letter 2"]
