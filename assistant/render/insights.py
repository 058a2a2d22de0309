"""Render an InsightsReport: Markdown for people, JSON for scripts (the stable contract), HTML as
one self-contained file (every string escaped, a strict Content-Security-Policy, no script)."""

from __future__ import annotations

import base64
import hashlib
import json

from assistant.insights.models import InsightsReport, Theme
from assistant.render.html import e

STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:960px;padding:1rem 1.5rem;
color:#1d2125;background:#fff}h1{font-size:1.4rem}h2{font-size:1.1rem;margin:1.4rem 0 .4rem}
.meta{color:#555}blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid #ccc}
.src{color:#555;font-size:.85rem}.yes{color:#1a7f37}.no{color:#b42318}.warn{color:#9a6700}
"""


def render_json(report: InsightsReport) -> str:
    return json.dumps(report.model_dump_contract(), indent=2, ensure_ascii=False) + "\n"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _where(theme: Theme, report: InsightsReport) -> str:
    return report.describe_count(theme)


def render_markdown(report: InsightsReport) -> str:
    lines = ["# What customers say", ""]
    lines.append(f"{len(report.sources)} sources read ({', '.join(f'{n} {g}' for g, n in report.totals.items())})"
                 f"; themes ranked by how many distinct sources raise them ({report.engine} engine).")
    if report.against:
        lines.append(f"Checked against {report.against}.")
    lines.append("")
    for rank, theme in enumerate(report.themes, start=1):
        lines.append(f"## {rank}. {_flat(theme.title)}")
        lines.append("")
        lines.append(f"Raised by {theme.count} sources: {_where(theme, report)}.")
        if theme.segments:
            lines.append(f"Who raises it: {', '.join(theme.segments)}.")
        if theme.addressed is not None:
            if theme.addressed and theme.addressed_by:
                lines.append(f"Addressed by the document: \"{_flat(theme.addressed_by.text)}\"")
            else:
                lines.append("**Not addressed by the document.**")
        lines.append("")
        for quote in theme.quotes:
            lines.append(f"> \"{_flat(quote.text)}\" ({quote.source}, chars {quote.start}-{quote.end})")
        lines.append("")
    # (with no theme, the report's own note says so: "No customer problem recurs in two or more sources.")
    for skipped in report.skipped:
        lines.append(f"- skipped {skipped.path}: {skipped.reason}")
    for note in report.notes:
        lines.append(f"- {note}")
    return "\n".join(lines).rstrip() + "\n"


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'")


def render_html(report: InsightsReport) -> str:
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f'<meta http-equiv="Content-Security-Policy" content="{e(_csp())}">',
             "<title>What customers say</title>", f"<style>{STYLE}</style></head><body>",
             "<h1>What customers say</h1>",
             f'<p class="meta">{e(len(report.sources))} sources read; themes ranked by how many distinct sources '
             f"raise them ({e(report.engine)} engine).</p>"]
    if report.against:
        parts.append(f'<p class="meta">Checked against {e(report.against)}.</p>')
    for rank, theme in enumerate(report.themes, start=1):
        parts.append(f"<h2>{rank}. {e(_flat(theme.title))}</h2>")
        parts.append(f"<p>Raised by <strong>{e(theme.count)}</strong> sources: {e(_where(theme, report))}.</p>")
        if theme.segments:
            parts.append(f"<p>Who raises it: {e(', '.join(theme.segments))}.</p>")
        if theme.addressed is not None:
            if theme.addressed and theme.addressed_by:
                parts.append(f'<p class="yes">Addressed: &ldquo;{e(_flat(theme.addressed_by.text))}&rdquo;</p>')
            else:
                parts.append('<p class="no">Not addressed by the document.</p>')
        for quote in theme.quotes:
            parts.append(f"<blockquote>&ldquo;{e(_flat(quote.text))}&rdquo; <span class=\"src\">{e(quote.source)}, "
                         f"chars {e(quote.start)}&ndash;{e(quote.end)}</span></blockquote>")
    for skipped in report.skipped:
        parts.append(f'<p class="warn">Skipped {e(skipped.path)}: {e(skipped.reason)}</p>')
    for note in report.notes:
        parts.append(f'<p class="warn">{e(note)}</p>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
