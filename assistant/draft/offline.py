"""The offline draft: the notes' own words, arranged in the PR/FAQ's shape, with every gap marked.

No model and no invention. Each part of the press release and each FAQ answer is built from
statements of the notes (a slice of their text with the bullet and label removed and the first
letter capitalised) joined by a few fixed connecting words that carry no facts ("It costs",
"To get started,"). Where the notes say nothing, the part is a `[TBD: ...]` placeholder with the
question that fills it. The grounding check then runs on the result anyway, as it does on a
model's draft.
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.documents.models import Document
from assistant.draft.facts import (
    BUILD_NAME,
    COMPETITORS_LABEL,
    COUNTRIES_WITH_THE,
    CUES,
    FILLER_LEAD,
    NO_CITY,
    PRODUCT_NAME,
    REGIONS,
    SUBJECTLESS_FEATURE,
    SUCCESS_LABEL,
    THIRD_PERSON,
    UPPER,
    WHY_NOW_LABEL,
    Facts,
    QuoteFact,
    Statement,
    Topic,
    asks,
    extract_facts,
    opens_with_people_doing,
    product_name_in,
    trial_date,
)
from assistant.draft.gaps import GapBook
from assistant.draft.models import Draft, Faq, FaqEntry, GapElement, PressRelease
from assistant.draft.money import has_money, money_pattern, starts_with_money

# What a product needs, said without its subject: "depends on Stripe", "relies on the timetable feed".
_SUBJECTLESS_NEED = re.compile(r"(?:depends|relies|runs|builds)\s+on\s+\S|(?:needs|requires)\s+(?:an?|the)\s+\S")

MAX_PROBLEM_STATEMENTS = 4
MAX_ANSWER_STATEMENTS = 3
MAX_HEADLINE_WORDS = 16
THIN_NOTES_WORDS = 40
_VERBS = {"help": "helps", "let": "lets", "make": "makes", "give": "gives", "turn": "turns", "cut": "cuts",
          "save": "saves", "show": "shows", "find": "finds", "reduce": "reduces", "warn": "warns", "track": "tracks",
          "automate": "automates", "connect": "connects", "predict": "predicts", "answer": "answers",
          "remind": "reminds", "read": "reads", "write": "writes", "draft": "drafts", "book": "books",
          "schedule": "schedules", "fill": "fills", "stop": "stops", "catch": "catches", "keep": "keeps"}
# "we put acoustic pods into offices": what the team does through the product, said of the product
_WE_DO = re.compile(r"(?i:\W*we)(?:\s+will|'ll)?\s+(?P<verb>[a-z]{2,})\s+(?P<rest>\S.*)")
_NOT_WHAT_IT_DOES = frozenset({
    "are", "were", "have", "had", "do", "did", "will", "would", "could", "should", "can", "might", "may", "must",
    "need", "want", "think", "thought", "know", "believe", "hope", "plan", "expect", "got", "get", "heard", "saw",
    "talked", "spoke", "met", "asked", "found", "learned", "learnt", "tried", "started", "keep", "also", "just",
    "still", "already", "really", "only", "then", "now", "could've", "wanna", "gonna", "feel", "guess", "reckon"})


def _what_we_do(text: str) -> re.Match[str] | None:
    """"We own the pods, install them ...": the team doing something for the customer (its verb and
    the rest), not thinking, planning or needing ("We need a partner")."""
    we_do = _WE_DO.match(text)
    return we_do if we_do and we_do.group("verb").lower() not in _NOT_WHAT_IT_DOES else None


def _third_person(verb: str) -> str:
    """"put" -> "puts", "match" -> "matches", "carry" -> "carries"."""
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if len(verb) > 2 and verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


_LETS = re.compile(r"\b(?:that|which|to)\s+(?P<verb>let|lets|help|helps)\s+(?P<rest>[^.;]+)", re.IGNORECASE)
_WORKING_NAME = re.compile(r"\s*\((?:working name|code ?name|called|named)[^)]*\)", re.IGNORECASE)
# (not after an abbreviation: "£12,000 per ward per year incl. support" is one sentence)
_SENTENCE_SPLIT = re.compile(r"(?<!\bincl\.)(?<!\bexcl\.)(?<!\bapprox\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)"
                             r"(?<=[.!?;])\s+(?=\S)")
_CLAUSE_END = re.compile(r",\s+and\s+|;|\s+and\s+(?=offer|send|show|draft|warn|let|give)")
# A date with its day ("May 3, 2027", "3 May 2027", "2027-05-03", "3/5/2027"): launched "on" it.
_DAY_DATE = re.compile(r"(?<![A-Za-z])\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\b\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|"
                       r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I'd|my|we|our|us)\b")
_WE_MET = re.compile(r"(?i)\b(?:we|I)\s+(?:visited|met|talked\s+to|spoke\s+(?:to|with)|interviewed|surveyed|called|"
                     r"asked)\b")


# -- small text helpers: they change case, punctuation and note shorthand, never facts or figures ---
_SHORT_YEAR = re.compile(r"['\u2019](?P<year>\d\d)\b")


def _written_date(date: str) -> str:
    """The notes' date as a release writes it: the month in English ("marzo 2027" is "March 2027"),
    and a year cut to two digits written out ("Oct '27" is note shorthand: "Oct 2027")."""
    return _SHORT_YEAR.sub(r"20\g<year>", english_months(date))

def sentence(text: str) -> str:
    from assistant.draft.shorthand import expand

    # (a bold lead that labels the line, "**TL;DR** Dog walkers in Amsterdam lose ...", is no part of it)
    text = _BOLD_LEAD.sub("", text.strip())
    # (a name set in bold, "**LessonLock** — pupils book ...", loses its marks: a release has no Markdown)
    text = expand(" ".join(text.replace("**", "").split()).strip(" ;,"))
    if not text:
        return text
    text = re.sub(r"(?i)^(?:ok(?:ay)?|um+|uh+|erm)\b[,.]?\s+(?=\w)", "", text)  # a chat's "ok pulling together ..."
    if re.match(r"(?i)needs?\s+(?!to\b)\S", text):
        text = "we need" + text[text.index(" "):]  # a note's "need 3 wholesalers on board": the team's need
    if text[0].islower() and not re.match(r"[a-z]+[A-Z]", text):  # "eBay", "iPhone" keep their case
        text = text[0].upper() + text[1:]
    return text if re.search(r"[.!?][\"”’]?$", text) else text + "."

_BOLD_LEAD = re.compile(r"^(?:\*\*|__)?(?i:tl;?dr|summary|in short|short version|bottom line|"
                        r"key (?:point|finding|insight)|insight|context|background|note|nb|update|headline)"
                        r"[.:]?(?:\*\*|__)\s+(?=[A-Z0-9\"“])")


# A count spelled out in the notes' words ("eleven pickers", "half their stock", "three hours"):
# the problem is quantified, and no placeholder asks for a number it already has.
_SPELLED_COUNT = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"dozens?|half)\b(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\s+(?:of\s+)?[a-z]",
    re.IGNORECASE)
# "an hour a week", "a day every month", "one evening per week": the time it costs, in words
_TIME_COST_IN_WORDS = re.compile(r"(?i)\b(?:an?|one|half an?|a whole|a full)\s+(?:hour|day|morning|afternoon|evening|"
                                 r"night|shift|week)\s+(?:a|an|per|each|every)\s+(?:day|week|month|shift|year|night)\b")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _with_the(place: str) -> str:
    """"the US", "the Netherlands"; "Canada"."""
    return f"the {place}" if place in COUNTRIES_WITH_THE else place


def paragraph(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _without_working_name(text: str) -> str:
    return _WORKING_NAME.sub("", text)


_FUNCTION_WORDS = {"a", "an", "the", "one", "two", "three", "our", "their", "your", "its", "this", "that", "these",
                   "those", "every", "each", "some", "most", "all", "any", "no", "it", "they", "we", "with", "in",
                   "on", "for", "from", "at", "by", "to", "as", "pilot", "public", "private", "beta", "first", "early"}


def _lower_first(text: str, keep: set[str] | frozenset[str] = frozenset()) -> str:
    """Lower-case the first letter of a fragment that goes inside a sentence, unless its first word
    is a name: one the notes give (`keep`), a coined word ("ShelfSense", "Clinicly"), or a
    capitalised word that is no common English word."""
    from assistant.clarity.lexicon import zipf
    from assistant.draft.facts import coined

    first = re.split(r"[\s,;:.]", text, maxsplit=1)[0]
    if not first[:1].isupper() or first[1:2].isupper() or first in keep or coined(first):
        return text
    if re.match(r"[A-Z][\w'’-]*\s+(?!I\b)[A-Z][a-z]", text):
        return text  # "Open Banking consent ...", "New York": a name of two capitalised words
    if first.lower() in _FUNCTION_WORDS or zipf(first.lower()) >= 4.0 and not re.search(
            rf"(?<![.!?]\s)(?<!^)\b{re.escape(first)}\b", " ".join(keep)):
        return text[0].lower() + text[1:]
    return text


def _clip_words(text: str, limit: int) -> str | None:
    words = text.rstrip(".").split()
    return " ".join(words) if len(words) <= limit else None


# -- picking statements --------------------------------------------------------------------------
def _usable(statement: Statement) -> bool:
    return statement.topic not in ("title", "other") and not statement.quote_only and \
        not _ABOUT_THE_NOTES.match(statement.text) and not _LEADS_IN.search(statement.text)


# "Two things I can't decide and need you on:": a line that only leads into the list below it says
# nothing on its own
_LEADS_IN = re.compile(r":\s*$")


# An e-mail's greeting that introduces the notes ("Hi all — quick write-up from Thursday's call with
# the ops team"), or its sign-off ("Thanks, Pieter"): words about the message, not facts.
_ABOUT_THE_NOTES = re.compile(
    r"(?i)^\W*(?:(?:hi|hello|hey|dear|morning|good (?:morning|afternoon))\b[^.!?\n]{0,30}?[—–,:!-]\s*"
    r"(?:(?:here(?:'s| is| are)|just|a|my|our|some)\s+)*(?:quick\s+|short\s+|brief\s+)?"
    r"(?:write-?up|notes?|summary|recap|update|debrief|readout)\b[^.!?\n]*[.!]?\s*$|"
    r"(?:thanks|thank you|cheers|best|regards|best regards|kind regards)\b[^.!?\n]{0,30}$)")


_ELSEWHERE: tuple[Topic, ...] = ("idea", "price", "launch", "dependencies", "risks", "privacy", "market", "not_doing",
                                  "getting_started")
_MONEY = re.compile(rf"{money_pattern()}|\d\s*%\s+of\s+(?:\w+\s+)?(?:sales|revenue|income|turnover|margin)|"
                    r"\b\d[\d,.]*\s*(?:k|thousand|million)?\s*(?:dollars|euros|pounds|usd|eur|gbp)\b", re.I)
_TIME = re.compile(r"\d[\d,.\s-]*(?:to\s+\d+\s*)?(?:hours?|hrs?|mins?|minutes|days?|weeks?|months?)\b", re.I)
_SHARE = re.compile(r"\d\s*%|\b\d+\s+(?:in|of|out of)\s+\d+\b|\b(?:one|two|three|half)\s+(?:in|of)\s+", re.I)


# An idea written as a sentence with its own subject: "The pharmacy packs the month's meds in a
# sealed bag", "the pupil records a 1-minute clip", "each session the tutor ticks the sheets": a
# determiner, a few words (no "that"/"which": "a sensor that reports the pressure" is a noun
# phrase), a verb in -s and what it acts on.
_OWN_SUBJECT = re.compile(r"(?i)^(?:(?:each|every)\s+[a-z]+,?\s+)?(?:(?:the|a|an|our|their|each|every)\s+"
                          # (no second article: "a link the agent texts to tenants" is a noun phrase)
                          r"(?:(?!(?:that|which|who|where|when|whose|with|of|for|the|a|an)\b)[\w'’-]+\s+){0,3}?"
                          # or a bare subject in note shorthand: "driver photographs the docs in the cab"
                          r"|(?-i:[a-z]+)\s+)"
                          r"(?!(?:is|was|has|does|always|also|plus|its|this|gives)\b)[a-z]+[^s\W']s\s+"
                          r"(?!(?:of|and|or|for|with|that|which|per|from)\b)[a-z\"“‘']")  # "the walker taps start ..."


# An idea that opens on a subordinate clause and then says its main clause: "When a patient cancels,
# GapFill texts the waitlist ...", "If a delivery is late, the driver gets a text". A whole sentence
# already: never a thing the customers "get" or the product "gives them".
_CLAUSE_FIRST = re.compile(r"(?i)^(?:when|whenever|if|once|after|before|as\s+soon\s+as|each\s+time|every\s+time|"
                           r"while|until|the\s+moment)\s+[^,]{3,90},\s+\S+\s+\S")


def english_months(date: str) -> str:
    """"marzo 2027" -> "March 2027", "1. Juli 2027" -> "1 July 2027": the month of a date the notes
    wrote in another language (words.yaml), named as the English release names it, and the German
    dot after the day dropped (English reads "in 1. July" as a list item); "05.03.2027" ->
    "5 March 2027"."""
    import calendar

    from assistant.draft.words import foreign_months, foreign_months_pattern

    date = re.sub(rf"(?i)\b(?:{foreign_months_pattern()})\b",
                  lambda m: calendar.month_name[foreign_months()[m.group().lower()]], date)
    date = re.sub(r"^(\d{1,2})\.\s+(?=[A-Za-z])", r"\1 ", date.strip())
    # "3 de mayo de 2027", "março de 2027": the Spanish and Portuguese "de" is no part of an English date
    date = re.sub(r"(?i)^(\d{1,2}\s+)de\s+(?=[a-z])", r"\1", date)
    date = re.sub(rf"(?i)\b({'|'.join(calendar.month_name[1:])})\s+de\s+(?=\d{{4}})", r"\1 ", date)
    # "05.03.2027" (day first) is "5 March 2027": the same date, in words a reader of any country reads one way
    dotted = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(20\d\d)", date.strip())
    if dotted and 1 <= int(dotted.group(2)) <= 12:
        return f"{int(dotted.group(1))} {calendar.month_name[int(dotted.group(2))]} {dotted.group(3)}"
    return date


def _telegraphic(fragment: str) -> bool:
    """A note in shorthand that no verb can be put in front of: "camera per shelf, counts stock".
    Its first noun is singular with no article, and a comma runs on into more shorthand."""
    words = fragment.split()
    chunk = re.split(r"\s+(?:that|which|who|to|for|with|per|on|in|of|so|and)\s+|,", fragment, maxsplit=1)[0].split()
    if words[0].lower() in _FUNCTION_WORDS or re.match(r"\d", words[0]) or not chunk:
        return False
    shorthand = "," in fragment or re.search(r"\s(?:\+|w/|/)\s", fragment) is not None
    return not chunk[-1].lower().endswith("s") and shorthand


def sharpness(text: str) -> float:
    """How hard a problem sentence hits: money lost beats time lost beats a share beats a count;
    a sentence without a figure is the weakest."""
    score = 4.0 if _MONEY.search(text) else 3.0 if _TIME.search(text) else 2.5 if _SHARE.search(text) else \
        1.0 if re.search(r"\d", text) else 0.0
    return score + (0.5 if CUES["loss"].search(text) else 0.0)


def problem_pieces(facts: Facts) -> list[str]:
    """The problem in the notes' words, its sharpest figure first. Labelled problem lines whole;
    elsewhere the sentences that describe a problem or a loss and belong to no other part of the
    PR/FAQ (an idea, a price, a launch plan, a partner, a risk have their own places)."""
    quoted_elsewhere = [q.text for q in (best_quote(facts), leader_said(facts)) if q is not None]
    pieces: list[str] = []
    # A table of interviews, one row a person ("| Priya, ADI 4 yrs | ... | spends 5 hrs/week ... |"):
    # the person each row's cells are about.
    tellers = {s.line: s.text for s in facts.statements if s.topic == "interviewee" and s.label}
    for labelled in facts.labelled("problem"):
        if _usable(labelled):
            # The customer quote on a problem line is printed once, as the customer quote.
            all_pieces = _pieces(labelled)
            # (a long labelled paragraph may go on to the product, its price and its launch: those
            # sentences have their own places)
            kept = [p for p in all_pieces if not any(quote in p for quote in quoted_elsewhere)
                    and not (len(all_pieces) > 1 and _about_our_plan(p, facts.product_name))]
            whole = labelled.text if len(kept) == len(all_pieces) else " ".join(sentence(p) for p in kept)
            teller = tellers.get(labelled.line)
            pieces.append(told_by(whole, teller) if teller and whole else whole)
    pieces = [p for p in pieces if p]
    quoted: list[str] = []
    spoken: dict[str, list[tuple[int, str]]] = {}  # a transcript's customer turns, by who said them
    name = facts.product_name
    names_a_problem = [any(_names_a_problem(p) for p in _pieces(s)) and s.topic in (None, "problem")
                       for s in facts.statements]
    # How many statements of each line name a problem: counted once, not per statement (a
    # 10,000-row table is 10,000 statements).
    problems_on_line: Counter[int] = Counter(s.line for s, flag in zip(facts.statements, names_a_problem, strict=True)
                                             if flag)
    for index, statement in enumerate(facts.statements):
        if not _usable(statement) or statement.topic not in (None, "heard", "evidence", "customer"):
            continue
        in_line = _pieces(statement)
        # A figure next to a problem says how big it is: in the same line, in the same paragraph
        # (prose is read sentence by sentence), or on the line right after it.
        beside_a_problem = problems_on_line[statement.line] - names_a_problem[index] > 0 or \
            index > 0 and names_a_problem[index - 1]
        for piece in in_line:
            cues = {topic for topic, pattern in CUES.items() if pattern.search(piece)}
            if "loss" in cues or "problem" in cues and _THEY_SPEND.search(piece) and not _FIRST_PERSON.search(piece):
                # "losing the client, about $80 a month" is a loss, not our price; so is what the
                # customers spend on the problem ("Dublin students spend on average €380 a term on
                # textbooks, half of them ... never opened again")
                cues.discard("price")
            if "loss" in cues and not _FIRST_PERSON.search(_WE_MET.sub(" ", piece)):
                # "their cold rooms fail 2-3 times a summer and they lose about €4,000": the customers'
                # loss, not a risk of ours ("the pharmacies we visited throw away vaccines when the
                # fridge fails": we only met them)
                cues.discard("risks")
            # A figure in the same line as a problem ("inspect once a year at best; 41% of the 90 we
            # surveyed had a repair over £1,000") says how big it is.
            sized = re.search(r"\d", piece) and any(p != piece and _names_a_problem(p) for p in in_line) or \
                beside_a_problem and (_SHARE.search(piece) or _TIME.search(piece) or _MONEY.search(piece) and
                                      _MONEY_LOST.search(piece))
            if not (cues & {"problem", "loss"} or sized) or cues & set(_ELSEWHERE) or (name and name in piece):
                continue
            if "budget" in cues and "loss" not in cues:
                continue  # what they pay today is economics
            if re.match(r"(?i)\W*as\s+an?\s+[^,.;]{3,60},?\s+I\s+(?:want|need)\b", piece):
                continue  # a user story's "As a letting agent ..., I want ...": what they want, not the problem
            if _COMPETITOR.search(piece):
                continue  # another company's product and its flaws: the competition, not the customer's problem
            if statement.topic == "customer" and not re.search(r"\d", piece):
                continue
            if re.search(r"[\"“”]", piece) and any(q.text in piece for q in facts.quotes):
                continue  # a customer's words are quoted as such, with who said them
            if any(quote in piece for quote in quoted_elsewhere):
                # (a transcript's words chosen as the customer quote are printed there, unless the
                # problem would have nothing else to say: then quoted as theirs, never in our voice)
                turn = _spoken_turn(statement, facts)
                quoted.append(_in_their_words(_in_words_of(turn), [(statement.line, piece)]) if turn else piece)
                continue
            turn = _spoken_turn(statement, facts)
            if turn is not None:
                # A transcript's customer turn ("Caller: we throw out about 15% of bread ...") is in
                # the customer's voice: quoted as theirs, never printed as the release's own "we".
                spoken.setdefault(_in_words_of(turn), []).append((statement.line, piece))
                continue
            teller = tellers.get(statement.line) if statement.label else None
            if piece == in_line[0]:
                piece = _with_its_source(statement, [piece])[0]  # "In a survey of 120 tenants, 64% open ..."
            pieces.append(told_by(piece, teller) if teller else piece)
    for who, said in spoken.items():
        pieces.append(_in_their_words(who, list(dict.fromkeys(said))))
    pieces = list(dict.fromkeys(pieces)) or quoted[:1] or _problem_in_quotes(facts, quoted_elsewhere) or \
        _before_the_idea(facts) or _said_in_their_language(facts)
    if not pieces:
        return []
    sharpest = max(pieces, key=lambda piece: (sharpness(piece), -pieces.index(piece)))
    first = [sharpest]
    at = pieces.index(sharpest)
    if at > 0 and _POINTS_BACK.match(sharpest):
        # "That's roughly $310 lost per empty slot" speaks of the sentence before it: the two lead together
        first = [pieces[at - 1], sharpest]
    ordered = [*first, *(p for p in pieces if p not in first)]
    return ordered[:MAX_PROBLEM_STATEMENTS]


# A sentence whose subject is the sentence before it: "That's roughly $310 lost per slot", "This
# adds up to ...", "Which means ...". It cannot open the section on its own.
_POINTS_BACK = re.compile(r"(?i)\W*(?:that|this|these|those|which|such|it)(?:['’]s|\s+(?:is|was|are|adds?|means?|"
                          r"comes?|costs?|works?|leaves?|makes?|amounts?|puts?|turns?|translates?)\b)")


def _problem_in_quotes(facts: Facts, quoted_elsewhere: list[str]) -> list[str]:
    """No line of ours names a problem, but the customers' quotes do ("If a code is wrong the
    container sits at Felixstowe for 3 days and we eat the demurrage, about £400 a day"): the problem
    told in their words, as theirs (not the notes' context lines before the idea)."""
    said = [q for q in facts.quotes if q.text not in quoted_elsewhere and not says_what_they_pay(q)
            and _names_a_problem(q.text)]
    if not said:
        return []
    sharpest = max(said, key=lambda q: (sharpness(q.text), -said.index(q)))
    return [f"{_in_words_of(sharpest)}: “{sentence(sharpest.text)}”"]


def _fluent(text: str) -> str:
    """A transcribed voice memo without its hesitations: "a, um, a little sound sensor" -> "a little
    sound sensor", "you, uh, you stress the colony" -> "you stress the colony"."""
    text = re.sub(r"(?i)(?<=\w),?\s+(?:um+|uh+|erm+|er|hmm+)\b,?(?=\s)", "", text)
    return re.sub(r"(?i)\b(a|an|the|you|we|it|i|to|and|they)\b,?\s+\1\b", r"\1", text)


def _said_in_their_language(facts: Facts) -> list[str]:
    """"dueños de lavanderías en Madrid pierden clientes cuando las máquinas fallan": the line that
    names the customers in another language, and what happens to them, when no English line says
    the problem (said as the notes say it: no cue word of ours reads it)."""
    source = facts.customer_source
    if source is None:
        return []
    line = next((s for s in facts.statements if s.start <= source.start < s.end and
                 s.topic is None and _usable(s) and foreign(s.text) and not s.text.startswith(source.text + ",")),
                None)
    return [line.text] if line is not None and len(line.text.split()) > len(source.text.split()) + 1 else []


def _spoken_turn(statement: Statement, facts: Facts) -> QuoteFact | None:
    """The customer's turn of a transcript this statement is part of: a quote with no quotation
    marks ("Caller: we throw out about 15% of bread on a Monday") is a turn's sentence, and so is
    the rest of its line ("Nobody trusts it.", too short to be a quote of its own). (A line that only
    holds a quote inside its own words, "Kate said ... I lose more fruit ...", is not a turn.)"""
    if re.search(r"[\"“”]", statement.text):
        return None
    unmarked = [s for s in facts.statements if s.line == statement.line and not re.search(r"[\"“”]", s.text)]
    return next((q for q in facts.quotes if q.line == statement.line and (q.speaker or q.detail) and
                 any(q.start <= s.start and s.end <= q.end + 1 for s in unmarked)), None)


def _in_their_words(who: str, said: list[tuple[int, str]], most: int = 3) -> str:
    """A customer's turns quoted as theirs: "In a caller's words: “We're a Berlin bakery chain ...”
    “A spreadsheet my brother wrote. Nobody trusts it.”" Each turn (its line) is one quotation, as
    the notes hold it; the sharpest turns, in the order they were said. (No verb of saying: the
    paragraph is the problem, told through the customer, not a quote paragraph.)"""
    turns: dict[int, list[str]] = {}
    for line, piece in said:
        turns.setdefault(line, []).append(piece)
    ranked = sorted(turns, key=lambda line: -max(sharpness(p) for p in turns[line]))[:most]
    return f"{who}: " + " ".join(f"“{' '.join(sentence(p) for p in turns[line])}”" for line in sorted(ranked))


def _in_words_of(quote: QuoteFact) -> str:
    """"In Priya's words", "In a caller's words": whose words a transcript's turn is."""
    if quote.speaker:
        return f"In {quote.speaker}'s words"
    detail = quote.detail or ""
    if re.fullmatch(r"[a-z]+(?:\s[a-z]+)?", detail):
        return f"In {'an' if detail[0] in 'aeiou' else 'a'} {detail}'s words"
    return f"In the words of {quote.attribution or 'a customer'}"


# "Bookwell already does rebooking but ...", "Trackunit also offers ...", "competitors like Acme ...":
# a sentence about another company's product (a capitalised name doing what a product does).
_COMPETITOR = re.compile(r"^\W*(?:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+(?:already|also|now)\s+(?:does|do|offers?|"
                         r"has|have|sells?|covers?|charges?|tracks?|provides?|supports?|lets)\b|"
                         r"(?i:\bcompetitors?\s+(?:like|such as|including)\b)|"
                         r"^\W*(?i:unlike)\s+(?-i:[A-Z])")  # "Unlike Apicbase, which needs a recipe database, ..."
_THEY_SPEND = re.compile(rf"(?i)\b(?:spend|spends|spent|spending|pay|pays|paid|paying)\b[^.;]{{0,25}}?"
                        rf"(?:{money_pattern()}|(?:\d+|an?|one|two|three|four|five|six|half\s+an?)\s+"
                        rf"(?:hours?|hrs?|days?|weeks?|minutes?|mins?|evenings?|mornings?|nights?|afternoons?|"
                        rf"weekends?|shifts?)\b)")


# A note's verb with its subject left out: "spends 5 hrs/week on WhatsApp rebooking".
_SUBJECTLESS = re.compile(r"(?i)^(?P<verb>[a-z]+(?:[^s\W']s|ches|shes|sses))\s+(?:\d|a|an|the|about|around|over|"
                          r"up to|too|their|his|her|hours?|most|half)\b")


def told_by(fragment: str, teller: str) -> str:
    """A table cell of shorthand, said by the person of its row, as a sentence: "Priya spends 5
    hours a week on WhatsApp rebooking" (the subject the note left out), "Gary told us: 3
    cancellations a week, unpaid" (a fragment with no verb, set off as his); a sentence with its
    own subject ("pupils forget the theory test date") stays as it is."""
    from assistant.draft.facts import speaker_from

    name = speaker_from(teller)[0]
    if not name or opens_with_people_doing(fragment) or _OWN_SUBJECT.match(fragment):
        return fragment
    if _SUBJECTLESS.match(fragment):
        return f"{name} {_lower_first(fragment)}"
    if re.match(r"\d|[a-z]", fragment) or len(fragment.split()) <= 6:
        return f"{name} told us: {_lower_first(fragment)}"
    return fragment


def _about_our_plan(piece: str, name: str | None) -> bool:
    """A sentence about what we build, charge or launch ("The app, WG-Kasse, connects ...",
    "we'd earn €2.99 a month per flat", "Launching in Munich in April 2027")."""
    if name and re.search(rf"\b{re.escape(name)}\b", piece):
        return True
    return bool(_OUR_PRICE.search(piece) or re.match(r"(?i)\W*(?:launch\w*|we(?:'ll| will) launch|"
                                                      r"available|it'?s free)\b", piece))


# Money that is a problem's size ("about €11 in rider pay", "costs them £60"), not a price of ours
# ("a $25 vibration sensor on each machine").
_MONEY_LOST = re.compile(r"(?i)\b(?:costs?|costing|lost|los(?:e|es|ing)|pay|paid|pays|spend\w*|spent|worth|revenue|"
                         r"income|fines?|wasted?|refunds?)\b")


# A short clause that opens with "free to/for" someone: the price, with no money in it.
_FREE_TO = re.compile(r"(?i)(?:it(?:'s|\s+is|\s+will\s+be)\s+)?free\s+(?:to|for)\s+[\w' -]{2,40}?(?=[.;,]|$)")


def _launch_priced(piece: str, phrase: re.Match[str]) -> bool:
    """A launch sentence that says the price in a clause of its own: "Launch in Leeds in June 2027,
    £2 per bed per month", "launching in Hobart on 8 March, A$39 a month per shop, and ...", "goes
    live in spring at $129/month per room". The clause holding the price names no loss today."""
    clause = next((part for part in re.split(r"[,;]\s+", piece) if phrase.group().strip() in part), "")
    own = _PER_UNIT_PRICE.match(clause.strip()) or re.search(rf"\b(?:at|for)\s+{re.escape(phrase.group().strip())}",
                                                             clause)
    return bool(own) and not _names_a_problem(clause) and not _SPENT_TODAY.search(clause) and \
        not _THEIR_PRICE.search(clause)


def _names_a_problem(piece: str) -> bool:
    return bool(CUES["problem"].search(piece) or CUES["loss"].search(piece) or _SPENT_ON.search(piece))


# What customers spend on something today, not our price: "avg 3-bed house: £1.9k/yr on gas",
# "$300 a month on couriers"
_SPENT_ON = re.compile(r"(?i)[$€£¥]\s?\d[\d,.]*\s?(?:k|m|bn)?\s*(?:(?:/|a|an|per|each)\s*(?:yr|year|month|mo|week|wk|"
                       r"day|night))?\s+on\s+(?!sale\b|top\b|launch\b|request\b|demand\b|average\b|each\b|every\b)"
                       r"[a-z]")


# A note that tells the customer what to do ("snap a photo of the receipt, Keepr reads ...").
_IMPERATIVE = re.compile(r"(?:snap|take|scan|point|tap|open|upload|forward|connect|type|ask|drop|paste|add|pick|"
                         r"choose|photograph|record|install|plug|speak|say|describe|enter|sign up|log|renew|apply|"
                         r"submit|request|register|reserve|top up|claim|report)\b")


# A value proposition said as an order to the customer, as canvases and landing pages write it:
# "Stop losing members you never knew were drifting away", "Rent baby kit by the month", "Never
# miss a dose" (verbs that open no noun phrase; "Book", "Plan", "Order" can, and are left out).
_BENEFIT_IMPERATIVE = re.compile(r"(?i)(?:stop|never|rent|save|get|cut|keep|know|find|see|swap|skip|borrow|hire|"
                                 r"sell|fix|catch|spot|win|turn|let|make|give|spend|stay|avoid|end|forget|meet|"
                                 r"learn|grow|reach|bring|protect|sleep|serve|earn|feed)\s+"
                                 r"(?!(?:of|and|or|to|is|are|was|were|for)\b)[a-z]")
_VALUE_LABEL = re.compile(r"(?i)value\s+prop|\buvp\b|\bpromise\b|tagline|one-?liner|\bbenefit")


def _benefit_order(text: str) -> bool:
    """An idea line that tells the customer what they get to do: "Stop losing members ..."."""
    return bool(_BENEFIT_IMPERATIVE.match(text.strip())) and not re.search(r"[:;?]", text)


def _in_english(piece: str) -> str:
    """"Padarias em Lisboa (bakeries in Lisbon) throw away 12% of bread" reads "Bakeries in Lisbon
    throw away 12% of bread": the subject's English, which the notes give in brackets."""
    from assistant.draft.facts import translated_subject

    glossed = translated_subject(piece)
    if glossed is None:
        return piece
    english = glossed.group("english")
    return sentence(f"{english[0].upper()}{english[1:]} {glossed.group('rest')}")


def _at_the_businesses(piece: str, keep: set[str] | frozenset[str] = frozenset()) -> str:
    """"Care homes in Leeds: night staff miss medication rounds" reads "At care homes in Leeds,
    night staff miss medication rounds": a kind of business set before a colon is where it happens."""
    from assistant.draft.facts import PROBLEM_SUBJECT, businesses

    lead = re.match(r"(?P<lead>[^:\n]{3,60}):[*_]{0,2}\s+(?=\S)", piece)
    if lead is None or not (opens_with_people_doing(piece[lead.end():]) or PROBLEM_SUBJECT.match(piece[lead.end():])):
        return piece
    if businesses(lead.group("lead")):
        return f"At {_lower_first(lead.group('lead'), keep)}, {piece[lead.end():]}"
    # "Top theme (38% of tickets): landlords in Glasgow can't see ...": a note's label over a sentence
    # that has its own subject; the sentence, its figure in brackets kept after it
    label = re.fullmatch(r"[*_]{0,2}(?P<words>(?:[A-Za-z]+\s+){0,3}[A-Za-z]+)\s*"
                         r"(?:\((?P<aside>[^()]{1,40})\))?[*_]{0,2}", lead.group("lead"))
    if label is None or _FINITE.search(label.group("words")) or not label.group("aside"):
        return piece
    rest = piece[lead.end():].rstrip(" .")
    return f"{rest[0].upper()}{rest[1:]} ({label.group('aside')})."


def _before_the_idea(facts: Facts) -> list[str]:
    """No line names a problem in so many words: the unlabelled prose before the idea ("home buyers
    find defects only after they move in. a snagging survey costs £300-£600 ...") is the notes'
    account of the situation, as notes usually open with it."""
    name = facts.product_name
    # the idea's line; else the product's first line ("Earlink sends ...") or the one naming it
    # ("agreed to call it PauseButton"); else the name label's
    marks = (lambda s: s.about("idea"),
             lambda s: bool(name) and s.topic != "name" and (s.text.startswith(f"{name} ") or
                                                            PRODUCT_NAME.search(s.text) is not None),
             lambda s: s.topic == "name")
    idea_at = next((s.start for mark in marks for s in facts.statements if mark(s)), None)
    if idea_at is None:
        return []
    found = [piece for s in facts.statements if s.start < idea_at and s.topic is None and not s.quote_only
             and not set(s.topics) & set(_ELSEWHERE) and not asks(s.text) and not PRODUCT_NAME.search(s.text)
             and not _HEADER.match(s.text) for piece in _pieces(s) if _concrete(piece)]
    return sorted(found, key=lambda piece: -sharpness(piece))[:2]  # the sharpest two, figures first


# "Landlord interviews (small landlords, 1-5 properties)": a header over what was heard, not a fact.
_HEADER = re.compile(r"(?i)^(?:[\w-]+\s+){0,2}(?:interviews?|calls?|notes?|meeting|visits?)\b[^.]*$")


def _concrete(piece: str) -> bool:
    """A situation, not a slogan: a figure or people doing something, and no exclamation marks."""
    return "!" not in piece and (bool(re.search(r"\d", piece)) or opens_with_people_doing(piece))


# A version or edition after a name: "ThermoPatch v2", "Ledgerly 2.0", "Pawpost Pro"
_VERSION = r"(?:\s+(?:v\d[\w.]*|\d+(?:\.\d+)*|(?i:pro|plus|mini|lite|max|go|gen\s?\d)))?"


def idea_statements(facts: Facts) -> list[str]:
    """What we will build, in the notes' words: labelled ideas, then sentences whose subject is the
    product ("Clinicly checks coverage ...", "Loop sends the invoice ..."), else lines that sound
    like an idea (not a price, a launch plan or a risk). What we will not do ("we will not do
    automatic vent control in v2") is no part of it, unless labelled as the idea."""
    labelled = {s.text for s in facts.labelled("idea")}
    found = [text for text in _idea_statements(facts) if text in labelled or not CUES["not_doing"].search(text)]
    # ("Runway would be included in the Business Plus plan (S$25 a month) ...": a sentence of the
    # product's that says its price is the price's, when another says what it is)
    priced = [text for text in found if text not in labelled and has_money(text) and CUES["price"].search(text)]
    if priced and len(priced) < len(found):
        found = [text for text in found if text not in priced]
    name = facts.product_name
    if not name:
        return found
    # "the idea is Cuewise which snaps the subtitles to the shot changes": Cuewise snaps the subtitles ...
    return [re.sub(rf"(?i)^\W*(?:(?:so|and|ok)\s+)?(?:the|our)\s+(?:idea|concept|plan|proposal|pitch)\s+is\s+"
                   rf"(?-i:{re.escape(name)}),?\s+(?:which|that)\s+(?=[a-z]+s\b)", f"{name} ", text) for text in found]


def _idea_statements(facts: Facts) -> list[str]:
    name = facts.product_name
    # (an idea label holding only the name, "What I'd build: Moorpay.", says nothing it does)
    labelled = [s.text for s in facts.labelled("idea") if _usable(s) and s.text.strip(" .*_") != name]
    if not labelled and not name:
        labelled = [_IDEA_LEAD.sub("", s.text) for s in facts.statements if _usable(s) and s.topic is None
                    and _IDEA_LEAD.match(s.text) and not {"price", "budget", "launch", "risks"} & set(s.topics)]
    about_it = [piece for s in facts.statements if _usable(s) and name and s.topic in (None, "name")
                for piece in _with_its_clauses(_pieces(s)) if piece.startswith(name)
                and THIRD_PERSON.match(piece[len(name):].strip())]
    # "ClinicQ = waitlist that texts the next patient ...", "ClinicQ: ...": the name, then what it is
    # ("ListaYa: students tap their phone on an NFC card": a sentence of its own, said as it is)
    about_it += [defined.group("what") if _OWN_SUBJECT_SHORTHAND.match(defined.group("what")) else
                 f"{name}: {_with_article(defined.group('what'))}" for s in facts.statements
                 if name and _usable(s) and s.topic is None and not s.quote_only and
                 (defined := re.match(rf"{re.escape(name)}{_VERSION}\s*(?:=|:|[-–—]\s)\s*(?P<what>[a-z].{{10,}})",
                                     s.text))]
    # "produto: VetLembra, lembretes por WhatsApp com confirmação", "name: Tally — a receipt inbox ...":
    # a name label that goes on to say what it is
    about_it += [f"{name}, {described.group('what')}" for s in facts.labelled("name") if name and _usable(s) and
                 (described := re.match(rf"{re.escape(name)}\s*(?:,|[-–—:])\s+(?P<what>\S+(?:\s+\S+){{2,}})",
                                        s.text))]
    about_it += _named_and_described(facts) + _after_the_naming(facts)
    if labelled or about_it:
        return list(dict.fromkeys(labelled + about_it))
    cued = [s.text for s in facts.statements if _usable(s) and s.topic is None and "idea" in s.topics
            and not {"price", "budget", "launch", "risks"} & set(s.topics) and not _CHATTER.search(s.text)][:2]
    if cued:
        return cued
    # A dictated paragraph that goes on from the idea to the price and the launch ("the idea is a
    # little till app ... . we'd charge like eight pounds a month. start at the Stroud market ..."):
    # the sentence that says the idea, without the others
    spoken = [piece for s in facts.statements if _usable(s) and s.topic is None and "idea" in s.topics
              for piece in _pieces(s) if CUES["idea"].search(piece) and not _CHATTER.search(piece) and
              not any(CUES[other].search(piece) for other in ("price", "budget", "launch", "risks"))]
    if spoken:
        return [_IDEA_LEAD.sub("", spoken[0])]
    # Notes of bare lines, no label and no "idea" word: a line naming the parts of a product ("booking
    # page with a €10 deposit, reminders by text the day before", "shared fridge ledger app, scan the
    # receipt") and naming no problem is what we would build.
    return [s.text for s in facts.statements if _usable(s) and s.topic is None and not s.label and
            not {"problem", "loss", "launch", "risks", "budget", "evidence", "dependencies"} & set(s.topics) and
            _PRODUCT_PARTS.search(s.text) and not _NOT_A_BARE_IDEA.search(s.text) and "price" not in s.topics
            and len(s.text.split()) <= 25 and not _CHATTER.search(s.text)][:1]


# The parts a product is made of, as bare notes name them: a page, an app, reminders, alerts.
_PRODUCT_PARTS = re.compile(r"(?i)\b(?:app|web ?app|booking page|(?:web|landing|sign-?up) page|portal|dashboard|"
                            r"reminders?|alerts?|notifications?|widget|plug-?in|chat ?bot|bot|sensors?|tracker|ledger|"
                            r"kiosk|scanner|marketplace|subscription box|checklist|inbox)\b")
# (not a quote, a question, a table row, a negation, nor anyone's first person: "the fix isn't a
# better scanner", "| 1 | Fill sensor | As a route driver, I want ...")
_NOT_A_BARE_IDEA = re.compile(r"[\"“”?|]|(?i:\b(?:not|no|never|isn'?t|aren'?t|won'?t|don'?t|doesn'?t)\b|n't\b)|"
                              r"\b(?:I|I'm|I'd|we|We|we'd|We'd|my|My|our|Our)\b")


# "The idea is a photo inbox: ...", "So the concept is": the words that announce the idea, which a
# sentence built around it ("It is ...", "With X, they get ...") must not repeat.
# "the gadget: a coin-sized sensor ...", "our product - an app that ...": what announces the thing
_THING_LEAD = re.compile(r"(?i)^\W*(?:the|our)\s+(?:gadget|device|product|thing|app|tool|service|solution|"
                         r"prototype|kit|box|platform|idea|concept|offer|mvp)\s*(?::|\s[-–—])\s*(?=(?:an?|the|one)\s)")
# ("So the idea, as I'd now pitch it: we put acoustic pods into offices as a service")
_IDEA_LEAD = re.compile(r"(?i)^\W*(?:(?:so|and|ok),?\s+)?(?:the|our|my)\s+(?:idea|concept|plan|proposal|pitch)"
                        r"(?:\s+(?:is|would be|will be)|(?:,\s+[^:,.]{1,40})?\s*:)\s+(?=(?:a|an|the|one|to|we)\b)")


# "we're thinking of a forecast that ...", "so we're looking at building an app that ...": the words
# that say an idea follows, which a sentence about the product ("BackPlan is a forecast ...") drops.
_THINKING_OF = re.compile(r"(?i)^\W*(?:(?:so|and|ok|well),?\s+)?we(?:(?:'re|\s+are)\s+(?:thinking\s+(?:of|about)|"
                          r"looking\s+at)\s+(?:building\s+|making\s+)?|(?:'d|\s+would|'ll|\s+will|\s+could|"
                          r"\s+want\s+to|\s+plan\s+to)\s+(?:build|make|offer|launch|ship)\s+)(?=(?:an?|some)\s)")


# "what if we do WhatsApp reminders ...?", "how about we build a ...?": an idea put as a question.
_PROPOSED = re.compile(r"(?i)^\W*(?:(?:ok|so|and|but|hmm),?\s+)*(?:what if we|how about(?: we)?|why don'?t we)"
                       r"(?:\s+(?:just\s+)?(?:do|did|build|built|make|made|offer|offered|send|sent|try|tried|use|used|"
                       r"add|added|had|have|give|gave|run|ran))?\s+")


# Talk about the notes or the talk itself, not about the product: a voice note's sign-off ("Okay
# that's it, call you later"), an e-mail's preamble ("You asked me to write the idea down ... so
# here it is"), a meeting's reaction ("They liked it but want to see it first").
_CHATTER = re.compile(r"(?i)\b(?:that's it|call you|talk (?:to you )?(?:soon|later)|here it is|you asked|"
                      r"as discussed|let me know|(?:they|he|she|everyone) liked|sorry)\b|^(?:ok(?:ay)?|right|anyway|"
                      r"thanks|cheers|bye)\b")


# "boats book a berth online, ...": a plural subject and its verb, a sentence of its own (no "is" or
# "gives them" reads before it; "boats" is no verb of the product's)
_OWN_SUBJECT_SHORTHAND = re.compile(r"[a-z]+s\s+(?!(?:a|an|the|to|for|with|in|on|at|of|and|or|your|their|every|each|"
                                    r"its|by|from|up|out|off|next|all|any|it|them)\b)[a-z]+\b(?<!s)")


# A bare noun phrase of note shorthand, then what follows it: "tablet on the med trolley that ...",
# "repairs app where residents report ...", "order app for the counter"
_BARE_NOUN_PHRASE = re.compile(r"(?P<words>(?:[a-z][a-z-]*\s+){0,2}?(?P<noun>[a-z][a-z-]{2,}))"
                               r"(?:\s+(?:that|which|for|with|where|on|in|at|to|of|so|across|from|by|per|via|between|"
                               r"around|near|inside|within|over|under)\b|\s*,|\s*$)")
# (words that open no noun phrase: a verb, "also", a pronoun's "it")
_NOT_A_NOUN_OPENER = {"also", "just", "maybe", "then", "so", "and", "or", "but", "if", "when", "not", "more", "less",
                      "very", "too", "only", "make", "use", "get", "build", "add", "let", "put", "send", "scan", "take",
                      "pick", "check", "see", "do", "go", "try", "give", "start", "stop", "set", "run", "have"}


def _with_article(what: str) -> str:
    """"waitlist that texts the next patient", "tablet on the med trolley that shows who is due",
    "repairs app where residents report": note shorthand's bare noun phrase takes its article ("a
    waitlist that ..."), so the sentence built on it reads "ClinicQ is a waitlist that ..." (not
    "gives them repairs app where ...")."""
    bare = _BARE_NOUN_PHRASE.match(what)
    if bare is None:
        return what
    words = bare.group("words").split()
    noun = bare.group("noun")
    if noun.endswith("s") and not noun.endswith("ss") or noun.endswith("ing") or \
            any(w in _VERBS or w in _VERBS.values() or w in _FUNCTION_WORDS or w in _NOT_A_NOUN_OPENER or
                w.endswith("ly") for w in words) or _FINITE.search(noun) or \
            any(_FINITE.search(w) and not w.endswith("ed") for w in words[:-1]):  # ("shared veg order": an adjective)
        return what
    return ("an " if what[0] in "aeiou" else "a ") + what


# A verb in -s in note shorthand ("reads", "counts"); an agent's or an act's noun in -ers, -ors,
# -ions, -ments is one only before its object ("reminders by text" is a thing, "delivers the order" a doing)
_SHORTHAND_S = (r"(?![a-z]+(?:ers|ors|ions|ments|ances|ences)\s+(?!(?:the|a|an|each|every|it|them|their|your|you|"
                r"its|our)\b))[a-z]+[^s\W']s")
# In a note's shorthand list, a part with its own subject: "the super sees it on their phone",
# "inspector scans and ticks the checklist", "each payment unlocks it for 24h", "it goes straight ..."
_SHORTHAND_CLAUSE = re.compile(rf"(?:(?:the|a|an|each|every|their|its)\s+)?(?:[a-z][\w-]*\s+){{0,2}}?"
                               rf"(?:{_SHORTHAND_S}|is|are|gets?|goes)\s+(?!(?:of|and|or|for|with|per|from)\b)\S")
_SHORTHAND_VERB = re.compile(rf"(?!(?:is|was|has|does|plus|its|this|less|needs)\b){_SHORTHAND_S}\s+\S")
_SHORTHAND_DONE = re.compile(r"(?:[a-z]+ed|paid|sent|made|built|owned|kept|held|done|shown|sold|told|stored)\s+\S")


def _shorthand_sentences(first: str, keep: set[str] | frozenset[str] = frozenset()) -> list[str] | None:
    """A clipped idea line in its parts, each said as a sentence: "room sensor + auto-release
    after 10 min" -> ["a room sensor and auto-release after 10 min."]; "embedded maturity sensor,
    reads strength from the slab, the super sees it on their phone" -> ["an embedded maturity
    sensor.", "It reads strength from the slab.", "The super sees it on their phone."]. The first
    part must be a thing that takes an article (what the customer gets); None when a part is none
    of a thing, what it does, what is done to it, or a clause with its own subject."""
    from assistant.draft.shorthand import expand

    # (", and texts the cleaner ..." is a list's last item, no new part)
    parts = [expand(p).strip(" .") for p in re.split(r"\s*[,;]\s+(?!(?:and|or|but|then|plus|so)\b)|\s+\+\s+", first)
             if p.strip(" .")]
    if len(parts) < 2:
        return None
    head = _with_article(_lower_first(parts[0], keep))
    if (head == parts[0] or head == _lower_first(parts[0], keep)) and not re.match(r"(?i)(?:a|an|one)\s", parts[0]):
        return None  # "boats book a berth online": no thing to give ("a thermal camera ..." is one)
    things, said = [head], []
    for part in parts[1:]:
        if _SHORTHAND_VERB.match(part):
            said.append(sentence(f"It {part}"))  # "reads strength from the slab": the thing does it
        elif _SHORTHAND_DONE.match(part):
            said.append(sentence(f"It is {part}"))  # "paid in daily installments": done to the thing
        elif _SHORTHAND_CLAUSE.match(part):
            subject = part.split()[0]
            if subject not in _FUNCTION_WORDS and subject not in ("each", "every", "their", "its") and \
                    not subject.endswith("s"):
                part = f"the {part}"  # note shorthand's bare subject, "inspector scans ...", takes its article
            said.append(sentence(part))
        elif not said and (_with_article(part) != part or re.match(r"[a-z][\w-]*(?:\s|$)", part) and
                           not re.match(r"(?:no|not|and|or|but|so|then|also)\b", part)):
            things.append(part)  # "room sensor + auto-release after 10 min": a second thing it comes with
        else:
            return None
    return [f"{_and(things)}.", *said]


def _named_and_described(facts: Facts) -> list[str]:
    """"The idea, which we've named Savaari, lets hotels call the nearest driver": the sentence that
    names the product also says what it does, after the name. It reads "Savaari lets hotels ..."."""
    name = facts.product_name
    found = []
    for statement in facts.statements:
        if not name or not _usable(statement) or statement.topic not in (None, "name", "idea"):
            continue
        for piece in _SENTENCE_SPLIT.split(statement.text):
            match = PRODUCT_NAME.search(piece)
            if match and product_name_in(match) == name:
                rest = re.sub(r"^[\"”']?\s*[,)]\s*", "", piece[match.end():]).rstrip()
                # "lets hotels call ...", or "..., we said we'd call it Coolmark, is a little logger ..."
                if rest and THIRD_PERSON.match(rest) and not re.match(r"(?:is|will|would|can|could)\b", rest) or \
                        re.match(r"is an?\s", rest):
                    found.append(f"{name} {rest}")
                elif re.match(r"an?\s", rest) and (re.search(r"[:—–]\s*$|\s-\s*$", match.group())
                                                    or match.group("appositive")):
                    # "The service we agreed to describe is Resa Enkelt: an app ...", "What I'd propose is
                    # PawPing, a WhatsApp reminder that ..."
                    found.append(f"{name} is {rest}")
                elif match.group("decided") and (dashed := re.match(r"\s*[—–:-]\s*(?P<what>\S.+)", rest)) is not None:
                    # "go ahead with Nestbook — parents book crèche slots in the members' app"
                    found.append(dashed.group("what"))
                elif (after_colon := re.match(r"(?:\s*[\w']+){0,3}?\s*:\s+(?P<what>\S.+)", rest)) is not None:
                    # "the idea we've been calling Pickpath internally: the handheld scanner reorders ..."
                    found.append(after_colon.group("what"))
    return found


_QUOTES_SOMEONE = re.compile(r"[\"“”]|\b(?:said|says|told)\b")


def _with_its_clauses(pieces: list[str]) -> list[str]:
    """Sentences again whole where a semicolon cut them: "Rostr lets a coach post the match once;
    parents tap in or out, and the coach sees a live squad count" says what it does only whole."""
    out: list[str] = []
    for piece in pieces:
        if out and out[-1].endswith(";"):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


# A finite verb: a note with none ("no-shows on Saturdays", "2 hrs/day on the phone confirming") is a
# fragment. Common verbs and any -ed form; a miss only leaves a fragment as it was.
# ("no-shows", "to ask": no verb of the note's own)
_FINITE = re.compile(r"(?i)\b(?<!-)(?<!\bto )(?:is|are|was|were|am|be|been|has|have|had|do|does|did|can|cannot|"
                     r"could|will|would|shall|should|must|may|might|[a-z]+n't|get|gets|got|lose|loses|lost|spend|spends|spent|take|"
                     r"takes|took|need|needs|want|wants|run|runs|ran|go|goes|went|make|makes|made|keep|keeps|kept|"
                     r"miss|misses|use|uses|pay|pays|come|comes|came|forget|forgets|forgot|call|calls|ask|asks|"
                     r"wait|waits|say|says|said|know|knows|knew|see|sees|saw|find|finds|found|give|gives|gave|leave|"
                     r"leaves|left|book|books|buy|buys|bought|sell|sells|sold|guess|guesses|throw|throws|threw|check|"
                     r"checks|write|writes|wrote|send|sends|sent|bring|brings|brought|show|shows|try|tries|work|"
                     r"works|hate|hates|chase|chases|drop|drops|fall|falls|fail|fails|[a-z]{3,}ed)\b|[:;\"“”]")


# "SMS reminders ignored": a plural noun and its participle, note shorthand for "are ignored"
_PLURAL_PARTICIPLE = re.compile(r"^(?P<who>(?:[A-Za-z][\w-]*\s+){0,2}[a-z]+s)\s+(?P<done>[a-z]+ed)(?=\W|$)")


# "Two clients complained this year about being overheard": a past tense, when it happened or what
# about, not a participle ("SMS reminders ignored")
_PAST_TOLD = re.compile(r"\s+(?:(?:this|last|that)\s+(?:year|month|week|quarter|spring|summer|autumn|fall|winter)|"
                        r"yesterday|recently|twice|again|already|about|that|to us|to me)\b")


def _with_its_be(piece: str) -> str:
    """"SMS reminders ignored" reads "SMS reminders are ignored": note shorthand's fragment made a
    sentence (only a short one with no verb of its own)."""
    said = _PLURAL_PARTICIPLE.match(piece)
    if said is None or len(piece.split()) > 12 or _FINITE.search(said.group("who")) or \
            _FINITE.search(piece[said.end():]) or said.group("who").split()[-1].endswith("ss") or \
            _PAST_TOLD.match(piece[said.end():]):
        return piece
    return f"{said.group('who')} are {piece[said.start('done'):]}"


def _fragment(piece: str) -> bool:
    """A short note with no verb and no subject doing something: "paper diary at the front desk"."""
    return len(piece.split()) <= 12 and not _FINITE.search(piece) and not opens_with_people_doing(piece) and \
        not _OWN_SUBJECT.match(piece)


# "deposits taken when the client books online": a plural noun and a participle, no verb of the product's
_NOUN_AND_PARTICIPLE = re.compile(r"[a-z]+s\s+(?:[a-z]+ed|taken|sent|paid|made|held|kept|done|given|shown|seen|built|"
                                  r"bought|sold|told|read|written|sorted|stored)\b")


# "it's a phone app where ...", said right after the name: what it is, without the spoken "it's"
# (the draft says "Pickday is a phone app ...", not "Pickday gives them it's a phone app").
_IT_IS = re.compile(r"(?i)^(?:it's|it is|it'll be|it will be|it would be)\s+(?:basically\s+|just\s+|like\s+)?"
                    r"(?=(?:a|an)\s)")


def _after_the_naming(facts: Facts) -> list[str]:
    """"We're thinking of calling it Swapboard. Nurses post a shift, ...": the sentences that
    follow the one naming the product, in the same paragraph, describe it."""
    name = facts.product_name
    if not name:
        return []
    for index, statement in enumerate(facts.statements):
        # ("What I'd build: Moorpay." names it alone, under an idea label: what follows describes it)
        named_alone = statement.topic == "idea" and statement.text.strip(" .*_") == name
        if not _usable(statement) or statement.topic not in (None, "name") and not named_alone:
            continue
        pieces = _SENTENCE_SPLIT.split(statement.text)
        naming = next((i for i, piece in enumerate(pieces) if (PRODUCT_NAME.search(piece) or BUILD_NAME.search(piece)
                                                              or named_alone) and name in piece), None)
        if naming is None:
            continue
        # The rest of the paragraph: this line's later sentences (a long line is read sentence by sentence).
        after = pieces[naming + 1:] + [p for s in facts.statements[index + 1:] if s.line == statement.line
                                       and s.topic is None for p in _SENTENCE_SPLIT.split(s.text)]
        # "what I want to do is PlotQueue, people join the list online and ...": the naming
        # sentence goes on, after the name, with what people do with it
        named = pieces[naming]
        rest = re.match(r"\s*[,:—–]\s+(?P<what>\S.{10,})", named[named.find(name) + len(name):]) \
            if name in named else None
        if rest and (_OWN_SUBJECT_SHORTHAND.match(rest.group("what")) or opens_with_people_doing(rest.group("what"))):
            after = [rest.group("what"), *after]
        following = facts.statements[index + 1] if index + 1 < len(facts.statements) else None
        if not after and following is not None and following.topic is None and \
                following.line == statement.line + 1 and not asks(following.text) and \
                not re.match(r"(?i)(?:who|what|when|where|why|how|which)\b", following.text):
            # "- agreed to call it PauseButton" / "- members pause for 1-3 months from the app; ...":
            # a naming line that says nothing more is described by the next line
            after = _SENTENCE_SPLIT.split(following.text)
        # (a sentence about the problem after the naming, "Açaí distributors lose stock when ...",
        # is The problem's, not a description of the product)
        # (a voice memo's "Um." after the naming says nothing)
        return [_IT_IS.sub("", p.strip()) for p in after if p.strip() and _balanced(p) and not _CHATTER.search(p)
                and not re.fullmatch(r"(?i)\W*(?:(?:um+|uh+|erm+|er|hmm+|ah+|yeah|so|ok(?:ay)?|right|anyway)\W*)+", p)
                and not any(
            CUES[topic].search(p) for topic in ("price", "launch", "risks", "dependencies", "privacy") if topic in CUES)
            and not (_names_a_problem(p) and not p.startswith(name))]
    return []


def _unique(statements: list[Statement]) -> list[Statement]:
    seen: set[int] = set()
    out = []
    for statement in statements:
        if statement.start not in seen:
            seen.add(statement.start)
            out.append(statement)
    return out


# "we could charge", "we'd earn €2.99 a month per flat", "priced at MXN 2,500 per scanner",
# "Pricing we floated: €3 per room per month"
_OUR_PRICE = re.compile(r"\b(?:we|we'?ll|we'?d)\s+(?:could|would|will|might|plan to)?\s*(?:charge|price|sell|earn)\b"
                        # "It would be £6 a month per trader", "it'll cost €3 a room"
                        rf"|\bit(?:\s+(?:would|will|could|might)|'ll|'d)?\s+(?:be|cost|costs)\s+(?:about\s+|around\s+)?"
                        rf"(?={money_pattern()})"
                        r"|\bpriced at\b|^\W*(?:our\s+)?pric(?:e|ing)\b", re.IGNORECASE)
# An amount in any currency (`money.money_pattern`: "NZ$18", "₹499", "MXN 2,500", "89 zł"), with what it is per.
# ("per cold room per month", "per booked ride.": a unit of two words when another "per" or the
# sentence's end follows it)
_PRICE_PHRASE = re.compile(rf"(?:free\b[^.;\n]{{0,30}}?,?\s*then\s+)?(?:{money_pattern()})"
                           # ("per picker shift paid by the grower": the unit is two words before who pays)
                           # ("€35/mês por loja": "por", "pro", "par", "je" say "per" in the notes' language)
                           r"(?:\s*(?:/|per|por|(?-i:pro|par|je)|a|an|each)\s*[^\W\d_]+(?:\s+[^\W\d_]+(?=\s+per\b|\s*[.,;)]|\s*$|"
                           r"\s+(?:paid|charged|billed|payable)\b))?){0,3}",
                           re.IGNORECASE)


_ONE_OFF = re.compile(rf"(?:{money_pattern()})\s*(?:one-?off|one-?time|up-?front|outright)\b", re.IGNORECASE)
_PER_UNIT_PRICE = re.compile(rf"(?:{money_pattern()})\s*(?:/|per|a|an|each)\s*[a-z]+", re.IGNORECASE)
_RECURRING = re.compile(rf"(?i)(?:{money_pattern()})\s*(?:/|per\s|a\s|an\s|each\s)\s*"
                        r"(?:month|mo|year|yr|week|wk|season)\b")
_A_PERIOD = re.compile(r"(?i)(?:/|\bper\s+|\ba\s+|\ban\s+|\beach\s+)(?:month|mo|year|yr|week|wk|season)\b")
_COMMISSION = re.compile(r"(?i)\b(?:we(?:'d|'ll|\s+would|\s+will|\s+could)?|our\s+(?:fee|cut)\s+(?:is|would\s+be))\s+"
                         r"(?:take|keep|charge|earn|get|be)?\s*(?:a\s+)?(?P<price>\d+(?:\.\d+)?\s*%\s+"
                         r"(?:commission\s+)?(?:of|on)\s+(?:each|every|the|all)?\s*[a-z]+)")
# ("the agencies charge £45/hour": what another business charges today, not our price)
_THEIR_PRICE = re.compile(r"(?i)\b(?:competitors?|rivals?|incumbents?|they pay|charges|they charge|alternatives?|"
                          r"(?:the|most|some|other|their)\s+[a-z]+(?:s|ies)\s+(?:charge|ask|bill)|agency|agencies)\b")
_SPENT_TODAY = re.compile(r"(?i)\b(?:today|currently|now|already|existing|spend\w*|spent|was|used to)\b"
                          r"(?<!\bas now)(?<!\bas today)")  # "the fee stays as now": unchanged, still ours


def english_price(price: str) -> str:
    """A price's words as an English reader reads them: "19 € im Monat pro Kühlschrank" is "19 € a
    month per Kühlschrank", "9,90 € por mês per sensor" is "9,90 € a month per sensor". The figure
    stays as the notes write it (grounding checks it against them)."""
    from assistant.draft.words import price_words

    words = price_words()
    phrases = sorted((re.escape(w) for w in words if " " in w), key=len, reverse=True)
    if phrases:
        price = re.sub(rf"(?i)(?<!\w)(?:{'|'.join(phrases)})(?!\w)", lambda m: words[m.group().lower()], price)
    # one word only as written, lower case: "pro Kühlschrank" is "per Kühlschrank", a "Pro plan" is a plan
    single = [re.escape(w) for w in words if " " not in w]
    if single:
        price = re.sub(rf"(?<!\w)(?:{'|'.join(single)})(?!\w)", lambda m: words[m.group()], price)
    # "a month per sensor" said twice over ("per month per sensor" stays as the notes wrote it)
    return re.sub(r"\bper a (month|year)\b", r"a \1", price)


def our_price(facts: Facts) -> str | None:
    """What we plan to charge, in English words (`english_price`)."""
    price = _our_price_as_written(facts)
    # ("€80 a month per shop though", "$15 a head, easily": a spoken word after the unit is no part of it)
    if not price:
        return None
    return english_price(re.sub(r"(?i),?\s+(?:though|tho|anyway|really|easily|tops|max|or so|ish)\W*$", "", price))


def _plan_row(facts: Facts, price: Statement) -> str | None:
    """A table row's plan and price: "| Solo | €9/month | up to 5 |" under "Plan | Price | Dogs" is
    "Solo: €9/month (up to 5 dogs)"; None when the row's first cell is no plan's name."""
    cells = [s for s in facts.statements if s.line == price.line and s is not price and not s.quote_only]
    first = cells[0] if cells and cells[0].start < price.start else None
    if first is None or not re.fullmatch(r"[A-Z][\w'&+-]*(?:\s[A-Z+][\w'&+-]*){0,2}", first.text.strip()) or \
            first.text.strip() == facts.product_name or len(cells) > 3 or \
            any(len(cell.text.split()) > 5 for cell in cells[1:]):
        return None  # (a table comparing ideas, "| Ledgerly | UGX 5,000 ... | village savings groups |": no plans)
    extras = []
    for cell in cells[1:]:
        said = cell.text.strip(" .")
        unit = (cell.label or "").strip().lower()
        # ("up to 5" under "Dogs": "up to 5 dogs"; a cell with its own words keeps them)
        counted = re.fullmatch(r"(?i)(?:up to|max(?:imum)?|min(?:imum)?|under|over)?\s*\d[\d,]*\+?", said)
        extras.append(f"{said} {unit}" if counted and re.fullmatch(r"[a-z]+s", unit) else said)
    return f"{first.text.strip()}: {price.text.strip(' .')}" + (f" ({', '.join(extras)})" if extras else "")


_UNCHANGED = re.compile(r"(?i)\b(?:unchanged|stays? the same|remains? the same|as (?:today|before|now)|no change)\b")


def _our_price_as_written(facts: Facts) -> str | None:
    """What we plan to charge: a labelled price, else a price the notes say we would charge
    ("we could charge $79/month per restaurant") or a bare price line ("$149/mo per practice");
    never what customers pay for something else today."""
    price_lines = [s for s in facts.labelled("price") if _usable(s)]
    # Plans on lines of their own ("Solo: £12/month for up to 5 staff", "Crew: £29/month ..."): all of them
    tiers = [s.text.rstrip(".;, ") for s in price_lines if _states_a_price(s.text) and len(plans(s.text)) == 1]
    rows = [row for s in price_lines if _states_a_price(s.text) and (row := _plan_row(facts, s))]
    if len(rows) >= 2 and len({s.line for s in price_lines}) == len(price_lines):
        return "; ".join(rows)  # a table of plans, a row each: "| Solo | €9/month | up to 5 |"
    if len(tiers) >= 2:
        return "; ".join(tiers)
    stated = next((s for s in price_lines if _states_a_price(s.text)), None)
    if stated is not None:
        return _the_price_sentence(stated)
    labelled = price_lines[0] if price_lines else None
    for statement in facts.labelled("budget"):
        # "Cost: hospital pays £2 per nurse per month": what a customer pays for each unit, under a
        # "cost" label, is our price; "Cost: today they pay $300/mo for X" is what they spend now.
        if _usable(statement) and re.fullmatch(r"(?i)costs?(?: to (?:the )?customers?)?", statement.label or "") \
                and _PER_UNIT_PRICE.search(statement.text) and not _SPENT_TODAY.search(statement.text):
            return statement.text.rstrip(".")
    free_for: str | None = None
    rate: str | None = None  # a bare rate per quantity, when a price per period may follow
    no_idea_line = not any(s.topic == "idea" or s.topic is None and "idea" in s.topics for s in facts.statements)

    def later_lines(statement: Statement) -> str:
        return " ".join(s.text for s in facts.statements if s.start > statement.end and has_money(s.text))

    for statement in _idea_first(facts):
        if _usable(statement) and "budget" in statement.topics and not _WE_CHARGE_THEM.search(statement.text):
            # "Free for food banks; funded by a £40k grant": who pays for it is economics, "free" the price
            free = next((f for p in _pieces(statement) if not CUES["budget"].search(p) and not has_money(p)
                         and (f := _FREE_TO.match(p)) and not _names_a_problem(p)), None)
            free_for = free_for or (free.group().rstrip(" .;,") if free else None)
            continue
        if not _usable(statement):
            continue
        # (a launch line often carries the price: "Spring 2027, UK only. Free for ..., then £6/month");
        # in a paragraph about something else, only a price we say we would charge counts
        anywhere = statement.topic in (None, "idea", "launch")
        for piece in _pieces(statement):
            free = _FREE_TO.match(piece)
            if free and not _names_a_problem(piece) and any(
                    _UNCHANGED.search(p) and has_money(p) for p in _pieces(statement) if p != piece):
                # "Free for residents; the permit fee (£60/year) is unchanged": free, and the fee
                # paid anyway stays; said whole (not "It costs £60 a year")
                return statement.text.rstrip(".")
            # (money in the line that is no price, "funded by a £40k grant", does not make "free" less so)
            if free and not _names_a_problem(piece) and free_for is None and not any(
                    has_money(p) and CUES["price"].search(p) for p in _pieces(statement)) and \
                    not (has_money(statement.text) and not re.search(r"[;.]", statement.text)):
                free_for = free.group().rstrip(" .;,")  # "Free to residents.": unless a price is said elsewhere
            once = _ONE_OFF.match(piece)
            if once:  # "€39 one-off, launch Benelux Sept 2027": a price paid once, said whole
                return once.group()
            phrase = _corrected(piece, _PRICE_PHRASE.search(piece))
            if not phrase or not CUES["price"].search(piece):
                continue
            if not anywhere:
                if _OUR_PRICE.search(piece) and not _THEIR_PRICE.search(piece):
                    return phrase.group().strip()
                # "Who pays: Courier companies, not riders — €18 per bike per month": a price per unit
                # set off by a dash at the end of another part's line
                dashed = re.search(r"\s[-–—]\s+(?P<clause>[^-–—]+)$", piece)
                clause = dashed.group("clause") if dashed else ""
                priced = _PRICE_PHRASE.match(clause) if _PER_UNIT_PRICE.match(clause) else None
                if priced and not _SPENT_TODAY.search(clause) and not _THEIR_PRICE.search(clause) and \
                        not _names_a_problem(clause):
                    return priced.group().strip()
                continue
            if _RECURRING.search(statement.text) and not _RECURRING.search(piece):
                continue  # "hardware is ~$6,000 per branch; software $80/month per locker": the subscription
            if facts.product_name and piece.startswith(facts.product_name + " ") and not _THEIR_PRICE.search(piece):
                # "Tillcast would be included in the Merchant Pro plan (£19 a month) ...": said of the product
                return phrase.group().strip()
            if _OUR_PRICE.search(piece) or _would_pay(piece) and not _THEIR_PRICE.search(piece):
                return phrase.group().strip()  # ("societies would pay forty pounds a year": what we charge them)
            if len(piece.split()) <= 6 and not _names_a_problem(piece):
                if no_idea_line and not _A_PERIOD.search(piece) and _A_PERIOD.search(later_lines(statement)):
                    # No line says which is the idea: "€1.40 per kg" (what the laundry charges them),
                    # then "€0.50 per room per month": a bare rate per quantity gives way to a price
                    # per period said later, a subscription, as products are priced
                    rate = rate or phrase.group().strip()
                    continue
                return phrase.group().strip()
            if _PER_UNIT_PRICE.match(piece) and not _SPENT_TODAY.search(piece) and not _THEIR_PRICE.search(piece) \
                    and not _names_a_problem(piece):
                # "R60 per delivery, paid by the patient or their medical aid": a sentence that opens
                # with an amount per unit is a price line, however long its aside about who pays
                return phrase.group().strip()
            if statement.about("launch") and _launch_priced(piece, phrase):
                return phrase.group().strip()
            if len(piece.split()) <= 10 and _PER_UNIT_PRICE.search(piece) and not _SPENT_TODAY.search(piece) \
                    and not _THEIR_PRICE.search(piece) and not _names_a_problem(piece):  # "loses ~$45/day"
                # "free for 10 items, €2/month after that": a short line of our plan, said whole
                return piece.rstrip(".") if re.match(r"(?i)free\b", piece) else phrase.group().strip()
    if rate is not None:
        return rate
    # "We'd take 4% of each payment, nothing up front": a commission is the price
    for statement in facts.statements:
        commission = _COMMISSION.search(statement.text) if _usable(statement) else None
        if commission:
            return commission.group("price")
    if free_for is not None:
        return free_for
    # "Price: see comments", "Pricing: TBD": the label is all the notes say, unless a price is elsewhere
    return labelled.text.rstrip(".") if labelled is not None else None


_SAID_OPEN = re.compile(r"(?i)^open questions?\s*[:\-–—]?\s*")


def _asked(text: str) -> str:
    """A question dictated without its mark ("do we vet the pickers ourselves") ends with one."""
    if re.match(r"(?i)(?:do|does|did|is|are|can|could|will|would|should|who|what|when|where|why|how)\b", text) and \
            "?" not in text:
        return text.rstrip(" .") + "?"
    return text


# "Drivers pay ₹10 per booked ride": who pays us, per unit, in the present of the plan. Said before
# the idea, the same words are what customers pay for something else today (the budget).
# ("I reckon societies would pay forty pounds a year": a founder's guess at the price is still the price)
_WE_CHARGE_THEM = re.compile(rf"(?i)^(?:(?:I|we)\s+(?:reckon|think|guess|bet|figure|expect)\s+(?:that\s+)?)?"
                             rf"(?:the\s+)?[a-z]+s\s+(?:will\s+|would\s+|could\s+)?pay\s+(?:{money_pattern()})\s*"
                             r"(?:/|per\s|a\s|each\s)")


def _would_pay(text: str) -> bool:
    """"(I reckon) societies would pay forty pounds a year": what they would pay us, not what they
    pay today ("Owners pay €200 a month for a cleaner")."""
    return bool(_WE_CHARGE_THEM.search(text)) and re.search(r"(?i)\b(?:would|will|could)\s+pay\b", text) is not None


# A speaker correcting themselves: "twenty dollars per logger, no, sorry, twenty-five dollars".
_CORRECTION = re.compile(r"(?i)[,.;]\s*(?:no|sorry|I mean|actually|make that|scratch that)\b")


def _corrected(piece: str, phrase: re.Match[str] | None) -> re.Match[str] | None:
    """The amount a correction replaced the first one with, else the first."""
    if phrase is None or not _CORRECTION.search(piece, phrase.end()):
        return phrase
    later = _PRICE_PHRASE.search(piece, _CORRECTION.search(piece, phrase.end()).end())  # type: ignore[union-attr]
    return later or phrase


def _idea_first(facts: Facts) -> list[Statement]:
    """The statements from the first idea line on, then those before it: notes describe today's
    costs before the idea and our price after it ("€1.40 per kg" the laundry charges now; the idea;
    "€0.50 per room per month"), so a price after the idea is ours before one ahead of it. A price
    with a budget cue before the idea is never taken."""
    first = next((i for i, s in enumerate(facts.statements) if s.topic == "idea" or s.topic is None and
                  "idea" in s.topics), None)
    if first is None:
        # (with no idea line, "Clubs would pay £5 per team per month" still says what we charge)
        return [s for s in facts.statements if "budget" not in s.topics or _WE_CHARGE_THEM.search(s.text)]
    return facts.statements[first:] + [s for s in facts.statements[:first] if "budget" not in s.topics or
                                       _would_pay(s.text)]


def _the_price_sentence(statement: Statement) -> str:
    """A price line said whole, unless it says more than the price: "£35 per vet per month?
    Practice managers said anything under £50 is a 'just do it' purchase." is priced by its first
    sentence (put as a proposal, its question mark dropped); what customers said goes to the
    economics (`remarks_beside_the_price`)."""
    priced, _ = _price_and_remarks(statement.text)
    return priced.rstrip(" .?") if priced else statement.text.strip().rstrip(".")


def _price_and_remarks(text: str) -> tuple[str | None, list[str]]:
    """The sentence of a price line that states the price, and the others (None, [] for one sentence)."""
    # (sentences, not the parts of one: "$9/month per building; $79/month for up to 10" is one price)
    pieces = [p.strip() for p in re.split(r"(?<=[.?!])\s+(?=[A-Z\"“])", text.strip()) if p.strip()]
    if len(pieces) < 2:
        return None, []
    priced = next((p for p in pieces if has_money(p) and not _THEIR_PRICE.search(p) and not _SPENT_TODAY.search(p)
                   and not _REPORTED.search(p)), None)
    return (priced, [p for p in pieces if p != priced]) if priced else (None, [])


_REPORTED = re.compile(r"(?i)\b(?:said|says|told|would pay)\b")  # what someone said they pay, not our price


def remarks_beside_the_price(facts: Facts) -> list[str]:
    """What the labelled price line says besides the price ("Practice managers said anything
    under £50 is a 'just do it' purchase"): for the economics, next to the price."""
    stated = next((s for s in facts.labelled("price") if _usable(s) and _states_a_price(s.text)), None)
    return _price_and_remarks(stated.text)[1] if stated is not None else []


def _states_a_price(text: str) -> bool:
    """Does a price line say what it costs ("₹499 per store", "free for 3 users", "per seat"), not
    only where the price is ("see comments", "TBD")?"""
    return bool(re.search(r"\d|(?i:\bfree\b|\bfreemium\b|\bper\b|/)", text)) or has_money(text)


# A plan and its price: "Solo: £12 a month for up to 5 staff", "Team £49 a month (5 users)",
# "Pro plan - $99/mo": a short capitalised name, then the amount.
_PLAN = re.compile(r"(?P<plan>[A-Z][\w'&+]*(?:\s[A-Z+][\w'&+]*){0,2}(?:\s(?i:plan|tier|package))?)"
                   r"(?:\s*[:=]\s*|\s+[-–—]\s+|\s+)(?P<price>.+)")


def plans(price: str) -> list[tuple[str, str]]:
    """The plans a price names, each with what it costs ("Starter £19/month (1 user), Team £49/month
    (5 users)"); one plan for a line that is one plan; [] for a price that names none."""
    found = []
    for part in re.split(r"\s*;\s*|,\s+(?=[A-Z][\w'&+]*(?:\s[A-Z+][\w'&+]*){0,2}\s*(?:[:=]|[-–—]|\s)\s*\S)", price):
        plan = _PLAN.fullmatch(part.strip().rstrip("."))
        if not plan or not starts_with_money(plan.group("price")) or plan.group("plan").lower() in (
                "it", "price", "pricing", "cost", "costs", "fee", "from", "only", "just", "about", "around"):
            return []
        found.append((plan.group("plan"), plan.group("price")))
    return found


def priced_plans(price: str) -> str | None:
    """"Its plans are Solo at £12 a month for up to 5 staff, Crew at ... and Group at ...":
    a price of several plans said as a sentence (not "Pricing: Solo: £12 ...; Crew: ...")."""
    named = plans(price)
    if len(named) < 2:
        return None
    # (no count of them: "three plans" would be a figure the notes do not give)
    return sentence("Its plans are " + _and([f"{plan} at {cost}" for plan, cost in named]))


def costs(price: str) -> str:
    """"It costs $12 per month", "It is free for 3 clients, then ...", "Pricing: per seat"."""
    if priced_plans(price):
        return priced_plans(price) or ""
    if re.match(r"\d", price) or starts_with_money(price):
        return sentence(f"It costs {price}")
    if re.match(r"(?i)free\b", price):
        return sentence(f"It is {_lower_first(price)}")
    payer = re.match(r"(?i)(?P<who>[a-z]+) pays\b", price)
    if payer and payer.group("who").lower() not in ("it", "he", "she", "one", "everyone", "each", "every"):
        return sentence(f"Each {_lower_first(price)}")  # "hospital pays £2 per nurse" -> "Each hospital pays ..."
    if re.match(r"(?i)[a-z]+s pay\b", price):
        return sentence(price[0].upper() + price[1:])  # "hospitals pay £2 per nurse"
    return sentence(f"Pricing: {price}")


_MONTH_WORDS = (r"jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|"
                r"q[1-4]|h[12]|days?|weeks?|months?|years?|hours?|minutes?|am|pm|per|percent|of|to|and|or")
# "3 wards", "30 Büdchen", "10 schools": how many sites the first launch covers (not a year or a day)
_FIRST_SITES = re.compile(rf"(?<![\w,.])(?P<sites>(?!(?:19|20)\d\d\b)\d{{1,4}}\s+(?!(?i:{_MONTH_WORDS})\b)"
                          # ("41 Bristol practices": the place names which practices, and is not all they are)
                          rf"(?:(?:[{UPPER}][^\W\d_]+\s+)?(?:[a-z-]+\s+){{0,2}}[a-z-]+s|[{UPPER}][^\W\d_]+))\b")


# A launch line that opens with a trial: "pilot in March 2027 with 3 schools, then launch ..."
# What an idea says it is built on: "using Open Banking", "via the Stripe API", "built on Shopify".
_BUILT_ON = re.compile(r"\b(?:using|via|through|on top of|built on|powered by)\s+(?:the\s+)?"
                       r"(?P<what>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}(?:\s+(?:API|APIs|SDK|app|platform))?)")
# "UK-wide", "nationwide in the US", "across Germany": a launch everywhere in an area.
_WIDE = re.compile(r"\b(?P<area>[A-Z][A-Za-z]+|US|UK|EU)-wide\b|\b(?:across|all of|the whole of|throughout)\s+"
                   r"(?:the\s+)?(?P<across>[A-Z][A-Za-z]+)\b"
                   # "all German states", "every Canadian province": across all of them
                   r"|\b(?:all|every)\s+(?P<every>[A-Z][a-z]+\s+(?:states?|regions?|provinces?|counties|county|"
                   r"cantons?|cities|city|countries|country))\b")
_TRIAL_FIRST = re.compile(r"(?i)\W*(?P<trial>(?:pilot|beta|trial)\b[^;,]*?)\s*(?=[;,]|\s[-–—]\s|\bthen\b)")


def foreign(text: str) -> bool:
    """Is this mostly another language ("schickt dem Kunden automatisch eine SMS, wenn ...")?"""
    from assistant.draft.facts import english_share

    return len(text.split()) >= 5 and english_share(text) < 0.4


def launch_statement(facts: Facts) -> Statement | None:
    return facts.launch


def leader_said(facts: Facts) -> QuoteFact | None:
    """The leader's own words, when the notes quote them."""
    leader = facts.leader
    if leader is None:
        return None
    # "CEO quote: \"...\"" is the leader's when the leader is the CEO (or the label just says "leader").
    known = f"{leader.title or ''} {leader.source.text}".lower()
    leader_lines = {s.line for s in facts.statements if s.topic == "leader" and s.label and (
        re.search(r"\b(?:leader|sponsor|exec\w*|spokes\w*)\b", s.label.lower()) or all(
            word in known for word in re.findall(r"[a-z]+", s.label.lower()) if word not in ("quote", "quotes")))}
    return next((q for q in facts.quotes if q.line in leader_lines or q.speaker and (
        q.speaker == leader.name or leader.name.startswith(q.speaker + " "))), None)


def want(facts: Facts) -> str | None:
    for statement in facts.statements:
        if statement.topic in ("open", "risks", "not_doing") or asks(statement.text):
            continue  # "do we need an FCA licence?" is a question of ours, not what customers want
        match = CUES["want"].search(statement.text) if _usable(statement) else None
        if match and re.match(r"(?i)(?:under|over|below|above|less|more|fewer|at (?:most|least)|no more|~?\d)\b",
                              match.group("want")):
            continue  # "(repairs take 9 days,) they want under 5": a target figure, no sentence after "who want"
        if match:
            return match.group("want").strip().rstrip(".")
    return None


def quote_score(quote: QuoteFact) -> tuple[float, int]:
    """A customer quote worth printing: a named speaker, first person, a problem or benefit in it,
    long enough to say something and short enough to read aloud."""
    words = len(quote.text.split())
    score = 2.0 if quote.speaker else (1.0 if quote.detail else 0.0)
    score += 1.0 if _FIRST_PERSON.search(quote.text) else 0.0
    score += 1.0 if CUES["problem"].search(quote.text) else 0.0
    score += 1.0 if 8 <= words <= 35 else 0.0
    return score, -quote.start


def says_what_they_pay(quote: QuoteFact) -> bool:
    """"I'd never pay more than $20 a month": what a customer pays or would pay is economics (the
    internal FAQ), never the press release's customer quote about the benefit."""
    return has_money(quote.text) and (CUES["budget"].search(quote.text) is not None or
                                      _PRICE_CEILING.search(quote.text) is not None) or \
        _CANNOT_PAY.search(quote.text) is not None


# "if it's under 40 euros a month, yes", "up to $20 a month": the most they would pay
_PRICE_CEILING = re.compile(r"(?i)\b(?:under|below|less than|up to|at most|no more than|max(?:imum)?)\s+"
                            r"(?:[$€£]\s?)?\d")


# "I can't afford another tool. If it's not free for small teams I won't get budget.": whether they
# can pay, said without an amount: economics too, not the problem the product solves
_CANNOT_PAY = re.compile(r"(?i)\b(?:can'?t|cannot|couldn'?t) afford\b|\bwon'?t get (?:the |a |any )?budget\b|"
                         r"\bno budget\b|\btoo expensive\b|\b(?:would(?:n'?t| not)|won'?t|will not|never) pay\b")


def interviewed(facts: Facts, shown: int = 3) -> str:
    """"Priya, data engineer ...; Marcus, ...; and 4 others": who the notes heard from, briefly."""
    names = facts.interviewees[:shown]
    more = len(facts.interviewees) - len(names)
    return "; ".join(names) + (f"; and {more} other{'s' if more > 1 else ''}" if more > 0 else "")


def _varied(quotes: list[QuoteFact]) -> list[QuoteFact]:
    """Quotes from different speakers first: two people saying it is evidence, one saying it twice less so."""
    seen: set[str | None] = set()
    first: list[QuoteFact] = []
    rest: list[QuoteFact] = []
    for quote in quotes:
        (rest if quote.attribution in seen else first).append(quote)
        seen.add(quote.attribution)
    return first + rest


def best_quote(facts: Facts) -> QuoteFact | None:
    """The customer's quote: never the leader's words."""
    leaders = leader_said(facts)
    ours = {s.line for s in facts.statements if s.topic == "leader"}  # our own people's words, never a customer's
    return max((q for q in facts.quotes if q is not leaders and q.line not in ours and not says_what_they_pay(q)),
               key=quote_score, default=None)


def _teller(quote: QuoteFact) -> str:
    """Who said a quote, opening a sentence: "Caller" (a transcript's role label, "caller"), "A customer"."""
    who = quote.attribution or "A customer"
    return who[0].upper() + who[1:]


# -- the press release ---------------------------------------------------------------------------
class Composer:
    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.book = GapBook()
        self.ideas = idea_statements(facts)
        # Several idea lines ("Online calendar: groups book ...", "Card payment when you book") are
        # several sentences: each ends as one.
        words: list[str] = []
        for index, text in enumerate(self.ideas):
            said = self._idea_words(text, first=index == 0).strip()
            plain = said.lower().rstrip(". ")
            # (the same idea read twice, "a prep-list planner for ..." and "Prepline is a prep-list
            # planner for ...", is said once)
            if plain and not any(plain in w.lower() or w.lower().rstrip(". ") in plain for w in words if w):
                words.append(said)
        # "ShiftShare, a sign-up link volunteers tap to claim a shift": the name, then what it is (a
        # noun phrase, whatever verbs its clauses hold)
        name = facts.product_name
        self.named_as_a_thing = bool(name and self.ideas and re.match(
            rf"{re.escape(name)}[*_]*\s*(?:[-–—:]|,)\s+(?:an?|one)\s", self.ideas[0]))
        # "BinBuddy texts tenants the night before pickup": the name is the subject of its verb (no
        # comma or dash between them), so what follows is what the product does, whatever its object
        # "LockBox, parcel lockers in apartment lobbies that ...": after the name and its comma, what
        # it is (a noun phrase), not a sentence with a subject of its own ("parcel" + "lockers")
        self.appositive = bool(name and self.ideas and re.match(
            rf"{re.escape(name)}[*_]*,\s+(?!(?:a|an|the|which|that|who|it|they|we)\b)[a-z]", self.ideas[0]))
        self.name_is_subject = bool(name and self.ideas and re.match(
            rf"{re.escape(name)}\s+(?!(?:is|was|has|does)\b)[a-z]+[^s\W']s\s+(?!(?:of|and|or|for|per)\b)",
            self.ideas[0]))
        # A value proposition said as an order ("Stop losing members ...") is the subheading's promise.
        self.promise = next((s.text.strip().rstrip(".") for s in facts.labelled("idea")
                             if s.label and _VALUE_LABEL.search(s.label) and _benefit_order(s.text) and
                             len(s.text.split()) <= 20), None)
        self.idea_text = " ".join(w if len(words) == 1 or re.search(r"[.!?;:]$", w) else w + "."
                                  for w in words if w).strip()
        self.keep = {w for w in [facts.product_name or "", *facts.people, *(p.text for p in facts.places),
                                 *(p.text for p in facts.launch_places)] if w}

    def _idea_words(self, text: str, first: bool = True) -> str:
        """An idea line without its "(working name X)" and without the name that opens it
        ("ShelfSense - a camera ..." is "a camera ..."; "Working name is TableTurn." is nothing)."""
        text = _without_working_name(text)
        name = self.facts.product_name
        if name and re.match(rf"[*_]*{re.escape(name)}[*_]*\s*(?:=|:=|==)\s*\S", text):
            # "Sproutly = phone app for the provider": what it is (not "Sproutly means phone app ...")
            text = re.sub(rf"^[*_]*{re.escape(name)}[*_]*\s*(?:=|:=|==)\s*", "", text)
        text = _fluent(text)
        text = _IDEA_LEAD.sub("", text)  # "So the idea is a little sound sensor ..." -> "a little sound sensor ..."
        # "a little sound sensor under the hive, and it tells you on your phone ...": two sentences
        text = re.sub(r",\s+and\s+it\s+(?=[a-z]+[^s\W]s\b)", ". It ", text)
        # ("..., so you only open it up when you need to": what it is for, a sentence of its own when long)
        text = ". ".join(re.sub(r",\s+so\s+(?=(?:you|they|we|owners|staff)\s)", ". So ", part)
                         if len(part.split()) > 20 else part for part in re.split(r"(?<=[a-z])\.\s+", text))
        text = _THINKING_OF.sub("", text)  # "we're thinking of a forecast that ..." -> "a forecast that ..."
        text = _THING_LEAD.sub("", text)  # "the gadget: a coin-sized sensor ..." -> "a coin-sized sensor ..."
        proposed = _PROPOSED.match(text)
        if proposed:  # "what if we do WhatsApp reminders ...? we could call it Jabby" -> "WhatsApp reminders ..."
            text = re.split(r"\?(?:\s|$)", text[proposed.end():], maxsplit=1)[0].strip()
        text = re.sub(r"(?i)^(?:the\s+)?(?:working name|code ?name|product name|name)\s+(?:is|will be)\s+[^.]+\.\s*",
                      "", text)
        name = self.facts.product_name
        naming = PRODUCT_NAME.search(text)
        if name and naming and product_name_in(naming) == name and \
                re.match(r"\s*(?:an?|one)\s", text[naming.end():]) and (re.search(r"[:—–]\s*$", naming.group()) or
                                                                        naming.group("appositive")):
            text = text[naming.end():].strip()  # "The service we agreed to describe is Resa Enkelt: an app ..."
        if name and text.strip(" .") == name:
            return ""
        if name and re.match(rf"{re.escape(name)}[*_]*\.\s+[A-Z]", text):
            # "Proposal: **Setlist**. Setters scan a hold tag ...": the name alone, then what it does
            return text[len(name):].lstrip("*_")[1:].strip()
        if name and text.startswith(name):
            rest = text[len(name):].lstrip("*_")  # "**LessonLock** — pupils book ..."
            # "Glovebox, keeps your ..." too; and "Moorpay. A QR code on every buoy; ...": the name, then what it is
            sep = re.match(r"\s*[-–—:]\s+|,\s+(?=[a-z])|\s+(?=[a-z])|\.\s+(?=(?:A|An|The|It)\s)", rest)
            if sep and not first and not sep.group().strip():
                return text.strip()  # a later sentence, "Prepline tells the head chef ...", keeps its subject
            if sep and not sep.group().strip() and foreign(rest):
                return text.strip()  # "Werkstattplaner schickt dem Kunden ...": a sentence in the notes' language
            if sep:
                text = rest[sep.end():]
        if not first and SUBJECTLESS_FEATURE.match(text):
            # "works offline on the crew tablet": a later line about the product takes it as its subject
            text = f"{name or 'It'} {text}"
        return text.strip()

    @property
    def product(self) -> str:
        if self.facts.product_name:
            return self.facts.product_name
        return self.book.tbd("product name", "What will the product be called at launch? The notes give no name.",
                             "headline")

    @property
    def customer(self) -> str:
        if self.facts.customer:
            return self.facts.customer
        who = interviewed(self.facts)
        hint = f" The notes interviewed: {who}." if who else ""
        return self.book.tbd("who the customer is",
                             f"Who exactly is the customer (role, kind of business, size)?{hint}", "subheading")

    def idea_as_clause(self) -> str | None:
        """The idea's first sentence as something the product does: "helps remote teams ...",
        "counts stock on each shelf", "is a phone app". Only verbs change; None when the idea is
        a noun phrase that takes no verb ("two-way reminders that ..."): see `idea_as_object`."""
        if not self.idea_text or foreign(self.idea_text):
            return None  # (a sentence in another language takes no English verb: said in the notes' words)
        first = _SENTENCE_SPLIT.split(self.idea_text)[0].strip().rstrip(".;")
        name = self.facts.product_name
        building = name and re.match(rf"(?i:we\b[^,.]{{0,30}}\b(?:build|make|launch|ship))\s+{re.escape(name)},?\s+"
                                     rf"(?:(?:which|that)\s+(?=[a-z]+[^s\W]s\b)|(?P<what>(?:a|an)\s))", first)
        if building and building.group("what"):  # "We want to build MaziwaTrack, an SMS alert" -> "is an SMS alert"
            return f"is {first[building.start('what'):]}"
        if building:  # "We want to build PrepCast, which predicts ..." -> "predicts ..."
            return first[building.end():]
        quoted = name and re.match(rf"(?i:an?|the|our)\s+[\"“'‘]{re.escape(name)}[\"”'’]\s+"
                                   rf"(?P<where>(?:inside|in|within|on|for|as part of)\s.+)", first)
        if quoted:  # 'A "Homework Buddy" inside the Lernwerk app: ...' -> "is inside the Lernwerk app: ..."
            return f"is {quoted.group('where')}"
        pronoun = re.match(r"(?:It|it)\s+(?=[a-z]+[^s\W]s\b)", first)
        if pronoun:  # "It texts every guest": "it" is the product
            return first[pronoun.end():]
        we_do = _what_we_do(first)
        if we_do:
            # "we put acoustic pods into offices as a service" -> "puts acoustic pods into offices ..."
            return f"{_third_person(we_do.group('verb').lower())} {we_do.group('rest')}"
        if _benefit_order(first) and re.search(r"(?i)\b(?:you|your|yours|yourself)\b", first):
            return None  # "Stop spending your mornings phoning ...": the customer does it, not the product
        head, _, rest = first.partition(" ")
        lowered = head.lower()
        if lowered in _VERBS and head[:1].islower() or lowered in _VERBS and len(self.ideas) == 1 and \
                not re.match(r"[A-Z]", rest):
            return f"{_VERBS[lowered]} {rest}".strip()
        if self.name_is_subject and first == self._idea_words(self.ideas[0]).strip().rstrip(".;"):
            return first  # "texts tenants ...", said of the product
        if lowered in _VERBS.values() or lowered in ("is", "will", "can", "lets", "helps") or (
                self.facts.product_name and self.ideas and self.ideas[0].startswith(self.facts.product_name)
                and re.match(r"[a-z]+[^s\W]s\b", first) and not opens_with_people_doing(first) and not self.appositive
                and not _NOUN_AND_PARTICIPLE.match(first)):
            # ("ShelfSwap, students list a book ...": "students" is who acts, no verb of ShelfSwap's)
            return first
        split = _shorthand_sentences(first, self.keep)
        if lowered in ("a", "an", "the", "one") and (not _OWN_SUBJECT.match(first) or self.named_as_a_thing) and \
                not (split is not None and len(split) >= 2):
            # ("a thermal camera in the shed, alerts the farmer's phone ...": a thing, then what it does,
            # each said as a sentence by idea_in_quotes)
            return f"is {_lower_first(first, self.keep)}"
        articled = _with_article(first)
        # (a relative clause, "tablet on the trolley that shows ..., and alerts ...", is no shorthand for its comma)
        if articled != first and not _OWN_SUBJECT.match(first) and not opens_with_people_doing(first) and \
                (not _telegraphic(first) or re.match(r"[^,]{0,60}?\s(?:that|which|where)\s", first)):
            return f"is {_lower_first(articled, self.keep)}"  # "tablet on the trolley that ..." -> "is a tablet ..."
        return None

    def idea_as_object(self) -> str | None:
        """The idea's first sentence as what the customer gets ("two-way reminders that ...")."""
        if not self.idea_text or foreign(self.idea_text):
            return None
        first = _SENTENCE_SPLIT.split(self.idea_text)[0].strip().rstrip(".;")
        head = first.split()[0].lower()
        if head in _VERBS or head in _VERBS.values() or head in ("is", "will", "can", "it", "they", "we") or \
                _CLAUSE_FIRST.match(first):
            return None
        if _telegraphic(first) or _OWN_SUBJECT.match(first) and not self.appositive or \
                opens_with_people_doing(first) or self._customers_doing(first):
            return None  # a sentence with its own subject ("members pause ...") is no thing they get
        parts = _shorthand_sentences(first, self.keep)
        if parts is not None and len(parts) >= 2:
            # "thermal camera in the lambing shed, alerts the farmer's phone ...": a thing, then what it
            # does, each a sentence (idea_in_quotes), not one object run on with a comma
            return None
        return _with_article(_lower_first(first, self.keep))  # "gives them an order app", not "order app"

    def _customers_doing(self, text: str) -> bool:
        """An idea line whose subject is the customers, by the noun the notes call them ("sitters
        keep their own clients ..." for pet sitters): a sentence, not a thing they get."""
        who = self.facts.customer
        if not who:
            return False
        head = re.split(r"\s+(?:in|at|of|on|with|who|that|across|near|from)\s+", who)[0].split()[-1]
        return len(head) > 3 and head.endswith("s") and re.match(
            rf"(?i)(?:the\s+|our\s+|their\s+)?(?:[\w-]+\s+)?{re.escape(head)}\s+(?!(?:who|that|which|of|in|at|on|for|"
            rf"with|and|or|to|is|are|was|were|will|would|from|by)\b)[a-z]+\b", text) is not None

    def idea_in_quotes(self, lead: str) -> str:
        """A note too clipped to take a verb ("camera per shelf, counts stock"), set off as the notes'
        words after a colon (not in quotation marks: a paragraph in quotes reads as a customer's quote)."""
        first = _SENTENCE_SPLIT.split(self.idea_text)[0].strip().rstrip(".;")
        if foreign(first):
            # "Werkstattplaner schickt dem Kunden ...": said as the notes say it, no English glued to it
            return f"In the notes' words: {first}."
        if _CLAUSE_FIRST.match(first):
            # "When a patient cancels, GapFill texts ...": a sentence as it stands, with the product
            # named before it when it does not name itself
            said = first[0].upper() + first[1:]
            named = self.product.lower() in first.lower()
            return sentence(said if named else f"With {self.product}, {_lower_first(first, self.keep)}")
        if opens_with_people_doing(first) or _OWN_SUBJECT.match(first) or self._customers_doing(first):
            # "Nurses post a shift, ...", "the pharmacy packs the month's meds ...": a sentence with
            # its own subject reads as it is after "With X,", never as what X "is" or "gives them"
            subject = first.split()[0]
            if subject.islower() and subject not in _FUNCTION_WORDS and not subject.endswith("s") and \
                    subject not in ("each", "every", "people", "staff", "children", "men", "women", "everyone"):
                first = f"the {first}"  # note shorthand's bare subject, "driver photographs ...", takes its article
            head = first.split()[0]
            if head[:1].isupper() and any(re.search(rf"(?<![.!?]\s)(?<!^)\b{re.escape(head.lower())}\b", s.text)
                                          for s in self.facts.statements):
                first = head.lower() + first[len(head):]  # "Setters scan ...": "head setters" elsewhere, a word
            return sentence(f"With {self.product}, {_lower_first(first, self.keep)}")
        if _IMPERATIVE.match(first) or _benefit_order(first):
            # "snap a photo of the receipt, ...", "Stop losing members ...": what the customer does
            return f"With {self.product}, you {_lower_first(first, self.keep)}."
        done = _PLURAL_PARTICIPLE.match(first)
        if done and not _FINITE.search(done.group("who")) and not done.group("who").split()[-1].endswith("ss"):
            # "Pickup bags collected from each hall at 6pm, washed and back ...": what is done, as a
            # sentence ("With Spinly, pickup bags are collected ...")
            from assistant.clarity.lexicon import zipf

            who = done.group("who")  # (its capital is the line's: "Pickup bags" -> "pickup bags")
            head = who.split()[0]
            if re.fullmatch(r"[A-Z][a-z-]+", head) and head not in self.keep and zipf(head.lower()) >= 3.0:
                who = who[0].lower() + who[1:]
            return sentence(f"With {self.product}, {who} are {first[done.start('done'):]}")
        said = _shorthand_sentences(first, self.keep)
        if said is not None:
            return paragraph(sentence(f"{lead} {said[0]}"), *said[1:])
        return f"{lead} what the notes sum up as: {first}."

    def headline(self) -> str:
        lets = _LETS.search(self.idea_text) if self.idea_text else None
        clause = self.idea_as_clause()
        candidates = []
        if lets:
            verb = lets.group("verb").lower()
            rest = _CLAUSE_END.split(lets.group("rest"))[0].strip()
            candidates.append(f"{self.product} {_VERBS.get(verb, verb)} {rest}")
        elif clause and not clause.startswith("is "):
            said = _CLAUSE_END.split(clause)[0].strip()
            if said != clause.strip() and re.search(r",\s+[a-z]+[^s\W]s\b", said):
                # "reads their bank transactions, sorts them into deductible and not, and files ...":
                # cut at its "and", a list of what it does would end mid-list; its first verb says it
                said = said.split(",")[0].strip()
            note = re.search(r",\s+(?=[a-z])", said)
            if note and len(said[:note.start()].split()) >= 4 and len(said.split()) <= MAX_HEADLINE_WORDS and \
                    not re.search(r"\s(?:and|or|&)\s", said[note.end():]):
                # "pulls incidents from Jira ... into a DORA-ready register, export to the regulator's
                # template": a note's next item after a comma is no part of a headline (a list,
                # "MOT, insurance and tax", is; a clause too long to fit gives way to the customer)
                said = said[:note.start()].strip()
            candidates.append(f"{self.product} {said}")
        if self.facts.customer:  # when what it does is too long for a headline
            # ("mid-size freight forwarders in India who book trucks ...": who, without the clause)
            # (and written out: "bakeries w/ 2-10 staff" is "bakeries with 2-10 staff", as the subheading says)
            from assistant.draft.shorthand import expand

            who = expand(re.split(r"\s+(?:who|that|which)\s+", self.facts.customer)[0])
            candidates.append(f"{self.product} for {who}")
        fitting = next((clipped for c in candidates if (clipped := _clip_words(c, MAX_HEADLINE_WORDS))), None)
        return fitting or f"{self.product}: " + self.book.tbd(
            "the customer benefit in a few words", "What does the customer get, in a few words a headline can carry?",
            "headline")

    def subheading(self) -> str:
        wanted = want(self.facts)
        if wanted:
            return sentence(f"For {self.customer} who want {wanted}")
        promised = self.promise
        if promised:
            # A canvas's value proposition, "Stop losing members ...", is what they get, in one sentence
            return sentence(f"For {self.customer}: {_lower_first(promised, self.keep)}")
        what = self.book.tbd("what they get, in one sentence",
                             "What does the customer get that they cannot get today, in one sentence?", "subheading")
        return sentence(f"For {self.customer}: {what}")

    def dateline(self) -> str:
        """"Austin — May 2027 —": the first place and the date of the launch line. A state or a
        region is not a city: the city stays a gap, the region follows it."""
        places = [p.text for p in self.facts.launch_places]
        city_question = "Which city does the announcement come from (the dateline)?"
        # "launch across Pomorskie ..., no single launch city": the place named is a region, not a city
        no_city = self.facts.launch is not None and NO_CITY.search(self.facts.launch.text) is not None
        # ("northern Portugal", a part of a country, is no city either)
        if places and not re.search(r"\b(?:state|county|area|region)$", places[0]) and places[0] not in REGIONS \
                and not no_city and not places[0][:1].islower():
            city = places[0]
        elif places:
            city = self.book.tbd("city", city_question, "dateline") + f", {places[0]}"
        else:
            city = self.book.tbd("city", city_question, "dateline")
        return f"{city} — {self.when()} —"

    def when(self) -> str:
        """The launch date for the dateline: the notes' date, its month in English ("marzo 2027" is
        "March 2027", as a reader of the release reads it); a month with no year ("next March") in the
        notes' words with the year asked for; else a gap."""
        question = "When will customers be able to use it (a future date)?"
        if self.facts.launch_date is None:
            return self.book.tbd("launch date", question, "dateline")
        date = _written_date(self.facts.launch_date.text)
        if not re.search(r"\d{4}", date):
            return f"{date} " + self.book.tbd("launch date", f"{question} The notes say “{date}”: which year?",
                                               "dateline")
        return date

    def summary(self) -> str:
        company = self.book.tbd("company name", "Which company or team announces this?", None)
        clause, thing = self.idea_as_clause(), self.idea_as_object()
        subject = self.facts.product_name or "It"
        benefit = self.book.tbd("the main benefit, with a number",
                                "What is the one benefit a customer would repeat to a colleague, with a number?", None)
        if clause:
            # ("... introduces FridgeLedger for flatmates. FridgeLedger is a shared fridge ledger.",
            # not "... a shared fridge ledger for flatmates": the sentence before says for whom)
            what = sentence(f"{subject} {self._not_for_them_again(clause) if clause.startswith('is ') else clause}")
        elif thing:
            what = sentence(f"{subject} gives them {self._not_for_them_again(thing)}")
        else:
            what = self.idea_in_quotes(f"{subject} gives them") if self.idea_text else ""
        return paragraph(sentence(f"{company} introduces {self.product} for {self.customer}"), what, benefit + ".")

    def problem(self) -> str:
        # ("so the pharmacies ...", "and nobody knows ...": a chat's filler word opens no sentence of ours)
        pieces = [_with_its_be(_at_the_businesses(_in_english(FILLER_LEAD.sub("", p) or p), self.keep))
                  for p in problem_pieces(self.facts)]
        # (a voice memo's "you, uh, you stress the colony" is said without its hesitation; a quote keeps it)
        pieces = [p if "“" in p or '"' in p else _fluent(p) for p in pieces]
        who = self.facts.customer
        if pieces and who and re.match(r"(?i)they\s+(?!(?:is|was|has|does)\b)[a-z]", pieces[0]) and \
                re.search(r"(?:s|staff|people)(?:\s+(?:in|of|at|across|with)\s+.+)?$", who):
            # "They throw out about 15% of bread ...", the section's first words: "they" are the customers
            pieces[0] = f"{who[0].upper()}{who[1:]} {pieces[0][5:]}"
        if len(pieces) > 1 and re.match(r"(?i)(?:[\w-]+\s+of\s+)?(?:them|they|these|those)\b", pieces[0]):
            # "Two of them lost a client ...": said of a group a later line names; it follows that line
            pieces = [pieces[1], pieces[0], *pieces[2:]]
        text = paragraph(*(sentence(p) for p in self._fragments_listed(pieces)))
        if len(pieces) < 2:
            # Few problem lines: the customers' own words say it, quoted with who said it.
            said = [q for q in self._spare_quotes() if (CUES["problem"].search(q.text) or CUES["loss"].search(q.text))
                    and not says_what_they_pay(q)
                    and q.text.lower().rstrip(".") not in text.lower()]  # (not a turn the problem already quotes)
            said = _varied(sorted(said, key=lambda q: -sharpness(q.text)))
            text = paragraph(text, *(f"{_teller(q)}: “{q.text}”" for q in said[:2]))
        if not text and self.facts.interviewees:
            text = f"We interviewed {interviewed(self.facts)}."
        if not pieces and not text:
            text = self.book.tbd("the customer's problem, in their terms",
                                 "What problem does the customer have today, before any solution?", "problem") + "."
        from assistant.draft.shorthand import expand

        # (a figure in shorthand, "2 hrs", is printed expanded: "2 hours")
        if not any(n.text in text or expand(n.text) in text for n in self.facts.numbers if n.kind != "date") \
                and not _SPELLED_COUNT.search(text) and not _TIME_COST_IN_WORDS.search(text):
            # ("eleven pickers wait for the van", "an hour a week": figures too, in words)
            text = paragraph(text, self.book.tbd(
                "how much the problem costs the customer, in time or money",
                "How much time or money does the problem cost one customer today? Give the number and its source.",
                "problem") + ".")
        return text

    def _fragments_listed(self, pieces: list[str]) -> list[str]:
        """Pain-point bullets with no verb ("no-shows on Saturdays", "paper diary at the front desk")
        each printed alone are not sentences: two or more are said once, as what the customers face
        ("Salons face no-shows on Saturdays, paper diary at the front desk and ..."), where the first
        of them stood. (Never glued to a placeholder: with no customer known, "Customers face".)"""
        fragments = [p for p in pieces if _fragment(p)]
        if len(fragments) < 2:
            return pieces
        who = self.facts.customer or "customers"
        listed = f"{who[0].upper()}{who[1:]} face {_and([_lower_first(f.rstrip('. '), self.keep) for f in fragments])}"
        at = pieces.index(fragments[0])
        rest = [p for p in pieces if p not in fragments]
        return [*rest[:at], listed, *rest[at:]]

    def _spare_quotes(self) -> list[QuoteFact]:
        """Quotes not used as the customer's or the leader's quote."""
        used = {id(best_quote(self.facts)), id(leader_said(self.facts))}
        return [q for q in _varied(self.facts.quotes) if id(q) not in used]

    def solution(self) -> str:
        if not self.idea_text or self.promise and self.idea_text.strip().rstrip(".").lower() == self.promise.lower():
            # (the subheading's promise is no step the customer takes: how it works is still to say)
            return self.book.tbd("what the customer does with the product, step by step",
                                 "What does the customer do with the product, and what happens for them?",
                                 "solution") + "."
        sentences = _SENTENCE_SPLIT.split(self.idea_text)
        if self.promise and len(sentences) > 1 and sentences[0].strip().rstrip(".").lower() == self.promise.lower() \
                and (_FINITE.search(sentences[1]) or re.search(r"\b[a-z]{3,}[^s\W]s\b", sentences[1])) and \
                not _telegraphic(sentences[1]):
            # "Stop losing members ..." is the subheading's (and the summary's) promise; how it works is
            # what follows ("Check-in data flags members who haven't visited in 10 days ...")
            return paragraph(*(sentence(s) for s in sentences[1:]))
        clause, thing = self.idea_as_clause(), self.idea_as_object()
        if clause and not clause.startswith("is "):
            first = sentence(f"{self.product} {clause}")
        elif thing and (self.facts.customer or not clause):
            first = sentence(f"With {self.product}, {self.customer} get {self._not_for_them_again(thing)}")
        elif clause:  # (no customer known: "CuerdaCheck is a marketplace ...", not "With X, [TBD] get ...")
            first = sentence(f"{self.product} {clause}")
        else:
            first = self.idea_in_quotes(f"With {self.product}, {self.customer} get")
        return paragraph(first, *(sentence(s) for s in sentences[1:]))

    def _not_for_them_again(self, thing: str) -> str:
        """"With FridgeLedger, flatmates get a shared fridge ledger" (not "... ledger for flatmates"):
        the sentence already says who gets it."""
        who = self.facts.customer
        tail = re.search(r"\s+for\s+(?:the\s+|their\s+)?(?P<who>[\w' -]+)$", thing)
        if not who or not tail:
            return thing
        head = re.split(r"\s+(?:in|at|of|on|with|who|that|across|near|from)\s+", who)[0].split()[-1].lower()
        return thing[:tail.start()] if head in tail.group("who").lower().split() else thing

    def leader_quote(self) -> str:
        leader = self.facts.leader
        who = f"{leader.name}, {leader.title}" if leader and leader.title else (leader.name if leader else None)
        said = leader_said(self.facts)
        if said is not None:
            return f"“{said.text}” — {who or said.attribution}"
        words = self.book.tbd("why we built this, in the leader's own words",
                              "Why did we build this? Ask the leader for two sentences in their own words.",
                              "leader_quote")
        if who is None:
            who = self.book.tbd("leader's name and title", "Who leads this and will speak for it (name and title)?",
                                "leader_quote")
        return f"“{words}” — {who}"

    def getting_started(self) -> str:
        # (a line about a partner who installs is a dependency: "partner w/ a laundry distributor for installs")
        # (nor is someone's remark: 'Gareth Owen said "the clubs will sign up tomorrow"')
        # (nor an open question, "Do we need approval from the operator to install readers?": no step
        # a customer takes; the risks answer lists it)
        # (nor what we do for the customer, "We own the pods, install them, clean them monthly": the
        # service itself, told in how it works)
        steps = [s for s in self.facts.about("getting_started") if _usable(s) and s.topic != "open" and (
            s.topic == "getting_started" or "dependencies" not in s.topics and not _QUOTES_SOMEONE.search(s.text)
            and not _what_we_do(s.text))]
        if steps:
            return paragraph("To get started:", *(sentence(s.text) for s in steps[:3]))
        return "To get started, " + self.book.tbd(
            "the first steps a customer takes, from sign-up to first result",
            "What are the first three steps a customer takes, from sign-up to the first result?",
            "getting_started") + "."

    def customer_quote(self) -> str:
        quote = best_quote(self.facts)
        if quote is None:
            words = self.book.tbd("a customer's own words about the benefit",
                                  "Which customer will describe the benefit in their own words (with permission)?",
                                  "customer_quote")
            who = self.book.tbd("customer's name and role", "Who is the customer quoted, and may we name them?",
                                "customer_quote")
            return f"“{words}” — {who}"
        if quote.speaker:
            who = quote.attribution or quote.speaker
        else:
            name = self.book.tbd("customer's name", "Which customer said this, and may we name them?",
                                 "customer_quote")
            who = f"{name}, {quote.detail}" if quote.detail else name
        return f"“{quote.text}” — {who}"

    def available(self) -> str | None:
        """"WardWatch launches in Leeds in March 2027.": when and where, said as a sentence from the
        launch line ("Pilot: 3 wards in Leeds from March 2027"), or None when the notes name no launch."""
        launch = launch_statement(self.facts)
        if launch is None:
            return None
        places = [p.text for p in self.facts.launch_places]
        date = _written_date(self.facts.launch_date.text) if self.facts.launch_date else None
        text = body(launch).rstrip(".")
        at = launch.end - len(body(launch))  # where the text starts in the notes
        # "Included in Lernwerk Plus (€7.99/month). Beta in Bavaria (April 2027), all German states
        # from September 2027": the sentence with the dates says when, the one before it is the price
        dated = [n.start - at for n in self.facts.numbers if n.kind == "date" and at <= n.start < launch.end]
        ends = [m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z])", text) if dated and m.end() <= min(dated)]
        opening = ends[-1] if ends else 0
        text, at = text[opening:], at + opening
        first_words = {w.lower() for w in text.split()[:3]}
        trial = _TRIAL_FIRST.match(text)
        if trial and self.facts.launch_date and not trial_date(launch, self.facts.launch_date) and \
                self.facts.launch_date.text not in trial.group() and any(
                    n.kind == "date" and at + trial.start() <= n.start < at + trial.end() for n in self.facts.numbers):
            # "pilot in March 2027 with 3 schools, then launch across Bristol in Sept 2027": the launch
            # is the later date; the pilot, with its own date, comes first, said as such.
            after = f", after a {_lower_first(trial.group('trial'), self.keep)}"
            rest = text[trial.end():]
            # ("Beta in Manchester from 1 February 2027; UK-wide in May 2027": the launch is across the
            # UK; Manchester is the beta's)
            wide = _WIDE.search(rest)
            later_places = [place for place in places if place in rest]
            if wide and not later_places:
                where = f" across all {wide.group('every')}" if wide.group("every") else \
                    f" across {_with_the(wide.group('area') or wide.group('across'))}"
            else:
                where = f" in {_and([_with_the(place) for place in later_places or places])}" \
                    if (later_places or places) else ""
            on = " on" if date and _DAY_DATE.search(date) else " in"
            return sentence(f"{self.product} launches{where}{on} {date}{after}")
        if first_words & {"pilot", "beta", "preview", "trial"} and not (places and text.startswith(places[0])) \
                and not (places and date and re.match(r"(?i)\W*(?:pilot|beta|trial)\s+[a-z]+s\b", text)):
            # ("pilot gyms in Philadelphia, launching Oct 2027" takes no "a": where and when say it)
            # ("Columbus pilot customer first, then Indianapolis": a place first is where, said below)
            # ("Pilot with 6 clinics ...": "launches as a pilot with 6 clinics", not "with a pilot with")
            as_a = re.match(r"(?i)\W*(?:pilot|beta|preview|trial)\s+(?:with|at|in|for|across)\b", text)
            how = "as" if as_a else "with"
            return sentence(f"{self.product} launches {how} a {_lower_first(text, self.keep)}")
        # "Launching in Berlin in June 2027, then Munich": Munich comes later, not in June
        later = [p for p in places if re.search(rf"\bthen\s+(?:in\s+|to\s+)?(?:the\s+)?{re.escape(p)}\b", text)]
        then = f", then in {_and([_with_the(place) for place in later])}" if later and len(later) < len(places) else ""
        places = [p for p in places if not then or p not in later]
        if places or date:
            where = f" in {_and([_with_the(place) for place in places])}" if places else ""
            # "on 1 May 2027", "at Easter 2027" (a feast is a time, not a span), "in June 2027"
            on = " on" if date and _DAY_DATE.search(date) else " at" if date and re.match(
                r"(?i)(?:easter|christmas|xmas|thanksgiving|diwali|eid)\b", date) else "" if date and re.match(
                r"(?i)(?:(?:early|mid|late)[- ])?(?:next|this)\b", date) else " in"  # "... Halifax next March"
            return sentence(f"{self.product} launches{where}" + (f"{on} {date}" if date else "") + then)
        lead = text.split()[0].lower()
        phrase = _lower_first(text, self.keep) if lead in ("in", "on", "from", "at", "with", "as") else \
            f"({_lower_first(text, self.keep)})"
        return sentence(f"{self.product} launches {phrase}")

    def availability_answer(self) -> list[str]:
        """When and where, for the FAQ: a launch line that is already our sentence ("We launch in
        Adelaide in February 2027 with the twelve growers in Kate's co-op.") as written; a note
        ("3 wards in Leeds from March 2027") said as a sentence, with the first launch's size."""
        launch = launch_statement(self.facts)
        if launch is None:
            return []
        text = body(launch).strip()
        subject = rf"(?:we|we'll|we're|it|it'll|{re.escape(self.facts.product_name)})" \
            if self.facts.product_name else r"(?:we|we'll|we're|it|it'll)"
        if re.match(rf"(?i){subject}\s+[a-z]", text) and len(text.split()) <= 30:
            return [text]
        said = [self.available() or ""]
        sites = self.first_sites()
        if sites and sites.removeprefix("It starts with ").rstrip(".") not in said[0]:
            said.append(sites)
        return [s for s in said if s]

    def first_sites(self) -> str | None:
        """"It starts with 3 wards.": the size of the first launch, when the launch line gives one
        ("3 wards in Leeds from March 2027", "Düsseldorf-Altstadt, Mai 2027, 30 Büdchen")."""
        launch = launch_statement(self.facts)
        if launch is None:
            return None
        sites = _FIRST_SITES.search(body(launch))
        if sites is None or self.facts.launch_date and sites.group() in self.facts.launch_date.text:
            return None
        return sentence(f"It starts with {sites.group('sites')}")

    def call_to_action(self) -> str:
        available = self.available() or sentence(f"{self.product} will be available " + self.book.tbd(
            "when and where", "When and where will customers be able to get it?", "call_to_action"))
        price = our_price(self.facts)
        cost = costs(price) if price else sentence(
            "It costs " + self.book.tbd("price", "What will a customer pay, and per what (user, store, month)?",
                                        "call_to_action"))
        where = sentence("Visit " + self.book.tbd(
            "web address", "Where does a customer sign up (web address, app store, sales contact)?", "call_to_action")
            + " to learn more")
        return paragraph(available, cost, where)

    def press_release(self) -> PressRelease:
        return PressRelease(headline=self.headline(), subheading=self.subheading(), dateline=self.dateline(),
                            summary=self.summary(), problem=self.problem(), solution=self.solution(),
                            leader_quote=self.leader_quote(), getting_started=self.getting_started(),
                            customer_quote=self.customer_quote(), call_to_action=self.call_to_action())

    # -- the FAQ ---------------------------------------------------------------------------------
    def answer(self, facts_found: list[str], label: str, question: str, internal: bool,
               quotes: list[QuoteFact] | None = None, open_questions: list[str] | None = None,
               always_ask: bool = False, risks: list[str] | None = None) -> str:
        """What the notes say on the question (their own sentences, then quotes). Where they say
        nothing, "We don't know yet" and a placeholder; open questions from the notes are named as such."""
        element: GapElement = "internal_faq" if internal else "external_faq"
        parts = list(dict.fromkeys(sentence(self._with_its_subject(text)) for text in facts_found))  # (a price can
        # also be a cost line)
        # (a quote without its own full stop ends the sentence after its closing mark)
        parts += [f"{_teller(q)}: “{q.text}”" + ("" if re.search(r"[.!?…]$", q.text) else ".") for q in quotes or []]
        # (a dictated "open question do we vet them" says its label itself: said once)
        asked = [_asked(_SAID_OPEN.sub('', text)) for text in open_questions or []]
        asked = [a[0].upper() + a[1:] for a in asked if a]  # ("... CargoWise? who is liable ...": each its capital)
        # (several are one sentence with its label said once, not "Open question in the notes:" each time)
        opened = [sentence(f"Open question in the notes: {asked[0]}")] if len(asked) == 1 else \
            [sentence(f"Open questions in the notes: {' '.join(sentence(a) for a in asked)}")] if asked else []
        opened += [sentence(f"A risk the notes name: {_lower_first(text, self.keep)}") for text in risks or []]
        if parts and not always_ask:
            return paragraph(*parts, *opened)
        placeholder = self.book.tbd(label, question, element)
        lead = sentence(f"We don't know yet: {placeholder}") if not parts else sentence(f"Still open: {placeholder}")
        return paragraph(*parts, lead, *opened)

    def _with_its_subject(self, text: str) -> str:
        """"depends on Stripe for payments", "works offline on the crew tablet": a note about the
        product with no subject, said with the product's name as one ("TideLine depends on ...")."""
        name = self.facts.product_name
        lowered = text[:1].lower() + text[1:]  # ("Depends on Stripe ...", with a sentence's capital)
        # (a feature only as the notes write one, in lower case: "Books cost £8" is no "books ...")
        if name and (SUBJECTLESS_FEATURE.match(text) or _SUBJECTLESS_NEED.match(lowered)):
            return f"{name} {lowered}"
        return text

    def how_it_works(self) -> list[str]:
        """The idea's sentences as an FAQ answer, the first with its subject: "Spokesafe is a lock
        with a SIM ...", "Prepline tells the head chef ...", "With StockRun, the pharmacy sends ..."
        (the idea line, its name taken off, had read "Is a lock ...", "Tells the head chef ...")."""
        sentences = _SENTENCE_SPLIT.split(self.idea_text)
        first = sentences[0].strip().rstrip(".;")
        clause = self.idea_as_clause()
        if clause:
            said = f"{self.facts.product_name or 'It'} {clause}"
        elif self.appositive and (thing := self.idea_as_object()):
            said = f"{self.facts.product_name} gives {self.customer if self.facts.customer else 'customers'} {thing}"
        elif self.facts.product_name and (opens_with_people_doing(first) or _OWN_SUBJECT.match(first)):
            said = self.idea_in_quotes("")
        elif self.facts.product_name and (split := _shorthand_sentences(first, self.keep)) and len(split) >= 2:
            # "a thermal camera in the shed, alerts the farmer's phone ...": the thing, then what it does
            who = self.customer if self.facts.customer else "customers"
            said = paragraph(sentence(f"{self.facts.product_name} gives {who} {split[0]}"), *split[1:]).rstrip(".")
        else:
            return sentences
        return [said, *sentences[1:]]

    def external_faq(self) -> list[FaqEntry]:
        f = self.facts
        price = our_price(f)
        return [
            FaqEntry(topic="price", question="How much does it cost?",
                     answer=self.answer([priced_plans(price) or price] if price else [], "price",
                                        "What will a customer pay, and per what (user, store, month)?", False,
                                        open_questions=[] if price else open_about(f, "price"))),
            # the launch said as a sentence (the raw line, "3 wards in Leeds from March 2027", read as
            # a fragment), with the size of the first launch when the line gives one
            FaqEntry(topic="availability", question="When and where can I get it?",
                     answer=self.answer(self.availability_answer(),
                                        "launch date and where it is available",
                                        "When and where does it launch?", False)),
            FaqEntry(topic="how_it_works", question=f"How does {self.product} work?",
                     answer=self.answer(self.how_it_works() if self.idea_text else [],
                                        "how it works, from the customer's side",
                                        "What does the customer do, step by step, and what do they see?", False)),
            *self.competition_faq(),
            FaqEntry(topic="compatibility", question="What does it work with, and what do I need?",
                     # A risk about a partner ("Xero API rate limits") is ours to worry about, not
                     # what a customer is told their setup needs.
                     # (nor is a supplier's lead time or a partner's part, "Shenzhen board maker quoted 8
                     # weeks", "3 gyms do the inspection": what we depend on, said in the internal FAQ)
                     answer=self.answer([said for said in sentences_about(
                         f, "dependencies", exclude=("price", "budget", "problem", "risks", "open"),
                         not_cued=("problem", "loss", "risks")) if not _supply_side(said, f)],
                                        "what it works with and what the customer needs",
                                        "Which tools, systems or devices does it work with, and what must a "
                                        "customer have?", False)),
            # A privacy risk of ours ("privacy of photos inside the home") is not what a customer
            # is told happens to their data: it is named as the team's risk, beside the gap.
            FaqEntry(topic="data", question="What happens to my data?",
                     answer=self.answer(sentences_about(f, "privacy", exclude=("risks",)),
                                        "what happens to customer data",
                                        "What data do we collect, where is it kept, who can see it, and how is it "
                                        "deleted?", False, open_questions=open_about(f, "privacy"),
                                        always_ask=True, risks=risks_about(f, "privacy"))),
            FaqEntry(topic="getting_started", question="How do I get started?",
                     answer=self.answer(sentences_about(f, "getting_started", not_cued=("dependencies",)),
                                        "the first steps a customer takes",
                                        "What are the first steps, from sign-up to the first result?", False)),
        ]

    def competition_faq(self) -> list[FaqEntry]:
        """"How is Ledgerly different from FreshBooks and Wave?" when the notes name the competition:
        their words on it, and the difference still to write. Nothing when they name none."""
        lines = rivals(self.facts)
        if not lines:
            return []
        listed_by_line = [rival_names(line) for line in lines]
        names = list(dict.fromkeys(name for listed in listed_by_line for name in listed))
        said: list[str] = []
        for line, listed in zip(lines, listed_by_line, strict=True):
            reason = re.search(r"\(([^()]{3,120})\)", line.text)
            if listed and reason:
                said.append(f"{_and(listed)}: {reason.group(1).strip()}")  # "FreshBooks and Wave: too heavy for ..."
            elif listed:
                said.append(f"The alternatives: {_and(listed)}")
            else:
                said.extend(_pieces(line))
        them = _and(names) if names else "today's alternatives"
        asked = _and(names) if names else "what customers use today"
        return [FaqEntry(topic="competition", question=f"How is {self.product} different from {asked}?",
                         answer=self.answer(said, f"what {self.product} does that {them} do not",
                                            f"What does {self.product} do for the customer that {them} do not, "
                                            "in one sentence they would repeat?", False, always_ask=True))]

    def evidence_answer(self, evidence: list[str], quotes: list[QuoteFact]) -> str:
        """The notes' evidence; with none, the problem's own figures ("no-shows cost a clinic ~$1,200
        a week") are what we have, and where they come from is the open question."""
        from assistant.draft.shorthand import expand

        # (a date is no figure of the problem: "the new rules start Jan 2027")
        amounts = [n.text for n in self.facts.numbers if n.kind != "date"]
        figures = [said for said in sentences_about(self.facts, "problem")
                   if any(a in said or expand(a) in said for a in amounts)]
        if evidence:
            if not any(re.search(r"\d", said) for said in evidence):
                # "One receptionist told us ..." is a voice, not a measure: the problem's figures
                # (25 minutes a slot, 40% stay empty) go with it, after where they come from ("what we
                # learned from the student interviews") and before what one customer said
                voices = [said for said in evidence if re.search(r"[\"“”]", said)]
                sources = [said for said in evidence if said not in voices]
                evidence = [*sources, *(f for f in figures[:2] if f not in evidence), *voices]
            return self.answer(evidence, "evidence that customers have the problem",
                               "What evidence (interviews, data) shows customers have this problem, and how many?",
                               True, quotes=quotes)
        return self.answer(figures[:2], "where the problem's figures come from, and how many customers have it",
                           "Where do the problem's figures come from (interviews, data), and how many customers "
                           "have it?", True, quotes=quotes, always_ask=bool(figures))

    def internal_faq(self) -> list[FaqEntry]:
        f = self.facts
        # ("Courier companies, not riders — €18 per bike per month": the price after the dash is said
        # as the price, not as who the customer is)
        customer = [re.sub(r"\s[-–—]\s+[^-–—]+$", "", s.text) if starts_with_money(
            re.split(r"\s[-–—]\s+", s.text)[-1]) else s.text for s in f.labelled("customer") if _usable(s)]
        people = [f"We interviewed {interviewed(f)}"] if f.interviewees else []
        problem_quotes = [q for q in self._spare_quotes() if not says_what_they_pay(q)][:2]
        price = our_price(f)
        budget = [said for said in sentences_about(f, "budget", exclude=("price",), not_cued=("loss",))
                  if not price or english_price(said.rstrip(". ")).lower() not in price.lower()]
        budget += [said for said in remarks_beside_the_price(f) if said not in budget]
        # (a launch's first sites, "launch with 10 clinics in Cork", are no count of the market)
        sized = sentences_about(f, "market", exclude=("launch", "price", "problem"),
                                not_cued=("evidence", "loss", "launch"))
        # A canvas's "Channels" box ("Gym owner Facebook groups; the UK Active trade show"): how we
        # reach them, said as a sentence, not pasted as a list
        channels = [s for s in f.labelled("market") if _usable(s) and s.label and CHANNELS_LABEL.search(s.label)]
        reached = [sentence("We plan to reach them through " +
                            _and([_lower_first(part.strip(" ."), self.keep) for part in re.split(r";", s.text)
                                  if part.strip(" .")])) for s in channels]
        sized = [said for said in sized if not any(said.rstrip(".") in s.text for s in channels)]
        return [
            FaqEntry(topic="market", question="Who is the customer, and how many of them are there?",
                     answer=self.answer(customer + sized + reached, "how many such customers there are",
                                        "How many customers like this are there, and what is the source?", True,
                                        always_ask=not sized)),
            FaqEntry(topic="problem", question="What evidence do we have that customers have this problem?",
                     # (a partner's line citing a survey of its market share is no evidence of the problem)
                     answer=self.evidence_answer(people + sentences_about(
                         f, "evidence", exclude=("customer", "dependencies", "launch", "leader")),
                                                 problem_quotes)),
            FaqEntry(topic="economics", question="What are the economics: price, costs and margin?",
                     # (a "Cost:" line that is the price is said once)
                     answer=self.answer(([priced_plans(price) or price] if price else []) + budget,
                                        "cost to serve one customer, and the margin",
                                        "What does it cost us to serve one customer, and what margin does the "
                                        "price leave?", True, always_ask=True, quotes=[
                                            q for q in f.quotes if says_what_they_pay(q) and
                                            not any(q.text.rstrip(".") in said for said in budget)])),
            FaqEntry(topic="dependencies", question="What do we depend on to make this work?",
                     answer=self.answer(sentences_about(f, "dependencies", exclude=("price", "budget", "problem"),
                                                        not_cued=("problem", "loss")) or self._named_in_the_idea(),
                                        "dependencies", "Which partners, integrations, data or teams must deliver "
                                        "for this to work, and what if they do not?", True,
                                        open_questions=open_about(f, "dependencies"),
                                        always_ask=not sentences_about(f, "dependencies"))),
            FaqEntry(topic="risks", question="What are the biggest risks, and what would make us stop?",
                     # (an unlabelled line of the customers' loss is the problem's, not our risk)
                     answer=self.answer(_risks_as_sentences(sentences_about(f, "risks", not_cued=("loss",)),
                                                            self.keep),
                                        "the result that would make us stop",
                                        "What result (a number, by a date) would make us stop?", True,
                                        # (each open question is asked once: one on a partner or on
                                        # data is in that answer, not again here)
                                        open_questions=[q for q in open_about(f, None) if q not in [
                                            *open_about(f, "dependencies"), *open_about(f, "privacy")]],
                                        always_ask=True)),
            *self.labelled_entry(WHY_NOW_LABEL, "why_now", "Why now?"),
            *self.labelled_entry(SUCCESS_LABEL, "metrics", "How will we measure success?"),
            FaqEntry(topic="not_doing", question="What will we not do?",
                     answer=self.answer([self._not_doing_said(t) for t in sentences_about(f, "not_doing")],
                                        "what the first version will not do",
                                        "What will the first version deliberately not do?", True)),
        ]

    def _named_in_the_idea(self) -> list[str]:
        """"... matches incoming bank payments to tenants automatically using Open Banking": the
        idea names what it is built on; with no line on dependencies, that is the one we know of."""
        found = _BUILT_ON.search(self.idea_text or "")
        if not found or not self.facts.product_name:
            return []
        return [f"{self.facts.product_name} relies on {found.group('what').strip()}"]

    def _not_doing_said(self, text: str) -> str:
        """"Deposit protection, maintenance requests, tenant referencing." under an "Out of scope"
        heading is a list of things, not a sentence: "The first version will not do deposit
        protection, maintenance requests or tenant referencing." A sentence stays as it is."""
        bare = text.strip().rstrip(".")
        items = [item.strip() for item in re.split(r",\s*|\s+and\s+|;\s*", bare) if item.strip()]
        if len(items) < 2 or _FINITE.search(bare) or any(len(item.split()) > 5 for item in items) or \
                re.match(r"(?i)(?:no|not|never|we|it|the first)\b", bare):
            return text
        said = [_lower_first(item, self.keep) for item in items]
        things = f"{', '.join(said[:-1])} or {said[-1]}"
        return f"The first version will not do {things}"

    def labelled_entry(self, label: re.Pattern[str], topic: str, question: str) -> list[FaqEntry]:
        """An internal FAQ the notes answer under a label of its own ("Why now: the new EU rules ...",
        "Success metric: 200 practices by Dec 2027"); nothing when they have no such line."""
        said = [piece for s in self.facts.statements if labelled_as(s, label) and not s.quote_only
                for piece in _pieces(s)]
        return [FaqEntry(topic=topic, question=question, answer=paragraph(*(sentence(p) for p in said)))] \
            if said else []


