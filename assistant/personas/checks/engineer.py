"""The principal engineer's lens: dependencies, scale, the hardest problem, one-way doors."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.personas.checks.base import Check, ReviewContext, finding, terms
from assistant.personas.models import Finding

EXTERNAL_SYSTEMS = terms(
    "integrat*", "connects to", "connects with", "connect their", "connect your", "works with", "syncs with",
    "sync with", "pulls data from", "pulls in", "imports from", "powered by", "third-party",
    "third party", "partner*", "plugin*", "plug-in*", "SDK", "API", "APIs", "OAuth", "webhook*", "wholesaler accounts",
    "Apple Health", "Google Fit", "Health Connect", "AWS", "Azure", "GCP", "Google Cloud", "OpenAI", "Anthropic",
    "Stripe", "Shopify", "Salesforce", "Slack", "GitHub", "Jira", "Zapier", "Twilio", "Plaid", "QuickBooks",
    "Microsoft Teams", "Google Calendar", "Outlook", "app store", "Play Store",
)
DEPENDENCY_ANSWER = terms(
    "depend*", "relies on", "rely on", "reliance", "risk*", "fallback*", "fall back", "contract*", "agreement*",
    "agreed", "SLA", "outage*", "vendor lock*", "backup plan", "alternative*", "if they", "if it stops",
    "rate limit*", "terms of service", "deprecat*",
)

SCALE_CLAIMS = terms("millions", "any size", "unlimited", "at scale", "scales", "scale to", "scalable", "real-time",
                     "realtime", "instant*", "high volume", "high-volume", "enterprise-grade", "massive*",
                     "thousands of", "every user", "all of your")
SCALE_NUMBERS = re.compile(
    r"\b\d[\d,.]*\s?(?:k|m)?\s*(?:requests?|users?|concurrent|per\s+second|/s|rps|qps|tps|gb|tb|pb|mb|ms|"
    r"milliseconds?|events?|messages?|documents?|records?|rows?|transactions?|calls?|queries|scans?|photos?|images?|"
    r"files?|devices?|sessions?|uploads?)\b|\b(?:p50|p95|p99|latency|throughput|load\s+test\w*|capacity)\b",
    re.IGNORECASE,
)

HARDEST = terms(
    "hardest", "hard part", "hard problem", "technical risk*", "biggest risk*", "main risk*", "key risk*",
    "unsolved", "don't know yet", "do not know yet", "don't yet know", "do not yet know", "open question*",
    "challeng*", "unknown*", "not yet solved", "difficult*", "risks", "we have not solved", "proof of concept",
    "prototype shows", "the pilot will tell",
)

ONE_WAY_DOORS = terms(
    "migrat*", "lock-in", "locked in", "exclusive*", "multi-year", "long-term contract*", "free forever", "lifetime",
    "public API", "open source", "open-source", "licen*", "data format*", "file format*",
    "irreversib*", "permanent*", "cannot be undone", "can't be undone", "replaces your", "replace your",
    "replaces the existing", "replace their existing", "deprecat*", "proprietary", "sunset*",
    "automatically place*", "automatically send*",
)
REVERSIBLE = terms(
    "revers*", "roll back", "rolls back", "rollback", "two-way door", "one-way door", "undo", "opt out", "opt-out",
    "export*", "pilot", "beta", "trial", "feature flag*", "switch back", "no lock-in", "without lock-in",
    "approve*", "restore*", "recover*",
)


def dependencies(ctx: ReviewContext) -> Iterator[Finding]:
    if ctx.mentions(DEPENDENCY_ANSWER):
        return
    raised = ctx.first(EXTERNAL_SYSTEMS, skip_negated=True)
    if raised is None:
        return
    yield from finding(
        ctx.quote_sentence(*raised), "major",
        "What do we depend on that we do not control, and what happens when it changes, limits us or goes away?",
        "List each external system the launch needs, what we have agreed with its owner, and the fallback.",
        gap=True,
    )


def scale(ctx: ReviewContext) -> Iterator[Finding]:
    if ctx.mentions(SCALE_NUMBERS):
        return
    claim = ctx.first(SCALE_CLAIMS, skip_questions=True, skip_negated=True)
    if claim is not None:
        yield from finding(
            ctx.quote_sentence(*claim), "major",
            "What load does this carry on day one and in a year, and what breaks first?",
            "Put numbers behind the claim: users, requests or data volume at launch and in a year, and the limit.",
        )
        return
    yield from finding(
        ctx.anchor("solution", "summary"), "minor",
        "How many users, requests and how much data do we expect at launch and in a year?",
        "Add an internal FAQ with the expected volume and the first limit we will hit.",
        gap=True,
    )


def hardest_problem(ctx: ReviewContext) -> Iterator[Finding]:
    if ctx.mentions(HARDEST):
        return
    yield from finding(
        ctx.anchor("solution", "summary"), "major",
        "What is the hardest technical problem here, and have we solved it or only assumed it?",
        "Add an internal FAQ naming the hardest problem, what we know, and what we don't know yet.",
        gap=True,
    )


def one_way_doors(ctx: ReviewContext) -> Iterator[Finding]:
    if ctx.mentions(REVERSIBLE):
        return
    raised = ctx.first(ONE_WAY_DOORS, skip_questions=True, skip_negated=True)
    if raised is None:
        return
    yield from finding(
        ctx.quote_sentence(*raised), "major",
        "Which of these decisions can we not take back, and how would we undo them if we are wrong?",
        "Say which choices are one-way doors (formats, contracts, promises) and how we could reverse each one.",
        gap=True,
    )


CHECKS = [
    Check("engineer.dependencies", "External systems named, dependency never discussed", dependencies),
    Check("engineer.scale", "Scale claimed or ignored, never quantified", scale),
    Check("engineer.hardest_problem", "No hardest problem or technical risk", hardest_problem),
    Check("engineer.one_way_doors", "Irreversible choices without a way back", one_way_doors),
]
