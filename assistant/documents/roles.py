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

# Whole words only: "An internal feature-flag service" names no feature list, "Painting crews" no pain.
_LABEL_WORDS: tuple[tuple[LabelRole, str], ...] = (
    ("getting_started", r"getting started|get started|how to (?:start|begin|get|use|try)|installation|installing|"
                        r"install|set ?up|try it"),
    ("call_to_action", r"call to action|available|availability|pricing|prices?|where to buy|learn more|how to buy"),
    ("quote", r"quotes?|testimonials?"),
    ("problem", r"problems?|challenges?|pain|pain points?|the need|background|context|status quo"),
    ("solution", r"solutions?|how it works|features?|introducing|what it does|the product"),
    ("summary", r"summary|overview|introduction"),
)
_LABELS: list[tuple[LabelRole, re.Pattern[str]]] = [
    (role, re.compile(rf"(?<![\w-])(?:{words})(?![\w-])")) for role, words in _LABEL_WORDS]
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
                     r"product (?:owner|manager|lead)|maintainer|contributor|inventor|principal investigator|"
                     # a public body's leaders: "said Mayor Angela Brooks"
                     r"mayor|governor|commissioner|minister|superintendent|city manager|county executive)\b",
                     re.IGNORECASE)
_WE = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)


# "visit" as the verb of a call to action ("visit claimkit.co.uk"), not the noun: "settled without a
# visit", "the worst part of their visit", "each clinic visit", "the visit takes ten minutes"
_VISIT_AS_A_VERB = "".join(rf"(?<!\b{word} )" for word in (
    "a", "the", "no", "one", "their", "his", "her", "our", "your", "its", "each", "every", "per", "this", "that",
    "first", "next", "last", "clinic", "home", "site")) + r"visit(?!s\b)(?! (?:is|was|takes|lasts)\b)"

