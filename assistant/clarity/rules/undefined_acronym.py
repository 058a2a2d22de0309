"""Acronyms not defined at first use. Defined means "Full Name (ABC)" or "ABC (Full Name)" at or
before the first use, or the full name written out earlier ("the Search Relevance Workbench ...
the SRW"). Universally known ones are allowed: a small allowlist, plus any acronym that is as
common in English text as an everyday word (wordfreq Zipf >= 4.0: NASA, BBC, CEO), which readers
know without a definition. Domain terms are not universal for a customer: ML, SLA, KPI, GTM, TAM
must be spelled out. One finding per acronym, at its first use, whatever its length; it costs
the same in a long document as in a 400-word one (MAX_WORDS), because shortening "machine
learning" to "ML" makes the text read easier by the formula and harder for the reader."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.clarity.lexicon import zipf
from assistant.clarity.rules.base import Context, Hit, Rule, word_list
from assistant.clarity.rules.placeholder import find_placeholders

ALLOWLIST = frozenset(word_list(
    # Universally known acronyms and abbreviations.
    "API APIS URL URLS CEO CFO CTO COO AI US USA UK EU UN FAQ FAQS PDF SMS PR OK TV PC ID IDS IT HR "
    "FBI NASA BBC CNN GPS USB DVD CD HTML PIN ATM VIP DIY FYI ASAP PS AM PM GMT UTC NYC LA DC "
    "GB MB KB TB GHZ MHZ KM KG MPH CM MM USD EUR GBP VAT ID IOS CSV JSON SQL UI "
    "AWS IBM HP LG BMW NBA NFL NHS WHO NATO UNICEF DNA HIV COVID LED LCD HTTP HTTPS WIFI "
    "SIM QR NFC EV SUV RSVP ETA ISO CE MBA "
    # Capitalised words that are not acronyms at all: a file's name, a note to self.
    "README TODO "
    # US state and Canadian province codes: they appear in datelines ("SEATTLE, WA").
    "AL AK AZ AR CA CO CT DE FL GA HI IA IL IN KS KY LA MA MD ME MI MN MO MS MT NC ND NE NH NJ NM NV NY "
    "OH OR PA RI SC SD TN TX UT VA VT WA WI WV WY BC ON QC AB"
))
KNOWN_ZIPF = 4.0
MAX_WORDS = 400
ROMAN_RE = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,3})$")
ACRONYM_RE = re.compile(r"(?<![\w-])(?P<acr>[A-Z][A-Z0-9&]{1,7})(?P<plural>s)?(?![\w-])")


def _initials_match(acronym: str, words: list[str]) -> bool:
    """True when the acronym's letters appear, in order, as initials of the given words."""
    letters = [c for c in acronym.lower() if c.isalpha()]
    initials = "".join(w[0].lower() for w in words if w)
    position = 0
    for letter in letters:
        position = initials.find(letter, position)
        if position < 0:
            # Allow letters taken from inside a word ("JavaScript Object Notation" -> JSON works
            # by initials; "Extract, Transform, Load" too); fall back to the whole phrase.
            return _letters_in_order(letters, "".join(words).lower())
        position += 1
    return True


def _letters_in_order(letters: list[str], phrase: str) -> bool:
    position = 0
    for letter in letters:
        position = phrase.find(letter, position)
        if position < 0:
            return False
        position += 1
    return bool(letters) and phrase[:1] == letters[0]


_WORDS_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def defined_at(ctx: Context, acronym: str, start: int, end: int) -> bool:
    """Is this occurrence a definition: "Full Name (ABC)" or "ABC (Full Name)"?"""
    text = ctx.copy
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    if before.endswith("(") and text[end : end + 1] == ")":
        preceding = _WORDS_RE.findall(text[max(0, start - 120) : start])[-len(acronym) - 3 :]
        return any(_initials_match(acronym, preceding[i:]) for i in range(len(preceding)))
    if after.lstrip().startswith("("):
        close = text.find(")", end, end + 150)
        inside = _WORDS_RE.findall(text[end : close]) if close > 0 else []
        return len(inside) >= 2 and _initials_match(acronym, inside)
    return False