def body(statement: Statement) -> str:
    """A line without an unknown label it kept ("Plan: go live in ..." is "go live in ...")."""
    if statement.topic in (None, "open", "launch") and not statement.label:
        match = re.match(r"(?P<label>[A-Za-z][\w /&'-]{0,30}):\s+(?=\S)", statement.text)
        if match and len(match.group("label").split()) <= 3:
            return statement.text[match.end():]
    return statement.text


def _balanced(piece: str) -> bool:
    """A sentence cut out of a longer quotation opens or closes a quote it does not hold."""
    return piece.count('"') % 2 == 0 and piece.count("“") == piece.count("”")


def _pieces(statement: Statement) -> list[str]:
    return [p.strip() for p in _SENTENCE_SPLIT.split(_without_working_name(body(statement)))
            if p.strip() and _balanced(p)]


CHANNELS_LABEL = re.compile(r"(?i)channels|distribution|reach them")


# What we depend on behind the scenes: suppliers, partners, funders ("Shenzhen board maker quoted 8
# weeks lead time", "Socios: 3 rocódromos ... hacen la inspección").
_SUPPLY_SIDE = re.compile(r"(?i)\b(?:suppliers?|supply|manufactur\w*|factory|factories|maker|lead time|partners?|"
                          r"partnerships?|contract\w*|grants?|funding|funders?|investors?|procure\w*|quoted)\b|"
                          # "Depends on Twilio for SMS", "we rely on Stripe": our dependency, not the customer's setup
                          r"(?i:^\W*(?:depends?|relies|relying|depending)\s+on\b|\bwe\s+(?:depend|rely)\s+on\b|"
                          r"\bpowered\s+by\b)")


