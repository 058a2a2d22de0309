"""Voice of the customer: the problems and needs that recur across many sources.

load (sources.py: files and export rows, streamed) -> understand (statements.py: the sentences
that voice a problem; themes.py: grouped by meaning, counted by distinct source) -> judge
(against.py: does a PR/FAQ address each theme) -> render (assistant/render/insights*.py).

Offline, the semantic layer groups and code counts. With a model (llm.py), the model names and
merges the groups and proposes quotes; code still assigns sources, counts and verifies every quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.insights.models import InsightsReport, Quote, Skipped, SourceRef, Theme

if TYPE_CHECKING:
    import numpy as np

    from assistant.config import Settings
    from assistant.documents.models import Document
    from assistant.insights.themes import FoundTheme
    from assistant.llm import Gateway

BATCH = 256  # sources per batch: statements of one batch are embedded together
THEME_MIN_SCORE = 0.1  # a theme's statements must, on average, clearly read as problems
MAX_QUOTES = 3
MAX_THEMES = 12
TITLE_CHARS = 140


@dataclass
class Gathered:
    """Everything the offline pass keeps: bounded by the number of sources, not by their text."""

    report: InsightsReport
    found: list[FoundTheme] = field(default_factory=list)
    centre: np.ndarray | None = None
    segments_of: dict[str, list[str]] = field(default_factory=dict)
    group_of: dict[str, str] = field(default_factory=dict)


def gather(paths: Sequence[str | Path], *, max_bytes: int, text_column: str | None = None,
           progress: bool = False, on_skip: Callable[[str, str], None] | None = None,
           workers: int | None = None) -> Gathered:
    """Read every source, keep its problem statements, group them (offline). The batches are
    understood in `workers` processes (by default one per core for a big input, see workers.py)."""
    from itertools import chain, islice

    from tqdm import tqdm

    from assistant.insights.clean import WINDOW, Boilerplate
    from assistant.insights.sources import Reading, iter_sources
    from assistant.insights.themes import Grouper
    from assistant.insights.workers import Batch, Understanding, workers_for

    reading = Reading()
    report = InsightsReport(engine="offline")
    gathered = Gathered(report=report)
    grouper = Grouper()
    stream = iter_sources(paths, reading, max_bytes=max_bytes, text_column=text_column, on_skip=on_skip)

    def read() -> Iterator[tuple[str, str, str]]:
        for source in stream:
            report.sources.append(SourceRef(id=source.id, path=source.path, kind=source.kind))
            gathered.group_of[source.id] = source.group
            if source.segments:
                gathered.segments_of[source.id] = source.segments
            yield source.id, source.text, source.kind

    def batches() -> Iterator[Batch]:
        # The rows of the first window are read before any batch goes out: the word runs most of
        # them share (a form's wording, a signature) are boilerplate, and every batch leaves them out.
        rows = read()
        head = list(islice(rows, WINDOW))
        learnt = Boilerplate()
        for _, text, kind in head:
            if kind == "row":
                learnt.learn(text)
        boilerplate = learnt.phrases()
        del learnt  # its counts are not needed past the window
        batch: list[tuple[str, str]] = []
        for source_id, text, _ in chain(head, rows):
            batch.append((source_id, text))
            if len(batch) >= BATCH:
                yield Batch(batch, boilerplate)
                batch = []
        if batch:
            yield Batch(batch, boilerplate)

    with Understanding(workers_for(paths) if workers is None else workers) as understanding:
        bar = tqdm(desc="prfaq insights", unit=" sources", disable=not progress, leave=False, mininterval=0.5)
        done = 0
        for understood in understanding.map(batches()):
            grouper.add(understood.statements, understood.vectors)
            bar.update(len(report.sources) - done)  # the sources read so far (a few batches ahead)
            done = len(report.sources)
        bar.close()
    report.skipped = [Skipped(path=p, reason=r) for p, r in reading.skipped]
    report.totals = dict(reading.totals)
    report.notes.extend(reading.warnings)
    if grouper.set_aside:
        report.notes.append(f"{grouper.set_aside} statement(s) unlike any other were set aside to keep memory "
                            "bounded; counts may miss them.")
    gathered.centre = grouper.centre
    gathered.found = [t for t in grouper.themes()
                      if sum(s.score for s in t.examples) / max(1, len(t.examples)) >= THEME_MIN_SCORE]
    return gathered


_OPENER = re.compile(r"^(?:[A-Za-z']+\s+){0,3}[A-Za-z']+,\s+(?=\S)")


def _title(text: str) -> str:
    """A statement as a title (its cleaned words, see clean.py): its discourse opener ("Honestly, ") dropped."""
    title = " ".join(text.split()).rstrip(" .;,")
    opener = _OPENER.match(title)
    if opener and len(title) - opener.end() > 20:
        title = title[opener.end():]
    title = re.sub(r"\bi\b", "I", title)
    if len(title) > TITLE_CHARS:
        title = title[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return title[:1].upper() + title[1:]


def theme_of(found: FoundTheme, gathered: Gathered, title: str | None = None,
             quotes: list[Quote] | None = None) -> Theme:
    from assistant.insights.themes import top_segments

    by_kind: dict[str, int] = {}
    for source in found.sources:
        group = gathered.group_of.get(source, "sources")
        by_kind[group] = by_kind.get(group, 0) + 1
    if quotes is None:
        quotes = [Quote(text=s.text, source=s.source, start=s.start, end=s.end)
                  for s in found.examples[:MAX_QUOTES]]
    return Theme(title=title or _title(found.examples[0].key or found.examples[0].text), count=len(found.sources),
                 sources=list(found.sources), quotes=quotes,
                 segments=top_segments(found.sources, gathered.segments_of), by_kind=by_kind)


def insights(paths: Sequence[str | Path], *, settings: Settings, text_column: str | None = None,
             against: Document | None = None, progress: bool = False,
             on_skip: Callable[[str, str], None] | None = None, gateway: Gateway | None = None,
             ) -> InsightsReport:
    """Themes across `paths`; with `against`, whether that document addresses each."""
    gathered = gather(paths, max_bytes=settings.max_input_bytes, text_column=text_column, progress=progress,
                      on_skip=on_skip)
    report = gathered.report
    found = gathered.found[:MAX_THEMES * 2]
    if gateway is not None and found:
        from assistant.insights.llm import name_themes

        named = name_themes(found, gathered, gateway, paths=paths, max_bytes=settings.max_input_bytes,
                            text_column=text_column)
        report.engine = "llm"
        report.themes = named.themes
        report.unverified_quotes = named.unverified
        if named.unverified:
            report.notes.append(f"{named.unverified} quote(s) proposed by the model were not found in their "
                                "source; they are not shown.")
        statements_of = named.statements_of
    else:
        report.themes = [theme_of(t, gathered) for t in found]
        statements_of = [[s.key or s.text for s in t.examples] for t in found]  # matched by their words, not ids
    pairs = sorted(zip(report.themes, statements_of, strict=True), key=lambda pair: -pair[0].count)[:MAX_THEMES]
    report.themes = [theme for theme, _ in pairs]
    statements_of = [statements for _, statements in pairs]
    if not report.sources:
        report.notes.append("No source could be read.")
    elif not report.themes:
        report.notes.append("No customer problem recurs in two or more sources.")
    if against is not None:
        from assistant.insights.against import mark_addressed

        mark_addressed(report, against, statements_of, centre=gathered.centre)
    return report


__all__ = ["InsightsReport", "Theme", "gather", "insights"]
