"""Nominalizations: verbs turned into nouns ("the implementation of", "make a decision"). They
lengthen sentences and hide who acts; the verb is shorter and clearer."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.clarity.rules.base import Context, Hit, Rule, phrase_pattern, sentences_with_matches, word_list

# "<noun>-tion/-ment/-ance/-ence of": the classic pattern ("the reduction of costs").
NOUN_OF_RE = re.compile(r"\b(?P<noun>[a-z]{4,}(?:tion|sion|ment|ance|ence))\s+of\b", re.I)
CONCRETE = frozenset(
    word_list("portion section position nation station edition version question option fraction proportion "
    "population region moment government department apartment element segment instrument document "
    "equipment ambulance distance instance balance audience evidence science sentence conference "
    "residence difference percentage mention collection selection generation location condition "
    "tradition attention lotion motion emotion caution fiction mission vision television occasion "
    "comment payment environment tournament parliament monument ornament basement statement agreement "
    "presence absence influence sequence silence violence existence patience experience "
    "importance appearance distance substance province entrance confidence intelligence independence")
)
# Light verb + noun: "make a decision" -> "decide".
LIGHT_VERB = {
    "make a decision": "decide", "made a decision": "decided", "make decisions": "decide",
    "make an assessment": "assess", "conduct an analysis": "analyse", "perform an analysis": "analyse",
    "do an analysis": "analyse", "perform an evaluation": "evaluate", "conduct an evaluation": "evaluate",
    "provide assistance": "help", "give consideration to": "consider", "take into consideration": "consider",
    "have a discussion": "discuss", "reach a conclusion": "conclude", "come to a conclusion": "conclude",
    "make improvements": "improve", "make an improvement": "improve", "come to an agreement": "agree",
    "make a recommendation": "recommend", "conduct a review": "review", "perform a review": "review",
    "make a purchase": "buy", "make a payment": "pay", "provide support": "support",
    "make a change": "change", "make changes": "change", "give an explanation": "explain",
    "provide an explanation": "explain", "make an investment": "invest", "carry out an investigation": "investigate",
}
LIGHT_VERB_RE = phrase_pattern(list(LIGHT_VERB))
VERB_OF = {
    "implementation": "implement", "reduction": "reduce", "creation": "create", "introduction": "introduce",
    "development": "develop", "management": "manage", "improvement": "improve", "completion": "complete",
    "utilization": "use", "optimization": "optimise", "integration": "integrate", "adoption": "adopt",
    "acquisition": "acquire", "elimination": "eliminate", "production": "produce", "provision": "provide",
    "establishment": "establish", "assessment": "assess", "performance": "perform", "maintenance": "maintain",
    "reliance": "rely on", "investigation": "investigate", "consideration": "consider", "expansion": "expand",
    "automation": "automate", "identification": "identify", "evaluation": "evaluate", "analysis": "analyse",
}


def check(ctx: Context) -> Iterator[Hit]:
    for _sentence, match in sentences_with_matches(ctx, NOUN_OF_RE):
        noun = match.group("noun").lower()
        if noun in CONCRETE:
            continue
        verb = VERB_OF.get(noun)
        advice = f"use the verb: '{verb} X'" if verb else "use the verb the noun hides, with its actor"
        words = ctx.text[match.start() : match.end()]
        yield Hit(match.start(), match.end(), f"nominalization: '{words}' buries the verb", advice)
    for _sentence, match in sentences_with_matches(ctx, LIGHT_VERB_RE):
        words = ctx.text[match.start() : match.end()]
        verb = LIGHT_VERB[" ".join(words.lower().split())]
        yield Hit(match.start(), match.end(), f"nominalization: '{words}'", f"say '{verb}'")


RULE = Rule("nominalization", "wordiness", 1.0, "Verbs turned into nouns", check)
