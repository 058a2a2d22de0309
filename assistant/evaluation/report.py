"""The run's report: per-grader means with their spread across samples, thresholds, worst cases,
errors, model traffic and prompt versions, plus the comparison when there is one. Markdown for
a terminal or a pull request, and one self-contained HTML file (escaped, strict CSP, no script).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from assistant.evaluation.models import (
    CaseResult,
    CellUsage,
    Comparison,
    GraderDelta,
    GraderSummary,
    RunConfig,
    RunReport,
    SuiteNote,
    SuiteSpec,
    WorstCase,
)

WORST_PER_GRADER = 5
MAX_ERRORS_SHOWN = 50
MAX_CASE_DELTAS_SHOWN = 40


# -- building ----------------------------------------------------------------------------------
def _stdev(values: list[float]) -> float | None:
    if len(values) < 2:
        return None
    mean = sum(values) / len(values)
    return math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))


def _summarise(suite: SuiteSpec, cell: str, grader: str, results: list[CaseResult]) -> tuple[GraderSummary,
                                                                                           list[WorstCase]]:
    values: dict[str, list[float]] = defaultdict(list)
    sources: dict[str, str] = {}
    worst_detail: dict[str, tuple[float, str, str | None]] = {}
    skip_reasons: Counter[str] = Counter()
    for result in results:
        found = result.grader(grader)
        if result.status != "ok" or found is None or found.value is None:
            skip_reasons[(found.detail if found else result.error) or result.status] += 1
            continue
        values[result.case_id].append(found.value)
        sources[result.case_id] = result.source
        known = worst_detail.get(result.case_id)
        if known is None or found.value < known[0]:
            worst_detail[result.case_id] = (found.value, found.detail, result.output)
    case_means = {case: sum(v) / len(v) for case, v in values.items()}
    spreads = [s for s in (_stdev(v) for v in values.values()) if s is not None]
    mean = sum(case_means.values()) / len(case_means) if case_means else None
    threshold = suite.thresholds.get(grader)
    per_source: dict[str, list[float]] = defaultdict(list)
    for case, m in case_means.items():
        per_source[sources[case]].append(m)
    summary = GraderSummary(
        suite=suite.name, cell=cell, grader=grader, cases=len(case_means), mean=mean,
        spread=sum(spreads) / len(spreads) if spreads else None,
        minimum=min(case_means.values()) if case_means else None, threshold=threshold,
        passed=None if threshold is None or mean is None else mean >= threshold - 1e-9,
        skipped=sum(skip_reasons.values()),
        skip_reason=skip_reasons.most_common(1)[0][0] if skip_reasons else "",
        by_source={src: sum(v) / len(v) for src, v in per_source.items()} if len(per_source) > 1 else {},
    )
    top = _scale_top(grader)
    ranked = sorted((m, case) for case, m in case_means.items() if m < top - 1e-9)
    worst = [WorstCase(suite=suite.name, cell=cell, grader=grader, case_id=case, value=m,
                       detail=worst_detail[case][1], output=worst_detail[case][2])
             for m, case in ranked[:WORST_PER_GRADER]]
    return summary, worst


def build_report(config: RunConfig, specs: dict[str, SuiteSpec], results: list[CaseResult],
                 notes: list[SuiteNote], usage: list[CellUsage]) -> RunReport:
    summaries: list[GraderSummary] = []
    worst: list[WorstCase] = []
    by_group: dict[tuple[str, str], list[CaseResult]] = defaultdict(list)
    for result in results:
        by_group[(result.suite, result.cell)].append(result)
    cell_order = [c.id for c in config.cells]
    for suite_name in config.suites:
        spec = specs.get(suite_name)
        if spec is None:
            continue
        for grader in spec.graders:
            for cell in cell_order:
                group = by_group.get((suite_name, cell))
                if not group:
                    continue
                summary, low = _summarise(spec, cell, grader, group)
                summaries.append(summary)
                worst.extend(low)
    errors = sorted((r for r in results if r.status == "error"), key=lambda r: r.key)
    unique_notes = list({(n.suite, n.note): n for n in notes}.values())
    return RunReport(config=config, summaries=summaries, worst=worst, notes=unique_notes, usage=usage,
                     errors=errors[:MAX_ERRORS_SHOWN], results=len(results))


# -- formatting --------------------------------------------------------------------------------
def _scale(grader: str) -> str:
    from assistant.evaluation.graders import GRADERS

    info = GRADERS.get(grader)
    return info.scale if info else "0-1"


def _scale_top(grader: str) -> float:
    """The best value a grader can give: a case there is not among the worst, however many tie."""
    return {"0-100": 100.0, "1-5": 5.0}.get(_scale(grader), 1.0)


def fmt(grader: str, value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.1f}" if _scale(grader) == "0-100" else f"{value:.3f}"


def fmt_summary(s: GraderSummary) -> str:
    if s.mean is None:
        return f"n/a ({s.skip_reason})" if s.skip_reason else "n/a"
    text = fmt(s.grader, s.mean)
    if s.spread is not None:
        text += f" ± {fmt(s.grader, s.spread)}"
    return f"{text} (n={s.cases})"


def verdict(s: GraderSummary) -> str:
    if s.passed is None:
        return ""
    return "pass" if s.passed else f"FAIL (below {fmt(s.grader, s.threshold)})"


def delta_verdict(d: GraderDelta) -> str:
    if d.delta is None:
        return "not comparable"
    if d.regression:
        return "REGRESSION"
    if d.improvement:
        return "improved"
    return "within noise"


def _md(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _cell_labels(report: RunReport) -> dict[str, str]:
    return {c.id: c.label for c in report.config.cells}


def _grid(report: RunReport) -> tuple[list[str], list[tuple[str, str]], dict[tuple[str, str, str], GraderSummary]]:
    cells = [c.id for c in report.config.cells if any(s.cell == c.id for s in report.summaries)]
    rows = list(dict.fromkeys((s.suite, s.grader) for s in report.summaries))
    table = {(s.suite, s.grader, s.cell): s for s in report.summaries}
    return cells, rows, table


def render_markdown(report: RunReport, comparison: Comparison | None = None) -> str:
    config = report.config
    labels = _cell_labels(report)
    out = [f"# prfaq eval: run {config.run_id}", "",
           f"Created {config.created} · prfaq {config.package_version} · rule set {config.rule_set_version} · "
           f"endpoint {config.endpoint or 'none (offline engine)'} · --repeat {config.repeat} · "
           f"{report.results} results", "",
           "| cell | engine | model | prompts |", "|---|---|---|---|"]
    out += [f"| {c.id} | {c.engine} | {_md(c.model or '-')} | {_md(c.prompts_dir or 'built-in')} |"
            for c in config.cells]
    cells, rows, table = _grid(report)
    out += ["", "## Results", "",
            "Mean over cases (± the mean spread across --repeat samples), and the suite's threshold.", "",
            "| suite | grader | " + " | ".join(_md(labels[c]) for c in cells) + " | threshold |",
            "|---|---|" + "---|" * len(cells) + "---|"]
    for suite, grader in rows:
        row = [table.get((suite, grader, c)) for c in cells]
        shown = [f"{fmt_summary(s)} {verdict(s)}".strip() if s else "" for s in row]
        threshold = next((s.threshold for s in row if s and s.threshold is not None), None)
        out.append(f"| {suite} | {grader} | " + " | ".join(_md(x) for x in shown)
                   + f" | {fmt(grader, threshold) if threshold is not None else ''} |")
    split = [s for s in report.summaries if s.by_source]
    if split:
        out += ["", "By dataset:", ""]
        out += [f"- {s.suite} · {s.grader} · {s.cell}: " + "; ".join(
            f"{src} {fmt(s.grader, v)}" for src, v in s.by_source.items()) for s in split]
    if report.notes:
        out += ["", "## Notes", ""] + [f"- {n.suite}: {n.note}" for n in report.notes]
    if comparison is not None:
        out += ["", *markdown_comparison(comparison, labels)]
    if report.worst:
        out += ["", "## Worst cases", ""]
        for (suite, grader, cell), items in _grouped_worst(report.worst).items():
            out += [f"### {suite} · {grader} · {labels.get(cell, cell)}", ""]
            out += [f"- `{w.case_id}`: {fmt(grader, w.value)}: {_md(w.detail)}" for w in items]
            out.append("")
    if report.errors:
        out += ["", f"## Errors ({len(report.errors)})", ""]
        out += [f"- {e.suite} · {e.cell} · `{e.case_id}` (sample {e.sample}): {_md(e.error)}" for e in report.errors]
    if report.usage:
        out += ["", "## Model traffic (this invocation)", "",
                "| cell | calls | requests | cache hits | prompt tokens | completion tokens | cost (USD) |",
                "|---|---|---|---|---|---|---|"]
        out += [f"| {u.cell} | {u.calls} | {u.requests} | {u.cache_hits} | {u.prompt_tokens} | {u.completion_tokens} "
                f"| {u.cost_usd:.4f} |" for u in report.usage]
    if config.prompts:
        out += ["", "## Prompts", "", "Prompts a --prompts-dir replaced (every prompt, by name, version and sha256, "
                "is in config.json):", ""]
        overridden = [(cell_id, p) for cell_id, prompts in config.prompts.items() for p in prompts
                      if not _is_builtin(p.path)]
        if overridden:
            out += ["| cell | prompt | version | sha256 | file |", "|---|---|---|---|---|"]
            out += [f"| {cell_id} | {p.name} | {_md(p.version)} | `{p.sha256[:12]}` | {_md(p.path)} |"
                    for cell_id, p in overridden]
        else:
            out.append("none: every cell ran the built-in prompts.")
    return "\n".join(out).rstrip() + "\n"


def _is_builtin(path: str) -> bool:
    from pathlib import Path

    from assistant.prompts import builtin_prompts_dir

    return Path(path).resolve().is_relative_to(builtin_prompts_dir().resolve())


def _replaced_css(path: str) -> str:
    return "" if _is_builtin(path) else ' class="warn"'


def _grouped_worst(worst: list[WorstCase]) -> dict[tuple[str, str, str], list[WorstCase]]:
    grouped: dict[tuple[str, str, str], list[WorstCase]] = defaultdict(list)
    for item in worst:
        grouped[(item.suite, item.grader, item.cell)].append(item)
    return grouped


def markdown_comparison(comparison: Comparison, labels: dict[str, str]) -> list[str]:
    out = [f"## Compared with run {comparison.base_run}", "",
           "A drop is a regression when it exceeds the noise: twice the standard error measured across "
           "--repeat samples, or the suite's minimum delta with one sample.", "",
           "| suite | grader | cells | baseline | this run | change | noise | verdict |",
           "|---|---|---|---|---|---|---|---|"]
    for d in comparison.graders:
        change = "n/a" if d.delta is None else f"{d.delta:+.3f}"
        out.append(f"| {d.suite} | {d.grader} | {d.base_cell} → {d.cell} | {fmt(d.grader, d.base_mean)} | "
                   f"{fmt(d.grader, d.mean)} | {change} | {d.noise:.3f} ({d.noise_source}) | {delta_verdict(d)} |")
    dropped = sorted((c for c in comparison.cases if c.regression), key=lambda c: (c.delta or 0.0))
    if dropped:
        out += ["", f"Cases that dropped beyond the noise ({len(dropped)}):", "",
                "| suite | grader | case | baseline | this run | change |", "|---|---|---|---|---|---|"]
        out += [f"| {c.suite} | {c.grader} | `{_md(c.case_id)}` | {fmt(c.grader, c.base_value)} | "
                f"{fmt(c.grader, c.value)} | {(c.delta or 0.0):+.3f} |" for c in dropped[:MAX_CASE_DELTAS_SHOWN]]
    if comparison.notes:
        out += [""] + [f"- {n}" for n in comparison.notes]
    return out


def render_comparison_text(comparison: Comparison) -> str:
    return "\n".join(markdown_comparison(comparison, {})) + "\n"


# -- HTML --------------------------------------------------------------------------------------
def render_html(report: RunReport, comparison: Comparison | None = None) -> str:
    """One self-contained page. The page shell (escaping, stylesheet, content security policy) is
    the critique report's, so both reports look alike and share one audited CSP."""
    from assistant.render.html import STYLE, content_security_policy, e

    config = report.config
    labels = _cell_labels(report)
    cells, rows, table = _grid(report)
    body = [f"<h1>prfaq eval: run {e(config.run_id)}</h1>",
            f'<p class="meta">Created {e(config.created)} · prfaq {e(config.package_version)} · rule set '
            f"{e(config.rule_set_version)} · endpoint {e(config.endpoint or 'none (offline engine)')} · "
            f"--repeat {config.repeat} · {report.results} results</p>",
            "<table><thead><tr><th>cell</th><th>engine</th><th>model</th><th>prompts</th></tr></thead><tbody>"]
    body += [f"<tr><td>{e(c.id)}</td><td>{e(c.engine)}</td><td>{e(c.model or '-')}</td>"
             f"<td>{e(c.prompts_dir or 'built-in')}</td></tr>" for c in config.cells]
    body += ["</tbody></table>", "<h2>Results</h2>",
             '<p class="meta">Mean over cases (± the mean spread across --repeat samples).</p>',
             "<table><thead><tr><th>suite</th><th>grader</th>"
             + "".join(f"<th>{e(labels[c])}</th>" for c in cells) + "<th>threshold</th></tr></thead><tbody>"]
    for suite, grader in rows:
        row = [table.get((suite, grader, c)) for c in cells]
        tds = []
        for s in row:
            if s is None:
                tds.append("<td></td>")
                continue
            css = "" if s.passed is None else (' class="ok"' if s.passed else ' class="error"')
            tds.append(f'<td{css}>{e(fmt_summary(s))} {e(verdict(s))}</td>')
        threshold = next((s.threshold for s in row if s and s.threshold is not None), None)
        body.append(f"<tr><td>{e(suite)}</td><td>{e(grader)}</td>{''.join(tds)}"
                    f"<td class=\"num\">{e(fmt(grader, threshold)) if threshold is not None else ''}</td></tr>")
    body.append("</tbody></table>")
    split = [s for s in report.summaries if s.by_source]
    if split:
        body += ['<p class="meta">By dataset:</p>', "<ul>"]
        body += [f"<li>{e(s.suite)} · {e(s.grader)} · {e(s.cell)}: " + "; ".join(
            f"{e(src)} {e(fmt(s.grader, v))}" for src, v in s.by_source.items()) + "</li>" for s in split]
        body.append("</ul>")
    if report.notes:
        body += ["<h2>Notes</h2>", "<ul>"] + [f"<li>{e(n.suite)}: {e(n.note)}</li>" for n in report.notes] + ["</ul>"]
    if comparison is not None:
        body += _html_comparison(comparison)
    if report.worst:
        body.append("<h2>Worst cases</h2>")
        for (suite, grader, cell), items in _grouped_worst(report.worst).items():
            body.append(f"<h3>{e(suite)} · {e(grader)} · {e(labels.get(cell, cell))}</h3><ul>")
            for w in items:
                shown = f"<details><summary>{e(w.case_id)}: {e(fmt(grader, w.value))}</summary><p>{e(w.detail)}</p>"
                if w.output:
                    shown += f'<q class="ctx">{e(w.output)}</q>'
                body.append(f"<li>{shown}</details></li>")
            body.append("</ul>")
    if report.errors:
        body += [f"<h2>Errors ({len(report.errors)})</h2>", "<ul>"]
        body += [f'<li class="error">{e(x.suite)} · {e(x.cell)} · {e(x.case_id)} (sample {x.sample}): '
                 f"{e(x.error)}</li>" for x in report.errors]
        body.append("</ul>")
    if report.usage:
        body += ["<h2>Model traffic (this invocation)</h2>",
                 "<table><thead><tr><th>cell</th><th>calls</th><th>requests</th><th>cache hits</th>"
                 "<th>tokens</th><th>cost (USD)</th></tr></thead><tbody>"]
        body += [f'<tr><td>{e(u.cell)}</td><td class="num">{u.calls}</td><td class="num">{u.requests}</td>'
                 f'<td class="num">{u.cache_hits}</td><td class="num">{u.prompt_tokens + u.completion_tokens}</td>'
                 f'<td class="num">{u.cost_usd:.4f}</td></tr>' for u in report.usage]
        body.append("</tbody></table>")
    if config.prompts:
        body += ["<h2>Prompts</h2>", "<details><summary>Every prompt each cell could use, by version and "
                 "sha256 (replaced ones marked)</summary>", "<table><thead><tr><th>cell</th><th>prompt</th>"
                 "<th>version</th><th>sha256</th><th>file</th></tr></thead><tbody>"]
        for cell_id, prompts in config.prompts.items():
            body += [f"<tr><td>{e(cell_id)}</td><td>{e(p.name)}</td><td>{e(p.version)}</td>"
                     f"<td><code>{e(p.sha256[:12])}</code></td>"
                     f"<td{_replaced_css(p.path)}>{e(p.path)}</td></tr>" for p in prompts]
        body += ["</tbody></table>", "</details>"]
    head = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{e(content_security_policy())}">',
            '<meta name="referrer" content="no-referrer">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>prfaq eval {e(config.run_id)}</title>", f"<style>{STYLE}</style>", "</head><body>"]
    return "\n".join([*head, *body, "</body></html>"]) + "\n"


