"""Verify that a quote is really in a text, and where.

Models (and people) re-type quotes with different spacing, curly quotes or case. We accept
those differences and nothing more: the returned offsets always point at the original text.
"""

from __future__ import annotations

import re

_QUOTE_CHARS = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2014": "-", "\u2013": "-"})
MIN_QUOTE_CHARS = 8  # shorter "quotes" (a word or two) match by accident and prove nothing


def _normalise(text: str) -> tuple[str, list[int]]:
    """Lower-case, fold quotes and dashes, collapse whitespace; keep a map back to offsets."""
    out: list[str] = []
    positions: list[int] = []
    previous_space = False
    for index, char in enumerate(text.translate(_QUOTE_CHARS)):
        if char.isspace():
            if previous_space or not out:
                continue
            out.append(" ")
            previous_space = True
        else:
            out.append(char.lower())
            previous_space = False
        positions.append(index)
    return "".join(out), positions


def locate_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Offsets (start, end) of `quote` in `text`, or None if it is not there."""
    quote = quote.strip().strip('"\u201c\u201d').strip()
    if len(quote) < MIN_QUOTE_CHARS:
        return None
    exact = text.find(quote)
    if exact >= 0:
        return exact, exact + len(quote)
    hay, positions = _normalise(text)
    needle, _ = _normalise(quote)
    needle = needle.strip()
    if not needle:
        return None
    found = hay.find(needle)
    if found < 0:
        # Tolerate a trailing full stop that the quoter added or dropped.
        trimmed = re.sub(r"[.!?,;:]+$", "", needle)
        if len(trimmed) < MIN_QUOTE_CHARS:
            return None
        found = hay.find(trimmed)
        if found < 0:
            return None
        needle = trimmed
    start = positions[found]
    end = positions[found + len(needle) - 1] + 1
    return start, end