def rivals(facts: Facts) -> list[Statement]:
    """The notes' lines on other companies' products: labelled so ("Competitors: FreshBooks, Wave"),
    or a sentence naming one doing what a product does ("Bidsketch already does reminders but ...")."""
    return [s for s in facts.statements if not s.quote_only and (
        labelled_as(s, COMPETITORS_LABEL) or _COMPETITOR.search(s.text) is not None)]


def labelled_as(statement: Statement, label: re.Pattern[str]) -> bool:
    """Does the statement's own label ("**Competitors:**", "Why now:") say what `label` names?"""
    return statement.label is not None and label.fullmatch(statement.label.lower().strip(" *_")) is not None


_LIST_SEPARATORS = re.compile(r"\s*(?:,|/|;|\band\b|\bor\b|\bvs\.?)\s*")


def rival_names(line: Statement) -> list[str]:
    """A labelled line's short list of alternatives ("FreshBooks, Wave (too heavy ...)" -> FreshBooks,
    Wave; "spreadsheets and WhatsApp reminders"); none when the line is a sentence about them."""
    if not labelled_as(line, COMPETITORS_LABEL):
        return []
    head = re.split(r"\s*(?:\(|\s[-–—]\s|:)", line.text, maxsplit=1)[0]
    items = [item.strip(" .") for item in _LIST_SEPARATORS.split(head) if item.strip(" .")]
    if not items or len(items) > 4 or any(len(item.split()) > 3 for item in items):
        return []
    return items


