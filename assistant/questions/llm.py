"""`prfaq questions` with a model: perspective-driven generation, grounded and verified.

1. Each stakeholder lens (the customer, the CFO, the principal engineer, counsel, the bar
   raiser) reads the document alone, through its own prompt file (prompts/questions.<lens>.yaml),
   and asks its own questions about this document. The lenses run concurrently.
2. Their questions are merged: near-duplicates across lenses become one question that records
   every lens that asked it.
3. The model judges, for each question, whether the document answers it, quoting the sentence
   that does. Code then verifies every quote with `doc.find`: a quote that is not in the
   document is dropped, the question is reported unanswered, and the drop is counted. A
   reassuring answer to a risk question ("risk is minimal") is `partly` at most, whatever the
   model said. The quote must be an answer: a quote inside text addressed to the reader of the
   review (`assistant.safety`), or one that only claims questions are answered, counts for nothing.
Ranking is the offline engine's: topic weight, how strongly the document raises it, status.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from assistant.documents.models import Audience, Document, Span
from assistant.llm.fanout import run_all
from assistant.questions.answered import RISK_TOPICS, SOFTBALL
from assistant.questions.bank import load_bank
from assistant.questions.dedup import merge_duplicates
from assistant.questions.models import Evidence, Question, QuestionReport, Status
from assistant.questions.offline import count
from assistant.questions.rank import diversified, priority, rank_score, top_then_grouped
from assistant.questions.select import product_name
from assistant.safety import instruction_ranges

if TYPE_CHECKING:
    from assistant.engines.base import AudienceFilter
    from assistant.llm import Gateway

log = logging.getLogger("prfaq.questions")

LENSES: tuple[str, ...] = ("customer", "cfo", "engineer", "counsel", "bar_raiser")
MAX_QUESTIONS_PER_LENS = 8
GROUNDED_RELEVANCE = 0.9  # the lens quoted the words that raise the question, and they are there
UNGROUNDED_RELEVANCE = 0.7  # raised by what the document leaves out (or by a quote we could not find)
UNKNOWN_TOPIC_WEIGHT = 0.6
# A sentence about the questions rather than the product ("every question is answered here") answers none of them.
CLAIMS_ANSWERED = re.compile(r"\b(this|that|each|every|all|these|the|your|any|my)\s+(of\s+the\s+|your\s+)?"
                             r"(questions?|concerns?|faqs?)\b[^.\n]{0,40}?\s(is|are|has\s+been|have\s+been|was|were)\s+"
                             r"(already\s+|fully\s+|all\s+)?(answered|addressed|resolved|covered)\b"
                             r"(?!\s+(within|in\s+(under\s+)?\d|by\s+(a|an|our)\b))", re.IGNORECASE)


# --- what the model returns -----------------------------------------------------------------
class LensQuestion(BaseModel):
    question: str = Field(min_length=5)
    topic: str = Field(description="one of the listed topics")
    audience: Audience
    why: str = Field(description="why this reader asks it of this document, in one sentence")
    raised_by: str = Field(default="", description="the exact words of the document that raise it, or empty")


class LensQuestions(BaseModel):
    # Required, so an answer that leaves the list out is re-asked instead of read as "no questions".
    questions: list[LensQuestion] = Field(max_length=20)


class AnswerJudgement(BaseModel):
    index: int = Field(ge=1, description="the question's number in the list")
    status: Status
    quote: str = Field(default="", description="the one sentence of the document that answers it, copied exactly")


class AnswerJudgements(BaseModel):
    judgements: list[AnswerJudgement]


# --- the pipeline ---------------------------------------------------------------------------
class _Tally(BaseModel):
    unverified_quotes: int = 0
    planted_quotes: int = 0
    failed_lenses: list[str] = Field(default_factory=list)


def questions_with_llm(doc: Document, gateway: Gateway, audience: AudienceFilter = "all", top: int | None = None,
                       *, lenses: tuple[str, ...] = LENSES) -> QuestionReport:
    """Stakeholder lenses ask their questions about `doc`; the model judges answered-ness, code verifies."""
    from assistant.prompts import envelope

    bank = load_bank()
    product = product_name(doc, bank)
    variables = {
        "document": envelope("document", doc.text),
        "product": product or "(not named)",
        "topics": ", ".join(bank.topics),
        "max_questions": str(MAX_QUESTIONS_PER_LENS),
    }
    tally = _Tally()
    asked = _ask_lenses(gateway, lenses, variables, tally)

    def weight_of(topic: str) -> float:
        return bank.weight(topic) if topic in bank.topics else UNKNOWN_TOPIC_WEIGHT

    questions = [q for q in _to_questions(doc, asked, weight_of) if audience == "all" or q.audience == audience]
    before = len(questions)
    unique = merge_duplicates(sorted(questions, key=lambda q: -q.priority), lambda q: q.question,
                              aliases=[product] if product else [], on_merge=_record_merge)
    judged = _judge(doc, gateway, unique, variables["document"], tally)
    shown = top_then_grouped(diversified(judged, bank.family), top)
    report = QuestionReport(engine="llm", path=doc.path, product=product, questions=shown,
                            counts=count(shown, merged=before - len(unique), unverified=tally.unverified_quotes,
                                         failed_lenses=len(tally.failed_lenses)))
    if tally.failed_lenses:
        report.notes.append(f"These lenses failed and are missing from the list: {', '.join(tally.failed_lenses)}.")
    if tally.planted_quotes:
        report.notes.append(f"{tally.planted_quotes} answer quote(s) from the model were text addressed to the "
                            "reader of the review or a claim that questions are answered; those questions count "
                            "as unanswered.")
    if tally.unverified_quotes:
        report.notes.append(f"{tally.unverified_quotes} answer quote(s) from the model were not found in the "
                            "document; they are not shown and those questions count as unanswered.")
    return report


def _ask_lenses(gateway: Gateway, lenses: tuple[str, ...], variables: dict[str, str], tally: _Tally
                ) -> list[tuple[str, LensQuestion]]:
    """Every lens reads the document alone (no lens sees another's questions), concurrently."""
    from assistant.llm.errors import LLMError

    def ask(lens: str) -> LensQuestions:
        return gateway.structured(f"questions.{lens}", variables, LensQuestions)

    results: list[tuple[str, LensQuestion]] = []
    errors: list[LLMError] = []
    gateway.plan([f"questions.{lens}" for lens in lenses])
    for lens, future in zip(lenses, run_all(ask, lenses), strict=True):  # in lens order: a deterministic merge
        try:
            answer = future.result()
        except LLMError as exc:
            tally.failed_lenses.append(lens)
            errors.append(exc)
            continue
        results.extend((lens, item) for item in answer.questions[:MAX_QUESTIONS_PER_LENS])
    if errors and len(errors) == len(lenses):
        raise errors[0]  # nothing to show: one clear error, not five warnings and an error
    for lens, error in zip(tally.failed_lenses, errors, strict=True):
        log.warning("lens %s failed: %s", lens, error)
    return results


def _topic(raw: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", raw.strip().lower()).strip("_") or "other"


def _grounded(doc: Document, quote: str) -> Span | None:
    return doc.find(quote) if quote.strip() else None


def _to_questions(doc: Document, asked: list[tuple[str, LensQuestion]], weight_of: Callable[[str], float]
                  ) -> list[Question]:
    out: list[Question] = []
    numbers: dict[str, int] = {}
    for lens, item in asked:
        numbers[lens] = numbers.get(lens, 0) + 1
        topic = _topic(item.topic)
        span = _grounded(doc, item.raised_by)
        weight = weight_of(topic)
        relevance = GROUNDED_RELEVANCE if span is not None else UNGROUNDED_RELEVANCE
        why = " ".join(item.why.split())
        if span is not None:
            why = f"{why} (raised by line {span.line})"
        importance = priority(weight, relevance)
        out.append(Question(
            id=f"{lens}.{numbers[lens]}", audience=item.audience, topic=topic, question=" ".join(item.question.split()),
            why=why, why_span=span, source="llm", lenses=[lens], priority=importance,
            score=rank_score(importance, "unanswered"),
        ))
    return out


def _record_merge(kept: Question, dropped: Question) -> None:
    kept.also_asked_as.append(dropped.question)
    kept.lenses.extend(lens for lens in dropped.lenses if lens not in kept.lenses)


def _numbered(questions: list[Question]) -> str:
    return "\n".join(f"{index}. {q.question}" for index, q in enumerate(questions, 1))


def _judge(doc: Document, gateway: Gateway, questions: list[Question], document: str, tally: _Tally
           ) -> list[Question]:
    """The model says which questions the document answers and quotes the sentence; code checks the quote."""
    from assistant.prompts import envelope

    if not questions:
        return []
    answer = gateway.structured("questions.judge", {"document": document,
                                                    "questions": envelope("questions", _numbered(questions))},
                                AnswerJudgements)
    verdicts = {j.index: j for j in answer.judgements if 1 <= j.index <= len(questions)}
    planted = instruction_ranges(doc)
    judged = []
    for index, question in enumerate(questions, 1):
        status, evidence, reason = _verified(doc, question, verdicts.get(index), tally, planted)
        judged.append(question.model_copy(update={
            "status": status, "evidence": evidence, "status_reason": reason,
            "score": rank_score(question.priority, status),
        }))
    return judged


def _verified(doc: Document, question: Question, verdict: AnswerJudgement | None, tally: _Tally,
              planted: list[tuple[int, int]] | None = None) -> tuple[Status, Evidence | None, str]:
    """The guard: `answered` or `partly` only with a quote verified in the document that is an
    answer, not text addressed to the reader of the review and not a claim that questions are answered."""
    if verdict is None:
        return "unanswered", None, "the model gave no judgement for it"
    if verdict.status == "unanswered":
        return "unanswered", None, "the model found no answer in the document"
    span = _grounded(doc, verdict.quote)
    if span is None:
        tally.unverified_quotes += 1
        return "unanswered", None, "the model's quote was not found in the document, so it does not count"
    if any(start < span.end and span.start < end for start, end in planted or []):
        tally.planted_quotes += 1
        return "unanswered", None, "the model's quote is text addressed to the reader of the review; it answers nothing"
    if CLAIMS_ANSWERED.search(span.text):
        tally.planted_quotes += 1
        return "unanswered", None, "the model's quote only says that questions are answered; it answers nothing"
    evidence = Evidence.of(span)
    status: Literal["answered", "partly"] = verdict.status
    if status == "answered" and question.topic in RISK_TOPICS and SOFTBALL.search(span.text):
        return "partly", evidence, "the answer waves the risk away instead of naming it and the plan for it"
    reason = "the model found the answer, and the quote is in the document" if status == "answered" else \
        "the model found a partial answer, and the quote is in the document"
    return status, evidence, reason


def ask_with_llm(doc: Document, gateway: Gateway, asked: list[str]) -> QuestionReport:
    """The team's own questions (`prfaq questions --ask FILE`): exactly these, in this order.

    No lens generates anything; the model judges each question against the document and quotes
    the sentence that answers it, and code verifies every quote with `doc.find` (an unverifiable
    quote makes the question unanswered and is counted), as for generated questions.
    """
    from assistant.prompts import envelope
    from assistant.questions.offline import nearest_bank_question

    bank = load_bank()
    product = product_name(doc, bank)
    questions = []
    for number, text in enumerate(asked, 1):
        like = nearest_bank_question(bank, text, product)
        topic = like.topic if like is not None else "asked"
        weight = priority(bank.weight(topic), 1.0)
        questions.append(Question(
            id=f"ask.{number}", audience=like.audience if like is not None else "external", topic=topic,
            question=text, why="You asked it.", source="asked", priority=weight,
            score=rank_score(weight, "unanswered")))
    tally = _Tally()
    judged = _judge(doc, gateway, questions, envelope("document", doc.text), tally)
    report = QuestionReport(engine="llm", path=doc.path, product=product, questions=judged,
                            counts=count(judged, unverified=tally.unverified_quotes))
    if tally.unverified_quotes:
        report.notes.append(f"{tally.unverified_quotes} answer quote(s) from the model were not found in the "
                            "document; they are not shown and those questions count as unanswered.")
    return report
