"""Guess what each press-release paragraph is for, from the cues a reader would use.

In order of trust: a quotation with its attribution; a bold lead-in ("**The problem.** ...");
the heading the paragraph sits under ("## Call to Action"); the paragraph's position (the
first one, or the one opening with the dateline, is the summary); and finally words that
signal a role ("spend hours", "sign up", "per month"). When nothing points anywhere, the role
stays unknown (None) rather than guessed.
"""

from __future__ import annotations

import re
from typing import Literal

from assistant.documents.models import ParagraphRole

LabelRole = Literal["summary", "problem", "solution", "quote", "getting_started", "call_to_action"]

_LABELS: list[tuple[LabelRole, re.Pattern[str]]] = [
    ("getting_started", re.compile(r"getting started|get started|how to (?:start|begin|get|use|try)|"
                                   r"installation|install|set ?up|try it")),
    ("call_to_action", re.compile(r"call to action|availab|pricing|price|where to buy|learn more|how to buy")),
    ("quote", re.compile(r"quote|testimonial")),
    ("problem", re.compile(r"problem|challenge|pain|the need")),
    ("solution", re.compile(r"solution|how it works|feature|introducing|what it does|the product")),
    ("summary", re.compile(r"summary|overview|introduction")),
]
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_LEAD_IN = re.compile(r"\s*(?:\*\*|__)(?P<label>[^*_\n]{2,60}?)[.:]?(?:\*\*|__)[.:]?\s")

_QUOTED = re.compile(r"[“\"„]([^”“\"]{20,2000})[”\"]")
_QUOTE_START = re.compile(r"^[\s>*_]*[“\"„]")
_VERB = re.compile(r"\b(?:said|says|add(?:s|ed)|explain(?:s|ed)|note(?:s|d)|comment(?:s|ed)|shared|recall(?:s|ed)|"
                   r"according to|told)\b", re.IGNORECASE)
_DASH_ATTRIBUTION = re.compile(r"(?:^|\n)[ \t>*_]*[—–][ \t]*\S|[”\"][*_]*[ \t]*[—–][ \t]*[\w\[]")
_NOT_CUSTOMER = re.compile(r"\bcustomer[ -](?:success|experience|service|support|care|operations|obsession)\b",
                           re.IGNORECASE)
_CUSTOMER = re.compile(r"\b(?:customers?|(?:early|pilot|beta|first|power|long-?time)[ -](?:users?|adopters?|"
                       r"customers?)|users?|adopters?|early-adopter|clients?|pilot|subscribers?|shoppers?|"
                       r"patients?|members?)\b|(?<!product )\bowners?\b", re.IGNORECASE)
_LEADER = re.compile(r"\b(?:founders?|co-?founder|ceo|cto|coo|cfo|cpo|chief|president|vp|svp|evp|vice president|"
                     r"general manager|gm|head of|director|leader|creator|co-?creator|author|architect|"
                     r"product (?:owner|manager|lead)|maintainer|contributor|inventor|principal investigator)\b",
                     re.IGNORECASE)
_WE = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)

_CUES: dict[ParagraphRole, list[tuple[re.Pattern[str], float]]] = {
    "problem": [
        (re.compile(r"\b(?:struggl\w*|frustrat\w*|problems?|painful|pain points?|hard to|difficult\w*|tedious|"
                    r"wast(?:e|es|ed|ing)|manual(?:ly)?|error-prone|spend(?:s|ing)? (?:hours|days|weeks)|"
                    r"can(?:no|')t|nightmare|hassle|bottlenecks?|friction|fragment\w*|scattered|blindsided|"
                    r"lose|losing|lost)\b", re.IGNORECASE), 1.0),
        (re.compile(r"\btoday\b", re.IGNORECASE), 0.5),
    ],
    "solution": [
        (re.compile(r"\bwith [^,.\n]{1,60}, (?:customers|users|you|teams|developers|owners|people|they|"
                    r"[a-z]+s) can\b", re.IGNORECASE), 2.0),
        (re.compile(r"\bnow\b", re.IGNORECASE), 0.5),
        (re.compile(r"\b(?:lets?|enables?|automatically|instead of|simply|in one (?:click|command|step)|"
                    r"(?:users|customers|you|teams|developers|owners|people) can)\b", re.IGNORECASE), 1.0),
    ],
    "getting_started": [
        (re.compile(r"\b(?:to get started|getting started|get started|sign(?:s|ing)? up)\b", re.IGNORECASE), 2.0),
        (re.compile(r"\b(?:install\w*|download\w*|set up|setup)\b", re.IGNORECASE), 1.0),
        (re.compile(r"(?m)^\s*(?:1[.)]\s|step 1\b)", re.IGNORECASE), 0.5),
    ],
    "call_to_action": [
        (re.compile(r"\b(?:available|visit|today at|pre-?order|pricing|per month|per user|a month)\b",
                    re.IGNORECASE), 1.0),
        (re.compile(r"\bfree\b", re.IGNORECASE), 0.5),
        (re.compile(r"https?://|www\.|[$€£]\s?\d"), 1.5),
    ],
}
MIN_CUE_SCORE = 1.0


def label_role(label: str) -> LabelRole | None:
    """The role a heading or lead-in names within its first three words ("The Problem: ...")."""
    words = " ".join(_WORD.findall(label.lower())[:3])
    for role, pattern in _LABELS:
        if pattern.search(words):
            return role
    return None


def lead_in_label(paragraph: str) -> str | None:
    """The bold words a paragraph opens with, as in "**The solution.** With ..."."""
    match = _LEAD_IN.match(paragraph)
    return match.group("label").strip() if match else None


def is_quote(paragraph: str) -> bool:
    """A quotation of a person: quoted words (six or more) with an attribution, or a paragraph
    that opens with a quotation mark."""
    quoted = [m.group(1) for m in _QUOTED.finditer(paragraph)]
    if not any(len(_WORD.findall(q)) >= 6 for q in quoted):
        return False
    residue = _QUOTED.sub(" ", paragraph)
    return bool(_VERB.search(residue) or _DASH_ATTRIBUTION.search(paragraph) or _QUOTE_START.match(paragraph))


def quote_role(paragraph: str) -> Literal["leader_quote", "customer_quote"]:
    """Leader when attributed to a title like founder/CEO/VP/director/"head of"; customer when
    attributed to a customer, user or owner, or to a person without such a title."""
    residue = _NOT_CUSTOMER.sub(" ", _QUOTED.sub(" ", paragraph))
    attributed = bool(_VERB.search(residue) or _DASH_ATTRIBUTION.search(paragraph))
    if _CUSTOMER.search(residue):
        return "customer_quote"
    if _LEADER.search(residue):
        return "leader_quote"
    if attributed and len(_WORD.findall(residue)) >= 2:
        return "customer_quote"
    return "leader_quote" if _WE.search(paragraph) else "customer_quote"


def cue_role(paragraph: str) -> ParagraphRole | None:
    """The role whose signal words weigh most in the paragraph, if any weigh enough."""
    best: ParagraphRole | None = None
    best_score = 0.0
    for role, cues in _CUES.items():
        score = sum(weight * len(pattern.findall(paragraph)) for pattern, weight in cues)
        if score > best_score:
            best, best_score = role, score
    return best if best_score >= MIN_CUE_SCORE else None
