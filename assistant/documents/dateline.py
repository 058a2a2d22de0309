"""Recognise a press-release dateline: "SEATTLE, WA – June 7, 2026 –" and its many cousins.

Seen in real documents: `City, ST — Month D, YYYY —`, `City, Country (Month D, YYYY) –`,
`**CITY, ST — Month YYYY** —`, `*YYYY-MM-DD* —`, `` `CITY — [TARGET GA DATE] —` ``,
`San Jose, Calif., Newsroom — October 15, 2025:` and, without a date, `**SAN FRANCISCO** —`.
"""

from __future__ import annotations

import re

_MONTH = (r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_PLACEHOLDER_DATE = r"\[(?=[^\]\n]*(?i:date|tbd|launch|day|month|year))[^\]\n]{1,40}\]"
_DATE = (rf"(?:{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}}"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH},?[ \t]+\d{{4}}"
         rf"|{_MONTH},?[ \t]+\d{{4}}"
         r"|\d{4}-\d{2}-\d{2}"
         r"|(?:Q[1-4]|H[12])[ \t]+\d{4}"
         rf"|{_PLACEHOLDER_DATE})")
_PLACE_WORD = r"[A-Z][\w.'’\-]*"
_LOCATION = rf"{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,3}}(?:,[ \t]*{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,3}}){{0,3}}"
_MARK = r"[*_`]*"
_BETWEEN = r"(?:[ \t]*[—–\-|:][ \t]*|,[ \t]*|[ \t]*\([ \t]*|[ \t]+)"
_AFTER = r"(?=\)?[*_`]*(?:[ \t]*[—–\-:|,]|[ \t]*$|[ \t]*\n))"

DATED = re.compile(
    rf"{_MARK}(?:(?P<loc>{_LOCATION}){_MARK}{_BETWEEN}{_MARK})?(?P<date>{_DATE})(?P<paren>\))?{_AFTER}"
)
_DATE_ONLY = re.compile(rf"{_MARK}(?P<date>{_DATE}){_AFTER}")
# Without a date, only an all-capitals city or "City, ST" followed by a dash counts.
_LOCATION_ONLY = re.compile(
    rf"{_MARK}(?P<loc>[A-Z][A-Z.'’\- ]{{1,40}}[A-Z.]|[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){{0,2}},[ \t]*"
    rf"(?:[A-Z]{{2}}|[A-Z][a-z]+\.?(?:[ \t]+[A-Z][a-z]+)?)){_MARK}[ \t]*[—–]"
)
_BARE_YEAR = re.compile(r"[*_`]*(?P<date>20\d{2})\b")
_TRAILER = re.compile(r"[*_`]*[ \t]*[—–\-:|]*[ \t]*[*_`]*[ \t]*$")
_NOT_PLACES = {"today", "now", "this", "the", "our", "we", "it", "in", "on"}


def _month_words_only(location: str) -> bool:
    return bool(re.fullmatch(_MONTH, location.strip()))


def dated_at(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """A dateline with a date starting at `pos` (markup allowed), as (start, end) offsets."""
    match = DATED.match(text, pos, end)
    if not match:
        return None
    location = match.group("loc")
    if location and (location.split()[0].lower().strip(",") in _NOT_PLACES or _month_words_only(location)):
        match = None
        bare = _DATE_ONLY.match(text, pos, end)
        return (bare.start("date"), bare.end("date")) if bare else None
    start = match.start("loc") if location else match.start("date")
    return start, match.end("paren") if match.group("paren") else match.end("date")


def location_at(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """A dateline without a date ("**SAN FRANCISCO** —") starting at `pos`."""
    match = _LOCATION_ONLY.match(text, pos, end)
    if not match or match.group("loc").split()[0].lower().strip(",") in _NOT_PLACES:
        return None
    return match.start("loc"), match.end("loc")


def whole_line_dateline(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A line that is nothing but a dateline ("Louisville, KY – March 10, 2026")."""
    found = dated_at(text, start, end)
    if found and _TRAILER.fullmatch(text, found[1], end):
        return found
    return None


def bare_year_at(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """Just a year, accepted only after "FOR IMMEDIATE RELEASE — 2026"."""
    match = _BARE_YEAR.match(text, pos, end)
    if match and _TRAILER.fullmatch(text, match.end("date"), end):
        return match.start("date"), match.end("date")
    return None
