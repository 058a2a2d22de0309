"""Offline selection: which bank questions this document will be asked, and why.

A question is selected when
- the document's words raise it (one of its cues appears: "free" raises the price questions,
  "Kubernetes" the system requirements), and the words are kept as `why_span`;
- the document's own FAQ asks it (the FAQ pair is matched to the bank question);
- or it is a core question (price, customer, evidence of demand, risks, ...) that every PR/FAQ
  is asked, in which case the document's silence about it is the reason.
`for_each` questions are asked once per technology, named alternative, platform, principle, promise
or named feature the document mentions, and from the press release's own words about what the product
does: a capability it sets in bold ("How does the bulk Full Load work?"), a kind of thing it lists by
example ("Which AI models does it support?"), a feature named for what it does to a kind ("What
secrets does it detect?"), the incumbent readers would leave ("How do I switch from Mastodon?"), the
setup it says it fits ("existing NetCDF-4 applications") and the language it is made in ("Why Rust?").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from assistant.documents.models import Document, FaqItem, Span
from assistant.questions.bank import Bank, BankQuestion
from assistant.questions.text import STOPWORDS, concepts, coverage

RaisedBy = Literal["cue", "faq", "omission"]

FAQ_MATCH_THRESHOLD = 0.45  # see faq_similarity: about 60% of the FAQ question's concepts covered
# ... from which the report says "The document's own FAQ asks it": a claim about the document, so
# it needs more than one shared word ("How am I billed, and can I cancel any time?" is not "How long
# does deployment take?" though both say "time"); the meaning check (`confirm`) comes on top.
FAQ_CLAIM_THRESHOLD = 0.55
FAQ_MATCH_TOLERANCE = 0.03
KEY_SHARE = 0.5  # how much of an FAQ question (weighted) a key phrase must be to stand for its subject
SAME_AUDIENCE_BONUS = 0.05  # an FAQ item counts for every bank question within this of its best match
MAX_EXPANSIONS = 3  # for_each questions asked per document (per question)
# Named features asked about per document: a press release lists its features once, rarely more
# than six; the ranking and the spread over families decide how many reach the top.
MAX_FEATURES = 6
MIN_DISTINCT_CUES = 2  # one stray word does not raise a question; two different ones do
CORE_RELEVANCE = 0.8  # a core question is asked of every PR/FAQ: as relevant as one raised by three cue words

_NAME_TOKEN = re.compile(r"(?<![\w@/.-])([A-Za-z][A-Za-z0-9]*(?:[-.+][A-Za-z0-9]+)*)(?![\w@/-])")
# One to three capitalised words on one line; a dot only inside a word ("Node.js"), never the
# full stop that ends a sentence ("... with QuickBooks Online. Owners ...").
_NAME_WORDS = r"[A-Z][\w+-]*(?:\.[\w+-]+)*(?:[ \t]+[A-Z][\w+-]*(?:\.[\w+-]+)*){0,2}"
# The cue in any case ("Unlike Xero, ..."), except "vs" and "than", which only count in lower
# case ("VS Code" is an editor); the name capitalised.
_ALTERNATIVE = re.compile(
    r"\b(?:(?i:unlike|instead of|rather than|compared (?:to|with)|versus|alternative to|replaces?|replacing|"
    r"over plain|wrappers? (?:around|for))|vs\.?|than)\s+(?:the\s+|a\s+|an\s+|plain\s+|stock\s+|just\s+)?"
    r"(`[^`\n]{2,40}`|" + _NAME_WORDS + ")"
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
    from assistant.clarity.lexicon import zipf  # wordfreq's values, from the cached table (no wordfreq import)

    try:
        return zipf(word.lower())
    except ImportError:  # pragma: no cover - wordfreq is a dependency; keep working without it
        return 3.0


def _contains(text: str, name: str) -> bool:
    if name not in text:
        return False  # the common case, without compiling a pattern for every word of a document
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


MIN_WORDS_TO_GUESS = 150  # below this, a rare word said twice is chance, not evidence of a name
# "Working name: X", "Working title: X", "codename X", "Product: X", "concept: X", "Idea: X - ...": the
# author names it.
_NAME_LABEL = re.compile(
    r"(?im)(?:^|[(\[,;.]\s*)[*_>#\s-]*(?:(?:working|code|product|project|brand)[ -]?(?:name|title)(?:\s+is)?|"
    r"codename|product|concept|idea)\s*[:=\u2014\u2013-]\s*[*_\"\u201c']*(?=\S)"
    r"|\b(?:working|code)[ -]?(?:name|title)(?:d)?\s+[*_\"\u201c']*(?=\S)|\bcodenamed?\s+[*_\"\u201c']*(?=\S)"
)
# "Acme launches X", "announced X", "Introducing X": the headline or first lines say what is new.
_LAUNCH = re.compile(r"\b(?:launch(?:es|ed|ing)?|announc(?:es|ed|ing)|introduc(?:es|ed|ing)|unveil(?:s|ed|ing)?|"
                     r"meet|presents?|releas(?:es|ed|ing))\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:new\s+)?(?=\S)",
                     re.IGNORECASE)
# The opening's launch sentence naming what it launches and saying what kind of thing it is: "The
# City of Riverton ... today opened PermitPath, an online service where ...". Public bodies open
# or roll out a service rather than launch it; the appositive (", an online service") is what
# makes the name the product's, not a place or a partner's.
_LAUNCHED_AS = re.compile(r"\b(?:launch(?:es|ed)?|announc(?:es|ed)|introduc(?:es|ed)|unveil(?:s|ed)?|releas(?:es|ed)|"
                          r"open(?:s|ed)|roll(?:s|ed) out|debut(?:s|ed)|went live with|goes live with)\s+"
                          r"(?:the\s+|its\s+|their\s+|our\s+)?(?:new\s+)?(?=\S)", re.IGNORECASE)
_APPOSITIVE = re.compile(r"\W{0,3},\s+(?:an?|the)\s+\w")
_TITLE_SPLIT = re.compile(r"\s+[-\u2014\u2013|]\s+|:\s+|\s+\u00b7\s+")
_TITLE_NOISE = re.compile(r"^(?:pr[ /-]?faqs?|press release|working backwards|(?:the )?(?:internal )?faq|draft"
                          r"|v?\d+(?:\.\d+)*|announcement|headline|title)$", re.IGNORECASE)
_VERSION = re.compile(r"\s+v?\d+(?:\.\d+)+\w*$|\s+v\d+\w*$|\s+\d+\.\d+$")
_OBJECT_OF = frozenset(["on", "to", "via", "with", "using", "uses", "use", "over", "into", "from", "through", "in",
                        "of", "like", "than", "atop", "onto", "by", "against", "for", "and", "or"])


@lru_cache(maxsize=16)
def placeholder_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text still has placeholders ("[NAME, TITLE]", "TBD", "[TBD: price]", "[…]"):
    words inside them are never a name, a term or evidence. Kept for the last few texts: the
    finders of one document ask for them some 35 times."""
    from assistant.clarity.rules.placeholder import find_placeholders

    found = set(find_placeholders(text))
    found |= {m.span() for m in _BRACKETED.finditer(text)}
    return tuple(sorted(found))


# A bracketed run of capitals, dots or ellipses that is not a link: "[NAME, TITLE]", "[…]", "[...]".
_BRACKETED = re.compile(r"\[(?:[A-Z][A-Z0-9 ,_/&.-]{0,60}|\s*(?:\u2026|\.{2,})\s*)\](?![(:\[])")
_PLACEHOLDER_WORD = re.compile(r"^(?:tbd|tba|tbc|todo|fixme|x+|name|title|product(?: name)?|company|placeholder|"
                               r"your product|insert.*|n/?a|\?+)$", re.IGNORECASE)


def _in_ranges(ranges: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in ranges)


def _is_name_token(token: str) -> bool:
    """A word that can start a product's name: capitalised, CamelCase, with a digit, or not English."""
    letters = [c for c in token if c.isalpha()]
    if len(letters) < 2 or _PLACEHOLDER_WORD.match(token) or token.lower() in _NOT_NAMES:
        return False
    return token[0].isupper() or any(c.isupper() for c in token[1:]) or _zipf(token) < 2.5


def _name_run(text: str) -> str | None:
    """The name at the start of `text`: one name-like word and the capitalised words after it
    ("MCP Audit v1.1, a free scanner" -> "MCP Audit"), without a trailing version."""
    tokens: list[tuple[str, int]] = []
    for match in _NAME_TOKEN.finditer(text):
        if match.start() != (tokens[-1][1] + 1 if tokens else 0) or text[match.start() - 1 : match.start()] not in (
                "", " "):
            break
        token = match.group(1)
        if not tokens and not _is_name_token(token):
            return None
        if tokens and not (token[0].isupper() or token[0].isdigit()) or len(tokens) == 4:
            break
        if tokens and token.lower() in _NOT_NAMES:
            break
        tokens.append((token, match.end()))
    name = text[: tokens[-1][1]] if tokens else ""
    name = _VERSION.sub("", name).strip(" .,:;")
    return name or None


def _mentions(text: str, name: str) -> int:
    if name not in text:
        return 0
    return len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))


