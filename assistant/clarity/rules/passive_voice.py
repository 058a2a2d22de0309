"""Passive voice: a form of "be" followed by a past participle ("was built", "are being
reviewed"). Predicate adjectives that look like participles ("is based in", "are interested",
"is located") are the usual false alarms and are exempt."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.clarity.rules.base import Context, Hit, Rule, word_list

BE = frozenset(word_list("am is are was were be been being isn't aren't wasn't weren't"))
# Words that may sit between "be" and the participle ("is automatically sent", "is being sent").
BETWEEN = frozenset(word_list("not also already often always never now then still just only usually being"))
IRREGULAR = word_list(
    "written made done given taken seen known shown built sent found held kept left lost paid put "
    "told thought brought bought caught taught sold spent won begun broken chosen driven eaten fallen "
    "forgotten gotten hidden ridden risen shaken spoken stolen sworn torn worn woven drawn grown thrown "
    "flown blown understood led fed met hit cut shut split spread hurt cast bound ground laid said meant "
    "heard felt dealt sought fought struck hung born borne beaten bitten forbidden forgiven frozen "
    "overtaken undertaken withdrawn overseen rebuilt rewritten upheld withheld mistaken set run read "
    "sunk shot slain sped spun stuck stung swept swung undone unseen woken"
)
IRREGULAR_SET = frozenset(IRREGULAR)
# Participles used as adjectives after "be": describing a state, not hiding an actor.
PREDICATE_ADJECTIVES = frozenset(
    word_list("based located interested excited pleased delighted thrilled concerned involved married tired "
    "worried surprised satisfied supposed used related committed dedicated experienced qualified "
    "complicated detailed advanced skilled talented crowded scared bored confused frustrated annoyed "
    "disappointed embarrassed amazed ashamed exhausted determined convinced obsessed opposed entitled "
    "aged armed balanced biased blessed closed connected contained crooked distributed divided "
    "engaged exposed finished gone limited mixed needed noted organized organised packed pleased "
    "prepared priced rated relaxed reserved retired shocked sized stressed stuck sophisticated "
    "talented unrelated unused unmatched unsupported varied wicked")
) - {"needed"}
NOT_PARTICIPLES = frozenset(word_list("bed red shed sled speed need seed feed weed bleed breed indeed hundred kindred "
                            "naked wicked sacred rugged"))


def _participle_after(lowers: list[str], i: int) -> int | None:
    """Index of the past participle that completes the "be" at `i`, if there is one."""
    j = i + 1
    while j < len(lowers) and (lowers[j] in BETWEEN or (lowers[j].endswith("ly") and lowers[j].isalpha())):
        j += 1
    if j >= len(lowers):
        return None
    word = lowers[j]
    if not (word in IRREGULAR_SET or (word.endswith("ed") and word.isalpha())):
        return None
    if word in PREDICATE_ADJECTIVES or word in NOT_PARTICIPLES:
        return None
    by_follows = j + 1 < len(lowers) and lowers[j + 1] == "by"
    if word == "done" and not by_follows:
        return None  # "the filings are done": finished, a state; "it is done by hand" still acts
    if word.startswith("un") and not by_follows:
        return None  # "fares are unchanged", "invoices are unpaid": a state; "was unlocked by an admin" acts
    return j


def check(ctx: Context) -> Iterator[Hit]:
    for sentence, lowers in zip(ctx.prose.sentences, ctx.lowered, strict=True):
        for i, word in enumerate(lowers):
            if word not in BE:
                continue
            j = _participle_after(lowers, i)
            if j is None:
                continue
            start, end = sentence.words[i].start, sentence.words[j].end
            yield Hit(
                start,
                end,
                f"passive voice: '{ctx.text[start:end]}' hides who acts",
                "put the actor first: say who does it ('the team reviews it', not 'it is reviewed')",
            )


RULE = Rule("passive_voice", "voice", 1.0, "Passive voice that hides who acts", check)
