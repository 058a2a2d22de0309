"""Vague quantities and weasel words: "many", "a big part", "some money", "significantly" stand
where a number should. Reviewers ask "how many?" every time. Questions are exempt ("How many
stores could use it?" is the right question to ask).

Every instance costs, however long the document: the rule normalises per 100 words only up to
MAX_WORDS, so one figure turned vague in a 2,500-word PR/FAQ still lowers the score visibly."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.clarity.rules.base import Context, Hit, Phrases, Rule, word_list

VAGUE = (
    "many", "numerous", "various", "several", "countless", "a number of", "a lot of", "lots of", "lots", "a lot",
    "a great deal of", "a good deal of", "a majority of", "the majority of", "the vast majority of", "nearly all",
    "a large majority of", "a vast majority of", "a clear majority of", "a minority of", "a small minority of",
    "almost all", "virtually all", "most of", "a few", "a handful of", "plenty of", "tons of", "a ton of",
    "significantly", "significant", "substantially", "substantial", "considerably", "considerable",
    "a significant number of", "a large number of", "a small number of", "large numbers of",
    "a large number", "a small number", "a significant number", "a significant amount", "a significant portion",
    "a big part", "a large part", "a good part", "a small part", "a big chunk", "a large chunk",
    "a large share", "a big share", "a small share", "a large portion", "a big portion", "a small portion",
    "a large percentage", "a small percentage", "a high percentage",
    "some money", "a modest fee", "a small fee", "a nominal fee", "a modest sum", "a modest amount",
    "a bunch of", "a whole lot", "more and more", "increasingly", "widely", "extensive", "massive",
    "a small amount", "a large amount", "a fraction of", "a fraction", "a little", "a bit", "for a while",
    "in a while", "soon", "shortly", "in the near future", "in a timely manner", "at scale",
    # Orders of magnitude stand where the count belongs: "thousands of farmers" (how many?).
    "dozens of", "hundreds of", "thousands of", "millions of", "billions of", "the bulk of",
    "a growing number of", "an increasing number of", "a growing share of", "double digits", "double-digit",
    # How often, where a rate belongs ("often": how many times in how many?), and a rank without
    # the count behind it ("one of the top reasons": named by how many?)
    "often", "frequently", "sometimes", "occasionally", "rarely", "seldom", "regularly", "routinely",
    "commonly", "more often than not", "all the time", "time and again", "again and again", "from time to time",
    "one of the top", "one of the biggest", "one of the main", "one of the leading", "one of the largest",
    "one of the most common", "one of the most frequent",
    # An amount near nothing, or "way more", where the figure belongs: "errors dropped to nearly
    # zero" (from what, to what?), "near-zero downtime" (how many seconds?).
    "nearly zero", "almost zero", "close to zero", "virtually zero", "near zero", "near-zero", "next to nothing",
    "next to no", "a tiny fraction", "a good portion", "a handful", "a sizable", "a sizeable", "negligible", "way more",
    "way less", "way fewer",
)
# A time or a price without its figure: the two a release most often turns vague ("the app
# reorders almost instantly", "an affordable monthly plan"). Plain "quickly" and "instantly" stay
# out: in real releases they mostly say how a thing is done ("revoked instantly"), not how long.
VAGUE_TIME = (
    "almost instantly", "nearly instantly", "virtually instantly", "almost immediately", "nearly immediately",
    "in no time", "in next to no time", "in a flash", "in a jiffy", "in a matter of seconds",
    "in a matter of minutes", "in a matter of hours", "in a matter of days", "in a matter of weeks",
)
VAGUE_PRICE = (
    "affordable", "low-cost", "low cost", "inexpensive", "budget-friendly", "competitively priced",
    "reasonably priced", "a low price", "a modest price", "a fair price", "a low monthly fee", "a low fee",
)
TIME_PHRASES = Phrases(VAGUE_TIME)
PRICE_PHRASES = Phrases(VAGUE_PRICE)
VAGUE_PHRASES = Phrases(VAGUE)
SUGGESTION = "give the number: how many, how much, out of how many"
MAX_WORDS = 400
# "most" or "few" followed by one of these is a quantity standing alone ("most will", "few are").
_FUNCTION_WORDS = frozenset(word_list(
    "are is was were will would can could do did have has had of in on at to and or but who that use need get "
    "want see pay"
))


# After these, "most" says how much something matters to someone ("care about most", "what they
# value most"), not a share of anything.
_CARED_ABOUT = frozenset(word_list(
    "about matter matters mattered care cares cared love loves loved like likes liked value values valued want wants "
    "wanted need needs needed enjoy enjoys fear fears feared hate hates trust trusts miss misses missed"
))


def _countable(word: str) -> bool:
    """A plural noun ("customers", "teams"), as far as a word list can tell."""
    return word.isalpha() and len(word) > 3 and word.endswith("s") and not word.endswith("ss")


def _standing_alone(ctx: Context) -> Iterator[tuple[int, int]]:
    """"most" and "few" as quantities: before a plural noun ("most customers", "few teams"),
    before a verb or preposition ("most will", "few of"), or ending a clause ("cuts most."). "The
    most useful" is a superlative (the unquantified-claim rule's), "a few" is in the phrase list."""
    for sentence, lowers in zip(ctx.prose.sentences, ctx.lowered, strict=True):
        if ctx.is_question(sentence):
            continue
        for i, word in enumerate(lowers):
            if word not in ("most", "few"):
                continue
            before = lowers[i - 1] if i else ""
            if before in ("the", "at", "a", "very") and word == "most" or before == "a":
                continue
            if word == "most" and before in _CARED_ABOUT:
                continue  # "the thing people care about most": how much, not how many
            if i + 1 == len(lowers):
                yield sentence.words[i].start, sentence.words[i].end
                continue
            gap = ctx.copy[sentence.words[i].end : sentence.words[i + 1].start]
            following = lowers[i + 1]
            if word == "most" and following == "of":
                continue  # "most of" is in the phrase list
            if gap.strip(" ") or _countable(following) or following in _FUNCTION_WORDS:
                yield sentence.words[i].start, sentence.words[i].end


