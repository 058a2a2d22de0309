"""Find the checkable claims in a text: numbers (with their unit), prices, percentages,
durations, dates, quoted sentences, quoted speakers and proper names.

Values are normalised so that the same fact written two ways compares equal: "$49" and
"49 dollars"; "20k", "20,000" and "20 thousand"; "90 minutes" and "1.5 hours"; "eight percent"
and "8%"; "1-2 hrs" is the two values 1 hour and 2 hours. The grounding check
(assistant.draft.grounding) looks each claim of a draft up among the claims of the notes.

Figures hide in words too (`figure_claims`): "double", "twice", "half", "triple", "a dozen",
"dozens" are numbers; "within a week", "in a day" are durations; "10x", "three times" are
multipliers; "one in three" is a share. A made-up "doubles revenue within a week" holds no digit
and is still two claims, each checked against the notes like a digit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from assistant.draft.models import PLACEHOLDER_RE, ClaimKind
from assistant.draft.words import foreign_months, foreign_months_pattern

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MULT = r"thousand|million|billion|bn|k|m"
_CURRENCY_WORD = r"dollars?|usd|euros?|eur|pounds?|gbp|bucks"
_UNIT = (r"%|percent|per\s?cent|pct|" + _CURRENCY_WORD + r"|seconds?|secs?|minutes?|mins?|hours?|hrs?|h|"
         r"days?|weeks?|wks?|months?|mos?|years?|yrs?|x|×")
# (a range never runs across a line break: "... in Sept 2027\n- $15 a month" is a date, then a price)
_NUMBER_RE = re.compile(
    rf"(?<![\w.,$€£])(?P<cur>[$€£])?[^\S\n]?[~≈]?(?P<n1>{_NUM})(?:[^\S\n]?(?P<m1>{_MULT})(?![a-z]))?"
    rf"(?:[^\S\n]?(?:-|–|to)[^\S\n]?(?P<cur2>[$€£])?(?P<n2>{_NUM})(?:[^\S\n]?(?P<m2>{_MULT})(?![a-z]))?)?"
    rf"(?:st|nd|rd|th)?"
    rf"(?:[^\S\n]?(?P<unit>{_UNIT})(?![a-z]))?"
    rf"(?![A-Za-z\d])",
    re.IGNORECASE,
)
_WORD_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
}
_WORD_NUM = r"(?:a hundred|" + "|".join(sorted((w for w in _WORD_VALUES if " " not in w), key=len, reverse=True)) + ")"
# Spelled-out numbers count only with a unit ("ten minutes", "forty percent"): "one manager" is
# a way of speaking, not a figure.
_WORD_NUMBER_RE = re.compile(
    rf"\b(?P<w>{_WORD_NUM})(?:[\s-](?P<w2>one|two|three|four|five|six|seven|eight|nine))?"
    rf"(?:\s(?P<m1>thousand|million|billion))?\s(?P<unit>percent|per\s?cent|{_CURRENCY_WORD}|seconds?|"
    rf"minutes?|hours?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)
_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
           "nov": 11, "dec": 12}
# English months, then those of the languages notes mix in (words.yaml: "marzo 2027", "juillet 2027")
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|" + foreign_months_pattern() + r")\.?"
_PERIOD = (r"(?:spring|summer|fall|autumn|winter|easter|christmas|lent|thanksgiving|"
           r"(?:memorial|labou?r|independence) day(?: weekend)?|q[1-4]|h[12]|early|mid|late|"
           r"(?:first|second|third|fourth|1st|2nd|3rd|4th) quarter)")
_DATE_RE = re.compile(
    # "mid-Oct 2027", "early Sept 2027", "end of March 2027": the part of the month is the notes' date too
    rf"\b(?:(?:early|mid|late)[- ]|end\s+of\s+)?"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    # ("1. September 2027", as German writes a day; not a numbered list's "1. March 2027: ...")
    # (and "3 de mayo de 2027", "março de 2027", as Spanish and Portuguese write a date)
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th|(?P<dot>\.))?\s+(?:de\s+)?(?P<m2>{_MONTH}),?\s+(?:de\s+)?(?P<y2>\d{{4}})"
    # "mid-2027" too; "Q2 '27", "Sept '27": a year cut to two digits after an apostrophe
    rf"|(?P<m3>{_MONTH}|{_PERIOD})(?:,?\s+(?:of\s+|de\s+)?|-)(?:(?P<y3>\d{{4}})|['’](?P<y8>\d\d))"
    rf"|(?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}})"
    # "06/2027" (a month), "9/15/2027" (US month/day; the day first when it cannot be a month)
    rf"|(?<![\d/])(?P<m5>0?[1-9]|1[0-2])/(?P<y5>20\d\d)"
    rf"|(?<![\d/])(?P<a6>\d{{1,2}})/(?P<b6>\d{{1,2}})/(?P<y6>20\d\d)"
    # "05.03.2027": day, month, year, as most of Europe writes a date
    rf"|(?<![\d.])(?P<d7>\d{{1,2}})\.(?P<m7>\d{{1,2}})\.(?P<y7>20\d\d))\b",
    re.IGNORECASE,
)
QUOTE_RE = re.compile(r"[\"“](?P<q>[^\"“”\n]{8,1200})[\"”]")
MIN_QUOTE_WORDS = 4
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_SAID = r"(?:said|says|explains|explained|adds|added|notes|noted|recalls|recalled)"
_SPEAKER_AFTER_RE = re.compile(rf"[\s,]*(?:{_SAID}\s+(?P<a>{_NAME})|[—–-]\s*(?P<b>{_NAME}))(?P<rest>[^.\n]*)")
_SPEAKER_BEFORE_RE = re.compile(rf"(?P<name>{_NAME})(?P<rest>(?:,[^,\n\"“]{{1,60}})?),?\s+{_SAID}[,:]?\s*$")
_PROPER_RE = re.compile(r"(?<=[a-z,;:()] )(?P<name>[A-Z][a-z'’]+(?:\s+(?:of\s+)?[A-Z][\w'’-]+)+)")
# A whole word: "in DynamoDB" names a database, not a place "Dynamo".
_PLACE_RE = re.compile(r"\b(?:in|at|from|across|throughout|near) (?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)(?![\w'’-])")
_NOT_PLACE = re.compile(_MONTH + r"|(?:spring|summer|fall|autumn|winter|monday|tuesday|wednesday|thursday|friday|"
                        r"saturday|sunday|the|this|our|your|their|a|an)", re.IGNORECASE)
_DATELINE_PLACE_RE = re.compile(r"\s*[*_]*(?P<place>[^\x00—–\n]*?[A-Za-z][^\x00—–\n]*?)\s*[*_]*\s*[—–]")
_COMMON_CAPS = {"i", "faq", "q", "a", "ai", "today", "tbd", "the", "we", "our", "it", "this"}

_CURRENCY = {"$": "usd", "€": "eur", "£": "gbp", "dollar": "usd", "dollars": "usd", "usd": "usd", "bucks": "usd",
             "euro": "eur", "euros": "eur", "eur": "eur", "pound": "gbp", "pounds": "gbp", "gbp": "gbp"}
_MULTIPLIER = {"thousand": 1000, "k": 1000, "million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9}
_SECONDS = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600, "h": 3600,
            "day": 86400, "week": 604800, "wk": 604800}
_CALENDAR = {"month": "month", "mo": "month", "year": "year", "yr": "year"}


@dataclass(frozen=True)
class Claim:
    """One checkable claim. For numbers, `values` are in base units: dollars, seconds, percent."""

    kind: ClaimKind
    start: int
    end: int
    text: str
    unit: str | None = None  # "usd", "percent", "second", "month", "year", "times" or None
    values: tuple[Decimal, ...] = ()
    raw: tuple[Decimal, ...] = ()  # the numbers as written (multipliers applied, units not)
    date: tuple[int, str | None, int | None] | None = None  # (year, month or period, day)
    quote: str = ""  # the quoted words (for quotes) or the name (for speakers and names)


def mask_placeholders(text: str) -> str:
    """The text with every [TBD: ...] blanked out (same length, so offsets hold): a visible gap
    is not a claim."""
    return PLACEHOLDER_RE.sub(lambda m: "\x00" * len(m.group()), text)


def _decimal(raw: str) -> Decimal | None:
    try:
        return Decimal(raw.replace(",", ""))
    except InvalidOperation:
        return None


def _unit(raw: str | None, currency: str | None) -> tuple[str | None, Decimal]:
    """(unit, factor to base units) for a unit word or symbol."""
    if currency:
        return _CURRENCY[currency], Decimal(1)
    if not raw:
        return None, Decimal(1)
    word = re.sub(r"\s+", "", raw.lower())
    if word in ("%", "percent", "pct"):
        return "percent", Decimal(1)
    if word in ("x", "×"):
        return "times", Decimal(1)
    if word in _CURRENCY:
        return _CURRENCY[word], Decimal(1)
    singular = word[:-1] if word.endswith("s") and word[:-1] in {**_SECONDS, **_CALENDAR} else word
    if singular in _SECONDS:
        return "second", Decimal(_SECONDS[singular])
    if singular in _CALENDAR:
        return _CALENDAR[singular], Decimal(1)
    return None, Decimal(1)


def _kind_of(unit: str | None) -> ClaimKind:
    if unit in ("usd", "eur", "gbp"):
        return "price"
    if unit == "percent":
        return "percentage"
    if unit in ("second", "month", "year"):
        return "duration"
    return "number"


def _scaled(number: Decimal, multiplier: str | None, factor: Decimal) -> Decimal:
    if multiplier:
        number *= _MULTIPLIER[multiplier.lower()]
    return (number * factor).normalize()


def _covered(text: str, claims: list[Claim]) -> bytearray:
    """A mask of the characters already inside a claim (one pass, not a search per number)."""
    mask = bytearray(len(text))
    for claim in claims:
        mask[claim.start : claim.end] = b"\x01" * (claim.end - claim.start)
    return mask


def _numbers(text: str, taken: bytearray) -> list[Claim]:
    claims: list[Claim] = []
    for match in _NUMBER_RE.finditer(text):
        if taken[match.start()] or taken[match.start("n1")]:  # (the match may start at the space before it)
            continue
        currency = match.group("cur") or match.group("cur2")
        unit, factor = _unit(match.group("unit"), currency)
        if currency and match.group("unit") and _unit(match.group("unit"), None)[0] not in (None, unit):
            unit, factor = _unit(None, currency)  # "$49 per month": the unit is the currency
        # In a range the first number takes the second's multiplier: "20-30k" is 20k to 30k.
        pairs = [(match.group("n1"), match.group("m1") or match.group("m2")), (match.group("n2"), match.group("m2"))]
        raw = [_scaled(value, multiplier, Decimal(1)) for number, multiplier in pairs
               if number and (value := _decimal(number)) is not None]
        if not raw:
            continue
        claims.append(Claim(_kind_of(unit), match.start(), match.end(), match.group().strip(), unit,
                            tuple((value * factor).normalize() for value in raw), tuple(raw)))
    return claims


def _word_numbers(text: str) -> list[Claim]:
    claims: list[Claim] = []
    for match in _WORD_NUMBER_RE.finditer(text):
        value = Decimal(_WORD_VALUES[match.group("w").lower()])
        if match.group("w2"):
            value += _WORD_VALUES[match.group("w2").lower()]
        unit, factor = _unit(match.group("unit"), None)
        raw = _scaled(value, match.group("m1"), Decimal(1))
        claims.append(Claim(_kind_of(unit), match.start(), match.end(), match.group(), unit,
                            ((raw * factor).normalize(),), (raw,)))
    return claims


def _month(raw: str) -> str:
    word = raw.lower().rstrip(".")
    if word in foreign_months():
        return str(foreign_months()[word])
    return str(_MONTHS[word[:3]]) if word[:3] in _MONTHS else word


def _numeric_month_day(groups: dict[str, str | None]) -> tuple[str | None, str | None]:
    """The month and day of "2027-03-15", "06/2027" or "9/15/2027" (month first, as in the US,
    unless the first number cannot be a month: "15/9/2027")."""
    if groups["m4"]:
        return str(int(groups["m4"])), None
    if groups["m5"]:
        return str(int(groups["m5"])), None
    if groups["m7"] and groups["d7"] and 1 <= int(groups["m7"]) <= 12 and 1 <= int(groups["d7"]) <= 31:
        return str(int(groups["m7"])), str(int(groups["d7"]))
    if groups["a6"] and groups["b6"]:
        first, second = int(groups["a6"]), int(groups["b6"])
        month, day = (second, first) if first > 12 else (first, second)
        return (str(month), str(day)) if 1 <= month <= 12 and 1 <= day <= 31 else (None, None)
    return None, None


def _date_matches(text: str) -> Iterator[re.Match[str]]:
    """Each date, where "1. March 2027" opening a line is an item's number and "March 2027" after it."""
    at = 0
    while (match := _DATE_RE.search(text, at)) is not None:
        line_start = text.rfind("\n", 0, match.start()) + 1
        if match.group("dot") and re.fullmatch(r"\s*(?:[-*+•]\s*)?", text[line_start:match.start()]):
            at = match.start("m2")
            continue
        yield match
        at = match.end()