def _html_comparison(comparison: Comparison) -> list[str]:
    from assistant.render.html import e

    out = [f"<h2>Compared with run {e(comparison.base_run)}</h2>",
           '<p class="meta">A drop is a regression when it exceeds the noise: twice the standard error measured '
           "across --repeat samples, or the suite's minimum delta with one sample.</p>",
           "<table><thead><tr><th>suite</th><th>grader</th><th>cells</th><th>baseline</th><th>this run</th>"
           "<th>change</th><th>noise</th><th>verdict</th></tr></thead><tbody>"]
    for d in comparison.graders:
        css = ' class="error"' if d.regression else (' class="ok"' if d.improvement else "")
        change = "n/a" if d.delta is None else f"{d.delta:+.3f}"
        out.append(f"<tr><td>{e(d.suite)}</td><td>{e(d.grader)}</td><td>{e(d.base_cell)} → {e(d.cell)}</td>"
                   f'<td class="num">{e(fmt(d.grader, d.base_mean))}</td><td class="num">{e(fmt(d.grader, d.mean))}'
                   f'</td><td class="num">{e(change)}</td><td class="num">{d.noise:.3f} ({e(d.noise_source)})</td>'
                   f"<td{css}>{e(delta_verdict(d))}</td></tr>")
    out.append("</tbody></table>")
    dropped = sorted((c for c in comparison.cases if c.regression), key=lambda c: (c.delta or 0.0))
    if dropped:
        out += [f"<h3>Cases that dropped beyond the noise ({len(dropped)})</h3>", "<ul>"]
        out += [f'<li class="error">{e(c.suite)} · {e(c.grader)} · {e(c.case_id)}: {e(fmt(c.grader, c.base_value))} '
                f"→ {e(fmt(c.grader, c.value))}</li>" for c in dropped[:MAX_CASE_DELTAS_SHOWN]]
        out.append("</ul>")
    if comparison.notes:
        out += ["<ul>"] + [f"<li>{e(n)}</li>" for n in comparison.notes] + ["</ul>"]
    return out
