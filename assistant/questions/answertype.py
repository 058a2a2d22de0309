"""What an answer to a question must contain, by the kind of question it is.

A price question needs a price or "free"; a when question a date or "available today"; a who
question a named group of people (or a person); a how-many question a figure. Every other
question (how is it different, why, what does it do) is qualitative: any answer on its subject
answers it, and no figure is demanded of it.

Used to decide `answered` against `partly`: an answer on the subject that lacks what its kind
needs is `partly`. The patterns are about English PR/FAQs; a question of no known kind is `any`.
"""

from __future__ import annotations

import functools
import re
from typing import Literal, NamedTuple

from assistant.questions.text import CUSTOMER_THINGS

Kind = Literal["price", "when", "owner", "who", "duration", "figure", "any"]

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")

# The kind of a question, first match wins (a "how much does it cost" is a price, not a figure).
_KIND_PATTERNS: tuple[tuple[Kind, str], ...] = (
        # What the problem costs is a figure, not the product's price: "How much does the problem
        # cost customers today?", "How much do stock-outs cost a store?"
        ("figure", r"\bhow much (?:does|do|did|is|are|will)\s+(?:the |this |that |today's |their |a |an )?"
                   r"(?:problem|pain|issue|status quo|downtime|delays?|churn|waste|errors?|mistakes?|outages?|"
                   r"stock-?outs?|no-?shows?|fraud|workarounds?)\b[^?]*\bcost"),
        # "How long does a claim take to pay?", "How quickly are claims paid?": a length of time, not a price
        ("duration", r"^\W*how (?:long|quickly|soon|fast)\b[^?]*\b(?:pay|pays|paid|payouts?|payments?|refunds?|"
                     r"refunded|reimburs\w*|settled?)\b"),
        # Not willingness to pay ("a real person who would pay?") nor what support costs us ("Who
        # supports customers, and at what cost?"): those want evidence and our costs, not a price.
        ("price", r"\bhow much (?:does|do|will|would|is|are)\b[^?]*\b(?:cost|pay|charge)|\b(?:price|pricing|priced|"
                  r"(?<!at what )cost|(?<!at what )costs|fee|fees|subscription)\b"
                  r"(?! (?:to|of) (?:build|serve|run|operate|us)\b)"
                  r"|\bfree\b|\bcatch\b|(?<!would )(?<!will )\bpay\b(?! (?:itself |for itself )?back)|\bcharge\b"),
        ("when", r"^\W*when\b|\bhow soon\b|\b(?:release|launch|ship) date\b|\btimeline\b|\bwhat date\b"),
        ("owner", r"^\W*who\b[^?]*\b(?:maintain|own|build|built|run|support|develop|make|made|behind)"),
        # Not "Who are the competitors?" (rival products, not whom it is for) nor "Who competes with it?"
        ("who", r"^\W*who\b(?! (?:can|could|will) (?:see|read|access))(?! (?:are|is) (?:the |our |your |its |their )?"
                r"(?:main |biggest |closest |key |direct |largest )?(?:competitors?|competition|rivals?|alternatives?|"
                r"incumbents?)\b)(?! (?:else )?compet)|\bfor whom\b|\bwhich (?:customers|users|"
                r"people|teams)\b|\btarget (?:customer|user|audience)s?\b"),
        # "How long does it take to switch?" wants a length of time, which a date ("3 March 2027") is not
        ("duration", r"\bhow (?:long|quickly)\b|\bhow much time\b"),
        ("figure", r"\bhow (?:many|big|large|often|fast|long|much)\b|\bwhat (?:percentage|share|number)\b"
                   r"|\bmarket size\b|\bsize of the market\b"),
)
_KINDS: tuple[tuple[Kind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _KIND_PATTERNS)

# Words in -er / -or that name a part of a system, not a person ("the server goes down").
THINGS_IN_ER = frozenset(re.findall(r"\S+",
    "server servers container containers scheduler schedulers provider providers controller controllers router "
    "routers parser parsers compiler compilers browser browsers printer printers sensor sensors monitor monitors "
    "processor processors connector connectors adapter adapters reader readers worker workers error errors "
    "order orders filter filters folder folders number numbers layer layers cluster clusters buffer buffers "
    "counter counters timer timers trigger triggers header headers marker markers tracker trackers"))
# "Commuters in Portland, Seattle and Vancouver can find a stolen bike", "Gardeners now know when to
# water": a sentence (a sub-heading, most often) that opens with a group of people who can do
# something. The ending says the word names people, whatever the trade.
_GROUP_THAT_CAN = (
    r"^\W*(?:[a-z]+[- ])?(?!(?:" + "|".join(sorted(w for w in THINGS_IN_ER if w.endswith("s"))) + r")\b)"
    r"[a-z]{3,}(?:ers|ors|ists|ians|ants|ents|ees)\b(?:,? (?:in|at|on|across|of|from|with) [^.;:!?]{1,60}?)?"
    r",? (?:can|could|get|gets|now|no longer|will|finally|never)\b")


# Any group a product is for, named by what it does: "lets boaters book a slip", "helps
# harbormasters fill ...", "for landlords who ...". The frame says these are people, whatever the
# word, where a word list would need every trade on earth.
_SERVES = (
    r"\b(?:lets?|helps?|allows?|enables?|gives?)\s+"
    # "lets the 2,300 people who commute", "lets island commuters book": a count, and one word
    # that says which of them
    r"(?:(?:the|all|every|each|any|its|their|our|more than|over|about|some)\s+)?(?:\d[\d,.]*\+?\s+)?"
    r"(?:(?:every|each|any|small|independent|busy|local|new|weekend|first-time|[a-z]+-[a-z]+|[a-z]{3,})\s+)?"
    # ... and not things a product lets through ("allows requests to pass", "lets files sync")
    r"(?!(?:files|requests|builds|jobs|tests|changes|queries|apps|packages|services|models|containers|"
    r"messages|records|tasks|workflows|pipelines|documents|items|orders|updates|errors|events|things)\b)"
    r"(?:[a-z]{3,}s|people|children|staff|folk)\s+(?:to\s+)?[a-z]{3,}"
    r"|\b[a-z]{3,}(?:ers|ors|ists|ians|ants|ents|ees)\s+who\b")
# A sentence that says whom the product serves, in that frame or "built for ...".
# ("Brightline today announced Closeout, a close-management app for mid-size finance teams")
SERVES = re.compile(_SERVES + r"|\b(?:built|designed|made|meant) for\b"
                    r"|\ban?\s+(?:[\w-]+\s+){0,3}(?:app|tool|service|platform|product|software|system|marketplace|"
                    r"assistant|device|network|kit|course|program(?:me)?)\s+for\b", re.IGNORECASE)

_NEEDS: dict[Kind, re.Pattern[str]] = {
    "price": re.compile(
        # "free" of price; not "feel free", "free to check", "free of lock-in", "hands-free"
        r"[$€£¥]\s?\d|\d\s?(?:usd|eur|gbp|dollars?|euros?)\b"
        # pence and cents: "25p per payout", "50 cents a month"
        r"|\b\d+(?:[.,]\d+)?(?:p|c|\s?pence|\s?cents?)\s+(?:per|a|an|each)\b"
        r"|(?<!feel )(?<![\w\u2010\u2011-])free\b(?![\w\u2010\u2011-])"
        r"(?! to (?!use\b|download|try\b|install|start|join|run\b|self-host|host\b|read\b|access)\w)"
        r"(?! of (?!charge\b|cost\b)\w)"
        r"|\bno (?:cost|charge)\b|\bat no cost\b"
        # "Nothing." as the answer to what it costs; a commission: "a 6% fee on each order"
        r"|^\W*nothing\b|\bcosts? (?:you |them |districts |customers |users )?nothing\b|\bpays? nothing\b"
        # a share as the price: "marinas pay 8% of each booking", "we charge 3% per transaction"
        r"|\b(?:pays?|paid|charges?|charged|costs?|billed|takes?)\s+(?:\w+\s+){0,2}\d+(?:[.,]\d+)?\s?%"
        r"|\d\s?%\s+(?:\w+\s+)?(?:fee|commission|cut|take rate|transaction fee)\b"
        r"|\b(?:fee|commission) of \d+(?:\.\d+)?\s?%"
        # a rate of payment, not any rate ("fewer than 5% lost per year", "three visits per month")
        r"|\b(?:billed|charged|priced|paid|pay|pays|costs?|fee|fees|subscriptions?|licen[cs]ed|plans?|renews?)\b[^.;]{0,40}?"
        r"\bper (?:month|year|seat|user|instance|gb|request)\b"
        r"|\bper (?:seat|user|instance|gb|request)\b|/(?:mo|month|yr|year|seat|user)\b|\bfreemium\b"
        r"|\bpaid (?:plan|tier)s?\b|\bpricing (?:is|starts|will be)\b",
        re.IGNORECASE),
    "when": re.compile(
        rf"\b{_MONTH}\b\.?\s*\d|\b(?:19|20)\d\d\b|\bq[1-4]\b|\b(?:today|now|tomorrow)\b|\bthis (?:week|month|year|"
        r"quarter)\b|\bnext (?:week|month|year|quarter)\b|\bin (?:the next )?(?:\d+|a|two|three|four|six) (?:days?|"
        r"weeks?|months?)\b|\bavailable (?:today|now|immediately)\b|\bearly access\b|\bshipped\b|\breleased\b"
        r"|\bgeneral availability\b"
        # a time counted from now or from launch: "in month 18", "by year 2", "within 18 months"
        r"|\b(?:in|by|from|after|before|until)\s+(?:month|year|quarter|week)\s+\d{1,3}\b"
        r"|\bwithin\s+(?:\d+|a|one|two|three|six|twelve|eighteen)\s+(?:days?|weeks?|months?|years?)\b",
        re.IGNORECASE),
    "who": re.compile(
        r"\b(?:developers?|engineers?|teams?|students?|operators?|"
        r"users?(?![- ](?:programs?|space|interfaces?|ids?|data|input|mode|agents?|experience|accounts?|names?|"
        r"sessions?|settings|level)\b)|people|customers?(?!(?:'s|')? (?:" + CUSTOMER_THINGS + r")\b)|"
        r"analysts?|founders?|"
        r"compan(?:y|ies)|business(?:es)?|organi[sz]ations?|orgs?|leaders?|managers?|doctors?|patients?|"
        r"researchers?|designers?|writers?|marketers?|admins?|administrators?|enterprises?|startups?|"
        r"professionals?|individuals?|owners?|creators?|maintainers?|authors?|hobbyists?|learners?|"
        r"beginners?|experts?|consumers?|buyers?|clinicians?|scientists?|coaches?|practitioners?|sres?|devops|"
        r"anyone|everyone|families|parents|shops?|stores?|agenc(?:y|ies)|freelancers?|solo|contributors?|"
        # beyond software: the people and institutions other PR/FAQs are written for
        r"directors?|teachers?|nurses?|physicians?|farmers?|growers?|schools?|districts?|universit(?:y|ies)|"
        r"hospitals?|clinics?|restaurants?|retailers?|merchants?|sellers?|vendors?|suppliers?|landlords?|"
        r"tenants?|drivers?|riders?|travell?ers?|homeowners?|residents?|citizens?|governments?|cities|"
        r"municipalities|nonprofits?|charities|volunteers?|employers?|employees?|workers?|staff|"
        r"accountants?|lawyers?|attorneys?|pharmacists?|pharmacies|caregivers?|seniors?|kids|children|"
        r"athletes?|artists?|musicians?|photographers?|chefs?|cooks?|officers?|buyers?|planners?|"
        r"community|communities|maintained by|built by|run by)\b"
        r"|" + _SERVES + "|" + _GROUP_THAT_CAN,
        re.IGNORECASE),
    "owner": re.compile(
        r"\b(?:solo|maintainers?|maintained by|built by|run by|developed by|author|founder|team|company|"
        r"community|volunteers?|contributors?|we (?:maintain|build|run|support))\b"
        # "Three engineers at Kestrel Tools maintain it full time"
        r"|\b(?:engineers?|developers?|people|staff|employees) (?:at|from|of) [A-Z]|\bmaintains? (?:it|them|the|this)\b"
        r"|\bfull[- ]time\b", re.IGNORECASE),
    "duration": re.compile(
        r"\b\d+(?:[.,]\d+)?\s*(?:(?:-|to|\u2013)\s*\d+\s*)?(?:working |business )?(?:seconds?|secs?|minutes?|mins?|"
        r"hours?|hrs?|days?|weeks?|months?|years?|yrs?)\b"
        r"|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a few|"
        r"several|few) (?:working |business )?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b"
        r"|\bovernight\b|\binstant(?:ly)?\b|\bimmediately\b|\bsame[- ]day\b|\bindefinitely\b",
        re.IGNORECASE),
    "figure": re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|"
                         r"millions?|billions?|half|double|twice)\b", re.IGNORECASE),
}


