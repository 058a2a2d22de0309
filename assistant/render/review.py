"""`prfaq review` as Markdown: the decision and must-fix list first (what the reader came for),
then each persona's position and findings with the quoted words and their line, the discussion,
and what the reader should know about the run (flags, dropped quotes, model calls)."""

from __future__ import annotations

from assistant.personas.models import GUARD, Finding, PersonaListing, PersonaVerdict, ReviewReport

QUOTE_CHARS = 160
DECIDED_BY = {"rules": "by the rules", "model": "by the chair, after the discussion"}


def _quote(text: str, limit: int = QUOTE_CHARS) -> str:
    flat = " ".join(text.split()).replace("`", "'")
    if len(flat) > limit:
        flat = flat[:limit].rsplit(" ", 1)[0] + " …"
    return flat


def _finding(finding: Finding) -> list[str]:
    origin = finding.check if finding.source == "rule" else "read by the model"
    where = "raised at" if finding.gap else "about"
    return [
        f"- **{finding.severity}** `{finding.id}` line {finding.quote.line} ({origin}), {where}:",
        f"  > {_quote(finding.quote.text)}",
        f"  - Asks: {finding.question}",
        f"  - Suggests: {finding.suggestion}",
    ]


def _persona(verdict: PersonaVerdict) -> list[str]:
    moved = (f" (was {verdict.initial_position} before the discussion)"
             if verdict.initial_position and verdict.initial_position != verdict.position else "")
    lines = [f"### {verdict.name}: {verdict.position}{moved}", ""]
    if verdict.lens:
        lines.append(f"Lens: {verdict.lens}.")
    lines += [f"Biggest concern: {verdict.biggest_concern}", ""]
    if not verdict.findings:
        lines += ["No findings.", ""]
    for finding in verdict.findings:
        lines += _finding(finding)
    if verdict.findings:
        lines.append("")
    return lines


def render_review(report: ReviewReport) -> str:
    names = {p.id: p.name for p in report.personas} | {GUARD: "the guard"}
    decision = report.decision
    lines = [
        f"# Review: {report.path or '<stdin>'}",
        "",
        f"**Decision: {decision.verdict.upper()}** ({DECIDED_BY[decision.decided_by]}; {report.engine} engine)",
        "",
    ]
    if decision.overruled:
        lines += [f"**The rules overruled the model:** the chair said {decision.model_verdict}; "
                  f"{'; '.join(decision.overruled_because)}. The verdict is {decision.verdict}.", ""]
    lines += [f"- {reason}" for reason in decision.reasons]
    lines += ["", "## Must fix", ""]
    if not decision.must_fix:
        lines += ["Nothing: no blocker or major finding stands.", ""]
    for index, item in enumerate(decision.must_fix, start=1):
        refs = ", ".join(f"`{ref}` ({names.get(ref.rsplit('-', 1)[0], '?')})" for ref in item.finding_refs)

        lines.append(f"{index}. **{item.severity}** {item.text} (from {refs})")
    lines += ["", "## The personas", ""]
    for verdict in report.personas:
        lines += _persona(verdict)
    lines += _guard(report)
    lines += ["## Discussion", ""]
    if not report.discussion:
        lines += ["No seats disagreed on the same point." if report.rounds else "Skipped (--rounds 0).", ""]
        lines += _positions_table(report)
    current_round = 0
    for turn in report.discussion:
        if turn.round != current_round:
            current_round = turn.round
            lines += [f"Round {turn.round}:", ""]
        refs = f" [{', '.join(turn.finding_refs)}]" if turn.finding_refs else ""
        lines.append(f"- **{names.get(turn.persona, turn.persona)} to {names.get(turn.responds_to, turn.responds_to)}**"
                     f" ({turn.stance}){refs}: {turn.point}")
    lines.append("")
    lines += _notes(report)
    return "\n".join(lines).rstrip() + "\n"


def _positions_table(report: ReviewReport) -> list[str]:
    lines = ["| Seat | Position | Blockers | Majors | Minors |", "|---|---|---|---|---|"]
    for v in report.personas:
        counts = [sum(f.severity == s for f in v.findings) for s in ("blocker", "major", "minor")]
        lines.append(f"| {v.name} | {v.position} | " + " | ".join(str(c) for c in counts) + " |")
    return [*lines, ""]


def _guard(report: ReviewReport) -> list[str]:
    """What was detected and what the guard did; nothing about what a model made of it."""
    if not report.guard_findings and not report.instruction_flags:
        return []
    lines = ["## Text addressed to the reader of the review", "", "Detected:"]
    for flag in report.instruction_flags:
        lines.append(f"- line {flag.quote.line} ({flag.kind}): \"{_quote(flag.quote.text, 80)}\"")
    for finding in report.guard_findings:
        lines += [f"- **blocker** `{finding.id}` line {finding.quote.line}:", f"  > {_quote(finding.quote.text)}"]
    lines += ["", "What the guard did:"]
    lines += [f"- {action}" for action in report.decision.guard]
    return [*lines, ""]


def _notes(report: ReviewReport) -> list[str]:
    notes = []
    if report.dropped_unverified:
        notes.append(f"{report.dropped_unverified} model finding(s) dropped: their quotes are not in the document.")
    if report.engine == "llm":
        notes.append(f"Model calls: {report.calls} (at most {report.call_budget}).")
    notes += report.notes
    if not notes:
        return []
    return ["## Notes", "", *[f"- {note}" for note in notes], ""]


def render_persona_list(listing: PersonaListing) -> str:
    lines = ["# Personas", ""]
    for persona in listing.personas:
        origin = "built-in" if persona.builtin else f"from {persona.path}"
        seat = ", seated by default" if persona.default else (
            f", seated when the document mentions {', '.join(persona.seat_when[:6])} …" if persona.seat_when else "")
        offline = (f"{len(persona.checks) + len(persona.rules)} offline checks" if persona.checks or persona.rules
                   else "no offline checks (reads only with a model)")
        lines += [f"- **{persona.id}**: {persona.name} ({origin}{seat}; {offline})", f"  Lens: {persona.lens}."]
    lines += ["", "Pick some with --personas id1,id2. Add your own: copy a file from prompts/personas/ into "
              "<prompts-dir>/personas/<id>.yaml and pass --prompts-dir."]
    return "\n".join(lines) + "\n"
