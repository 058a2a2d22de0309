"""`prfaq critique` with a model, against the loopback fake server: bounded concurrency, the
cache on re-runs, --dry-run, the circuit breaker, injected faults, kill -9 and Ctrl-C mid-run,
and --provider-batch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, assert_one_line_error, run_prfaq
from fake_server import FakeLLM, Status, schema_echo
from test_critique_html import GOOD_DOC

PARTS = os.environ.get("PRFAQ_CRITIQUE_TEST_PARTS", "score,questions,review")


def make_docs(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        text = GOOD_DOC.replace("Ferry Booking", f"Ferry Booking {index}").replace("$20", f"${20 + index}")
        (folder / f"doc-{index:02d}.md").write_text(text)
    return folder


def lines_of(out: Path) -> list[dict]:
    path = out / "results.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


@pytest.fixture
def fake(fake_llm: FakeLLM, llm_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> FakeLLM:
    fake_llm.default = schema_echo
    monkeypatch.setenv("PRFAQ_STRUCTURED_MODE", "json_schema")
    return fake_llm


def critique(*args: str, timeout: float = 300):
    return run_prfaq("critique", *args, "--only", PARTS, timeout=timeout)


def test_every_document_is_critiqued_with_the_model_and_accounted(fake, tmp_path):
    docs = make_docs(tmp_path / "docs", 3)
    result = critique(str(docs), "--out", str(tmp_path / "out"))
    assert result.code == 0, result.stderr
    lines = lines_of(tmp_path / "out")
    assert len(lines) == 3
    for line in lines:
        assert line["status"] == "ok", line["error"]
        assert line["engine"] == "llm" and line["calls"] > 0 and line["tokens"] > 0
    assert sum(line["calls"] for line in lines) == len(fake.chat_requests)
    assert f"Model calls: {len(fake.chat_requests)}" in result.stdout


def test_never_more_requests_in_flight_than_concurrency(fake, tmp_path):
    fake.latency = 0.05
    docs = make_docs(tmp_path / "docs", 8)
    result = critique(str(docs), "--out", str(tmp_path / "out"), "--concurrency", "3")
    assert result.code == 0, result.stderr
    assert len(lines_of(tmp_path / "out")) == 8
    assert 2 <= fake.max_in_flight <= 3, fake.max_in_flight  # used, and never exceeded


def test_a_rerun_makes_zero_model_calls(fake, tmp_path):
    docs = make_docs(tmp_path / "docs", 3)
    out = tmp_path / "out"
    assert critique(str(docs), "--out", str(out)).code == 0
    made = len(fake.requests)
    first = lines_of(out)
    again = critique(str(docs), "--out", str(out))
    assert again.code == 0, again.stderr
    assert len(fake.requests) == made  # resumed: nothing to do
    assert "3 already done (skipped)" in again.stdout
    assert lines_of(out) == first
    fresh = critique(str(docs), "--out", str(tmp_path / "fresh"))  # no journal, but the cache
    assert fresh.code == 0, fresh.stderr
    assert len(fake.chat_requests) == sum(line["calls"] for line in first)
    assert all(line["calls"] == 0 and line["cache_hits"] > 0 for line in lines_of(tmp_path / "fresh"))


def test_dry_run_spends_nothing_and_estimates_the_cost(fake, tmp_path, monkeypatch):
    monkeypatch.setenv("PRFAQ_MODEL", "gpt-4o-mini")
    docs = make_docs(tmp_path / "docs", 4)
    result = critique(str(docs), "--out", str(tmp_path / "out"), "--dry-run", "--format", "json")
    assert result.code == 0, result.stderr
    assert fake.requests == []  # not even a models list
    plan = json.loads(result.stdout)["plan"]
    assert plan["engine"] == "llm" and plan["calls"] > 0 and plan["prompt_tokens"] > 0 and plan["cost_usd"] > 0
    assert [item["action"] for item in plan["items"]] == ["run"] * 4
    assert not (tmp_path / "out").exists()


def test_a_dead_endpoint_stops_the_run_early_with_one_clear_message(fake, tmp_path, monkeypatch):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        dead = probe.getsockname()[1]
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{dead}/v1")
    monkeypatch.setenv("PRFAQ_MAX_RETRIES", "0")
    docs = make_docs(tmp_path / "docs", 12)
    out = tmp_path / "out"
    result = critique(str(docs), "--out", str(out), "--concurrency", "2")
    assert result.code == 3, result.stderr
    assert "Traceback" not in result.stderr
    messages = [line for line in result.stderr.splitlines() if "stopped early" in line]
    assert len(messages) == 1
    assert "the endpoint failed on 3 documents in a row" in messages[0] and "cannot reach" in messages[0]
    assert "Resume with: prfaq critique" in messages[0] or "resume with: prfaq critique" in messages[0]
    lines = lines_of(out)
    assert 3 <= len(lines) < 12  # stopped before burning retries on every document
    assert all(line["status"] == "error" and line["error_kind"] == "unreachable" for line in lines)


def test_a_rejected_key_stops_the_run_early(fake, tmp_path):
    fake.default = lambda request: Status(401, body='{"error": {"message": "bad key"}}')
    docs = make_docs(tmp_path / "docs", 12)
    result = critique(str(docs), "--out", str(tmp_path / "out"), "--concurrency", "2")
    assert result.code == 3, result.stderr
    assert "rejected the API key" in result.stderr and "stopped early" in result.stderr
    assert len(lines_of(tmp_path / "out")) < 12


def test_twenty_percent_faults_every_document_ends_once_ok_or_with_a_reason(fake, tmp_path):
    fake.fault_rate = 0.2
    fake.latency = 0.01
    docs = make_docs(tmp_path / "docs", 10)
    out = tmp_path / "out"
    result = critique(str(docs), "--out", str(out), "--concurrency", "4")
    assert result.code in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    lines = lines_of(out)
    assert sorted(Path(line["path"]).name for line in lines) == [f"doc-{i:02d}.md" for i in range(10)]
    for line in lines:
        assert line["status"] == "ok" or (line["error"] and line["error_kind"]), line
    fake.fault_rate = 0.0  # the endpoint recovers: a re-run finishes the rest, once each
    again = critique(str(docs), "--out", str(out), "--concurrency", "4")
    assert again.code == 0, again.stderr
    final = lines_of(out)
    assert len(final) == 10 and all(line["status"] == "ok" for line in final)


def _start(docs: Path, out: Path, *extra: str) -> subprocess.Popen:
    # Ctrl-C reaches the run as it would from a terminal: a runner that starts the tests in the
    # background (a CI script's `&`, nohup) passes SIGINT on ignored, and Python then never raises
    # KeyboardInterrupt, so the run would finish untouched (exit 0, not 130).
    return subprocess.Popen([sys.executable, "-m", "assistant", "critique", str(docs), "--out", str(out),
                             "--only", PARTS, *extra], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=_sigint_as_at_a_terminal)


def _sigint_as_at_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for_lines(out: Path, count: int, proc: subprocess.Popen, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if len((out / "results.jsonl").read_bytes().splitlines()) >= count if (out / "results.jsonl").exists() \
                else False:
            return
        if proc.poll() is not None:
            pytest.fail(f"the run ended before {count} lines: {proc.stderr.read().decode()[-2000:]}")
        time.sleep(0.02)
    pytest.fail(f"no {count} lines within {limit} s")


def test_killed_with_sigkill_at_several_points_it_resumes_to_a_complete_duplicate_free_result(fake, tmp_path):
    fake.latency = 0.05
    docs = make_docs(tmp_path / "docs", 10)
    out = tmp_path / "out"
    for stop_after in (1, 4):
        proc = _start(docs, out, "--concurrency", "2")
        _wait_for_lines(out, stop_after, proc)
        proc.kill()  # SIGKILL: no clean-up at all
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    with open(out / "results.jsonl", "ab") as handle:  # and a torn last line, as a kill mid-write leaves
        handle.write(b'{"schema_version":"1","path":"' + str(docs / "doc-09.md").encode() + b'","sha2')
    done_before = {line["path"] for line in lines_of_lenient(out)}
    requests_before = len(fake.chat_requests)
    result = critique(str(docs), "--out", str(out), "--concurrency", "2")
    assert result.code == 0, result.stderr
    lines = lines_of(out)
    paths = [line["path"] for line in lines]
    assert len(paths) == len(set(paths)) == 10  # none lost, none twice
    assert all(line["status"] == "ok" and len(line["sha256"]) == 64 for line in lines)
    assert f"{len(done_before)} already done" in result.stdout
    resumed = [line for line in lines if line["path"] not in done_before]
    assert len(fake.chat_requests) - requests_before == sum(line["calls"] for line in resumed)


def lines_of_lenient(out: Path) -> list[dict]:
    """The complete lines only (a torn last line is skipped)."""
    raw = (out / "results.jsonl").read_bytes()
    return [json.loads(line) for line in raw.split(b"\n")[:-1] if line.strip()]


def test_ctrl_c_stops_cleanly_keeps_what_finished_and_says_how_to_resume(fake, tmp_path):
    fake.latency = 0.1
    docs = make_docs(tmp_path / "docs", 10)
    out = tmp_path / "out"
    proc = _start(docs, out, "--concurrency", "2")
    _wait_for_lines(out, 2, proc)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    text = stderr.decode()
    assert proc.returncode == 130, text
    assert "Traceback" not in text
    assert "interrupted" in text and "Resume with: prfaq critique" in text
    kept = lines_of(out)
    assert 2 <= len(kept) < 10
    result = critique(str(docs), "--out", str(out), "--concurrency", "2")
    assert result.code == 0, result.stderr
    assert sorted(line["path"] for line in lines_of(out)) == sorted(str(p) for p in docs.glob("*.md"))


def test_one_document_with_the_model_prints_its_report(fake, tmp_path):
    docs = make_docs(tmp_path / "docs", 1)
    result = critique(str(docs / "doc-00.md"))
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("# Critique:") and "model calls" in result.stdout


def test_provider_batch_sends_the_first_round_through_the_batch_api(fake, tmp_path):
    fake.batch_api = True
    docs = make_docs(tmp_path / "docs", 3)
    out = tmp_path / "out"
    result = critique(str(docs), "--out", str(out), "--provider-batch")
    assert result.code == 0, result.stderr
    assert len(fake.batches) == 1
    batched = [r for r in fake.chat_requests if not r.headers]  # lines the fake answered inside the batch
    live = [r for r in fake.chat_requests if r.headers]
    assert batched, "nothing went through the batch"
    first_round_live = [r for r in live if "Now the discussion" not in r.text and "chair" not in r.text]
    assert first_round_live == [], "a first-round call was sent live although it was batched"
    assert all(line["status"] == "ok" for line in lines_of(out))
    assert "went through the Batch API" in result.stdout
    state = json.loads((out / "provider-batch.json").read_text())
    assert state["merged"] is True and len(state["keys"]) == len(batched)


def test_provider_batch_on_a_server_without_it_is_a_clear_error(fake, tmp_path):
    docs = make_docs(tmp_path / "docs", 2)
    result = critique(str(docs), "--out", str(tmp_path / "out"), "--provider-batch")
    assert_one_line_error(result, 2)
    assert "does not offer the Batch API" in result.stderr