# The last word of an organisation's name: who launches, not what is launched.
_ORGANISATION = re.compile(
    r"(?<![\w-])(?:library|libraries|university|college|council|hospital|clinic|school|district|department|agency|"
    r"ministry|museum|foundation|association|society|institute|authority|county|city|government|"
    r"inc|ltd|llc|gmbh|corp|corporation|company|co|labs|group|bank|trust|charity|nhs)\.?$", re.IGNORECASE)


def is_organisation(name: str) -> bool:
    """Does the name end in an organisation's word ("Riverton Public Library", "Brightline Labs")?"""
    return len(name.split()) >= 2 and _ORGANISATION.search(name.strip()) is not None


def named_product(doc: Document, bank: Bank | None = None) -> str | None:
    """The name the document gives its product in so many words: a label ("Working name: X",
    "concept: X", "Idea: X - ..."), the title or headline ("X - PR/FAQ", "X: tagline", "Acme
    launches X", "Introducing X"). A title's name must come back in the text; a launch must name
    something that is not a technology the product uses."""
    text = doc.text
    holes = placeholder_ranges(text)
    tech = bank.technology_pattern if bank is not None else None

    def usable(name: str | None, start: int, *, times: int) -> str | None:
        if not name or _in_ranges(holes, start, start + len(name)) or _PLACEHOLDER_WORD.match(name):
            return None
        if is_organisation(name):
            return None  # the launcher ("Riverton Public Library lends ..."), not what it launches
        if tech is not None and tech.fullmatch(name):
            return None
        # ("Costume Hire Hub", three capitalised words written so twice or more, is a name of
        # ordinary words)
        coined_of_words = len(name.split()) >= 3 and all(w[:1].isupper() for w in name.split()) and \
            text.count(name) >= 2
        if all(_zipf(word) >= 3.0 for word in name.split()) and not coined_of_words and not re.search(
                rf"[a-z,;]\s+{re.escape(name)}(?![\w-])", text):
            return None  # ordinary words ("Owners of small shops") are a name only when capitalised mid-sentence
        return name if _mentions(text, name) >= times else None

    def longest(part: str, start: int) -> str | None:
        """The longest start of the part's name run that the text names again ("Shelfwise Tells
        Independent Bookshops" -> "Shelfwise")."""
        run = _without_article(_name_run(part) or "").split()
        if is_organisation(" ".join(run)):
            return None  # nor a start of it ("Riverton Public")
        for size in range(len(run), 0, -1):
            found = usable(" ".join(run[:size]), start, times=2)
            if found:
                return found
        return None

    def launched_in_opening() -> str | None:
        """The name the opening paragraph launches with an appositive ("opened X, an online
        service"), when there is one."""
        if not doc.paragraphs:
            return None
        opening = doc.paragraphs[0].span
        for match in _LAUNCHED_AS.finditer(opening.text):
            rest = opening.text[match.end() : match.end() + 80]
            run = _name_run(rest)
            if run and _APPOSITIVE.match(rest, len(run)):
                found = usable(run, opening.start + match.end(), times=2)
                if found:
                    return _without_article(found)
        return None

    tops = [s for s in (_title(doc), doc.headline) if s is not None]
    for span in tops:
        for part_start, part in _title_parts(span.text):
            if _TITLE_NOISE.match(part):
                continue
            offset = span.start + part_start
            # "Greenline Launches CropCall, So ...": the company launches, the product is launched.
            launch = _LAUNCH.search(part)
            if launch is not None:
                launched = usable(_name_run(part[launch.end() : launch.end() + 80]), offset + launch.end(), times=2)
                if launched:
                    return _without_article(launched)
            whole = _without_article(_VERSION.sub("", part.split(" (")[0]).strip(" .,:;*_"))
            first = whole.split()[0] if whole.split() else ""
            if len(whole.split()) <= 6 and _is_name_token(first) and usable(whole, offset, times=2):
                return whole
            found = longest(part, offset)
            if found:
                # A headline that opens with a place or a customer ("Riverton Residents Can Now Apply
                # ...") is guessed from its first name; the opening's "today opened PermitPath, an
                # online service" says which name is the product's in so many words.
                launched = launched_in_opening()
                if launched is not None and found not in launched:
                    return launched
                return found
            break  # the first meaningful part names the product, if anything in the title does
    for match in _NAME_LABEL.finditer(text):
        found = usable(_name_run(text[match.end() : match.end() + 80]), match.end(), times=1)
        if found:
            return _without_article(found)
    opening = text[: (doc.paragraphs[0].span.end if doc.paragraphs else min(len(text), 600))]
    for span in [*tops, doc.span(0, len(opening))]:
        for match in _LAUNCH.finditer(span.text):
            found = usable(_name_run(span.text[match.end() : match.end() + 80]), span.start + match.end(), times=2)
            if found:
                return _without_article(found)
    return None


def _title(doc: Document) -> Span | None:
    """The document's first heading, when it comes before the headline (a file's title line)."""
    if not doc.headings:
        return None
    first = doc.headings[0].span
    if doc.headline is not None and first.start > doc.headline.start:
        return None
    return first


def _title_parts(title: str) -> list[tuple[int, str]]:
    parts, cursor = [], 0
    for match in _TITLE_SPLIT.finditer(title):
        parts.append((cursor, title[cursor : match.start()]))
        cursor = match.end()
    parts.append((cursor, title[cursor:]))
    out = []
    for start, part in parts:
        stripped = part.strip(" *_#`")
        lead = len(part) - len(part.lstrip(" *_#`"))
        stripped = re.sub(r"^(?:press release|pr/?faq|headline)\s*[:\u2014-]?\s*", "", stripped, flags=re.IGNORECASE)
        if stripped:
            out.append((start + lead + part.strip(" *_#`").find(stripped), stripped))
    return out


def _starts_sentence(text: str, word: str) -> bool:
    """Whether `word` begins a sentence as it is spelled: a lower-case brand ("stoa keeps ...")."""
    return re.search(rf"(?:^|[.!?]\s+|\n\s*)[*_]*{re.escape(word)}(?![\w-])", text) is not None


def _without_article(name: str) -> str:
    return re.sub(r"^(?:the|The)\s+(?=\S)", "", name).strip()


def product_name(doc: Document, bank: Bank | None = None) -> str | None:
    """The product's name as the document spells it, or None when no name stands out.

    First the name the document gives in so many words (`named_product`). Failing that, and only
    in a document long enough for word counts to mean something, a word that looks like a name
    (capitalised, CamelCase, or not an English word: "Totus", "KFabrik", "yalazysops"), appears
    several times, preferably in the headline, mostly as the subject rather than as the object of
    "on", "with", "via" (a technology the product uses: "stores notes on IPFS"), and is not a
    listed technology. A capitalised word that follows it most of the time belongs to it
    ("Signal Aggregator"). Placeholders ("[NAME, TITLE]", "TBD") are never a name.
    """
    named = named_product(doc, bank)
    if named:
        return named
    text = doc.press_release_text or doc.text
    if len(text.split()) < MIN_WORDS_TO_GUESS:
        return None
    holes = placeholder_ranges(text)
    headline = doc.headline.text if doc.headline else text[:200]
    tech = bank.technology_pattern if bank is not None else None
    counts: Counter[str] = Counter()
    as_object: Counter[str] = Counter()
    neighbours: dict[str, Counter[tuple[str, str]]] = {}
    matches = [m for m in _NAME_TOKEN.finditer(text) if not _in_ranges(holes, m.start(), m.end())]
    tokens = [m.group(1) for m in matches]
    for index, token in enumerate(tokens):
        if sum(c.isalpha() for c in token) < 3 or token.lower() in _NOT_NAMES or token.lower() in STOPWORDS:
            continue
        if _PLACEHOLDER_WORD.match(token):
            continue
        counts[token] += 1
        if index > 0 and tokens[index - 1].lower() in _OBJECT_OF:
            as_object[token] += 1
        if index + 1 < len(tokens):
            neighbours.setdefault(token, Counter())[("after", tokens[index + 1])] += 1
        if index > 0:
            neighbours.setdefault(token, Counter())[("before", tokens[index - 1])] += 1
    scored = []
    for token, count in counts.items():
        in_headline = _contains(headline, token)
        if count < 2:
            continue  # said once, even in the headline, is not enough to call it the product
        capitalised = token[0].isupper() or any(c.isupper() for c in token[1:])
        common = _zipf(token)
        if not capitalised and (common >= 2.5 or not (in_headline or _starts_sentence(text, token))):
            continue  # an ordinary word; a brand spelled in lower case is in the headline or starts a sentence
        if tech is not None and tech.fullmatch(token):
            continue  # a technology the product uses, not the product (a title would have named it)
        weight = count * (2.0 if in_headline else 1.0) * (0.5 if common >= 4.0 else 1.0)
        if as_object[token] * 2 > count:
            continue  # mostly "on X", "to X", "via X": something the product works with, not the product
        scored.append((weight, in_headline, token))
    if not scored:
        return None
    _, _, best = max(scored)
    if is_organisation(f"{best} {_next_word(text, best)}"):
        return None  # "Riverton" of "Riverton Public Library": who launches, not what
    for (side, word), times in neighbours.get(best, Counter()).most_common(2):
        if times >= max(2, counts[best] * 0.6) and word[:1].isupper() and word.lower() not in _NOT_NAMES:
            return f"{best} {word}" if side == "after" else f"{word} {best}"
    return best