@functools.lru_cache(maxsize=8192)
def kind_of(question: str) -> Kind:
    """The kind of a question, from its words; `any` when none of the kinds fits."""
    if _ASKS_FOR_A_TRIAL.search(question):
        return "any"  # "Is there a free trial?" is answered by "A 30-day trial is available", not by a price
    for kind, pattern in _KINDS:
        if kind == "price" and _ASKS_FOR_MONEY_BACK.search(question):
            continue  # "If I pay for the year and hate it, can I get my money back?": a refund, not a price
        if kind == "price" and (only_our_cost(question) or _PROBLEM_COST.search(question)):
            # "What does it cost us to make each sensor?", "How much does the problem cost customers
            # today?": a figure, not a price a customer pays for the product
            continue
        if pattern.search(question):
            return kind
    return "any"


_ASKS_FOR_A_TRIAL = re.compile(r"(?i)^\W*(?:is|are|do|does|can|will)\b(?![^?]*\b(?:how much|cost|costs|price|pay)\b)"
                               r"[^?]*\b(?:trials?|try it|test drive)\b")
_ASKS_FOR_MONEY_BACK = re.compile(r"(?i)\b(?:get|getting|give|gives) (?:my|our|your|their|the) money back\b"
                                  r"|\brefund(?:s|ed|able)?\b|\bmoney[- ]back\b")
