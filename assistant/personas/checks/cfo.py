"""The CFO's lens: price, unit economics, the size of the market, investment and payback."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.clarity.text import Sentence
from assistant.personas.checks.base import Check, ReviewContext, finding, terms
from assistant.personas.models import Finding

AMOUNT = re.compile(r"[$€£¥]\s?\d|\b\d[\d,.]*\s?(?:usd|eur|gbp|dollars?|euros?|pounds?|cents?)\b|"
                    r"\b(?:usd|eur|gbp)\s?\d", re.IGNORECASE)
PERMANENTLY_FREE = re.compile(r"\b(?:free\s+(?:and\s+open[\s-]source|forever|of\s+charge|to\s+use|for\s+everyone)|"
                              r"(?:is|are|stays?|remains?)\s+(?:completely\s+|entirely\s+|always\s+)?free\b|"
                              r"open[\s-]source|no\s+cost|costs?\s+nothing|at\s+no\s+charge|"
                              r"freely\s+(?:available|consumed|used|usable)|"
                              r"\bfree\s+(?:api|app|service|tool|library|download|plan|tier|edition|version)\b)",
                              re.IGNORECASE)
TEMPORARILY_FREE = re.compile(r"\bfree\b[^.\n]{0,40}\b(?:during|while|until|for\s+the\s+first|beta|preview|mvp|pilot|"
                              r"early\s+access|trial|launch\s+period)\b|\bfree\s+(?:trial|beta|preview)\b",
                              re.IGNORECASE)
PRICE_WORDS = terms("price*", "pricing", "subscription*", "fee", "fees", "per month", "per seat", "per user",
                    "how much", "paid plan*", "paid tier*")

UNIT_ECONOMICS = terms("unit economics", "margin*", "cost to serve", "costs to serve", "cost us", "costs us",
                       "cost per customer", "cost per user", "CAC", "LTV", "lifetime value", "acquisition cost*",
                       "break even", "breakeven", "break-even", "cost of goods", "COGS", "contribution",
                       "hosting cost*", "infrastructure cost*", "serving cost*", "running cost*", "cost to run",
                       "P&L", "profit*")
# What running it costs, in money: a public service's answer to unit economics ("will pay $45,000
# a year to run it").
RUN_COST = re.compile(r"[$€£]\s?\d[\d,.]*\s?(?:k|m|million)?\s+(?:a|per|each)\s+(?:year|month)\s+to\s+"
                      r"(?:run|operate|host)"
                      r"|\bcosts?\s+[$€£]\s?\d[\d,.]*\s?(?:k|m|million)?\s+(?:a|per|each)\s+(?:year|month)\s+to\s+"
                      r"(?:run|operate|host)"
                      # "£18,000 a year of hosting", "$400 a month in cloud costs"
                      r"|[$€£]\s?\d[\d,.]*\s?(?:k|m|million)?\s+(?:a|per|each)\s+(?:year|month)\s+(?:of|in|for)\s+"
                      r"(?:hosting|running|infrastructure|cloud|servers?|compute)\b", re.IGNORECASE)
# Any count of the people it serves ("our 22 analysts"): an internal tool's whole market.
A_COUNT = re.compile(r"\b\d[\d,.]*\b")

MARKET_NOUNS = re.compile(
    r"\b(?:market|customers|users|businesses|companies|people|teams|developers|households|stores|shops|pharmacies|"
    r"clinics|hospitals|organi[sz]ations|owners|patients|doctors|schools|students|restaurants|merchants|sellers|buyers|"
    r"creators|engineers|professionals|families|adults|drivers|farms|firms|practices|projects|repositories|accounts|"
    r"members|subscribers|studios|"
    # a public service's demand: "4,200 applicants", "residents"
    r"applicants|residents|citizens|homeowners|contractors|tenants|landlords|visitors|passengers|"
    # people by age, role or trade: "6 million children have asthma", "40,000 freelancers in Lisbon"
    r"children|kids|parents|teens|teenagers|seniors|retirees|women|men|workers|employees|nurses|teachers|"
    r"freelancers|consultants|designers|writers|researchers|caregivers|carers|commuters|travell?ers|riders|"
    r"couriers|athletes|gamers|readers|listeners|viewers|shoppers|consumers|renters|borrowers|investors|"
    r"traders|vendors|suppliers|growers|farmers|gardeners|dentists|pharmacists|physicians|therapists|clinicians|"
    r"veterinarians|vets|lawyers|accountants|universities|libraries|charities|nonprofits|councils|"
    r"municipalities|agencies|startups|builders|plumbers|electricians|musicians|artists|photographers|"
    r"authors|coaches|tutors|learners|pet\s+owners|"
    r"(?:received|submitted|filed|processed)\s+[\d,]+\s+(?:\w+\s+)?applications)\b", re.IGNORECASE)
# The colleagues an internal tool serves ("our 22 analysts", "40 support agents").
INTERNAL_USERS = re.compile(r"\b(?:analysts|agents|employees|staff|colleagues|engineers|accountants|nurses|"
                            r"clerks|operators|technicians|reps|representatives|managers|subsidiaries|offices|sites|"
                            r"branches|departments)\b", re.IGNORECASE)
# A count of customers is a big number: 19,000 / 4500 / 2.5 million / tens of thousands (not "$39", not "20").
BIG_NUMBER = re.compile(r"(?<![$€£\d.,])\b(?:\d{1,3}(?:,\d{3})+|\d{4,}|"
                        r"\d+(?:\.\d+)?\s?(?:k|m|bn|thousand|million|billion)\b)|"
                        r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundreds\s+of|tens\s+of)\s+"
                        r"(?:thousand|million|billion)\b", re.IGNORECASE)
MARKET_TERMS = re.compile(r"\b(?:TAM|SAM|SOM|total\s+addressable|addressable\s+market|market\s+size)\b|"
                          r"[$€£]\s?\d[\d,.]*\s?(?:k|m|bn|thousand|million|billion)?\s+(?:market|industry)\b")
YEARS = re.compile(r"^(?:19|20)\d\d$")

INVESTMENT = terms("invest*", "payback", "pay back", "pays back", "paid back", "break even", "breakeven", "budget*",
                   "headcount", "cost to build", "build cost*", "development cost*", "funding", "funded", "P&L",
                   "return on", "ROI", "capex", "person-months", "engineer-months", "person-years", "runway")
TEAM_SIZE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:full[\s-]time\s+)?"
                       r"(?:engineers?|developers?|people|designers?|FTEs?)\b|\bteam\s+of\s+(?:\d+|one|two|three|four|"
                       r"five|six|seven|eight|nine|ten)\b|\b\d+\s+(?:engineering\s+)?(?:months|weeks)\s+(?:of\s+)?"
                       r"(?:work|development|engineering)\b", re.IGNORECASE)


def _priced(ctx: ReviewContext) -> bool:
    """The document states a price somewhere: an amount, or a price in words ("boaters pay nothing;
    marinas pay 8% of each booking") that is not only free for now."""
    if ctx.mentions(AMOUNT):
        return True
    from assistant.questions.answertype import states_a_price

    return any(states_a_price(text) and not TEMPORARILY_FREE.search(text)
               for sentence in ctx.sentences() if not ctx.is_question(sentence)
               for text in (ctx.sentence_text(sentence),))


def price(ctx: ReviewContext) -> Iterator[Finding]:
    if _priced(ctx):
        return
    temporary = ctx.first(TEMPORARILY_FREE, skip_questions=True)
    if temporary is not None:
        sentence, match = temporary
        yield from finding(
            ctx.quote_sentence(sentence, match), "major",
            "It is free for now: what will it cost after that, and will customers still come at that price?",
            "State the price after the free period (or the range you are testing) and when it starts.",
            gap=True,
        )
        return
    if ctx.mentions(PERMANENTLY_FREE):
        return
    mention = ctx.first(PRICE_WORDS, "press_release", skip_questions=True)
    quote = ctx.quote_sentence(*mention) if mention else ctx.anchor("call_to_action")
    yield from finding(
        quote, "blocker",
        "What does the customer pay, and how did we choose that price?",
        "State the price in the call to action ('$12 per user per month', or 'free and open source') and say "
        "who pays it.",
        gap=True,
    )


# Who keeps a free, open-source project going: sponsors, grants, a foundation, paid maintainers.
SUSTAINED = terms("sponsor*", "donat*", "grant", "grants", "funded", "funding", "foundation", "maintainer*",
                  "volunteer*", "paid tier*", "paid plan*", "support contract*", "hosted version")


def unit_economics(ctx: ReviewContext) -> Iterator[Finding]:
    if ctx.mentions(UNIT_ECONOMICS) or ctx.mentions(RUN_COST):
        return
    if not ctx.mentions(AMOUNT) and ctx.mentions(PERMANENTLY_FREE) and not ctx.mentions(TEMPORARILY_FREE):
        # Free and open source: no price to take a cost to serve from. What the CFO asks is who
        # pays for the project's time and hosting; a document that says so has answered.
        if ctx.mentions(SUSTAINED):
            return
        free = ctx.first(PERMANENTLY_FREE, skip_questions=True)
        quote = ctx.quote_sentence(*free) if free else ctx.anchor("call_to_action", "summary")
        yield from finding(
            quote, "minor",
            "It is free: who pays for the maintainers' time and the hosting, and for how long?",
            "Add an internal FAQ on how the project is sustained (sponsors, a grant, a paid tier) and what it costs "
            "to run.",
            gap=True,
        )
        return
    # (the price sentence, "Membership costs £60 a year per theatre", not the first amount, which is
    # often the problem's: "each show spends £300 on costumes it never uses again")
    priced = _the_price_sentence(ctx) or ctx.first(AMOUNT) or ctx.first(PRICE_WORDS, skip_questions=True)
    quote = ctx.quote_sentence(*priced) if priced else ctx.anchor("call_to_action", "summary")
    yield from finding(
        quote, "major",
        "What does each customer cost us to serve, and what is left of the price after that?",
        "Add an internal FAQ with the cost to serve one customer (hosting, support, payments) next to the price.",
        gap=True,
    )


def _the_price_sentence(ctx: ReviewContext) -> tuple[Sentence, re.Match[str]] | None:
    """The first amount in the call to action, else the first beside a word of pricing ("costs",
    "per month", "subscription")."""
    found = list(ctx.search(AMOUNT, skip_questions=True))
    action = ctx.paragraph_sentences("call_to_action")
    in_action = next(((s, m) for s, m in found if any(a.start <= s.start < a.end for a in action)), None)
    return in_action or next(((s, m) for s, m in found if PRICE_WORDS.search(ctx.copy, s.start, s.end)
                              or _COSTS.search(ctx.copy, s.start, s.end)), None)


_COSTS = re.compile(r"(?i)\b(?:costs?|charges?|is priced at|per (?:month|year|week|user|seat|member|team|store|site|"
                    r"location))\b")


def _sized(ctx: ReviewContext) -> bool:
    """A market size: TAM-like words, or a big number and a kind of customer in one sentence (any
    number, for an internal tool: its market is the colleagues it serves)."""
    if ctx.mentions(MARKET_TERMS):
        return True
    if "internal" in ctx.kinds and any(
            MARKET_NOUNS.search(ctx.copy, s.start, s.end) or INTERNAL_USERS.search(ctx.copy, s.start, s.end)
            for s, _ in ctx.search(A_COUNT)):
        return True
    # Each sentence is searched for a customer noun at most once: a 10,000-row table is one long
    # "sentence" with thousands of numbers, and searching it again per number was quadratic.
    checked: dict[int, bool] = {}
    for sentence, match in ctx.search(BIG_NUMBER):
        if YEARS.match(match.group()):
            continue
        if sentence.start not in checked:
            checked[sentence.start] = MARKET_NOUNS.search(ctx.copy, sentence.start, sentence.end) is not None
        if checked[sentence.start]:
            return True
        # "about 1.1 million offices with a shared kitchen": a big count of things of any plural
        # name that is no unit of time, money or work (the list above cannot name every trade)
        counted = _COUNTED.match(ctx.copy, match.end(), sentence.end)
        if counted and counted.group("noun").lower() not in _UNITS:
            return True
    return False


_COUNTED = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]{3,}s)\b")
_UNITS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "dollars",
                    "pounds", "euros", "rupees", "points", "percent", "times", "units", "pieces", "items", "bytes",
                    "requests", "calls", "orders", "transactions", "messages", "rows", "lines", "words", "pages",
                    "files", "steps", "miles", "kilometres", "kilometers", "metres", "meters", "litres", "liters",
                    "tons", "tonnes", "grams", "views", "clicks", "downloads", "tickets", "incidents", "visits",
                    "sessions", "events", "records", "hits", "bottles", "boxes", "parcels", "deliveries", "meals",
                    "trips", "tests", "runs", "builds"})


def market_size(ctx: ReviewContext) -> Iterator[Finding]:
    if _sized(ctx):
        return
    quote = ctx.quote(ctx.doc.subheading.start, ctx.doc.subheading.end) if ctx.doc.subheading else None
    yield from finding(
        quote or ctx.headline_quote(), "major",
        "How many customers have this problem, and how many of them would pay for this?",
        "Size the market in an internal FAQ: how many customers like this exist, and how many we can reach.",
        gap=True,
    )


def investment(ctx: ReviewContext) -> Iterator[Finding]:
    if ctx.mentions(INVESTMENT) or ctx.mentions(TEAM_SIZE):
        return
    yield from finding(
        ctx.anchor("summary"), "major",
        "What do we have to invest to build and run this, and when does it pay back?",
        "Add an internal FAQ with the team and months it takes, the running cost, and when revenue covers them.",
        gap=True,
    )


CHECKS = [
    Check("cfo.price", "No price, or only a temporary free offer", price),
    Check("cfo.unit_economics", "No cost to serve a customer or margin", unit_economics),
    Check("cfo.market_size", "No size of the market", market_size),
    Check("cfo.investment", "No investment or payback", investment),
]
