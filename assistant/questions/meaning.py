"""Answered-ness by meaning: which part of the document answers a question, and how well.

Three signals, because sentence embeddings alone favour shared words:
1. structure: the question is first matched against the document's own FAQ questions
   (question to question is far easier than question to answer); a match is judged on THAT
   FAQ answer, and its evidence is the sentence of that answer that answers it best;
2. lexical evidence: the concepts two texts share (`assistant.questions.text.concepts`, with
   stems and synonyms: "out of scope" and "not do" are one concept);
3. answer type (`assistant.questions.answertype`): an answer on the subject that lacks what the
   question's kind needs (a price, a date, a named group, a figure) is only `partly` an answer.
The product's own name is masked to "it" on both sides before anything is embedded or compared,
so "What is Foo?" is not close to "How do I install Foo?" merely because both say Foo.

`Reading(doc, product)` embeds the document's sentences and FAQ questions once; every question
judged against the document reuses them. With the semantic layer off (`PRFAQ_SEMANTIC=off`, or
the package missing) the lexical and answer-type signals decide alone.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from assistant.documents.faq import names_an_faq_part
from assistant.documents.models import Document, FaqItem, Heading, Span
from assistant.literals import literals_of, may_occur
from assistant.questions.answered import (
    PLACEHOLDER,
    RISK_TOPICS,
    SOFTBALL,
    UNKNOWN,
    Body,
    Judgement,
    _body_sentences,
    verified,
)
from assistant.questions.answertype import (
    SERVES,
    THINGS_IN_ER,
    Kind,
    defined_term,
    defines,
    describe,
    kind_of,
    names_its_kind,
    only_our_cost,
    satisfies,
)
from assistant.questions.ranker import (
    FEATURES,
    asks_metric,
    asks_who,
    asks_why,
    gives_reason,
    gives_target,
    load_retrieval,
    load_weights,
    names_group_first,
    sets_targets,
)
from assistant.questions.select import Candidate
from assistant.questions.text import (
    INTENT_CONCEPTS,
    STOPWORDS,
    Sentence,
    concepts,
    coverage,
    coverages,
    is_title_line,
    sentences,
    similarity,
    stem,
    weighted,
    words,
)

if TYPE_CHECKING:
    import numpy as np
    from rank_bm25 import BM25Okapi

    from assistant.questions.bank import Bank, BankQuestion
    from assistant.questions.models import Evidence

MASK = "it"
LEXICAL_WEIGHT = 0.5  # weight of the shared-concept score next to the cosine of two questions' embeddings
SENTENCE_LEXICAL = 0.5  # ... of a question and a sentence
PAIR_THRESHOLD = 0.30  # question-to-FAQ-question score from which the FAQ pair is the one that answers it
# ... from which "its FAQ asks this but leaves the answer empty" is said: a claim about the
# document, so only on a clear match ("Is there value in a smaller v0?" is not "How much better is it?")
EMPTY_PAIR_THRESHOLD = 0.6
SAME_SCENE = 0.5  # a cosine from which two questions on one shared thing ("cancel") are one, whatever kinds
PARAPHRASE = 0.75  # a cosine from which two questions ask the same thing whatever words they share
TRIVIAL = frozenset({"product", "define"})  # concepts that say nothing about what is asked
# Concepts that name whom or what a question is about rather than what it asks ("customer data").
SUBJECTS = TRIVIAL | {"customer"}
# "how long", "when": a question about time shares it with every other; alone it does not make two
# questions one ("What data do we keep, and for how long?" is not "How long does the battery last?").
WEAK_SHARED = frozenset({"time"})
# Concepts an FAQ question must share with a question to be its pair: the narrower sense of a broader
# intent both have (`competitor` within `compare`).
MUST_SHARE = frozenset({"competitor"})
# Verbs any question may use, whatever it asks ("work", "build", "use"): sharing one alone does not
# make two questions one when one of them says what kind of thing it asks.
GENERAL_VERBS = frozenset({"work", "build", "use", "make", "do", "get", "go", "run", "take", "help"})
SECTION_THRESHOLD = 0.50  # ... from which a section heading ("## Pricing") is the question its text answers
# How much better (in `_best`'s rank, the sentence with its paragraph) a passage elsewhere must
# answer a question than the sentences under the section heading it matched, for the heading to
# give way (0.0 to 0.2 measured alike on questions-ask; 0.1 keeps near ties with the heading).
ELSEWHERE_MARGIN = 0.1
PAIR_MARGIN = 0.0  # (kept for tuning) how far ahead of the runner-up a pair must be
# A thing said in this share of a document's sentences (and in at least this many) is its setting
# (`Reading.background`), not what one question asks.
BACKGROUND_SHARE = 0.15
BACKGROUND_MIN_SENTENCES = 3
ANSWER_THRESHOLD = 0.60  # question-to-sentence score from which a body sentence answers it
PARTLY_THRESHOLD = 0.45  # ... from which it at least touches the subject
TYPE_BONUS = 0.08  # a sentence with what the question's kind needs is preferred as evidence
LEAD_BONUS = 0.03  # an FAQ answer's first sentence usually carries the answer
# The sub-heading says who the customer is ("For developers and CS students who ..."): the template's
# own answer to "Who is it for?", as much as an FAQ answer would be.
SUBHEADING_BONUS = 0.3
DEFINITION_BONUS = 0.6  # "What is X?" is answered by the sentence that says what X is
FIGURE_BONUS = 0.3  # "Who pays the $0.50 fee?" is answered where the document says "$0.50"
FAQ_REGION_BONUS = 0.1  # an FAQ's text answers questions;
# the press release tells a story
COSINE_PARAPHRASE = 0.6  # an FAQ question meeting a question only on its people asks the same from this close
COSINE_ALONE = 0.45  # a sentence sharing no concept with the question answers it only this close in meaning
# Below this calibrated cosine, a sentence that meets the question only through a word read as an
# answer ("require" for requirements and dependencies) at most touches it. Measured on
# evals/answeredness.py: exact 83.8 -> 85.0 tuned half, 71.2 -> 73.8 held out (0.10: 83.8 / 73.8;
# 0.15: 81.2 / 73.8); questions-ask and recall unchanged.
COSINE_THIN = 0.05
COSINE_ALONE_YES_NO = 0.2  # ... or, for a yes/no question, a sentence that opens with "Yes" or "No"
# Finding an answer anywhere in the document (no FAQ question matched): a sentence is read with
# its paragraph, because an answer's words spread over its sentences ("Always." answers "Does it
# work offline?" only through the paragraph around it). The paragraph's score is the fitted
# ranker's (assistant/questions/ranker.py); the sentence's own bonuses were tuned on
# evals/questions_ask.py, with evals/answeredness.py (hand labels) as the check.
ANSWER_REGION_BONUS = 0.3  # the FAQ's answers, not the press release's story, answer questions
# How much the paragraph's score (the fitted ranker's, in units of a cosine) weighs next to the
# sentence's own when the quote is chosen: the paragraph is the better judge of where the answer
# is (its words spread over its sentences), the sentence of which words to quote. Measured on
# questions-ask, each half alone peaks near 2 (even half 44.0% at 1.0 -> 45.2% from 1.75 to 3;
# odd 57.0% -> 59.4% at 2, 58.6% at 1.75 and 2.25); answered-ness unchanged.
PARAGRAPH_WEIGHT = 2.0
# The questions a press-release paragraph answers by its role (`documents.roles`), whatever its
# words: a problem paragraph says the problem without the word ("Buying from ten farms means ten
# phone calls"); a call to sign up ("Districts can sign up at ...") is how to get started, though
# it embeds far from "How do I get started?".
ROLE_INTENTS: dict[str, tuple[re.Pattern[str], frozenset[str]]] = {
    "problem": (re.compile(r"\b(?:what|which) (?:problems?|pains?|pain points?)\b|\bproblem (?:does|do|is|are)\b"
                           r"|\bhow (?:much|big|bad|painful|costly) (?:does |do |is |are )?(?:the |this |that )?"
                           r"(?:problem|pain)\b"
                           # "How much does the problem cost customers today?": sized where it is told
                           r"|\bproblem costs?\b|\bcosts? of (?:the|this|that) problem\b"
                           r"|\bwhy (?:do|would|should) (?:i|we|you|customers|anyone) (?:need|care|want)\b",
                           re.IGNORECASE), frozenset({"problem"})),
    "getting_started": (re.compile(r"\bget(?:ting)? started\b|\bhow (?:do|can|should|would) (?:i|we|you|customers) "
                                   r"(?:start|begin|sign up|try|get it|get access)\b|\bfirst steps?\b"
                                   r"|\bwhere (?:do|can|should) (?:i|we|you) (?:start|begin|sign up|get it|download)\b",
                                   re.IGNORECASE),
                        frozenset({"getting_started", "call_to_action"})),
    # "When will it be available?", "What is the launch date?": the call to action says where and
    # when ("available today across the UK", "sold through distributors ... from September 2027"),
    # not an FAQ aside that mentions a launch ("Not at launch.", "until the autumn 2027 release").
    "availability": (re.compile(r"\bwhen (?:will|is|does|do|can|are)\b[^?]*\b(?:available|availab\w*|launch\w*|ship|"
                                r"go live|open|on sale|buy it|get it|book|order|sign up|download|use it|try it)\b"
                                r"|\b(?:launch|release|ship|availability) date\b"
                                r"|\bwhen and where\b"
                                # "Where can I buy it?": the call to action says where it is sold
                                r"|\bwhere (?:can|do|could|should) (?:i|we|you) (?:buy|order|purchase)\b"
                                r"|\bwhere (?:is|are) (?:it|they|this) (?:sold|on sale|stocked)\b",
                                re.IGNORECASE), frozenset({"call_to_action"})),
    # "What does a typical day with it look like?", "Walk me through using it": the press release's
    # solution paragraph walks the customer through it ("the owner opens the app, photographs ...")
    "workflow": (re.compile(r"\b(?:what|describe)\b[^?]{0,20}\btypical (?:day|session|week|morning)\b"
                            r"|\bday in the life\b|\bwalk (?:me|us|you) through\b"
                            r"|\bwhat does (?:using|a day with) "
                            # "How does it work?", "How does ClaimKit work?" (a name, not "pricing")
                            r"|^\W*how (?:does|will|would) (?:it|this|(?-i:[A-Z])[\w-]*(?: (?-i:[A-Z])[\w-]*)?) "
                            r"(?:actually |really )?work\W*$", re.IGNORECASE), frozenset({"solution"})),
    # "What exactly is it?" of a release that names no product ("Riverton Public Library lends
    # home internet like a book"): its summary says what it is
    "what_it_is": (re.compile(r"^\W*what(?:'s| is| exactly is)(?: it| this)(?: exactly)?\W*$", re.IGNORECASE),
                   frozenset({"summary"})),
}
ROLE_BONUS = 0.3  # like SUBHEADING_BONUS: the document's structure says where the answer is


@functools.lru_cache(maxsize=4096)
def roles_asked(question: str) -> frozenset[str]:
    """The paragraph roles whose paragraphs answer `question` (`ROLE_INTENTS`): none for most."""
    return next((answering for pattern, answering in ROLE_INTENTS.values() if pattern.search(question)), frozenset())

# `_bank_claims`: how far below the best bank fit a question may still take an FAQ pair, and the
# fit under which no bank question owns the pair.
CLAIM_MARGIN = 0.35
CLAIM_FLOOR = 0.5
# `Reading.calibrate`: the soft maximum's temperature, and the share of it taken off each score.
# With the retrieval model's term the paragraph scores spread wider, and 0.2 with a half let a
# summary that names every subject win again (tests/test_ranker.py). Measured on questions-ask
# with the retrieval model 168 -> 170 of 294, without it 157 -> 158; answered-ness unchanged.
HUB_TEMPERATURE = 0.5
HUB_SHARE = 2 / 3
# Kinds whose answer is its type: running text without a price does not touch a price question
# (checked on evals/answeredness.py: price 79.4% -> 81.2%; adding who / when / owner did not help
# on the held-out half).
UNTYPED_IS_SILENCE: frozenset[str] = frozenset({"price"})
# What FAQ questions about the maker's own money ask: the market's size "at our price", the grant
# that funds it, the margin. Their answers' amounts are no price a customer pays.
OUR_MONEY = frozenset({"ourcost", "market", "economics", "invest"})
SHORT_ANSWER_WORDS = 3  # a sentence shorter than this ("Yes.", "Always.") is quoted with the next one


def _soft_maximum(matrix: np.ndarray) -> np.ndarray:
    """Each column's soft maximum over the rows (log-sum-exp at `HUB_TEMPERATURE`), times
    `HUB_SHARE`: the column term of a dual softmax's log, brought back to the scale of the scores."""
    import numpy as np

    top = matrix.max(axis=0)
    return HUB_TEMPERATURE * HUB_SHARE * (top / HUB_TEMPERATURE
                                          + np.log(np.exp((matrix - top) / HUB_TEMPERATURE).sum(axis=0)))


@functools.lru_cache(maxsize=16384)
def mask(text: str, product: str | None) -> str:
    """`text` with the product's own name (and its possessive) replaced by "it"."""
    if not product or not product.strip():
        return text
    # Not where the name starts a longer one ("Tangent Graph" is a part of Tangent, not Tangent); that
    # capital is checked case-sensitively: under IGNORECASE "(?! [A-Z][a-z])" refused every name
    # followed by a word, and "Who is Foo for?" kept its name.
    for name in (product.strip(), short_name(product)):
        if name:
            pattern = rf"(?<![\w-]){re.escape(name)}(?:['\u2019]s)?(?![\w-])(?-i:(?! [A-Z][a-z]))"
            text = re.sub(pattern, MASK, text, flags=re.IGNORECASE)
    return text


def _price_against_our_money(question: str, intents: frozenset[str], their_question: str,
                             theirs: frozenset[str]) -> bool:
    """Does one question plainly ask the customer's price ("How much does it cost?") and the other
    our own money (what it costs us, the market, the margin, the investment), with no kind of
    question in common? ("What does it cost to run?" says neither plainly, and may be either.)"""
    if intents & theirs or not (intents | theirs) & OUR_MONEY or ("price" in intents) == ("price" in theirs):
        return False
    priced = question if "price" in intents else their_question
    return _PLAINLY_THE_PRICE.search(priced) is not None


_PLAINLY_THE_PRICE = re.compile(r"(?i)\bhow much\b|\bpric(?:e|es|ed|ing)\b|\bsubscription\b|\bfree\b"
                                r"|\b(?:do|will|would) (?:i|we|you|customers|users) (?:have to )?pay\b")


def _kind(reading: Reading, question: str) -> Kind:
    """The kind of answer a question needs, read without the product's name: "What exactly is
    Shiftly Pay?" asks what it is, not a price, and "Is Costwise free?" asks one. Once per
    question (it is asked at every step of judging it)."""
    found = reading.kinds.get(question)
    if found is None:
        found = reading.kinds[question] = kind_of(mask(question, reading.product))
    return found


@functools.lru_cache(maxsize=256)
def short_name(product: str | None) -> str | None:
    """The coined first word of a longer name, which the document uses alone: "Tallyhand Payroll"
    is "Tallyhand" in "How much does Tallyhand cost?". Only a coined word (rare in English): the
    "Tangent" of "Tangent Graph" or the "Signal" of "Signal Aggregator" is an ordinary word and
    says nothing of the product on its own; an acronym ("MCP Audit") names a technology."""
    parts = (product or "").split()
    if len(parts) < 2 or not parts[0][:1].isupper() or parts[0].isupper() or not parts[0].isalpha():
        return None
    from assistant.clarity.lexicon import zipf

    return parts[0] if zipf(parts[0].lower()) < 2.0 else None  # the table is of lower-case words


# Two or more capitalised words in running text (after a lower-case word, a comma or a bracket):
# a proper name ("Willamette Food Hub", "Good Agricultural Practices"), whose words say nothing
# of what the sentence is about.
_RUNNING_COST = re.compile(r"\bcosts?\b[^?]*\bto (?:run|operate|host|maintain|serve|keep (?:it )?running)\b|"
                           r"\b(?:running|operating|hosting|infrastructure|infra) costs?\b", re.IGNORECASE)
def _as_our_cost(pair: Pair) -> str:
    """A pair's question, with the cost of the internal FAQ's "What does it cost to run?" read as
    what we spend ("ourcost", `text.OUR_COST`), not the price a customer asks about."""
    if pair.item is not None and pair.item.audience == "internal" and _RUNNING_COST.search(pair.question):
        return re.sub(r"\bcosts?\b", "ourcost", pair.question, flags=re.IGNORECASE)
    return pair.question