# "a lot" is a quantity before "of", a comparative or a clause's end ("helps a lot", "a lot
# faster"); before a noun it is the noun lot ("every case carries a lot code", "a lot number").
_LOT_NOUN = re.compile(r"\s+(?!of\b|more\b|less\b|fewer\b|\w+er\b|\w+ly\b)[a-z]\w*")


def _lot_is_a_noun(ctx: Context, start: int, end: int) -> bool:
    return ctx.text[start:end].lower() == "a lot" and _LOT_NOUN.match(ctx.copy, end) is not None


# A duration with no number, where the problem's cost is told: "teams spend hours chasing
# invoices", "it saves days of work", "hours of copying". How many hours, out of how many? Working
# hours, opening hours and "24 hours" name a time, not a cost, and do not match.
_BARE_DURATION = re.compile(
    r"\b(?:spend|spends|spent|spending|waste|wastes|wasted|wasting|lose|loses|lost|losing|take|takes|took|"
    r"taking|save|saves|saved|saving|cost|costs|wait|waits|waited|waiting|burn|burns|burned|burnt)"
    r"\s+(?P<unit>minutes|hours|days|weeks|months)\b"
    r"|\b(?P<unit2>[Hh]ours|[Dd]ays|[Ww]eeks|[Mm]onths)\s+of\s+(?!the\b|a\b|an\b)")


def _bare_durations(ctx: Context) -> Iterator[tuple[int, int]]:
    for match in _BARE_DURATION.finditer(ctx.copy):
        group = "unit" if match.group("unit") else "unit2"
        start, end = match.span(group)
        if group == "unit2" and _NUMBER_BEFORE.search(ctx.copy[max(0, start - 24) : start]):
            continue  # "3 hours of", "ten days of", "several hours of" (the phrase list has "several")
        if any(ctx.is_question(s) and s.start <= start < s.end for s in ctx.prose.sentences):
            continue
        yield start, end


_NUMBER_BEFORE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|"
                            r"thirty|forty|fifty|sixty|hundred|few|several|many|these|those|the|business|"
                            r"office|opening|working|school|peak|off-peak))\s+$", re.I)


# "as soon as it reconnects" says when, exactly: a conjunction, not a vague "soon".
_AS_SOON_AS = re.compile(r"\bas\s+$", re.IGNORECASE)


def _as_soon_as(ctx: Context, start: int, end: int) -> bool:
    if ctx.text[start:end].lower() != "soon":
        return False
    return _AS_SOON_AS.search(ctx.copy, max(0, start - 4), start) is not None \
        and re.match(r"\s+as\b", ctx.copy[end:], re.IGNORECASE) is not None


# "Mistakes are common", "Double bookings are rare": a frequency stated as a quality. Not "those are
# common requests", where the adjective qualifies a noun.
_FREQUENCY_PREDICATE = re.compile(
    r"\b(?:is|are|was|were|remain|remains|stay|stays)\s+(?:very\s+|quite\s+|fairly\s+|so\s+|still\s+)?"
    r"(?:common|rare|frequent|widespread|commonplace|uncommon)\b"
    r"(?=\s*(?:[,.;:!?)\u2014]|$)|\s+(?:among|in|for|when|across|with|at|on)\b)", re.IGNORECASE)


def _frequency_predicates(ctx: Context) -> Iterator[tuple[int, int]]:
    for match in _FREQUENCY_PREDICATE.finditer(ctx.copy):
        if not any(ctx.is_question(s) and s.start <= match.start() < s.end for s in ctx.prose.sentences):
            yield match.span()


# "Frequently asked questions" names the FAQ; it counts nothing.
_ASKED_QUESTIONS = re.compile(r"\s+asked\s+questions\b", re.IGNORECASE)


def _names_the_faq(ctx: Context, start: int, end: int) -> bool:
    return ctx.text[start:end].lower() in ("frequently", "commonly", "often") \
        and _ASKED_QUESTIONS.match(ctx.copy, end) is not None


def check(ctx: Context) -> Iterator[Hit]:
    spans = [(hit.start, hit.end) for hit in VAGUE_PHRASES.find(ctx, skip_questions=True)
             if not _lot_is_a_noun(ctx, hit.start, hit.end) and not _as_soon_as(ctx, hit.start, hit.end)
             and not _names_the_faq(ctx, hit.start, hit.end)]
    found = spans + list(_standing_alone(ctx)) + list(_bare_durations(ctx)) + list(_frequency_predicates(ctx))
    for start, end in sorted(set(found)):
        words = ctx.text[start:end]
        yield Hit(start, end, f"vague quantity: '{words}' where a number belongs", SUGGESTION)
    for hit in TIME_PHRASES.find(ctx, skip_questions=True):
        words = ctx.text[hit.start:hit.end]
        yield Hit(hit.start, hit.end, f"vague time: '{words}' where a duration belongs",
                  "give the time it takes, measured: 'in 8 seconds', 'from 40 minutes to 5'")
    for hit in PRICE_PHRASES.find(ctx, skip_questions=True):
        words = ctx.text[hit.start:hit.end]
        yield Hit(hit.start, hit.end, f"vague price: '{words}' where the price belongs",
                  "give the price and what it buys: '$29 a month per store'")


RULE = Rule("vague_quantity", "vague", 1.5, "Vague quantities instead of numbers", check, max_words=MAX_WORDS)
