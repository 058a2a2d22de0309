"""Tasks: what a suite runs for each case, on the engine of one matrix cell. A task produces a
`TaskOutput`; the graders read it. Only tasks talk to the engine (and so to a model)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from assistant.evaluation.graders import JudgePairOutcome, RecallOutcome, TaskOutput
from assistant.evaluation.models import Case, Cell, SuiteSpec

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.documents.models import Document
    from assistant.engines.base import Engine
    from assistant.llm import Gateway

PAIR_PROMPT = "eval.judge_pair"
NEEDS_ENDPOINT = "needs an endpoint (set OPENAI_BASE_URL, or pass --base-url); skipped on the offline engine"


class PairVerdict(BaseModel):
    reasoning: str
    clearer: Literal["A", "B"]


class CellContext:
    """What the cases of one matrix cell share: its settings, its engine, its one gateway, and a
    memo of clarity scores (OneStopEnglish scores each article version in two pairs)."""

    def __init__(self, cell: Cell, settings: Settings, engine: Engine, gateway: Gateway | None) -> None:
        self.cell = cell
        self.settings = settings
        self.engine = engine
        self.gateway = gateway
        self._scores: dict[str, float] = {}
        self._lock = threading.Lock()

    @property
    def has_model(self) -> bool:
        return self.gateway is not None

    def passage_score(self, text: str) -> float:
        """The clarity score of a bare passage, scored as the validation script scores it."""
        with self._lock:
            known = self._scores.get(text)
        if known is not None:
            return known
        from assistant.clarity.score import clarity_report
        from assistant.documents.models import Document

        value = clarity_report(Document(text=text)).score
        with self._lock:
            self._scores[text] = value
        return value


def uses_model(suite: SuiteSpec, cell: Cell) -> bool:
    """Whether this suite's results in this cell depend on a model (and so vary across samples)."""
    if cell.engine != "llm":
        return False
    return suite.task in ("draft", "questions", "judge_pairs") or "judge" in suite.graders


def run_task(suite: SuiteSpec, case: Case, ctx: CellContext) -> TaskOutput:
    if suite.task == "draft":
        return _draft(suite, case, ctx)
    if suite.task == "score":
        return _score(suite, case, ctx)
    if suite.task == "questions":
        return _questions(suite, case, ctx)
    if suite.task == "clarity_pairs":
        assert case.better is not None and case.worse is not None
        return TaskOutput(pair_scores=(ctx.passage_score(case.better), ctx.passage_score(case.worse)))
    return _judge_pairs(suite, case, ctx)


def _parse(text: str, name: str) -> Document:
    from assistant.documents import parse_document

    return parse_document(text, path=name)


def _judged(suite: SuiteSpec, doc: Document, ctx: CellContext, output: TaskOutput) -> TaskOutput:
    if "judge" not in suite.graders:
        return output
    if not ctx.has_model:
        return output.model_copy(update={"skip_reason": f"the LLM judge {NEEDS_ENDPOINT}"})
    return output.model_copy(update={"judge": ctx.engine.judge(doc)})


def _draft(suite: SuiteSpec, case: Case, ctx: CellContext) -> TaskOutput:
    from assistant.clarity import score_document
    from assistant.evaluation.drafts import claims_supported, draft_gaps, draft_markdown, verified_claims

    assert case.text is not None
    notes = _parse(case.text, f"{case.id}.notes")
    draft = ctx.engine.draft(notes)
    text = draft_markdown(draft)
    doc = _parse(text, f"{case.id}.draft")
    output = TaskOutput(text=text, document=doc, notes=notes, press_release=draft.press_release,
                        score=score_document(doc),
                        gap_elements=list(draft.gap_elements), gaps=draft_gaps(draft),
                        verified_claims=verified_claims(draft, notes), claims_checked=claims_supported(draft))
    return _judged(suite, doc, ctx, output)


def _score(suite: SuiteSpec, case: Case, ctx: CellContext) -> TaskOutput:
    from assistant.clarity import score_document

    assert case.text is not None
    doc = _parse(case.text, case.id)
    return _judged(suite, doc, ctx, TaskOutput(text=case.text, document=doc, score=score_document(doc)))


def _questions(suite: SuiteSpec, case: Case, ctx: CellContext) -> TaskOutput:
    """Only the press release goes to `questions`; the authors' own FAQ questions are the answer key.
    Matching (`anticipates`), the product alias and the offline order are the questions helper's,
    as in assistant/questions/recall.py, so offline figures equal evals/questions_recall.py's."""
    from assistant.evaluation.suites import evals_script
    from assistant.questions.bank import load_bank
    from assistant.questions.recall import anticipates
    from assistant.questions.select import product_name

    assert case.text is not None
    doc = _parse(case.text, case.id)
    if not doc.faq or doc.faq_start is None:
        return TaskOutput(skip_reason="the document has no FAQ questions to measure against")
    release = _parse(doc.text[: doc.faq_start], case.id)
    if ctx.has_model:
        report = ctx.engine.questions(release, top=suite.k)
    else:
        from assistant.questions.offline import questions_offline

        # The offline engine's "asked" order (by priority, whatever the document answers) is the
        # list an FAQ should cover: what the questions helper's recall measures.
        report = questions_offline(release, top=suite.k, order="asked")
    asked = [q.question for q in report.questions][: suite.k]
    baseline: list[str] = list(evals_script("questions_recall").BASELINE_QUESTIONS)[: suite.k]
    product = product_name(doc, load_bank())
    aliases = [product] if product else []
    authors = [item.question.text for item in doc.faq]
    anticipated = [any(anticipates(a, q, aliases) for q in asked) for a in authors]
    baseline_hits = sum(any(anticipates(a, q, aliases) for q in baseline) for a in authors)
    return TaskOutput(text=case.text, document=doc, recall=RecallOutcome(
        k=suite.k, author_questions=len(authors), tool_hits=sum(anticipated), baseline_hits=baseline_hits,
        missed=[a for a, hit in zip(authors, anticipated, strict=True) if not hit]))


def _judge_pairs(suite: SuiteSpec, case: Case, ctx: CellContext) -> TaskOutput:
    if ctx.gateway is None:
        return TaskOutput(skip_reason=f"the judge {NEEDS_ENDPOINT}")
    assert case.better is not None and case.worse is not None
    from assistant.prompts import envelope

    gateway = ctx.gateway

    def pick(first: str, second: str) -> Literal["A", "B"]:
        verdict = gateway.structured(PAIR_PROMPT, {"text_a": envelope("text_a", first),
                                                   "text_b": envelope("text_b", second)}, PairVerdict,
                                     temperature=0.0)
        return verdict.clearer

    first = pick(case.better, case.worse)
    swapped = pick(case.worse, case.better)
    outcome = JudgePairOutcome(
        first_pick="better" if first == "A" else "worse",
        swapped_pick="better" if swapped == "B" else "worse",
        better_score=ctx.passage_score(case.better), worse_score=ctx.passage_score(case.worse))
    means = None
    if "judge_pointwise_agreement" in suite.graders:
        means = (ctx.engine.judge(_parse(case.better, f"{case.id}.better")).mean_score(),
                 ctx.engine.judge(_parse(case.worse, f"{case.id}.worse")).mean_score())
    return TaskOutput(judge_pair=outcome, judge_means=means)
