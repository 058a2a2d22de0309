"""`prfaq draft SOURCES...`: a draft from many sources (folders of interviews, ticket exports).

The sources are first read as insights (assistant.insights: themes counted by distinct source,
verbatim quotes checked against their source). Those become one notes Document, written by code:
the top theme with its count ("14 of 30 interviews and 22 of 60 tickets"), the other themes with
theirs, and the top theme's customer quotes word for word with their source. The usual draft
engine then drafts from those notes, so every figure in the draft traces to a count computed in
code and every customer quote to a source. Finally the problem section is made to lead with the
top theme and its count, and the customer quote to be a verified quote, whatever the engine wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.documents.models import Document
    from assistant.draft.models import Draft
    from assistant.insights.models import InsightsReport

ROW_SUFFIXES = {".csv", ".jsonl", ".ndjson"}


def is_multi_source(notes: object) -> bool:
    """Whether `notes` names more than one source: a list of several, a folder, or an export."""
    if isinstance(notes, list | tuple):
        return len(notes) > 1 or (len(notes) == 1 and is_multi_source(notes[0]))
    if isinstance(notes, str | Path) and str(notes) != "-":
        path = Path(notes)
        return path.is_dir() or path.suffix.lower() in ROW_SUFFIXES
    return False


def _sentence(text: str) -> str:
    text = " ".join(text.split()).rstrip(" .;,")
    return text + "."


def notes_text(report: InsightsReport) -> str:
    """The notes a draft is written from, every figure a count from `report`."""
    groups = ", ".join(f"{n} {g}" for g, n in report.totals.items())
    lines = [f"# Customer notes from {len(report.sources)} sources ({groups})", ""]
    if not report.themes:
        lines += ["Problem: no customer problem recurs in two or more sources.", ""]
        return "\n".join(lines)
    top = report.themes[0]
    if top.segments:
        lines += [f"Customer: {', '.join(s.rsplit(' (', 1)[0] for s in top.segments)}", ""]
    lines += [f"Problem: {_sentence(top.title)} {report.describe_count(top)} raise it.", ""]
    for theme in report.themes[1:4]:
        lines.append(f"Also heard: {_sentence(theme.title)} ({report.describe_count(theme)})")
    lines += ["", "Heard:"]
    for quote in top.quotes:
        lines.append(f"- \"{' '.join(quote.text.split())}\" — {quote.source}")
    return "\n".join(lines) + "\n"


def notes_from(report: InsightsReport) -> Document:
    from assistant.documents import parse_document

    return parse_document(notes_text(report), path="(notes from insights)", source_format="md")


def lead_with_top_theme(draft: Draft, report: InsightsReport) -> Draft:
    """The problem section leads with the top theme and its count; the customer quote is verbatim."""
    if not report.themes:
        return draft
    top = report.themes[0]
    count = report.describe_count(top)
    problem = draft.press_release.problem
    if count not in problem:
        lead = f"In {count}, customers raised the same problem: {_sentence(top.title[:1].lower() + top.title[1:])}"
        draft.press_release.problem = f"{lead} {problem}".strip()
    quotes = [" ".join(q.text.split()) for q in top.quotes]
    if quotes and not any(q in " ".join(draft.press_release.customer_quote.split()) for q in quotes):
        draft.press_release.customer_quote = f"\"{quotes[0]}\" ({top.quotes[0].source})"
    return draft


def draft_from_sources(sources: Sequence[str | Path], *, settings: Settings,
                       stream: Callable[[str], None] | None = None) -> Draft:
    from assistant.engines import get_engine
    from assistant.insights import insights

    report = insights(list(sources), settings=settings)
    notes = notes_from(report)
    draft = get_engine(settings).draft(notes, stream=stream)
    draft.notes_path = ", ".join(str(s) for s in sources)
    draft.warnings.extend(f"skipped {s.path}: {s.reason}" for s in report.skipped)
    return lead_with_top_theme(draft, report)
