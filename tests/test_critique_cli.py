"""`prfaq critique` on the offline engine: a folder with bad documents, resume, --no-resume,
one document on stdout, --dry-run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import assert_one_line_error, run_prfaq
from test_critique_html import GOOD_DOC

OTHER_DOC = GOOD_DOC.replace("Ferry Booking", "Dock Booking").replace("$20", "$25")


def _lines(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "team").mkdir(parents=True)
    (docs / "a.md").write_text(GOOD_DOC)
    (docs / "team" / "b.txt").write_text(OTHER_DOC)
    (docs / "binary.md").write_bytes(bytes(range(256)) * 16)
    (docs / "empty.md").write_text("")
    return docs


def test_a_folder_with_bad_documents_gives_error_lines_with_reasons_and_the_rest_finish(folder: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = run_prfaq("critique", str(folder), "--out", str(out))
    assert result.code == 1, result.stderr  # some documents failed
    assert "Traceback" not in result.stderr
    lines = {Path(line["path"]).name: line for line in _lines(out)}
    assert sorted(lines) == ["a.md", "b.txt", "binary.md", "empty.md"]
    for name in ("a.md", "b.txt"):
        line = lines[name]
        assert line["status"] == "ok", line["error"]
        assert line["score"] is not None and line["rubric"] and line["questions"] and line["review"]
        assert len(line["sha256"]) == 64 and line["settings_key"]
    assert lines["binary.md"]["status"] == "error" and "binary" in lines["binary.md"]["error"]
    assert lines["empty.md"]["status"] == "error" and "empty" in lines["empty.md"]["error"]
    summary = (out / "summary.md").read_text()
    assert "| Document | Score | Verdict | Blockers | Top open question |" in summary.replace("| # ", "")
    assert "## Failures" in summary and "binary" in summary
    assert (out / "report.html").stat().st_size > 0
    assert "2 ok, 2 failed" in result.stdout
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "results.jsonl", "summary.md"]  # no lock left


def test_a_second_run_skips_finished_documents_and_retries_failures_without_duplicating(folder, tmp_path):
    out = tmp_path / "out"
    run_prfaq("critique", str(folder), "--out", str(out))
    first = _lines(out)
    (folder / "empty.md").write_text(GOOD_DOC.replace("Ferry", "Canal"))  # the user fixed it
    result = run_prfaq("critique", str(folder), "--out", str(out))
    assert result.code == 1, result.stderr
    assert "2 already done (skipped)" in result.stdout
    second = _lines(out)
    assert len(second) == 4 and len({line["path"] for line in second}) == 4
    by_name = {Path(line["path"]).name: line for line in second}
    assert by_name["empty.md"]["status"] == "ok"
    assert by_name["a.md"] == next(line for line in first if line["path"].endswith("a.md"))  # untouched


def test_changed_content_is_redone_and_the_old_result_is_kept_aside(folder, tmp_path):
    out = tmp_path / "out"
    run_prfaq("critique", str(folder), "--out", str(out))
    (folder / "a.md").write_text(GOOD_DOC.replace("$20", "$30"))
    result = run_prfaq("critique", str(folder), "--out", str(out))
    assert "1 already done" in result.stdout  # b.txt
    asides = sorted(out.glob("results.*.jsonl"))
    assert len(asides) == 1 and "earlier results were kept" in result.stderr
    old = [json.loads(line) for line in asides[0].read_text().splitlines()]
    new = _lines(out)
    old_a = next(line for line in old if line["path"].endswith("a.md"))
    new_a = next(line for line in new if line["path"].endswith("a.md"))
    assert old_a["sha256"] != new_a["sha256"]
    assert len(new) == 4


def test_no_resume_starts_over_and_moves_the_old_results_aside(folder, tmp_path):
    out = tmp_path / "out"
    run_prfaq("critique", str(folder), "--out", str(out))
    result = run_prfaq("critique", str(folder), "--out", str(out), "--no-resume")
    assert "already done" not in result.stdout
    assert len(_lines(out)) == 4
    assert len(list(out.glob("results.*.jsonl"))) == 1


def test_only_runs_the_parts_asked_for(folder, tmp_path):
    out = tmp_path / "out"
    run_prfaq("critique", str(folder / "a.md"), str(folder / "team"), "--out", str(out), "--only", "score")
    for line in _lines(out):
        assert line["status"] == "ok" and line["score"] is not None
        assert line["questions"] is None and line["review"] is None


def test_only_rejects_unknown_parts(folder):
    assert_one_line_error(run_prfaq("critique", str(folder), "--only", "score,vibes"), 2)


def test_one_document_prints_a_readable_report_and_writes_nothing(folder, tmp_path):
    result = run_prfaq("critique", str(folder / "a.md"), cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert result.stdout.startswith(f"# Critique: {folder / 'a.md'}")
    for heading in ("Clarity score", "PR/FAQ rubric", "## Hard questions", "## Review", "Decision:"):
        assert heading in result.stdout
    assert not (tmp_path / "prfaq-critique").exists()


def test_one_document_as_json_and_from_stdin(folder):
    result = run_prfaq("critique", "-", "--format", "json", input=GOOD_DOC)
    assert result.code == 0, result.stderr
    line = json.loads(result.stdout)
    assert line["path"] == "<stdin>" and line["status"] == "ok" and line["review"]["decision"]["verdict"]


def test_one_unreadable_document_is_a_one_line_error(folder):
    result = run_prfaq("critique", str(folder / "binary.md"))
    assert_one_line_error(result, 2)
    assert "binary" in result.stderr


def test_many_documents_without_out_go_to_the_default_folder(folder, tmp_path):
    result = run_prfaq("critique", str(folder / "a.md"), str(folder / "team"), cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert len(_lines(tmp_path / "prfaq-critique")) == 2


def test_dry_run_lists_what_would_run_and_writes_nothing(folder, tmp_path):
    out = tmp_path / "out"
    result = run_prfaq("critique", str(folder), "--out", str(out), "--dry-run")
    assert result.code == 0, result.stderr
    assert "Nothing was sent" in result.stdout
    assert "run  " in result.stdout and "fail " in result.stdout and "binary" in result.stdout
    assert not out.exists()
    run_prfaq("critique", str(folder), "--out", str(out))
    before = (out / "results.jsonl").read_bytes()
    again = run_prfaq("critique", str(folder), "--out", str(out), "--dry-run", "--format", "json")
    plan = json.loads(again.stdout)["plan"]
    actions = {Path(item["path"]).name: item["action"] for item in plan["items"]}
    assert actions == {"a.md": "skip", "b.txt": "skip", "binary.md": "fail", "empty.md": "fail"}
    assert (out / "results.jsonl").read_bytes() == before


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_a_killed_run_leaves_no_worker_processes_behind(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from conftest import REPO

    docs = tmp_path / "docs"
    docs.mkdir()
    for index in range(60):
        (docs / f"doc-{index:02d}.md").write_text(GOOD_DOC.replace("$20", f"${index}"))
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "critique", str(docs), "--out", str(out),
                             "--offline"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not ((out / "results.jsonl").exists() and (out / "results.jsonl").read_text()):
        assert proc.poll() is None and time.monotonic() < deadline, "the run ended or stalled before any line"
        time.sleep(0.05)
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)], "worker processes outlived the killed run"


def test_out_must_be_a_folder(folder, tmp_path):
    target = tmp_path / "results.txt"
    target.write_text("mine")
    assert_one_line_error(run_prfaq("critique", str(folder), "--out", str(target)), 2)
    assert target.read_text() == "mine"


def test_many_documents_as_json_summarise_without_repeating_the_lines(folder, tmp_path):
    out = tmp_path / "out"
    result = run_prfaq("critique", str(folder), "--out", str(out), "--format", "json")
    summary = json.loads(result.stdout)
    assert (summary["documents"], summary["ok"], summary["failed"]) == (4, 2, 2)
    assert summary["results"] == [] and str(out / "report.html") in summary["outputs"]