def _supply_side(said: str, facts: Facts) -> bool:
    from assistant.draft.words import foreign_labels

    if _SUPPLY_SIDE.search(said):
        return True
    # (under a "Partners:" label, "Airbnb API access" is still what it works with)
    return not _WORKS_WITH.search(said) and any(
        s.label and _SUPPLY_SIDE.search(foreign_labels().get(s.label.lower().strip(), s.label))
        and said.rstrip(". ") in s.text for s in facts.statements)


_WORKS_WITH = re.compile(r"(?i)\b(?:api|apis|integrat\w*|works? with|plugs? into|sync\w*|imports?|exports?|"
                         r"connect\w*|log-?in|account)\b")


def _risks_as_sentences(risks: list[str], keep: set[str]) -> list[str]:
    """"operators may not trust card payments at sea; connectivity on the water": the second risk
    is a noun phrase, said as a risk ("Another risk: connectivity on the water."), not left as a
    fragment that reads like a sentence."""
    said: list[str] = []
    for risk in risks:
        bare = risk.strip().rstrip(".")
        if len(bare.split()) <= 8 and not _FINITE.search(bare) and not re.search(r"\b[a-z]{3,}ed\b", bare) \
                and not re.search(r"[\"“”:]", bare) and not re.match(r"(?i)(?:no|not|too|never|only|without)\b", bare):
            # ("No mobile signal at many huts" says what is wrong as it stands)
            lead = "Another risk" if said else "A risk"
            said.append(f"{lead}: {_lower_first(bare, keep)}")
        else:
            said.append(risk)
    return said