def _next_word(text: str, name: str) -> str:
    """The words after the name's first use ("Riverton" -> "Public Library"), up to three."""
    found = re.search(rf"(?<![\w-]){re.escape(name)}((?:\s+[A-Z][\w&'.-]*){{1,3}})", text)
    return found.group(1).strip() if found else ""


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
# Words the readers of a PR/FAQ (customers at work, the review room, developers for a developer
# tool) use every day: asking "What is USD?" or "What is SSH?" would only show the tool does not
# know them. Units and currencies, placeholders' words, and common professional and developer
# abbreviations.
DAILY_TERMS = KNOWN_ACRONYMS | frozenset(
    [
        "KB", "MB", "GB", "TB", "PB", "GHZ", "MHZ", "MS", "FPS", "USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "INR",
        "NAME", "TITLE", "DATE", "TODO", "TBA", "TBC", "XXX", "NA", "N/A",
        "COO", "CMO", "CIO", "CISO", "HR", "SMB", "SME", "CRM", "ERP", "SKU", "POS", "OKR", "OKRS", "NPS", "SLA",
        "SLAS", "ARR", "MRR", "QA", "R&D", "P&L", "YOY", "EOD", "ASAP", "FAQ", "LLM", "LLMS", "ML", "NLP",
        "CI", "CD", "CI/CD", "SSH", "DNS", "CDN", "GUI", "TUI", "REST", "RSS", "SRE", "VM", "VMS", "VPS", "VPN",
        "TCP", "UDP", "IP", "SMTP", "SSL", "TLS", "SSO", "MFA", "2FA", "OAUTH", "JS", "TS", "CSS", "XML", "YAML",
        "TOML", "PHP", "RPC", "ORM", "CRUD", "IOT", "P2P", "NAS", "HDD", "ROM", "WIFI", "MIT", "BSD", "GPL", "OSS",
        "SHA-256", "SHA-1", "MD5", "AES", "RSA", "UUID", "UTF-8", "ASCII", "GIT", "NPM", "PDF", "PNG", "JPG", "JPEG",
        "SVG", "GIF", "MP3", "MP4", "ZIP", "EDITOR", "PATH", "HOME", "NVIDIA", "IBM", "AMD", "INTEL", "ARM", "X86",
        "IAM", "VPC", "EC2", "RDS", "K8S", "FX",
        # everyday life's: what a passenger, a patient or a shopper reads without stopping
        "QR", "NFC", "GPS", "ATM", "PIN", "VAT", "EV", "DMV", "TV", "DVD", "ID", "PDF", "SUV", "ER", "GP",
    ]
)
# wordfreq's Zipf frequency from which an acronym is everyday language: GPS 4.0, NHS 4.0, IRS 3.9,
# ATM 3.9; the terms PR/FAQs coin or borrow sit far below (CDC 3.6, NFC 3.5, HMRC 2.9, MCP 2.6, OPRF 0).
EVERYDAY_ACRONYM_ZIPF = 3.8
# "X is a ...", "X, a ...", "X (the ...)", "X stands for", "X means", "... (X)": the document says what it is.
_DEFINITION_AFTER = (r"\s*(?:\((?!\s*(?:e\.g|i\.e|see|new|beta|v?\d)\b)[^()\n]{3,}\)|,\s+(?:an?|the)\s+\w"
                     r"|\s+(?:is|are)\s+(?:an?|the|our)\s+\w|\s+(?:stands for|means|refers to|is short for)\b"
                     r"|\s*[:\u2014\u2013]\s+(?:an?|the)\s+\w)")


_CODE_OR_BOLD = re.compile(r"```.*?```|`[^`\n]+`|\*\*[^*\n]+\*\*|__[^_\n]+__", re.DOTALL)


def _defined(name: str, text: str) -> bool:
    """Whether the document says what `name` is, anywhere (the FAQ included)."""
    escaped = re.escape(name)
    after = re.compile(rf"(?<![\w-]){escaped}s?(?![\w-]){_DEFINITION_AFTER}")
    before = re.compile(rf"\((?:\s*|[^()\n]{{0,12}}\b){escaped}s?\s*\)"
                        rf"|\b(?:called|named|known as)\s+[\"\u201c']?{escaped}\b")
    return after.search(text) is not None or before.search(text) is not None


def _launches(name: str, text: str) -> bool:
    """Is `name` the subject of the launch ("Brightwater Software today launched Tallyhand", "The
    City of Riverton ... today opened PermitPath")? The maker of the product, not a term to define."""
    return re.search(rf"(?<![\w-]){re.escape(name)}\s+(?:today\s+|has\s+|have\s+|is\s+|are\s+)?"
                     rf"{_LAUNCHED_AS.pattern}", text, re.IGNORECASE) is not None


def _brand_led(name: str, bank: Bank) -> bool:
    """A run led by a technology or a company the bank knows ("Amazon Bedrock", "Claude Code",
    "Oura Ring"): another company's product, not a term this document coined."""
    first = re.split(r"[ -]", name)[0]
    return bank.technology_pattern.fullmatch(first) is not None or first.lower() in _BRANDS


_BRANDS = frozenset(["amazon", "aws", "google", "microsoft", "apple", "meta", "openai", "anthropic", "nvidia", "ibm",
                     "oracle", "salesforce", "atlassian", "github", "gitlab", "oura", "mastodon", "spring", "maven",
                     "azure", "intel", "samsung", "fitbit", "garmin", "dexcom", "epic", "cerner", "adobe", "figma"])


def _readers_words(doc: Document, roles: tuple[str, ...] = ("customer_quote",)) -> str:
    """The text that speaks in the readers' own words: the sub-heading, which says who they are and
    what they do ("practices that file Making Tax Digital VAT returns"), the problem, told as their
    working day ("submitting a Full Payment Submission (FPS) to HMRC for every client"), and the
    customer's quote ("HMRC has not sent us a single penalty notice"). A term used there is one the
    readers use every day, not a word to explain to them. (The problem paragraph is read for
    acronyms only: a coined feature name there is still the document's own term.)"""
    parts = [doc.subheading.text] if doc.subheading is not None else []
    parts += [p.span.text for p in doc.paragraphs if p.role in roles]
    return "\n".join(parts)


def terms(doc: Document, bank: Bank, product: str | None) -> list[tuple[str, Span]]:
    """Coined terms and acronyms the press release uses without defining them ("Research Compass",
    "AI-BOM"): reviewers stop at words they do not know. Not asked: what the document defines
    (anywhere), what its readers use every day (`DAILY_TERMS`), other companies' products,
    and anything inside a placeholder ("[NAME, TITLE]")."""
    release_end = doc.faq_start if doc.faq_start is not None else len(doc.text)
    release = doc.text[:release_end]
    holes = placeholder_ranges(doc.text)
    # Code (`AUTO`, `VISION.md`) and bold labels ("**Source-Level Vulnerability Scanning**") are
    # identifiers and typography, not terms the reader is asked to learn.
    markup = tuple(m.span() for m in _CODE_OR_BOLD.finditer(doc.text))
    found: dict[str, tuple[int, Span]] = {}
    titles = [h.span for h in doc.headings] + [s for s in (doc.headline, doc.subheading, doc.dateline) if s]
    readers = _readers_words(doc)
    daily = _readers_words(doc, ("customer_quote", "problem"))

    def note(name: str, start: int) -> None:
        if any(t.start <= start < t.end for t in titles):
            return  # headings are set in title case and capitals; that is style, not a coined term
        if _in_ranges(holes, start, start + len(name)) or _PLACEHOLDER_WORD.match(name):
            return  # "[NAME, TITLE]" is a gap to fill, not a word to explain
        if _in_ranges(markup, start, start + len(name)):
            return
        if _defined(name, doc.text):
            return
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", readers):
            return  # the customer's own word ("HMRC" in a bookkeeper's quote): not jargon to them
        count, span = found.get(name.lower(), (0, doc.span(start, start + len(name))))
        found[name.lower()] = (count + 1, span)

    for match in _ACRONYM.finditer(release):
        name = match.group(1)
        shouting = re.match(r"\s+[A-Z]{2,}\b", release[match.end():]) or re.search(r"\b[A-Z]{2,}\s+$",
                                                                                         release[:match.start()])
        place = len(name) == 2 and release[max(0, match.start() - 2) : match.start()] == ", "  # "Seattle, WA"
        if name in DAILY_TERMS or shouting or place or (product and name in product.split()):
            continue
        if len(name) >= 4 and name.isalpha() and _zipf(name) >= 3.5:
            continue  # an English word in capitals ("VISION", "MANUAL"): emphasis, not an acronym
        if _zipf(name) >= EVERYDAY_ACRONYM_ZIPF:
            continue  # as common in print as an ordinary word ("GPS", "NHS", "IRS"): its readers know it
        if re.match(r"\.[a-z]{1,4}\b", release[match.end():]):
            continue  # a file name ("VISION.md")
        if bank.technology_pattern.fullmatch(name):
            continue
        if re.search(rf"(?<![\w-]){re.escape(name)}s?(?![\w-])", daily):
            continue  # an acronym of the customer's working day ("submit an FPS to HMRC"): theirs
        note(name, match.start(1))
    for match in _TITLE_RUN.finditer(release):
        name = match.group(1)
        if len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", doc.text)) < 2:
            continue  # a coined term recurs; a name mentioned once is more likely a person or a place
        context = release[max(0, match.start() - 60) : match.end() + 60]
        if _PERSON_NEAR.search(context) or (product and name.lower() == product.lower()) or _brand_led(name, bank):
            continue
        if _launches(name, release) or is_organisation(name):
            continue  # "Brightwater Software today launched ...", "Riverton Public Library lends ...": who launches
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