_PROBLEM_COST = re.compile(r"\b(?:the|this|that) problem costs?\b|\bcosts? of (?:the|this|that) problem\b",
                           re.IGNORECASE)


def only_our_cost(question: str) -> bool:
    """Does the question ask what the company spends, and nothing of what a customer pays?"""
    from assistant.questions.text import OUR_COST

    if not OUR_COST.search(question):
        return False
    return not re.search(r"\b(?:price|pricing|priced|fees?|subscription|charge|free|catch)\b|"
                         r"\bhow much (?:does|do|will|would|is|are) (?:it|they|this)\b[^?]*\b(?:cost|pay|charge)\b"
                         r"(?! us\b)",
                         OUR_COST.sub(" ", question), re.IGNORECASE)


def satisfies(kind: Kind, text: str) -> bool:
    """Does `text` contain what an answer of this kind needs? Always true for `any`."""
    need = _NEEDS.get(kind)
    if need is None:
        return True
    if kind != "price":
        return need.search(text) is not None
    return any(not _free_as_in_available(text, m) and not _an_extras_amount(text, m) for m in need.finditer(text))


def states_a_price(text: str) -> bool:
    """Does `text` say what a customer pays: an amount, a share ("marinas pay 8% of each booking"),
    a rate ("per seat"), "free" as a price or "nothing"? One notion of a price for every reader of
    documents (the questions' answer type, the CFO's review). Read out of context, "Nothing." (an
    answer to "what does it cost?") and "Pricing will be ..." (which may say it is not decided) are
    no price: "Nothing is shared", "Pricing will be announced later"."""
    return any(not _free_as_in_available(text, m) and not _an_extras_amount(text, m)
               and not _ANSWER_ONLY.match(m.group(0)) for m in _NEEDS["price"].finditer(text))


