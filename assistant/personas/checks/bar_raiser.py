"""The bar raiser's lens: claims without data, what we are not doing, why now, risks waved away."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.personas.checks.base import Check, ReviewContext, finding, terms
from assistant.personas.models import Finding

MAX_CLAIM_FINDINGS = 4

NOT_DOING = re.compile(
    r"\bwe\s+(?:will\s+not|won['’]t|are\s+not\s+(?:going\s+to|building|doing|trying)|do\s+not\s+plan|don['’]t\s+plan|"
    r"have\s+no\s+plans?|will\s+never|deliberately|chose\s+not|decided\s+not|are\s+leaving\s+out)\b|"
    r"\bout\s+of\s+scope\b|\bnon[\s-]goals?\b|\bnot\s+in\s+scope\b|\bwhat\s+we\s+(?:will\s+|are\s+)?not\b|"
    r"\bwe\s+(?:will\s+)?not\s+(?:build|do|support|offer|handle|include|add)\b|"
    # an FAQ that asks it ("What are we not doing?"), and the product's own limits ("Tally does not post
    # journals or replace the ERP", "is not in v1")
    r"\bwhat\s+(?:are\s+|will\s+)?we\s+not\s+(?:doing|building)\b|"
    r"\b(?:does|do|will)\s+not\s+(?:replace|include|cover|post|handle|support|offer|do|build)\b|"
    r"\bnot\s+in\s+(?:v1|the\s+first\s+(?:version|release))\b",
    re.IGNORECASE,
)
WHY_NOW = re.compile(
    r"\bwhy\s+now\b|\bnow\s+that\b|\buntil\s+(?:now|recently)\b|\brecent(?:ly)?\b|\bcan\s+now\b|\bnow\s+(?:can|make|"
    r"makes|let|lets|allow|allows)\b|\b(?:has|have)\s+(?:changed|become|made|dropped|fallen|grown)\b|"
    r"\bis\s+changing\b|\bnew\s+(?:laws?|regulations?|rules?|standards?)\b|\bsince\s+(?:19|20)\d\d\b|"
    r"\bin\s+(?:19|20)\d\d\b|\bno\s+longer\b|\bfor\s+the\s+first\s+time\b|\btiming\b|\btailwinds?\b|"
    r"\bjust\s+(?:launched|released|became|opened)\b|\bthis\s+year\b|\blast\s+year\b",
    re.IGNORECASE,
)
RISK_QUESTION = terms("risk*", "concern*", "worr*", "fail*", "go wrong", "goes wrong", "threat*", "downside*")
DISMISSAL = terms("minimal", "negligible", "low risk", "no risk", "no risks", "none", "not a concern",
                  "nothing to worry", "no real risk", "very unlikely", "not an issue", "no significant")


def unbacked_claims(ctx: ReviewContext) -> Iterator[Finding]:
    from assistant.clarity.rules.unquantified_claim import check as unquantified

    headline_end = max((s.end for s in (ctx.doc.headline, ctx.doc.subheading) if s is not None), default=0)
    first_paragraph = ctx.first_paragraph_sentences()
    prominent_end = max(headline_end, first_paragraph[-1].end if first_paragraph else 0)
    reported: set[int] = set()
    for hit in unquantified(ctx.clarity):
        sentence = ctx.sentence_at(hit.start)
        if sentence is None or sentence.start in reported or ctx.is_masked(hit.start):
            continue
        reported.add(sentence.start)
        if len(reported) > MAX_CLAIM_FINDINGS:
            return
        words = ctx.text[hit.start : hit.end]
        match = re.compile(re.escape(words)).search(ctx.copy, hit.start)
        yield from finding(
            ctx.quote_sentence(sentence, match), "major" if hit.start < prominent_end else "minor",
            f"'{words}': than what, by how much, and how do we know?",
            "Replace the adjective with the measurement (from X to Y, in whom, measured how).",
        )


def not_doing(ctx: ReviewContext) -> Iterator[Finding]:
    if ctx.mentions(NOT_DOING):
        return
    yield from finding(
        ctx.headline_quote(), "major",
        "What are we deliberately not doing, and which customers will be disappointed by that?",
        "Add an internal FAQ 'What will we not do?' with the scope you are leaving out and why.",
        gap=True,
    )


def why_now(ctx: ReviewContext) -> Iterator[Finding]:
    if ctx.mentions(WHY_NOW):
        return
    yield from finding(
        ctx.anchor("summary"), "major",
        "Why now? What changed that makes this possible or urgent today and not two years ago?",
        "Add an internal FAQ 'Why now?' naming the change (technology, regulation, customer behaviour) with a date.",
        gap=True,
    )


def risk_dismissed(ctx: ReviewContext) -> Iterator[Finding]:
    for item in ctx.doc.faq:
        if item.answer is None or not RISK_QUESTION.search(item.question.text):
            continue
        dismissal = DISMISSAL.search(ctx.copy, item.answer.start, item.answer.end)
        if dismissal is None:
            continue
        at = ctx.sentence_at(dismissal.start())
        quote = ctx.quote_sentence(at, dismissal) if at else None
        yield from finding(
            quote, "major",
            f"'{dismissal.group()}' according to whom? What exactly could go wrong, and what would we do?",
            "Name the risk, how likely it is with the evidence, and the mitigation, or say 'we don't know yet'.",
        )


CHECKS = [
    Check("bar_raiser.unbacked_claims", "Comparatives and superlatives without data", unbacked_claims),
    Check("bar_raiser.not_doing", "No 'what we will not do'", not_doing),
    Check("bar_raiser.why_now", "No 'why now'", why_now),
    Check("bar_raiser.risk_dismissed", "A risk answered with 'minimal' or 'none'", risk_dismissed),
]
