"""Cues for rubric elements, used to judge what the parser found (and to find an element when the
parser gave no paragraph a role). Words only: nothing a document says is obeyed."""

from __future__ import annotations

import re
from typing import NamedTuple

QUOTE_RE = re.compile(r"[“\"](?P<q>[^”\"\n]{20,}?)[”\"]")
ATTRIBUTION_RE = re.compile(r"\b(?:said|says|explains|explained|adds|added|notes|noted)\b", re.I)
LEADER_RE = re.compile(
    r"\b(?:CEO|CTO|CFO|COO|founder|co-founder|chief|president|vice president|VP|head of|director|"
    r"general manager|GM|lead|leader|manager of|product manager|owner of the product|our team)\b", re.I
)
# "director at Escola Ribeira", "head of nursing at a care home in Leeds": where the title is held.
_TITLE_AT = re.compile(r"(?:\s+(?:of\s+)?[a-z][\w-]*){0,3}\s+at\s+(?:an?\s+|the\s+)?(?P<org>\S[^,\n]{0,60})")
# "Acme introduces ...", "Acme today announces ...": the company that announces.
ANNOUNCER_RE = re.compile(r"(?:\bToday,?\s+)?(?P<company>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+(?:today\s+)?"
                          r"(?:introduces|announces|launches|unveils)\b")
CUSTOMER_RE = re.compile(r"\b(?:customer|user|client|shopper|owner|manager at|engineer at|buyer|"
                         r"at [A-Z][\w&]+|from [A-Z][\w&]+)\b")
NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z'’-]+\b")
NUMBER_RE = re.compile(r"\d")
# Numbers that say when, not how much: a clock time ("9 a.m.", "18:30", "between 9 and 5", "9-to-5"),
# a year standing alone, and the few phrases where "one" is no count ("no one", "one day").
_CLOCK_RE = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?|o['’]clock)|\b\d{1,2}:\d{2}\b|"
    r"\b(?:between\s+)?(?:[1-9]|1[0-2])\s*(?:and|to|-to-|-|–)\s*(?:[1-9]|1[0-2])\b(?!\s*(?:%|[a-z]))|"
    r"\b(?:19|20)\d{2}\b(?![\d,.%])|\b(?:no|any|some)\s+one\b|\bone\s+(?:day|of|another)\b", re.I)
PROBLEM_CUES = re.compile(
    r"\b(?:today|problem|struggl\w*|frustrat\w*|waste\w*|spend|spent|hours|pain\w*|hard|difficult|"
    r"can['’]t|cannot|manual\w*|slow|lose|losing|lost|miss\w*|error-prone|tedious|runs? out|ran out|"
    r"wait\w*|on hold|paper|took|takes|too long|have to|has to)\b", re.I)
# How a press release says what customers put up with before it, in one sentence of another
# paragraph: "Until now, a commuter queued at a kiosk ...", "For years, growers have had to ...".
BEFORE_NOW = re.compile(
    r"(?:^|[,;:—–-]\s*)\W*(?:until (?:now|today|this (?:week|month|year))|up to now|before (?:now|today)|"
    r"for (?:years|decades|too long))\b"
    r"|\b(?:have|has|had) (?:always |long )?had to\b|\bused to (?:have to|spend|wait|call|drive|queue|pay)\b",
    re.IGNORECASE)
SOLUTION_CUES = re.compile(
    r"\b(?i:now|introduc\w+|lets|allows|enables|can now|instead)\b|\b[Ww]ith\s+(?:[A-Z][\w-]*\s?){1,4},")
START_CUES = re.compile(
    r"\b(?:get(?:ting)? started|to start|sign up|install|download|open|connect|step|first,|then)\b", re.I)
CTA_CUES = re.compile(
    r"\b(?:available|visit|pricing|price|per month|per user|free|learn more|sign up at|starting at|"
    r"costs?|\$\d|€\d|£\d)\b|https?://|www\."
    # where and when a customer gets it: "free on iOS and Android from today"
    r"|\b(?:on|in|from) (?:the )?(?:iOS|Android|App Store|Google Play|Play Store)\b"
    r"|\b(?:from|starting|as of) today\b", re.I)
# What a customer does to start: two of these in one paragraph are steps to follow ("download
# Dockside from the App Store and add your boat's length"), even when they share one sentence.
ACTION_RE = re.compile(
    r"\b(?:downloads?|installs?|sign(?:s)? up|signs? in|log(?:s)? in|opens?|connects?|adds?|enters?|scans?|"
    r"creates?|chooses?|picks?|taps?|clicks?|visits?|go(?:es)? to|invites?|uploads?|imports?|links?|pairs?|"
    r"plugs?|sets? up|types?|registers?|requests?|books?|orders?|calls?|texts?|emails?|fills? in|"
    r"answers?|selects?|points?|drags?|pastes?|copies|copy|forwards?|runs?(?!\s+on\b))\b(?!-)", re.I)
STEP_RE = re.compile(r"(?m)^\s*(?:\d{1,2}[.)]|[-*+])\s+|\b(?:first|second|third|then|next|finally)\b", re.I)


class Quote(NamedTuple):
    start: int  # offsets of the quoted words (without the quote marks)
    end: int
    paragraph_start: int
    paragraph_end: int
    attribution: str  # the rest of the paragraph: who said it

    @property
    def is_leader(self) -> bool:
        return self.leader_of(None)

    def leader_of(self, company: str | None) -> bool:
        """Does a leader of the announcing company say it? A title at another organisation
        ("Inês, director at Escola Ribeira") is a customer's, unless that organisation is the company
        that announces (known from "Acme introduces ..."; with the company a gap, it is no leader)."""
        for match in LEADER_RE.finditer(self.attribution):
            elsewhere = _TITLE_AT.match(self.attribution, match.end())
            if elsewhere is None or company and elsewhere.group("org").split()[0].strip(".,;:") == company.split()[0]:
                return True
        return False

    @property
    def named(self) -> bool:
        return bool(NAME_RE.search(self.attribution))


def quotes_in(text: str, start: int, end: int) -> list[Quote]:
    """Quoted passages of 20+ characters in text[start:end] (one per paragraph: a quote broken by
    "she said" is still one quote)."""
    found: list[Quote] = []
    for match in QUOTE_RE.finditer(text, start, end):
        para_start = text.rfind("\n\n", start, match.start())
        para_start = start if para_start < 0 else para_start + 2
        para_end = text.find("\n\n", match.end(), end)
        para_end = end if para_end < 0 else para_end
        if found and found[-1].paragraph_start == para_start:
            continue
        rest = text[para_start : match.start("q")] + " " + text[match.end("q") : para_end]
        if len(match.group("q").split()) < 4:
            continue
        found.append(Quote(match.start("q"), match.end("q"), para_start, para_end, rest))
    return found


def measures(text: str) -> bool:
    """True when text gives a figure that measures something (a count, an amount, a share, a time
    taken), not only a date, a year or a clock time: "answer the phone between 9 and 5" does not say
    what the problem costs the customer, "ten phone calls" and "3 hours a week" do."""
    from assistant.clarity.rules.base import NUMBER_RE as ANY_NUMBER
    from assistant.rubric.dates import DATE_PATTERNS

    taken = [(m.start(), m.end()) for m in _CLOCK_RE.finditer(text)]
    taken += [(m.start(), m.end()) for pattern in DATE_PATTERNS for m in pattern.finditer(text)]
    return any(not any(start <= m.start() < end for start, end in taken) for m in ANY_NUMBER.finditer(text))
