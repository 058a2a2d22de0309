"""A finished `prfaq critique` ends at once (no interpreter teardown) with the same status and
output; what lets it: no thread left behind by the progress bar."""

from __future__ import annotations

import io
import threading
from pathlib import Path

from conftest import run_prfaq

from assistant.batch.runner import _Progress


def test_closing_the_progress_bar_leaves_no_thread(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stderr", io.StringIO())
    bar = _Progress(30, True)
    assert bar.bar is not None
    bar.bar.update(1)
    bar.close()
    assert [t.name for t in threading.enumerate() if t.name == "tqdm_monitor"] == []
    again = _Progress(30, True)  # a later bar still works (tqdm starts its monitor anew)
    again.close()


def test_a_folder_run_ends_with_its_status_and_its_files(score_docs: Path) -> None:
    folder = score_docs / "folder"
    folder.mkdir()
    for index in range(5):  # enough documents for the worker processes
        (folder / f"doc-{index}.md").write_text((score_docs / "weak.md").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.md").write_text("", encoding="utf-8")  # fails: the run's status says so
    result = run_prfaq("critique", "folder", "--offline", "-o", "out", "--only", "score", cwd=score_docs, timeout=300)
    assert result.code == 1, result.stderr
    assert "Critiqued 6 of 6 documents" in result.stdout and "5 ok, 1 failed" in result.stdout
    assert len((score_docs / "out" / "results.jsonl").read_text().splitlines()) == 6
    assert (score_docs / "out" / "report.html").stat().st_size > 0
    assert not (score_docs / "out" / ".prfaq-critique.lock").exists()


def test_the_collector_is_back_on_for_the_documents(score_docs: Path) -> None:
    """Start-up runs without the garbage collector (assistant.batch.processes.collect_again); the
    documents, in the workers and in this process, run with it."""
    import subprocess
    import sys

    folder = score_docs / "folder"
    folder.mkdir()
    for index in range(4):
        (folder / f"doc-{index}.md").write_text((score_docs / "weak.md").read_text(encoding="utf-8"), encoding="utf-8")
    # Each worker writes its line in one os.write: two processes' print() calls can interleave
    # ("document collectordocument collector True").
    probe = ("import gc, os, sys\n"
             "import assistant.batch.job as job\n"
             "seen = []\n"
             "run_job = job.run_job\n"
             "def spy(*args, **kwargs):\n"
             "    os.write(2, f'document collector {gc.isenabled()}\\n'.encode())\n"
             "    return run_job(*args, **kwargs)\n"
             "job.run_job = spy\n"
             "import assistant.batch.processes as processes\n"
             "processes.run_job = spy\n"
             "sys.argv = ['prfaq', 'critique', 'folder', '--offline', '-o', 'out', '--only', 'score']\n"
             "from assistant.cli import main\n"
             "try:\n    main(keep_process=True)\nexcept SystemExit:\n    pass\n"
             "print('end collector', gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=score_docs, timeout=300)
    lines = [line for line in proc.stderr.splitlines() if "collector" in line]
    assert lines.count("document collector True") == 4, proc.stderr
    assert lines[-1] == "end collector True True"
