"""A worse prompt is caught. The draft suite runs through the real LLM pipeline against the
loopback fake server, once with the built-in prompts and once with a prompts folder that asks for
hype and long sentences (tests/fixtures/bad_prompts). The fake model follows whichever style
instruction its prompt gives (eval_fakes.literal_writer) and knows nothing of scores; the
regression must come out of the graders' figures and `--compare`.
"""

from __future__ import annotations

import json

from conftest import FIXTURES, run_prfaq
from eval_fakes import literal_writer

SUITE = FIXTURES / "eval" / "draft-mini.yaml"
BAD_PROMPTS = FIXTURES / "bad_prompts"


def eval_run(out, *extra: str):
    return run_prfaq("eval", str(SUITE), "--out", str(out), *extra)


def test_a_prompt_that_asks_for_hype_and_long_sentences_is_a_regression(fake_llm, llm_env, tmp_path):
    fake_llm.default = literal_writer
    base = eval_run(tmp_path / "base")
    assert base.code == 0, base.stderr
    base_report = json.loads((tmp_path / "base" / "report.json").read_text())
    assert not base_report["errors"]
    assert len(fake_llm.chat_requests) >= 6 * 3  # extract, press release, FAQ (and a revision) per case

    bad = eval_run(tmp_path / "bad", "--prompts-dir", str(BAD_PROMPTS), "--compare", str(tmp_path / "base"),
                   "--fail-on-regression")
    assert bad.code == 1, bad.stderr
    assert "regression against" in bad.stderr
    comparison = json.loads((tmp_path / "bad" / "compare.json").read_text())
    verdicts = {g["grader"]: g for g in comparison["graders"]}
    assert verdicts["clarity"]["regression"] and verdicts["clarity"]["delta"] < -2.0
    # Grounding is untouched: the bad prompt made the writing worse, not the facts.
    assert not verdicts["grounding"]["regression"]
    # The prompts that ran are on record, by hash, in each run's config.
    bad_config = json.loads((tmp_path / "bad" / "config.json").read_text())
    used = {p["name"]: p for p in bad_config["prompts"]["c0"]}
    assert used["draft.press_release"]["version"] == "1-hype"
    assert used["draft.press_release"]["path"].startswith(str(BAD_PROMPTS))
    sent = [r for r in fake_llm.chat_requests if "prompt: draft.press_release" in r.text]
    assert any("use bold superlatives" in r.text for r in sent)
    # The report shows which cases dropped, and why.
    report = (tmp_path / "bad" / "report.md").read_text()
    assert "| draft | clarity | c0 → c0 |" in report and "REGRESSION" in report
    assert "hype" in report or "sentence_length" in report
    assert "| c0 | draft.press_release | 1-hype |" in report  # the replaced prompt, named in the report


def test_the_same_prompts_again_are_not_a_regression_and_cost_no_requests(fake_llm, llm_env, tmp_path):
    fake_llm.default = literal_writer
    assert eval_run(tmp_path / "base").code == 0
    requests = len(fake_llm.chat_requests)
    again = eval_run(tmp_path / "again", "--compare", str(tmp_path / "base"), "--fail-on-regression")
    assert again.code == 0, again.stderr
    assert "REGRESSION" not in again.stdout
    assert len(fake_llm.chat_requests) == requests  # every call served from the gateway's cache
