"""Flesch-Kincaid grade level, computed here from our own sentences, words and syllables.

textstat is deliberately not used: version 0.7.13 downloads NLTK's cmudict the first time it
counts syllables and fails on a machine without network (as these are). pyphen ships its
hyphenation dictionaries inside the package, so syllables are counted offline, deterministically.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.clarity.text import Prose, Sentence

if TYPE_CHECKING:
    import pyphen

    from assistant.datacache import Memo

_CODE = 0x100  # numbers stored as characters above "\n", so one string holds them all


def _patterns_of(path: str) -> tuple[str, str] | None:
    """pyphen's parsed patterns for a dictionary, as two strings (keys, and each key's start and
    values as characters), one line each; None if some values are not plain numbers."""
    from pathlib import Path

    import pyphen

    patterns = pyphen.HyphDict(Path(path)).patterns
    if any(type(value) is not int for _, values in patterns.values() for value in values):
        return None
    keys = list(patterns)
    coded = ["".join(chr(_CODE + n) for n in (patterns[k][0], *patterns[k][1])) for k in keys]
    return "\n".join(keys), "\n".join(coded)


class _Patterns(dict):
    """pyphen's pattern table, each value decoded on first use (pyphen only calls `.get`)."""

    def get(self, key: str, default: object = None) -> object:
        value = dict.get(self, key)
        if value is None:
            return default
        if isinstance(value, str):
            numbers = [ord(c) - _CODE for c in value]
            value = (numbers[0], tuple(numbers[1:]))
            self[key] = value
        return value


def _warm_pyphen(pyphen_module: object, lang: str) -> None:
    """Parsing pyphen's hyphenation patterns costs more than scoring a page, on every start:
    parse them once, keep them under the user cache dir (`assistant.datacache`), and hand them
    to pyphen's own dictionary cache."""
    import os

    from assistant.datacache import cached

    pyphen = pyphen_module
    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]  # type: ignore[attr-defined]
    if path in pyphen.hdcache:  # type: ignore[attr-defined]
        return
    try:
        info = os.stat(path)
    except OSError:
        return
    key = f"2-{lang}-{pyphen.__version__}-{info.st_size}-{info.st_mtime_ns}"  # type: ignore[attr-defined]
    stored = cached("pyphen", key, lambda: _patterns_of(str(path)))
    if not stored:
        return
    keys = stored[0].split("\n")
    hyph = pyphen.HyphDict.__new__(pyphen.HyphDict)  # type: ignore[attr-defined]
    hyph.patterns = _Patterns(zip(keys, stored[1].split("\n"), strict=True))
    hyph.cache = {}
    hyph.maxlen = max(len(k) for k in keys)
    pyphen.hdcache[path] = hyph  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    import pyphen  # imported here: `prfaq --help` must not pay for it

    _warm_pyphen(pyphen, "en_US")

    # pyphen's typographic defaults (no break within 2 letters of either edge) undercount a few
    # short words ("idea"), but on the OneStopEnglish levels they order texts better (98.1% of
    # pairs) than left=right=1 (97.0%) or a vowel-group fallback (97.9%); see
    # evals/validate_clarity.py.
    return pyphen.Pyphen(lang="en_US")


_LETTER_SYLLABLES = {"w": 3}  # "double-u"; every other letter's name is one syllable
_SPELLED_OUT_MAX = 5


def _is_spelled_out(word: str) -> bool:
    """An initialism read letter by letter ("ML" is "em-el", "SRW" is "ess-ar-double-u"), not a
    word in capitals that is read as a word (NASA, a heading): counted by its letters' names, so
    shortening "machine learning" to "ML" does not make a text read easier by the formula."""
    from assistant.clarity.lexicon import zipf

    return 2 <= len(word) <= _SPELLED_OUT_MAX and word.isalpha() and word.isupper() and zipf(word.lower()) < 4.0


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one word: pyphen's hyphenation points + 1. Numbers count as one syllable;
    words with digits or inner punctuation ("U.S.", "24/7") count their letter groups."""
    lower = word.lower().strip("'’-.")
    if not lower:
        return 1
    if _is_spelled_out(word):
        return sum(_LETTER_SYLLABLES.get(letter, 1) for letter in lower)
    if not lower.isalpha():
        parts = [p for p in re.split(r"[^a-z]+", lower) if p]
        return max(1, sum(syllables(p) for p in parts)) if parts else 1
    return _hyphenated_syllables(lower)


def _hyphenated_syllables(word: str) -> int:
    """pyphen's count for a plain lower-case word, from the words this user's runs counted before
    (`assistant.datacache.memo`): a document scored again on every save counts no word twice, and
    does not load pyphen's patterns at all when it has no new word."""
    known = _known_syllables()
    return known.get(word, _count_with_pyphen) if known is not None else _count_with_pyphen(word)


def _count_with_pyphen(word: str) -> int:
    return len(_hyphenator().positions(word)) + 1


@lru_cache(maxsize=1)
def _known_syllables() -> Memo[int] | None:
    """The memo of syllable counts, keyed by pyphen's code and English dictionary as installed
    (found without importing pyphen); None when they cannot be found (counted afresh every time)."""
    import os
    from importlib.util import find_spec

    from assistant.datacache import memo

    spec = find_spec("pyphen")
    if spec is None or spec.origin is None:
        return None
    try:
        code = os.stat(spec.origin)
        patterns = os.stat(os.path.join(os.path.dirname(spec.origin), "dictionaries", "hyph_en_US.dic"))
    except OSError:
        return None
    key = f"en_US-{code.st_size}-{code.st_mtime_ns}-{patterns.st_size}-{patterns.st_mtime_ns}"
    return memo("syllables", key, int)


def fk_grade_of(word_count: int, sentence_count: int, syllable_count: int) -> float:
    if word_count == 0 or sentence_count == 0:
        return 0.0
    return 0.39 * word_count / sentence_count + 11.8 * syllable_count / word_count - 15.59


def sentence_grade(sentence: Sentence) -> float:
    return fk_grade_of(sentence.word_count, 1, sum(syllables(w.text) for w in sentence.words))


def fk_grade(prose: Prose) -> float:
    """Flesch-Kincaid grade of the whole text (0.0 for a text without words)."""
    words = prose.words
    return fk_grade_of(len(words), len(prose.sentences), sum(syllables(w.text) for w in words))
