"""`prfaq panel DOC`: a SIMULATED customer panel reads the press release.

Not the review's panel (assistant/personas/panel.py, stakeholders arguing): this one is the
customer. Everything it produces is labelled simulated: it is a rehearsal, not research.

- Offline: evidence-based. With `--evidence SOURCES`, the themes of those sources (insights),
  which of them the document addresses (with its sentence), and the objections of the customers
  whose problem it ignores, in the sources' own words (verified quotes).
- With a model: N customers are drawn from the segments in the evidence (or from the document's
  stated customer); each reads the press release and answers four questions; the aggregate gives
  shares with counts and the spread across segments. A quote from the document that cannot be
  found in it is dropped and counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from assistant.insights.models import Addressed, Quote

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.documents.models import Document
    from assistant.insights.models import InsightsReport
    from assistant.llm import Gateway

SCHEMA_VERSION = "1"
LABEL = "SIMULATED: these reactions are generated, not said by real customers."
Verdict = Literal["yes", "maybe", "no"]


class PanelTheme(BaseModel):
    title: str
    count: int
    addressed: bool
    addressed_by: Addressed | None = None
    objections: list[Quote] = Field(default_factory=list)  # the sources' own words, when not addressed


class CustomerAnswer(BaseModel):
    """What the model answers for one simulated customer."""

    understands: bool = Field(description="do I understand what it is")
    what_it_is: str = Field(description="what I think it is, in one sentence")
    my_problem: bool = Field(description="is this my problem")
    why: str = Field(description="why it is or is not my problem, in one sentence")
    would_try: Verdict = Field(description="would I try it at the stated price")
    objection: str = Field(description="my biggest objection, in one sentence")
    objection_quote: str = Field(default="", description="the words of the press release the objection is about, "
                                                          "copied exactly")


class Customer(BaseModel):
    number: int
    segment: str
    cares_about: str = ""
    answer: CustomerAnswer
    quote: Addressed | None = None  # the verified objection quote, in the document


class Share(BaseModel):
    question: str
    count: int
    of: int
    share: float
    by_segment: dict[str, str] = Field(default_factory=dict)  # segment -> "k/n"
    spread: float = 0.0  # highest minus lowest share across segments


class PanelReport(BaseModel):
    schema_version: str = SCHEMA_VERSION
    simulated: bool = True
    label: str = LABEL
    engine: Literal["offline", "llm"] = "offline"
    document: str
    evidence_sources: int = 0
    themes: list[PanelTheme] = Field(default_factory=list)
    customers: list[Customer] = Field(default_factory=list)
    shares: list[Share] = Field(default_factory=list)
    would_try: dict[str, int] = Field(default_factory=dict)
    unverified_quotes: int = 0
    failed_customers: int = 0
    notes: list[str] = Field(default_factory=list)


def _evidence(doc: Document, evidence: Sequence[str | Path], settings: Settings) -> InsightsReport | None:
    if not evidence:
        return None
    from assistant.insights import insights

    return insights(evidence, settings=settings, against=doc)


def _themes(report: InsightsReport) -> list[PanelTheme]:
    return [PanelTheme(title=t.title, count=t.count, addressed=bool(t.addressed), addressed_by=t.addressed_by,
                       objections=[] if t.addressed else t.quotes) for t in report.themes]


def panel_offline(doc: Document, *, evidence: Sequence[str | Path] = (), customers: int = 8,
                  settings: Settings) -> PanelReport:
    report = PanelReport(document=doc.display_name, engine="offline")
    found = _evidence(doc, evidence, settings)
    if found is None:
        report.notes.append("The offline panel is evidence-based: give --evidence SOURCES (interviews, tickets), "
                            "or configure a model to simulate customers.")
        return report
    report.evidence_sources = len(found.sources)
    report.themes = _themes(found)
    missed = [t for t in report.themes if not t.addressed]
    if missed:
        top = missed[0]
        report.notes.append(f"The biggest problem the document does not address: \"{top.title}\" "
                            f"({top.count} sources).")
    report.notes.extend(f"skipped {s.path}: {s.reason}" for s in found.skipped)
    return report


def _segments(found: InsightsReport | None, doc: Document) -> list[tuple[str, str]]:
    """(segment, a problem they raise) pairs to draw customers from, biggest first."""
    pairs: list[tuple[str, str]] = []
    if found is not None:
        counts: Counter[tuple[str, str]] = Counter()
        for theme in found.themes:
            for segment in theme.segments:
                name = segment.rsplit(" (", 1)[0]
                number = int(segment.rsplit("(", 1)[1].rstrip(")")) if "(" in segment else 1
                counts[(name, theme.title)] += number
        pairs = [pair for pair, _ in counts.most_common()]
    if not pairs:
        stated = doc.subheading.text if doc.subheading else (doc.headline.text if doc.headline else "")
        pairs = [(f"the customer the document names: {stated}" if stated else "the document's customer", "")]
    return pairs


def panel_llm(doc: Document, *, evidence: Sequence[str | Path] = (), customers: int = 8, settings: Settings,
              gateway: Gateway) -> PanelReport:
    from assistant.llm.errors import LLMError
    from assistant.prompts import envelope

    report = PanelReport(document=doc.display_name, engine="llm")
    found = _evidence(doc, evidence, settings)
    if found is not None:
        report.evidence_sources = len(found.sources)
        report.themes = _themes(found)
    pairs = _segments(found, doc)
    drawn = [(number + 1, *pairs[number % len(pairs)]) for number in range(customers)]
    press_release = envelope("document", doc.press_release_text)

    def ask(item: tuple[int, str, str]) -> Customer | None:
        number, segment, cares = item
        variables = {"document": press_release, "segment": segment, "cares_about": cares or "(not known)",
                     "number": str(number)}
        try:
            answer = gateway.structured("panel.customer", variables, CustomerAnswer)
        except LLMError:
            return None
        return Customer(number=number, segment=segment, cares_about=cares, answer=answer)

    with ThreadPoolExecutor(max_workers=max(1, min(8, settings.max_in_flight))) as pool:
        results = list(pool.map(ask, drawn))
    report.failed_customers = sum(1 for r in results if r is None)
    for customer in (r for r in results if r is not None):
        if customer.answer.objection_quote.strip():
            span = doc.find(customer.answer.objection_quote)
            if span is None:
                report.unverified_quotes += 1
                customer.answer.objection_quote = ""
            else:
                customer.quote = Addressed(text=span.text, start=span.start, end=span.end)
        report.customers.append(customer)
    report.shares = _shares(report.customers)
    report.would_try = dict(Counter(c.answer.would_try for c in report.customers))
    if report.unverified_quotes:
        report.notes.append(f"{report.unverified_quotes} objection quote(s) were not found in the document; "
                            "they are not shown.")
    if report.failed_customers:
        report.notes.append(f"{report.failed_customers} simulated customer(s) got no answer from the model.")
    return report


def _shares(customers: list[Customer]) -> list[Share]:
    questions = {
        "understands what it is": lambda c: c.answer.understands,
        "says it is their problem": lambda c: c.answer.my_problem,
        "would try it at the stated price": lambda c: c.answer.would_try == "yes",
    }
    shares: list[Share] = []
    total = len(customers)
    for question, test in questions.items():
        count = sum(1 for c in customers if test(c))
        by_segment: dict[str, tuple[int, int]] = {}
        for customer in customers:
            k, n = by_segment.get(customer.segment, (0, 0))
            by_segment[customer.segment] = (k + int(bool(test(customer))), n + 1)
        fractions = [k / n for k, n in by_segment.values() if n]
        shares.append(Share(question=question, count=count, of=total, share=round(count / total, 3) if total else 0.0,
                            by_segment={s: f"{k}/{n}" for s, (k, n) in by_segment.items()},
                            spread=round(max(fractions) - min(fractions), 3) if fractions else 0.0))
    return shares
