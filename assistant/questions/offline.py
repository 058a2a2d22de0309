"""`prfaq questions` on the offline engine: the curated bank, selected and judged by rules."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.questions.answered import Body
from assistant.questions.bank import AskedRates, Bank, BankQuestion, load_asked_rates, load_bank
from assistant.questions.dedup import merge_duplicates
from assistant.questions.meaning import Reading, asks_the_same, judge_candidate
from assistant.questions.models import ANSWERED_ORDER, Question, QuestionCounts, QuestionReport
from assistant.questions.rank import (
    Order,
    asked_priority,
    diversified,
    external_share,
    kind_factor,
    priority,
    rank_score,
    ranked,
    top_then_grouped,
)
from assistant.questions.select import document_kinds, product_name, select

if TYPE_CHECKING:
    from assistant.documents.models import Document
    from assistant.engines.base import AudienceFilter


def questions_offline(doc: Document, audience: AudienceFilter = "all", top: int | None = None, *,
                      order: Order | None = None, rated: bool = True, rates: AskedRates | None = None
                      ) -> QuestionReport:
    """The hard questions this document will be asked, selected from the bank, ranked, with their status.

    `order="threat"` (what `prfaq questions` shows for a document with an FAQ) puts unanswered,
    threatening questions first; `order="asked"` (what it shows for a press release alone, or notes:
    the FAQ is still to be written) ranks by priority alone, whatever the document already answers:
    the list an FAQ should cover (the questions-recall eval measures it). There a question's priority
    is weighed by how often real authors answer it (`asked.yaml`; `rated=False` leaves that out, which
    is how the rates are first fitted; `rates` replaces the shipped ones, e.g. rates fitted on other
    documents) and by the venture's kind for the money questions, and the list is in rank order with
    no quota per audience.
    """
    from assistant.documents.exact import recut
    from assistant.safety import without_instructions

    # Text addressed to the model or the reviewers ("Ignore previous instructions...") neither raises
    # nor answers a question: the rules read the document with such sentences blanked (same offsets),
    # and every quote of the report is cut again from the original text at the end.
    original, doc = doc, without_instructions(doc)
    if order is None:
        # Without an FAQ, "unanswered first" pushes down what the release already touches on, which is
        # what authors' FAQs elaborate most: measured on the public PR/FAQs' releases, recall@15 of
        # the authors' questions is 11.5% in the threat order against 26.1% in the asked order.
        order = "threat" if doc.faq else "asked"
    bank = load_bank()
    rates = rates if rates is not None else load_asked_rates()
    product = product_name(doc, bank)
    kinds = document_kinds(doc, bank)
    body = Body(doc, bank)
    reading = Reading(doc, product)
    candidates = select(doc, bank, product, confirm=lambda text, item: asks_the_same(reading, text, item))
    reading.prepare([candidate.text for candidate in candidates])
    questions: list[Question] = []
    for candidate in candidates:
        if audience != "all" and candidate.bank.audience != audience:
            continue
        verdict = judge_candidate(reading, candidate, body)
        weight = priority(bank.weight(candidate.bank.topic), candidate.relevance)
        if order == "asked" and rated:
            weight = asked_priority(weight, rates.rate(candidate.bank.id, derived=candidate.bank.for_each is not None))
        if order == "asked":
            weight = round(weight * kind_factor(candidate.bank.topic, kinds, candidate.bank.audience), 2)
        questions.append(Question(
            id=candidate.key, audience=candidate.bank.audience, topic=candidate.bank.topic, question=candidate.text,
            why=candidate.why, why_span=candidate.why_span, status=verdict.status, evidence=verdict.evidence,
            status_reason=verdict.reason, source="bank",
            priority=weight, score=rank_score(weight, verdict.status),
        ))
    before = len(questions)
    unique = merge_duplicates(ranked(questions), lambda q: q.question, aliases=[product] if product else [],
                              on_merge=_merge_into, distinct=_same_template_other_name)
    spread = diversified(unique, bank.family, order)
    if order == "asked":
        # What authors answer decides the mix: the rates, fitted on what each question adds to those
        # above it, already weigh the customer's questions against the review room's, so a fixed
        # quota of each would only push out better-attested questions (measured: cross-fitted
        # recall@15 18% -> 21%). The list stays in rank order.
        shown = spread[:top] if top is not None else spread
    else:
        shown = top_then_grouped(spread, top, external_share(kinds))
    report = QuestionReport(engine="offline", path=doc.path, product=product, questions=recut(shown, original),
                            counts=count(shown, merged=before - len(unique)))
    if not doc.faq:
        report.notes.append("No FAQ found: every question was checked against the text alone, so most are "
                            "unanswered. That is the list to answer before the review.")
    return report


def ask_offline(doc: Document, asked: list[str]) -> QuestionReport:
    """The user's own questions (`prfaq questions --ask FILE`), in their order, each judged against
    the document by meaning (`assistant.questions.meaning`): status, evidence and the reason."""
    from assistant.documents.exact import recut
    from assistant.questions.meaning import judge_text
    from assistant.safety import without_instructions

    original, doc = doc, without_instructions(doc)  # evidence is cut again from the original below
    bank = load_bank()
    product = product_name(doc, bank)
    reading = Reading(doc, product, retrieval=True)
    judged = [as_question(text) for text in asked]  # what is judged; the list shows the user's words
    reading.prepare(judged)
    reading.calibrate(judged)
    questions: list[Question] = []
    for number, (text, asking) in enumerate(zip(asked, judged, strict=True), 1):
        like = nearest_bank_question(bank, asking, product)
        audience = like.audience if like is not None else "external"
        topic = like.topic if like is not None else "asked"
        verdict = judge_text(reading, asking, topic=topic, internal=False,
                             cues=like.answers_in(bank.literals_in(doc.text)) if like is not None else None)
        weight = priority(bank.weight(topic), 1.0)
        questions.append(Question(
            id=f"ask.{number}", audience=audience, topic=topic, question=text, why="You asked it.",
            status=verdict.status, evidence=verdict.evidence, status_reason=verdict.reason, source="asked",
            priority=weight, score=rank_score(weight, verdict.status),
        ))
    return QuestionReport(engine="offline", path=doc.path, product=product, questions=recut(questions, original),
                          counts=count(questions))


_ASKS = re.compile(r"(?i)^\W*(?:what|what's|whats|who|who's|whom|whose|which|when|where|why|how|is|are|am|was|were|do|"
                   r"does|did|can|could|will|would|should|shall|may|might|must|has|have|had|isn't|aren't|doesn't|"
                   r"don't|won't|can't|if)\b")


def as_question(text: str) -> str:
    """A team's list often says a subject, not a question ("Data retention policy?", "pricing"):
    judged as the question it stands for ("What is the data retention policy?"), so the same
    subject gets the same answer however it is written. A question is judged as written."""
    bare = text.strip().rstrip("?").strip()
    if not bare or _ASKS.match(bare) or len(bare.split()) > 8:
        return text
    return f"What is the {bare[0].lower() + bare[1:] if not bare[:2].isupper() else bare}?"


def nearest_bank_question(bank: Bank, text: str, product: str | None) -> BankQuestion | None:
    """The bank question that asks what `text` asks, by shared concepts (for its topic, audience
    and answer cues), or None."""
    from assistant.questions.select import FAQ_MATCH_THRESHOLD, faq_similarity
    from assistant.questions.text import concepts

    asked = concepts(text, aliases=[product] if product else [])
    if not asked:
        return None
    scored = [(faq_similarity(asked, q), q) for q in bank.questions if not q.for_each]
    score, best = max(scored, key=lambda pair: pair[0])
    return best if score >= FAQ_MATCH_THRESHOLD else None


def _merge_into(kept: Question, dropped: Question) -> None:
    """Record the dropped phrasing on the kept question. When the dropped one names what the
    document names ("How is Foo different from Mastodon?") and the kept one is the bank's generic
    template ("... from the alternatives?"), the document's own words win: the kept question takes
    the named wording, its reason and its sentence, and keeps the higher priority of the two."""
    if ":" in dropped.id and ":" not in kept.id:
        generic = kept.question
        for name in ("id", "topic", "question", "why", "why_span", "status", "evidence", "status_reason"):
            setattr(kept, name, getattr(dropped, name))
        kept.priority = max(kept.priority, dropped.priority)
        kept.score = rank_score(kept.priority, kept.status)
        kept.also_asked_as.append(generic)
        return
    kept.also_asked_as.append(dropped.question)
    if ANSWERED_ORDER[dropped.status] > ANSWERED_ORDER[kept.status] and dropped.evidence is not None:
        # The two ask one thing: what the document says to either answers both. "Is the quoted
        # customer a real person who would pay?" stays ❌ no longer when "What evidence do we have
        # that customers want it?", merged into it, found the trial of 48 homes.
        kept.status, kept.evidence, kept.status_reason = dropped.status, dropped.evidence, dropped.status_reason
        kept.score = rank_score(kept.priority, kept.status)



def _same_template_other_name(a: Question, b: Question) -> bool:
    """"Why Rust?" and "Why SQLite?" come from one template; they are two questions, not one."""
    template_a, _, name_a = a.id.partition(":")
    template_b, _, name_b = b.id.partition(":")
    return template_a == template_b and name_a != name_b


def count(questions: list[Question], *, merged: int = 0, unverified: int = 0, failed_lenses: int = 0
          ) -> QuestionCounts:
    return QuestionCounts(
        total=len(questions),
        external=sum(q.audience == "external" for q in questions),
        internal=sum(q.audience == "internal" for q in questions),
        answered=sum(q.status == "answered" for q in questions),
        partly=sum(q.status == "partly" for q in questions),
        unanswered=sum(q.status == "unanswered" for q in questions),
        merged_duplicates=merged, unverified_quotes=unverified, failed_lenses=failed_lenses,
    )