def _dates(text: str) -> list[Claim]:
    claims: list[Claim] = []
    for match in _date_matches(text):
        groups = match.groupdict()
        short_year = f"20{groups['y8']}" if groups["y8"] else None
        year = int(groups["y1"] or groups["y2"] or groups["y3"] or groups["y4"] or groups["y5"] or groups["y6"]
                   or groups["y7"] or short_year or 0)
        raw_month = groups["m1"] or groups["m2"] or groups["m3"]
        numeric_month, numeric_day = _numeric_month_day(groups)
        month = _month(raw_month) if raw_month else numeric_month
        day_raw = groups["d1"] or groups["d2"] or groups["d4"] or numeric_day
        day = int(day_raw) if day_raw else None
        claims.append(Claim("date", match.start(), match.end(), match.group(), date=(year, month, day)))
    return claims


def number_claims(text: str) -> list[Claim]:
    """Dates, numbers (digits, or spelled out with a unit), each once, in text order."""
    return list(_number_claims(text))


@lru_cache(maxsize=64)
def _number_claims(text: str) -> tuple[Claim, ...]:
    # Cached: the notes are read for facts, for the grounding check and for the revision's issues.
    text = mask_placeholders(text)
    dates = _dates(text)
    taken = _covered(text, dates)
    words = [c for c in _word_numbers(text) if not taken[c.start]]
    taken = _covered(text, [*dates, *words])
    return tuple(sorted([*dates, *words, *_numbers(text, taken)], key=lambda c: c.start))


