"""`report.html` for `prfaq critique`: one self-contained file that works from disk.

Safety, because every string in it came from a document or a model:
- every such string goes through `e()` (html.escape, quotes included) before it touches markup;
  quoted words are escaped first and only then wrapped in <mark>;
- a strict Content-Security-Policy: nothing may load from anywhere (default-src 'none'), the
  only script allowed is ours, by its sha256 hash, and the only style ours, by its hash, so even a
  string that slipped through escaping could neither run nor fetch anything;
- no external resources at all: charts are inline SVG, sorting is a few lines of inline script.
File names never come from here: the caller writes to fixed names.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Iterable

from pydantic import BaseModel

from assistant.batch import digest
from assistant.batch.models import DocResult

MAX_CLARITY_FINDINGS = 40
MAX_QUESTIONS = 12

STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;padding:1rem 1.5rem;
color:#1d2125;background:#fff}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}h3{font-size:1rem;margin:1rem 0 .3rem}
.meta{color:#555}.charts{display:flex;flex-wrap:wrap;gap:2rem}.chart{flex:1 1 420px}
svg text{font:11px system-ui,sans-serif;fill:#333}svg .bar{fill:#3b6ea8}svg .axis{stroke:#999}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;
vertical-align:top}th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
td.num{text-align:right;font-variant-numeric:tabular-nums}summary{cursor:pointer;font-weight:600;word-break:break-all}
.ok{color:#1a7f37}.error{color:#b42318}.v-approve{color:#1a7f37}.v-revise{color:#9a6700}.v-reject{color:#b42318}
mark{background:#ffe58a;padding:0 .1em}q.ctx{quotes:none;font-family:ui-monospace,monospace;font-size:.85rem;
background:#f6f8fa;display:block;padding:.2rem .4rem;margin:.15rem 0;white-space:pre-wrap;word-break:break-word}
.sev-blocker{color:#b42318;font-weight:600}.sev-major{color:#9a6700}.sev-minor{color:#555}
.tag{display:inline-block;font-size:.75rem;border:1px solid #ccc;border-radius:3px;padding:0 .3rem;margin-right:.3rem}
ul{margin:.2rem 0 .6rem 1.2rem;padding:0}li{margin:.2rem 0}.warn{color:#9a6700}
"""

SCRIPT = """
(function () {
  var table = document.getElementById("docs");
  if (!table || !table.tHead) { return; }
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  function key(row, index, numeric) {
    var raw = row.cells[index].getAttribute("data-value") || "";
    if (!numeric) { return raw.toLowerCase(); }
    return raw === "" ? -Infinity : parseFloat(raw);
  }
  Array.prototype.forEach.call(heads, function (th, index) {
    var button = th.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var numeric = th.getAttribute("data-type") === "number";
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a, index, numeric), y = key(b, index, numeric);
        var order = x < y ? -1 : (x > y ? 1 : 0);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  table.setAttribute("data-sortable", "ready");
})();
"""


def e(value: object) -> str:
    """Escape anything for HTML text or a quoted attribute value."""
    return html.escape("" if value is None else str(value), quote=True)


