"""Counsel's lens: personal data without a privacy answer, claims that cannot be substantiated,
and regulated territory without an answer on the regulation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.clarity.text import Sentence
from assistant.personas.checks.base import Check, ReviewContext, finding, terms
from assistant.personas.models import Finding, Severity

SENSITIVE_DATA = terms(
    "health", "medical", "patient*", "diagnos*", "clinical", "therap*", "prescription*", "biometric*",
    "heart rate", "glucose", "blood", "pregnan*", "mental health", "genetic*", "DNA", "child", "children", "kids",
    "baby", "babies", "infant*", "toddler*", "newborn*",
    "minors", "precise location", "social security", "SSN", "credit card*", "bank account*", "salary", "salaries",
    "faces", "facial", "fingerprint*", "sleep data", not_before=r"\s+(?:checks?|probes?|endpoints?|status)\b",
)
PERSONAL_DATA = terms(
    "personal data", "personal information", "PII", "email address*", "e-mail address*", "phone number*",
    "contacts", "address book", "photo", "photos", "camera", "video*", "voice recording*", "recording*",
    # where a person is, not a shop's or a restaurant's sites ("$49 per location", "five locations")
    "location data", "location history", "location tracking", "live location", "real-time location",
    "current location", "precise location", "your location", "their location", "my location", "his location",
    "her location", "user's location", "users' locations", "courier's location", "driver's location",
    "child's location", "locations of users", "location of users", "GPS",
    "home address", "date of birth", "birthday*", "customer data", "user data",
    "your data", "their data", "browsing history", "purchase history", "profile*", "tracks", "tracking",
    "saved card*", "stored card*", "card details", "card on file",
)
PRIVACY_ANSWER = terms(
    "privacy", "consent", "GDPR", "HIPAA", "CCPA", "encrypt*", "anonymi*", "pseudonymi*", "de-identif*",
    "delete*", "deleted", "deletion", "retention", "retain*", "stays on", "on-device", "on the device",
    "never leaves", "never sell*", "never share*", "do not sell", "does not sell", "blur*", "redact*",
    "access control*", "opt-in", "opt in", "data protection", "only you", "permission*",
)

HANDLING = terms("stor*", "collect*", "keep", "keeps", "kept", "upload*", "shar*", "sync*", "send*", "sends",
                 "record*", "track*", "save*", "process*", "analy*", "sees", "see",
                 # a device that hears or watches ("Lumen learns each baby's sounds", "listens for ...")
                 "listens", "listening", "learns", "learned", "monitor*", "hears", "captur*")

CLAIMS: list[tuple[re.Pattern[str], Severity]] = [
    (re.compile(r"\b(?:guarantee[sd]?|guaranteeing|risk[\s-]free|100\s?%\s+(?:secure|safe|accurate|reliable|uptime)|"
                r"never\s+(?:fails?|loses?|breaks?|goes\s+down)|unhackable|unbreakable|"
                r"clinically\s+(?:proven|tested|validated)|scientifically\s+proven|doctor[\s-]recommended|"
                r"(?:hospital|bank|military|medical|enterprise|clinical)[\s-](?:grade|level)|"
                r"(?:fully|completely)\s+(?:compliant|secure|safe))\b", re.IGNORECASE), "major"),
    (re.compile(r"\b(?:(?:the|world['’]?s|industry['’]?s|america['’]?s|europe['’]?s)\s+first\b(?!\s+(?:step|time|day|"
                r"week|month|year|quarter|release|version|phase|\d))(?=(?:\s+[\w-]+){0,4}?\s+(?:platform|tool|app|"
                r"application|product|service|solution|system|company|device|way|ever|to|of\s+its\s+kind)\b)|"
                r"first[\s-]ever|first\s+of\s+its\s+kind|the\s+only\s+(?:[\w-]+\s+){0,3}?(?:platform|tool|app|"
                r"product|service|solution|system|company|device|way|one)\b|no\s+one\s+else|nobody\s+else|"
                r"(?:the|world['’]?s|industry['’]?s)\s+(?:best|safest|most\s+secure|most\s+accurate|leading)\b"
                r"(?![\s-]selling)|best[\s-]in[\s-]class|#\s?1\b|number\s+one|industry[\s-]leading|market[\s-]leading|"
                r"unmatched|unrivall?ed|unparall?eled)", re.IGNORECASE), "major"),
]
MAX_CLAIM_FINDINGS = 3

REGULATED_DOMAINS: list[tuple[re.Pattern[str], re.Pattern[str], str]] = [
    (terms("health", "medical", "patient*", "clinical", "diagnos*", "prescription*", "glucose", "heart rate",
           "doctor", "doctors", "therap*", not_before=r"\s+(?:checks?|probes?|endpoints?|status)\b"),
     terms("HIPAA", "FDA", "medical device", "covered entit*", "not medical advice", "not a medical",
           "regulat*", "complian*", "legal review", "counsel", "GDPR", "MDR", "CE mark*"),
     "health data and medical claims (HIPAA, FDA or their equivalents)"),
    (terms("payment processing", "process payments", "processes payments", "credit card number*", "card numbers",
           "lending", "loan", "loans", "insurance", "bank account*", "investment advice", "trading", "wallet*",
           "money transfer*", "payroll",
           # an app that keeps customers' cards: "pays with a saved card", "card on file"
           "saved card*", "stored card*", "card details", "card on file", "cards on file"),
     terms("PCI", "KYC", "AML", "money transmitter", "licen*", "regulat*", "complian*", "FINRA", "SEC", "FCA",
           "PSD2", "legal review", "counsel"),
     "payments and financial services (PCI, licensing, KYC)"),
    (terms("child", "children", "kids", "minors", "under 13", "teenager*", "teen", "teens", "teenage*", "adolescent*",
           "under 18", "schoolchildren", "K-12", "baby", "babies", "infant*", "toddler*", "newborn*"),
     terms("COPPA", "FERPA", "parental consent", "age verification", "age check*", "regulat*", "complian*",
           "legal review", "counsel", "GDPR-K"),
     "children's data (COPPA, FERPA, parental consent)"),
    (terms("EU", "European", "Europe", "Germany", "France", "UK customers"),
     terms("GDPR", "DPA", "data processing agreement", "data residency", "regulat*", "complian*"),
     "personal data of people in Europe (GDPR)"),
]
COMPLIANCE_CLAIM = re.compile(r"\b(?:HIPAA|GDPR|CCPA|COPPA|SOC\s?2|PCI(?:[\s-]DSS)?|ISO\s?27001|FedRAMP|FERPA)"
                              r"[\s-](?:compliant|compliance|certified|ready)\b", re.IGNORECASE)
COMPLIANCE_BASIS = terms("audit*", "certif*", "attest*", "BAA", "business associate agreement", "assessment",
                         "legal review", "counsel", "third-party review", "report")

REGULATION_NAMES = re.compile(r"\b(?:HIPAA|GDPR|CCPA|CPRA|COPPA|FERPA|PCI(?:[\s-]DSS)?|SOC\s?2|FDA|FedRAMP|ISO\s?27001|"
                              r"AI\s+Act|DSA|DMA|PSD2|GLBA|SOX)\b")
# Words that make a sentence about a regulation an answer rather than a gesture ("we follow GDPR principles").
REGULATION_ANSWER = terms(
    "audit*", "certif*", "attest*", "BAA", "business associate*", "DPA", "data processing agreement",
    "covered entity", "does not apply", "do not apply", "not subject", "legal review", "counsel", "consent",
    "registered", "cleared", "clearance", "assessment", "data protection officer", "DPO",
    "standard contractual clauses", "SCC*", "retention", "deletion", "right to",
)


def _raising(ctx: ReviewContext, data: re.Pattern[str], *, handled_only: bool = False
             ) -> tuple[Sentence, re.Match[str]] | None:
    """The first sentence where we do something with such data (store, share...), else the first
    mention (with `handled_only`, no mention alone)."""
    mentions = list(ctx.search(data, skip_negated=True))
    handled = next(((s, m) for s, m in mentions if HANDLING.search(ctx.copy, s.start, s.end)), None)
    return handled or (mentions[0] if mentions and not handled_only else None)


def personal_data(ctx: ReviewContext) -> Iterator[Finding]:
    if ctx.mentions(PRIVACY_ANSWER):
        return
    # Sensitive data is a blocker where the product handles it: "our kids ate Idaho apples every
    # week" in a school-food PR/FAQ mentions children, and handles no data about them.
    sensitive = _raising(ctx, SENSITIVE_DATA, handled_only=True)
    raised = sensitive or _raising(ctx, PERSONAL_DATA)
    if raised is None:
        return
    yield from finding(
        ctx.quote_sentence(*raised), "blocker" if sensitive else "major",
        "What personal data do we collect here, who can see it, where is it kept and for how long?",
        "Add an FAQ on privacy: what is collected, consent, who has access, retention and deletion.",
        gap=True,
    )


def claims(ctx: ReviewContext) -> Iterator[Finding]:
    seen: set[int] = set()
    found = []
    for pattern, severity in CLAIMS:
        for sentence, match in ctx.search(pattern, skip_questions=True):
            if sentence.start in seen or ctx.cites_source(sentence):
                continue
            seen.add(sentence.start)
            found.append((sentence.start, sentence, match, severity))
    for _, sentence, match, severity in sorted(found, key=lambda item: item[0])[:MAX_CLAIM_FINDINGS]:
        words = ctx.text[match.start() : match.end()]
        yield from finding(
            ctx.quote_sentence(sentence, match), severity,
            f"Can we prove '{words}' if a customer, a competitor or a regulator asks?",
            "Remove the claim or replace it with a fact we can show (a measured number, an audit, a named source).",
        )


# Words that answer a regulation question only where they are about it: "HIPAA compliant" says
# nothing about children's data; "we are reviewing COPPA compliance" names its regulation anyway.
GENERIC_ANSWER = terms("regulat*", "complian*", "legal review", "counsel")


def _answered(ctx: ReviewContext, domain: re.Pattern[str], answered_by: re.Pattern[str]) -> bool:
    """Does the document answer this domain's regulation: a word of its own ("COPPA", "parental
    consent") anywhere, or a generic one ("compliant") in a sentence about the domain?"""
    for sentence, match in ctx.search(answered_by):
        if not GENERIC_ANSWER.fullmatch(match.group(0)) or domain.search(ctx.sentence_text(sentence)):
            return True
    return False