_MULTIPLIER_WORDS: dict[str, int | Decimal] = {
    "double": 2, "doubles": 2, "doubled": 2, "doubling": 2, "twice": 2, "triple": 3, "triples": 3, "tripled": 3,
    "tripling": 3, "thrice": 3, "quadruple": 4, "quadruples": 4, "quadrupled": 4, "twofold": 2, "two-fold": 2,
    "threefold": 3, "three-fold": 3, "fourfold": 4, "tenfold": 10, "ten-fold": 10,
    "half": Decimal("0.5"), "halve": Decimal("0.5"), "halves": Decimal("0.5"), "halved": Decimal("0.5"),
    "halving": Decimal("0.5"),
}
_COUNT_WORDS = {"a dozen": 12, "dozen": 12, "dozens": None, "a couple of": 2, "a score of": 20, "scores of": None,
                "hundreds": None, "thousands": None, "millions": None, "billions": None}
_RATIO_TERM = rf"(?:\d+|{_WORD_NUM})"
_FIGURE_WORD_RE = re.compile(
    rf"(?P<ratio>\b(?P<r1>{_RATIO_TERM})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<r2>{_RATIO_TERM})\b)"
    rf"|(?P<times>\b(?P<t>\d+(?:\.\d+)?|{_WORD_NUM})\s+times\b)"
    rf"|(?P<span>\b(?:within|in|under|inside|after|over)\s+(?:just\s+|only\s+)?(?:a|an|one|a\s+single)\s+"
    rf"(?P<span_unit>second|minute|hour|day|week|month|year)\b)"
    rf"|(?P<mult>\b(?:{'|'.join(sorted(_MULTIPLIER_WORDS, key=len, reverse=True))})\b)"
    rf"|(?P<count>\b(?:{'|'.join(sorted(_COUNT_WORDS, key=len, reverse=True))})\b)",
    re.IGNORECASE,
)


