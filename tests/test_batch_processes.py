"""Offline runs over many documents use worker processes; each document has a time limit there."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_critique_html import GOOD_DOC

from assistant.batch import processes
from assistant.batch.runner import run_critique
from assistant.config import Settings

pytestmark = pytest.mark.skipif(processes.cpu_count() < 2, reason="one CPU: the run keeps to threads")


def _docs(folder: Path, count: int) -> Path:
    folder.mkdir()
    for index in range(count):
        (folder / f"doc-{index:02d}.md").write_text(GOOD_DOC.replace("$20", f"${index}"))
    return folder


def test_many_documents_run_in_worker_processes_with_the_same_results(tmp_path, isolated_home):
    docs = _docs(tmp_path / "docs", processes.PROCESS_MIN_DOCS)
    settings = Settings(offline=True, home=isolated_home)
    many = run_critique([docs], tmp_path / "many", settings, progress=False)
    one = run_critique([docs / "doc-03.md"], None, settings, progress=False)  # threads, in this process
    assert many.ok == processes.PROCESS_MIN_DOCS
    same = next(r for r in many.results if r.path.endswith("doc-03.md"))
    assert same.model_dump(exclude={"seconds"}) == one.results[0].model_dump(exclude={"seconds", "path"}) | {
        "path": same.path}


def test_a_document_past_the_time_limit_becomes_an_error_line(tmp_path, isolated_home, monkeypatch):
    monkeypatch.setattr(processes, "DOC_TIME_LIMIT_S", 0.001)  # inherited by the forked workers
    docs = _docs(tmp_path / "docs", processes.PROCESS_MIN_DOCS)
    summary = run_critique([docs], tmp_path / "out", Settings(offline=True, home=isolated_home), progress=False)
    assert summary.failed == processes.PROCESS_MIN_DOCS and summary.not_started == 0
    for result in summary.results:
        assert result.error_kind == "too_slow" and "gave up after 0.001 s" in (result.error or "")


def test_a_long_document_gets_a_longer_time_limit_than_a_page():
    # a 1 MB one-line file is slow to read but no runaway: on a loaded machine a flat 60 s failed it
    from assistant.batch.models import DocSource

    page = processes.time_limit(DocSource(path="page.md", size=4_000))
    long = processes.time_limit(DocSource(path="long.md", size=1_000_000))
    assert page == processes.DOC_TIME_LIMIT_S
    assert long > 2 * page


def test_the_time_limit_going_off_outside_the_job_s_own_try_is_still_too_slow(tmp_path, isolated_home, monkeypatch):
    # On a loaded machine a short limit can run out before run_job enters its try block, or while
    # it builds the line after it; that document was still too slow, not a set-up failure.
    def out_of_time_at_once(*args: object, **kwargs: object) -> None:
        processes._out_of_time(0, None)

    monkeypatch.setattr(processes, "run_job", out_of_time_at_once)  # inherited by the forked workers
    docs = _docs(tmp_path / "docs", processes.PROCESS_MIN_DOCS)
    summary = run_critique([docs], tmp_path / "out", Settings(offline=True, home=isolated_home), progress=False)
    assert summary.failed == processes.PROCESS_MIN_DOCS
    assert {result.error_kind for result in summary.results} == {"too_slow"}
    assert all("gave up after 60 s" in (result.error or "") for result in summary.results)


# -- with a model: the offline parts of each document in a worker, the model calls in threads --------
ACCOUNTING = {"seconds", "calls", "cache_hits", "tokens", "cost_usd"}  # the second run's calls come from the cache


def _model_settings(fake_llm, llm_settings: Settings) -> Settings:
    from fake_server import schema_echo

    fake_llm.default = schema_echo
    return llm_settings.model_copy(update={"structured_mode": "json_schema", "timeout_s": 30.0})


def _by_path(results: list) -> dict[str, dict]:
    return {Path(r.path).name: r.model_dump(exclude=ACCOUNTING | {"path"}) for r in results}


def test_a_model_run_works_out_the_offline_parts_in_a_worker_with_the_same_results(
        tmp_path, fake_llm, llm_settings, monkeypatch):
    settings = _model_settings(fake_llm, llm_settings)
    parts = ["score", "questions", "review"]
    docs = _docs(tmp_path / "docs", processes.PROCESS_MIN_DOCS)
    pool = processes.PreparePool.for_run(processes.PROCESS_MIN_DOCS, parts, settings)
    assert pool is not None and pool.workers >= 1  # this run does use a worker
    pool.close(cancel=True)
    with_workers = run_critique([docs], tmp_path / "workers", settings, only=parts, progress=False)
    monkeypatch.setattr(processes, "cpu_count", lambda: 1)  # no pool: every part in the threads
    in_threads = run_critique([docs], tmp_path / "threads", settings, only=parts, progress=False)
    assert with_workers.ok == in_threads.ok == processes.PROCESS_MIN_DOCS
    found = _by_path(with_workers.results)
    assert found == _by_path(in_threads.results)
    assert all(line["score"] is not None and line["review"]["personas"] for line in found.values())


def test_a_worker_that_fails_leaves_the_document_to_its_thread(tmp_path, fake_llm, llm_settings, monkeypatch):
    settings = _model_settings(fake_llm, llm_settings)
    docs = _docs(tmp_path / "docs", processes.PROCESS_MIN_DOCS)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("worker bug")

    monkeypatch.setattr(processes, "prepare", broken)  # inherited by the forked workers
    summary = run_critique([docs], tmp_path / "out", settings, only="score,review", progress=False)
    assert summary.ok == processes.PROCESS_MIN_DOCS
    assert all(r.score is not None and r.review is not None for r in summary.results)