def regulation(ctx: ReviewContext) -> Iterator[Finding]:
    for domain, answered_by, topic in REGULATED_DOMAINS:
        if _answered(ctx, domain, answered_by):
            continue
        raised = ctx.first(domain, skip_negated=True, skip_questions=True)
        if raised is not None and topic.startswith("children") and _raising(ctx, domain, handled_only=True) is None:
            continue  # children mentioned ("our kids ate apples"), no data about them handled
        if raised is not None:
            yield from finding(
                ctx.quote_sentence(*raised), "major",
                f"This touches {topic}: which rules apply, and what is our answer?",
                "Add an internal FAQ naming the regulations that apply and how we comply (or why they do not apply).",
                gap=True,
            )
    yield from _vague_regulation(ctx)
    if ctx.mentions(COMPLIANCE_BASIS):
        return
    # "Calmly is HIPAA compliant and never sells data" claims compliance: only a negation in the
    # claim's own clause ("we are not yet SOC 2 certified") takes it back.
    claim = next(((s, m) for s, m in ctx.search(COMPLIANCE_CLAIM, skip_questions=True)
                  if not ctx.is_negated_at(s, m)), None)
    if claim is not None:
        yield from finding(
            ctx.quote_sentence(*claim), "major",
            "On what basis do we say we are compliant: an audit, a certification, counsel's review?",
            "Name the basis for the compliance claim, or drop the claim until we have one.",
        )


def _vague_regulation(ctx: ReviewContext) -> Iterator[Finding]:
    """A regulation named in a sentence that commits to nothing ("we follow GDPR principles")."""
    reported = 0
    for sentence, match in ctx.search(REGULATION_NAMES, skip_questions=True):
        if COMPLIANCE_CLAIM.search(ctx.copy, sentence.start, sentence.end):
            continue  # a compliance claim has its own finding below
        if REGULATION_ANSWER.search(ctx.copy, sentence.start, sentence.end) or reported:
            continue
        reported += 1
        yield from finding(
            ctx.quote_sentence(sentence, match), "major",
            f"What exactly do we do about {match.group()}: which obligations apply to us, and how do we meet them?",
            f"Replace the mention of {match.group()} with the obligations that apply and how we meet each one.",
        )


CHECKS = [
    Check("counsel.personal_data", "Personal data without a privacy answer", personal_data),
    Check("counsel.claims", "Claims that cannot be substantiated", claims),
    Check("counsel.regulation", "Regulated territory without an answer on the regulation", regulation),
]
