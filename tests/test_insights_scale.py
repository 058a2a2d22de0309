"""What lets `prfaq insights` take a big ticket export: greetings and sign-offs are not statements
(not embedded), worker processes give the same themes as one process, the micro-groups stay
bounded, and big themes do not merge only because they are big. Timings are in
bench/bench_insights.py, never here."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.insights.statements import split

CORPUS = Path(__file__).parent / "fixtures" / "insights"
themes_module = importlib.import_module("assistant.insights.themes")  # assistant.insights is the function
insights_module = importlib.import_module("assistant.insights")


@pytest.mark.parametrize("sentence", [
    "Hi team, hope you're well.",
    "Hello support (ticket 4412).",
    "Thanks in advance for your help.",
    "Kind regards, the manager.",
    "Sent from my iPhone, please excuse typos.",
    "Cheers, Tom from the Mill Street branch.",
])
def test_greetings_and_sign_offs_are_not_statements(sentence: str) -> None:
    assert split(sentence, "t") == []


@pytest.mark.parametrize(("text", "statement"), [
    ("Hello support, the phone app keeps signing my staff out.", "the phone app keeps signing my staff out."),
    ("Thanks to the last update nobody can log in.", "Thanks to the last update nobody can log in."),
    ("Dear team, payroll is wrong again for night shifts.", "payroll is wrong again for night shifts."),
])
def test_a_salutation_is_cut_off_and_the_problem_kept_verbatim(text: str, statement: str) -> None:
    (found,) = split(text, "t")
    assert found.text == statement
    assert text[found.start:found.end] == statement


def test_worker_processes_find_the_same_themes_as_one_process() -> None:
    root = CORPUS / "dev"
    paths = [root / "interviews", root / "tickets.csv"]
    alone = insights_module.gather(paths, max_bytes=Settings().max_input_bytes, workers=0)
    pooled = insights_module.gather(paths, max_bytes=Settings().max_input_bytes, workers=2)
    assert [s.id for s in pooled.report.sources] == [s.id for s in alone.report.sources]
    assert [(t.sources, [e.text for e in t.examples]) for t in pooled.found] == \
        [(t.sources, [e.text for e in t.examples]) for t in alone.found]
    assert len(alone.found) >= 3


workers_module = importlib.import_module("assistant.insights.workers")
_real_understand = workers_module.understand
_PARENT = os.getpid()


def _dies_in_a_worker(batch: list[tuple[str, str]]) -> object:
    if os.getpid() != _PARENT:
        os._exit(1)  # a worker killed mid-run (out of memory)
    return _real_understand(batch)


def test_a_worker_that_dies_does_not_stop_the_run(monkeypatch: pytest.MonkeyPatch,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    root = CORPUS / "dev"
    paths = [root / "interviews", root / "tickets.csv"]
    alone = insights_module.gather(paths, max_bytes=Settings().max_input_bytes, workers=0)
    monkeypatch.setattr(insights_module, "BATCH", 8)  # several batches in flight when it dies
    monkeypatch.setattr(workers_module, "understand", _dies_in_a_worker)
    survived = insights_module.gather(paths, max_bytes=Settings().max_input_bytes, workers=2)
    assert [t.sources for t in survived.found] == [t.sources for t in alone.found]
    assert len(survived.report.sources) == len(alone.report.sources) == 90
    assert "a worker process died" in caplog.text


def _statement(source: str) -> object:
    from assistant.insights.statements import Statement

    return Statement(source=source, start=0, end=4, text="text", score=1.0)


def test_micro_groups_stay_bounded_and_what_is_set_aside_is_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    monkeypatch.setattr(themes_module, "MAX_MICRO", 40)
    monkeypatch.setattr(themes_module, "COMPACT_TO", 30)
    rng = np.random.default_rng(0)
    directions = rng.normal(size=(3, 512))
    grouper = themes_module.Grouper()
    statements, vectors = [], []
    for index in range(300):  # 3 themes, each statement a noisy copy of its theme; every 4th pure noise
        base = directions[index % 3] if index % 4 else rng.normal(size=512) * 3
        vector = base + rng.normal(size=512) * 1.2
        vectors.append(vector / np.linalg.norm(vector))
        statements.append(_statement(f"row{index}"))
    grouper.add(statements, np.array(vectors, dtype=np.float32))
    assert len(grouper.groups) <= 40
    found = grouper.themes()
    kept = sum(len(t.sources) for t in found)
    assert kept + grouper.set_aside <= 300
    assert len(found) >= 3
    biggest = found[:3]
    for theme in biggest:  # each of the three themes comes out whole-ish and alone
        rows = [int(s.removeprefix("row")) for s in theme.sources]
        kinds = {r % 3 for r in rows if r % 4}
        assert len(kinds) == 1
        assert len(rows) >= 150 * 0.5 / 3 * 2


def _two_themes(per_theme: int, seed: int = 0) -> tuple[object, object]:
    """Centred unit vectors of two themes: members of a theme 0.3 alike, of different themes 0.08."""
    import numpy as np

    rng = np.random.default_rng(seed)
    basis = np.linalg.qr(rng.normal(size=(512, 3)))[0].T  # theme A, theme B, what both share
    rows = []
    for theme in (0, 1):
        for _ in range(per_theme):
            noise = rng.normal(size=512)
            noise -= basis.T @ (basis @ noise)
            noise /= np.linalg.norm(noise)
            rows.append(np.sqrt(0.22) * basis[theme] + np.sqrt(0.08) * basis[2] + np.sqrt(0.70) * noise)
    return np.array(rows), np.ones(len(rows))


@pytest.mark.parametrize("per_theme", [15, 400])
def test_two_themes_stay_apart_however_many_statements_voice_them(per_theme: int) -> None:
    sums, sizes = _two_themes(per_theme)
    clusters = themes_module.agglomerate(sums, sizes, 1.0, themes_module.MERGE_SIMILARITY)
    big = sorted(clusters, key=len, reverse=True)[:2]
    assert [len(c) for c in big] == [per_theme, per_theme]
    assert {m // per_theme for m in big[0]} != {m // per_theme for m in big[1]}


def test_without_the_size_cap_big_themes_would_merge(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the cap is for: the cosine between the means of two big groups tends to
    cross/within (0.08/0.30 here), above the merge threshold."""
    monkeypatch.setattr(themes_module, "FULL_SIZE", 10**9)
    sums, sizes = _two_themes(400)
    clusters = themes_module.agglomerate(sums, sizes, 1.0, themes_module.MERGE_SIMILARITY)
    assert max(len(c) for c in clusters) == 800


def test_only_a_big_input_in_a_single_threaded_process_gets_worker_processes(tmp_path: Path) -> None:
    import threading

    from assistant.batch.processes import cpu_count
    from assistant.insights.workers import POOL_MIN_BYTES, workers_for

    small = tmp_path / "small.csv"
    small.write_text("id,text\n1,The app logs me out every morning.\n", encoding="utf-8")
    big = tmp_path / "big.csv"
    big.write_text("id,text\n" + "".join(f"{n},The app logs me out every morning, ticket {n}.\n"
                                         for n in range(POOL_MIN_BYTES // 40)), encoding="utf-8")
    assert workers_for([small]) == 0
    if cpu_count() >= 2 and threading.active_count() == 1:
        assert workers_for([big]) == cpu_count()
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert workers_for([big]) == 0  # a server's threads: no fork
    finally:
        stop.set()
        thread.join()
