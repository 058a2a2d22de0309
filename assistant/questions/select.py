"""Offline selection: which bank questions this document will be asked, and why.

A question is selected when
- the document's words raise it (one of its cues appears: "free" raises the price questions,
  "Kubernetes" the system requirements), and the words are kept as `why_span`;
- the document's own FAQ asks it (the FAQ pair is matched to the bank question);
- or it is a core question (price, customer, evidence of demand, risks, ...) that every PR/FAQ
  is asked, in which case the document's silence about it is the reason.
`for_each` questions are asked once per technology or named alternative the document mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from assistant.documents.models import Document, FaqItem, Span
from assistant.questions.bank import Bank, BankQuestion
from assistant.questions.text import STOPWORDS, concepts, coverage

RaisedBy = Literal["cue", "faq", "omission"]

FAQ_MATCH_THRESHOLD = 0.45  # see faq_similarity: about 60% of the FAQ question's concepts covered
FAQ_MATCH_TOLERANCE = 0.03
SAME_AUDIENCE_BONUS = 0.05  # an FAQ item counts for every bank question within this of its best match
MAX_EXPANSIONS = 3  # for_each questions asked per document (per question)
MIN_DISTINCT_CUES = 2  # one stray word does not raise a question; two different ones do
CORE_RELEVANCE = 0.8  # a core question is asked of every PR/FAQ: as relevant as one raised by three cue words

_NAME_TOKEN = re.compile(r"(?<![\w@/.-])([A-Za-z][A-Za-z0-9]*(?:[-.+][A-Za-z0-9]+)*)(?![\w@/-])")
_ALTERNATIVE = re.compile(
    r"\b(?:unlike|instead of|rather than|compared (?:to|with)|versus|vs\.?|alternative to|replaces?|replacing|"
    r"than|over plain|wrappers? (?:around|for))\s+(?:the\s+|a\s+|an\s+|plain\s+|stock\s+|just\s+)?"
    r"(`[^`\n]{2,40}`|[A-Z][\w.+-]*(?:\s+[A-Z][\w.+-]*){0,2})"
)
_NOT_NAMES = frozenset(
    [
        "the", "a", "an", "and", "or", "but", "for", "with", "from", "into", "this", "that", "these", "those", "our",
        "your", "their", "its", "it", "we", "you", "they", "i", "he", "she", "today", "now", "new", "faq", "faqs", "q",
        "a", "press", "release", "for", "immediate", "release", "launch", "launches", "announces", "introducing",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "customer",
        "customers", "internal", "external", "why", "what", "how", "who", "when", "where", "which", "is", "are", "can",
        "does", "do", "will",
    ]
)


@dataclass
class Candidate:
    """A bank question selected for this document, before its answered-ness is judged."""

    bank: BankQuestion
    text: str
    why: str
    why_span: Span | None
    relevance: float  # 0..1: how strongly this document raises it
    raised_by: RaisedBy
    name: str | None = None  # the technology or alternative a for_each question is about
    faq_items: list[FaqItem] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.bank.id}:{self.name}" if self.name else self.bank.id


# --- what the document is about ------------------------------------------------------------
def _zipf(word: str) -> float:
    """How common a word is in English (wordfreq's Zipf scale, 0 = unknown, 7 = "the")."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency; keep working without it
        return 3.0
    return float(zipf_frequency(word.lower(), "en"))


def _contains(text: str, name: str) -> bool:
    if name not in text:
        return False  # the common case, without compiling a pattern for every word of a document
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def product_name(doc: Document, bank: Bank | None = None) -> str | None:
    """The product's name as the document spells it, or None when no name stands out.

    A name is capitalised or not an English word ("Totus", "KFabrik", "yalazysops"), is not a
    technology the product merely uses, appears several times, and preferably in the headline.
    A capitalised word that follows it most of the time belongs to it ("Signal Aggregator").
    """
    text = doc.press_release_text or doc.text
    headline = doc.headline.text if doc.headline else text[:200]
    tech = bank.technology_pattern if bank is not None else None
    counts: Counter[str] = Counter()
    neighbours: dict[str, Counter[tuple[str, str]]] = {}
    tokens = [m.group(1) for m in _NAME_TOKEN.finditer(text)]
    for index, token in enumerate(tokens):
        if sum(c.isalpha() for c in token) < 3 or token.lower() in _NOT_NAMES or token.lower() in STOPWORDS:
            continue
        counts[token] += 1
        if index + 1 < len(tokens):
            neighbours.setdefault(token, Counter())[("after", tokens[index + 1])] += 1
        if index > 0:
            neighbours.setdefault(token, Counter())[("before", tokens[index - 1])] += 1
    scored = []
    for token, count in counts.items():
        in_headline = _contains(headline, token)
        if count < 2 and not in_headline:
            continue
        capitalised = token[0].isupper() or any(c.isupper() for c in token[1:])
        common = _zipf(token)
        if not capitalised and common >= 2.5:
            continue  # an ordinary lower-case word, not a brand spelled in lower case
        weight = count * (2.0 if in_headline else 1.0) * (0.5 if common >= 4.0 else 1.0)
        if tech is not None and tech.fullmatch(token):
            weight *= 0.3  # a technology the product uses, rarely the product itself
        scored.append((weight, in_headline, token))
    if not scored:
        return None
    _, _, best = max(scored)
    for (side, word), times in neighbours.get(best, Counter()).most_common(2):
        if times >= max(2, counts[best] * 0.6) and word[:1].isupper() and word.lower() not in _NOT_NAMES:
            return f"{best} {word}" if side == "after" else f"{word} {best}"
    return best


_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,6}(?:-[A-Z0-9]{2,6})?)s?(?![\w-])")
_TITLE_RUN = re.compile(r"(?<=[a-z,;:(\u2014-] )((?:[A-Z][a-z]+[ -]){1,2}[A-Z][a-z]+)(?![\w-])")
_PERSON_NEAR = re.compile(r"\b(?:said|says|founder|ceo|cto|vp|director|head of|engineer at|manager at)\b",
                          re.IGNORECASE)