_PROPER_NAME = re.compile(r"(?:(?<=[a-z0-9,;:] )|(?<=\())(?:[A-Z][\w&'.-]*\s+){1,5}[A-Z][\w&'.-]*")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|io|dev|net|ai)(?:/\S*)?", re.IGNORECASE)


# How answers and section headings say what a question's concept asks for, in words the
# question's own synonyms (assistant.questions.text) do not cover: a "Status" list answers
# "what is on the roadmap", "Anti-features" answers "what does it not do".
_ANSWER_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (concept, re.compile(pattern, re.IGNORECASE))
    for concept, pattern in (
        # ("later" of a plan, not of a version: "iOS 16 or later")
        ("roadmap", r"\b(?:status|planned|plans?|(?<!\bor )later|deferred|pending|milestones?|progression|coming|"
                    r"next (?:\d+ )?(?:days|weeks|months|release|version|phase))\b"),
        ("scope", r"\banti-features?\b|\bnot (?:supported|built|included|planned|yet)\b|\bdeferred\b|"
                  # what it does not do, not what someone else does not ("if a boater does not show up")
                  # (not what it spares the customer: "It does not need to talk to the boiler")
                  r"\b(?:it|this|that) does(?: not|n't)\b(?! (?:need|have|require|ask|cost|charge|matter)\b)"
                  r"|\bdoes(?: not|n't) (?:support|include|do|handle|replace|"
                  r"cover|offer|provide|store|track|work|run)\b|\bwon't\b|\bwill not\b|\bno plans?\b|\blimitations?\b|"
                  r"\bout of scope\b|"
                  r"\b(?:come|comes|coming|arrive|arrives|ship|ships) later\b|\bafter (?:launch|ga)\b|\bat launch\b|"
                  # "Python support follows in Q4", "Android arrives in 2028": what is not there yet
                  r"\b(?:follows?|comes?|arrives?|lands?|ships?) (?:in|by|later in|early in|late in) (?:q[1-4]|\d{4}|"
                  r"(?:the )?(?:spring|summer|autumn|fall|winter)|this year|next year|"
                  r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\b|"
                  r"\bv2\b|\bnot (?:at|in) (?:launch|v1)\b|,\s*not (?!only\b|just\b|yet\b|sure\b|because\b)\w"
                  r"|\bonly (?:supports?|runs? on|targets?|works? (?:with|on))\b"),
        # "supports Postgres", "support for Xero", not "Support is the largest cost" (customer
        # support) nor "our support team"; "MCP clients", not an accountancy's clients.
        ("compatible", r"\bintegrat\w*|\bworks? (?:with|on|against)\b|\bsupports\b|\bsupported\b|"
                       r"\bsupport (?:for|of)\b|\b(?:we|it|also|fully|natively|now) support\b|\bcompatib\w*|"
                       r"\bbackends?\b|\bplug-?ins?\b|\b(?:api|mcp|e-?mail|desktop|mobile|web|http|git|sql|ssh|chat|"
                       r"native|official|third-party|other|lsp|language) clients?\b"),
        # not where it runs: "The model runs on your machine" names no dependency
        ("dependency", r"\bdepend\w*|\brequires?\b|\bbuilt on\b|\bruns? on\b(?! (?:your|my|their|our|any|every|a|the "
                       r"user's) (?:own )?(?:machine|laptop|device|computer|phone|desktop|hardware|cpu)s?\b)"
                       r"|\bpowered by\b|\bshells? out\b|\bsits? (?:between|on top of|in front of|behind)\b|"
                       r"\bon top of\b|\bplugs? into\b|"
                       r"\bthrough the\b|\bprerequisites?\b|\bdependenc\w*"),
        ("security", r"\bencrypt\w*|\bplaintext\b|\bleak\w*|\bsecur\w*|\bscreen-safe\b|\bnever leaves?\b|"
                     r"\bsandbox\w*|\bmasked\b"),
        # ("visible only to the coordinator", "only the owner can see it", "encrypted at rest": who sees it)
        ("privacy", r"\bprivate\b|\bnever (?:sold|sells|shares?)\b|\bwho can see\b|\bvisible (?:only )?to\b|"
                    r"\bonly (?:the )?(?:\w+ ){0,2}(?:can|may|will) (?:see|read|access)\b|\bencrypted at rest\b|"
                    r"\bleave[s]? (?:your|my) machine\b|\blocal[- ]first\b"
                    # "Sounds are analysed on the device and never leave it"
                    r"|\bon(?:[- ]the)?[- ]device\b|\bnever leaves?\b|\bnever (?:uploaded|recorded|stored)\b"
                    # "stores transcripts locally", not "local farms" or "locally sourced"
                    r"|\blocally\b(?! (?:sourced|grown|owned|made|produced|based|brewed|roasted))"
                    r"|\b(?:stored|stores|stays?|kept|runs?) (?:\w+ ){0,2}local\b"),
        # Windows the system, with its capital: not "The windows can't see each other"
        ("requirement", r"\bprerequisites?\b|\brequires?\b|\byou need\b|\bmacos\b|\blinux\b|(?-i:\bWindows\b)|"
                        r"\bbinar(?:y|ies)\b"),
        # "services written in Java, Go and TypeScript" names the languages it works with
        ("languag", r"(?-i:\bGo\b(?! (?:to|ahead|back|live|further|beyond|from|into|through|out|on|over|for|with)\b)|"
                    r"\b(?:Java|Golang|Python|TypeScript|JavaScript|Rust|Ruby|PHP|Kotlin|Swift|Scala|Elixir|"
                    r"Haskell|C\+\+|C#|Clojure|Erlang|Dart|Perl|Lua|Julia|Fortran|COBOL)(?![\w+#]))"),
        ("getting_started", r"\bgetting started\b|\binstall\w*|\bdownload\w*|\bvisit\b|\bsign up\b|\breleases page\b|"
                  # not "we start with the 24,000 independents in Texas": where the team starts selling
                  r"(?<!\bwe )(?<!\bwe'll )(?<!\bwe will )(?<!\bwe plan to )\bstart with\b"),
        ("price", r"[$\u20ac\u00a3]\s?\d|\d\s?(?:usd|eur|gbp|dollars?|euros?)\b|\bper (?:month|year|seat|user)\b|"
                  r"/(?:mo|month|yr|year|seat|user)\b"),
        ("customer", r"\b(?:designed|built|made|meant|aimed|intended) (?:squarely )?(?:for|at)\b|\bfor (?:people|teams|"
                     r"developers|engineers|anyone|operators|students)\b"),
        ("problem", r"\bproblem\b|\bpain\b|\bfootgun\b|\bfrustrat\w*|\bstruggl\w*|\bharder than\b|"
                    r"\bnightmare\b|\bscattered\b|\bchallenges?\b|\bfriction\b|\bhard to\b|\bdifficult\w*|"
                    r"\baddresses\b|\beliminates?\b"),
    )
)


# Intents that ask one thing from two sides: "Is my data private?" and "Does my data leave my
# machine?" (privacy kept by keeping the data local).
# "Do I need a smartphone?" (a platform) answers "What do I need to run it?" and "What if I do not have
# a phone?" (a requirement), as "Is my data private?" meets "Does it run locally?".
_RELATED_INTENTS: dict[str, frozenset[str]] = {
    "privacy": frozenset({"local"}), "local": frozenset({"privacy"}),
    "requirement": frozenset({"compatible", "platform"}), "compatible": frozenset({"requirement", "platform"}),
    "platform": frozenset({"requirement", "compatible"}),
    "refund": frozenset({"price"}), "price": frozenset({"refund"}),
}


MANY_CONCEPTS = 4  # a question that says at least this many things asks more than any one of them


def _meets_on_one_of_many(asked: frozenset[str], theirs: frozenset[str]) -> bool:
    """Does a question of many concepts share exactly one of substance with an FAQ question (or a
    sentence), other than the one kind of thing it asks? "Does it phone home or upload anything
    about our repo?" asks only of privacy, which "Does it send my code anywhere?" asks too; "Is
    there a private way to report a security hole?" asks of security as well."""
    own = asked - TRIVIAL - WEAK_SHARED
    shared = own & theirs
    if len(own) < MANY_CONCEPTS or len(shared) != 1:
        return False
    return shared != own & INTENT_CONCEPTS - SUBJECTS


def _kindred(intents: frozenset[str], others: frozenset[str]) -> bool:
    """Two different intents that ask one thing (`_RELATED_INTENTS`), not merely a shared one."""
    return any(_RELATED_INTENTS.get(intent, frozenset()) & others for intent in intents)


def _related(intents: frozenset[str], others: frozenset[str]) -> bool:
    """Do two questions' intents meet: one in common, or two that ask one thing (`_RELATED_INTENTS`)?"""
    return bool(intents & others) or any(_RELATED_INTENTS.get(intent, frozenset()) & others for intent in intents)


@functools.lru_cache(maxsize=16384)
def _answer_concepts(text: str) -> frozenset[str]:
    # A pattern whose required words (`assistant.literals`) are all missing from the text cannot
    # match it: skipping its search changes nothing. Not with a dotted or dotless I in the text,
    # which `re` matches to "i" ignoring case, and casefold does not fold to "i".
    folded = text.casefold() if "\u0130" not in text and "\u0131" not in text else None
    return frozenset(concept for (concept, pattern), literals in zip(_ANSWER_WORDS, _ANSWER_LITERALS, strict=True)
                     if (folded is None or may_occur(literals, folded)) and pattern.search(text))


_ANSWER_LITERALS = tuple(literals_of(pattern) for _, pattern in _ANSWER_WORDS)


_YES_NO_QUESTION = re.compile(
    r"^\W*(?:does|do|is|are|can|could|will|would|should|did|has|have|am|won't|isn't|doesn't|can't|aren't)\b",
    re.IGNORECASE)
# "How is it kept secure?", "How does it keep changes safe?": how it is done (not how much, many, long)
_ASKS_HOW_IT_WORKS = re.compile(r"^\W*how (?:is|are|does|do|will|would|can|could|should)\b", re.IGNORECASE)
_ASKS_IF_IT_COSTS = re.compile(r"\b(?:cost|costs|charge|charges|pay)\b[^?]*\banything\b|"
                               r"^\W*(?:is|are) (?:it|this|they|[\w-]+) (?:really )?free\b", re.IGNORECASE)
_YES_NO_CLAUSE = re.compile(r"^\W*(?:yes|no|nope|correct|absolutely)\s*[,;:\u2014\u2013-]", re.IGNORECASE)
# "Yes." or "Yes, and that is the approach we recommend ...": the answer to a yes/no question
_OPENS_WITH_YES_NO = re.compile(r"^\W*(?:yes|no|nope|correct|absolutely)(?:\W*$|[.!,;:\u2014])", re.IGNORECASE)
_YES_NO_ANSWER = re.compile(r"^\W*(?:yes|no|not|nope|absolutely|correct|always|never)\b", re.IGNORECASE)
_ABOUT_THE_DOCUMENT = re.compile(
    r"\bworking backwards\b|\bwritten as if\b|\bwriting the (?:press release|pr\s*/?\s*faq|faq)\b"
    r"|\b(?:this|the|a|our) (?:fictional |internal )?(?:document|doc|pr\s*/\s*faq|pr-?faq|press release|faq|artifact)\b"
    r"(?=[^.\n]{0,60}\b(?:written|write|writing|pins?|describes?|exists?|aligns?"
    r"|is (?:a|the|written|meant|intended|not)|was written|captures?|proposes?)\b)",
    re.IGNORECASE)
