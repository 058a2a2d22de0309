"""Comparative and superlative claims with no number in the sentence: "faster", "the best",
"significantly cheaper". The brief's example: write "cuts reorder time from 90 to 10 minutes",
not "dramatically faster". Questions are exempt (asking "is it faster?" claims nothing)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.clarity.rules.base import Context, Hit, Rule, word_list

COMPARATIVES = word_list(
    "faster quicker sooner better cheaper easier simpler smaller larger bigger higher lower greater "
    "fewer longer shorter safer stronger smarter clearer lighter slower tighter richer smoother "
    "sharper leaner healthier happier"
)
SUPERLATIVES = word_list(
    "fastest quickest best cheapest easiest simplest smallest largest biggest highest lowest greatest "
    "fewest safest strongest smartest clearest lightest leading"
)
# "more X" is a claim when X is a quality ("more reliable"), not a quantity ("more from", "more
# stores"; the vague-quantity rule asks about those).
QUALITIES = word_list(
    "efficient reliable secure accurate productive affordable convenient intuitive powerful flexible "
    "scalable effective easily quickly efficiently accessible responsive useful valuable consistent "
    "transparent personal relevant engaging important popular competitive efficient profitable "
    "resilient robust stable fluent"
)
DEGREE = r"(?:(?:significantly|substantially|considerably|dramatically|drastically|much|far|vastly|"
DEGREE += r"greatly|way|even|a\s+lot|far)\s+)"
CLAIM_RE = re.compile(
    r"\b(?P<claim>" + DEGREE + r"?(?:"
    + "|".join(COMPARATIVES)
    + r"|(?:more|less)\s+(?:[a-z]{2,}(?:ive|able|ible|ful|ous|ly)|" + "|".join(QUALITIES) + r")"
    + r"|(?:the\s+)?(?:" + "|".join(SUPERLATIVES) + r"|most\s+[a-z]{4,})"
    + r"|number\s+one|#1|world['’]s\s+first|first[- ]ever))\b",
    re.I,
)
# A sentence without one of these words cannot hold a claim: skip it before any regex runs.
TRIGGERS = frozenset(COMPARATIVES) | frozenset(SUPERLATIVES) | {
    "more", "less", "most", "number", "world's", "first", "first-ever"}
# Idioms that contain a comparative but claim nothing.
PLAIN_ENGLISH = re.compile(
    r"\b(?:better\s+(?:off|yet)|at\s+(?:the\s+)?(?:best|least|most|latest|earliest)|(?:no|any)\s+longer|"
    r"sooner\s+or\s+later|better\s+known|all\s+the\s+better|had\s+better|the\s+sooner)\b", re.I)


def check(ctx: Context) -> Iterator[Hit]:
    for sentence, lowers in zip(ctx.prose.sentences, ctx.lowered, strict=True):
        if TRIGGERS.isdisjoint(lowers) or ctx.is_question(sentence) or ctx.sentence_has_number(sentence):
            continue
        idioms = [m.span() for m in PLAIN_ENGLISH.finditer(ctx.copy, sentence.start, sentence.end)]
        for match in CLAIM_RE.finditer(ctx.copy, sentence.start, sentence.end):
            if any(a <= match.start() < b for a, b in idioms):
                continue
            words = ctx.text[match.start() : match.end()]
            yield Hit(
                match.start(),
                match.end(),
                f"claim without a number: '{words}' than what, by how much?",
                "give the number: from X to Y (e.g. 'cuts reorder time from 90 to 10 minutes')",
            )


RULE = Rule("unquantified_claim", "vague", 0.75, "Comparatives and superlatives with no number", check)
