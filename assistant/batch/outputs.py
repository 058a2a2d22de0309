"""The files a many-document run leaves in --out (besides results.jsonl), and the Markdown
report for a single document.

Both files are regenerated from results.jsonl at the end of every run (so they always cover
everything the folder holds) and written atomically under fixed names: no output file name
ever comes from a document or a model.
"""

from __future__ import annotations

import time
from pathlib import Path

from assistant.batch import digest
from assistant.batch.journal import write_atomically
from assistant.batch.models import DocResult

SUMMARY_NAME = "summary.md"
REPORT_NAME = "report.html"
QUESTION_CHARS = 110


def write_outputs(out_dir: Path, results: list[DocResult]) -> list[str]:
    from assistant.render.html import ReportInfo, render_critique_html

    engines = sorted({r.engine for r in results if r.engine})
    info = ReportInfo(title=f"prfaq critique: {len(results)} documents", engine=", ".join(engines),
                      generated=time.strftime("%Y-%m-%d %H:%M"))
    summary = out_dir / SUMMARY_NAME
    report = out_dir / REPORT_NAME
    write_atomically(summary, render_summary_md(results).encode("utf-8"))
    write_atomically(report, render_critique_html(results, info).encode("utf-8"))
    return [str(out_dir / "results.jsonl"), str(summary), str(report)]


def md_cell(text: object, limit: int | None = None) -> str:
    """Text safe inside a Markdown table cell: one line, pipes escaped, no raw HTML."""
    flat = " ".join(str(text).split())
    if limit is not None and len(flat) > limit:
        flat = flat[:limit].rsplit(" ", 1)[0] + " …"
    return flat.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def render_summary_md(results: list[DocResult]) -> str:
    ranked = digest.ranked(results)
    failed = digest.failures(results)
    lines = [f"# prfaq critique: {len(results)} documents", "",
             f"{len(ranked)} ok, {len(failed)} failed. Best clarity score first; open the HTML report "
             f"({REPORT_NAME}) for each document's findings in context.", ""]
    if ranked:
        lines += ["| # | Document | Score | Verdict | Blockers | Top open question |",
                  "|---:|---|---:|---|---:|---|"]
        for rank, result in enumerate(ranked, 1):
            row = digest.row(result)
            lines.append(
                f"| {rank} | {md_cell(row.path)} | {'' if row.score is None else f'{row.score:g}'} | "
                f"{row.verdict or ''} | {'' if row.blockers is None else row.blockers} | "
                f"{md_cell(row.top_open_question or '', QUESTION_CHARS)} |")
        lines.append("")
    if failed:
        lines += ["## Failures", "", "| Document | Reason |", "|---|---|"]
        lines += [f"| {md_cell(r.path)} | {md_cell(r.error or r.error_kind or 'unknown')} |" for r in failed]
        lines += ["", "Re-run the same command to retry the failed documents; finished ones are skipped."]
    return "\n".join(lines).rstrip() + "\n"


def render_document_md(result: DocResult) -> str:
    """One document's critique as a readable Markdown report (stdout for a single document): the
    score, questions and review reports of the other commands, one heading level down."""
    from assistant.render.questions import render_questions
    from assistant.render.review import render_review
    from assistant.render.score import render_clarity, render_rubric

    lines = [f"# Critique: {result.path}", ""]
    row = digest.row(result)
    facts = []
    if row.score is not None:
        facts.append(f"clarity {row.score:g}/100")
    if row.verdict:
        facts.append(f"verdict: {row.verdict}")
    if row.open_questions is not None:
        facts.append(f"{row.open_questions} open questions")
    if facts:
        lines += ["**" + " · ".join(facts) + "**", ""]
    if result.error:
        lines += [f"> Failed ({result.error_kind}): {result.error}", ""]
    for warning in result.warnings:
        lines.append(f"> Warning: {warning}")
    if result.warnings:
        lines.append("")
    if result.clarity is not None:
        lines += [*_demoted(render_clarity(result.clarity, result.path)), ""]
    if result.rubric is not None:
        lines += [*_demoted(render_rubric(result.rubric)), ""]
    if result.questions is not None:
        lines += [*_demoted(render_questions(result.questions).splitlines()), ""]
    if result.review is not None:
        lines += [*_demoted(render_review(result.review).splitlines()), ""]
    if result.calls or result.cache_hits:
        lines.append(f"_{result.calls} model calls, {result.cache_hits} from the cache, {result.tokens:,} tokens._")
    return "\n".join(lines).rstrip() + "\n"


def _demoted(lines: list[str]) -> list[str]:
    """Headings one level down, so each part sits under the document's own title."""
    return [f"#{line}" if line.startswith("#") else line for line in lines]