_LABEL_ONLY = re.compile(r"^\W*(?:q|a|question|answer)\s*\d{0,3}\W*$", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_HOW_TO = re.compile(r"\b(?:install|set ?up|get(?:ting)? started|start|run|command|deploy|configure)\b"
                     r"|^\W*how (?:do|can|should|would) (?:i|we|you)\b|^\W*how to\b", re.IGNORECASE)
_NOT_A_SECTION = re.compile(r"\b(?:faqs?|frequently asked|press release|q\s*&\s*a|questions)\b", re.IGNORECASE)


def _sections(doc: Document) -> list[tuple[Heading, int, int]]:
    """Headed sections outside the FAQ pairs: (heading, start, end) of the text under each, up to
    the next heading. A section that holds FAQ pairs (or is the document's title) is not one."""
    questions = [item.question.start for item in doc.faq]
    titles = _title_lines(doc)
    headings = sorted([*doc.headings, *titles], key=lambda h: h.span.start)
    out = []
    for index, heading in enumerate(headings):
        start = heading.span.end
        end = headings[index + 1].span.start if index + 1 < len(headings) else len(doc.text)
        if heading in titles:  # a title line heads its paragraph ("6. Risks" is not the quote after it)
            gap = _PARAGRAPH_BREAK.search(doc.text, start, end)
            end = gap.start() if gap else end
        # From the heading's own start: a heading that is itself an FAQ question ("### Who maintains
        # it?") is that FAQ pair already, not a second pair judged by other rules.
        if any(heading.span.start <= q < end for q in questions) or _NOT_A_SECTION.search(heading.span.text):
            continue
        if any(item.answer is not None and item.answer.start <= heading.span.start < item.answer.end
               for item in doc.faq):
            continue  # a heading inside an FAQ answer is part of that answer
        out.append((heading, start, end))
    return out


ROLE_QUESTION_WHAT_IT_IS = "What is it?"  # what an idea's section ("Proposal", "Solution") stands for
MIN_DEFINITION_WORDS = 4  # a sentence of this many words or fewer names a thing, it does not say what it is
# What a notes-style heading asks, in the words a question would use: "## Background" is the
# problem, "## Proposed solution" what it is, "## Launch" when and where. A heading not listed
# is matched by its own words ("## Pricing", "## Out of scope", "## Risks").
_SECTION_ASKS = (
    (re.compile(r"(?i)^(?:the\s+)?(?:background|context|situation|status quo|pain points?|the pain|why this matters)$"),
     "What problem does it solve?"),
    (re.compile(r"(?i)^(?:the\s+)?(?:proposed\s+)?(?:solution|idea|concept|proposal|overview|product|what it is|"
                r"what we(?:'ll| will)? build)$"), ROLE_QUESTION_WHAT_IT_IS),
    (re.compile(r"(?i)^(?:the\s+)?(?:target\s+)?(?:users?|customers?|audience|personas?|segments?|who|for whom|"
                r"who it'?s for)$"),
     "Who is it for?"),
    (re.compile(r"(?i)^(?:the\s+)?(?:launch(?:\s+plan)?|availability|timeline|roll-?out(?:\s+plan)?|go-?live)$"),
     "When and where will it be available?"),
)


def section_asks(heading: str) -> str | None:
    """The question a notes-style section heading stands for, or None when its own words say it."""
    bare = re.sub(r"^[#\s]+(?:\d{1,2}[.)]\s+)?|^\d{1,2}[.)]\s+|[\s:*_]+$", "", heading)
    return next((asked for pattern, asked in _SECTION_ASKS if pattern.match(bare)), None)


def _title_lines(doc: Document) -> list[Heading]:
    """In notes (no FAQ, no dateline), the section titles the parser reads as text: "1. Problem",
    "2. Proposal" alone on their lines over the paragraphs they head."""
    if doc.faq or doc.dateline is not None:
        return []
    found = []
    for line in re.finditer(r"(?m)^[ \t]*(?P<title>\S[^\n]*?)[ \t]*\n(?=[ \t]*\S)", doc.text):
        title = line.group("title")
        if is_title_line(title) and \
                not any(h.span.start <= line.start("title") < h.span.end for h in doc.headings):
            found.append(Heading(span=doc.span(line.start("title"), line.end("title")), level=0))
    return found


def _section_title_line(text: str, sentence: Sentence) -> bool:
    """"1. Problem" or "Price & timing" alone on its line, over the lines it heads: a notes section's
    title (split off as a sentence by `text.sentences`), which answers nothing."""
    return text[sentence.end:sentence.end + 1] == "\n" and (sentence.start == 0 or text[sentence.start - 1] == "\n") \
        and is_title_line(sentence.text)


def _reading_sentences(doc: Document) -> list[Sentence]:
    """Sentences that could answer, in document order: every FAQ answer's own sentences (split
    within the answer, so an answer that starts on its question's line is not lost), and the
    press release and other text, never a question."""
    answers = [(item.answer.start, item.answer.end) for item in doc.faq if item.answer is not None]
    found = {(s.start, s.end): s for start, end in answers for s in sentences(doc.text, start, end)}
    titles = [h.span for h in doc.headings] + [s for s in (doc.headline, doc.subheading, doc.dateline) if s]
    sub = doc.subheading
    for sentence in _body_sentences(doc):
        if any(start < sentence.end and sentence.start < end for start, end in answers):
            continue
        # The sub-heading, even written as a heading, says who it is for and what they get; any
        # other heading names a subject and does not answer anything (its section may).
        in_subheading = sub is not None and sub.start <= sentence.start < sub.end
        if not in_subheading and (
                any(t.start <= sentence.start and sentence.end <= t.end + 1 for t in titles[:-3] if t is not None)
                or any(h.span.start <= sentence.start < h.span.end for h in doc.headings)):
            continue
        if _LABEL_ONLY.match(sentence.text) or names_an_faq_part(sentence.text) or \
                _section_title_line(doc.text, sentence):
            # "Q2." of "Q2. What happens if ...?", split off the question: a label, not an answer;
            # "Customer FAQ" on a plain line: a title
            continue
        found.setdefault((sentence.start, sentence.end), sentence)
    return [found[key] for key in sorted(found)]


def _paragraphs(text: str, found: list[Sentence], masked: list[str]) -> tuple[list[int], list[str]]:
    """Each sentence's paragraph (text between blank lines), and each paragraph's masked text."""
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    numbers = [bisect.bisect_right(breaks, sentence.start) for sentence in found]
    order = list(dict.fromkeys(numbers))
    index = {number: i for i, number in enumerate(order)}
    texts: list[list[str]] = [[] for _ in order]
    for number, sentence in zip(numbers, masked, strict=True):
        texts[index[number]].append(sentence)
    return [index[n] for n in numbers], [" ".join(parts) for parts in texts]


def _terms(text: str) -> list[str]:
    """The stems of a text's words that carry meaning, for BM25."""
    return list(_term_tuple(text))


@functools.lru_cache(maxsize=8192)  # a bank question's terms are the same in every document
def _term_tuple(text: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in words(text.lower()) if word not in STOPWORDS)


@dataclass(frozen=True)
class Pair:
    """A question the document asks itself, and its answer: an FAQ pair, or a section heading
    ("## Problem", "Anti-features (deliberately not built)") and the text under it."""

    question: str  # masked
    line: int
    answer: Span | None
    sentences: tuple[int, ...]
    item: FaqItem | None = None  # None for a section
    title: str | None = None  # a section's heading as written, when `question` says what it asks

    @property
    def where(self) -> str:
        if self.item is not None:
            return f"its FAQ asks this (line {self.line})"
        return f"its section \u201c{(self.title or self.question).strip('# ')}\u201d covers this (line {self.line})"


class Reading:
    """The document, read once for judging many questions against it."""

    def __init__(self, doc: Document, product: str | None, *, retrieval: bool = False) -> None:
        """`retrieval`: rank paragraphs with the retrieval model too (`assistant.semantic.retrieval`),
        slower and better at finding the answer to a question the user wrote (`--ask`)."""
        from assistant import semantic
        from assistant.semantic import retrieval as retrieval_model

        self.doc = doc
        self.product = product
        self.aliases = [name for name in (product, short_name(product)) if name]
        self.sentences = _reading_sentences(doc)
        self.masked = [mask(s.text, product) for s in self.sentences]
        pairs = []
        for item in doc.faq:
            answer = item.answer
            pairs.append(Pair(mask(item.question.text, product), item.question.line, answer,
                              self._inside(answer.start, answer.end) if answer else (), item))
        for heading, start, end in _sections(doc):
            inside = self._inside(start, end)
            if inside:
                title = mask(re.sub(r"^\d{1,2}[.)]\s+", "", heading.span.text), product)
                asks = section_asks(heading.span.text)
                pairs.append(Pair(asks or title, heading.span.line, doc.span(start, end), inside,
                                  title=title if asks else None))
        self.pairs = pairs
        self.paragraph_of, self.paragraphs = _paragraphs(doc.text, self.sentences, self.masked)
        self.semantic = semantic.enabled()
        self.retrieval = retrieval and retrieval_model.enabled()
        self._concepts: dict[int, frozenset[str]] = {}
        self._columns: dict[tuple[str, str], list[float]] = {}
        self._satisfied: dict[tuple[str, int], float] = {}
        self._hubness: np.ndarray | None = None
        self._bank_matches: dict[int, tuple[float, str]] = {}
        self.sentence_hubness: np.ndarray | None = None
        # Per question, worked out once: a question is ranked against the sentences twice or more
        # (with its paragraph, then alone; against its FAQ pair, then the whole text).
        self._vectors: dict[str, np.ndarray | None] = {}
        self._closeness: dict[tuple[str, tuple[int, ...]], tuple[list[float], list[float]]] = {}
        self.kinds: dict[str, Kind] = {}  # `_kind` of each question judged
        self._bonuses: dict[tuple[str, Kind, int | None, tuple[int, ...]],
                            list[tuple[float, bool, bool, bool, bool]]] = {}
        self._bm25_columns: dict[str, np.ndarray] = {}

    @cached_property
    def in_code(self) -> frozenset[int]:
        """The sentences inside a fenced code block: commands and comments, which answer only a
        how-to question ("# Secrets only" above a command does not say which secrets it finds)."""
        from assistant.documents.structure import scan_lines

        code = [(line.start, line.end) for line in scan_lines(self.doc.text) if line.kind == "code"]
        starts = [start for start, _ in code]
        found = set()
        for index, sentence in enumerate(self.sentences):
            at = bisect.bisect_right(starts, sentence.start) - 1
            if at >= 0 and code[at][0] <= sentence.start <= code[at][1]:
                found.add(index)
        return frozenset(found)

    @cached_property
    def _internal_faq_start(self) -> int | None:
        """Where the internal FAQ begins: its "## Internal FAQ" heading, or its first item."""
        from assistant.documents.faq import audience_of

        faq_start = self.doc.faq_start
        if faq_start is None:
            return None
        for heading in self.doc.headings:
            title = self.doc.text[heading.span.start:heading.span.end]
            if heading.span.start >= faq_start and names_an_faq_part(title) and \
                    audience_of(title, "external") == "internal":
                return heading.span.start
        return min((item.question.start for item in self.doc.faq if item.audience == "internal"), default=None)

    def in_internal_faq(self, offset: int) -> bool:
        """Is this offset inside the internal FAQ (where an internal question's answer belongs)?"""
        start = self._internal_faq_start
        return start is not None and offset >= start

    @cached_property
    def our_cost_answers(self) -> frozenset[int]:
        """The sentences of the FAQ answers that say what the maker spends ("What does it cost us
        to make each sensor?"), not what a customer pays."""
        # (and a section under a heading that says so: an internal FAQ's "### Cost to us")
        return frozenset(i for pair in self.pairs if (
            only_our_cost(pair.question) or concepts(pair.question, aliases=self.aliases) & OUR_MONEY
            # the internal FAQ's "What does it cost to run?" is what we spend on it
            or (pair.item is not None and pair.item.audience == "internal"
                and _RUNNING_COST.search(pair.question) is not None))
            for i in pair.sentences)

    @cached_property
    def yes_no_to_their_question(self) -> frozenset[int]:
        """The first sentences of FAQ answers that go on from a yes or a no in one clause ("Yes, and
        that is the recommended approach when you need real separation between identities"): the
        clause answers its own question ("Can I run several instances for different personas?"),
        and read as an answer to another one ("Is my data secure?") it says what nobody wrote. Their
        question is matched to its pair first (`find_pair`), where they stay the answer. A sentence
        after the "No." ("No. Sounds are analysed on the device and never leave it") stands alone."""
        return frozenset(pair.sentences[0] for pair in self.pairs if pair.item is not None and pair.sentences
                         and _YES_NO_CLAUSE.match(self.sentences[pair.sentences[0]].text) is not None)

    @cached_property
    def business_answers(self) -> frozenset[int]:
        """The sentences of the internal FAQ's answers to questions that ask no price ("What could
        stop us?" / "... a price rise of more than 40% would make the $2.99 plan unprofitable"): an
        amount there is the business's concern, not what a customer is told to pay."""
        return frozenset(i for pair in self.pairs if pair.item is not None and pair.item.audience == "internal"
                         and kind_of(pair.question) != "price"
                         and "price" not in concepts(pair.question, aliases=self.aliases)
                         for i in pair.sentences)

    @cached_property
    def figures(self) -> list[frozenset[str]]:
        """The figures each sentence names (`figures_named`), found once per document."""
        return [figures_named(sentence.text) for sentence in self.sentences]

    @cached_property
    def in_quotes(self) -> frozenset[int]:
        """The sentences of the press release's quotes (a leader's, a customer's)."""
        spans = [(p.span.start, p.span.end) for p in self.doc.paragraphs
                 if p.role in ("leader_quote", "customer_quote")]
        return frozenset(i for i, s in enumerate(self.sentences) if any(a <= s.start < b for a, b in spans))

    @cached_property
    def alternatives_answers(self) -> frozenset[int]:
        """The sentences of the FAQ answers about an alternative ("Why build rather than buy
        LaunchDarkly?" / "We priced LaunchDarkly at $310,000 a year"): their prices are the
        alternative's, not what a customer of the product pays."""
        return frozenset(i for pair in self.pairs if pair.item is not None
                         and concepts(pair.question, aliases=self.aliases) & {"compare", "competitor", "build"}
                         and not concepts(pair.question, aliases=self.aliases) & {"price"}
                         for i in pair.sentences)

    @cached_property
    def about_itself(self) -> frozenset[int]:
        """The sentences that talk about the document, not the product: "This is written as if X
        has already shipped", "Writing the press release first ensures the team aligns on what
        success looks like". They mention success, customers and problems without answering."""
        return frozenset(i for i, sentence in enumerate(self.sentences) if _ABOUT_THE_DOCUMENT.search(sentence.text))

    def _inside(self, start: int, end: int) -> tuple[int, ...]:
        return tuple(i for i, s in enumerate(self.sentences) if start <= s.start < end)

    # --- vectors, computed on first use, once ---------------------------------------------------
    @cached_property
    def sentence_vectors(self) -> np.ndarray:
        from assistant import semantic

        return semantic.encode(self.masked)

    @cached_property
    def quote_vectors(self) -> np.ndarray:
        """Each sentence's vector as it would be quoted (`quote`): a bare "Yes." is read with the
        sentence after it ("Yes. The facilitator sets timers; the app hard-locks input ..."), which
        is what answers; alone it is close to no question. Only short sentences: a sentence ending
        in a colon keeps its own vector (reading it with its list's first item measured worse).
        Measured: questions-ask 145 -> 146 of 294; answered-ness unchanged."""
        from assistant import semantic

        vectors = self.sentence_vectors.copy()
        joined = {}
        for index, sentence in enumerate(self.sentences):
            if len(words(sentence.text)) < SHORT_ANSWER_WORDS:
                quoted = self.quote(index)
                if quoted.end != sentence.end:
                    joined[index] = mask(quoted.text, self.product)
        if joined:
            vectors[list(joined)] = semantic.encode(list(joined.values()))
        return vectors

    @cached_property
    def paragraph_vectors(self) -> np.ndarray:
        """Each paragraph's direction: the normalised sum of its sentences' vectors. Embedding the
        paragraphs' own text scored the same on the evals (44.2% against 43.9% on questions-ask,
        82.5% against 81.9% on answered-ness) at 1.4 times the CPU."""
        import numpy as np

        vectors = self.sentence_vectors
        sums = np.zeros((len(self.paragraphs), vectors.shape[1]), dtype=np.float32)
        # Row by row, in sentence order: the float32 additions np.add.at(sums, paragraph_of, vectors)
        # makes, in the same order (so the same sums), without its per-element dispatch (~0.8 ms a page).
        for index, paragraph in enumerate(self.paragraph_of):
            sums[paragraph] += vectors[index]
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        return sums / np.where(norms == 0, 1.0, norms)

    @cached_property
    def _bm25(self) -> BM25Okapi | None:
        from rank_bm25 import BM25Okapi

        tokens = [_terms(text) for text in self.paragraphs]
        if not any(tokens):
            return None
        return BM25Okapi([t or ["\0"] for t in tokens])

    def _bm25_scores(self, terms: list[str]) -> np.ndarray:
        """`BM25Okapi.get_scores(terms)`, with each term's column worked out once per document: the
        questions of a document share most of their words ("data", "customer", "cost"). Summed in
        the query's order, as get_scores sums them, so the floats are the same."""
        import numpy as np

        bm25 = self._bm25
        assert bm25 is not None
        score = np.zeros(bm25.corpus_size)
        for term in terms:
            column = self._bm25_columns.get(term)
            if column is None:
                # rank_bm25's own arithmetic (BM25Okapi.get_scores), term by term.
                q_freq = np.array([(doc.get(term) or 0) for doc in bm25.doc_freqs])
                doc_len = np.array(bm25.doc_len)
                column = self._bm25_columns[term] = (bm25.idf.get(term) or 0) * (
                    q_freq * (bm25.k1 + 1) / (q_freq + bm25.k1 * (1 - bm25.b + bm25.b * doc_len / bm25.avgdl)))
            score += column
        return score

    @cached_property
    def _paragraph_shape(self) -> np.ndarray:
        """What each paragraph is, whatever the question: [all code, log(1 + words), opens with
        yes/no, opens with a reason, holds a target, opens with a group of people]."""
        import math

        import numpy as np

        code, sentences = [0] * len(self.paragraphs), [0] * len(self.paragraphs)
        for index in range(len(self.sentences)):
            sentences[self.paragraph_of[index]] += 1
            code[self.paragraph_of[index]] += index in self.in_code
        rows = [[float(code[n] == sentences[n]), math.log1p(len(words(text))),
                 float(_YES_NO_ANSWER.search(text) is not None), float(gives_reason(text)),
                 float(gives_target(text)), float(names_group_first(text))]
                for n, text in enumerate(self.paragraphs)]
        return np.array(rows, dtype=np.float64).reshape(len(self.paragraphs), 6)

    def paragraph_concepts(self, paragraph: int) -> frozenset[str]:
        """The concepts of a paragraph's sentences, together."""
        return self._paragraph_concepts[paragraph]

    @cached_property
    def _paragraph_concepts(self) -> list[frozenset[str]]:
        union: list[set[str]] = [set() for _ in self.paragraphs]
        for index in range(len(self.sentences)):
            union[self.paragraph_of[index]] |= self.sentence_concepts(index)
        return [frozenset(found) for found in union]

    def _paragraphs_satisfying(self, kind: Kind) -> list[float]:
        # Many questions of a document share a kind (and a term): each column is worked out once.
        key = ("kind", kind)
        if key not in self._columns:
            self._columns[key] = [float(satisfies(kind, text)) for text in self.paragraphs]
        return self._columns[key]

    def _paragraphs_defining(self, term: str) -> list[float]:
        key = ("defines", term)
        if key not in self._columns:
            self._columns[key] = [float(defines(term, text)) for text in self.paragraphs]
        return self._columns[key]

    def paragraph_features(self, question: str, masked: str, vector: np.ndarray | None) -> np.ndarray:
        """Each paragraph's features against `question` (`masked` is it with the product masked),
        in `ranker.FEATURES` order: one row per paragraph."""
        import numpy as np

        count = len(self.paragraphs)
        cosines = self.paragraph_vectors @ vector if vector is not None else np.zeros(count)
        bm25 = self._bm25_scores(_terms(masked)) if self._bm25 is not None else np.zeros(count)
        bm25 = np.maximum(bm25, 0.0) / max(float(bm25.max(initial=0.0)), 1e-9)
        asked = concepts(masked, aliases=self.aliases) - {"product", "define"}
        kind = kind_of(masked)
        term = defined_term(question)
        shape = self._paragraph_shape
        code, length, opens_yes_no, reason, target, group = shape.T
        yes_no = _YES_NO_QUESTION.search(question) is not None
        # Filled column by column into zeros (a feature the question does not ask for stays 0): the
        # same float64 values as stacking the columns, without building a zero column for each.
        features = np.zeros((count, len(FEATURES)), dtype=np.float64)
        features[:, 0] = cosines
        features[:, 1] = bm25
        features[:, 2] = coverages(asked, self._paragraph_concepts)
        if yes_no:
            features[:, 3] = opens_yes_no
        if asks_why(question):
            features[:, 4] = reason
        if kind != "any":
            features[:, 5] = self._paragraphs_satisfying(kind)
        if term is not None:
            features[:, 6] = self._paragraphs_defining(term)
        features[:, 7] = code
        features[:, 8] = length
        if asks_metric(question):
            features[:, 9] = target
        if asks_who(question):
            features[:, 10] = group
        return features

    def paragraph_scores(self, question: str, masked: str, vector: np.ndarray | None) -> list[float]:
        """How well each paragraph answers `question`: the fitted ranker's weighted sum of its
        features (`assistant.questions.ranker`)."""
        if not self.paragraphs:
            return []
        import numpy as np

        weights = np.asarray(load_weights(), dtype=np.float64)
        scores = self.paragraph_features(question, masked, vector) @ weights
        if self.retrieval:
            scores = scores + self._retrieval_term(masked, scores)
        if self._hubness is not None:
            scores = scores - self._hubness
        return scores.tolist()

    def _retrieval_term(self, masked: str, scores: np.ndarray) -> np.ndarray:
        """What the retrieval model adds to each paragraph's score (`ranker.Retrieval`): its cosine
        with the question, weighted, for the paragraphs the ranker puts first; the lowest of those
        for the rest, so that their order stays the ranker's."""
        import numpy as np

        settings = load_retrieval()
        if settings is None or settings.weight == 0:
            return np.zeros_like(scores)
        return settings.weight * self.retrieval_closeness(masked, scores, settings.top, settings.chars)

    def retrieval_closeness(self, masked: str, scores: np.ndarray, top: int, chars: int) -> np.ndarray:
        """The retrieval model's cosine with `masked` of the `top` paragraphs by `scores` (each read
        up to `chars` characters), and the lowest of those for every other paragraph."""
        import numpy as np

        from assistant.semantic import retrieval

        first = np.argsort(-scores, kind="stable")[:top]
        cosines = retrieval.closeness(masked, [self.paragraphs[i][:chars] for i in first])
        term = np.full(len(scores), float(cosines.min()), dtype=np.float64)
        term[first] = cosines
        return term

    def best_bank_match(self, line: int, compute: Callable[[], tuple[float, str]]) -> tuple[float, str]:
        """The best bank fit of the FAQ question on `line` and its topic, worked out once per document."""
        if line not in self._bank_matches:
            self._bank_matches[line] = compute()
        return self._bank_matches[line]

    def calibrate(self, questions: list[str]) -> None:
        """Read the document against a batch of questions asked together (`--ask`): a passage
        close to every question (the summary paragraph, a wide "what it does" list) is a hub, not
        the answer to each. Each paragraph's score, and each sentence's rank, is lowered by its
        soft maximum over the batch: the column term of a dual softmax's log, which is the hubness
        correction of CSLS (Conneau et al., 2018, "Word translation without parallel data"). A
        question then goes to the passage that answers it rather than to one that mentions
        everything. One question alone changes nothing. Measured on questions-ask: the top
        paragraph holds the author's answer 48.6% -> 50.7%; the quote inside it 153 -> 156 of 294;
        answered-ness 87.5/75.6 -> 87.5/75.0 (held-out half unchanged, 82.5/68.8)."""
        import numpy as np

        self._hubness = self.sentence_hubness = None
        if len(questions) < 2 or not self.paragraphs:
            return
        masked = [mask(question, self.product) for question in questions]
        vectors = [self.vector(text) for text in masked]
        everything = list(range(len(self.sentences)))
        paragraphs = np.array([self.paragraph_scores(question, text, vector)
                               for question, text, vector in zip(questions, masked, vectors, strict=True)])
        sentences = np.array([self.sentence_scores(text, vector, everything)
                              for text, vector in zip(masked, vectors, strict=True)])
        self._hubness, self.sentence_hubness = _soft_maximum(paragraphs), _soft_maximum(sentences)

    @cached_property
    def pair_vectors(self) -> np.ndarray:
        from assistant import semantic

        return semantic.encode([p.question for p in self.pairs])

    def quote(self, index: int) -> Sentence:
        """The sentence to show as evidence: a bare "Yes." or "No!" says nothing on its own, so it
        is quoted with the sentence after it in its paragraph, and a sentence that ends in a colon
        with the first item after it (still the document's exact text)."""
        sentence = self.sentences[index]
        after = index + 1
        if sentence.text.rstrip().endswith(":") and after < len(self.sentences) and \
                self.doc.text.count("\n", sentence.end, self.sentences[after].start) <= 2:
            # "NEP addresses three major challenges:" says which only in the list that follows.
            end = self.sentences[after].end
            return Sentence(sentence.start, end, self.doc.text[sentence.start:end])
        if len(words(sentence.text)) >= SHORT_ANSWER_WORDS or after >= len(self.sentences) or \
                self.paragraph_of[after] != self.paragraph_of[index]:
            return sentence
        end = self.sentences[after].end
        return Sentence(sentence.start, end, self.doc.text[sentence.start:end])

    def sentence_concepts(self, index: int) -> frozenset[str]:
        if index not in self._concepts:
            # A web address's words ("competitor-a.com/pricing") are not what the sentence says.
            text = _URL.sub(" ", self.masked[index])
            # A name's words name it, not what the sentence is about: "Treasure Valley Cold Storage"
            # is a company, not where data is stored. They stay as words ("Does it sync with Apple
            # Health?"), but not as the intents a question asks for (privacy, security, price).
            names = " ".join(_PROPER_NAME.findall(text))
            text = _PROPER_NAME.sub(" ", text)
            self._concepts[index] = concepts(text, aliases=self.aliases) | _answer_concepts(text) | (
                concepts(names, aliases=self.aliases) - INTENT_CONCEPTS if names else frozenset())
        return self._concepts[index]

    @cached_property
    def roles(self) -> list[str | None]:
        """Each sentence's press-release paragraph role (`documents.roles`) where a question's
        intent can be answered by it (`ROLE_INTENTS`), else None."""
        wanted = frozenset().union(*(roles for _, roles in ROLE_INTENTS.values()))
        spans = [(p.span.start, p.span.end, p.role) for p in self.doc.paragraphs if p.role in wanted]
        return [next((role for start, end, role in spans if start <= s.start < end), None) for s in self.sentences]

    @cached_property
    def _pair_concepts(self) -> list[frozenset[str]]:
        """Each pair's question's concepts; a heading's also as an answer would say its subject."""
        return [concepts(_as_our_cost(pair), aliases=self.aliases) | (_answer_concepts(pair.question)
                if pair.item is None else frozenset()) for pair in self.pairs]

    def sentence_satisfies(self, kind: Kind, index: int) -> bool:
        """`satisfies(kind, sentence)`, worked out once per sentence and kind: every question of a
        document asks it of every candidate sentence."""
        key = (kind, index)
        if key not in self._satisfied:
            self._satisfied[key] = float(satisfies(kind, self.sentences[index].text))
        return bool(self._satisfied[key])

    def definition_strength(self, term: str, index: int) -> float:
        """1.0 when the sentence says what kind of thing `term` is, 0.5 when it defines it less
        plainly ("X is device-agnostic"), 0 when it does not define it; once per sentence and term."""
        key = (f"defines:{term}", index)
        if key not in self._satisfied:
            text = self.sentences[index].text
            self._satisfied[key] = (names_its_kind(term, text) and 1.0) or (defines(term, text) and 0.5) or 0.0
        return float(self._satisfied[key])

    # --- matching --------------------------------------------------------------------------------
    def pair_scores(self, question: str, vector: np.ndarray | None) -> list[float]:
        """How well each FAQ question asks what `question` asks: cosine + shared concepts.

        A pair that shares no concept of substance with the question (only the product, now "it",
        or a bare "what is") scores only when its cosine says it is a near paraphrase: masked,
        "What is Foo?" reads "What is it?", which embeds close to every "What does it ...?"."""
        asked = concepts(question, aliases=self.aliases)
        cosines = (self.pair_vectors @ vector).tolist() if vector is not None and self.pairs else \
            [0.0] * len(self.pairs)
        out = []
        asks_where = _ASKS_WHERE.match(question) is not None
        for pair, theirs, cosine in zip(self.pairs, self._pair_concepts, cosines, strict=True):
            lexical = similarity(asked, theirs)
            intents, their_intents = asked & INTENT_CONCEPTS - SUBJECTS, theirs & INTENT_CONCEPTS - SUBJECTS
            # Two kinds that ask one thing, close in meaning, need no word in common ("What if I do
            # not have a phone?", "Do I need a smartphone?").
            kin = cosine >= SAME_SCENE and intents and their_intents and _kindred(intents, their_intents)
            if _price_against_our_money(question, intents, pair.question, their_intents):
                out.append(0.0)  # "How much does it cost?" is not "What does it cost us?", however alike
                continue
            if not (asked & theirs) - TRIVIAL - WEAK_SHARED and cosine < PARAPHRASE and not kin:
                out.append(0.0)
                continue
            # Both say what kind of thing they ask, and not the same kind: "Does it work offline?" is
            # not "Does it work with our menu software?", however many words they share.
            # (the shared thing must be more than the document's own ground: in a PR/FAQ for marinas
            # "What data do you keep about boaters?" and "How do boaters pay?" share only "boat")
            if intents and their_intents and not _related(intents, their_intents) and cosine < PARAPHRASE \
                    and not (cosine >= SAME_SCENE and (asked & theirs) - TRIVIAL - INTENT_CONCEPTS - self.background):
                out.append(0.0)
                continue
            # A broad FAQ question ("How does it work?") says no kind of thing it asks: it shares
            # with "Does it work offline?" only a common word, and does not ask what that asks.
            # (two "Where ...?" questions about one thing ask the same, whatever else they say: "Where is
            # the data stored?", "Where is our data hosted?")
            same_where = asks_where and _ASKS_WHERE.match(pair.question) is not None and \
                bool(asked & theirs - TRIVIAL - WEAK_SHARED)
            if intents and not their_intents and cosine < PARAPHRASE and not same_where and not any(
                    weighted((concept,)) > 1.0 for concept in asked & theirs - TRIVIAL):
                out.append(0.0)
                continue
            # The other way round: the FAQ question says what kind of thing it asks, and the question
            # meets it only on a verb any question may use: "How will we know it worked?" is not "How
            # does it work?", nor "Why build this now?" "Why are we the right team to build it?".
            if their_intents and not intents and cosine < PARAPHRASE and (asked & theirs) - TRIVIAL <= GENERAL_VERBS:
                out.append(0.0)
                continue
            # A question that says many things and meets the FAQ question on one of them, not close in
            # meaning, asks something else of it: "Our repo pulls in code through git submodules; does
            # it follow those?" is not "Does it send my code anywhere?", nor "What happens if Fernbrook
            # stops paying the maintainers?" "Is there a paid version?".
            if _meets_on_one_of_many(asked, theirs) and cosine < SAME_SCENE:
                out.append(0.0)
                continue
            # "Who competes with it?" is not "Why sell through distributors instead of directly?":
            # both compare, but only one names rivals.
            if asked & MUST_SHARE - theirs and cosine < PARAPHRASE:
                out.append(0.0)
                continue
            out.append(float(cosine) + LEXICAL_WEIGHT * lexical)
        return out

    def sentence_scores(self, question: str, vector: np.ndarray | None, indices: list[int]) -> list[float]:
        """How close each sentence is to `question`: cosine + how much of the question it covers."""
        return self.closeness(question, vector, indices)[0]

    def closeness(self, question: str, vector: np.ndarray | None,
                  indices: list[int]) -> tuple[list[float], list[float]]:
        """`sentence_scores` of the sentences, and their cosines alone; once per question and
        sentences (`vector` is the question's, `vector(question)`)."""
        key = (question, tuple(indices))
        found = self._closeness.get(key)
        if found is None:
            asked = concepts(question, aliases=self.aliases) - {"product", "define"}
            cosines = (self.quote_vectors[indices] @ vector).tolist() if vector is not None and indices else \
                [0.0] * len(indices)
            covered = self.coverages(asked)
            scores = [float(c) + SENTENCE_LEXICAL * covered[i] for i, c in zip(indices, cosines, strict=True)]
            found = self._closeness[key] = (scores, cosines)
        return found

    @cached_property
    def background(self) -> frozenset[str]:
        """The document's own ground: the things (not the kinds of question) said in many of its
        sentences ("marina", "berth", "boat" in a PR/FAQ for marinas). Two questions that share only
        these share the setting, not what they ask."""
        floor = max(BACKGROUND_MIN_SENTENCES, BACKGROUND_SHARE * len(self.sentences))
        return frozenset(concept for concept, indices in self._sentences_with.items()
                         if len(indices) >= floor and concept not in INTENT_CONCEPTS)

    @cached_property
    def _sentences_with(self) -> dict[str, list[int]]:
        """Each concept, and the sentences that say it: a question's coverage of every sentence is
        then a walk over its few concepts, not over every sentence's concepts."""
        found: dict[str, list[int]] = {}
        for index in range(len(self.sentences)):
            for concept in self.sentence_concepts(index):
                found.setdefault(concept, []).append(index)
        return found

    def coverages(self, asked: frozenset[str]) -> list[float]:
        """`coverage(asked, sentence concepts)` of every sentence, in order."""
        out = [0.0] * len(self.sentences)
        total = weighted(asked)
        if not total:
            return out
        for concept in asked:
            share = weighted((concept,)) / total
            for index in self._sentences_with.get(concept, ()):
                out[index] += share
        return out

    def prepare(self, questions: list[str]) -> None:
        """Embed every question about to be judged in one batch. The model's cost per call is
        mostly fixed (about 0.2 s of CPU whatever the batch holds), so 80 questions one by one cost
        80 calls; afterwards `vector` finds each one in the semantic layer's memo."""
        if self.semantic and questions:
            from assistant import semantic

            semantic.encode([mask(question, self.product) for question in questions])

    def vector(self, question: str) -> np.ndarray | None:
        if not self.semantic:
            return None
        found = self._vectors.get(question)
        if found is None:
            from assistant import semantic

            found = self._vectors[question] = semantic.encode([question])[0]
        return found


@dataclass(frozen=True)
class Match:
    pair: Pair | None
    score: float


def find_pair(reading: Reading, question: str, among: list[FaqItem] | None = None,
              claims: Callable[[Pair], bool] | None = None) -> Match:
    """The FAQ pair that asks what `question` asks (None below the threshold). `among` limits the
    pairs considered (the ones the selection already matched); `claims` says which FAQ pairs the
    question may take at all."""
    masked = mask(question, reading.product)
    scores = reading.pair_scores(masked, reading.vector(masked))
    best: Match = Match(None, 0.0)
    for pair, score in zip(reading.pairs, scores, strict=True):
        if among is not None and (pair.item is None or pair.item not in among):
            continue
        if claims is not None and pair.item is not None and not claims(pair):
            continue
        if score > best.score and _other_subject_of_what_if(reading, question, pair):
            continue  # another actor's scenario; the next pair may still be this question's
        if score > best.score:
            best = Match(pair, score)
    if best.pair is None or best.score < PAIR_THRESHOLD:
        return Match(None, best.score)
    if best.pair.item is None and best.score < SECTION_THRESHOLD and not _same_intent(reading, masked, best.pair):
        return Match(None, best.score)
    if _pair_shares_only_whom(reading, question, masked, best.pair):
        return Match(None, best.score)
    return best


def _pair_shares_only_whom(reading: Reading, question: str, masked: str, pair: Pair) -> bool:
    """Does an FAQ question meet the question only on the people it names, while one of them asks
    something else of them? "What evidence do we have that customers want it?" is not "Who is it
    for?", though both say "customers"; nor is "Who is it for?" "Who sees what we order?"."""
    asked = concepts(masked, aliases=reading.aliases) - TRIVIAL
    people = (_people_in(question) | {"customer"}) & asked  # (customers are a subject, and people too)
    rest = asked - people - WEAK_SHARED
    theirs = concepts(pair.question, aliases=reading.aliases)
    shared = asked & theirs
    # ("Who is it for?" and "Who sees what we order?" share the "who", and the latter asks of privacy)
    asks_other = bool((theirs - asked) & INTENT_CONCEPTS - SUBJECTS)
    if not people or not (rest or asks_other) or not shared or not shared <= people:
        return False
    vector = reading.vector(masked)
    index = reading.pairs.index(pair)
    # (two short who-questions embed close: only a near paraphrase is the same question then)
    return vector is None or float(reading.pair_vectors[index] @ vector) < (COSINE_PARAPHRASE if asks_other
                                                                             else COSINE_ALONE)


def asks_the_same(reading: Reading, question: str, item: FaqItem) -> bool:
    """Does the document's FAQ item ask what `question` asks, by meaning (the pair score)? The
    check behind "The document's own FAQ asks it": "How am I billed?" is not "How long does
    deployment take?", whatever words the two share."""
    masked = mask(question, reading.product)
    scores = reading.pair_scores(masked, reading.vector(masked))
    return any(pair.item is item and score >= PAIR_THRESHOLD and not _other_kind_without_its_answer(masked, pair)
               and not _other_subject_of_what_if(reading, question, pair)
               for pair, score in zip(reading.pairs, scores, strict=True))


def _same_intent(reading: Reading, question: str, pair: Pair) -> bool:
    """Does a section heading name what the question asks for ("The Problem: ..." for "What problem
    does it solve?"), not only a subject both mention ("CLI Tool" for "What are the CLI commands?")?"""
    asked = concepts(question, aliases=reading.aliases) & INTENT_CONCEPTS
    heading = concepts(pair.question, aliases=reading.aliases) | _answer_concepts(pair.question)
    return bool((asked & heading) - TRIVIAL)


@dataclass(frozen=True)
class Best:
    """The sentence that answers a question best: `score` is how close the sentence itself is
    (with its bonuses; the thresholds apply to it), `rank` what chose it (with its paragraph)."""

    index: int
    score: float
    cosine: float
    rank: float


def _best(reading: Reading, question: str, indices: list[int], kind: Kind, lead: int | None = None,
          *, context: bool = False) -> Best | None:
    """The sentence (of `indices`) that answers `question` best. With `context`, each sentence is
    ranked with its paragraph (`Reading.paragraph_scores`): the search over the whole document."""
    if not indices:
        return None
    masked = mask(question, reading.product)
    vector = reading.vector(masked)
    scores, cosines = reading.closeness(masked, vector, indices)
    around = reading.paragraph_scores(question, masked, vector) if context else []
    region_bonus = ANSWER_REGION_BONUS if context else FAQ_REGION_BONUS
    hubness = reading.sentence_hubness
    paragraph_of = reading.paragraph_of
    ranked = []
    for index, score, cosine, (bonus, in_region, in_subheading, in_role, names_figure) in zip(
            indices, scores, cosines, _bonuses(reading, question, masked, kind, lead, indices), strict=True):
        # The same sums, in the same order, as bonus by bonus: the floats come out identical.
        if in_region:
            bonus += region_bonus
        if in_subheading:
            bonus += SUBHEADING_BONUS
        if in_role:
            bonus += ROLE_BONUS
        paragraph = PARAGRAPH_WEIGHT * around[paragraph_of[index]] if around else 0.0
        hub = float(hubness[index]) if hubness is not None else 0.0
        # A figure the question names ranks its sentence first, without making it closer in meaning.
        figure = FIGURE_BONUS if names_figure else 0.0
        ranked.append((score + bonus + paragraph - hub + figure, -index, index, float(cosine), score + bonus))
    rank, _, index, cosine, score = max(ranked)
    return Best(index, score, cosine, rank)


def _bonuses(reading: Reading, question: str, masked: str, kind: Kind, lead: int | None,
             indices: list[int]) -> list[tuple[float, bool, bool, bool, bool]]:
    """What `_best` adds to each sentence's score whatever the context: the bonus for its answer's
    kind, for leading its answer and for defining the question's term (summed in that order), and
    whether it sits in the region the question is answered in, in the sub-heading (a "who"
    question) and in a paragraph of the role the question asks for. Once per question and sentences."""
    key = (question, kind, lead, tuple(indices))
    found = reading._bonuses.get(key)
    if found is not None:
        return found
    term = defined_term(question)
    named = figures_named(question)
    faq_start = reading.doc.faq_start
    subheading = reading.doc.subheading
    story = _asks_the_problem(reading, masked)
    answering = roles_asked(question)
    found = []
    for index in indices:
        bonus = TYPE_BONUS if kind != "any" and reading.sentence_satisfies(kind, index) else 0.0
        if index == lead:
            bonus += LEAD_BONUS
        if term is not None:
            # "X is a health data vault" says what X is; "X is device-agnostic" only describes it.
            bonus += DEFINITION_BONUS * reading.definition_strength(term, index)
        start = reading.sentences[index].start
        found.append((bonus, faq_start is not None and (start >= faq_start) != story,
                      kind == "who" and subheading is not None and subheading.start <= start < subheading.end,
                      reading.roles[index] in answering, bool(named) and bool(named & reading.figures[index])))
    reading._bonuses[key] = found
    return found


# A figure precise enough to name one thing: an amount ("$0.50"), a share ("70%"), a number of two
# digits or more ("24,000", "30-day"); not a lone digit ("step 1", "v2").
_NAMED_FIGURE = re.compile(r"[$\u20ac\u00a3]\s?\d(?:[\d,.]*\d)?|\d(?:[\d,.]*\d)?\s?%|(?<![\w.])\d[\d,.]*\d")


@functools.lru_cache(maxsize=8192)  # a question's figures, asked for each sentence it is judged against
def figures_named(text: str) -> frozenset[str]:
    """The figures `text` names, written alike ("$ 0.50" and "$0.50", "70 %" and "70%")."""
    return frozenset(re.sub(r"\s", "", figure) for figure in _NAMED_FIGURE.findall(text))


def _asks_the_problem(reading: Reading, question: str) -> bool:
    """Does the question ask which problem the product solves? The press release exists to say it,
    so its story is where the answer is looked for first, not an FAQ aside ("Every problem the old
    design had came from breaking those rules" does not say it). Measured: answered-ness 72.5% ->
    73.8% exact (held-out half 65.0% -> 66.2%), questions-ask unchanged; doing the same for "who
    is it for" and "what is it" lowered both, so they keep the FAQ first."""
    return "problem" in concepts(question, aliases=reading.aliases)


_ASKS_WHERE = re.compile(r"(?i)^\W*where\b")
_ASKS_WHAT_IS_LEFT_OUT = re.compile(r"(?i)\b(?:not|n't)\s+(?:\w+\s+)?(?:do|doing|build|building|include|included|"
                                    r"support|supporting|cover|covering|ship|shipping)\b|\bout[- ]of[- ]scope\b"
                                    r"|\bnon-goals?\b|\bleav(?:e|es|ing) out\b|\bexclud\w*\b")
_SAYS_WHERE = re.compile(r"\W*(?:In|On|At|Inside|Within|From)\s+\S")
# What says where, anywhere in a sentence: a place after its preposition, an address, a web or
# e-mail address, an internal link ("go/switchboard"), "locally", a cloud or a region.
_NAMES_A_PLACE = re.compile(
    r"(?i)\b(?:in|on|at|inside|within|from|through|via|into|onto)\s+"
    r"(?:the\s+|our\s+|your\s+|their\s+|a\s+|an\s+|any\s+|each\s+)?\S"
    r"|\w+\.(?:com|org|net|io|co|app|dev|ai|uk|de|fr)\b|\S+@\S+\.\w+|\bgo/\w|https?://|\bwww\."
    r"|\b(?:locally|local|on-device|on-prem\w*|self-hosted|cloud|region|country|countries|servers?"
    r"|data ?cent(?:er|re)s?|here|there|everywhere|anywhere|nationwide|online|offline)\b")


def judge_pair(reading: Reading, question: str, pair: Pair, *, topic: str | None = None,
               cues: list[re.Pattern[str]] | None = None) -> Judgement:
    """The question judged on one FAQ answer: its best sentence is the evidence; `partly` when the
    answer lacks what the question's kind (or the bank question's answer cues) needs."""
    doc = reading.doc
    answer = pair.answer
    body = answer.text.strip() if answer else ""
    where = pair.where
    if not body or PLACEHOLDER.match(body) or not pair.sentences:
        return Judgement("unanswered", None, f"{where} but leaves the answer empty or as a placeholder")
    kind = _kind(reading, question)
    indices = list(pair.sentences)
    texts = {i: reading.sentences[i].text for i in indices}
    if topic in RISK_TOPICS and SOFTBALL.search(body):
        soft = next((i for i in indices if SOFTBALL.search(texts[i])), indices[0])
        return Judgement("partly", verified(doc, reading.sentences[soft]), f"{where}; the answer waves the risk "
                         "away instead of naming it and the plan for it")
    has_cue = bool(cues) and any(p.search(body) for p in cues or [])
    # "Does it cost my team anything?" / "No. Developer Platform pays for it": a no is the price
    says_whether_it_costs = kind == "price" and _ASKS_IF_IT_COSTS.search(pair.question) is not None \
        and _YES_NO_ANSWER.match(body) is not None
    typed = satisfies(kind, body) or has_cue or says_whether_it_costs
    if UNKNOWN.search(body) and not (has_cue or (kind != "any" and satisfies(kind, body))):
        unknown = next((i for i in indices if UNKNOWN.search(texts[i])), indices[0])
        return Judgement("partly", verified(doc, reading.sentences[unknown]), f"{where}; the answer says it is "
                         "not known yet")
    best = _best(reading, question, indices, kind, lead=indices[0])
    assert best is not None
    chosen = best.index
    if kind != "any" and pair.item is not None and reading.sentence_satisfies(kind, indices[0]) and \
            kind_of(pair.question) == kind:
        # The FAQ answer opens with what its question asks ("Five years at one reading every five
        # minutes." under "How long does the battery last?"): that is the answer, whatever a later
        # sentence shares in words ("... warns you three months before a battery needs replacing").
        chosen = indices[0]
    named = figures_named(question)
    if named and not named & reading.figures[chosen]:
        # "Who pays the $0.50 fee?" under "How much does it cost?" / "$49 a month. Instant payouts
        # cost $0.50 each.": the answer is where the figure it names is.
        chosen = next((i for i in indices if named & reading.figures[i]), chosen)
    if _ASKS_THE_CATCH.search(question) and not _CATCH.search(texts[chosen]):
        # "If it is free, what is the catch?" under "How much does it cost?" / "It is free. A hosted
        # dashboard is planned; its price is not set.": the catch is the second sentence, not "free".
        chosen = next((i for i in indices if _CATCH.search(texts[i])), chosen)
    if _ASKS_THE_CATCH.search(question) and _CATCH.search(texts[chosen]):
        # "There is no paid version, no hosted service, and no open-core split": what there is to
        # pay for, or that there is nothing, is what the catch question needs (no price need be named)
        typed = True
    if pair.item is not None and _YES_NO_QUESTION.search(question) and _YES_NO_QUESTION.search(pair.question) \
            and _OPENS_WITH_YES_NO.match(texts[indices[0]]):
        # "Do I have to register?" of "Do I need an account?" / "Yes. You create one with an e-mail
        # address ...": the answer is the "Yes" and what follows it (quoted together), not a later
        # sentence that happens to say "account". Only under a yes/no FAQ question: a "Yes." that
        # opens a section answers whatever the section's lost question was.
        chosen = indices[0]
    if pair.item is None and pair.title is not None and pair.question == ROLE_QUESTION_WHAT_IT_IS and \
            (defined_term(question) is not None or roles_asked(mask(question, reading.product)) == {"summary"}):
        # "What exactly is Lernwerk?" of the notes' "2. Proposal": its first sentence says what it is
        # (not a label giving the name, "Working title: FieldNote.")
        chosen = next((i for i in indices if len(words(texts[i])) > MIN_DEFINITION_WORDS), indices[0])
    if pair.item is not None and _ASKS_WHAT_IS_LEFT_OUT.search(question) and \
            _ASKS_WHAT_IS_LEFT_OUT.search(pair.question):
        # "What is explicitly out of scope?" of "What are we not doing?" / "Paying workers early
        # (earned wage access). We have been asked, and ...": the answer names what first
        chosen = indices[0]
    if pair.item is not None and _ASKS_WHERE.match(question) and _ASKS_WHERE.match(pair.question) and \
            _SAYS_WHERE.match(texts[indices[0]]):
        # "Where is the data stored?" of "Where is our data hosted?" / "In AWS us-west-2. Data is
        # encrypted ...": the place the answer opens with, not the later sentence that says "data"
        chosen = indices[0]
    evidence = verified(doc, reading.quote(chosen))
    if typed:
        return Judgement("answered", evidence, f"{where} and the answer gives what an answer to it needs")
    return Judgement("partly", evidence, f"{where}, but the answer does not give {describe(kind)}")


def judge_text(reading: Reading, question: str, *, topic: str | None = None, internal: bool = False,
               cues: list[re.Pattern[str]] | None = None, among: list[FaqItem] | None = None,
               claims: Callable[[Pair], bool] | None = None) -> Judgement:
    """Whether the document answers `question`: its FAQ pair first, then any sentence."""
    verdict = _judge_text(reading, question, topic=topic, internal=internal, cues=cues, among=among, claims=claims)
    return _names_what_is_asked(reading, question, verdict)


# A named standard, law or body a question asks about ("GDPR", "HIPAA", "SOC 2", "PCI"): capitals,
# not the everyday ones (`select.DAILY_TERMS`: "UK", "API", "SSO").
_NAMED = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,7})(?![\w-])")


