"""`prfaq score` as Markdown: the score, what cost points (most costly first, each with the
rule, the reason, the words with line:column and a suggested rewrite), the rubric table, and the
judge's verdict when there is one."""

from __future__ import annotations

from assistant.clarity.judge import JudgeReport
from assistant.clarity.models import ClarityReport, Finding, ScoreReport
from assistant.rubric.models import RubricReport

QUOTE_CHARS = 140
STATUS_MARK = {"present": "present", "weak": "WEAK", "missing": "MISSING"}
ELEMENT_NAMES = {
    "headline": "Headline",
    "subheading": "Sub-heading",
    "dateline": "Dateline (future date)",
    "problem": "Problem",
    "solution": "Solution",
    "leader_quote": "Leader quote",
    "getting_started": "Getting started",
    "customer_quote": "Customer quote",
    "call_to_action": "Call to action",
    "external_faq": "External FAQ",
    "internal_faq": "Internal FAQ",
}


def _quote(text: str, limit: int = QUOTE_CHARS) -> str:
    flat = " ".join(text.split()).replace("`", "'")
    if len(flat) > limit:
        flat = flat[:limit].rsplit(" ", 1)[0] + " …"
    return flat


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _finding(index: int, finding: Finding) -> list[str]:
    lines = [
        f"{index}. **-{finding.deduction:.2f}** `{finding.rule}` at {finding.line}:{finding.column}: {finding.message}",
        f"   > {_quote(finding.text)}",
    ]
    if finding.suggestion:
        lines.append(f"   Suggestion: {finding.suggestion}")
    return lines


def render_clarity(clarity: ClarityReport, path: str | None) -> list[str]:
    lines = [
        f"# Clarity score: {clarity.score:.2f} / 100",
        "",
        f"{path or '<stdin>'}: {clarity.words} words, {clarity.sentences} sentences, "
        f"reading grade {clarity.grade:.1f} (rule set {clarity.rule_set_version})",
        "",
    ]
    costly = [f for f in clarity.findings if f.deduction > 0]
    if not clarity.findings:
        lines += ["No findings: nothing cost points.", ""]
    else:
        lines += [f"## What cost points ({len(clarity.findings)} findings, most costly first)", ""]
        for index, finding in enumerate(costly or clarity.findings, 1):
            lines += _finding(index, finding)
        lines.append("")
        lines += ["| category | points lost | cap | findings |", "|---|---:|---:|---:|"]
        for category in clarity.categories:
            if category.findings:
                capped = " (capped)" if category.capped else ""
                lines.append(f"| {category.id} | {category.deduction:.2f}{capped} | {category.cap:g} | "
                             f"{category.findings} |")
        lines.append("")
    return lines


def render_rubric(rubric: RubricReport) -> list[str]:
    lines = ["## PR/FAQ rubric", "", "| element | status | lines | note |", "|---|---|---|---|"]
    for element in rubric.elements:
        where = ""
        if element.line is not None:
            where = str(element.line) if element.line_end in (None, element.line) else \
                f"{element.line}-{element.line_end}"
        lines.append(f"| {ELEMENT_NAMES[element.id]} | {STATUS_MARK[element.status]} | {where} | "
                     f"{_cell(element.reason)} |")
    lines.append("")
    for check in rubric.checks:
        mark = "[x]" if check.passed else "[ ]"
        where = f" (line {check.line})" if check.line is not None and not check.passed else ""
        lines.append(f"- {mark} {check.message}{where}")
    if rubric.missing:
        lines += ["", "Missing: " + ", ".join(rubric.missing)]
    lines.append("")
    return lines


def render_judge(report: ScoreReport, judge: JudgeReport) -> list[str]:
    lines = ["## LLM judge", ""]
    if report.overall is not None:
        overall = report.overall
        lines += [
            f"Overall {overall.score:.2f} = deterministic {overall.deterministic:.2f} "
            f"{overall.judge_adjustment:+.2f} from the judge (bounded to +-{overall.max_adjustment:g})",
            "",
        ]
    for criterion in judge.criteria:
        lines.append(f"- **{criterion.criterion}**: {criterion.score}/5. {_cell(criterion.reasoning)}")
        for evidence in criterion.evidence:
            lines.append(f"  > line {evidence.line}: {_quote(evidence.text)}")
    if judge.dropped_quotes:
        lines += ["", f"{judge.dropped_quotes} quote(s) from the judge were not in the document and were dropped."]
    lines.append("")
    return lines


def render_instruction_flags(report: ScoreReport) -> list[str]:
    if not report.instruction_flags:
        return []
    lines = ["", "## Instruction-like content (flagged, not scored)", ""]
    for flag in report.instruction_flags:
        lines.append(f"- {flag.kind} at {flag.span.line}:{flag.span.column}: {_quote(flag.span.text)}")
    return lines


def render_score(report: ScoreReport) -> str:
    lines = render_clarity(report.clarity, report.path) + render_rubric(report.rubric)
    lines += render_instruction_flags(report)
    if report.judge is not None:
        lines += render_judge(report, report.judge)
    return "\n".join(lines).rstrip() + "\n"
