"""Comparing letters stays fast on a body that repeats one word: SequenceMatcher is quadratic there, and a
template of 16,000 times one word took 100 s to check (fuzz fz6 9). Real letters compare as before."""

from __future__ import annotations

import threading
import time

from test_letters import NOW, SETTINGS, acme
from tui.core import letter_checks, letters


def _repetitive(tmp_path, count: int) -> list[letters.Letter]:
    (tmp_path / "thank-you.txt").write_text(
        "Subject: Thanks\n\nHi {interviewer_first_name},\n" + "word " * count
        + "\nWe spoke about {topic}.\n\n{signature}\n", encoding="utf-8")
    app = acme()
    return [letters.draft(app, "thank-you", SETTINGS, NOW, interviewer_id=name, templates_dir=tmp_path)
            for name in ("Dana", "Luis")]


def test_a_body_of_one_word_repeated_is_checked_in_linear_time(tmp_path):
    notes = _repetitive(tmp_path, 16_000)
    found: dict[str, object] = {}

    def check() -> None:
        started = time.perf_counter()
        found["own"] = [letter_checks.own_words(note) for note in notes]
        found["pairs"] = letter_checks.near_duplicates(notes)
        found["took"] = time.perf_counter() - started

    worker = threading.Thread(target=check, daemon=True)
    worker.start()
    worker.join(timeout=30)  # loose for a loaded machine: it takes milliseconds; it took 100 s
    assert not worker.is_alive(), "comparing the letters is still running"
    assert found["own"] == [["moving", "telemetry", "onto", "kafka"], ["their", "flaky", "integration", "tests"]]
    assert found["pairs"] == []


def test_the_fallbacks_agree_with_the_matcher_where_both_apply():
    frame = "hi dana thanks for the chat we spoke about alex".split()
    body = "hi dana thanks for the chat we spoke about kafka and queues alex".split()
    assert letter_checks._not_in(frame, body) == ["kafka", "and", "queues"]
    assert letter_checks._diff_cost(["a"] * 1000, ["a"] * 1000) == 1_000_000  # over the budget: counted instead
    assert letter_checks.similarity(["a"] * 1000, ["a"] * 1000) == 1.0
    assert letter_checks.similarity(["a"] * 1000, ["a"] * 500 + ["b"] * 500) == 0.5