def sentences_about(facts: Facts, topic: Topic, exclude: tuple[Topic, ...] = (),
                    not_cued: tuple[Topic, ...] = ()) -> list[str]:
    """The notes' sentences on a topic: whole statements labelled with it, else the sentences of
    other statements whose words are about it (and not about `not_cued`: a loss is the problem's,
    not the economics'). Open questions are not answers and stay out."""
    found: list[str] = []
    for statement in facts.statements:
        if not _usable(statement) or statement.topic in (*exclude, "open", "title", "interviewee"):
            continue
        pieces = _pieces(statement)
        if statement.topic == "idea" and topic != "idea":
            pieces = pieces[1:]  # the idea itself is the answer to "how does it work", not to this
        if statement.topic == topic:
            found.extend(_with_its_source(statement, pieces))
        elif topic in statement.topics and topic in CUES:
            said = [p for p in pieces if CUES[topic].search(p)
                    and not any(CUES[other].search(p) for other in not_cued if other in CUES)]
            turn = _spoken_turn(statement, facts) if said else None
            # (a caller's "I'd pay for it" is quoted as theirs, not said in our voice)
            found.extend(f"{_in_words_of(turn)}: “{p[0].upper()}{p[1:]}”" if turn else p for p in said)
    return list(dict.fromkeys(found))[:MAX_ANSWER_STATEMENTS]


