"""Find the launch date in a dateline and tell whether it is still ahead."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

# English month names spelled out here rather than read from the calendar module: that module
# costs `prfaq score` 1.4 ms at start-up (it imports locale), and its names follow the process's
# locale, while these must be English whatever a program embedding prfaq sets.
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
_MONTHS = {name: i for i, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS.update({name[:3]: i for i, name in enumerate(_MONTH_NAMES, start=1)})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
DATE_PATTERNS = (
    re.compile(_MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.I),  # March 3, 2027
    re.compile(_DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR, re.I),  # 3 March 2027
    re.compile(r"(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),  # 2027-03-03
    re.compile(r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>20\d{2})\b"),  # 9/15/2027 (US order)
    re.compile(r"(?<![\d/])(?P<month>0?[1-9]|1[0-2])/(?P<year>20\d{2})\b"),  # 06/2027
    re.compile(_MONTH + r",?\s+" + _YEAR, re.I),  # March 2027 (the first day of that month)
    re.compile(r"\b(?P<season>spring|summer|autumn|fall|winter|easter|christmas|lent|thanksgiving|memorial day|"
               r"labou?r day|q[1-4]|h[12]|early|mid|late|(?:first|second|third|fourth|1st|2nd|3rd|4th) quarter)"
               r"(?: weekend)?(?:\s+of\s+|\s+|-)" + _YEAR, re.I),
)
# When a season, a holiday or a quarter starts (northern hemisphere; Easter's earliest month): a
# launch "in autumn 2027" is ahead until that month starts.
_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12, "easter": 3, "christmas": 12,
                  "lent": 2, "thanksgiving": 10, "memorial day": 5, "labor day": 9, "labour day": 5,
                  "q1": 1, "q2": 4, "q3": 7, "q4": 10, "h1": 1, "h2": 7, "early": 1, "mid": 4, "late": 9,
                  "first quarter": 1, "second quarter": 4, "third quarter": 7, "fourth quarter": 10,
                  "1st quarter": 1, "2nd quarter": 4, "3rd quarter": 7, "4th quarter": 10}


class FoundDate(NamedTuple):
    start: int
    end: int
    value: date


def _month_number(raw: str) -> int:
    return int(raw) if raw.isdigit() else _MONTHS[raw.lower().rstrip(".")]


def _month_of(groups: dict[str, str | None]) -> int:
    season = groups.get("season")
    if season:
        return _SEASON_MONTHS[" ".join(season.lower().split())]
    return _month_number(groups["month"] or "")


def find_date(text: str, start: int = 0, end: int | None = None) -> FoundDate | None:
    """The first date in text[start:end], as offsets into text, or None."""
    end = len(text) if end is None else end
    best: FoundDate | None = None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text, start, end):
            groups = match.groupdict()
            try:
                value = date(int(groups["year"]), _month_of(groups), int(groups.get("day") or 1))
            except (ValueError, KeyError):
                continue
            if best is None or match.start() < best.start:
                best = FoundDate(match.start(), match.end(), value)
            break
    return best