_ANSWER_ONLY = re.compile(r"\W*(?:nothing|pricing)\b", re.IGNORECASE)


# "free" that is not a price: a slip marked free, a table that comes free, free time, free up.
_FREED_BY = re.compile(r"\b(?:mark|marks|marked|marking|set|sets|keep|keeps|kept|leave|leaves|left|break|breaks|"
                       r"broke|walk|walks|roam|roams|come|comes|came|show|shows|shown)\s+(?:[\w'-]+\s+){0,2}$",
                       re.IGNORECASE)
_FREE_WHAT = re.compile(r"\s+(?:up|from|time|space|spots?|slots?|slips?|seats?|tables?|rooms?|beds?|berths?|"
                        r"shifts?|hands?|rein|flow|will|speech|agents?|text|form|throws?|kicks?|weekends?)\b",
                        re.IGNORECASE)


# "free" of an extra, not of the product: "a replacement cap is free", "free shipping", "returns are
# free". It says what something besides the product costs, which is no answer to "How much is it?".
_EXTRAS = r"(?:replacements?|repairs?|returns?|shipping|delivery|deliveries|updates?|upgrades?|set-?up|installation|" \
          r"refills?|batteries|onboarding|training)"
_EXTRA_IS = re.compile(_EXTRAS + r"(?:\s+[\w'-]+){0,2}\s+(?:is|are|comes?|stays?|remains?)\s+(?:also\s+|always\s+)?$",
                       re.IGNORECASE)
