"""Two runs side by side, per grader and per case, with regressions marked only beyond the noise.

Noise is measured where it can be: with `--repeat K` (K > 1) each case has K values, and the
standard error of a mean over n cases is sqrt(sum(var_i / K)) / n. A drop is a regression when
it is larger than twice the standard error of the difference between the two runs (about a 95%
interval). With one sample nothing can be measured, so the suite's `min_delta` for the grader
(or the grader's default) stands in for the noise. Every grader is "higher is better".
"""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path

from assistant.evaluation.models import (
    CaseDelta,
    CaseResult,
    Cell,
    Comparison,
    GraderDelta,
    RunConfig,
    SuiteSpec,
)

NOISE_SIGMAS = 2.0
EPSILON = 1e-9  # float noise: a "drop" of 1e-12 is no drop

Values = dict[str, list[float]]  # case id -> one value per sample


def load_run(run_dir: Path) -> tuple[RunConfig, list[CaseResult]]:
    from assistant.evaluation.runner import RESULTS_NAME, ResultsFile, read_config

    return read_config(run_dir), ResultsFile(run_dir / RESULTS_NAME).read()


def grader_values(results: list[CaseResult], suite: str, cell: str, grader: str) -> Values:
    values: Values = defaultdict(list)
    for result in results:
        if result.suite != suite or result.cell != cell or result.status != "ok":
            continue
        found = result.grader(grader)
        if found is not None and found.value is not None:
            values[result.case_id].append(found.value)
    return dict(values)


def _variance(samples: list[float]) -> float | None:
    if len(samples) < 2:
        return None
    mean = sum(samples) / len(samples)
    return sum((v - mean) ** 2 for v in samples) / (len(samples) - 1)


def _case_variance(a: list[float], b: list[float]) -> float | None:
    """The case's sample variance, pooled over whichever run measured it (None if neither did)."""
    measured = [v for v in (_variance(a), _variance(b)) if v is not None]
    return sum(measured) / len(measured) if measured else None


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _cells_with_results(results: list[CaseResult], suite: str) -> list[str]:
    return list(dict.fromkeys(r.cell for r in results if r.suite == suite))


def pair_cells(base: RunConfig, base_results: list[CaseResult], current: RunConfig,
               results: list[CaseResult], suite: str) -> tuple[list[tuple[Cell, Cell]], list[str]]:
    """Match each cell of this run with the baseline's cell of the same label (model and prompts);
    when the baseline has a single cell for the suite, every cell is compared with it."""
    base_cells = {c.id: c for c in base.cells}
    cur_cells = {c.id: c for c in current.cells}
    base_ids = [i for i in _cells_with_results(base_results, suite) if i in base_cells]
    pairs: list[tuple[Cell, Cell]] = []
    notes: list[str] = []
    for cell_id in _cells_with_results(results, suite):
        cell = cur_cells.get(cell_id)
        if cell is None:
            continue
        same = [base_cells[i] for i in base_ids if base_cells[i].label == cell.label]
        if same:
            pairs.append((same[0], cell))
        elif len(base_ids) == 1:
            pairs.append((base_cells[base_ids[0]], cell))
        else:
            notes.append(f"{suite}: no baseline cell matches {cell.label}; not compared")
    return pairs, notes


def compare_grader(suite: SuiteSpec, grader: str, base_cell: Cell, cell: Cell, base: Values, current: Values
                   ) -> tuple[GraderDelta, list[CaseDelta]]:
    from assistant.evaluation.graders import min_delta

    common = sorted(set(base) & set(current))
    floor = min_delta(suite, grader)
    variances = {case: _case_variance(base[case], current[case]) for case in common}
    measured = any(v is not None for v in variances.values())
    case_deltas: list[CaseDelta] = []
    standard_error_sq = 0.0
    for case in common:
        before, after = _mean(base[case]), _mean(current[case])
        variance = variances[case]
        if measured:
            variance = variance or 0.0
            share = variance / len(base[case]) + variance / len(current[case])
            standard_error_sq += share
            noise = NOISE_SIGMAS * math.sqrt(share)
        else:
            noise = floor
        delta = after - before
        case_deltas.append(CaseDelta(suite=suite.name, grader=grader, case_id=case, base_cell=base_cell.id,
                                     cell=cell.id, base_value=before, value=after, delta=delta, noise=noise,
                                     regression=delta < -noise - EPSILON))
    if not common:
        return GraderDelta(suite=suite.name, grader=grader, base_cell=base_cell.id, cell=cell.id, base_mean=None,
                           mean=None, delta=None, noise=floor, noise_source="min_delta"), case_deltas
    before = _mean([_mean(base[c]) for c in common])
    after = _mean([_mean(current[c]) for c in common])
    noise = NOISE_SIGMAS * math.sqrt(standard_error_sq) / len(common) if measured else floor
    delta = after - before
    return GraderDelta(suite=suite.name, grader=grader, base_cell=base_cell.id, cell=cell.id, base_mean=before,
                       mean=after, delta=delta, noise=noise, noise_source="spread" if measured else "min_delta",
                       regression=delta < -noise - EPSILON, improvement=delta > noise + EPSILON), case_deltas


def compare_runs(base: RunConfig, base_results: list[CaseResult], current: RunConfig,
                 results: list[CaseResult], specs: dict[str, SuiteSpec]) -> Comparison:
    graders: list[GraderDelta] = []
    cases: list[CaseDelta] = []
    notes: list[str] = []
    if base.rule_set_version != current.rule_set_version:
        notes.append(f"rule set changed ({base.rule_set_version} -> {current.rule_set_version}): clarity figures "
                     "move with the rules as well as with the prompts or models")
    for name, spec in specs.items():
        if name not in base.suites:
            notes.append(f"{name}: not in the baseline run; not compared")
            continue
        if base.suite_files.get(name) != current.suite_files.get(name):
            notes.append(f"{name}: the suite file changed since the baseline run")
        pairs, pair_notes = pair_cells(base, base_results, current, results, name)
        notes.extend(pair_notes)
        for base_cell, cell in pairs:
            for grader in spec.graders:
                before = grader_values(base_results, name, base_cell.id, grader)
                after = grader_values(results, name, cell.id, grader)
                if not before and not after:
                    continue
                missing = len(set(before) ^ set(after))
                if missing:
                    notes.append(f"{name}/{grader}: {missing} cases are in only one of the runs; compared on the "
                                 f"{len(set(before) & set(after))} in both")
                delta, per_case = compare_grader(spec, grader, base_cell, cell, before, after)
                graders.append(delta)
                cases.extend(per_case)
    return Comparison(base_run=base.run_id, run=current.run_id, graders=graders, cases=cases, notes=notes)