_HALF_A_UNIT = re.compile(r"\s+(?:an?\s+)?(?:hour|day|year|minute|dozen)\b", re.IGNORECASE)


def _term(raw: str) -> Decimal:
    return Decimal(_WORD_VALUES[raw.lower()]) if raw.lower() in _WORD_VALUES else Decimal(raw)


def _figure_words(text: str) -> list[Claim]:
    """Figures written as words: multipliers, spans, shares and counts (see the module's doc)."""
    claims: list[Claim] = []
    for match in _FIGURE_WORD_RE.finditer(text):
        found = match.group()
        if match.group("ratio"):
            first, second = _term(match.group("r1")), _term(match.group("r2"))
            if second == 0 or first > second:
                continue  # "3 in 2027" is a date, not a share
            share = (first / second * 100).quantize(Decimal("0.1"))
            claims.append(Claim("percentage", match.start(), match.end(), found, "share", (share,), (share,)))
        elif match.group("times"):
            value = _term(match.group("t"))
            claims.append(Claim("number", match.start(), match.end(), found, "times", (value,), (value,)))
        elif match.group("span"):
            unit, factor = _unit(match.group("span_unit"), None)
            claims.append(Claim("duration", match.start(), match.end(), found, unit, (factor,), (Decimal(1),)))
        elif match.group("mult"):
            if found.lower() == "half" and _HALF_A_UNIT.match(text, match.end()):
                continue  # "half an hour" is a duration the number rules leave alone; not a multiplier
            value = Decimal(_MULTIPLIER_WORDS[found.lower()])
            claims.append(Claim("number", match.start(), match.end(), found, "times", (value,), (value,)))
        else:
            count = _COUNT_WORDS[found.lower()]
            values = (Decimal(count),) if count is not None else ()
            claims.append(Claim("number", match.start(), match.end(), found, "count" if count is None else None,
                                values, values))
    return claims


