"""Jargon and rare words: words that are rare in everyday English (wordfreq Zipf below 3.0,
i.e. fewer than about one in a million words). Names are skipped (a capitalised word inside a
sentence, or one the document capitalises elsewhere), and so are plain compounds of common parts
("restock" = re + stock). One finding per distinct word, at its first use: a term the reader has
met once costs less the second time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from assistant.clarity.lexicon import zipf
from assistant.clarity.rules.base import Context, Hit, Rule

RARE_ZIPF = 3.0
COMMON_ZIPF = 3.5  # parts this common make a compound anyone can read
MIN_LENGTH = 4
PREFIXES = ("re", "un", "pre", "over", "under", "out", "co", "non", "self", "multi", "sub", "mis", "up", "in")
SUFFIXES = ("s", "es", "ed", "ing", "er", "ers", "ly", "ness", "less", "able", "ful")
_ALPHA_RE = re.compile(r"^[a-z][a-z'’-]*[a-z]$")


def _bases(word: str) -> list[str]:
    """Dictionary forms an inflected word may come from: "iterating" -> "iterate", "piped" ->
    "pipe", "caches" -> "cache", "copies" -> "copy"."""
    bases: list[str] = []
    for suffix in ("ing", "ed", "es", "s", "er", "ers", "ly", "ies", "ied"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            bases += [stem, stem + "e"]
            if suffix in ("ies", "ied"):
                bases.append(stem + "y")
            if len(stem) > 3 and stem[-1] == stem[-2]:  # "stopped" -> "stop"
                bases.append(stem[:-1])
    return bases


def _plain_compound(word: str) -> bool:
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3 and zipf(word[len(prefix):]) >= COMMON_ZIPF:
            return True
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and zipf(word[: -len(suffix)]) >= COMMON_ZIPF:
            return True
    # Closed compounds of two common words: "checkout", "smartphone".
    return any(zipf(word[:i]) >= COMMON_ZIPF + 0.5 and zipf(word[i:]) >= COMMON_ZIPF + 0.5
               for i in range(3, len(word) - 2))


_IN_ADDRESS = re.compile(r"[.@][a-z0-9]", re.IGNORECASE)


@lru_cache(maxsize=65536)
def is_rare(word: str) -> bool:
    """Rare when the word and every dictionary form it may come from are rare: an inflection is
    as familiar as its base ("caching" is read as "cache")."""
    parts = [p for p in re.split(r"[-’']", word) if p]
    if "-" in word:  # a hyphenated compound is rare only if one of its parts is
        return any(len(p) >= MIN_LENGTH and is_rare(p) for p in parts)
    if zipf(word) >= RARE_ZIPF or any(zipf(base) >= RARE_ZIPF for base in _bases(word)):
        return False
    return not _plain_compound(word)


def check(ctx: Context) -> Iterator[Hit]:
    capitalised_inside = {
        w.text for s in ctx.prose.sentences for w in s.words[1:] if w.text[:1].isupper()
    }
    # A name written in lower case elsewhere ("tallyhand.co.uk" of "Tallyhand") is still the name.
    names = {text.lower() for text in capitalised_inside}
    seen: set[str] = set()
    for sentence in ctx.prose.sentences:
        for index, word in enumerate(sentence.words):
            text = word.text
            if text[:1].isupper() and (index > 0 or text in capitalised_inside or text.isupper()):
                continue  # a name, a product, an acronym (the acronym rule owns those)
            lower = text.lower()
            if len(lower) < MIN_LENGTH or not _ALPHA_RE.match(lower) or lower in seen or lower in names:
                continue
            before = ctx.copy[max(0, word.start - 1) : word.start]
            if _IN_ADDRESS.match(ctx.copy, word.end) or before in (".", "@", "/"):
                continue  # part of a web or e-mail address ("tallyhand.co.uk"), not a word to read
            if is_rare(lower.replace("’", "'")):
                seen.add(lower)
                yield Hit(word.start, word.end, f"rare word: '{text}' may stop a reader",
                          "use the everyday word, or explain it the first time")


RULE = Rule("rare_word", "jargon", 1.0, "Jargon and rare words", check)