_STUDY = re.compile(r"(?i)(?:survey|poll|study|interviews?|calls?|test|pilot|trial)\b")


# A label that says what an amount is: "budget ceiling", "max spend", "current spend", "willingness to pay"
_AMOUNT_LABEL = re.compile(r"(?i)(?:[a-z]+\s+){0,2}(?:budget|spend|spending)\s+"
                           r"(?:ceiling|cap|limit|today|now|per\s+\w+)|"
                           r"(?:max(?:imum)?|current|annual|yearly|monthly|typical|their)\s+(?:budget|spend|spending)|"
                           r"willingness\s+to\s+pay|price\s+(?:ceiling|cap|limit)|spend\s+cap")


def _with_its_source(statement: Statement, pieces: list[str]) -> list[str]:
    """"survey of 212 parents: 64% say ..." is labelled with where the figure comes from: the
    label stays with the first sentence ("In a survey of 212 parents, 64% say ..."), or the
    figure is nobody's."""
    label = re.sub(r"(?i)^(?:a|an|the|our)\s+", "", statement.label or "")  # "A survey of 120 tenants"
    if pieces and _AMOUNT_LABEL.fullmatch(label) and starts_with_money(pieces[0]):
        # "budget ceiling: £40k/year per council, they said ...": the label says what the amount is
        # ("The budget ceiling is £40k/year per council; they said ..."), not a bare amount
        first = re.sub(r",\s+(?=(?:they|she|he|we|I|it)\s+(?:said|say|says|told|think|added|mentioned)\b)", "; ",
                       pieces[0])
        return [f"The {label.lower()} is {first}", *pieces[1:]]
    if not pieces or not re.search(r"\d", label) or not _STUDY.match(label):
        return pieces
    return [f"In a {label[0].lower()}{label[1:]}, {_lower_first(pieces[0])}", *pieces[1:]]