def figure_claims(text: str) -> list[Claim]:
    """Every figure in a text, digits and words alike: `number_claims` plus the figures written
    as words. A word figure that overlaps a digit claim ("1 in 3", "3 times") takes its place."""
    return list(_figure_claims(text))


@lru_cache(maxsize=64)
def _figure_claims(text: str) -> tuple[Claim, ...]:
    masked = mask_placeholders(text)
    numbers = _number_claims(text)
    dates = [c for c in numbers if c.kind == "date"]
    words = [c for c in _figure_words(masked)
             if not any(d.start < c.end and c.start < d.end for d in dates)]
    taken = _covered(masked, words)
    kept = [c for c in numbers if not any(taken[c.start : c.end])]
    return tuple(sorted([*kept, *words], key=lambda c: c.start))


def quote_claims(text: str) -> list[Claim]:
    """Quoted passages of four words or more (shorter ones are phrases, not quotes)."""
    text = mask_placeholders(text)
    claims = []
    for match in QUOTE_RE.finditer(text):
        words = match.group("q").replace("\x00", " ").split()
        if len(words) >= MIN_QUOTE_WORDS:
            # The comma of `“...,” said X` is the writer's punctuation, not the speaker's words.
            quoted = match.group("q").rstrip(" ,;:")
            claims.append(Claim("quote", match.start("q"), match.start("q") + len(quoted), quoted, quote=quoted))
    return claims


def speaker_claims(text: str) -> list[Claim]:
    """The person a quote is attributed to ("…," said Dana Ruiz, general manager), name and role."""
    masked = mask_placeholders(text)
    claims: list[Claim] = []
    for match in QUOTE_RE.finditer(masked):
        after = _SPEAKER_AFTER_RE.match(masked, match.end())
        if after:
            group = "a" if after.group("a") else "b"
            claims.append(Claim("speaker", after.start(group), after.end("rest"),
                                masked[after.start(group) : after.end("rest")].strip(), quote=after.group(group)))
            continue
        before = _SPEAKER_BEFORE_RE.search(masked, max(0, match.start() - 120), match.start())
        if before:
            claims.append(Claim("speaker", before.start("name"), before.end("rest"),
                                masked[before.start("name") : before.end("rest")], quote=before.group("name")))
    return claims


def proper_name_claims(text: str) -> list[Claim]:
    """Runs of two or more capitalised words inside a sentence ("Maria Gonzalez", "Northwind
    Grocers"): the names of people and companies a draft might make up."""
    masked = mask_placeholders(text)
    return [Claim("name", m.start("name"), m.end("name"), m.group("name"), quote=m.group("name"))
            for m in _PROPER_RE.finditer(masked)]


def place_claims(text: str) -> list[Claim]:
    """Capitalised words after "in", "at", "from" ("available in Oregon"): places a draft might make up."""
    masked = mask_placeholders(text)
    return [Claim("place", m.start("place"), m.end("place"), m.group("place"), quote=m.group("place"))
            for m in _PLACE_RE.finditer(masked) if not _NOT_PLACE.fullmatch(m.group("place").split()[0])]


def dateline_place_claims(text: str) -> list[Claim]:
    """The city that opens a dateline ("SEATTLE, WA —"), up to the first dash."""
    masked = mask_placeholders(text)
    match = _DATELINE_PLACE_RE.match(masked)
    if not match or not capitalised_words(match.group("place")) or _DATE_RE.search(match.group("place")):
        return []
    return [Claim("place", match.start("place"), match.end("place"), match.group("place"), quote=match.group("place"))]


def capitalised_words(text: str) -> list[str]:
    """The capitalised words of a name or attribution that a reader would take as facts."""
    words = re.findall(r"[A-Z][\w'’-]*", text)
    return [w for w in words if w.lower() not in _COMMON_CAPS]
