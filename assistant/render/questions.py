"""`prfaq questions` as Markdown: external questions first (what a customer or the press would ask),
then internal (what the review room will ask), each ranked, with its status badge, why it will be
asked (and the words that raise it), and the quoted sentence that answers it with its line."""

from __future__ import annotations

from assistant.questions.models import Question, QuestionReport

QUOTE_CHARS = 200
BADGE = {"answered": "✅ answered", "partly": "🟡 partly", "unanswered": "❌ unanswered"}
HEADINGS = {
    "external": "External questions (customers and the press)",
    "internal": "Internal questions (the review room)",
}


def _quote(text: str, limit: int = QUOTE_CHARS) -> str:
    flat = " ".join(text.split()).replace("`", "'")
    if len(flat) > limit:
        flat = flat[:limit].rsplit(" ", 1)[0] + " …"
    return flat


def _question(number: int, question: Question) -> list[str]:
    lines = [f"{number}. **{question.question}** · {BADGE[question.status]} · _{question.topic.replace('_', ' ')}_"]
    lines.append(f"   - Why: {question.why}")
    if question.evidence is not None:
        lines.append(f"   - Answered at line {question.evidence.line}:")
        lines.append(f"     > {_quote(question.evidence.text)}")
    if question.status != "answered" and question.status_reason:
        lines.append(f"   - Status: {question.status_reason}.")
    if question.lenses:
        lines.append(f"   - Asked by: {', '.join(question.lenses)}")
    if question.also_asked_as:
        lines.append(f"   - Also asked as: {'; '.join(question.also_asked_as)}")
    return lines


def _summary(report: QuestionReport) -> str:
    c = report.counts
    return (f"{c.total} questions ({c.external} external, {c.internal} internal): {c.unanswered} unanswered, "
            f"{c.partly} partly answered, {c.answered} answered.")


def render_questions(report: QuestionReport) -> str:
    title = report.path or "standard input"
    lines = [f"# Hard questions: {title}", ""]
    if report.product:
        lines += [f"About: **{report.product}** · engine: {report.engine}", ""]
    lines += [_summary(report), ""]
    for audience in ("external", "internal"):
        group = report.of(audience)
        if not group:
            continue
        lines += [f"## {HEADINGS[audience]}", ""]
        for number, question in enumerate(group, 1):
            lines += _question(number, question)
        lines.append("")
    extras = list(report.notes)
    if report.counts.unverified_quotes:
        extras.append(f"{report.counts.unverified_quotes} quote(s) the model gave as evidence were not found in the "
                      "document and were dropped; those questions are shown as unanswered.")
    if report.counts.merged_duplicates:
        extras.append(f"{report.counts.merged_duplicates} near-duplicate question(s) were merged.")
    if extras:
        lines += ["## Notes", ""] + [f"- {note}" for note in extras] + [""]
    return "\n".join(lines).rstrip() + "\n"
