"""The ethics and society lens: automated decisions about people without a person to appeal to,
AI about people without a word on fairness, capabilities that can be turned against someone,
inferences people did not choose to share, and the footprint of heavy AI."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.personas.checks.base import Check, ReviewContext, finding, terms
from assistant.personas.models import Finding

PEOPLE = r"(?:applicants?|candidates?|tenants?|borrowers?|patients?|employees?|workers?|students?|claims?|users?|" \
         r"customers?|people|drivers?|job seekers?|residents?|families|children|members?|loans?|benefits?|resumes?|" \
         r"résumés?|CVs?)"
DECIDES = re.compile(
    r"\b(?:automatically|instantly|algorithmically|without (?:a )?human (?:review|intervention))\s+(?:\w+\s+){0,2}?"
    r"(?:approv|reject|den(?:y|ies)|declin|screen|scor|rank|flag|shortlist|filter|disqualif|decid|assess|grad)\w*"
    r"(?:\s+\w+){0,4}?\s+" + PEOPLE + r"\b"
    r"|\b(?:AI|algorithm|model|machine learning|our system)\s+(?:\w+\s+){0,2}?"
    r"(?:approves|rejects|denies|declines|screens|scores|ranks|shortlists|decides|grades"
    r"|sets (?:the )?(?:price|rate)s?)"
    r"(?:\s+\w+){0,4}?\s+" + PEOPLE + r"\b"
    r"|\b(?:credit|risk|fraud|tenant|hiring|candidate|employee|student)\s+scor\w+",
    re.IGNORECASE)
HUMAN_RECOURSE = terms("appeal*", "human review*", "reviewed by a person", "a person reviews", "a human reviews",
                       "human in the loop", "human-in-the-loop", "contest*", "dispute*", "override*", "explain*",
                       "explanation*", "right to", "second look", "manual review*", "reviewed by our team")

AI_USE = terms("AI", "A.I.", "artificial intelligence", "machine learning", "ML model*", "deep learning",
               "neural network*", "computer vision", "facial recognition", "face recognition", "voice recognition",
               "speech recognition", "language model*", "LLM", "LLMs", "trained on", "predict*")
# People the AI reads or judges (not its users in general): in the same sentence as the AI.
ABOUT_PEOPLE = terms("faces", "facial", "voices", "voice", "accent*", "skin", "applicant*", "candidate*",
                     "patient*", "employee*", "students", "tenants", "borrowers", "drivers", "children", "residents",
                     "speakers", "workers", "resume*", "résumé*", "CVs", "photos of people", "each person",
                     "every person", "people's")
FAIRNESS = terms("bias*", "fair*", "unfair*", "disparit*", "demographic*", "equit*", "discriminat*",
                 "skin tone*", "all ages", "every age", "accent*", "dialect*", "representative", "underrepresented",
                 "accessib*", "evaluated across", "tested across", "tested on", "error rate*", "accuracy for")

MISUSE = terms("track anyone", "track someone", "track other*", "locate anyone", "find anyone", "share their location",
               "live location", "real-time location", "facial recognition", "face recognition", "identify anyone",
               "identify people", "identify strangers", "voice clon*", "clone a voice", "clone any voice",
               "deepfake*", "face swap*", "monitor* employees", "employee monitoring", "keystroke*", "screenshots of",
               "read their messages", "see their messages", "spyware", "covert*", "secretly", "without them knowing",
               "background check*", "people search", "scrap* public profiles", "scrap* social media")
SAFEGUARDS = terms("abuse", "misuse", "misused", "safeguard*", "stalk*", "harass*", "consent", "notif*",
                   "verif*", "opt-in", "opt in", "report", "reported", "rate limit*", "watermark*", "only with",
                   "cannot be used to", "can't be used to", "not allow", "prevent*", "block*", "ban*")

INFERS = re.compile(
    r"\b(?:infer|inferr|predict|detect|estimat|guess|determin|reveal|learn)\w*\s+(?:[\w'’]+\s+){0,4}?"
    r"(?:mood|emotion\w*|feelings|stress|depression|anxiety|mental health|pregnan\w+|sexual\w*|orientation|religio\w+|"
    r"politic\w+|ethnic\w*|race|income|debt|health (?:condition|risk)s?|personality|age|gender|when .{0,20} "
    r"(?:move|quit|leave|churn))\b", re.IGNORECASE)
TRAINED_ON_CUSTOMERS = re.compile(
    r"\b(?:train|improve|fine-tune|tune)\w*\s+(?:[\w'’]+\s+){0,3}?(?:models?|AI|algorithms?)\s+(?:\w+\s+){0,2}?"
    r"(?:on|with|using)\s+(?:\w+\s+){0,2}?(?:customer|user|your|their|patient|member|employee)s?['’]?\s+"
    r"(?:data|conversations|messages|photos|recordings|calls|documents|files|content)\b"
    r"|\b(?:share|sell|licen[cs])\w*\s+(?:\w+\s+){0,4}?(?:with|to)\s+(?:advertisers|data brokers|insurers|employers|"
    r"lenders|partners|third parties)\b", re.IGNORECASE)
CHOICE = terms("opt-out", "opt out", "opt-in", "opt in", "turn it off", "turn off", "switch off", "only if you",
               "only when you", "you choose", "you decide", "your choice", "with your permission", "ask first",
               "asks first", "never used to train", "not used to train", "never train", "never sold", "never sell*",
               "never share*", "do not sell", "does not sell", "do not share", "does not share")

HEAVY_AI = terms("large language model*", "foundation model*", "train* our own model*",
                 "trained our own model*", "GPU*", "data center*", "datacenter*", "billion parameter*",
                 "generative AI", "generates images", "generates video*", "image generation", "video generation",
                 "every query", "every request to the model", "runs the model on every")
FOOTPRINT = terms("energy", "carbon", "emission*", "footprint", "electricity", "power use", "power consumption",
                  "renewable*", "kWh", "watts", "on-device", "on the device", "small model*", "efficien*",
                  "sustainab*", "climate", "water use")


def automated_decisions(ctx: ReviewContext) -> Iterator[Finding]:
    if ctx.mentions(HUMAN_RECOURSE):
        return
    raised = ctx.first(DECIDES, skip_negated=True, skip_questions=True)
    if raised is not None:
        yield from finding(
            ctx.quote_sentence(*raised), "major",
            "When it decides about a person and gets it wrong, who reviews the decision, can the person see why, "
            "and how do they appeal?",
            "Add an FAQ on recourse: who reviews automated decisions, what the person is told, and how they "
            "contest one.",
            gap=True,
        )


def fairness(ctx: ReviewContext) -> Iterator[Finding]:
    if ctx.mentions(FAIRNESS):
        return
    raised = next(((sentence, match) for sentence, match in ctx.search(AI_USE, skip_negated=True, skip_questions=True)
                   if ABOUT_PEOPLE.search(ctx.copy, sentence.start, sentence.end)), None)
    if raised is not None:
        yield from finding(
            ctx.quote_sentence(*raised), "major",
            "Does it work as well for everyone it reads or judges (age, skin tone, accent, disability, language), "
            "and how do we know?",
            "Add an internal FAQ on fairness: which groups it was tested on, the error rate for each, and what we "
            "do where it is worse.",
            gap=True,
        )


def misuse(ctx: ReviewContext) -> Iterator[Finding]:
    if ctx.mentions(SAFEGUARDS):
        return
    raised = ctx.first(MISUSE, skip_negated=True, skip_questions=True)
    if raised is not None:
        yield from finding(
            ctx.quote_sentence(*raised), "blocker",
            "Who could use this against someone else (to stalk, track, impersonate or spy on them), and what "
            "stops them?",
            "Add an internal FAQ on misuse: the harmful uses we foresee, the safeguards against each, and how a "
            "victim reports abuse.",
            gap=True,
        )


def inference(ctx: ReviewContext) -> Iterator[Finding]:
    if ctx.mentions(CHOICE):
        return
    raised = ctx.first(INFERS, skip_negated=True, skip_questions=True) or ctx.first(
        TRAINED_ON_CUSTOMERS, skip_negated=True, skip_questions=True)
    if raised is not None:
        yield from finding(
            ctx.quote_sentence(*raised), "major",
            "Would the people concerned expect us to learn or use this about them, even if the law allows it, "
            "and can they say no?",
            "Say in the FAQ what is inferred or reused, why, and how a person opts out (or make it opt-in).",
            gap=True,
        )


def footprint(ctx: ReviewContext) -> Iterator[Finding]:
    if ctx.mentions(FOOTPRINT):
        return
    raised = ctx.first(HEAVY_AI, skip_negated=True, skip_questions=True)
    if raised is not None:
        yield from finding(
            ctx.quote_sentence(*raised), "minor",
            "What does running this cost in energy and hardware per customer, and is it worth it?",
            "Add an internal FAQ on the footprint: energy per request or per customer, and the cheaper model or "
            "design we considered.",
            gap=True,
        )


CHECKS = [
    Check("ethics.automated_decisions", "Automated decisions about people without recourse", automated_decisions),
    Check("ethics.fairness", "AI that reads or judges people without a word on fairness", fairness),
    Check("ethics.misuse", "A capability that can be turned against someone, without safeguards", misuse),
    Check("ethics.inference", "Inferring or reusing what people did not choose to share", inference),
    Check("ethics.footprint", "Heavy AI without a word on its footprint", footprint),
]
