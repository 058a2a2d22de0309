"""The customer's lens: is the benefit clear in the first paragraph, is it in my words (no jargon,
no undefined acronyms), and what does it cost me to switch."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.personas.checks.base import Check, ReviewContext, finding, terms
from assistant.personas.models import Finding

_QUANTITY = r"(?:\d+|a\s+few|one|two|three|four|five|ten|fifteen|twenty|thirty|a|an)"
BENEFIT = re.compile(
    r"\b(?:saves?|saving|saved|cuts?|reduc\w*|lowers?|halves|avoid\w*|eliminat\w*|prevents?|stops?|"
    r"no\s+longer|never\s+(?:again|have\s+to|need\s+to)|instead\s+of|without\s+(?:having|needing|any|the)|"
    r"(?:helps?|lets?|allows?|enables?)\s+(?:\w+\s+){0,3}?(?:to\s+)?\w+|so\s+(?:that\s+)?(?:they|you|owners|teams|"
    r"users|customers|people|developers|parents|doctors)|get\s+(?:back|their|your)|"
    r"in\s+(?:about\s+|under\s+|less\s+than\s+|just\s+)?" + _QUANTITY + r"\s+(?:seconds?|minutes?|hours?|days?|"
    r"clicks?|steps?|taps?)|from\s+\S+\s+(?:\w+\s+)?to\s+\S+\s+(?:seconds?|minutes?|hours?|days?|percent|%)|"
    r"(?:faster|cheaper|easier|simpler|safer)\b)",
    re.IGNORECASE,
)
# What the product does for its user, said in the clause that introduces it: "a free programme
# that pairs adults who struggle to read with a tutor", "a VAT review tool for UK practices that
# prepares each client's return", "a tool that reads a migration and says, before it runs, whether
# it will lock a table". Not what it is made of: "a cloud platform built on an imaging engine",
# "a service that uses a new model", "which runs on Kubernetes".
DOES_FOR_THEM = re.compile(
    r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,5}?(?:tool|app|service|programme|program|platform|device|product|"
    r"system|api|library|assistant|network|scheme|kit|subscription|journal|inbox|marketplace|feature)"
    r"(?:\s+for\s+[^,.;]{2,60}?)?,?\s+(?:that|which)\s+(?:[a-z]+ly\s+)?"
    r"(?!uses\b|runs\b|combines\b|leverages\b|integrates\b|relies\b|is\b|has\b|sits\b|wraps\b|builds\b)"
    r"[a-z]{3,}s\b",
    re.IGNORECASE,
)

JARGON = terms(
    "leverage*", "synerg*", "paradigm*", "best-of-breed", "end-to-end", "seamless*", "robust", "holistic*",
    "ecosystem*", "orchestrat*", "agentic", "cloud-native", "microservice*", "next-gen*", "next-generation",
    "cutting-edge", "state-of-the-art", "AI-powered", "AI-driven", "blockchain", "single pane of glass",
    "actionable insights", "value-add*", "turnkey", "empower*", "frictionless", "device-agnostic",
    "platform-agnostic", "vendor-agnostic", "web-first", "mobile-first", "data-driven", "headless", "observability",
    "workflow automation", "omnichannel", "hyper-personali*", "disrupt*", "utiliz*", "operationaliz*",
    "stakeholder alignment", "north star", "low-code", "no-code", "composable", "interoperab*",
)
MAX_JARGON_FINDINGS = 4

SWITCHING = terms(
    "switch*", "migrat*", "import*", "export*", "set up", "setup", "sets up", "getting started", "get started",
    "install*", "onboard*", "sign up", "signs up", "no account", "download*", "connect your", "connect their",
    "works with your", "works with their", "existing", "keep using", "cancel*", "no new hardware",
    "new hardware", "free trial", "learning curve", "training", "in minutes", "first month is free",
)


def benefit_first(ctx: ReviewContext) -> Iterator[Finding]:
    sentences = ctx.first_paragraph_sentences()
    if not sentences:
        return
    first, last = sentences[0], sentences[-1]
    if BENEFIT.search(ctx.copy, first.start, last.end) or DOES_FOR_THEM.search(ctx.copy, first.start, last.end):
        return
    yield from finding(
        ctx.quote_sentence(first), "major",
        "Reading only the first paragraph, what do I get, and why would I care?",
        "Open with the customer and the outcome in numbers (what they save or can now do), before any feature.",
        gap=True,
    )


def jargon(ctx: ReviewContext) -> Iterator[Finding]:
    from assistant.clarity.rules.undefined_acronym import check as undefined_acronyms

    hits: list[tuple[int, int, str]] = []
    for _sentence, match in ctx.search(JARGON, "customer_facing"):
        hits.append((match.start(), match.end(), "jargon"))
    dateline = ctx.doc.dateline
    # What the customer says in their own quote ("I used to spend the first week in VLOOKUPs") is
    # their word, not jargon to them (as `prfaq questions` does not ask about it either).
    theirs = " ".join(p.span.text for p in ctx.doc.paragraphs if p.role == "customer_quote")
    for hit in undefined_acronyms(ctx.clarity):
        in_dateline = dateline is not None and dateline.start <= hit.start < dateline.end  # "TAMPA, FL"
        said_by_customer = bool(theirs) and re.search(
            rf"(?<![\w-]){re.escape(ctx.text[hit.start:hit.end])}(?![\w-])", theirs) is not None
        if hit.start < ctx.internal_start and not in_dateline and not said_by_customer and \
                not ctx.is_masked(hit.start):
            hits.append((hit.start, hit.end, "acronym"))
    reported_sentences: set[int] = set()
    for start, end, kind in sorted(hits)[: MAX_JARGON_FINDINGS * 3]:
        in_sentence = ctx.sentence_at(start)
        if in_sentence is None or in_sentence.start in reported_sentences:
            continue
        reported_sentences.add(in_sentence.start)
        if len(reported_sentences) > MAX_JARGON_FINDINGS:
            return
        words = ctx.text[start:end]
        question = (f"What does '{words}' mean? I would not say it that way." if kind == "jargon"
                    else f"What is '{words}'? It is never spelled out.")
        suggestion = ("Say what it does for me in plain words." if kind == "jargon"
                      else f"Spell it out at first use: 'Full Name ({words})', or drop it.")
        yield from finding(ctx.quote_sentence(in_sentence, re.compile(re.escape(words)).search(ctx.copy, start)),
                           "minor", question, suggestion)


def switching_cost(ctx: ReviewContext) -> Iterator[Finding]:
    if ctx.mentions(SWITCHING, "customer_facing"):
        return
    yield from finding(
        ctx.anchor("getting_started", "call_to_action", "solution"), "major",
        "What do I have to give up, learn or move to start using this, and can I leave again?",
        "Say what a customer does on day one (set-up time, data they bring, tools they keep) and how they leave.",
        gap=True,
    )


CHECKS = [
    Check("customer.benefit_first", "Benefit not stated in the first paragraph", benefit_first),
    Check("customer.jargon", "Jargon and undefined acronyms the customer would not use", jargon),
    Check("customer.switching_cost", "No word on what it costs me to switch", switching_cost),
]
