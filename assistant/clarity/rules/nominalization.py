"""Nominalizations: verbs turned into nouns ("the implementation of", "make a decision"). They
lengthen sentences and hide who acts; the verb is shorter and clearer."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.clarity.rules.base import Context, Hit, Phrases, Rule, word_list

# "<noun>-tion/-ment/-ance/-ence of": the classic pattern ("the reduction of costs").
SUFFIXES = ("tion", "sion", "ment", "ance", "ence")
MIN_NOUN_LENGTH = 8
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
LIGHT_VERB_PHRASES = Phrases(LIGHT_VERB)
VERB_OF = {
    "implementation": "implement", "reduction": "reduce", "creation": "create", "introduction": "introduce",
    "development": "develop", "management": "manage", "improvement": "improve", "completion": "complete",
    "utilization": "use", "optimization": "optimise", "integration": "integrate", "adoption": "adopt",
    "acquisition": "acquire", "elimination": "eliminate", "production": "produce", "provision": "provide",
    "establishment": "establish", "assessment": "assess", "performance": "perform", "maintenance": "maintain",
    "reliance": "rely on", "investigation": "investigate", "consideration": "consider", "expansion": "expand",
    "automation": "automate", "identification": "identify", "evaluation": "evaluate", "analysis": "analyse",
}


def _nouns_of(ctx: Context) -> Iterator[tuple[int, int, str]]:
    for sentence, lowers in zip(ctx.prose.sentences, ctx.lowered, strict=True):
        for i, word in enumerate(lowers[:-1]):
            if lowers[i + 1] == "of" and len(word) >= MIN_NOUN_LENGTH and word.endswith(SUFFIXES) \
                    and word.isalpha() and word not in CONCRETE:
                yield sentence.words[i].start, sentence.words[i + 1].end, word


def check(ctx: Context) -> Iterator[Hit]:
    for start, end, noun in _nouns_of(ctx):
        verb = VERB_OF.get(noun)
        advice = f"use the verb: '{verb} X'" if verb else "use the verb the noun hides, with its actor"
        words = ctx.text[start:end]
        yield Hit(start, end, f"nominalization: '{words}' buries the verb", advice)
    for hit in LIGHT_VERB_PHRASES.find(ctx):
        words = ctx.text[hit.start : hit.end]
        yield Hit(hit.start, hit.end, f"nominalization: '{words}'", f"say '{LIGHT_VERB[hit.phrase]}'")


RULE = Rule("nominalization", "wordiness", 1.0, "Verbs turned into nouns", check)
