"""Word frequencies from wordfreq (its data ships inside the package: no download at run time).
Lookups are cached: a document repeats its words, and a batch repeats its vocabulary."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=131072)
def zipf(word: str) -> float:
    """Zipf frequency of a word in English: 7 for "the", 3 for one in a million words, 0 unknown."""
    from wordfreq import zipf_frequency  # imported here: loading its data takes ~0.1 s

    return float(zipf_frequency(word, "en"))