def risks_about(facts: Facts, topic: Topic) -> list[str]:
    """The pieces of the notes' risk lines that are about `topic` ("privacy of photos ...")."""
    return list(dict.fromkeys(piece for statement in facts.labelled("risks") if _usable(statement)
                              for piece in _pieces(statement) if topic in CUES and CUES[topic].search(piece)))


# The notes' reply to their own question: "probably not", "yes, for schools", "I think so".
_REPLY = re.compile(r"(?i)\W*(?:yes|no|yep|nope|probably|prob|maybe|likely|unlikely|not|never|perhaps|possibly|"
                    r"i\s+think|we\s+think|i\s+guess|depends|tbc|tbd|unclear|unknown)\b")


def open_about(facts: Facts, topic: Topic | None) -> list[str]:
    """The notes' own open questions, those on `topic` (all of them for None)."""
    found: list[str] = []
    for statement in facts.labelled("open"):
        pieces: list[str] = []
        named = False
        for piece in _pieces(statement):
            if facts.product_name and re.match(rf"(?i)\W*(?:call|name)\s+it\s+{re.escape(facts.product_name)}\s*\?",
                                               piece):
                # "call it FridgeWatch?": the name the draft uses, asked once, is no open question of
                # the product's (what follows it, "price KES 1,500/month", is said where it belongs)
                named = True
                continue
            if named and not piece.rstrip().endswith("?"):
                continue
            # ("do we need X? probably not": the answer they add; "who pays? will landlords allow it?" are
            # two, and so are "will clients mind? GDPR rules for client emails": a second item, on data)
            if pieces and pieces[-1].endswith("?") and not piece.rstrip().endswith("?") and _asked(piece) == piece \
                    and (_REPLY.match(piece) or len(piece.split()) <= 3):
                pieces[-1] += f" (the notes add: {_lower_first(piece.rstrip('.'))})"
            else:
                pieces.append(piece)
        # ("Price: per caregiver or per agency?" is on the price by its label, whatever its words)
        found.extend(p.rstrip(".") for p in pieces if topic is None or (topic in CUES and CUES[topic].search(p))
                     or (topic in statement.topics and len(pieces) == 1))
    return found


