"""`prfaq revise` for a person: the score before and after, each fix (rule, line, before ->
after), what was reported and not applied, what the grounding check removed, and the diff."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.revision.models import RevisionReport

MAX_REPORTED = 40


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def render_revision(report: RevisionReport, *, diff: bool = False) -> str:
    lines = [f"# Revision of {report.path or '<stdin>'} ({report.engine} engine)", ""]
    delta = report.score_after - report.score_before
    lines.append(f"Clarity score: {report.score_before:.2f} -> {report.score_after:.2f} ({delta:+.2f})")
    lines.append(f"Findings resolved: {len(report.findings_resolved)}; remaining: {len(report.findings_remaining)}")
    if report.output:
        lines.append(f"Written to: {report.output}")
    if not report.changed:
        lines.append("Nothing to change: every rule passed.")
    if report.fixes:
        lines += ["", f"## Fixed ({len(report.fixes)})", ""]
        for fix in report.fixes:
            if fix.before:
                lines.append(f"- line {fix.line} [{fix.rule}] {_one_line(fix.before)!r} -> {_one_line(fix.after)!r}")
            else:
                lines.append(f"- line {fix.line} [{fix.rule}] added {_one_line(fix.after)!r}")
    if report.unsupported:
        lines += ["", f"## Not supported by the document or its notes, replaced ({len(report.unsupported)})", ""]
        lines += [f"- {item.kind} {_one_line(item.text)!r} -> {item.replaced_by}" for item in report.unsupported]
    if report.restored:
        lines += ["", "## Put back (the model dropped them)", ""]
        lines += [f"- {_one_line(item)}" for item in report.restored]
    if report.not_applied:
        lines += ["", f"## Reported, not fixed ({len(report.not_applied)})", ""]
        for item in report.not_applied[:MAX_REPORTED]:
            quoted = f" {_one_line(item.text, 80)!r}" if item.text and item.text not in item.reason else ""
            lines.append(f"- line {item.line} [{item.rule}]{quoted}: {item.reason}")
        if len(report.not_applied) > MAX_REPORTED:
            lines.append(f"- ... and {len(report.not_applied) - MAX_REPORTED} more (--format json lists them all)")
    if report.questions_newly_answered:
        lines += ["", "## Questions newly answered", ""]
        lines += [f"- {q.question} ({q.before} -> {q.after})" for q in report.questions_newly_answered]
    if report.must_fix:
        lines += ["", "## The review's must-fix list (for the writer)", ""]
        lines += [f"- {item}" for item in report.must_fix]
    if diff and report.diff:
        lines += ["", "## Diff", "", "```diff", report.diff.rstrip("\n"), "```"]
    return "\n".join(lines) + "\n"