def _sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy() -> str:
    return ("default-src 'none'; "
            f"script-src {_sha256_source(SCRIPT)}; style-src {_sha256_source(STYLE)}; img-src data:; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


class ReportInfo(BaseModel):
    """What the header says about the run."""

    title: str = "prfaq critique"
    engine: str = ""
    model: str | None = None
    generated: str = ""


def render_critique_html(results: list[DocResult], info: ReportInfo) -> str:
    ok = [r for r in results if r.ok]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e(content_security_policy())}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(info.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head><body>",
        f"<h1>{e(info.title)}</h1>",
        _header(results, info),
        '<section class="charts">',
        _histogram(digest.score_histogram(ok)),
        _common_findings_chart(digest.common_findings(ok)),
        "</section>",
        "<h2>Documents</h2>",
        _table(results),
        f"<script>{SCRIPT}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _header(results: list[DocResult], info: ReportInfo) -> str:
    ok = sum(1 for r in results if r.ok)
    engine = info.engine + (f" ({info.model})" if info.model else "")
    tokens = sum(r.tokens for r in results)
    cost = sum(r.cost_usd for r in results)
    return (f'<p class="meta">{len(results)} documents: <span class="ok">{ok} ok</span>, '
            f'<span class="error">{len(results) - ok} failed</span>. Engine: {e(engine)}. '
            f"{tokens:,} tokens, about ${cost:.4f}. Generated {e(info.generated)}. "
            "Click a column title to sort; click a document to see its findings.</p>")


# -- charts ------------------------------------------------------------------------------------
def _histogram(counts: list[int]) -> str:
    width, height, left, bottom, top = 440, 210, 34, 28, 12
    plot_h = height - bottom - top
    bar_w = (width - left - 10) / len(counts)
    peak = max(counts) or 1
    out = [f'<div class="chart"><h2>Score distribution</h2><svg role="img" aria-labelledby="hist-title" '
           f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
           '<title id="hist-title">Number of documents per clarity-score band</title>',
           f'<line class="axis" x1="{left}" y1="{top + plot_h}" x2="{width - 5}" y2="{top + plot_h}"/>',
           f'<text x="4" y="{top + 8}">{peak}</text><text x="4" y="{top + plot_h}">0</text>']
    for index, count in enumerate(counts):
        band = f"{index * 10}-{index * 10 + 10 if index < len(counts) - 1 else 100}"
        bar_h = plot_h * count / peak
        x = left + index * bar_w
        out.append(f'<rect class="bar" x="{x + 2:.1f}" y="{top + plot_h - bar_h:.1f}" width="{bar_w - 4:.1f}" '
                   f'height="{bar_h:.1f}"><title>{count} documents scored {band}</title></rect>')
        if count:
            out.append(f'<text x="{x + bar_w / 2 - 4:.1f}" y="{top + plot_h - bar_h - 2:.1f}">{count}</text>')
        out.append(f'<text x="{x + 2:.1f}" y="{height - 10}">{index * 10}</text>')
    out.append("</svg></div>")
    return "".join(out)


def _common_findings_chart(items: list[tuple[str, int]]) -> str:
    if not items:
        return '<div class="chart"><h2>Most common findings</h2><p>No findings.</p></div>'
    row_h, label_w, bar_max, width = 20, 230, 190, 470
    height = row_h * len(items) + 8
    peak = max(count for _, count in items) or 1
    out = [f'<div class="chart"><h2>Most common findings</h2><svg role="img" aria-labelledby="common-title" '
           f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
           '<title id="common-title">Documents in which each kind of finding appears</title>']
    for index, (label, count) in enumerate(items):
        y = 4 + index * row_h
        bar = bar_max * count / peak
        out.append(f'<text x="0" y="{y + 13}">{e(label[:40])}</text>'
                   f'<rect class="bar" x="{label_w}" y="{y + 2}" width="{bar:.1f}" height="{row_h - 6}">'
                   f"<title>{e(label)}: {count} documents</title></rect>"
                   f'<text x="{label_w + bar + 4:.1f}" y="{y + 13}">{count}</text>')
    out.append("</svg></div>")
    return "".join(out)


# -- the table ---------------------------------------------------------------------------------
COLUMNS = [("Document", "text"), ("Status", "text"), ("Score", "number"), ("Verdict", "text"),
           ("Blockers", "number"), ("Open questions", "number"), ("Top open question", "text")]


def _table(results: list[DocResult]) -> str:
    heads = "".join(f'<th scope="col" data-type="{kind}"><button type="button">{e(name)}</button></th>'
                    for name, kind in COLUMNS)
    ordered = digest.ranked(results) + digest.failures(results)
    rows = "\n".join(_row(result) for result in ordered)
    return f'<table id="docs"><thead><tr>{heads}</tr></thead><tbody>\n{rows}\n</tbody></table>'


def _cell(value: object, display: str | None = None, css: str = "") -> str:
    shown = e(value) if display is None else display
    klass = f' class="{css}"' if css else ""
    return f'<td{klass} data-value="{e("" if value is None else value)}">{shown}</td>'


def _row(result: DocResult) -> str:
    row = digest.row(result)
    score = "" if row.score is None else f"{row.score:g}"
    verdict_css = f"v-{row.verdict}" if row.verdict else ""
    cells = [
        f'<td data-value="{e(row.path)}"><details><summary>{e(row.path)}</summary>{_details(result)}</details></td>',
        _cell(row.status, css=row.status),
        _cell(score, css="num"),
        _cell(row.verdict or "", css=verdict_css),
        _cell("" if row.blockers is None else row.blockers, css="num"),
        _cell("" if row.open_questions is None else row.open_questions, css="num"),
        _cell(row.top_open_question or ""),
    ]
    return f'<tr class="doc">{"".join(cells)}</tr>'


def _in_context(result: DocResult, start: int | None, end: int | None, fallback: str = "") -> str:
    """The quoted words highlighted in their line: escape every piece first, then add <mark>."""
    if start is not None and end is not None:
        excerpt = digest.excerpt_at(result, start, end)
        if excerpt is not None:
            return f'<q class="ctx">{e(excerpt.before)}<mark>{e(excerpt.text)}</mark>{e(excerpt.after)}</q>'
    return f'<q class="ctx"><mark>{e(fallback)}</mark></q>' if fallback else ""


def _details(result: DocResult) -> str:
    out: list[str] = []
    if result.error:
        out.append(f'<p class="error">Failed ({e(result.error_kind)}): {e(result.error)}</p>')
    if result.warnings:
        out.append("<h3>Warnings</h3><ul>" + "".join(f'<li class="warn">{e(w)}</li>' for w in result.warnings)
                   + "</ul>")
    out.append(_clarity(result))
    out.append(_rubric(result))
    out.append(_questions(result))
    out.append(_review(result))
    out.append(f'<p class="meta">sha256 {e(result.sha256[:16])}… · {result.calls} model calls '
               f"({result.cache_hits} from cache) · {result.tokens:,} tokens · {result.seconds:g} s</p>")
    return "".join(out)


def _clarity(result: DocResult) -> str:
    if result.clarity is None:
        return ""
    findings = sorted(result.clarity.findings, key=lambda f: (-f.deduction, f.start))
    items = [f'<li><span class="tag">{e(f.rule)}</span> line {f.line}: {e(f.message)} '
             f"(-{f.deduction:g}){_in_context(result, f.start, f.end, f.text)}"
             + (f"Suggestion: {e(f.suggestion)}" if f.suggestion else "") + "</li>"
             for f in findings[:MAX_CLARITY_FINDINGS]]
    more = len(findings) - MAX_CLARITY_FINDINGS
    if more > 0:
        items.append(f"<li>… and {more} more</li>")
    return (f"<h3>Clarity: {result.clarity.score:g}/100</h3>"
            + (f"<ul>{''.join(items)}</ul>" if items else "<p>No clarity findings.</p>"))


def _rubric(result: DocResult) -> str:
    rubric = result.rubric
    if rubric is None:
        return ""
    items = [f'<li><span class="tag">{e(el.status)}</span> {e(el.id)}: {e(el.reason)}</li>'
             for el in rubric.elements if el.status != "present"]
    items += [f'<li><span class="tag">check</span> {e(c.id)}: {e(c.message)}'
              f"{_in_context(result, c.start, c.end)}</li>" for c in rubric.checks if not c.passed]
    body = f"<ul>{''.join(items)}</ul>" if items else "<p>Every element present, every check passed.</p>"
    return "<h3>PR/FAQ rubric</h3>" + body


def _questions(result: DocResult) -> str:
    report = result.questions
    if report is None:
        return ""
    items = []
    for question in report.questions[:MAX_QUESTIONS]:
        evidence = question.evidence
        quote = _in_context(result, evidence.start, evidence.end, evidence.text) if evidence else ""
        items.append(f'<li><span class="tag">{e(question.status)}</span><span class="tag">{e(question.audience)}'
                     f"</span>{e(question.question)}{quote}</li>")
    more = len(report.questions) - MAX_QUESTIONS
    if more > 0:
        items.append(f"<li>… and {more} more</li>")
    return "<h3>Hard questions</h3>" + (f"<ul>{''.join(items)}</ul>" if items else "<p>None.</p>")


def _review(result: DocResult) -> str:
    review = result.review
    if review is None:
        return ""
    decision = review.decision
    out = [f'<h3>Review: <span class="v-{e(decision.verdict)}">{e(decision.verdict)}</span></h3>']
    if decision.reasons:
        out.append("<ul>" + "".join(f"<li>{e(reason)}</li>" for reason in decision.reasons) + "</ul>")
    if decision.must_fix:
        out.append("<p>Must fix:</p><ol>" + "".join(
            f'<li><span class="sev-{e(item.severity)}">{e(item.severity)}</span> {e(item.text)}</li>'
            for item in decision.must_fix) + "</ol>")
    for persona in review.personas:
        out.append(f"<p><strong>{e(persona.name)}</strong>: {e(persona.position)}. {e(persona.biggest_concern)}</p>")
        out.append(_list(
            f'<span class="sev-{e(f.severity)}">{e(f.severity)}</span> {e(f.question)}'
            f"{_in_context(result, f.quote.start, f.quote.end, f.quote.text)}"
            + (f"Suggestion: {e(f.suggestion)}" if f.suggestion else "")
            for f in persona.findings))
    return "".join(out)


def _list(items: Iterable[str]) -> str:
    rendered = "".join(f"<li>{item}</li>" for item in items)
    return f"<ul>{rendered}</ul>" if rendered else ""
