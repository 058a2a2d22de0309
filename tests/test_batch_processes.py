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
