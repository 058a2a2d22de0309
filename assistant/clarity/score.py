"""From rule hits to a score: normalise by length, cap per category, round so it adds up.

- Normalised: a hit in a `per_100_words` category costs `weight * 100 / max(words, 100)`, so a
  long document is not punished for being long (and a 30-word note is not punished 3x for one
  slip). Placeholders cost a fixed amount each; readability is one document-level figure.
  A rule may set `max_words`: past that length its hits stop getting cheaper (a figure turned
  vague costs the same in a 400-word and in a 2,500-word document).
- Capped: each category costs at most its cap; when a category is over, its findings share the
  cap in proportion to what they would have cost. A category with `beyond_cap` keeps charging that
  share of the cost past the cap, so no finding of it is ever free.
- Never below 0: the overall score is clamped at 0 (only reachable past the soft caps).
- Exact: points are integer hundredths. A category's hundredths are split among its findings by
  the largest-remainder method (ties broken by position), so the findings' deductions add up to
  exactly `100 - score`.
- Deterministic and blind to instructions: rules read words, never meaning, and the order of
  everything is fixed.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from assistant.clarity.models import CategoryScore, ClarityReport, Finding
from assistant.clarity.readability import fk_grade
from assistant.clarity.rules import CATEGORIES, RULE_SET_VERSION, RULES, Category, Context, Hit, Rule
from assistant.documents.models import Document

HUNDREDTHS = 100
MIN_WORDS_FOR_NORMALISING = 100


class _Costed(NamedTuple):
    rule: Rule
    hit: Hit
    raw: float  # points before the cap


def _length_factor(category: Category, rule: Rule, words: int) -> float:
    if category.normalisation == "per_100_words":
        normalising = max(words, MIN_WORDS_FOR_NORMALISING)
        if rule.max_words is not None:
            normalising = min(normalising, rule.max_words)
        return 100.0 / normalising
    return 1.0


def _category_cost(category: Category, raw_total: float) -> float:
    """What a category costs: its raw total up to the cap, then `beyond_cap` of the rest."""
    return min(raw_total, category.cap) + category.beyond_cap * max(0.0, raw_total - category.cap)


def _without_nested(costed: list[_Costed]) -> list[_Costed]:
    """Within one category, a hit inside another hit's span is the same problem seen twice
    ("significantly" inside "significantly faster"): keep the wider one."""
    kept: list[_Costed] = []
    furthest_end = -1  # kept hits are in start order, so one running maximum finds any container
    for item in sorted(costed, key=lambda c: (c.hit.start, -(c.hit.end - c.hit.start))):
        if item.hit.end <= furthest_end:
            continue
        kept.append(item)
        furthest_end = item.hit.end
    return kept


def _split_hundredths(total: int, raws: list[float]) -> list[int]:
    """Share `total` hundredths in proportion to `raws` so the shares add up to `total` exactly."""
    weight = sum(raws)
    if total <= 0 or weight <= 0:
        return [0] * len(raws)
    exact = [total * raw / weight for raw in raws]
    shares = [int(x) for x in exact]
    leftover = total - sum(shares)
    by_remainder = sorted(range(len(raws)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in by_remainder[:leftover]:
        shares[i] += 1
    return shares


def _to_hundredths(points: float) -> int:
    return int(points * HUNDREDTHS + 0.5)


def clarity_report(doc: Document, *, today: date | None = None) -> ClarityReport:
    ctx = Context(doc, today or date.today())
    words = ctx.prose.word_count
    by_category: dict[str, list[_Costed]] = {cid: [] for cid in CATEGORIES}
    for rule in RULES:
        category = CATEGORIES[rule.category]
        factor = _length_factor(category, rule, words)
        for hit in rule.check(ctx):
            by_category[rule.category].append(_Costed(rule, hit, rule.weight * hit.units * factor))

    findings: list[Finding] = []
    categories: list[CategoryScore] = []
    lost = 0
    for cid, category in CATEGORIES.items():
        costed = _without_nested(by_category[cid])
        raw_total = sum(c.raw for c in costed)
        category_hundredths = _to_hundredths(_category_cost(category, raw_total))
        shares = _split_hundredths(category_hundredths, [c.raw for c in costed])
        lost += category_hundredths
        categories.append(CategoryScore(id=cid, cap=category.cap, deduction=category_hundredths / HUNDREDTHS,
                                        findings=len(costed), capped=raw_total > category.cap))
        for item, share in zip(costed, shares, strict=True):
            span = doc.span(item.hit.start, item.hit.end)
            findings.append(Finding(
                rule=item.rule.id, message=item.hit.message, start=span.start, end=span.end, text=span.text,
                line=span.line, column=span.column, deduction=share / HUNDREDTHS, suggestion=item.hit.suggestion,
            ))
    findings.sort(key=lambda f: (-f.deduction, f.start, f.rule))
    score_hundredths = max(0, 100 * HUNDREDTHS - lost)
    return ClarityReport(
        score=score_hundredths / HUNDREDTHS,
        rule_set_version=RULE_SET_VERSION,
        findings=findings,
        categories=categories,
        words=words,
        sentences=len(ctx.prose.sentences),
        grade=round(fk_grade(ctx.prose), 2),
    )