# "existing sops wrappers", "a full Mastodon deployment", "plain Docker": the incumbent the reader
# already runs, named as the thing the product improves on. The name must look like a name
# (capitalised, in backticks) or be a technology the bank knows ("sops" in lower case is neither
# and is missed: precision first).
_INCUMBENT = re.compile(
    r"\b(?:existing|traditional|legacy|plain|stock|a full|full|vanilla|standard|manual(?:ly)?)\s+"
    r"(`[^`\n]{2,40}`|" + _NAME_WORDS + ")"
    r"(?=\s+(?:wrappers?|tools?|deployments?|setups?|installs?|installations?|servers?|instances?|clients?|"
    r"workflows?|pipelines?|scripts?|configurations?)\b)"
)


def alternatives(doc: Document, product: str | None) -> list[tuple[str, Span]]:
    """Named things the document sets itself against ("unlike Apple Health", "instead of `sops`",
    "a full Mastodon deployment"). Worked out once per document: the catalogs' finder and the
    bank's questions about alternatives each ask for them."""
    global _alternatives_of
    last = _alternatives_of
    if last is not None and last[0] is doc and last[1] == product and last[2] == doc.text:
        return list(last[3])
    found_names = _find_alternatives(doc, product)
    _alternatives_of = (doc, product, doc.text, tuple(found_names))
    return found_names


_alternatives_of: tuple[Document, str | None, str, tuple[tuple[str, Span], ...]] | None = None


def _find_alternatives(doc: Document, product: str | None) -> list[tuple[str, Span]]:
    found = sorted([*_ALTERNATIVE.finditer(doc.text), *_INCUMBENT.finditer(doc.text)], key=lambda m: m.start())
    seen = _alternative_names(doc, product, found)
    for name, span in [*_named_in_existing(doc, product), *_named_as_traditional(doc, product)]:
        seen.setdefault(name.lower(), span)
    return [(span.text, span) for span in seen.values()]


def incumbents(doc: Document, product: str | None) -> list[tuple[str, Span]]:
    """What the reader runs today and would move from, as the press release names it: "a full
    Mastodon deployment", "existing sops wrappers", "traditional ... hashing like bcrypt". Not a
    mere comparison ("unlike Linux", "faster than DEFLATE"): a course is not moved to from Linux."""
    seen = _alternative_names(doc, product, list(_INCUMBENT.finditer(doc.text)))
    for name, span in _named_as_traditional(doc, product):
        seen.setdefault(name.lower(), span)
    return [(span.text, span) for span in seen.values()]


def _alternative_names(doc: Document, product: str | None, found: list[re.Match[str]]) -> dict[str, Span]:
    seen: dict[str, Span] = {}
    holes = placeholder_ranges(doc.text)
    for match in found:
        if _in_ranges(holes, match.start(1), match.end(1)):
            continue
        name = match.group(1).strip("`").strip()
        words = name.split()
        while words and words[-1].lower() in _NOT_NAMES:
            words.pop()
        name = " ".join(words)
        if len(name) < 2 or name.lower() in _NOT_NAMES or name.upper() in KNOWN_ACRONYMS or _own(name, product):
            continue
        in_title = _in_title_case_line(doc.text, match.start(1))
        if name.lower() in _NUMBER_WORDS or (in_title and _mentions(doc.text, name) < 2):
            continue  # "Three Days Instead of Nine": a headline's capitals make no name of a number or a word
        start = match.start(1) + match.group(1).find(name)
        seen.setdefault(name.lower(), doc.span(start, start + len(name)))
    return seen


