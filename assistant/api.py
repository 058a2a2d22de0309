"""The Python API. Every command of the CLI is one call here; the CLI only parses and prints.

    >>> import assistant
    >>> report = assistant.score("launch.md")
    >>> report.clarity.score

Functions accept a path, "-" for stdin, or an already loaded `Document`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.batch.models import CritiqueSummary
    from assistant.clarity.models import ScoreReport
    from assistant.config import Settings
    from assistant.documents.models import Document
    from assistant.draft.models import Draft
    from assistant.engines.base import AudienceFilter
    from assistant.insights.models import InsightsReport
    from assistant.insights.panel import PanelReport
    from assistant.personas.models import ReviewReport
    from assistant.questions.models import QuestionReport
    from assistant.revision.models import RevisionReport

Source = "str | Path | Document"


def _settings(settings: Settings | None) -> Settings:
    from assistant.config import load_settings

    return settings if settings is not None else load_settings()


def load(source: str | Path | Document, *, settings: Settings | None = None) -> Document:
    """Read a .md/.txt/.docx file (or "-" for stdin) into a typed Document."""
    from assistant.documents import load_document
    from assistant.documents.models import Document

    if isinstance(source, Document):
        return source
    return load_document(source, max_bytes=_settings(settings).max_input_bytes)


def outline(source: str | Path | Document, *, settings: Settings | None = None) -> Document:
    """How the tool reads a document: headline, sections, paragraph roles, FAQ pairs."""
    return load(source, settings=settings)


def score(
    source: str | Path | Document, *, judge: bool = False, settings: Settings | None = None
) -> ScoreReport:
    """Deterministic clarity score and PR/FAQ rubric; with judge=True also the LLM judge."""
    from assistant.clarity import score_document

    settings = _settings(settings)
    doc = load(source, settings=settings)
    report = score_document(doc)
    if judge:
        from assistant.engines import get_engine

        report = report.with_judge(get_engine(settings).judge(doc))
    return report


def draft(
    notes: str | Path | Document | Sequence[str | Path],
    *,
    settings: Settings | None = None,
    stream: Callable[[str], None] | None = None,
) -> Draft:
    """A first-draft PR/FAQ from customer notes, grounded in them, with its gaps listed. Several
    sources (files, folders, CSV/JSONL exports) are read as insights first (assistant.draft.sources)."""
    from assistant.documents.models import Document
    from assistant.draft.sources import is_multi_source
    from assistant.engines import get_engine

    settings = _settings(settings)
    if is_multi_source(notes):
        from assistant.draft.sources import draft_from_sources

        many = list(notes) if isinstance(notes, list | tuple) else [notes]
        return draft_from_sources(many, settings=settings, stream=stream)  # type: ignore[arg-type]
    single = notes[0] if isinstance(notes, list | tuple) else notes
    assert isinstance(single, str | Path | Document)
    return get_engine(settings).draft(load(single, settings=settings), stream=stream)


def questions(
    source: str | Path | Document,
    *,
    audience: AudienceFilter = "all",
    top: int | None = None,
    settings: Settings | None = None,
    ask: Sequence[str] | None = None,
) -> QuestionReport:
    """The hard questions this document will be asked, and whether it answers them.

    `ask`: the team's own questions instead: exactly these, in this order, each judged."""
    from assistant.engines import get_engine

    settings = _settings(settings)
    document = load(source, settings=settings)
    if ask is not None:
        return get_engine(settings).ask(document, list(ask))
    return get_engine(settings).questions(document, audience=audience, top=top)


def review(
    source: str | Path | Document,
    *,
    personas: Sequence[str] | None = None,
    rounds: int = 1,
    settings: Settings | None = None,
) -> ReviewReport:
    """Skeptical stakeholders read, argue and decide."""
    from assistant.engines import get_engine

    settings = _settings(settings)
    return get_engine(settings).review(load(source, settings=settings), personas=personas, rounds=rounds)


def critique(
    paths: Sequence[str | Path],
    *,
    out: Path | None = None,
    settings: Settings | None = None,
) -> CritiqueSummary:
    """Score, questions and review for one document or a folder of them."""
    from assistant.batch import run_critique

    return run_critique([Path(p) for p in paths], out=out, settings=_settings(settings))


def revise(
    source: str | Path | Document,
    *,
    rules: Sequence[str] | None = None,
    from_review: str | Path | ReviewReport | None = None,
    notes: str | Path | Document | None = None,
    settings: Settings | None = None,
) -> RevisionReport:
    """The critique applied: offline, safe deterministic fixes; with a model, a rewrite whose
    figures, names and quotes are checked against the document (and its notes). Nothing is
    written: the report carries the revised text and the diff (the CLI writes the file)."""
    from assistant.engines import get_engine
    from assistant.revision.review_file import load_review

    settings = _settings(settings)
    doc = load(source, settings=settings)
    review = load_review(from_review) if from_review is not None else None
    notes_doc = load(notes, settings=settings) if notes is not None else None
    report = get_engine(settings).revise(doc, rules=rules, review=review, notes=notes_doc)
    return report


def insights(
    sources: Sequence[str | Path],
    *,
    against: str | Path | Document | None = None,
    text_column: str | None = None,
    settings: Settings | None = None,
    progress: bool = False,
    on_skip: Callable[[str, str], None] | None = None,
) -> InsightsReport:
    """The customer problems that recur across notes, interviews and CSV/JSONL exports, counted by
    distinct source, with verbatim quotes; with `against`, whether that PR/FAQ addresses each."""
    from assistant.engines import get_engine

    settings = _settings(settings)
    doc = load(against, settings=settings) if against is not None else None
    return get_engine(settings).insights(list(sources), against=doc, text_column=text_column, progress=progress,
                                         on_skip=on_skip)


def panel(
    source: str | Path | Document,
    *,
    evidence: Sequence[str | Path] = (),
    customers: int = 8,
    settings: Settings | None = None,
) -> PanelReport:
    """A simulated customer panel reads the press release (labelled simulated): offline, the
    evidence's themes it addresses and the objections in the sources' own words."""
    from assistant.engines import get_engine

    settings = _settings(settings)
    return get_engine(settings).panel(load(source, settings=settings), evidence=list(evidence), customers=customers)