KNOWN_ACRONYMS = frozenset(
    [
        "AI", "API", "APIS", "CEO", "CTO", "CFO", "VP", "US", "USA", "UK", "EU", "PR", "FAQ", "FAQS", "AWS", "SQL",
        "CLI", "UI", "UX", "URL", "PDF", "CSV", "JSON", "HTML", "HTTP", "HTTPS", "ID", "IT", "OS", "TV", "PC", "GPU",
        "CPU", "RAM", "SSD", "USB", "IOS", "MAC", "NEW", "TBD", "LLC", "INC", "LTD", "FOR", "THE", "AND", "Q1", "Q2",
        "Q3", "Q4", "AM", "PM", "ET", "PT", "GMT", "UTC", "DIY", "SMS", "MVP", "V1", "V2", "OK", "FYI", "ETA", "KPI",
        "ROI", "B2B", "B2C", "SAAS", "SDK", "IDE", "PRFAQ", "PR-FAQ", "README", "GA", "LICENSE",
    ]
)


def terms(doc: Document, bank: Bank, product: str | None) -> list[tuple[str, Span]]:
    """Coined terms and acronyms the press release uses without defining them ("Research Compass",
    "AI-BOM"): reviewers stop at words they do not know."""
    release_end = doc.faq_start if doc.faq_start is not None else len(doc.text)
    release = doc.text[:release_end]
    found: dict[str, tuple[int, Span]] = {}
    titles = [h.span for h in doc.headings] + [s for s in (doc.headline, doc.subheading, doc.dateline) if s]

    def note(name: str, start: int) -> None:
        if any(t.start <= start < t.end for t in titles):
            return  # headings are set in title case and capitals; that is style, not a coined term
        count, span = found.get(name.lower(), (0, doc.span(start, start + len(name))))
        found[name.lower()] = (count + 1, span)

    for match in _ACRONYM.finditer(release):
        name = match.group(1)
        defined = re.search(rf"\(\s*{re.escape(name)}s?\s*\)|{re.escape(name)}\s*\((?:[A-Z][a-z]+\s*){{2,}}\)",
                            release)
        shouting = re.match(r"\s+[A-Z]{2,}\b", release[match.end():]) or re.search(r"\b[A-Z]{2,}\s+$",
                                                                                         release[:match.start()])
        place = len(name) == 2 and release[max(0, match.start() - 2) : match.start()] == ", "  # "Seattle, WA"
        if name in KNOWN_ACRONYMS or defined or shouting or place or (product and name in product.split()):
            continue
        if bank.technology_pattern.fullmatch(name):
            continue
        note(name, match.start(1))
    for match in _TITLE_RUN.finditer(release):
        name = match.group(1)
        if len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", doc.text)) < 2:
            continue  # a coined term recurs; a name mentioned once is more likely a person or a place
        context = release[max(0, match.start() - 60) : match.end() + 60]
        if _PERSON_NEAR.search(context) or (product and name.lower() == product.lower()):
            continue
        if all(_zipf(word) >= 4.5 for word in re.split(r"[ -]", name)) and not (product and product in name):
            continue  # ordinary words in title case ("Last Mile", "Press Release"), not a coined term
        note(name, match.start(1))
    ranked = sorted(found.values(), key=lambda item: (-item[0], item[1].start))
    return [(span.text, span) for _, span in ranked]