_FREE_EXTRA = re.compile(r"\s+" + _EXTRAS + r"\b", re.IGNORECASE)
# The amount of an extra or a penalty: "after that, a replacement costs $45", "a $10 late fee".
_EXTRA_COSTS = re.compile(_EXTRAS + r"(?:\s+[\w'-]+){0,2}\s+(?:costs?|is|are|runs?|fees? (?:is|are|of))\s+"
                          r"(?:only\s+|just\s+|about\s+|an extra\s+)?$", re.IGNORECASE)
_AMOUNT_OF_A_PENALTY = re.compile(r"\s+(?:replacement|late|lost|loss|damage|cancellation|no-show|overdue|penalty|"
                                  r"shipping|delivery)\s+(?:fees?|charges?|costs?)\b", re.IGNORECASE)


# The maker's money: "funded for two years by a $410,000 state grant", "ask the council for
# $190,000 a year", "raised $2M", "a budget of $50,000".
_FUNDED_BY = re.compile(r"\b(?:funded|financed|paid for|raised|raising|budget(?:ed)? of|grant of|ask(?:ing)? "
                        r"(?:the |our )?(?:[\w-]+ ){0,2}for|invest(?:ed|ing)?|spent|spend(?:s|ing)?)\b"
                        r"(?:(?!\b(?:costs?|charges?|pays?|priced|price)\b)[^.;,]){0,30}$",
                        re.IGNORECASE)
_FUNDING_AFTER = re.compile(r"[\d,.]*(?:\s?(?:k|m|million|billion))?\s+(?:[\w-]+\s+){0,2}(?:grants?|budget|"
                            r"funding|investment|seed round|round|donations?)\b", re.IGNORECASE)


def _an_extras_amount(text: str, match: re.Match[str]) -> bool:
    """Is this amount the price of an extra or a penalty, or the maker's own funding, not the price
    of the product?"""
    if match.group(0).lower() == "free":
        return False  # `_free_as_in_available` reads "free"
    before = text[max(0, match.start() - 40) : match.start()]
    return _EXTRA_COSTS.search(before) is not None or _AMOUNT_OF_A_PENALTY.match(text, match.end()) is not None \
        or _FUNDED_BY.search(before) is not None or _FUNDING_AFTER.match(text, match.end()) is not None \
        or _A_MARGIN_OF.search(before) is not None


# "within £2 of the payslip", "accurate to 5p": how far off something is, not what it costs
_A_MARGIN_OF = re.compile(r"(?i)\b(?:within|off by|out by|accurate to|an error of|a difference of|a gap of|"
                          r"plus or minus)\s*$|±\s*$")


