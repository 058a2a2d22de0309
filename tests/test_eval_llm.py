"""The LLM path of `prfaq eval`, without a network: the judge-agreement suite against the loopback
fake server, and the same run replayed from a recorded vcrpy cassette (matched on the request
body, recorded with the Authorization header filtered out).

The cassette was recorded once from the fake server on a fixed port (nothing listens there when
it replays). Delete tests/cassettes/eval_judge_agreement.yaml to record it again.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import vcr
from conftest import CANARY_KEY, FIXTURES, REPO, run_prfaq
from eval_fakes import fair_judge, first_judge
from pydantic import SecretStr

from assistant.config import Settings
from assistant.evaluation.runner import RunOptions, run_eval

CASSETTES = Path(__file__).parent / "cassettes"
CASSETTE = "eval_judge_agreement.yaml"
RECORD_PORT = 18766
SUITE = FIXTURES / "eval" / "judge-mini.yaml"


def llm_options(settings: Settings, out: Path, **extra: object) -> RunOptions:
    return RunOptions(suites=[str(SUITE)], out=out, settings=settings, **extra)


def test_judge_agreement_against_the_fake_server(fake_llm, llm_settings, tmp_path):
    fake_llm.default = fair_judge
    outcome = run_eval(llm_options(llm_settings, tmp_path / "run"))
    report = outcome.report
    assert report.summary("judge-agreement", "judge_agreement").mean == 1.0
    assert report.summary("judge-agreement", "judge_consistency").mean == 1.0
    assert report.summary("judge-agreement", "judge_pointwise_agreement").mean == 1.0
    # Each pair: the pairwise prompt twice (swapped), the pointwise judge once per text.
    assert len(fake_llm.chat_requests) == 3 * 4
    pairwise = [r for r in fake_llm.chat_requests if "Which version is clearer?" in r.text]
    assert len(pairwise) == 6
    swapped = [r for r in pairwise if "<<<TEXT_A" in r.text and "significantly cuts" in r.text.split("<<<TEXT_B")[0]]
    assert len(swapped) == 1, "the weasel pair is shown once with the worse text first"


def test_position_bias_shows_as_low_consistency(fake_llm, llm_settings, tmp_path):
    fake_llm.default = first_judge
    report = run_eval(llm_options(llm_settings, tmp_path / "run")).report
    assert report.summary("judge-agreement", "judge_consistency").mean == 0.0
    assert report.summary("judge-agreement", "judge_agreement").mean == 0.5
    worst = [w for w in report.worst if w.grader == "judge_consistency"]
    assert worst and "position bias" in worst[0].detail


def test_a_rerun_is_served_from_the_cache_and_repeat_samples_are_distinct(fake_llm, llm_settings, tmp_path):
    fake_llm.default = fair_judge
    first = run_eval(llm_options(llm_settings, tmp_path / "a", repeat=2))
    assert len(fake_llm.chat_requests) == 2 * 12  # two samples, each its own answers
    assert first.report.usage[0].requests == 24
    again = run_eval(llm_options(llm_settings, tmp_path / "b", repeat=2))
    assert len(fake_llm.chat_requests) == 24, "an unchanged run costs no requests"
    assert again.report.usage[0].cache_hits == 24
    spread = again.report.summary("judge-agreement", "judge_agreement").spread
    assert spread == 0.0  # measured across the two samples (the fake is deterministic)


def test_offline_the_llm_suite_is_skipped_with_a_note(tmp_path):
    result = run_prfaq("eval", str(SUITE), "--offline", "--out", str(tmp_path / "run"))
    assert result.code == 0, result.stderr
    assert "needs an endpoint" in result.stdout
    results = tmp_path / "run" / "results.jsonl"
    assert not results.exists() or not results.read_text()


def test_the_cli_runs_the_llm_suite_through_the_endpoint(fake_llm, llm_env, tmp_path):
    fake_llm.default = fair_judge
    result = run_prfaq("eval", str(SUITE), "--out", str(tmp_path / "run"))
    assert result.code == 0, result.stderr
    assert "| judge-agreement | judge_consistency | 1.000 (n=3)" in result.stdout
    config = json.loads((tmp_path / "run" / "config.json").read_text())
    assert config["endpoint"] == fake_llm.base_url and config["models"] == ["fake-model"]
    prompts = {p["name"]: p for p in config["prompts"]["c0"]}
    assert len(prompts["eval.judge_pair"]["sha256"]) == 64
    for written in (tmp_path / "run").iterdir():  # config, results, reports: the key is in none of them
        assert CANARY_KEY not in written.read_text(), written.name


# -- cassette ----------------------------------------------------------------------------------
def recorder(record_mode: str) -> vcr.VCR:
    return vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode=record_mode,
        # The cases run concurrently: only the body tells one request from another.
        match_on=["method", "scheme", "host", "port", "path", "query", "body"],
        filter_headers=["authorization", "api-key", "openai-organization", "openai-project", "cookie"],
        decode_compressed_response=True,
    )


def cassette_settings(home: Path) -> Settings:
    return Settings(base_url=f"http://127.0.0.1:{RECORD_PORT}/v1", api_key=SecretStr(CANARY_KEY), model="fake-model",
                    home=home, use_cache=False, max_retries=0, timeout_s=5, max_in_flight=1)


def ensure_recorded(home: Path, out: Path) -> None:
    if (CASSETTES / CASSETTE).exists():
        return
    from fake_server import FakeLLM

    server = FakeLLM().start(port=RECORD_PORT)
    server.default = fair_judge
    try:
        with recorder("once").use_cassette(CASSETTE):
            run_eval(llm_options(cassette_settings(home), out))
    finally:
        server.stop()


def test_judge_agreement_replays_from_the_cassette(isolated_home, tmp_path):
    ensure_recorded(isolated_home, tmp_path / "recording")
    with recorder("none").use_cassette(CASSETTE) as cassette:
        report = run_eval(llm_options(cassette_settings(isolated_home), tmp_path / "replay")).report
        assert cassette.play_count == 12
    assert report.summary("judge-agreement", "judge_agreement").mean == 1.0
    assert report.summary("judge-agreement", "judge_consistency").mean == 1.0
    assert not report.errors


KEYLIKE = re.compile(r"sk-[A-Za-z0-9_\-]{8,}|Bearer\s+[A-Za-z0-9]", re.IGNORECASE)


@pytest.mark.parametrize("name", [CASSETTE])
def test_the_eval_cassette_holds_no_key(name, isolated_home, tmp_path):
    ensure_recorded(isolated_home, tmp_path / "recording")
    text = (CASSETTES / name).read_text(encoding="utf-8")
    assert CANARY_KEY not in text
    assert not KEYLIKE.search(text)
    assert "authorization" not in text.lower()


def test_a_matrix_of_models_and_prompt_folders_in_one_run(fake_llm, llm_settings, tmp_path):
    fake_llm.default = fair_judge
    stricter = tmp_path / "prompts"
    stricter.mkdir()
    original = (REPO / "prompts" / "eval.judge_pair.yaml").read_text()
    (stricter / "eval.judge_pair.yaml").write_text(original.replace('version: "1"', 'version: "1-strict"')
                                                  .replace("Which version is clearer?",
                                                           "Which version is clearer? Be strict."))
    pairs = small_pairs_suite(tmp_path)
    outcome = run_eval(RunOptions(suites=[str(SUITE), str(pairs)], models=["model-a", "model-b"],
                                  prompts_dirs=[stricter], out=tmp_path / "run", settings=llm_settings))
    config = outcome.report.config
    labels = [c.label for c in config.cells]
    assert labels[:2] == [f"model-a · prompts: {stricter}", f"model-b · prompts: {stricter}"]
    # The model-free suite runs once, in its own deterministic column, not once per model.
    assert config.cells[-1].id == "det"
    assert {s.cell for s in outcome.report.summaries if s.suite == "pairs"} == {"det"}
    assert {s.cell for s in outcome.report.summaries if s.suite == "judge-agreement"} == {"c0", "c1"}
    sent = {(r.body["model"], "Be strict." in r.text) for r in fake_llm.chat_requests
            if "Which version is clearer?" in r.text}
    assert sent == {("model-a", True), ("model-b", True)}
    strict = next(p for p in config.prompts["c0"] if p.name == "eval.judge_pair")
    assert strict.version == "1-strict" and strict.path.startswith(str(stricter))
    table = (tmp_path / "run" / "report.md").read_text()
    assert "| judge-agreement | judge_agreement | 1.000 (n=3) | 1.000 (n=3) |" in table


def small_pairs_suite(tmp_path: Path) -> Path:
    suite = tmp_path / "pairs.yaml"
    suite.write_text(f"name: pairs\ntask: clarity_pairs\ndataset: {FIXTURES / 'eval' / 'judge-pairs.yaml'}\n"
                     "graders: [pair_order]\n")
    return suite


def test_a_dead_endpoint_stops_the_run_with_one_clear_message(fake_llm, llm_env, tmp_path):
    from fake_server import Status

    fake_llm.default = lambda request: Status(503)
    run = tmp_path / "run"
    result = run_prfaq("eval", str(SUITE), "--out", str(run), env={"PRFAQ_MAX_RETRIES": "0"})
    assert result.code != 0 and "Traceback" not in result.stderr
    assert "cases in a row failed at the endpoint" in result.stderr and f"--out {run}" in result.stderr
    # The run stopped instead of failing every case: far fewer requests than 3 pairs x 4 calls.
    assert len(fake_llm.chat_requests) <= 3 * 2
    lines = (run / "results.jsonl").read_text().splitlines()
    assert all(json.loads(line)["status"] == "error" for line in lines)
    # Once the endpoint is back, the same command resumes and redoes the failed cases.
    fake_llm.default = fair_judge
    again = run_prfaq("eval", str(SUITE), "--out", str(run))
    assert again.code == 0, again.stderr
    assert "3 of 3 cases to run" in again.stderr
    report = json.loads((run / "report.json").read_text())
    assert not report["errors"] and report["results"] == 3


def test_the_shipped_judge_suite_thresholds_pass_a_fair_judge_and_fail_a_biased_one(fake_llm, llm_env, tmp_path):
    fake_llm.default = fair_judge
    # The fake judge scores each text in the server thread; on a loaded machine 2 s per call is
    # too tight for that, and this test is about thresholds, not time-outs.
    slow_ok = {"PRFAQ_TIMEOUT": "20"}
    fair = run_prfaq("eval", "judge-agreement", "--check-thresholds", "--out", str(tmp_path / "fair"), env=slow_ok)
    assert fair.code == 0, fair.stderr
    assert "| judge-agreement | judge_consistency | 1.000 (n=32) pass |" in fair.stdout
    fake_llm.default = first_judge  # same model name and prompts: only --no-cache gets the new answers
    biased = run_prfaq("eval", "judge-agreement", "--check-thresholds", "--no-cache", "--out", str(tmp_path / "biased"),
                       env=slow_ok)
    assert biased.code == 1
    assert "below threshold: judge-agreement/judge_agreement, judge-agreement/judge_consistency" in biased.stderr
