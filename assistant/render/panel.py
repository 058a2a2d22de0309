"""Render a PanelReport as Markdown; the first line always says the panel is simulated."""

from __future__ import annotations

from assistant.insights.panel import PanelReport


def _flat(text: str) -> str:
    return " ".join(text.split())


def render_panel(report: PanelReport) -> str:
    lines = [f"# Customer panel: {report.document}", "", f"**{report.label}**", ""]
    if report.evidence_sources:
        lines += [f"Evidence: {report.evidence_sources} sources.", ""]
    if report.themes:
        lines += ["## What the evidence says, and whether the press release answers it", ""]
        for theme in report.themes:
            if theme.addressed and theme.addressed_by:
                lines.append(f"- Addressed: {_flat(theme.title)} ({theme.count} sources), by "
                             f"\"{_flat(theme.addressed_by.text)}\"")
            else:
                lines.append(f"- **Not addressed**: {_flat(theme.title)} ({theme.count} sources)")
                for quote in theme.objections:
                    lines.append(f"  > \"{_flat(quote.text)}\" ({quote.source})")
        lines.append("")
    if report.customers:
        lines += [f"## {len(report.customers)} simulated customers", ""]
        for share in report.shares:
            segments = "; ".join(f"{s}: {v}" for s, v in share.by_segment.items())
            lines.append(f"- {share.question}: {share.count} of {share.of} ({share.share:.0%}); spread across "
                         f"segments {share.spread:.0%} ({segments})")
        lines.append(f"- would try it: {', '.join(f'{k} {v}' for k, v in sorted(report.would_try.items()))}")
        lines.append("")
        for customer in report.customers:
            answer = customer.answer
            lines.append(f"### Simulated customer {customer.number}: {_flat(customer.segment)}")
            lines.append(f"- understands: {'yes' if answer.understands else 'no'}: {_flat(answer.what_it_is)}")
            lines.append(f"- my problem: {'yes' if answer.my_problem else 'no'}: {_flat(answer.why)}")
            lines.append(f"- would try at the stated price: {answer.would_try}")
            objection = f"- biggest objection: {_flat(answer.objection)}"
            if customer.quote:
                objection += f" (about \"{_flat(customer.quote.text)}\")"
            lines.append(objection)
            lines.append("")
    for note in report.notes:
        lines.append(f"- {note}")
    return "\n".join(lines).rstrip() + "\n"