def _names_what_is_asked(reading: Reading, question: str, verdict: Judgement) -> Judgement:
    """"Is it GDPR compliant?" is answered only by a passage that says GDPR: one on privacy or
    another regulation ("authorised by the FCA", "CE marking") touches the subject, no more."""
    from assistant.questions.select import DAILY_TERMS

    if verdict.status != "answered" or verdict.evidence is None:
        return verdict
    product = set((reading.product or "").upper().split())
    named = [n for n in _NAMED.findall(question) if n not in DAILY_TERMS and n not in product]
    if not named:
        return verdict
    text = reading.doc.text
    start = text.rfind("\n\n", 0, verdict.evidence.start)
    end = text.find("\n\n", verdict.evidence.end)
    around = text[start + 1 if start >= 0 else 0:end if end >= 0 else len(text)]
    missing = [n for n in named if not re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", around)]
    if not missing:
        return verdict
    return Judgement("partly", verdict.evidence, f"the document touches the subject (line {verdict.evidence.line}) "
                     f"but does not name {missing[0]}")


def _judge_text(reading: Reading, question: str, *, topic: str | None = None, internal: bool = False,
                cues: list[re.Pattern[str]] | None = None, among: list[FaqItem] | None = None,
                claims: Callable[[Pair], bool] | None = None) -> Judgement:
    match = find_pair(reading, question, among, claims)
    verdict = _judged_on_pair_or_text(reading, question, match, topic=topic, internal=internal, cues=cues)
    return _without_anothers_yes_no(reading, verdict, match.pair)


def _without_anothers_yes_no(reading: Reading, verdict: Judgement, own: Pair | None) -> Judgement:
    """A sentence found by its meaning, in an FAQ answer that opens "No." or "Yes.", is quoted
    without that word: it answered the FAQ's own question ("Does it slow down my service?"), and
    shown under another ("Is there an API I can call?") it reads as that one's answer. What
    follows it is the evidence."""
    evidence = verdict.evidence
    if evidence is None:
        return verdict
    holder = next((pair for pair in reading.pairs if pair.item is not None
                   and any(reading.sentences[i].start == evidence.start for i in pair.sentences)), None)
    if holder is None or holder is own:
        return verdict  # a "Yes." under no FAQ question, or under the one asked, answers it
    lead = _BARE_YES_NO.match(evidence.text)
    if lead is None or len(words(evidence.text[lead.end():])) < SHORT_ANSWER_WORDS:
        return verdict
    start = evidence.start + lead.end()
    trimmed = verified(reading.doc, Sentence(start, evidence.end, reading.doc.text[start:evidence.end]))
    return Judgement(verdict.status, trimmed, verdict.reason.replace(f"line {evidence.line}", f"line {trimmed.line}")) \
        if trimmed is not None else verdict


_BARE_YES_NO = re.compile(r"(?i)\W*(?:yes|no)\s*[.!,;:\u2014-]+\s+(?=\S)")


def _judged_on_pair_or_text(reading: Reading, question: str, match: Match, *, topic: str | None, internal: bool,
                            cues: list[re.Pattern[str]] | None) -> Judgement:
    by_pair: Judgement | None = None
    if match.pair is not None and (_other_kind_without_its_answer(mask(question, reading.product), match.pair)
                                   or _other_subject_of_what_if(reading, question, match.pair)):
        match = Match(None, match.score)
    # A section heading whose text another passage outranks is kept only for when that passage
    # turns out not to answer after all.
    # (in notes, not a heading that says what it answers, "Idea" for "What is it?": the notes' own
    # structure, ahead of the summary the parser guessed; a release's "The Solution" may give way)
    notes_heading = match.pair is not None and match.pair.title is not None and reading.doc.dateline is None
    section = match.pair if match.pair is not None and match.pair.item is None and not notes_heading and \
        _answered_elsewhere(reading, question, match.pair) else None
    if section is not None:
        match = Match(None, match.score)
    if match.pair is not None:
        by_pair = judge_pair(reading, question, match.pair, topic=topic, cues=cues)
        if by_pair.status == "answered" and _wants_the_amount(mask(question, reading.product), match.pair):
            # "How much is the subscription?" matched "Is there a free version?" / "Yes. A free plan
            # ... Driving reports need the paid plan.": a yes about a free tier, not the amount; the
            # sentence that gives it ("$7.99 per month or $69 per year") answers.
            elsewhere = _judge_sentences(reading, question, topic=topic, internal=internal, cues=cues,
                                         without=frozenset(match.pair.sentences))
            if elsewhere.status == "answered" and elsewhere.evidence is not None and \
                    _AMOUNT.search(elsewhere.evidence.text):
                return elsewhere
        if by_pair.status == "answered":
            return by_pair
        if by_pair.status == "partly":
            # An FAQ answer that lacks what the question needs ("What is not included at launch?"
            # gives no date) does not hide the sentence that has it ("available today to ...").
            elsewhere = _judge_sentences(reading, question, topic=topic, internal=internal, cues=cues)
            return elsewhere if elsewhere.status == "answered" and _kind(reading, question) != "any" else by_pair
    by_role = _judge_by_role(reading, question, cues=cues)
    if by_role is not None:
        return by_role
    by_subheading = _subheading_names_the_customer(reading, question)
    if by_subheading is not None:
        return by_subheading
    verdict = _judge_sentences(reading, question, topic=topic, internal=internal, cues=cues)
    if verdict.status == "unanswered" and section is not None:
        return judge_pair(reading, question, section, topic=topic, cues=cues)
    if verdict.status == "unanswered" and by_pair is not None and match.score >= EMPTY_PAIR_THRESHOLD:
        return by_pair  # its FAQ asks it and leaves the answer empty: say so
    return verdict


_ROLE_NAMES = {"problem": "problem", "getting_started": "getting-started", "call_to_action": "call-to-action",
               "summary": "summary", "solution": "solution"}


def _judge_by_role(reading: Reading, question: str, *, cues: list[re.Pattern[str]] | None) -> Judgement | None:
    """A question the press release answers by its structure (`ROLE_INTENTS`): "What problem does
    it solve?" by its problem paragraph, "How do I get started?" by its getting-started paragraph
    (or its call to action). Judged like an FAQ answer: its best sentence is the evidence; answered
    when the paragraph has what the question's kind (or the bank question's cues) needs. A
    problem paragraph says the problem in the customer's words, which embed far from the question
    ("Buying from ten farms means ten phone calls"), so closeness is not asked of it."""
    answering = roles_asked(question) or _summary_for_its_name(reading, question)
    if not answering:
        return None
    candidates = set(_candidates(reading, question))
    by_role = {role: [i for i in candidates if reading.roles[i] == role] for role in answering}
    # The paragraph that has the very role first ("getting started" before "call to action").
    role, indices = next(((r, sorted(by_role[r])) for r in sorted(answering, key=_ROLE_ORDER.index) if by_role[r]),
                         ("", []))
    if not indices:
        return _problem_said_in_passing(reading, question) if "problem" in answering else None
    if role == "summary":
        # the summary's first sentence launches it and says what it is ("Starting today, the library
        # lends mobile Wi-Fi hotspots to any resident with a library card"), unless it only launches
        # it ("Platform Engineering today opened Switchboard to every product team") and a later one
        # says what it does ("Switchboard lets an engineer put any change behind a flag")
        saying = next((i for i in indices if _says_what_it_does(reading.product, reading.sentences[i].text)),
                      indices[0])
        lead = verified(reading.doc, reading.quote(saying))
        return Judgement("answered", lead, f"its summary (line {lead.line}) says what it is") if lead else None
    kind = _kind(reading, question)
    # The sentence that gives the first step ("on sale today at lumen-light.co.uk"), not the price
    # beside it, when the bank question's cues say what a first step looks like.
    with_cue = [i for i in indices if cues and any(p.search(reading.sentences[i].text) for p in cues)]
    if not with_cue and kind != "any":
        # "How much does the problem cost customers today?": the problem sentence with the figure
        with_cue = [i for i in indices if reading.sentence_satisfies(kind, i)]
    best = _best(reading, question, with_cue or indices, kind, lead=(with_cue or indices)[0])
    assert best is not None
    if role == "problem" and kind == "any" and not with_cue:
        best = _the_pain(reading, question, indices, best)
    evidence = verified(reading.doc, reading.quote(best.index))
    if evidence is None:
        return None
    body = " ".join(reading.sentences[i].text for i in indices)
    where = f"its {_ROLE_NAMES.get(role, role)} paragraph (line {evidence.line})"
    cued = bool(cues and any(p.search(body) for p in cues)) or (kind == "when" and satisfies(kind, body))
    if role == "call_to_action" and _ASKS_WHERE.match(question) and _NAMES_A_PLACE.search(evidence.text):
        # "Where can I buy it?" / "on sale today at warmly.co.uk and in 120 Screwfix stores"
        return Judgement("answered", evidence, f"{where} says where")
    if role == "call_to_action" and not cued:
        return None  # "Piloting now with early users" is a call to action that says no first step
    # A problem paragraph is the answer to what problem it solves, in whatever words it says it;
    # what the problem costs it answers only with a figure that measures it ("ten phone calls", not
    # "a lot of time" or "between 9 and 5").
    if role == "problem" and kind == "figure":
        from assistant.rubric.detect import measures

        if measures(body):
            return Judgement("answered", evidence, f"{where} answers it")
        return Judgement("partly", evidence, f"{where} states the problem without a figure for what it costs")
    from assistant.rubric.dates import find_date

    if kind == "when" and _DEFERRED.search(body) and find_date(body) is None:
        # "Piloting now with early users; broader availability to follow.": when for everyone is not said
        return Judgement("partly", evidence, f"{where} puts the launch for everyone off, without a date")
    # (a solution paragraph walks the customer through it: the answer to how it works, in its own words)
    if (role in ("problem", "solution") and (kind == "any" or satisfies(kind, body))) or cued or \
            (satisfies(kind, body) if kind != "any" else not cues):
        return Judgement("answered", evidence, f"{where} answers it")
    return Judgement("partly", evidence, f"{where} touches it, without {describe(kind)}")


def _the_pain(reading: Reading, question: str, indices: list[int], best: Best) -> Best:
    """The problem paragraph's sentence that says what hurts, and how much: "one in six deliveries
    is late or missed", not the paragraph's scene-setting first line ("Food banks run on
    volunteers"). A sentence with a loss and a figure first, then a loss, then a figure."""
    from assistant.rubric.detect import measures

    def hurts(i: int) -> bool:
        return _PAIN.search(reading.sentences[i].text) is not None

    def measured(i: int) -> bool:
        return measures(reading.sentences[i].text)

    if hurts(best.index) and measured(best.index):
        return best
    for wanted in ([i for i in indices if hurts(i) and measured(i)], [i for i in indices if hurts(i)],
                   [i for i in indices if measured(i)]):
        if wanted and best.index not in wanted:
            found = _best(reading, question, wanted, "any", lead=wanted[0])
            return found if found is not None else best
        if wanted:
            return best
    return best


# What a problem sentence says hurts: a delay, a loss, a waste, a failure, work done by hand.
_PAIN = re.compile(r"(?i)\b(?:late|miss(?:ed|es)?|los(?:e|es|t|ing)|wast\w*|wait\w*|spend\w*|spent|errors?|"
                   r"fail\w*|stuck|can(?:no|')t|delay\w*|overdue|no-shows?|frustrat\w*|manual(?:ly)?|by hand|"
                   r"gives? up|churn\w*|expensive|turned away|empty|short(?:age)?|behind|chas(?:e|es|ing))\b")


# "a $6/month VPS", "a £200 phone": an amount set before another thing's name is that thing's price
# (not "a $9 monthly plan", "a £4 fee": words that name a price).
_PRICE_OF_ANOTHER_THING = re.compile(
    r"(?i)\b(?:a|an|one)\s+(?:[$€£]\s?\d[\d,.]*|\d[\d,.]*\s?(?:usd|eur|gbp))(?:\s?/\s?(?:mo|month|yr|year)|"
    r"[- ](?:a|per)[- ](?:month|year))?\s+(?!(?:monthly|yearly|annual|one-off|one-time|flat|per)\b)"
    r"(?!(?:subscriptions?|plans?|fees?|licen[cs]es?|tiers?|memberships?|charges?|prices?|seats?|deposits?|"
    r"add-?ons?|upgrades?|bundles?|packages?)\b)[a-z][\w-]*\b(?!\s+(?:plan|tier|subscription|fee|licen[cs]e)\b)")


# A launch for everyone put off to an unsaid time (a date, `find_date`, would have said it).
_DEFERRED = re.compile(r"(?i)\b(?:to follow|will follow|comes? later|coming soon|at a later date|in the future|"
                       r"in the coming (?:weeks|months)|later this year|not yet (?:available|open)|"
                       r"to be (?:announced|determined|confirmed))\b")


_ROLE_ORDER = ["problem", "getting_started", "call_to_action", "summary", "solution"]

def _problem_said_in_passing(reading: Reading, question: str) -> Judgement | None:
    """"What problem does it solve?" of a release without a problem paragraph: the sentence that
    says what customers did until now answers it, wherever it stands in the press release (the
    summary's last sentence, often). A question about what the problem costs needs a figure in it."""
    from assistant.rubric.detect import BEFORE_NOW

    faq_start = reading.doc.faq_start if reading.doc.faq_start is not None else len(reading.doc.text)
    for index, sentence in enumerate(reading.sentences):
        if sentence.start >= faq_start or not BEFORE_NOW.search(sentence.text):
            continue
        evidence = verified(reading.doc, reading.quote(index))
        if evidence is None:
            continue
        where = f"the press release says what customers do until now (line {evidence.line})"
        if _kind(reading, question) == "figure":
            from assistant.rubric.detect import measures

            if not measures(sentence.text):
                return Judgement("partly", evidence, f"{where}, without a figure for what it costs")
        return Judgement("answered", evidence, f"{where}: the problem it solves")
    return None


def _subheading_names_the_customer(reading: Reading, question: str) -> Judgement | None:
    """"Who is it for?", and no FAQ pair asks it: the sub-heading is the template's own answer
    when it names a group of people ("Independent pharmacy owners scan their shelves once a
    week"), ahead of any sentence that only says "customers"."""
    if _kind(reading, question) != "who" or "customer" not in concepts(question, aliases=reading.aliases):
        return None
    sub = reading.doc.subheading
    if sub is not None and satisfies("who", sub.text):
        # (overlapping it: a sentence read with its emphasis, "*Restaurant and retail workers ...*",
        # starts before the sub-heading's words)
        index = next((i for i, s in enumerate(reading.sentences) if s.start < sub.end and sub.start < s.end), None)
        evidence = verified(reading.doc, reading.sentences[index]) if index is not None else None
        if evidence is not None:
            return Judgement("answered", evidence, f"its sub-heading names who it is for (line {evidence.line})")
    return _summary_names_the_customer(reading)


def _summary_names_the_customer(reading: Reading) -> Judgement | None:
    """With no sub-heading that names them, the summary paragraph's sentence that says whom the
    product serves, in the frame a press release uses for it (`answertype.SERVES`), answers "Who is it
    for?": the summary is where the template puts the customer, and the question, masked to "Who
    is it for?", is close in meaning to no sentence at all."""
    paragraph = next((p.span for p in reading.doc.paragraphs if p.role == "summary"), None)
    if paragraph is None:
        return None
    summary = [i for i, s in enumerate(reading.sentences) if paragraph.start <= s.start < paragraph.end]
    for index in summary[:3]:
        text = reading.sentences[index].text
        if SERVES.search(text) and satisfies("who", text):
            evidence = verified(reading.doc, reading.quote(index))
            if evidence is not None:
                return Judgement("answered", evidence, f"its summary says whom it serves (line {evidence.line})")
    return None


def _other_kind_without_its_answer(question: str, pair: Pair) -> bool:
    """An FAQ pair that asks another kind of question is not this question's pair: "How many
    customers could use it?" (a figure) for "Who is it for?" (a group), or "Why does it get
    cheaper over time?" for "How much does it cost?" when its answer has no price. The document
    is silent on it there, not half-answering it. (Measured: answered-ness exact unchanged, one
    label gained and one lost; the sample's "Who is it for?" no longer quotes the market size.)
    `question` is masked: "What exactly is Shiftly Pay?" asks what it is, not a price."""
    kind = kind_of(question)
    if pair.item is None or pair.answer is None:
        return False
    theirs = kind_of(pair.question)
    if {kind, theirs} == {"duration", "figure"}:
        return False  # "How long does setup take?" and "How fast is setup?" ask alike
    if kind == "when" and satisfies("when", pair.answer.text):
        return False  # "When do we break even?" / "How many customers ...?" / "... we expect to reach that in month 18"
    if kind != "any" and theirs not in ("any", kind):
        return True  # "How many customers could use it?" does not say who it is for
    if kind != "any" and _ANY_WHAT_IF.match(pair.question) and not satisfies(kind, pair.answer.text):
        return True  # "When can I buy it?" is not "What if our office buys milk from the corner shop?"
    if kind not in UNTYPED_IS_SILENCE:
        return False
    if kind == "price" and _ASKS_THE_CATCH.search(question) and _CATCH.search(pair.answer.text):
        return False  # "If it is free, what is the catch?" / "There is no paid version, no hosted service ..."
    return theirs != kind and not satisfies(kind, pair.answer.text)


# "What happens if a boater does not show up?": what the scenario is about, up to its verb.
_WHAT_IF_OPENING = r"^\W*what (?:happens |will happen |should happen )?(?:if|when)\b"
_ANY_WHAT_IF = re.compile(_WHAT_IF_OPENING, re.IGNORECASE)  # "What if I forget to write the handoff?"
_WHAT_IF = re.compile(_WHAT_IF_OPENING + r"\s+"
                      r"(?P<subject>(?:\S+\s+){0,3}?\S+?)"
                      r"\s+(?:does|do|did|is|are|was|were|gets?|goes|go|can(?:no|')t|cannot|can|fails?|stops?|"
                      r"breaks?|makes?|changes?|misses|miss|cancels?|wants?|has|have|loses?|runs?|leaves?|says?)\b",
                      re.IGNORECASE)
_THE_PRODUCT = frozenset({"it", "this", "the product", "the app", "the tool", "the service", "the system", "we",
                          "the model", "the feature"})


def _other_subject_of_what_if(reading: Reading, question: str, pair: Pair) -> bool:
    """Two what-if questions about different actors ask different things, however alike their
    words: "What happens when it gets it wrong?" (the product errs) is not answered by "What
    happens if a boater does not show up?" (a customer's no-show)."""
    # Erring is one scene, whoever errs: "What happens when it gets it wrong?" is not answered by
    # "What happens when the battery runs low?", nor by "What if I forget to write the handoff?".
    if _ANY_WHAT_IF.match(question) and _ANY_WHAT_IF.match(pair.question) \
            and bool(_ERRS.search(question)) != bool(_ERRS.search(pair.question)):
        return True
    if _ANY_WHAT_IF.match(question) and _ANY_WHAT_IF.match(pair.question) and \
            _other_scene(reading, question, pair.question):
        return True
    ours = _WHAT_IF.match(mask(question, reading.product))
    theirs = _WHAT_IF.match(pair.question)
    if ours is None or theirs is None:
        return False
    mine, other = ours.group("subject").lower(), theirs.group("subject").lower()
    if mine in _THE_PRODUCT:
        return _a_person(other)
    return other in _THE_PRODUCT and _a_person(mine)


def _other_scene(reading: Reading, question: str, theirs: str) -> bool:
    """Two what-if questions whose scenes share only the people in them: "What happens when a
    driver cancels?" is not "What if a route is too long for one driver?". Only the scene (the
    words after "if" or "when") is compared, and a near paraphrase is still one scene."""
    mine, other = (_ANY_WHAT_IF.sub("", mask(q, reading.product)) for q in (question, theirs))
    scene, their_scene = (concepts(q, aliases=reading.aliases) - TRIVIAL - WEAK_SHARED for q in (mine, other))
    shared = scene & their_scene
    people = _people_in(mine) | _people_in(other)
    if not scene - people or not their_scene - people or shared - people:
        return False
    vectors = [reading.vector(mask(q, reading.product)) for q in (question, theirs)]
    close = float(vectors[0] @ vectors[1]) if vectors[0] is not None and vectors[1] is not None else 0.0
    return close < PARAPHRASE


_ERRS = re.compile(r"\b(?:gets? (?:\w+ ){0,2}wrong|(?:is|are|was|were) (?:\w+ )?"
                   r"(?:wrong|inaccurate|incorrect|mistaken)|"
                   r"makes? (?:a |an )?(?:\w+ )?(?:mistakes?|errors?)|errs|hallucinat\w*|misread\w*|misclassif\w*|"
                   r"misidentif\w*|mislabel\w*)\b", re.IGNORECASE)


def _a_person(subject: str) -> bool:
    """Does a what-if scenario's subject name a person ("a boater", "the customer", "a nurse"), not
    the product or a part of it ("an agent", "the server")?"""
    head = subject.split()[-1] if subject.split() else ""
    return satisfies("who", subject) or head in _PERSONAL_PRONOUNS or (
        head.endswith(("er", "ers", "or", "ors")) and head not in THINGS_IN_ER)


# "What happens if I lose it?": the customer ("we" is the product's maker, `_THE_PRODUCT`)
_PERSONAL_PRONOUNS = frozenset({"i", "you", "he", "she", "they", "someone", "somebody", "anyone", "everyone"})


def _candidates(reading: Reading, question: str) -> list[int]:
    """The sentences that may answer `question`. A code block answers only a how-to question; a
    sentence about the document itself ("written as if it already shipped, to pin down who it is
    for and what problem it solves") answers none."""
    how_to = _HOW_TO.search(question) is not None
    # A price question is not answered by what the maker spends: the answer to "What does it cost
    # us to make each sensor?" ("The bill of materials is €71") or to "How much did it cost the
    # city?" ("The city paid $380,000 to build it") is no price a customer pays.
    spent = reading.our_cost_answers | reading.alternatives_answers | reading.business_answers \
        if _kind(reading, question) == "price" else frozenset()
    return [i for i in range(len(reading.sentences))
            if (how_to or i not in reading.in_code) and i not in reading.about_itself and i not in spent
            and i not in reading.yes_no_to_their_question]


def _answered_elsewhere(reading: Reading, question: str, section: Pair) -> bool:
    """Does another passage answer `question` clearly better than any sentence under the section
    heading it matched? A heading names a subject ("CLI Tool", "Format Support"); the sentences
    under it need not answer what is asked about that subject ("Is the CLI tool safe to run on
    my machine?"), and a sentence that says what a term is ("The Research Compass organizes
    conversations into stages ...") answers "What is the Research Compass?" better than the
    section's "Tangent can display conversations as ...". Both sides are ranked alike, with their
    paragraphs (`_best(context=True)`), so neither the FAQ nor the story is favoured by the
    comparison. Measured: questions-ask 47.6% -> 49.3% (a section quoted outside the author's
    answer: 22 -> 15 misses); answered-ness unchanged. A heading that names only the kind of thing
    asked ("### Privacy" for "Is my data private?", "### Cost" for "How much does it cost?") is the
    author's own answer to it in an FAQ written as topics, and keeps it (in the press release, a
    heading such as "Availability" only frames its story)."""
    heading = concepts(section.question, aliases=reading.aliases) - TRIVIAL
    faq_start = reading.doc.faq_start
    in_faq = faq_start is not None and section.answer is not None and section.answer.start >= faq_start
    if in_faq and heading and \
            heading <= INTENT_CONCEPTS & concepts(mask(question, reading.product), aliases=reading.aliases):
        return False
    kind = _kind(reading, question)
    candidates = _candidates(reading, question)
    inside = [i for i in section.sentences if i in set(candidates)]
    anywhere = _best(reading, question, candidates, kind, context=True)
    there = _best(reading, question, inside, kind, context=True)
    if anywhere is None or there is None or anywhere.index in section.sentences:
        return False
    return anywhere.rank > there.rank + ELSEWHERE_MARGIN


def _judge_sentences(reading: Reading, question: str, *, topic: str | None, internal: bool,
                     cues: list[re.Pattern[str]] | None, without: frozenset[int] = frozenset()) -> Judgement:
    """The sentence of the document closest to `question`, when it is close enough to count
    (`without`: sentences already judged, not to be chosen again)."""
    kind = _kind(reading, question)
    asked = concepts(mask(question, reading.product), aliases=reading.aliases) - TRIVIAL
    candidates = [i for i in _candidates(reading, question) if i not in without]
    # The sentence chosen with its paragraph first; when it is not close enough on its own, the
    # sentence closest on its own ("stores transcripts locally" in the press release answers
    # "where is my data stored?" even when an FAQ paragraph that starts "No." ranks higher).
    verdict = _NOTHING
    if _ASKS_THE_SAVING.search(question):
        saving = _before_and_after(reading, question, candidates)
        if saving is not None:
            return saving
    if _ASKS_FOR_DEMAND.search(question):
        demand = _demand_shown(reading, question, candidates, internal=internal)
        if demand is not None:
            return demand
    people = _people_in(question) & asked
    term = defined_term(question)
    naming = [i for i in candidates if reading.definition_strength(term, i) == 1.0] if term else []
    if naming:
        # "What is Tickrun?": a sentence that says what kind of thing it is ("released Tickrun 1.0, a
        # job scheduler for ...") answers it, ahead of one its paragraph favours ("Tickrun is one file.")
        candidates = naming
    for context in (True, False):
        for _ in range(MAX_SUBJECT_ONLY_SKIPS + 1):
            best = _best(reading, question, candidates, kind, context=context)
            if best is None:
                break
            around: frozenset[str] = frozenset()
            if context:
                best, around = _read_with_its_paragraph(reading, question, best)
                alone = _best(reading, question, candidates, kind)
                if alone is not None and _only_weakly_shared(reading, asked, best, alone, around):
                    # "How long do you keep data?": "splits any route longer than 90 minutes", chosen
                    # with its paragraph, shares only the time; "deleted 30 days after a household
                    # leaves", closest on its own, shares what is kept
                    best, around = alone, frozenset()
            if people and _shares_only_whom(reading, asked, people, best, around):
                # "Do volunteers need an account?" is not answered by "Volunteer coordinators stop
                # juggling spreadsheets": the people a question is about are not what it asks.
                # The next sentence is tried ("they never ... create an account").
                candidates = [i for i in candidates if i != best.index]
                continue
            break
        if best is None:
            break
        verdict = _judge_sentence(reading, question, best, kind=kind, asked=asked, topic=topic, internal=internal,
                                  cues=cues, around=around)
        if verdict.status != "unanswered":
            return verdict
    if kind == "price":
        return _the_priced_sentence(reading, question, candidates, asked, topic=topic, internal=internal,
                                    cues=cues) or _open_source_licence(reading) or verdict
    if verdict.status == "unanswered":
        return _contrast_with_today(reading, question, asked, candidates) or verdict
    return verdict


MAX_SUBJECT_ONLY_SKIPS = 3  # sentences passed over for sharing only the people asked about


def _only_weakly_shared(reading: Reading, asked: frozenset[str], chosen: Best, alone: Best,
                        around: frozenset[str]) -> bool:
    """Does the sentence chosen with its paragraph (`around`: the paragraph's concepts) share
    nothing with the question but a weak concept ("time"), where the sentence closest on its own
    shares something of substance?"""
    if chosen.index == alone.index or not asked & WEAK_SHARED & reading.sentence_concepts(chosen.index):
        return False  # (a sentence chosen for its meaning alone, sharing no word at all, is not this case)
    substance = asked - TRIVIAL - WEAK_SHARED
    return not substance & (reading.sentence_concepts(chosen.index) | around) and \
        bool(substance & reading.sentence_concepts(alone.index))


def _people_in(question: str) -> frozenset[str]:
    """The concepts of the words that name people in a question ("volunteers", "coordinators",
    "my drivers"): whom it is about, not what it asks."""
    found: set[str] = set()
    for word in re.findall(r"[A-Za-z][a-z'-]+", question):
        lower = word.lower()
        if lower in _PEOPLE_WORDS or (lower.endswith(("ers", "ors", "eer", "eers", "ists", "ians")) and
                                      lower not in THINGS_IN_ER and lower.rstrip("s") not in THINGS_IN_ER):
            found |= concepts(lower)
    return frozenset(found) - SUBJECTS


_PEOPLE_WORDS = frozenset({"people", "staff", "team", "teams", "member", "members", "patients", "patient", "parents",
                           "students", "clients", "client", "volunteer", "volunteers", "coordinator", "employees",
                           "colleagues", "doctors", "nurses", "owners", "owner", "user", "driver", "families"})


def _shares_only_whom(reading: Reading, asked: frozenset[str], people: frozenset[str], best: Best,
                      around: frozenset[str]) -> bool:
    """Does the sentence meet the question only on the people it names, while the question asks
    about something else, with nothing alike in meaning besides?"""
    rest = asked - people - TRIVIAL - WEAK_SHARED
    shared = asked & (reading.sentence_concepts(best.index) | around)
    return bool(rest) and bool(shared) and shared <= people and best.cosine < COSINE_ALONE


# "How much time does it save?", "How much faster is it?", "How much better is it than what I do
# today, in numbers?": the answer is a before and an after.
_ASKS_THE_SAVING = re.compile(
    r"(?i)\bhow much (?:time|money|effort|work)\b[^?]*\b(?:save|saves|saved|cut|cuts|free up)\b"
    r"|\bhow much (?:faster|quicker|cheaper|better|sooner)\b|\bin numbers\b")
_NUMBER_WORD = r"(?:\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|a|an|half)"
# "close the month in two days instead of nine", "from 9 days to 2", "3x faster", "down from 40 minutes"
_BEFORE_AND_AFTER = re.compile(
    rf"(?i)\b{_NUMBER_WORD}\s+(?:[\w-]+\s+){{0,2}}(?:instead of|rather than|down from|compared (?:to|with)|not)\s+"
    rf"(?:the\s+)?{_NUMBER_WORD}\b"
    rf"|\bfrom\s+(?:about\s+)?{_NUMBER_WORD}\s+(?:[\w-]+\s+){{0,2}}(?:to|down to)\s+(?:about\s+)?{_NUMBER_WORD}\b"
    rf"|\b\d+(?:\.\d+)?\s?(?:x|×|times)\s+(?:faster|quicker|cheaper|fewer|less|more|better)\b"
    # "cuts close time by 70%"; not what might happen ("a late frost can cut supply by half")
    rf"|(?<!can )(?<!could )(?<!may )(?<!might )(?<!would )(?<!will )"
    rf"\b(?:cuts?|reduces?|halves|saves?|shortens?|drops?)\b[^.;]{{0,40}}?\b(?:by|to)\s+(?:about\s+)?{_NUMBER_WORD}\b")


# A plan or a forecast ("We expect to grow from 10 to 40 stores") is no saving a customer has seen.
# ("Coordinators plan a week of deliveries in 20 minutes instead of 4 hours": "plan" is what they do)
# (a result measured against a target is seen: "38% of claims filed in the app, below our target")
_PLANNED = re.compile(r"(?i)\b(?:expect\w*|plan(?:s|ned)? to|planned|planning to|forecast\w*|"
                      r"(?<!below our )(?<!above our )(?<!below the )(?<!above the )(?<!missed our )(?<!missed the )"
                      r"(?<!beat our )(?<!beat the )(?<!short of our )(?<!short of the )target\w*|goals?|"
                      r"aim\w*|project(?:ed|ion)s?|will|would|could|might|may)\b")


def _before_and_after(reading: Reading, question: str, candidates: list[int]) -> Judgement | None:
    """A question about how much it saves, answered by the closest sentence that gives the before
    and the after ("Finance teams close the month in two days instead of nine"): the number the
    question asks for, however far apart the two sit in meaning."""
    evidence = _closest_seen(reading, question, candidates, _BEFORE_AND_AFTER)
    if evidence is None:
        return None
    return Judgement("answered", evidence, f"the document gives the before and the after (line {evidence.line})")


def _closest_seen(reading: Reading, question: str, candidates: list[int],
                  told: re.Pattern[str]) -> Evidence | None:
    """The sentence closest to the question (with its paragraph) among those that tell what `told`
    looks for as something seen, not planned; verified."""
    found = [i for i in candidates if told.search(reading.sentences[i].text)
             and not _PLANNED.search(reading.sentences[i].text)]
    from assistant.rubric.detect import measures

    # what was seen, measured ("the pilot had 38% of claims filed in the app") ahead of a mention
    # ("who tried ClaimKit in the pilot")
    measured = [i for i in found if measures(reading.sentences[i].text)]
    best = _best(reading, question, measured or found, _kind(reading, question), context=True)
    return verified(reading.doc, reading.quote(best.index)) if best is not None else None


# "What evidence do we have that customers want it?", "How do we know people will use it?"
_ASKS_FOR_DEMAND = re.compile(
    # (what customers want, not what we use: "the rights to the data, content and code we use")
    r"(?i)\b(?:evidence|proof|signals?|data)\b[^?]{0,40}\b(?<!we )(?:want|wants|need|needs|demand|pay|use|buy)\b"
    r"|\bhow do (?:we|you) know\b[^?]{0,40}\b(?:want|need|pay|use|buy)\b|\bevidence of demand\b")
# What shows demand that has been seen: a pilot, a survey or interviews, a waiting list, sign-ups or
# pre-orders, or customers who already built their own way round the problem.
_DEMAND_SEEN = re.compile(
    r"(?i)\b(?:piloted|pilots?|beta (?:users|customers|testers|group)|surveyed|survey|interview(?:ed|s)|"
    # "In our trial of 48 homes", "who tested it in her house" (not a "free trial" on offer)
    r"(?<!free )trials? (?:of|with|in|across|over)|trial(?:l)?ed|tested (?:it|\w+ in|with)|"
    r"wait(?:ing)? ?list|sign-?ups|signed up|pre-?orders?|letters? of intent|asked (?:us )?for|requested|"
    r"built their own|home-?grown|workarounds?)\b")


def _demand_shown(reading: Reading, question: str, candidates: list[int], *, internal: bool) -> Judgement | None:
    """"What evidence do we have that customers want it?" is touched by what the document saw of
    demand ("eleven home-grown flag systems", "the Checkout team, which piloted it for six weeks"),
    however far those sit in meaning from the question: the closest such sentence, partly answered
    (evidence named in the release, which the internal FAQ should lay out)."""
    evidence = _closest_seen(reading, question, candidates, _DEMAND_SEEN)
    if evidence is None:
        return None
    return Judgement("partly", evidence, f"the document reports demand it has seen (line {evidence.line})"
                     + ("; the internal FAQ should lay the evidence out" if internal else ""))


# How a press release says what it replaces: "in a minute, instead of calling each harbormaster".
_CONTRAST = re.compile(r"\b(?:instead of|rather than|unlike|compared (?:to|with)|no longer|without having to)\b",
                       re.IGNORECASE)


_ASKS_FOR_NAMES = re.compile(r"\b(?:who|which)\b[^?]*\b(?:competitors?|rivals?|alternatives|incumbents?)\b",
                             re.IGNORECASE)


def _contrast_with_today(reading: Reading, question: str, asked: frozenset[str],
                         candidates: list[int]) -> Judgement | None:
    """"How is it different from the alternatives?" and no passage is close to it: the press
    release's own contrast with what customers do today ("book a slip in under a minute, instead
    of calling each harbormaster") half-answers it. It names the alternative and the difference in
    a clause; the comparison the question asks for is still to be written."""
    if "compare" not in asked or _kind(reading, question) != "any" or _ASKS_FOR_NAMES.search(question):
        return None  # "Who are the competitors?" wants names, which a contrast with today does not give
    faq_start = reading.doc.faq_start if reading.doc.faq_start is not None else len(reading.doc.text)
    for index in candidates:
        sentence = reading.sentences[index]
        if sentence.start >= faq_start or not _CONTRAST.search(sentence.text):
            continue
        evidence = verified(reading.doc, reading.quote(index))
        if evidence is not None:
            return Judgement("partly", evidence, f"the document contrasts it with what customers do today "
                             f"(line {evidence.line}), without comparing it to the alternatives")
    return None



def _the_priced_sentence(reading: Reading, question: str, candidates: list[int], asked: frozenset[str], *,
                         topic: str | None, internal: bool, cues: list[re.Pattern[str]] | None) -> Judgement | None:
    """A price question whose closest sentences give no price: the closest sentence that gives one
    ("Any library card holder can borrow a hotspot for three weeks, free"), when it is close enough."""
    priced = [i for i in candidates if reading.sentence_satisfies("price", i)]
    best = _best(reading, question, priced, "price", context=True)
    if best is None:
        return None
    best, around = _read_with_its_paragraph(reading, question, best)
    verdict = _judge_sentence(reading, question, best, kind="price", asked=asked, topic=topic, internal=internal,
                              cues=cues, around=around)
    return verdict if verdict.status != "unanswered" else None


def _open_source_licence(reading: Reading) -> Judgement | None:
    """A price question of a document that only says its licence ("Open-source under MIT"): no
    licence fee, which half-answers what it costs (hosting, support and a paid tier stay unsaid)."""
    for index, sentence in enumerate(reading.sentences):
        if _LICENCE.search(sentence.text):
            evidence = verified(reading.doc, reading.quote(index))
            if evidence is not None:
                return Judgement("partly", evidence, f"the document says it is open source (line {evidence.line}), "
                                 "but not what running it costs")
    return None


# "open-source", "under MIT", "Apache-2.0 licensed": not "MIT" the university, nor "contributions welcome".
_LICENCE = re.compile(r"\bopen[- ]source[ds]?\b|\bunder (?:the )?(?:mit|apache|bsd|gpl|agpl|lgpl|mpl)\b|"
                      r"\b(?:mit|apache|bsd|gpl|agpl|lgpl|mpl)(?:[- ]?v?\d(?:\.\d)?)?[- ]licen[cs](?:e[ds]?|ing)\b",
                      re.IGNORECASE)
_NOTHING = Judgement("unanswered", None, "nothing in the document answers it")
_AMOUNT = re.compile(r"[$\u20ac\u00a3\u00a5]\s?\d|\d\s?(?:usd|eur|gbp|dollars?|euros?|pounds?)\b", re.IGNORECASE)


def _wants_the_amount(question: str, pair: Pair) -> bool:
    """A "how much" question judged on a yes/no FAQ question about price ("Is there a free
    version?") whose answer gives no amount. (`question` is masked.)"""
    return kind_of(question) == "price" and bool(_ASKS_THE_PRICE.search(question)) \
        and not _YES_NO_QUESTION.search(question) and bool(_YES_NO_QUESTION.search(pair.question)) \
        and pair.answer is not None and not _AMOUNT.search(pair.answer.text)
_ASKS_THE_PRICE = re.compile(r"(?i)\bhow much\b|\b(?:cost|costs|price|pricing|priced)\b")
# What a catch to "free" is written with: a paid tier, a price still to come, ads, a limit, a sponsor.
_CATCH = re.compile(r"\b(?:paid|premium|pro|enterprise|hosted|price|priced|pricing|charges?|subscriptions?|"
                    r"sponsor\w*|donat\w*|limits?|limited|ads|advertis\w*|upsell\w*|catch|trade-?off)\b"
                    r"|[$\u20ac\u00a3]\s?\d", re.IGNORECASE)
_ASKS_IF_FREE = re.compile(r"(?i)^\W*(?:is|are|do|does|can)\b[^?]*\bfree\b")
_FREE = re.compile(r"(?i)(?<![\w-])free\b(?![\w-])")
_ASKS_THE_CATCH = re.compile(r"(?i)\bcatch\b|\bif\b[^?]*\bfree\b")


def _read_with_its_paragraph(reading: Reading, question: str, best: Best) -> tuple[Best, frozenset[str]]:
    """A sentence chosen with its paragraph is judged with it: it is at least as close to the
    question as its paragraph is ("No. You need working knowledge of C and a basic understanding of
    what a CPU does" answers "Do I need operating system experience to start?" through the
    paragraph it opens), and the concepts it shares with the question are its paragraph's.
    Measured: questions-ask 152 -> 153 of 294; answered-ness 86.9/75.0 -> 87.5/75.6 (held out
    81.2/67.5 -> 82.5/68.8)."""
    paragraph = reading.paragraph_of[best.index]
    vector = reading.vector(mask(question, reading.product))
    if vector is None:
        return best, frozenset()
    cosine = float(reading.paragraph_vectors[paragraph] @ vector)
    if cosine > best.cosine:
        best = Best(best.index, best.score - best.cosine + cosine, cosine, best.rank)
    return best, reading.paragraph_concepts(paragraph)


def _judge_sentence(reading: Reading, question: str, best: Best, *, kind: Kind, asked: frozenset[str],
                    topic: str | None, internal: bool, cues: list[re.Pattern[str]] | None,
                    around: frozenset[str] = frozenset()) -> Judgement:
    """One candidate sentence judged: close enough, on the subject, with what the kind needs.
    `around`: the concepts of the paragraph it was chosen with (shared with the question, they
    count as the sentence's)."""
    index, score = best.index, best.score
    text = reading.sentences[index].text
    # "Within 90 days, 100% of items have owners; >=80% of ETAs met; satisfaction >=4.5/5" answers
    # "What are the success metrics?" however far apart the two sit in meaning: a list of
    # targets is what a question about measuring success asks for.
    says_the_targets = asks_metric(question) and sets_targets(text)
    if best.score < PARTLY_THRESHOLD and not says_the_targets:
        return _NOTHING
    term = defined_term(question)
    # What a price question needs ("$19 per month") is itself a concept in common with it.
    shared = bool(asked & (reading.sentence_concepts(index) | around)) or (kind == "price" and satisfies(kind, text)) \
        or reading.roles[index] in roles_asked(question) \
        or bool(figures_named(question) & reading.figures[index])  # "Where does the 660,000 come from?"
    alone = COSINE_ALONE_YES_NO if (_YES_NO_QUESTION.search(question) and _YES_NO_ANSWER.search(text)) \
        else COSINE_ALONE
    if not shared and best.cosine < alone and not says_the_targets and not (
            term is not None and defines(term, reading.sentences[index].text)):
        # Running text that shares no concept of substance with the question answers it only when
        # it is close in meaning on its own.
        return Judgement("unanswered", None, "nothing in the document answers it")
    sentence = reading.sentences[index]
    evidence = verified(reading.doc, reading.quote(index))
    if evidence is None:
        return Judgement("unanswered", None, "nothing in the document answers it")
    line = f"line {evidence.line}"
    typed = _has_what_it_needs(kind, sentence.text, cues)
    if term is not None and not defines(term, sentence.text):
        typed = False  # a sentence that mentions a term does not say what it is
    sibling = None if typed else _typed_in_its_role(reading, question, index, kind, cues)
    if sibling is not None:
        # "Small marinas leave money on the water." opens the problem paragraph; its "A 120-berth
        # marina loses about £38,000 a season." has what a problem question needs: quote that.
        found = verified(reading.doc, reading.quote(sibling))
        if found is not None:
            index, sentence, evidence, typed = sibling, reading.sentences[sibling], found, True
            line = f"line {evidence.line}"
    # (the document's structure says what a paragraph is about: the problem paragraph is on the problem)
    on_subject = kind in UNTYPED_IS_SILENCE or _gives_what_is_asked(reading, asked, index, around) or \
        _role_answers(reading, question, index) or _same_scene_told(reading, question, index)
    if not on_subject:
        typed = False
    if topic in RISK_TOPICS and SOFTBALL.search(sentence.text):
        return Judgement("partly", evidence, f"the document touches it ({line}) but waves the risk away")
    # "Today we release X, a git-native notebook" answers "What is X?" however far apart the
    # two sit in meaning: it names what kind of thing X is.
    says_what_it_is = term is not None and names_its_kind(term, sentence.text)
    # "available today ... as a free web platform" says what it costs, however little else of the
    # sentence is about the price: a price is the whole answer to a price question.
    says_the_price = kind == "price" and satisfies(kind, sentence.text) and shared \
        and (bool(_ASKS_THE_PRICE.search(question))
             # "Is there a free tier?" / "The Starter plan is free for up to 500 transactions a month"
             or bool(_ASKS_IF_FREE.search(question) and _FREE.search(sentence.text))) \
        and not _ASKS_THE_CATCH.search(question)  # "If it is free, what is the catch?" wants more than "free"
    if kind == "price" and typed and _PRICE_OF_ANOTHER_THING.search(sentence.text) \
            and len(_AMOUNT.findall(sentence.text)) == 1:
        # "A working instance on a $6/month VPS is a ten-minute exercise": what the server costs, not it
        return Judgement("partly", evidence, f"the document gives what something it needs costs ({line}), "
                         "not its own price")
    if says_the_targets and not internal:
        return Judgement("answered", evidence, f"the document names its targets ({line})")
    # A word that only looks like an answer ("require everyone to create accounts", about rival apps,
    # for "What does it depend on?") and nothing alike in meaning touches the question; it does not
    # answer it. (The sentence's own concepts, not the answer words read into it, must meet the question.)
    own = concepts(_URL.sub(" ", reading.masked[index]), aliases=reading.aliases)
    thin = best.cosine < COSINE_THIN and not asked & own \
        and len(asked & (reading.sentence_concepts(index) | around)) <= 1 \
        and not (says_what_it_is or says_the_price or says_the_targets) \
        and not _role_answers(reading, question, index)
    # "Can we send the Friday email on another day, or in Spanish?" / "Each client's Friday list link
    # only shows that client's open items": a question that says many things, met on one of them
    # (the document's own ground aside) by a sentence not close in meaning, is touched, not answered.
    # (nor do the people it is about count: "front-desk staff" are whom a question on their union is about)
    touched_only = _meets_on_one_of_many(asked - reading.background - _people_in(question),
                                         reading.sentence_concepts(index) | around) \
        and best.cosine < SAME_SCENE and not (says_what_it_is or says_the_price or says_the_targets)
    if (score >= ANSWER_THRESHOLD or says_what_it_is or says_the_price) and typed and not thin and not touched_only:
        if kind == "price" and _ASKS_IF_FREE.search(question) and not _FREE.search(sentence.text) \
                and not _YES_NO_ANSWER.match(sentence.text):
            # "Is there a free tier?" / "Tally costs $12 a month per shop": a price, not a yes or no
            return Judgement("partly", evidence, f"the document gives a price ({line}) but does not say "
                             "whether any of it is free")
        if index in reading.in_quotes and _ASKS_HOW_IT_WORKS.search(question):
            # "fast, audited and safe," said the director: a claim in a quote, not how it is done
            return Judgement("partly", evidence, f"the document claims it in a quote ({line}) without saying how")
        if internal and not reading.in_internal_faq(sentence.start):
            return Judgement("partly", evidence, f"the document mentions it in passing ({line}); the internal "
                             "FAQ should answer it")
        if _ASKS_WHERE.match(question) and not _NAMES_A_PLACE.search(sentence.text):
            # "Where can I get help and support?" / "We will help teams migrate": on the subject, but
            # no address, channel or place says where
            return Judgement("partly", evidence, f"the document touches it ({line}) without saying where")
        return Judgement("answered", evidence, f"the document answers it in the text ({line})")
    if not typed and kind in UNTYPED_IS_SILENCE and shared and UNKNOWN.search(sentence.text):
        # "Pricing to be finalized with GA": the document names the gap, which half-answers it.
        return Judgement("partly", evidence, f"the document says it is not decided yet ({line})")
    if not typed and kind in UNTYPED_IS_SILENCE:
        # A price question met by a sentence that only says "cost" (or a when question by one
        # without a date) is not touched on: the document is silent on what was asked.
        return Judgement("unanswered", None, f"nothing in the document gives {describe(kind)} (closest: {line})")
    missing = "" if typed else f", without {describe(kind) if on_subject else 'an answer'}"
    return Judgement("partly", evidence, f"the document touches it ({line}){missing}")


def _same_scene_told(reading: Reading, question: str, index: int) -> bool:
    """"What happens when a driver cancels?" / "When a driver cancels, it offers the route to the
    next available driver": a sentence that sets the same scene under its own "when" or "if" says
    what happens then."""
    if not _ANY_WHAT_IF.match(question):
        return False
    text = reading.sentences[index].text
    if not re.search(r"(?i)\b(?:when|whenever|if|once|after|in case)\b", text):
        return False
    scene = concepts(_ANY_WHAT_IF.sub("", mask(question, reading.product)), aliases=reading.aliases) \
        - TRIVIAL - WEAK_SHARED - _people_in(question)
    return bool(scene) and scene <= reading.sentence_concepts(index)


def _typed_in_its_role(reading: Reading, question: str, index: int, kind: Kind,
                       cues: list[re.Pattern[str]] | None) -> int | None:
    """Where a sentence stands in the paragraph whose role answers the question (the problem
    paragraph for "What problem does it solve?"), the first sentence of that paragraph with what
    the answer needs (its kind, or the bank question's answer cues)."""
    if not _role_answers(reading, question, index):
        return None
    paragraph, role = reading.paragraph_of[index], reading.roles[index]
    for other, text in enumerate(s.text for s in reading.sentences):
        if other != index and reading.paragraph_of[other] == paragraph and reading.roles[other] == role and \
                _has_what_it_needs(kind, text, cues):
            return other
    return None


def _says_what_it_does(product: str | None, text: str) -> bool:
    """Does the sentence define the product ("X is a ...", "announced X, a ...") or open on it doing
    something ("X lets an engineer ...", "X turns ...")?"""
    from assistant.documents.roles import says_what_it_does

    if not product:
        return False
    return defines(product, text) or says_what_it_does(text, frozenset({product})) > 0


def _summary_for_its_name(reading: Reading, question: str) -> frozenset[str]:
    """"What is Switchboard?" of a release where no sentence says "Switchboard is a ...": its
    summary says what it is, as for "What is it?" (`ROLE_INTENTS`), not the FAQ sentence that
    happens to name it ("On-call for Switchboard is part of their existing rotation")."""
    term = defined_term(question)
    if term is None or not reading.product or term.casefold() != reading.product.casefold():
        return frozenset()
    if any(reading.definition_strength(term, index) for index in range(len(reading.sentences))):
        return frozenset()
    return ROLE_INTENTS["what_it_is"][1]


def _role_answers(reading: Reading, question: str, index: int) -> bool:
    """Does the sentence stand in a paragraph whose role answers the question (`ROLE_INTENTS`)?"""
    role = reading.roles[index]
    return role is not None and role in roles_asked(question)


def _has_what_it_needs(kind: Kind, text: str, cues: list[re.Pattern[str]] | None) -> bool:
    """What an answer of this kind needs (a price, a date ...), or the bank question's answer cues.
    A price is read by its own rule (an extra's amount, "a replacement costs $45", is none), not by
    the cues, which match any amount."""
    return satisfies(kind, text) or (kind != "price" and bool(cues and any(p.search(text) for p in cues)))


def _gives_what_is_asked(reading: Reading, asked: frozenset[str], index: int, around: frozenset[str]) -> bool:
    """A question that says what kind of thing it asks ("delete", "offline", "refund") is answered
    only by a sentence (or its paragraph) about that kind of thing, or a kindred one: "We do not
    sell data" shares "data" with "Can I delete my data?" but says nothing of deleting it.
    Not for a price or a date question: its own rule says when a sentence gives one.
    Measured: answered-ness exact 76.9 -> 77.5 (binary unchanged); questions-ask unchanged."""
    intents = asked & INTENT_CONCEPTS - SUBJECTS
    if not intents:
        return True
    return _related(intents, (reading.sentence_concepts(index) | around) & INTENT_CONCEPTS)


def judge_candidate(reading: Reading, candidate: Candidate, body: Body) -> Judgement:
    """A bank question's status, judged by meaning like an asked one (`judge_text`), with the
    bank's answer cues counting as what its answer needs besides the question's kind."""
    question = candidate.bank
    return judge_text(reading, candidate.text, topic=question.topic, internal=question.audience == "internal",
                      cues=question.answers_in(body.present),
                      claims=lambda pair: _bank_claims(reading, body.bank, question, pair))


def _bank_claims(reading: Reading, bank: Bank, question: BankQuestion, pair: Pair) -> bool:
    """May this bank question take this FAQ pair as its own? Only when the pair's question says
    nearly as much of what the bank question asks (the share of its concepts it covers) as it says
    of the bank question it fits best: "What did it cost to build?" is a cost question (it covers
    80% of "How much does it cost?") and does not answer "Is the quoted customer a real person who
    would pay?" (29%) or "How much does the problem cost customers today?" (33%), though they too
    say "pay" and "cost". A pair that fits no bank question well, or fits best a question of this
    one's own topic, is this one's too."""
    asked = concepts(pair.question, aliases=reading.aliases)
    best, topic = reading.best_bank_match(pair.line, lambda: max(
        ((coverage(q.text_concepts, asked), q.topic) for q in bank.questions if not q.for_each), default=(0.0, "")))
    if best < CLAIM_FLOOR or topic == question.topic:
        return True  # fits no bank question well, or the best fit is on this question's own topic
    return coverage(question.text_concepts, asked) >= best - CLAIM_MARGIN
