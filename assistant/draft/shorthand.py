"""Note-taking shorthand, written out as prose for the offline draft.

Notes say "front desk spends 1-2 hrs/day phoning", "a missed 45 min slot = ~$120 lost" and
"integrate w/ top 3 systems"; a press release says "1-2 hours a day", "a 45-minute slot means
about $120 lost" and "with". Each rule is a small unit (a name, a pattern, a replacement) with its
own should-change and should-not-change fixtures in tests/test_draft_shorthand.py.

Figures are never touched: every digit, currency sign and percent sign of the notes survives, so
the grounding check (every figure of the draft is in the notes) still holds. Text inside quotation
marks is the speaker's and is never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

_NUMBER = r"\d[\d,.]*(?:\s*[-\u2013]\s*\d[\d,.]*)?"  # "45", "1-2", "1,200", "2.5"
_UNITS = {"hr": "hour", "hrs": "hour", "hour": "hour", "hours": "hour", "min": "minute", "mins": "minute",
          "minute": "minute", "minutes": "minute", "sec": "second", "secs": "second", "wk": "week", "wks": "week",
          "mo": "month", "mos": "month", "yr": "year", "yrs": "year"}
_PER = {"day": "a day", "d": "a day", "wk": "a week", "week": "a week", "mo": "a month", "month": "a month",
        "yr": "a year", "year": "a year", "hr": "an hour", "hour": "an hour", "user": "a user", "seat": "a seat"}
_WORDS = {"w/o": "without", "b/c": "because", "ppl": "people", "mgr": "manager", "mgrs": "managers",
          "mgmt": "management", "govt": "government", "dept": "department", "depts": "departments",
          "mtg": "meeting", "mtgs": "meetings", "approx": "about", "approx.": "about", "appt": "appointment",
          "appts": "appointments", "info": "information", "w/": "with", "thru": "through"}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Months a note writes in lower case; "may" and "march" are left alone (a verb as often as a month).
_MONTHS = {"jan": "January", "january": "January", "feb": "February", "february": "February", "apr": "April",
           "april": "April", "jun": "June", "june": "June", "jul": "July", "july": "July", "aug": "August",
           "august": "August", "sep": "September", "sept": "September", "september": "September",
           "oct": "October", "october": "October", "nov": "November", "november": "November",
           "dec": "December", "december": "December"}
# A slash between two words is "or" ("confirm/reschedule"), except in fixed pairs and units.
_SLASH_KEEP = {"and/or", "either/or", "on/off", "yes/no", "read/write", "input/output", "client/server"}


class Rule(NamedTuple):
    name: str
    pattern: re.Pattern[str]
    replace: Callable[[re.Match[str]], str]


# After "2 hrs", a word that makes it a length of time, not a noun's modifier ("2 hrs later", "2 hrs
# of", "2 hrs phoning"): then the unit is plural; before a noun it is "a 2-hour window".
_NOT_A_NOUN = re.compile(r"(?:a|an|the|to|of|per|for|on|in|at|by|and|or|but|so|each|every|a|later|ago|before|after|"
                         r"earlier|longer|more|less|total|max|min|apiece|is|are|was|were|ahead|early|late|away|back|"
                         # ("20 min ahead", "2.5 wks last spring": a length of time)
                         r"out|off|up|down|left|behind|last|this|next|\w+ing|\w+ed|\w+ly)\b",
                         re.IGNORECASE)


def _unit(match: re.Match[str]) -> str:
    number, unit, after = match.group("n"), match.group("u").lower(), match.group("next") or ""
    base = _UNITS[unit]
    following = match.string[match.end():]
    if after and re.match(r"olds\b", following):
        return f"{number}-{base}-"  # an age as a noun is one word: "2-4 yr olds" -> "2-4-year-olds"
    # ("6 yrs old" is a length of time: "6 years old")
    if after and following and not re.match(r"old\b", following) and not _NOT_A_NOUN.match(following):
        return f"{number}-{base}{after}"  # "a missed 45 min slot" -> "a missed 45-minute slot"
    plural = "" if re.fullmatch(r"0*1(?:\.0+)?", number) else "s"
    return f"{number} {base}{plural}{after}"


def _cap(match: re.Match[str]) -> str:
    word = match.group(0)
    return word[0].upper() + word[1:]


def _slash(match: re.Match[str]) -> str:
    pair = match.group(0)
    if pair.lower() in _SLASH_KEEP:
        return pair
    return f"{match.group(1)} or {match.group(2)}"


RULES: tuple[Rule, ...] = (
    Rule("per-unit", re.compile(r"(?<=[\w%$)])\s?/\s?(" + "|".join(_PER) + r")\b(?!/)", re.IGNORECASE),
         lambda m: " " + _PER[m.group(1).lower()]),
    Rule("per-noun", re.compile(r"(?<=\d)/(?=[a-z]{3,}\b)"), lambda m: " per "),  # "$250/store" -> "$250 per store"
    Rule("unit", re.compile(rf"(?P<n>{_NUMBER})\s?(?P<u>hrs?|mins?|secs?|wks?|mos|yrs?)\b(?!/)(?P<next>\s+(?=[a-z]))?"),
         _unit),
    Rule("more-than", re.compile(r"(?<![\w<>=-])(?:>|&gt;)\s?(?=[$€£¥]?\d)"), lambda m: "more than "),
    Rule("less-than", re.compile(r"(?<![\w<>=-])(?:<|&lt;)\s?(?=[$€£¥]?\d)"), lambda m: "under "),
    Rule("about", re.compile(r"(?<![\w~])~\s?(?=[$€£¥]?\d)"), lambda m: "about "),
    Rule("average", re.compile(r"\bavg\.?(?=\s+(?:about\s+|~\s?)?[$€£¥]?\d)", re.IGNORECASE),
         lambda m: "an average of"),
    Rule("average-word", re.compile(r"\bavg\b\.?", re.IGNORECASE), lambda m: "average"),
    # "v1 = replacement valve head, ...": what the first version is
    Rule("first-version", re.compile(r"^\W*(?:v1|v1\.0|mvp)\s*=\s*(?=\S)", re.IGNORECASE),
         lambda m: "The first version is "),
    Rule("equals", re.compile(r"(?<=\S) = (?=\S)"), lambda m: " means "),
    # "people heat empty rooms -> up to 20% of gas wasted": what follows from it
    Rule("arrow", re.compile(r"(?<=\w)\s+(?:->|→|=>)\s+(?=\S)"), lambda m: ", so "),  # (not "x->5")
    Rule("number-one", re.compile(r"\bthe #1\b", re.IGNORECASE), lambda m: "the top"),
    Rule("plus", re.compile(r"(?<=[A-Za-z)]) \+ (?=[A-Za-z(])"), lambda m: " and "),
    Rule("ampersand", re.compile(r"(?<=[a-z]) & (?=[a-z])"), lambda m: " and "),
    Rule("word", re.compile(r"(?<![\w/])(?:" + "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True))
                            + r")(?=\s|[,;:.!?)]|$)", re.IGNORECASE), lambda m: _WORDS[m.group(0).lower()]),
    # Lower case only: "BC" is British Columbia.
    Rule("because", re.compile(r"(?<![\w/])bc(?= [a-z])"), lambda m: "because"),
    # "a 30 day trial" -> "a 30-day trial": a length of time before the noun it describes.
    Rule("compound-length", re.compile(r"(?P<n>\b\d+) (?P<u>day|week|month|year|hour|minute)(?= [a-z])"),
         lambda m: f"{m.group('n')}-{m.group('u')}" if not _NOT_A_NOUN.match(m.string[m.end() + 1:])
         else m.group(0)),
    Rule("weekday", re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")s?\b"), _cap),
    Rule("month", re.compile(r"\b(?:" + "|".join(_MONTHS) + r")\b\.?(?=\s+\d)"),
         lambda m: _MONTHS[m.group(0).rstrip(".")]),
    Rule("or", re.compile(r"\b([a-z]{3,})/([a-z]{3,})\b(?!/)"), _slash),
)

_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")


def expand(text: str) -> str:
    """`text` with its shorthand written out; quoted words and every figure unchanged."""
    out, cursor = [], 0
    for quoted in _QUOTED.finditer(text):
        out.append(_expand_plain(text[cursor:quoted.start()]))
        out.append(quoted.group(0))
        cursor = quoted.end()
    out.append(_expand_plain(text[cursor:]))
    return "".join(out)


def _expand_plain(text: str) -> str:
    for rule in RULES:
        text = rule.pattern.sub(rule.replace, text)
    return text