def _free_as_in_available(text: str, match: re.Match[str]) -> bool:
    """Is this "free" no price of the product: free as in available ("a slip marked free", "free
    up"), or the price of an extra ("a replacement cap is free", "free shipping")?"""
    if match.group(0).lower() != "free":
        return False
    before = text[max(0, match.start() - 40) : match.start()]
    return _FREED_BY.search(before) is not None or _FREE_WHAT.match(text, match.end()) is not None \
        or _EXTRA_IS.search(before) is not None or _FREE_EXTRA.match(text, match.end()) is not None


def describe(kind: Kind) -> str:
    """What the kind needs, for a status reason ("a price or 'free'")."""
    return {"price": "a price or \u201cfree\u201d", "when": "a date or \u201cavailable today\u201d",
            "who": "a named group of people", "owner": "who maintains it", "figure": "a figure",
            "duration": "a length of time",
            "any": "an answer"}[kind]


_DEFINE = re.compile(r"^\W*what(?: exactly)? (?:is|are) (?:an? |(the) )?([^?]{2,40}?)\s*\?*$", re.IGNORECASE)


# "What does 'sandboxed' mean?": a definition question too.
_MEAN = re.compile(r"^\W*what (?:does|do) (?:an? |(the) )?([^?]{2,40}?)(?: (?:actually|really|exactly))? mean"
                   r"(?: here| in practice)?\s*\?*$", re.IGNORECASE)
# A second question joined to the first ("What is LZ4 and why is it better?") is not part of the term.
_SECOND_QUESTION = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)"
                              r"(?:why|how|what|when|where|who|which|is|are|does|do|can|should)\b.*$", re.IGNORECASE)
_QUOTES = "\"'`*_\u201c\u201d\u2018\u2019"
_ABBREVIATION = re.compile(r"\s*\([^)]{1,12}\)$")  # "User Defined Formats (UDF)": the term is the long form
# "What is on the roadmap?", "What is in v1?": a place or a scope is asked for, not a definition.
_PREPOSITION = re.compile(r"^(?:on|in|at|for|from|to|with|under|behind|next|after|before|left|out)\b", re.IGNORECASE)
# A name: a word that starts with a capital or a digit, or one in code or quotes ("the Research
# Compass", "the `sync` command", "the 'vault'"). "The" before a common noun asks which one, or
# for a list: "What are the biggest risks?", "What is the catch?", "What are the system requirements?".
_TITLE_WORD = re.compile(r"[\"'`\u201c\u2018]|[*_]*[A-Z][a-z]")  # a quoted term, or a name in title case
_NAMED = re.compile(r"(?:^|\s)[\"'`\u201c\u2018*_]*[A-Z0-9]|[`\"\u201c]|(?:^|\s)['\u2018]\w")


@functools.lru_cache(maxsize=8192)  # asked of each question several times per document, and in every document
def defined_term(question: str) -> str | None:
    """The term a "What is X?" (or "What does X mean?") question asks to define, as the document
    would write it: without quotes or emphasis ('"notebook"' is notebook), a second question
    joined to it, or an abbreviation after it. None for "What is it?" and other questions."""
    match = _DEFINE.match(question.strip()) or _MEAN.match(question.strip())
    if match is None:
        return None
    article, raw = match.group(1), match.group(2)
    if _PREPOSITION.match(raw) or (article is not None and not _NAMED.search(raw)):
        return None
    if article is not None and not _TITLE_WORD.match(raw):
        # "What is the uptime SLA?", "What is the SLA?" ask its value; "What is the Research
        # Compass?" names a feature.
        return None
    term = _ABBREVIATION.sub("", _SECOND_QUESTION.sub("", raw)).strip(_QUOTES + " ,;:")
    if len(term) < 2 or term.lower() in {"it", "this", "that", "they"}:
        return None
    return term


# After "X is", words that say what X does or how it stands, not what it is: "X is released under
# MIT", "X is designed for local use", "X is not a service"; nor where X stands or belongs: "X is part of
# the policy", "X is in beta", "X is live in Leeds", "X is included".
_NOT_A_GENUS = (r"(?!\s+(?:\w+ed|not|now|also|still|available|free|open|currently|only|being|part|in|on|live|ready"
                r"|due|coming|here|there|back|out|for)\b)")
