"""Leftover placeholders: TBD, TODO, [NAME], [TBD: price], ACME, John Doe, XX%, lorem ipsum.
A document that still has them is not ready for the room, however long it is, so each one
costs a fixed amount (not scaled by length)."""

from __future__ import annotations

import re
from collections.abc import Iterator

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


def check(ctx: Context) -> Iterator[Hit]:
    # The whole text, not only the prose: a TBD in a table or a comment is still left over.
    for pattern in (PLACEHOLDER_RE, LOREM_RE):
        for match in pattern.finditer(ctx.text):
            if pattern is PLACEHOLDER_RE and match.group().lower().startswith("lorem"):
                continue  # counted by LOREM_RE, which is case-insensitive
            words = match.group()
            yield Hit(match.start(), match.end(), f"placeholder left in: '{words}'",
                      "fill it in with the real fact, or move the open question to the FAQ")


RULE = Rule("placeholder", "placeholders", 5.0, "Leftover placeholders", check)