_STOP_WORDS = frozenset(word_list("the a an and or of to in on for with by at from as is are be this that"))


def named_before(ctx: Context, acronym: str, start: int) -> bool:
    """Is the full name written out before this point, its words' initials spelling the acronym
    ("Search Relevance Workbench" before "SRW", "stock keeping unit" before "SKU")? Only for three
    letters or more: two words with the right initials are too easy to meet by chance (a public
    PR/FAQ wrote "Delivery Service" long before a "DS" that meant "driver summary"), so a
    two-letter initialism needs its expansion in brackets."""
    letters = [c for c in acronym.lower() if c.isalpha()]
    if len(letters) < 3 or len(letters) != len(acronym):
        return False
    words = _WORDS_RE.findall(ctx.copy[:start])
    n = len(letters)
    for i in range(len(words) - n + 1):
        window = words[i : i + n]
        if [w[0].lower() for w in window] != letters or any(w.lower() in _STOP_WORDS for w in window):
            continue
        if all(w[0].isupper() and not w.isupper() for w in window) or all(w.islower() for w in window):
            return True
    return False


def _is_shouting(ctx: Context, start: int, end: int) -> bool:
    """Part of a run of capitals that is ordinary words in upper case ("INTRODUCING SHELFBOT",
    a heading in capitals), not acronyms: a neighbouring all-caps word is an everyday word."""
    before = re.findall(r"[A-Za-z]+", ctx.copy[max(0, start - 25) : start])[-1:]
    after = re.findall(r"[A-Za-z]+", ctx.copy[end : end + 25])[:1]
    return any(len(w) >= 3 and w.isupper() and zipf(w.lower()) >= KNOWN_ZIPF for w in before + after)


def is_known(acronym: str) -> bool:
    return acronym in ALLOWLIST or bool(ROMAN_RE.match(acronym)) or zipf(acronym.lower()) >= KNOWN_ZIPF


def check(ctx: Context) -> Iterator[Hit]:
    seen: set[str] = set()
    defined: set[str] = set()
    first_use: dict[str, tuple[int, int]] = {}
    dateline = ctx.doc.dateline
    # "[METRIC]", "[NAME, TITLE]": a gap to fill (the placeholder rule's finding), not an acronym
    holes = find_placeholders(ctx.text)
    for sentence in ctx.prose.sentences:
        for match in ACRONYM_RE.finditer(ctx.copy, sentence.start, sentence.end):
            acronym = match.group("acr")
            if sum(c.isalpha() for c in acronym) < 2 or is_known(acronym) or acronym in defined:
                continue
            if any(start <= match.start() < end for start, end in holes):
                continue
            if dateline is not None and dateline.start <= match.start() < dateline.end:
                continue  # "BOISE, Idaho — March 3, 2027": a dateline's city is written in capitals
            if _is_shouting(ctx, match.start(), match.end()):
                continue
            if defined_at(ctx, acronym, match.start(), match.end("acr")) or (
                    acronym not in seen and named_before(ctx, acronym, match.start())):
                defined.add(acronym)
                continue
            if acronym not in seen:
                seen.add(acronym)
                first_use[acronym] = (match.start(), match.end())
    for acronym, (start, end) in sorted(first_use.items(), key=lambda item: item[1]):
        later = " (it is defined only later)" if acronym in defined else ""
        yield Hit(
            start,
            end,
            f"acronym '{acronym}' is not defined at first use{later}",
            f"spell it out the first time: 'Full Name ({acronym})'",
        )


RULE = Rule("undefined_acronym", "acronyms", 2.0, "Acronyms not defined at first use", check, max_words=MAX_WORDS)
