"""`--compare`: regressions are drops beyond the noise, measured across --repeat samples, or the
suite's minimum delta when there is one sample."""

from __future__ import annotations

import pytest
import yaml
from conftest import REPO, run_prfaq

from assistant.evaluation.compare import compare_runs
from assistant.evaluation.models import CaseResult, Cell, GraderResult, RunConfig, SuiteSpec

SUITE = SuiteSpec(name="draft", task="draft", datasets=[], graders=["clarity"], min_delta={"clarity": 2.0})


def config(run_id: str, cells: list[Cell] | None = None) -> RunConfig:
    return RunConfig(run_id=run_id, created="2026-01-01T00:00:00+00:00", package_version="0", rule_set_version="r",
                     suites=["draft"], cells=cells or [Cell(id="c0", engine="llm", model="m")])


def results(values: dict[str, list[float]], cell: str = "c0") -> list[CaseResult]:
    """One CaseResult per case and sample, with the clarity grader's value."""
    return [CaseResult(suite="draft", cell=cell, case_id=case, sample=i,
                       graders=[GraderResult(name="clarity", value=v)])
            for case, samples in values.items() for i, v in enumerate(samples)]


def compare(base: dict[str, list[float]], now: dict[str, list[float]]):
    comparison = compare_runs(config("base"), results(base), config("now"), results(now), {"draft": SUITE})
    return comparison.graders[0], comparison


def test_one_sample_uses_the_minimum_delta():
    small, _ = compare({"a": [80.0], "b": [70.0]}, {"a": [79.0], "b": [70.0]})  # mean -0.5
    assert small.noise_source == "min_delta" and small.noise == 2.0
    assert not small.regression
    big, comparison = compare({"a": [80.0], "b": [70.0]}, {"a": [74.0], "b": [70.0]})  # mean -3
    assert big.regression and big.delta == pytest.approx(-3.0)
    assert comparison.regressions == [big]
    assert [c.case_id for c in comparison.cases if c.regression] == ["a"]


def test_repeat_samples_measure_the_noise():
    noisy_base = {"a": [70.0, 80.0, 90.0], "b": [60.0, 70.0, 80.0]}
    # A 3-point drop inside samples that spread by 10 points is noise...
    within, _ = compare(noisy_base, {"a": [67.0, 77.0, 87.0], "b": [57.0, 67.0, 77.0]})
    assert within.noise_source == "spread" and within.noise > 3.0
    assert not within.regression
    # ...the same drop from samples that agree is not.
    steady = {"a": [80.0, 80.0, 80.0], "b": [70.0, 70.0, 70.0]}
    real, _ = compare(steady, {"a": [79.0, 79.0, 79.0], "b": [69.0, 69.0, 69.0]})
    assert real.noise_source == "spread" and real.noise == 0.0
    assert real.regression  # below the 2-point minimum delta, but the samples show it is real


def test_the_noise_is_twice_the_standard_error_of_the_difference():
    base = {"a": [70.0, 80.0, 90.0], "b": [70.0, 80.0, 90.0]}  # variance 100 per case
    # Per case the difference has variance 100/3 + 100/3; the mean over two cases has standard
    # error sqrt(2 * 200/3) / 2 = 5.77, so the noise is 11.5 points.
    within, _ = compare(base, {"a": [60.0, 70.0, 80.0], "b": [60.0, 70.0, 80.0]})
    assert within.noise == pytest.approx(2 * (2 * 200 / 3) ** 0.5 / 2)
    assert within.delta == pytest.approx(-10.0) and not within.regression
    beyond, _ = compare(base, {"a": [55.0, 65.0, 75.0], "b": [55.0, 65.0, 75.0]})
    assert beyond.delta == pytest.approx(-15.0) and beyond.regression


def test_a_rise_is_an_improvement_not_a_regression():
    result, _ = compare({"a": [60.0]}, {"a": [70.0]})
    assert result.improvement and not result.regression


def test_cases_only_in_one_run_are_left_out_and_noted():
    result, comparison = compare({"a": [80.0], "gone": [10.0]}, {"a": [80.0], "new": [99.0]})
    assert result.delta == 0.0
    assert any("2 cases are in only one of the runs" in n for n in comparison.notes)


def test_cells_pair_by_model_and_prompts_or_with_a_single_baseline_cell():
    cells = [Cell(id="c0", engine="llm", model="m1"), Cell(id="c1", engine="llm", model="m2")]
    now = results({"a": [50.0]}, "c0") + results({"a": [90.0]}, "c1")
    # Baseline with one cell: both cells compared with it.
    comparison = compare_runs(config("base"), results({"a": [70.0]}), config("now", cells), now, {"draft": SUITE})
    assert {(g.cell, g.regression) for g in comparison.graders} == {("c0", True), ("c1", False)}
    # Baseline with the same two cells swapped in order: each compared with its namesake.
    swapped = [Cell(id="c0", engine="llm", model="m2"), Cell(id="c1", engine="llm", model="m1")]
    base = results({"a": [90.0]}, "c0") + results({"a": [50.0]}, "c1")
    comparison = compare_runs(config("base", swapped), base, config("now", cells), now, {"draft": SUITE})
    assert {(g.base_cell, g.cell, g.delta) for g in comparison.graders} == {("c1", "c0", 0.0), ("c0", "c1", 0.0)}


def test_compare_through_the_cli_with_fail_on_regression(tmp_path):
    """Offline end to end: the same suite against itself is no regression; a run whose pairs got
    harder (a dataset with ties) is one, and --fail-on-regression exits 1."""
    good = tmp_path / "good.yaml"
    good.write_text((REPO / "evals" / "datasets" / "clarity-pairs.yaml").read_text())
    suite = tmp_path / "pairs.yaml"
    suite.write_text(yaml.safe_dump({"name": "pairs", "task": "clarity_pairs", "dataset": str(good),
                                     "graders": ["pair_order"]}))
    base = tmp_path / "base"
    assert run_prfaq("eval", str(suite), "--offline", "--out", str(base)).code == 0
    same = run_prfaq("eval", str(suite), "--offline", "--out", str(tmp_path / "same"), "--compare", str(base),
                     "--fail-on-regression")
    assert same.code == 0, same.stderr
    assert "within noise" in same.stdout
    # The scorer now faces two pairs whose "worse" text is the better one: accuracy drops 2/8.
    cases = yaml.safe_load(good.read_text())["cases"]
    for case in cases[:2]:
        case["worse"] = case["better"]
    good.write_text(yaml.safe_dump({"cases": cases}))
    worse = run_prfaq("eval", str(suite), "--offline", "--out", str(tmp_path / "worse"), "--compare", str(base),
                      "--fail-on-regression")
    assert worse.code == 1, worse.stderr
    assert "REGRESSION" in worse.stdout and "regression against" in worse.stderr
    assert "Cases that dropped beyond the noise (2)" in worse.stdout
    assert "REGRESSION" in (tmp_path / "worse" / "report.html").read_text()