_NUMBER_WORDS = frozenset([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion", "half", "dozen"])


def _in_title_case_line(text: str, at: int) -> bool:
    """Whether `at` sits in a line whose words are mostly capitalised (a headline in title case)."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    words = re.findall(r"[A-Za-z][\w'-]*", text[start : end if end >= 0 else len(text)])
    long = [w for w in words if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def _own(name: str, product: str | None) -> bool:
    """The product itself, a part of its name, or one of its own commands (`noda attach <note>`
    set against `noda file add`): not an alternative."""
    if not product:
        return False
    lowered, own = name.lower(), product.lower()
    return lowered in own or own in re.findall(r"[\w.+-]+", lowered)


# "Traditional password authentication, even with hashing algorithms like bcrypt, scrypt, or
# Argon2id, ...": what readers use today, named by example. The first example stands for the list.
_TRADITIONAL = re.compile(r"\b(?:traditional|conventional|legacy|existing|current|today's|popular|mainstream|"
                          r"incumbent|off-the-shelf)\b", re.IGNORECASE)
_SUCH_AS = re.compile(r"\b(?:like|such as|e\.g\.,?|including)\s+(?:the\s+)?(?=[\w`])", re.IGNORECASE)


# The first of a list of examples, not a phrase: the name is followed by a comma, "or", "and" or a
# slash ("like bcrypt, scrypt, or Argon2id", "like sops/age"); one example is often a comparison
# ("works like Figma").
_FIRST_EXAMPLE = re.compile(r"([A-Za-z][A-Za-z0-9]*(?:[-.+][A-Za-z0-9]+)*)(?=,|/|\s+(?:or|and)\s)")


class _NameFinder:
    """Whether a word of the press release names something other than the product: not the product,
    not inside a placeholder, code or bold markup, and looking like a name (`_looks_named`)."""

    def __init__(self, doc: Document, product: str | None) -> None:
        self.text = doc.text
        self.release_end = doc.faq_start if doc.faq_start is not None else len(doc.text)
        self.holes = placeholder_ranges(doc.text)
        self.markup = tuple(m.span() for m in _CODE_OR_BOLD.finditer(doc.text))
        self.product_words = {w.lower() for w in (product or "").split()}

    def named(self, start: int, end: int) -> bool:
        token = self.text[start:end]
        if token.lower() in self.product_words or _in_ranges(self.holes, start, end) or _in_ranges(
                self.markup, start, end):
            return False
        return _looks_named(token, self.text, start)


def _named_as_traditional(doc: Document, product: str | None) -> list[tuple[str, Span]]:
    """The first name of a "like A, B, or C" list in a press-release sentence about what people use
    today ("traditional", "existing", "legacy", "popular" ...): the incumbent, by example."""
    names = _NameFinder(doc, product)
    out: list[tuple[str, Span]] = []
    for cue in _SUCH_AS.finditer(doc.text, 0, names.release_end):
        sentence = sentence_around(doc, doc.span(cue.start(), cue.end()))
        if not _TRADITIONAL.search(doc.text, sentence.start, cue.start()):
            continue
        first = _FIRST_EXAMPLE.match(doc.text, cue.end())
        if first is not None and names.named(first.start(1), first.end(1)):
            out.append((first.group(1), doc.span(first.start(1), first.end(1))))
    return out


# "When learners turn to existing projects ..., they hit a wall: Linux is millions of lines ...,
# xv6 is ...": the sentence that says what readers use today names the incumbents.
_EXISTING = re.compile(r"\b(?:existing|current|other|today's|popular)\s+(?:\w+[ -])?"
                       r"(?:projects|tools|solutions|options|products|apps|services|alternatives|libraries|courses)\b",
                       re.IGNORECASE)


def _looks_named(token: str, text: str, start: int) -> bool:
    """A word in a sentence that names something: not English ("xv6"), with an inner capital or a
    digit ("OSDev"), or capitalised mid-sentence and not a common word ("Linux")."""
    if not _is_name_token(token) or token.upper() in DAILY_TERMS:
        return False
    if any(c.isupper() for c in token[1:]) or any(c.isdigit() for c in token) or _zipf(token) < 2.5:
        return True
    mid_sentence = re.search(r"[\w,;:)\u2014]\s+$", text[max(0, start - 3) : start]) is not None
    return token[0].isupper() and mid_sentence and _zipf(token) < 4.5


def _named_in_existing(doc: Document, product: str | None) -> list[tuple[str, Span]]:
    names = _NameFinder(doc, product)
    out: list[tuple[str, Span]] = []
    for cue in _EXISTING.finditer(doc.text, 0, names.release_end):
        sentence = sentence_around(doc, doc.span(cue.start(), cue.end()))
        for match in _NAME_TOKEN.finditer(doc.text, cue.end(), sentence.end):
            token, start = match.group(1), match.start(1)
            if names.named(start, match.end(1)):
                out.append((token, doc.span(start, match.end(1))))
    return out


# "fully integrated with Claude Code", "built for Slack", "works with Cursor": the one platform the
# product is tied to. A list of several ("supports Cursor, VS Code and Zed") already answers
# "which ones", so only a single name raises the question.
_INTEGRATION = re.compile(
    r"\b(?:integrat(?:ed|es)\s+(?:in|into|with)|works?\s+(?:with|inside|in)|built\s+(?:for|on(?:\s+top\s+of)?)|"
    r"plugs?\s+into|runs?\s+(?:inside|on)|lives\s+(?:inside|in)|designed\s+for|extension\s+for|plugin\s+for|"
    r"add-on\s+for)\s+(?:the\s+|your\s+|any\s+)?"
    r"(" + _NAME_WORDS + r")(?![\w-])(?!\s*(?:,\s*[A-Z]|(?:and|or)\s+[A-Z]))"
)


def integrations(doc: Document, bank: Bank, product: str | None) -> list[tuple[str, Span]]:
    """The named platform the press release ties the product to ("fully integrated with Claude
    Code"): a product, tool or technology, never the product itself, a placeholder or a person."""
    release_end = doc.faq_start if doc.faq_start is not None else len(doc.text)
    holes = placeholder_ranges(doc.text)
    seen: dict[str, Span] = {}
    for match in _INTEGRATION.finditer(doc.text, 0, release_end):
        words = match.group(1).split()
        while words and (words[-1].lower() in _NOT_NAMES or words[-1].lower() in STOPWORDS):
            words.pop()
        name = " ".join(words).rstrip(".,;:")
        start = match.start(1)
        if len(name) < 2 or name.lower() in _NOT_NAMES or name.upper() in DAILY_TERMS or _in_ranges(
                holes, start, start + len(name)) or _PLACEHOLDER_WORD.match(name):
            continue
        if product and (name.lower() in product.lower() or product.lower() in name.lower()):
            continue
        first = name.split()[0]
        if _zipf(first) >= 4.0 and not any(c.isupper() for c in first[1:]) and not bank.technology_pattern.fullmatch(
                name):
            continue  # ordinary words in title case ("Built for Small Shops", "Teams"), not a platform
        seen.setdefault(name.lower(), doc.span(start, start + len(name)))
    return [(span.text, span) for span in seen.values()]


_SENTENCE_END = re.compile(r"(?<=[.!?])[\s*_)\]\u201d\"]*\s|\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)]|#)\s)")


def sentence_around(doc: Document, span: Span) -> Span:
    """The sentence (or list item, or line of a short paragraph) that holds `span`: the words
    that raise a question generated from it, cut exactly from the document."""
    text = doc.text
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, span.start):
        start = match.end()
    found = _SENTENCE_END.search(text, span.end)
    end = found.start() + (1 if text[found.start()] in ".!?" else 0) if found else len(text)
    while start < span.start and text[start] in " \t\n*_>-#":
        start += 1
    while end > span.end and text[end - 1] in " \t\n*_":
        end -= 1
    return doc.span(start, end)


# A property the press release promises in one coined word: "screen-safe", "tamper-proof",
# "zero-downtime", "sandboxed", "gapless". A reader asks how it is ensured. "X-first" is a design
# principle ("local-first", "GPU-first"): the room asks why.
_PRINCIPLE = re.compile(r"(?<![\w-])([A-Za-z][\w]*-first)(?![\w-])")
_GUARANTEE = re.compile(
    r"(?<![\w-])((?:[A-Za-z][a-z]+-(?:safe|proof|evident|resistant|only|private)|zero-[a-z]+(?:-[a-z]+)?"
    r"|near-zero-[a-z]+|[Ss]andboxed|[Gg]apless|[Ll]ossless|[Tt]amper-evident|[Ee]nd-to-end encrypted))(?![\w-])"
)


def _as_written_mid_sentence(doc: Document, span: Span) -> str:
    """A word capitalised only because it starts a sentence, a list item or a bold label
    ("Screen-safe TUI ...", "- **Lossless** ...") is lower case inside a question; "GPU-first",
    "C-first" and a name mid-sentence ("Python-first") keep their capitals."""
    word = span.text
    head = re.split(r"[-\s]", word)[0]
    before = doc.text[max(0, span.start - 12) : span.start]
    at_start = span.start == 0 or re.search(r"(?:^|[.!?:]\s+|\n\s*(?:[-*+]\s+)?)[*_]*$", before) is not None
    if at_start and len(head) >= 2 and head[0].isupper() and head[1:].islower():
        return word[0].lower() + word[1:]
    return word


def _release_words(doc: Document, pattern: re.Pattern[str], product: str | None) -> list[tuple[str, Span]]:
    """Each distinct match of `pattern` in the press release (most mentioned first), outside
    placeholders and code, and not part of the product's name."""
    release_end = doc.faq_start if doc.faq_start is not None else len(doc.text)
    holes = placeholder_ranges(doc.text)
    code = tuple(m.span() for m in re.finditer(r"```.*?```|`[^`\n]+`", doc.text, re.DOTALL))
    found: dict[str, tuple[int, Span]] = {}
    for match in pattern.finditer(doc.text, 0, release_end):
        start, end = match.span(1)
        if _in_ranges(holes, start, end) or _in_ranges(code, start, end):
            continue
        if product and match.group(1).lower() in product.lower():
            continue
        key = match.group(1).lower()
        count, span = found.get(key, (0, doc.span(start, end)))
        found[key] = (count + 1, span)
    ranked = sorted(found.values(), key=lambda item: (-item[0], item[1].start))
    return [(_as_written_mid_sentence(doc, span), span) for _, span in ranked]


def principles(doc: Document, product: str | None) -> list[tuple[str, Span]]:
    """Design principles the press release states as "X-first" ("local-first", "GPU-first")."""
    return _release_words(doc, _PRINCIPLE, product)


def guarantees(doc: Document, product: str | None) -> list[tuple[str, Span]]:
    """Properties the press release promises in one word ("screen-safe", "zero-downtime", "gapless")."""
    return _release_words(doc, _GUARANTEE, product)


# A named feature, as press releases list them: a bold label that opens a list item or a paragraph
# and is followed by its description ("- **Secrets Detection** – Find exposed keys", "**Smart
# Replay:** ..."), or a short heading that starts with a symbol ("🔬 Research Compass") or names
# the feature before a dash ("Tangent Graph — Associative ..."). A reader asks how it works.
_BOLD_LABEL = re.compile(
    r"(?m)^[ \t>]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?(?:\*\*|__)(?P<label>[^*_\n]{2,80}?)(?P<inner>[:.])?(?:\*\*|__)"
    r"[ \t]*(?(inner)|[:.\u2013\u2014-])[ \t]*\S"
)
_HEADING_LABEL = re.compile(r"^[^\w\s`*_#]+\s*(?P<label>\w.*)$|^(?P<named>.+?)\s+[\u2013\u2014]\s+\S")
# Sections and labels every press release has: they are the document's structure, not features.
_SECTION_LABEL = re.compile(
    r"^(?:the |our )?(?:problem|solution|challenge|opportunity|how it works|getting started|get started|availability|"
    r"available|available now|pricing|price|cost|(?:key |core |main )?features?|benefits?|call to action|quotes?|"
    r"customer quotes?|headline|sub-?headline|sub-?heading|summary|overview|background|context|looking ahead|"
    r"what'?s next|next steps|roadmap|design principles|principles|tenets|faqs?|contact|about(?: \w+)?|"
    r"documentation|docs|source|prerequisites|requirements|results|impact|for immediate release|press release|"
    r"status|scope|goals?|non-goals?|vision|mission|team|links?|resources|note|notes|example|examples|demo|"
    r"limitations|risks|security|privacy|support|license|licence|install|installation|usage|quick ?start)$",
    re.IGNORECASE,
)
_SMALL_WORDS = frozenset(["a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "per", "with", "by", "vs"])
MAX_FEATURE_WORDS = 4


def _feature_name(label: str) -> str | None:
    """The feature's name in a label, or None when the label is a section, a sentence, a principle
    or a date: a name is one to four words in title case ("Secrets Detection", "AI-BOM Export")."""
    name = re.sub(r"\s*\([^)]*\)\s*$", "", label).strip(" :.\u2013\u2014-")
    words = name.split()
    if not 1 <= len(words) <= MAX_FEATURE_WORDS or _SECTION_LABEL.match(name) or _TITLE_NOISE.match(name) or \
            _PLACEHOLDER_WORD.match(name):
        return None
    if re.search(r"[,;:!?`\"\u201c\u201d()\[\]<>/=]|-first\b|\s(?:over|not|is|are|vs\.?)\s", name, re.IGNORECASE):
        return None  # a sentence, a principle ("Simplicity over flexibility"), code or a list
    if any(w.isdigit() or re.fullmatch(r"\d[\d+.,%x]*", w) for w in words) or words[0].lower() in _NOT_NAMES:
        return None  # "Stage 1", "50+ Known MCPs", "The ...", "Why ...", a month or a weekday
    if len(words) > 1 and name.isupper():
        return None  # "SAN FRANCISCO", "FOR IMMEDIATE RELEASE": shouting, not a name
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL_WORDS for w in words):
        return None  # "Git history per field", "Fast feedback": a phrase, not a named feature
    if len(words) == 1 and not re.search(r"[A-Z].*[A-Z]|-", name) and _zipf(name) >= 4.0:
        return None  # one ordinary word ("Validation", "Speed"): too vague to ask how it works
    return name


def _plural(name: str) -> bool:
    """"Email Reports", "Smart Alerts": a name whose last word is a plural takes "are ... they"."""
    last = name.split()[-1] if name.split() else ""
    return len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is")) and not last.isupper()


def features(doc: Document, bank: Bank, product: str | None) -> list[tuple[str, Span]]:
    """Features the press release names as labels or feature headings ("- **Secrets Detection** –
    ...", "🔬 Research Compass"), most mentioned first, then in the order the release lists them.
    Not the product itself, a technology, a section ("The Problem", "Availability"), a principle
    ("GPU-first") or a placeholder."""
    release_end = doc.faq_start if doc.faq_start is not None else len(doc.text)
    holes = placeholder_ranges(doc.text)
    tops = [s for s in (doc.headline, doc.subheading, doc.dateline) if s is not None]
    # Above the headline is the title block: the document's title, the name's gloss, a status line.
    body_start = doc.headline.end if doc.headline is not None else 0
    labels: list[tuple[str, int]] = []
    for match in _BOLD_LABEL.finditer(doc.text, body_start, release_end):
        labels.append((match.group("label"), match.start("label")))
    for heading in doc.headings:
        span = heading.span
        if not body_start <= span.start < release_end or any(t.start <= span.start < t.end for t in tops):
            continue
        text = span.text.strip(" #*_")
        found = _HEADING_LABEL.match(text)
        if found:
            group = "label" if found.group("label") else "named"
            labels.append((found.group(group), span.start + span.text.find(found.group(group))))
    seen: dict[str, tuple[int, int, Span]] = {}
    release = doc.text[:release_end]
    for label, start in labels:
        name = _feature_name(label)
        if name is None or name.lower() in seen:
            continue
        at = start + label.find(name)  # the name is the label without its trimmings: a substring
        if _in_ranges(holes, at, at + len(name)) or (product and name.lower() == product.lower()) or \
                bank.technology_pattern.fullmatch(name):
            continue
        seen[name.lower()] = (_mentions(release, name), at, doc.span(at, at + len(name)))
    ranked = sorted(seen.values(), key=lambda item: (-item[0], item[1]))
    return [(span.text, span) for _, _, span in ranked]


# A capability the press release sets in bold inside its running text ("runs a purpose-built
# **bulk Full Load**", "an optional **streaming CDC** path"): the release's own name for something
# the product does, which a reader asks about ("How does the bulk Full Load work?"). Emphasis is told
# from a capability by the head word coming back in the release (a capability is talked about, a
# stressed "**loudly**" or "**engineer-weeks**" is not) and by the sentence not describing the
# problem ("carries real risk of **silent data drift**").
_INLINE_BOLD = re.compile(r"(?<![\w*_])(?:\*\*(?P<a>[^*\n]{2,60}?)\*\*(?!\*)|__(?P<b>[^_\n]{2,60}?)__(?!_))")
_PROBLEM_SENTENCE = re.compile(
    r"\b(?:problems?|pains?|risks?|struggl\w*|frustrat\w*|error-prone|costly|costs?|fails?|failures?|"
    r"nightmares?|breach\w*|attacks?|drift|losses|lose|loses|losing)\b", re.IGNORECASE)
# "**lead** — the person who ...", "**TA** (technical assistant)": a role or a word it defines.
_DEFINED_RIGHT_AFTER = re.compile(r"\s*(?:\((?!\s*(?:e\.g|i\.e|see|new|beta|v?\d)\b)[^()\n]{3,}\)"
                                  r"|[:\u2014\u2013]\s+(?:an?|the)\s+\w)")
# A capability is a thing the product has or runs: its name follows a determiner, with at most two
# describing words between ("runs a purpose-built **bulk Full Load**", "an optional **streaming CDC**").
_AFTER_DETERMINER = re.compile(r"(?i:\b(?:a|an|the|its|our|their|each|every|this|one)\b)(?:\s+[\w-]+){0,2}\s+$")
MAX_CAPABILITY_WORDS = 4
MAX_CAPABILITIES = 4


def capabilities(doc: Document, bank: Bank, product: str | None) -> list[tuple[str, Span]]:
    """What the product does, as the press release names it in bold inside a sentence, in the order
    the release names them: each as the question reads it ("the bulk Full Load", "CDC") with the
    span of its words. Not labels that open a line (those are `features`), the product, a
    technology, a placeholder, a number or a phrase with punctuation."""
    release_end = doc.faq_start if doc.faq_start is not None else len(doc.text)
    body_start = doc.headline.end if doc.headline is not None else 0
    release = doc.text[:release_end]
    holes = placeholder_ranges(doc.text)
    found: dict[str, tuple[str, Span]] = {}
    for match in _INLINE_BOLD.finditer(doc.text, body_start, release_end):
        group = "a" if match.group("a") is not None else "b"
        phrase, start = match.group(group).strip(), match.start(group)
        line_start = doc.text.rfind("\n", 0, match.start()) + 1
        if not re.search(r"[a-z]", doc.text[line_start : match.start()]):
            continue  # a label that opens its line or list item: `features` reads those
        words = phrase.split()
        if not 1 <= len(words) <= MAX_CAPABILITY_WORDS or re.search(r"[^\w\s-]", phrase) or \
                any(any(c.isdigit() for c in w) for w in words) or words[0].lower() in _NOT_NAMES or \
                words[-1].lower() in STOPWORDS:
            continue  # a count, code, a sentence or a verb phrase ("pings you"), not a name
        if _in_ranges(holes, start, start + len(phrase)) or _PLACEHOLDER_WORD.match(phrase) or \
                bank.technology_pattern.fullmatch(phrase) or _own(phrase, product):
            continue
        paragraph_start = doc.text.rfind("\n\n", 0, match.start()) + 1
        if not _AFTER_DETERMINER.search(doc.text, max(paragraph_start, match.start() - 60), match.start()):
            continue  # "Ledgerly **scans repositories**": a verb phrase, not the name of a thing it has
        if _DEFINED_RIGHT_AFTER.match(doc.text, match.end()):
            continue  # "a **lead**: the person who ...", "**TA** (technical assistant)": a role it defines
        if _mentions(release.lower(), words[-1].lower()) < 2:
            continue  # said once, in bold: emphasis, not something the release talks about
        sentence = sentence_around(doc, doc.span(start, start + len(phrase)))
        if _PROBLEM_SENTENCE.search(sentence.text):
            continue
        # "How does CDC work?", but "How does the OCR cache work?": a lone acronym reads as a name.
        article = "" if len(words) == 1 and phrase.isupper() and len(phrase) > 1 else "the "
        found.setdefault(phrase.lower(), (article + phrase, doc.span(start, start + len(phrase))))
    named = list(found.values())
    # "the Full Load" after "the bulk Full Load": one capability, asked once, in its fuller name.
    return [(name, span) for name, span in named
            if not any(other is not span and re.search(rf"(?<![\w-]){re.escape(span.text)}(?![\w-])", o_span.text,
                                                          re.IGNORECASE) and len(o_span.text) > len(span.text)
                       for other, o_span in named)][:MAX_CAPABILITIES]


# The kinds of thing the product works with, as the press release lists them by example: "bring your
# own AI models, including ChatGPT, Claude and Gemini", "which AI models (OpenAI, Anthropic, ...)".
# A reader asks which ones are supported. The kind is one to three words ending in a plural noun;
# the examples are at least two names.
_EXAMPLE_NAME = r"(?:[A-Z][\w.+-]*|[a-z]+[A-Z][\w.+-]*)(?:[ ](?:[A-Z][\w.+-]*|\d[\w.+-]*)){0,2}"
_EXAMPLES = rf"{_EXAMPLE_NAME}(?:\s*,\s*{_EXAMPLE_NAME})*,?\s*(?:and|or)?\s*{_EXAMPLE_NAME}"
# The kind follows a determiner or a preposition ("their own AI models", "from card readers"), so a
# verb before it is never read as part of it ("to destroy rivals such as ...", "pick out stars like").
_KIND = (r"(?i:\b(?:the|an?|its|their|our|your|all|any|many|most|other|several|various|popular|major|which|"
         r"own|with|for|from|of|on|across|into|via|by|in)\s+)"
         r"(?P<kind>(?:[\w-]*\w\s+){0,2}[a-z][a-z-]*[a-rt-z]s)")
_CATALOG = (
    re.compile(rf"\b{_KIND},?\s+(?:like|such as|including|e\.g\.,?|for example,?)\s+(?P<names>{_EXAMPLES})"),
    re.compile(rf"\b{_KIND}\s*\((?P<names>{_EXAMPLES})(?:,?\s*(?:and|or)\s+(?:others|more))?\)"),
    # "Five pre-configured models are included:" and a list of them below.
    re.compile(r"(?i:\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+)"
               r"(?P<kind>(?:[\w-]*\w\s+){0,2}?[a-z][a-z-]*[a-rt-z]s)\s+(?:are|come)\s+"
               r"(?:included|supported|available|built[- ]in|bundled|provided|pre-?installed)\s*:\s*\n"
               r"\s*(?:[-*+]|\d+[.)])\s+(?P<names>[^\n]{2,80})"),
)
_COMPARING = frozenset(["unlike", "versus", "vs", "than", "replaces", "replacing"])
_SET_AGAINST = re.compile(r"(?i:\b(?:unlike|instead of|rather than|compared (?:to|with)|versus|vs\.?|than|"
                          r"replac(?:es|ing)|alternatives? to)\s+(?:\w+\s+){0,2})$")
# A kind of people or a measure is not something the product supports ("customers like Acme and
# Foo", "teams such as ...", "hours").
_NOT_A_CATALOG = frozenset(["customers", "users", "teams", "companies", "people", "developers", "engineers",
                            "organizations", "organisations", "businesses", "partners", "investors", "leaders",
                            "others", "things", "products", "features", "tools", "hours", "days", "weeks",
                            "months", "years", "minutes", "seconds", "examples", "cases", "names", "brands"])


def catalogs(doc: Document, bank: Bank, product: str | None) -> list[tuple[str, Span]]:
    """Kinds of thing the press release lists by example ("AI models, including ChatGPT, Claude and
    Gemini"), as the question reads them, with the span of the kind's words. Not when the sentence
    names what readers use today ("hashing algorithms like bcrypt"): those are the alternatives."""
    release_end = doc.faq_start if doc.faq_start is not None else len(doc.text)
    holes = placeholder_ranges(doc.text)
    rivals = {name.lower() for name, _ in alternatives(doc, product)}
    found: dict[str, Span] = {}
    for pattern in _CATALOG:
        for match in pattern.finditer(doc.text, 0, release_end):
            words = match.group("kind").split()
            # "a list of successes", "relying on technologies": the kind starts after a function word or
            # an -ing verb.
            for index in range(len(words) - 2, -1, -1):
                if words[index].lower() in STOPWORDS or words[index].lower() in _OBJECT_OF or \
                        words[index].islower() and words[index].endswith("ing"):
                    words = words[index + 1 :]
                    break
            # Only the words that describe the kind: "deploy Large Language Models" keeps neither verb
            # nor article, and a name among the modifiers stays ("AI models").
            # "supports AI models": a lower-case word in -s before the kind is a verb or another plural.
            while len(words) > 1 and (words[0].lower() in STOPWORDS | _NOT_NAMES | _COMPARING
                                      or words[0].islower() and words[0].endswith("s")):
                words.pop(0)
            kind = " ".join(words)
            start = match.end("kind") - len(kind)
            if words[-1].lower() in _NOT_A_CATALOG or words[-1].lower() in STOPWORDS or \
                    _in_ranges(holes, start, match.end("names")):
                continue
            names = {n.strip().lower() for n in re.split(r",|\band\b|\bor\b", match.group("names")) if n.strip()}
            if names & rivals:
                continue
            sentence = sentence_around(doc, doc.span(start, match.end("kind")))
            if _TRADITIONAL.search(sentence.text) or _SET_AGAINST.search(doc.text, sentence.start, start):
                continue  # "unlike spreadsheets such as Excel": what it replaces, not what it supports
            found.setdefault(kind.lower(), doc.span(start, start + len(kind)))
    return [(span.text, span) for span in found.values()]


def covered_kinds(doc: Document, bank: Bank, product: str | None) -> list[tuple[str, Span]]:
    """Named features made of a kind of thing and an action noun the bank knows ("Secrets Detection",
    "AI Model Detection"; bank.yaml `actions`): the kind, in the plural and in the case a sentence
    would write it ("secrets", "AI models"), with the span of the feature's name."""
    out = []
    for name, span in features(doc, bank, product):
        words = name.split()
        if len(words) < 2 or words[-1].lower() not in bank.actions:
            continue
        kind = [w if _keeps_capitals(w) else w.lower() for w in words[:-1]]
        kind[-1] = _plural_of(kind[-1])
        out.append((" ".join(kind), span))
    return out


def action_verb(bank: Bank, span: Span) -> str:
    """The verb for the action noun that ends a feature's name (`covered_kinds`): "Secrets Detection" -> "detect"."""
    return bank.actions.get(span.text.split()[-1].lower(), "cover")


def _keeps_capitals(word: str) -> bool:
    """"AI", "GitHub", "PII": an acronym or a name keeps its capitals inside a question."""
    return any(sum(c.isupper() for c in part) > 1 for part in word.split("-"))  # not "Source-Level"


def _plural_of(word: str) -> str:
    if _keeps_capitals(word) or word.endswith("s"):
        return word  # "PII", "secrets"
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("x", "ch", "sh")) else "s")


# "Transparent integration with existing NetCDF-4 applications": what the reader already has that
# the product must fit, named with a technology or a name ("existing NetCDF-4 applications", "your
# current Postgres databases"). Not "existing tools" (the incumbents) nor "an existing topic".
_EXISTING_SETUP = re.compile(
    r"\b(?:existing|current|your own)\s+(?P<setup>(?:[\w.+-]+\s+){0,2}?[a-z][a-z-]*s)\b")
# People are served, not worked with ("existing London taxi drivers").
_PEOPLE = frozenset(["customers", "users", "drivers", "members", "owners", "employees", "people", "students",
                     "teachers", "patients", "doctors", "subscribers", "readers", "viewers", "fans", "partners",
                     "developers", "engineers", "teams", "staff", "workers", "buyers", "sellers", "merchants"])
# "every major Mastodon-compatible client", "any S3-compatible buckets": the claim that what the
# reader already runs keeps working, asked of it by the name readers use ("Mastodon clients").
# The noun must end the phrase: in "an OpenAI-compatible chat completion request" "chat" only describes.
_COMPATIBLE_SETUP = re.compile(
    r"\b(?P<name>[A-Z][\w.+]*)-compatible\s+(?P<noun>[a-z][a-z-]*)\b(?!\s+(?:[a-z]+ )?(?:apis?|endpoints?|"
    r"completions?|requests?|servers?|interfaces?|formats?|protocols?|models?|clients?|layers?|calls?)\b)")
# Nouns with no plural ("S3-compatible storage"): "existing storages as they are" is no question.
_MASS_NOUNS = frozenset(["storage", "software", "hardware", "firmware", "middleware", "data", "infrastructure",
                         "tooling", "equipment", "output", "input", "syntax", "behaviour", "behavior"])
_INCUMBENT_WORDS = frozenset(["tools", "solutions", "products", "options", "alternatives", "apps", "services",
                              "projects", "vendors", "competitors", "wrappers", "approaches", "methods"])


def existing_setups(doc: Document, bank: Bank, product: str | None) -> list[tuple[str, Span]]:
    """What the press release says the product fits into, as it names it: "existing NetCDF-4
    applications". The setup is plural, names a technology or something capitalised, and is not
    what readers would leave (`incumbents`)."""
    release_end = doc.faq_start if doc.faq_start is not None else len(doc.text)
    holes = placeholder_ranges(doc.text)
    found: dict[str, Span] = {}
    for match in _EXISTING_SETUP.finditer(doc.text, 0, release_end):
        setup = match.group("setup")
        words = setup.split()
        start = match.start("setup")
        if words[-1].lower() in _INCUMBENT_WORDS | _PEOPLE or _in_ranges(holes, start, match.end("setup")) or \
                any(w.lower() in STOPWORDS for w in words) or _own(setup, product) or \
                (product and product.lower() in setup.lower()):
            continue
        if not any(bank.technology_pattern.fullmatch(w) or any(c.isupper() for c in w) for w in words[:-1]):
            continue  # "an existing topic", "current workflows": nothing named
        found.setdefault(setup.lower(), doc.span(start, match.end("setup")))
    named = [(span.text, span) for span in found.values()]
    return named + _compatible_setups(doc, product, release_end, holes, {name.lower() for name, _ in named})


def _compatible_setups(doc: Document, product: str | None, release_end: int, holes: tuple[tuple[int, int], ...],
                       seen: set[str]) -> list[tuple[str, Span]]:
    """"Mastodon-compatible client" -> ("Mastodon clients", its span): the setup an "X-compatible"
    claim says keeps working, named as its owner would ("my Mastodon client")."""
    out: list[tuple[str, Span]] = []
    for match in _COMPATIBLE_SETUP.finditer(doc.text, 0, release_end):
        name, noun = match.group("name"), match.group("noun")
        if noun in _MASS_NOUNS or _plural_of(noun) in _PEOPLE | _INCUMBENT_WORDS or noun in STOPWORDS or \
                _in_ranges(holes, match.start(), match.end()) or _own(name, product):
            continue
        setup = f"{name} {_plural_of(noun)}"
        if setup.lower() not in seen:
            seen.add(setup.lower())
            out.append((setup, doc.span(match.start(), match.end())))
    return out


# "A new open-source Rust project", "the first pure-Java implementation", "written in Go": the
# language or runtime the product itself is made in, a choice the room asks about first.
_MADE_IN = re.compile(
    r"(?i:\b(?:written|built|implemented|developed|coded)\s+(?:entirely\s+)?in\s+(?:pure\s+|modern\s+)?"
    r"(?P<a>[\w.+#-]+)|\bpure[- ](?P<b>[\w.+#-]+)\b"
    r"|\b(?P<c>[\w.+#-]+)[- ](?:project|implementation|crate|codebase|rewrite)s?\b)")


def made_in(doc: Document, bank: Bank, product: str | None) -> list[tuple[str, Span]]:
    """The technology the press release says the product is made in ("Rust project", "pure-Java"),
    as the bank's technology list spells it."""
    release_end = doc.faq_start if doc.faq_start is not None else len(doc.text)
    holes = placeholder_ranges(doc.text)
    found: dict[str, Span] = {}
    for match in _MADE_IN.finditer(doc.text, 0, release_end):
        group = next(g for g in ("a", "b", "c") if match.group(g) is not None)
        name, start = match.group(group), match.start(group)
        if not bank.is_technology(name) or _in_ranges(holes, start, match.end(group)) or _own(name, product):
            continue
        found.setdefault(name.lower(), doc.span(start, match.end(group)))
    return [(span.text, span) for span in found.values()]


# --- FAQ pairs against the bank --------------------------------------------------------------
def faq_matches(doc: Document, bank: Bank, aliases: list[str]) -> dict[str, list[FaqItem]]:
    """Each FAQ item goes to the bank question(s) that best cover it: bank id -> FAQ items."""
    matched: dict[str, list[FaqItem]] = {}
    questions, sharing, audiences = _faq_index(bank)
    keyless = Counter(audience for audience, question in zip(audiences, questions, strict=True) if not question.keys)
    for item in doc.faq:
        asked = concepts(item.question.text, aliases=aliases)
        if not asked:
            continue
        # Only the bank questions whose subject shares a concept with the FAQ question are scored:
        # the rest score exactly 0 (no coverage either way, and a key phrase inside `asked` shares
        # its concepts), so they count only towards `best`, with the bonus when of the same
        # audience, and can never be claimed (FAQ_CLAIM_THRESHOLD > 0). Same scores, same order.
        near = sorted({index for concept in asked for index in sharing.get(concept, ())})
        # An FAQ question that uses none of a bank question's key words asks about something else,
        # however its intent fits: "What could go wrong?" is not "Which AI models does it use, and
        # what if they fail?". Such a question is left out altogether, from `best` too (a question
        # with key words that shares no concept is one of them: its key words are in its subject).
        kept = [i for i in near if not questions[i].keys or asked & questions[i].key_words]
        similar = [(faq_similarity(asked, questions[i]), questions[i]) for i in kept]
        # On a near tie, the FAQ's own section decides: an internal FAQ answers the internal question.
        # The bonus only breaks ties: the claim itself needs the words to match on their own.
        scores = [(s + (SAME_AUDIENCE_BONUS if q.audience == item.audience else 0.0), s, q) for s, q in similar]
        far = Counter(keyless)
        far.subtract(questions[i].audience for i in near if not questions[i].keys)
        scores_far = [0.0 + (SAME_AUDIENCE_BONUS if audience == item.audience else 0.0)
                      for audience, count in far.items() if count > 0]
        best = max([score for score, _, _ in scores] + scores_far, default=0.0)
        for score, alone, question in scores:
            if score >= best - FAQ_MATCH_TOLERANCE and alone >= FAQ_CLAIM_THRESHOLD:
                matched.setdefault(question.id, []).append(item)
    return matched


def _faq_index(bank: Bank) -> tuple[list[BankQuestion], dict[str, tuple[int, ...]], list[str]]:
    """The bank questions an FAQ item may be matched to (not `for_each`), for each concept the
    positions of those whose subject holds it, and each one's audience: once per bank."""
    found = _FAQ_INDEX.get(id(bank))
    if found is None or found[0] is not bank:
        questions = [q for q in bank.questions if not q.for_each]
        sharing: dict[str, list[int]] = {}
        for index, question in enumerate(questions):
            for concept in question.subject:
                sharing.setdefault(concept, []).append(index)
        found = _FAQ_INDEX[id(bank)] = (bank, questions, {c: tuple(i) for c, i in sharing.items()},
                                        [q.audience for q in questions])
    return found[1], found[2], found[3]


_FAQ_INDEX: dict[int, tuple[Bank, list[BankQuestion], dict[str, tuple[int, ...]], list[str]]] = {}


def faq_similarity(asked: frozenset[str], question: BankQuestion) -> float:
    """How well a bank question matches an FAQ question, 0..1.

    Mostly how much of the FAQ question the bank question's subject (its words and key phrases)
    covers; a quarter is how much of the bank question's own words the FAQ question shares, so
    that "How much does it cost?" goes to the price question rather than to every question that
    mentions a cost. A key phrase wholly contained in the FAQ question counts as full coverage.
    """
    covered = coverage(asked, question.subject)
    # A key phrase names the subject, but only of a question that is mostly about it: "customer"
    # identifies "Who are our customers?", not "What happens to photos that show customers?".
    if any(key <= asked and coverage(asked, key) >= KEY_SHARE for key in question.key_concepts):
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


def _cue_hits(question: BankQuestion, text: str, present: frozenset[str], start: int = 0,
              searched: dict[tuple[str, int], re.Match[str] | None] | None = None) -> list[re.Match[str]]:
    """The first match of each of the question's cues in `text` from `start`, in text order.
    `searched` keeps each cue's search for the next question of the same text: many questions
    share a cue ("price", "free", "ai"), a third of a page's searches in the bank."""
    hits = []
    for pattern in question.cues_in(present):
        if searched is None:
            match = pattern.search(text, start)
        else:
            key = (pattern.pattern, pattern.flags)
            if key in searched:
                match = searched[key]
            else:
                match = searched[key] = pattern.search(text, start)
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


def document_kinds(doc: Document, bank: Bank) -> frozenset[str]:
    """The kinds of venture the document describes (bank.yaml `contexts`: commercial, open_source,
    internal, noncommercial), read after a collector's "source:" line."""
    skip_to = doc.text.find("\n") + 1 if doc.text.lower().startswith("source:") else 0
    return bank.contexts_of(doc.text[skip_to:])


def select(doc: Document, bank: Bank, product: str | None,
           confirm: Callable[[str, FaqItem], bool] | None = None) -> list[Candidate]:
    """The bank questions this document raises, each with the reason and the words behind it.
    `confirm(question, item)`, when given, must agree that an FAQ item asks the bank question
    before the document is said to ask it (the shared words found it; the meaning confirms it)."""
    aliases = [product] if product else []
    by_faq = faq_matches(doc, bank, aliases)
    release_end = doc.faq_start if doc.faq_start is not None else len(doc.text)
    skip_to = doc.text.find("\n") + 1 if doc.text.lower().startswith("source:") else 0  # a collector's note
    kinds = document_kinds(doc, bank)
    present = bank.literals_in(doc.text)
    searched: dict[tuple[str, int], re.Match[str] | None] = {}
    candidates: list[Candidate] = []
    for question in bank.questions:
        if question.for_each:
            candidates.extend(_expand(doc, bank, question, product))
            continue
        text = _fill(question.question, product)
        items = by_faq.get(question.id, [])
        if confirm is not None:
            items = [item for item in items if confirm(text, item)]
        hits = _not_the_name(_cue_hits(question, doc.text, present, skip_to, searched), product)
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


def _uncovered_features(doc: Document, bank: Bank, product: str | None) -> list[tuple[str, Span]]:
    """A feature named for what it does to a kind of thing is asked as which ones it covers
    (`covered_kinds`): "What secrets does it detect?" rather than "What is Secrets Detection?"."""
    covered = {span.start for _, span in covered_kinds(doc, bank, product)}
    return [(name, span) for name, span in features(doc, bank, product) if span.start not in covered]


def _uncovered_catalogs(doc: Document, bank: Bank, product: str | None) -> list[tuple[str, Span]]:
    """"Which AI models does it support?" beside "What AI models does it detect?" asks twice."""
    covered = {name.lower() for name, _ in covered_kinds(doc, bank, product)}
    return [(name, span) for name, span in catalogs(doc, bank, product) if name.lower() not in covered]


# What a bank question's `for_each` is asked of: each finder reads the names from the document.
_FINDERS: dict[str, Callable[[Document, Bank, str | None], list[tuple[str, Span]]]] = {
    "technology": technologies,
    "term": terms,
    "integration": integrations,
    "principle": lambda doc, _bank, product: principles(doc, product),
    "guarantee": lambda doc, _bank, product: guarantees(doc, product),
    "feature": _uncovered_features,
    "capability": capabilities,
    "catalog": _uncovered_catalogs,
    "incumbent": lambda doc, _bank, product: incumbents(doc, product),
    "coverage": covered_kinds,
    "existing": existing_setups,
    "made_in": made_in,
}


def _expand(doc: Document, bank: Bank, question: BankQuestion, product: str | None) -> list[Candidate]:
    finder = _FINDERS.get(question.for_each or "")
    names = finder(doc, bank, product) if finder is not None else alternatives(doc, product)
    out = []
    limit = MAX_FEATURES if question.for_each in ("feature", "coverage") else \
        MAX_CAPABILITIES if question.for_each == "capability" else MAX_EXPANSIONS
    for rank, (name, span) in enumerate(names[:limit]):
        mention = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
        items = [item for item in doc.faq if mention.search(item.question.text)]
        why = f"The document names \u201c{span.text}\u201d (line {span.line}); {question.why}."
        if question.for_each in ("alternative", "integration", "principle", "guarantee", "capability", "catalog",
                                 "incumbent", "existing"):
            # The sentence is the reason ("unlike Docker, ..."), not the bare name.
            span = sentence_around(doc, span)
        template = question.question_plural if question.question_plural and _plural(name) else question.question
        if question.for_each == "coverage":
            template = template.replace("{verb}", action_verb(bank, span))
        # The key names the thing, without the article the question reads it with ("the assessment").
        out.append(Candidate(question, _fill(template, product, name), why, span, 0.85 - 0.1 * rank,
                             "faq" if items else "cue", name=re.sub(r"^the ", "", name), faq_items=items))
    return out