_CUES: dict[ParagraphRole, list[tuple[re.Pattern[str], float]]] = {
    "problem": [
        (re.compile(r"\b(?:struggl\w*|frustrat\w*|problems?|painful|pain points?|hard to|difficult\w*|tedious|"
                    r"wast(?:e|es|ed|ing)|manual(?:ly)?|error-prone|spend(?:s|ing)? (?:hours|days|weeks)|"
                    r"can(?:no|')t|nightmare|hassle|bottlenecks?|friction|fragment\w*|scattered|blindsided|"
                    r"lose|loses|losing|lost|by hand|missed|delays?|delayed|"
                    # "berths sit empty", "boats are turned away", "nobody knows which ...": what goes wrong
                    r"turn(?:s|ed)? away|(?:sits?|sitting|stands?|standing|lies?|lying) (?:empty|idle|unused)|"
                    r"go(?:es)? unused|(?:nobody|no one) knows|money on the (?:table|water)|"
                    # what fails unseen: "a job had failed", "says nothing when it stops running", "found
                    # out from a customer", "9 days before noticing", "teams patch this with scripts"
                    r"failed|failures?|(?:had|has|have) stopped|stops? (?:running|working)|says nothing|"
                    r"kept quiet|(?:nobody|no one) notic\w*|before noticing|found out (?:about|from|when|only)|"
                    r"patch(?:es|ed)? (?:this|it|around)|work(?:s|ed)? around)\b", re.IGNORECASE), 1.0),
        (re.compile(r"\btoday\b", re.IGNORECASE), 0.5),
    ],
    "solution": [
        (re.compile(r"\bwith [^,.\n]{1,60}, (?:customers|users|you|teams|developers|owners|people|they|"
                    r"[a-z]+s) can\b", re.IGNORECASE), 2.0),
        # a paragraph that opens "With ShiftSwap, a nurse posts the shift ...": what it is like with it
        (re.compile(r"^[\s*_]*With\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2},\s"), 2.0),
        (re.compile(r"\bnow\b", re.IGNORECASE), 0.5),
        (re.compile(r"\b(?:lets?|enables?|automatically|instead of|simply|in one (?:click|command|step)|"
                    r"(?:users|customers|you|teams|developers|owners|people) can)\b", re.IGNORECASE), 1.0),
    ],
    "getting_started": [
        (re.compile(r"\b(?:to get started|getting started|get started|sign(?:s|ing)? up"
                    r"|sign(?:s|ing)? in (?:with|at|using))\b"
                    # "To start, a practice connects its Xero account ...": a sentence opening on it
                    r"|(?:^|[.!?]\s+)[\s*_]*to (?:start|begin)(?: using [\w-]+)?,", re.IGNORECASE), 2.0),
        (re.compile(r"\b(?:install\w*|download\w*|set up|setup)\b", re.IGNORECASE), 1.0),
        (re.compile(r"(?m)^\s*(?:1[.)]\s|step 1\b)", re.IGNORECASE), 0.5),
    ],
    "call_to_action": [
        # "visit" as a verb ("visit claimkit.co.uk"), not the noun ("settled without a visit")
        (re.compile(r"\b(?:available|" + _VISIT_AS_A_VERB + r"|today at|pre-?order|pricing"
                    r"|per user)\b", re.IGNORECASE), 1.0),
        # "per month" of a price, not "one invoice a month"
        (re.compile(r"(?:[$€£]\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:usd|eur|gbp|dollars?|euros?))\s*(?:/|per|a)\s*"
                    r"(?:month|mo|year|yr|user|seat)\b|\bper month\b", re.IGNORECASE), 1.0),
        (re.compile(r"\bfree\b", re.IGNORECASE), 0.5),
        (re.compile(r"https?://|www\.|[$€£]\s?\d"), 1.5),
        # "open now at permits.riverton.gov": a bare address is where to go
        (re.compile(r"(?<![\w@./-])[a-z][\w-]*(?:\.[a-z][\w-]*)*\.(?:com|org|gov|io|net|app|dev|health|edu|ai|"
                    r"co\.uk|org\.uk|gov\.uk)\b(?![\w-])"), 1.0),
        (re.compile(r"\b(?:is|are) (?:now )?open (?:now|today)\b|\bopens? today\b", re.IGNORECASE), 1.0),
        # "Teams can start at go/switchboard": an intranet's short link is where to go, inside a company
        (re.compile(r"(?<![\w/.])go/[a-z][\w-]*"), 1.0),
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


# "Greenline today announced", "Acme launches": the company that launches, as its own text names it.
# (with what it is said between: "Skerry Ferries, which operates sailings from Oban to Mull, today launched")
_LAUNCHER = re.compile(r"(?:^|[.!?—–-]\s+|\*\*\s*)(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}),?\s+"
                       r"(?:(?:which|who|a|an|the)\b[^.;]{1,200}?,\s+)?"
                       r"(?:today\s+|now\s+|has\s+|is\s+)?(?i:announc\w*|launch\w*|introduc\w*|releas\w*|unveil\w*)\b")
# "director of the Canyon Ridge School District", "head of IT at Brightside Clinics"
_ORGANISATION = re.compile(r"\b(?:of|at)\s+(?:the\s+)?(?P<org>[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|and|&)){0,6})")


_LAUNCHED = re.compile(r"(?i:announc\w*|launch\w*|introduc\w*|releas\w*|unveil\w*)\s+(?:the\s+|its\s+|our\s+)?"
                       r"(?:new\s+)?[*_]*(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})")


def launchers(text: str) -> frozenset[str]:
    """The company that launches something in `text` (the headline, the summary), with what it
    launches: whose leaders are quoted as leaders. Empty when no company is named as launching
    ("Today we announce WWWN": who "we" are is not said there)."""
    companies = {m.group("name").rstrip(".,;:") for m in _LAUNCHER.finditer(text)}
    if not companies:
        return frozenset()
    return frozenset(companies | {m.group("name").rstrip(".,;:") for m in _LAUNCHED.finditer(text)})


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isupper())


def _titled_elsewhere(residue: str, ours: frozenset[str]) -> bool:
    """Is the title held at another organisation than the one that launches ("nutrition director
    of the Canyon Ridge School District" in a Greenline press release)? A customer's director is a
    customer."""
    orgs = [m.group("org").strip().rstrip(".,;:") for m in _ORGANISATION.finditer(residue)]
    return bool(ours and orgs) and not any(
        name in org or org in name or org == _initials(name) or name == _initials(org) for org in orgs for name in ours)


def quote_role(paragraph: str, ours: frozenset[str] = frozenset()) -> Literal["leader_quote", "customer_quote"]:
    """Leader when attributed to a title like founder/CEO/VP/director/"head of" (at the company
    that launches, when `ours` names it); customer when attributed to a customer, user or owner,
    to a title at another organisation, or to a person without such a title."""
    residue = _NOT_CUSTOMER.sub(" ", _QUOTED.sub(" ", paragraph))
    attributed = bool(_VERB.search(residue) or _DASH_ATTRIBUTION.search(paragraph))
    if _CUSTOMER.search(residue):
        return "customer_quote"
    if _LEADER.search(residue):
        return "customer_quote" if _titled_elsewhere(residue, ours) else "leader_quote"
    if attributed and len(_WORD.findall(residue)) >= 2:
        return "customer_quote"
    return "leader_quote" if _WE.search(paragraph) else "customer_quote"


def says_what_it_does(paragraph: str, names: frozenset[str]) -> int:
    """How many sentences open with a launched name doing something ("CropCall puts every farm's
    availability on one sheet", "Tally counts the shelf"): what the solution paragraph is made of."""
    if not names:
        return 0
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?:^|[.!?]\s+)[*_]*(?:{alternatives})[*_]*\s+(?!is\b|costs?\b|starts?\b)"
                         rf"(?:also\s+|then\s+|now\s+)?[a-z]+s\b")
    return len(pattern.findall(paragraph))


def cue_role(paragraph: str, names: frozenset[str] = frozenset()) -> ParagraphRole | None:
    """The role whose signal words weigh most in the paragraph, if any weigh enough. `names`: the
    company and product the opening launches (`launchers`)."""
    best: ParagraphRole | None = None
    best_score = 0.0
    scores: dict[ParagraphRole, float] = {}
    for role, cues in _CUES.items():
        score = sum(weight * len(pattern.findall(paragraph)) for pattern, weight in cues)
        if role == "solution":
            score += says_what_it_does(paragraph, names)
        scores[role] = score
        if score > best_score:
            best, best_score = role, score
    if best == "problem" and scores.get("solution", 0.0) and _opens_with_it_doing(paragraph, names):
        # "FerryMate brings everything a traveller needs into one place. ... When a sailing is delayed
        # or cancelled, FerryMate ...": what it does, told with the troubles it handles
        return "solution"
    return best if best_score >= MIN_CUE_SCORE else None


def _opens_with_it_doing(paragraph: str, names: frozenset[str]) -> bool:
    """Does the paragraph's first sentence have a launched name doing something?"""
    first = re.split(r"(?<=[.!?])\s+", paragraph.strip(), maxsplit=1)[0]
    return says_what_it_does(first, names) > 0
