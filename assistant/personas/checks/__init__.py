"""Deterministic review checks, one small unit per question a persona always asks.

Each check has should-flag and should-pass fixtures in tests/fixtures/review/checks/<id>.yaml.
Persona files name the checks they run (`checks: [cfo.price, ...]`), so a user's persona can
reuse any of them, and add keyword rules of its own (`rules:`, see `keyword_rule`).
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.personas.checks import bar_raiser, cfo, counsel, customer, engineer, ethics
from assistant.personas.checks.base import Check, ReviewContext, finding, terms
from assistant.personas.models import Finding, KeywordRule

CHECKS: dict[str, Check] = {
    check.id: check
    for module in (cfo, engineer, counsel, customer, bar_raiser, ethics)
    for check in module.CHECKS
}


def keyword_rule(rule: KeywordRule) -> Check:
    """Turn a rule written in a persona file into a check.

    With `when`: the document mentions one of those words (outside a negation) and none of `unless`.
    Without `when`: the document mentions none of `unless` (something missing: quote the headline).
    """
    answered = terms(*rule.unless) if rule.unless else None
    raised_by = terms(*rule.when) if rule.when else None

    def run(ctx: ReviewContext) -> Iterator[Finding]:
        if answered is not None and ctx.mentions(answered):
            return
        if raised_by is None:
            quote = ctx.headline_quote()
        else:
            raised = ctx.first(raised_by, skip_negated=True)
            if raised is None:
                return
            quote = ctx.quote_sentence(*raised)
        yield from finding(quote, rule.severity, rule.question, rule.suggestion or "Answer this in the FAQ.", gap=True)

    return Check(rule.id, rule.question, run)


__all__ = ["CHECKS", "Check", "ReviewContext", "keyword_rule"]
