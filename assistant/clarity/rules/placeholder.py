"""Leftover placeholders: TBD, TODO, [NAME], [TBD: price], ACME, John Doe, XX%, lorem ipsum.
A document that still has them is not ready for the room, however long it is, so each one
costs a fixed amount (not scaled by length)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from assistant.clarity.rules.base import Context, Hit, Rule

PLACEHOLDER_RE = re.compile(
    r"(?<![\w-])(?:TBD|TBA|TBC|TODO|FIXME|XXX+)(?![\w-])"  # markers, upper case only
    r"|\[(?i:TBD|TODO|TBA|FIXME|insert|placeholder|fill in)\b[^\]\n]{0,80}\]"  # [TBD: price], [insert date]
    r"|\[[A-Z][A-Z0-9 _/.-]{1,40}\](?![(:\[])"  # [NAME], [CUSTOMER NAME]; not a link or a footnote
    r"|\[(?i:[^\]\n]{0,30}\b(?:name|date|price|number|amount|company|product|customer|city|title)\b"
    r"[^\]\n]{0,30})\](?![(:\[])"  # [Customer Name], [launch date]
    r"|<(?:NAME|DATE|PRICE|COMPANY|PRODUCT|CUSTOMER|CITY|TBD)>"
    r"|\{\{?\s*[a-z_]+\s*\}?\}"  # {name} {{price}}: an unfilled template variable
    r"|(?<![\w-])(?:ACME|Acme(?:\s+(?:Corp|Corporation|Inc|Co)\.?)?)(?![\w-])"
    r"|\b(?:John|Jane)\s+Doe\b"
    r"|(?<![\w$])\$\s?X+(?:[.,]X+)*(?![\w])"  # $XX, $X,XXX
    r"|(?<![\w$])X+(?:[.,]X+)*\s?%"  # XX%, X.X %
    r"|\b(?:20XX|19XX|YYYY|MM/DD(?:/YYYY)?|DD/MM(?:/YYYY)?)\b"
)
LOREM_RE = re.compile(r"\blorem\s+ipsum\b", re.I)


@lru_cache(maxsize=256)
def find_placeholders(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every placeholder in the whole text, not only the prose: a TBD in a table
    or a comment is still left over. Cached: the rubric's check asks for the same text, and the
    questions ask again for the same sentences of their evidence (with room for four texts, a
    one-page critique searched ~12 texts a page, 4.6 with this room)."""
    found = {m.span() for m in PLACEHOLDER_RE.finditer(text) if not m.group().lower().startswith("lorem")}
    found |= {m.span() for m in LOREM_RE.finditer(text)}  # case-insensitive, unlike the markers
    return tuple(sorted(found))


def check(ctx: Context) -> Iterator[Hit]:
    for start, end in find_placeholders(ctx.text):
        words = ctx.text[start:end]
        yield Hit(start, end, f"placeholder left in: '{words}'",
                  "fill it in with the real fact, or move the open question to the FAQ")


RULE = Rule("placeholder", "placeholders", 5.0, "Leftover placeholders", check)