# An answer to a yes/no question ("Yes, X is free", "No. X is for local use") says something else.
_YES_NO_LEAD = re.compile(r"^\W*(?:yes|no)\b", re.IGNORECASE)


# The launch sentence's appositive: "Acme today announced Tally, a tablet app that ...", "Today we're
# releasing **noda**, a git-native notebook". Only after a launch verb: "If you use noda, the notes
# are ..." is not a definition.
_LAUNCH_VERB = r"\b(?:announc\w*|launch\w*|releas\w*|introduc\w*|unveil\w*|meet|presents?|presenting|ships?)\b"


class _Definition(NamedTuple):
    """The patterns that find a definition of one term, compiled once per term: every sentence of a
    document is asked whether it defines the term of every "What is X?" question."""

    appositive: re.Pattern[str]  # "announced X, a ..."
    statement: re.Pattern[str]  # "X is ...", "X means ...", "X (", "X:", "X —", "X - "
    expansion: re.Pattern[str]  # "... (X)"
    genus: re.Pattern[str]  # "X is a ...", "X (...) is an ...", "X: the ..."
    mention: re.Pattern[str]  # X itself: every pattern above needs it, so a text without it defines nothing


# The term as a preposition's object, or in a clause of when or why, is not the subject of a
# definition: "On-call for Switchboard is part of their rotation" says what the on-call is part of,
# "If a service starts while Switchboard is unreachable" when a default applies.
_NOT_AN_OBJECT = "".join(rf"(?<!\b{word} )" for word in (
    "for", "of", "to", "with", "by", "in", "on", "from", "into", "at", "about", "without", "than",
    "while", "when", "if", "until", "because", "unless", "whether", "once", "after", "before"))


@functools.lru_cache(maxsize=1024)
def _definition(term: str) -> _Definition:
    name = re.escape(term)
    return _Definition(
        # ("released Tickrun 1.0, a job scheduler": the name, with its version)
        re.compile(rf"{_LAUNCH_VERB}(?:\s+\S+){{0,3}}?\s+\W{{0,2}}{name}(?:\s+v?\d+(?:\.\d+)*)?\W{{0,3}},\s+"
                   rf"(?:an?|the)\s+\w", re.IGNORECASE),
        re.compile(rf"{_NOT_AN_OBJECT}(?<![\w-]){name}\W{{0,3}}(?:\s+(?:is|are)\b{_NOT_A_GENUS}"
                   rf"|\s+(?:means|stands for|refers to)\b|\s*[(:\u2014]|\s+-\s)", re.IGNORECASE),
        re.compile(rf"\(\s*{name}\s*\)", re.IGNORECASE),
        re.compile(rf"{_NOT_AN_OBJECT}(?<![\w-]){name}\W{{0,3}}(?:\s*\([^)]{{0,80}}\))?(?:\s+(?:is|are)|\s*[:\u2014]|\s+-)\s+"
                   rf"(?:an?|the)\b", re.IGNORECASE),  # ("X is one file" says how it ships, not what it is)
        re.compile(name, re.IGNORECASE),
    )


def defines(term: str, text: str) -> bool:
    """Does `text` say what `term` is ("X is a ...", "X (...)", "X: ...", "X — ...", "announced X,
    a ...")? A mention is not a definition, nor is "X is released ..." or the "Yes, X is ..." of a
    yes/no answer."""
    found = _definition(term)
    if _YES_NO_LEAD.search(text) or not found.mention.search(text):
        return False
    return bool(found.appositive.search(text) or found.statement.search(text) or found.expansion.search(text))


def names_its_kind(term: str, text: str) -> bool:
    """Does `text` define `term` by naming what kind of thing it is ("X is a health data vault",
    "X is an open-source scanner", "announced X, a tablet app")? The strongest definition, ahead
    of "X is device-agnostic"."""
    if not defines(term, text):
        return False
    found = _definition(term)
    return bool(found.appositive.search(text) or found.genus.search(text))