def technologies(doc: Document, bank: Bank, product: str | None) -> list[tuple[str, Span]]:
    """Technologies the document names (most mentioned first), each with its first mention."""
    found: dict[str, tuple[int, Span]] = {}
    for match in bank.technology_pattern.finditer(doc.text):
        name = match.group(1)
        canonical = name.lower()
        if not bank.is_technology(name):
            continue  # "teams", "go", "windows" in lower case are ordinary words
        if product and canonical in product.lower().split():
            continue
        count, span = found.get(canonical, (0, doc.span(match.start(1), match.end(1))))
        found[canonical] = (count + 1, span)
    ranked = sorted(found.values(), key=lambda item: (-item[0], item[1].start))
    return [(span.text, span) for _, span in ranked]


def alternatives(doc: Document, product: str | None) -> list[tuple[str, Span]]:
    """Named things the document sets itself against ("unlike Apple Health", "instead of `sops`")."""
    seen: dict[str, Span] = {}
    for match in _ALTERNATIVE.finditer(doc.text):
        name = match.group(1).strip("`").strip()
        words = name.split()
        while words and words[-1].lower() in _NOT_NAMES:
            words.pop()
        name = " ".join(words)
        if len(name) < 2 or name.lower() in _NOT_NAMES or name.upper() in KNOWN_ACRONYMS or (
                product and name.lower() in product.lower()):
            continue
        start = match.start(1) + match.group(1).find(name)
        seen.setdefault(name.lower(), doc.span(start, start + len(name)))
    return [(span.text, span) for span in seen.values()]


# --- FAQ pairs against the bank --------------------------------------------------------------
def faq_matches(doc: Document, bank: Bank, aliases: list[str]) -> dict[str, list[FaqItem]]:
    """Each FAQ item goes to the bank question(s) that best cover it: bank id -> FAQ items."""
    matched: dict[str, list[FaqItem]] = {}
    for item in doc.faq:
        asked = concepts(item.question.text, aliases=aliases)
        if not asked:
            continue
        # On a near tie, the FAQ's own section decides: an internal FAQ answers the internal question.
        scores = [(faq_similarity(asked, q) + (SAME_AUDIENCE_BONUS if q.audience == item.audience else 0.0), q)
                  for q in bank.questions if not q.for_each]
        best = max((s for s, _ in scores), default=0.0)
        if best < FAQ_MATCH_THRESHOLD:
            continue
        for score, question in scores:
            if score >= best - FAQ_MATCH_TOLERANCE:
                matched.setdefault(question.id, []).append(item)
    return matched


def faq_similarity(asked: frozenset[str], question: BankQuestion) -> float:
    """How well a bank question matches an FAQ question, 0..1.

    Mostly how much of the FAQ question the bank question's subject (its words and key phrases)
    covers; a quarter is how much of the bank question's own words the FAQ question shares, so
    that "How much does it cost?" goes to the price question rather than to every question that
    mentions a cost. A key phrase wholly contained in the FAQ question counts as full coverage.
    """
    covered = coverage(asked, question.subject)
    if any(key <= asked for key in question.key_concepts):
        covered = 1.0
    return 0.75 * covered + 0.25 * coverage(question.text_concepts, asked)


# --- selection -----------------------------------------------------------------------------
def _fill(question: str, product: str | None, name: str | None = None) -> str:
    text = question.replace("{name}", name or "")
    if "{product}" not in text:
        return text
    if product:
        return text.replace("{product}", product)
    # No name stood out: fall back to "it", keeping the sentence grammatical at its start.
    return re.sub(r"^\{product\}", "It", text).replace("{product}", "it")


