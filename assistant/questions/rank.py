"""Ranking: unanswered questions that threaten the idea come first.

priority = 100 x (threat share x topic weight + relevance share x relevance)
score    = priority x status factor

- The topic weight (bank.yaml `topics`) is how badly an unanswered question on that topic
  hurts the idea: evidence of demand, risks and unit economics weigh most, the roadmap least.
- Relevance is how strongly this document raises the question (its own words, its own FAQ,
  or only by omission).
- An answered question sinks to the bottom; a partly answered one sits between.
- Then the order is spread over topic families (`diversified`): the second risk question waits
  behind the first questions on price or dependencies.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Literal

from assistant.questions.models import Question, Status

Order = Literal["threat", "asked"]

STATUS_FACTOR: dict[Status, float] = {"unanswered": 1.0, "partly": 0.55, "answered": 0.1}
THREAT_SHARE = 0.5
RELEVANCE_SHARE = 0.5


def priority(topic_weight: float, relevance: float) -> float:
    """How much this question matters for this document, whatever the document says about it."""
    return round(100 * (THREAT_SHARE * topic_weight + RELEVANCE_SHARE * relevance), 2)


ASKED_BASE = 0.1  # in the "asked" order, a question no author answers keeps this share of its priority


def asked_priority(question_priority: float, asked_rate: float) -> float:
    """The priority in the "asked" order: weighed by how often real authors answer the question
    (0..1, `assistant.questions.bank.AskedRates`), so what authors cover comes first."""
    return round(question_priority * (ASKED_BASE + asked_rate), 2)


# The money questions: what a paid product's review asks most and a free tool's least.
REVENUE_TOPICS = frozenset({"price", "unit_economics", "pnl", "market_size", "go_to_market", "investment"})
FREE_REVENUE_FACTOR = 0.6  # an open-source, internal or non-commercial project
PAID_REVENUE_FACTOR = 1.25  # a product sold for money


# The review room's questions (metrics, risks, the team, the P&L) are what an internal proposal's FAQ
# answers; the FAQ of a release written for its users answers the users first. Measured with rates
# refitted each time: cross-fitted recall@15 (fit on one half, measured on the other) 23.3% / 21.7%
# -> 23.3% / 22.3%; 0.65 gave the same cross-fitted figures and a lower in-sample one.
OUTSIDE_REVIEW_FACTOR = 0.8


def kind_factor(topic: str, kinds: frozenset[str], audience: str = "external") -> float:
    """How the venture's kind weighs a question of `topic` in the "asked" order: an open-source
    tool's PR/FAQ gets fewer revenue questions, a paid product more (bank.yaml `contexts`); a
    document that is not an internal proposal gets fewer of the review room's questions."""
    factor = OUTSIDE_REVIEW_FACTOR if audience == "internal" and "internal" not in kinds else 1.0
    return round(factor * _revenue_factor(topic, kinds), 4)


def _revenue_factor(topic: str, kinds: frozenset[str]) -> float:
    if topic not in REVENUE_TOPICS:
        return 1.0
    if "commercial" in kinds:
        return PAID_REVENUE_FACTOR
    if kinds & {"open_source", "internal", "noncommercial"}:
        return FREE_REVENUE_FACTOR
    return 1.0


def rank_score(question_priority: float, status: Status) -> float:
    """The threat order: an answered question sinks, an unanswered one keeps its full priority."""
    return round(question_priority * STATUS_FACTOR[status], 2)


REPEAT_DISCOUNT = 0.75  # each earlier question of the same topic family discounts the next one


def _key(order: Order) -> Callable[[Question], float]:
    return (lambda q: q.score) if order == "threat" else (lambda q: q.priority)


def ranked(questions: Sequence[Question], order: Order = "threat") -> list[Question]:
    """Highest first (by `score`, or by `priority` for the "asked" order); ties keep their incoming order."""
    key = _key(order)
    return sorted(questions, key=lambda q: -key(q))


def diversified(questions: Sequence[Question], family_of: Callable[[str], str], order: Order = "threat"
                ) -> list[Question]:
    """Rank greedily, discounting a question by REPEAT_DISCOUNT for every question of its topic family
    already placed above it, so the first places cover different worries. In the threat order each
    question's `score` becomes the discounted score it was placed with."""
    key = _key(order)
    # (value, family) per question, worked out once: the loop below is quadratic in the questions.
    # Each audience's list is spread on its own.
    remaining = [(key(q), f"{q.audience}:{family_of(q.topic)}", q) for q in ranked(questions, order)]
    placed: list[Question] = []
    seen: dict[str, int] = {}
    while remaining:
        best_at, best_value = 0, -1.0
        for index, (value, family, _) in enumerate(remaining):
            adjusted = value * REPEAT_DISCOUNT ** seen.get(family, 0)
            if adjusted > best_value:  # strictly greater keeps the first of equals: stable
                best_at, best_value = index, adjusted
        _, family, best = remaining.pop(best_at)
        if order == "threat":
            best = best.model_copy(update={"score": round(best_value, 2)})
        placed.append(best)
        seen[family] = seen.get(family, 0) + 1
    return placed


EXTERNAL_SHARE = 0.5
# An open-source tool (no price, no internal sponsor) is reviewed by the people who will run it: its
# FAQ answers users (install, licence, help, limits) far more than a review room (P&L, market size).
OPEN_SOURCE_EXTERNAL_SHARE = 2 / 3


def external_share(kinds: frozenset[str]) -> float:
    """The customer's share of a `--top` list for a document of these kinds (bank.yaml `contexts`)."""
    if "open_source" in kinds and not kinds & {"commercial", "internal"}:
        return OPEN_SOURCE_EXTERNAL_SHARE
    return EXTERNAL_SHARE


def top_then_grouped(questions: Sequence[Question], top: int | None, share: float = EXTERNAL_SHARE
                     ) -> list[Question]:
    """Two groups, external first, each in the incoming (ranked) order. `top` N keeps the best
    N x `share` external questions and the rest internal (the customer's questions and the review
    room's are both needed before the meeting), giving a group's unused share to the other when it
    has fewer."""
    external = [q for q in questions if q.audience == "external"]
    internal = [q for q in questions if q.audience == "internal"]
    if top is None:
        return external + internal
    want_external = min(len(external), max(top - len(internal), math.ceil(top * share - 1e-9)))
    want_internal = min(len(internal), top - want_external)
    return external[:want_external] + internal[:want_internal]