def notes_lack(facts: Facts) -> list[str]:
    """What kinds of fact the notes did not give: the list a writer fills before the review."""
    lacking: list[tuple[bool, str]] = [
        (facts.customer is None, "who the customer is"),
        (not problem_pieces(facts) and not facts.quotes, "the customer's problem"),
        (not any(n.kind != "date" for n in facts.numbers), "a number that sizes the problem"),
        (not idea_statements(facts), "what we will build"),
        (not facts.quotes, "a quote from a customer"),
        (our_price(facts) is None, "a price"),
        (facts.launch_date is None, "a launch date"),
        (facts.leader is None, "a leader who speaks for it"),
        (facts.product_name is None, "a product name"),
        (not facts.about("not_doing"), "what we will not do"),
    ]
    return [what for missing, what in lacking if missing]


def instruction_warnings(facts: Facts, notes: Document, engine: str = "offline") -> list[str]:
    """One warning per line of the notes that reads like an order to a model."""
    handled = ("It was treated as part of the notes, not followed, and left out of the draft." if engine == "offline"
               else "It went to the model inside the notes' envelope, marked as data, and was not followed.")
    warnings = []
    flagged_lines = sorted({span.line for span in facts.instructions})
    for line in flagged_lines:
        text = notes.text.splitlines()[line - 1]
        warnings.append(f"The notes contain text that reads like an instruction to an AI (line {line}: "
                        f"“{' '.join(text.split())[:80]}”). {handled}")
    return warnings


def warnings_for(facts: Facts, notes: Document) -> list[str]:
    warnings = instruction_warnings(facts, notes)
    if facts.product_name and facts.product_name_is_working:
        warnings.append(f"“{facts.product_name}” is a working name in the notes: confirm the launch name "
                        "(a headline carries no code names).")
    quote = best_quote(facts)
    if quote is not None:
        warnings.append(f"The customer quote (line {quote.line} of the notes) is the customer's words from "
                        "before the product existed; after a pilot, replace it with one about the benefit.")
    if facts.words < THIN_NOTES_WORDS:
        warnings.append(f"The notes are thin ({facts.words} words): most of this draft is placeholders. Fill "
                        "the gaps, or add to the notes and draft again.")
    return warnings


def draft_offline(notes: Document) -> Draft:
    """A PR/FAQ scaffold from the notes alone: grounded, gaps marked, scored."""
    from assistant.draft.finish import finish_draft

    facts = extract_facts(notes)
    composer = Composer(facts)
    press_release = composer.press_release()
    faq = Faq(external=composer.external_faq(), internal=composer.internal_faq())
    draft = Draft(engine="offline", notes_path=notes.path, press_release=press_release, faq=faq,
                  gaps=composer.book.gaps, notes_lack=notes_lack(facts), warnings=warnings_for(facts, notes))
    return finish_draft(draft, notes)