def _cue_hits(question: BankQuestion, text: str, present: frozenset[str], start: int = 0) -> list[re.Match[str]]:
    hits = []
    for pattern in question.cues_in(present):
        match = pattern.search(text, start)
        if match and match.group(0).strip():
            hits.append(match)
    return sorted(hits, key=lambda m: m.start())


def _not_the_name(hits: list[re.Match[str]], product: str | None) -> list[re.Match[str]]:
    """Cue words that are the product's own name ("stitch" in a product called Stitch) say nothing
    about the subject: every mention of the name would raise the question."""
    if not product:
        return hits
    name_words = {word.lower() for word in product.split()}
    return [m for m in hits if m.group(0).strip().lower() not in name_words]


def _word_span(doc: Document, match: re.Match[str]) -> Span:
    """The whole word(s) a cue matched, so the reason reads naturally ("integrations", not "integrat")."""
    start, end = match.start(), match.end()
    text = doc.text
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-'"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "-'"):
        end += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return doc.span(start, end)


def _relevance(doc: Document, hits: list[re.Match[str]], release_end: int) -> float:
    """How strongly the document raises a question: more different cue words, in the press release
    rather than only in the FAQ, and in the headline or sub-heading, raise it more."""
    distinct = len({m.group(0).lower() for m in hits})
    strength = float(distinct)
    if any(m.start() < release_end for m in hits):
        strength += 0.5
    top = [s for s in (doc.headline, doc.subheading) if s is not None]
    if any(s.start <= m.start() < s.end for s in top for m in hits):
        strength += 1.0
    return min(1.0, 0.35 + 0.15 * strength)


def select(doc: Document, bank: Bank, product: str | None) -> list[Candidate]:
    """The bank questions this document raises, each with the reason and the words behind it."""
    aliases = [product] if product else []
    by_faq = faq_matches(doc, bank, aliases)
    release_end = doc.faq_start if doc.faq_start is not None else len(doc.text)
    skip_to = doc.text.find("\n") + 1 if doc.text.lower().startswith("source:") else 0  # a collector's note
    kinds = bank.contexts_of(doc.text[skip_to:])
    present = bank.literals_in(doc.text)
    candidates: list[Candidate] = []
    for question in bank.questions:
        if question.for_each:
            candidates.extend(_expand(doc, bank, question, product))
            continue
        text = _fill(question.question, product)
        items = by_faq.get(question.id, [])
        hits = _not_the_name(_cue_hits(question, doc.text, present, skip_to), product)
        if items:
            first = items[0].question
            candidates.append(Candidate(question, text, f"The document's own FAQ asks it (line {first.line}); "
                                        f"{question.why}.", first, 1.0, "faq", faq_items=items))
        elif len({m.group(0).lower() for m in hits}) >= MIN_DISTINCT_CUES or (hits and question.is_core(kinds)):
            span = _word_span(doc, hits[0])
            relevance = _relevance(doc, hits, release_end)
            if question.is_core(kinds):
                relevance = max(relevance, CORE_RELEVANCE)
            why = f"The document says \u201c{span.text}\u201d (line {span.line}); {question.why}."
            candidates.append(Candidate(question, text, why, span, relevance, "cue"))
        elif question.is_core(kinds):
            candidates.append(Candidate(question, text, f"The document does not address it; {question.why}.",
                                        None, CORE_RELEVANCE, "omission"))
    return candidates


def _expand(doc: Document, bank: Bank, question: BankQuestion, product: str | None) -> list[Candidate]:
    if question.for_each == "technology":
        names = technologies(doc, bank, product)
    elif question.for_each == "term":
        names = terms(doc, bank, product)
    else:
        names = alternatives(doc, product)
    out = []
    for rank, (name, span) in enumerate(names[:MAX_EXPANSIONS]):
        mention = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
        items = [item for item in doc.faq if mention.search(item.question.text)]
        why = f"The document names \u201c{span.text}\u201d (line {span.line}); {question.why}."
        out.append(Candidate(question, _fill(question.question, product, name), why, span, 0.85 - 0.1 * rank,
                             "faq" if items else "cue", name=name, faq_items=items))
    return out
