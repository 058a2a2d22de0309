"""The curated question bank (bank.yaml, shipped inside the package), loaded and validated once."""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.documents.models import Audience
from assistant.errors import ConfigError
from assistant.literals import LiteralIndex, Literals, could_match, literals_of, may_occur, required_literals
from assistant.questions.text import INTENT_CONCEPTS, concepts

BANK_PATH = Path(__file__).with_name("bank.yaml")
ASKED_PATH = Path(__file__).with_name("asked.yaml")
DEFAULT_TOPIC_WEIGHT = 0.5
# Technology names that are also ordinary words in lower case.
COMMON_WORDS = frozenset([
    "go", "rust", "swift", "ruby", "scala", "lambda", "teams", "windows", "zoom", "notion", "slack", "discord",
    "git", "react", "vue", "kafka", "redis", "flutter", "electron", "svelte", "arm", "llama", "claude",
    "terraform",
])


_PLAIN_WORD = re.compile(r"[a-z][a-z0-9]*")
# -ing forms that are words of their own, not the verb at work: "token accounting" says nothing
# about accounts, "our marketing" nothing about a market.
LEXICALISED = frozenset([
    "accounting", "marketing", "engineering", "housing", "meeting", "setting", "settings", "timing", "being",
    "spring", "string", "thing", "evening", "morning", "ceiling", "clothing", "wedding", "painting", "dressing",
])
# Past forms of the irregular verbs the cue lists use.
IRREGULAR = {
    "build": ["built"], "buy": ["bought"], "sell": ["sold"], "spend": ["spent"], "send": ["sent"], "lose": ["lost"],
    "pay": ["paid"], "grow": ["grew", "grown"], "teach": ["taught"], "learn": ["learnt"], "make": ["made"],
    "find": ["found"], "keep": ["kept"], "run": ["ran"], "write": ["wrote", "written"], "know": ["knew", "known"],
    "take": ["took", "taken"], "give": ["gave", "given"], "break": ["broke", "broken"], "steal": ["stole", "stolen"],
    "hold": ["held"], "choose": ["chose", "chosen"], "leak": [], "say": ["said"], "tell": ["told"],
    "hear": ["heard"], "drive": ["drove", "driven"], "ship": [], "shut": [],
}
_VOWELS = "aeiou"


def inflections(word: str) -> list[str]:
    """The forms a word takes as a noun or a verb, not the words derived from it: "share" gives
    "shares", "shared", "sharing"; "log" gives "logs", "logged", "logging"; "account" gives
    "accounts" and "accounted" but not "accounting", which is a word of its own (LEXICALISED),
    and "custom" never gives "customer"."""
    forms = {word, word + "'s"}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    elif len(word) > 2 and word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    else:
        forms.add(word + "s")
    if word.endswith("e"):
        forms.add(word + "d")
        forms.add(word + "ing" if word.endswith(("ee", "ye", "oe")) else word[:-1] + "ing")
    elif not (len(word) > 2 and word.endswith("y") and word[-2] not in _VOWELS):
        forms |= {word + "ed", word + "ing"}
        if len(word) >= 3 and word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS and word[-3] not in _VOWELS:
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # log -> logged, plan -> planning
    forms.update(IRREGULAR.get(word, []))
    return sorted(forms - (LEXICALISED - {word}), key=lambda f: (-len(f), f))


def cue_pattern(cue: str) -> re.Pattern[str]:
    """Compile a cue (`cue_source`)."""
    return re.compile(*cue_source(cue))


def cue_source(cue: str) -> tuple[str, int]:
    """The regular expression and flags of a cue; every cue matches whole words, never the start of a longer word.

    - A plain English word matches itself and its inflections ("log" finds "logs" and "logged",
      never "logic"; "account" never finds "token accounting"; see `inflections`).
    - A plain name that is not an English word ("sqlite", "llm", "netcdf") matches itself, its
      plural, and a version or compound after it ("sqlite3", "gpt-4", "llm-driven").
    - Anything else is a regular expression, anchored at a word start and a word end (a plural or
      possessive "s" may follow it): "log in" does not find "log included". A regex that ends in a
      space, a hyphen or `\\b` keeps the end its author gave it ("auto-" finds "auto-sync").
    """
    start = r"(?<![\w-])" if cue[:1].isalnum() else ""
    if _PLAIN_WORD.fullmatch(cue):
        if _is_word(cue):
            forms = "|".join(re.escape(form) for form in inflections(cue))
            return f"{start}(?:{forms})(?![\\w-])", re.IGNORECASE
        return f"{start}{re.escape(cue)}(?:'?s|es)?(?![^\\W\\d_])", re.IGNORECASE
    open_end = cue.endswith((" ", "-", "\\b")) or not (cue[-1:].isalnum() or cue[-1:] in ")]?+*")
    end = "" if open_end else r"(?:'?s|es)?(?!\w)"
    return f"{start}(?:{cue}){end}", re.IGNORECASE


def _is_word(text: str) -> bool:
    """An English word (as opposed to a product or technology name): common enough in English."""
    from assistant.clarity.lexicon import zipf  # wordfreq's values, from the cached table (no wordfreq import)

    try:
        return zipf(text.lower()) >= 2.5  # the cached table holds lower-case words (wordfreq folds case too)
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return len(text) >= 5


class BankQuestion(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    audience: Audience
    topic: str
    question: str
    question_plural: str | None = None  # a for_each question's text for a plural name ("Email Reports")
    why: str
    core: bool = False
    cues: list[str] = Field(default_factory=list)
    keys: list[str] = Field(default_factory=list)
    answer_cues: list[str] = Field(default_factory=list)
    for_each: Literal["technology", "alternative", "term", "integration", "principle", "guarantee",
                      "feature", "capability", "catalog", "incumbent", "coverage", "existing", "made_in"] | None = None
    core_unless: list[str] = Field(default_factory=list)
    core_if: list[str] = Field(default_factory=list)

    def is_core(self, contexts: frozenset[str]) -> bool:
        """Asked of every document of this kind (see `contexts` in bank.yaml)."""
        if set(self.core_if) & contexts:
            return True
        return self.core and not set(self.core_unless) & contexts

    @model_validator(mode="after")
    def _check(self) -> BankQuestion:
        for pattern in [*self.cues, *self.answer_cues]:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{self.id}: bad regex {pattern!r}: {exc}") from exc
        if self.for_each and self.core:
            raise ValueError(f"{self.id}: a for_each question cannot be core")
        if self.for_each and "{name}" not in self.question:
            raise ValueError(f"{self.id}: a for_each question needs {{name}} in its text")
        if self.question_plural is not None and "{name}" not in self.question_plural:
            raise ValueError(f"{self.id}: question_plural needs {{name}} in its text")
        return self

    # The patterns are compiled on first use, and only those a document could match are used: of
    # some 1,500 cue and answer patterns, a document's literals (`Bank.literals_in`) let through a
    # few dozen, and compiling the rest costs every process that asks questions (each critique
    # worker) on its first document (about 0.1 s without the pattern cache of `assistant.patterncache`).
    @cached_property
    def cue_sources(self) -> list[tuple[str, int]]:
        """Each cue's regular expression and flags (`cue_source`)."""
        return [cue_source(c) for c in self.cues]

    @cached_property
    def answer_sources(self) -> list[tuple[str, int]]:
        return [(c, re.IGNORECASE | re.MULTILINE) for c in self.answer_cues]

    @cached_property
    def cue_patterns(self) -> list[re.Pattern[str]]:
        return [self._compiled("cue", i) for i in range(len(self.cues))]

    @cached_property
    def cue_literals(self) -> list[Literals | None]:
        """For each cue, the words one of which every match contains (see `assistant.literals`)."""
        return [required_literals(pattern, flags | re.UNICODE) for pattern, flags in self.cue_sources]

    @cached_property
    def answer_patterns(self) -> list[re.Pattern[str]]:
        return [self._compiled("answer", i) for i in range(len(self.answer_cues))]

    @cached_property
    def answer_literals(self) -> list[Literals | None]:
        return [required_literals(pattern, flags | re.UNICODE) for pattern, flags in self.answer_sources]

    @cached_property
    def compiled(self) -> dict[tuple[str, int], re.Pattern[str]]:
        """The patterns compiled so far, by kind ("cue", "answer") and index."""
        return {}

    def _compiled(self, kind: str, index: int) -> re.Pattern[str]:
        found = self.compiled.get((kind, index))
        if found is None:
            sources = self.cue_sources if kind == "cue" else self.answer_sources
            found = self.compiled[(kind, index)] = re.compile(*sources[index])
        return found

    def cues_in(self, present: frozenset[str]) -> list[re.Pattern[str]]:
        """The cue patterns that could match a text containing the literals `present`
        (`Bank.literals_in`); most cues are absent from any one document, and skipping them skips
        most regex searches (and their compiling)."""
        return [self._compiled("cue", i) for i, lit in enumerate(self.cue_literals) if could_match(lit, present)]

    def answers_in(self, present: frozenset[str]) -> list[re.Pattern[str]]:
        """The answer patterns that could match a text containing the literals `present`."""
        return [self._compiled("answer", i) for i, lit in enumerate(self.answer_literals) if could_match(lit, present)]

    @cached_property
    def text_concepts(self) -> frozenset[str]:
        """The concepts of the question's own words."""
        return concepts(self.question.replace("{product}", "productname").replace("{name}", ""))

    @cached_property
    def subject(self) -> frozenset[str]:
        """The concepts of the question and of the words an FAQ uses for the same subject."""
        found = set(self.text_concepts)
        for key in self.keys:
            found |= concepts(key)
        return frozenset(found)

    @cached_property
    def key_words(self) -> frozenset[str]:
        """Every concept of the key phrases: the words an FAQ question on this subject uses."""
        return frozenset(concept for key in self.keys for concept in concepts(key)) - {"product"}

    @cached_property
    def key_concepts(self) -> list[frozenset[str]]:
        """Key phrases specific enough to identify the subject alone: an intent, or two concepts together."""
        keys = [concepts(k) - {"product"} for k in self.keys]
        return [k for k in keys if k and (len(k) >= 2 or k & INTENT_CONCEPTS)]


class Bank(BaseModel):
    model_config = ConfigDict(frozen=True)

    version: str
    topics: dict[str, float]
    families: dict[str, list[str]] = Field(default_factory=dict)
    contexts: dict[str, list[str]] = Field(default_factory=dict)
    technologies: list[str] = Field(default_factory=list)
    # A feature named for what it does to a kind of thing ("Secrets Detection"): the action noun and
    # the verb a question asks it with ("detection" -> "detect"), for `for_each: coverage`.
    actions: dict[str, str] = Field(default_factory=dict)
    questions: list[BankQuestion]

    @model_validator(mode="after")
    def _check(self) -> Bank:
        seen: set[str] = set()
        for q in self.questions:
            if q.id in seen:
                raise ValueError(f"duplicate question id {q.id}")
            seen.add(q.id)
            if q.topic not in self.topics:
                raise ValueError(f"{q.id}: topic {q.topic!r} is not listed under topics")
        return self

    @cached_property
    def context_patterns(self) -> dict[str, list[re.Pattern[str]]]:
        return {name: [cue_pattern(c) for c in cues] for name, cues in self.contexts.items()}

    def contexts_of(self, text: str) -> frozenset[str]:
        """The kinds of venture a text describes: any cue of a kind marks it; `noncommercial` is derived."""
        folded = text.casefold()
        found = {name for name, patterns in self.context_patterns.items()
                 if any(may_occur(literals_of(p), folded) and p.search(text) for p in patterns)}
        if "money" in found and not found & {"open_source", "internal"}:
            found.add("commercial")
        found.discard("money")
        if found & {"open_source", "internal"} and "commercial" not in found:
            found.add("noncommercial")
        return frozenset(found)

    @cached_property
    def literal_index(self) -> LiteralIndex:
        self._prime_literals()
        return LiteralIndex(lit for q in self.questions for lit in [*q.cue_literals, *q.answer_literals])

    def _prime_literals(self) -> None:
        """Every question's cue and answer literals from the user cache dir (`assistant.datacache`):
        working them out parses some 1,500 patterns, a third of a second in every process that asks
        questions (each critique worker). Keyed by the patterns themselves and the Python version
        (whose regex parser reads them); a question whose literals are already known keeps them."""
        import hashlib
        import sys

        from assistant.datacache import cached

        questions = [q for q in self.questions if not {"cue_literals", "answer_literals"} & set(q.__dict__)]
        if not questions:
            return
        digest = hashlib.sha256()
        for q in questions:
            digest.update(repr((q.cues, q.answer_cues)).encode("utf-8"))
        key = f"1-py{sys.version_info[0]}.{sys.version_info[1]}-{digest.hexdigest()[:16]}"
        stored = cached("bank-literals", key, lambda: [(q.cue_literals, q.answer_literals) for q in questions])
        if len(stored) != len(questions):
            return
        for q, (cue_literals, answer_literals) in zip(questions, stored, strict=True):
            if len(cue_literals) == len(q.cues) and len(answer_literals) == len(q.answer_cues):
                # What functools.cached_property would store (it writes the instance dict too).
                q.__dict__.setdefault("cue_literals", list(cue_literals))
                q.__dict__.setdefault("answer_literals", list(answer_literals))

    def literals_in(self, text: str) -> frozenset[str]:
        """The cue and answer literals `text` contains: what `BankQuestion.cues_in` needs."""
        return self.literal_index.present(text)

    def weight(self, topic: str) -> float:
        return self.topics.get(topic, DEFAULT_TOPIC_WEIGHT)

    def family(self, topic: str) -> str:
        """The family a topic belongs to (itself when it has none), for spreading the ranking."""
        return self._families.get(topic, topic)

    @cached_property
    def _families(self) -> dict[str, str]:
        return {topic: name for name, topics in self.families.items() for topic in topics}

    def is_technology(self, word: str) -> bool:
        """A listed technology as written: its own spelling, all capitals, or lower case when the
        lower-case form is not also an ordinary word ("sqlite" yes; "go", "teams" no)."""
        spellings = self._technology_spellings
        listed = spellings.get(word.lower())
        if listed is None:
            return False
        return word in (listed, listed.upper()) or (word == word.lower() and listed.lower() not in COMMON_WORDS)

    @cached_property
    def _technology_spellings(self) -> dict[str, str]:
        return {name.lower(): name for name in self.technologies}

    @cached_property
    def technology_pattern(self) -> re.Pattern[str]:
        names = sorted(self.technologies, key=len, reverse=True)
        return re.compile(r"(?<![\w.-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4)
def load_bank(path: Path = BANK_PATH) -> Bank:
    import yaml

    from assistant.yamlload import safe_load

    try:
        data = safe_load(path.read_text(encoding="utf-8"))
        return Bank.model_validate(data)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read the question bank {path}: {exc}") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ConfigError(f"invalid question bank {path}: {first['msg']} at {first['loc']}") from exc


class AskedRates(BaseModel):
    """How often real authors answer each bank question in their own FAQ (asked.yaml, written by
    evals/fit_asked_rates.py from a corpus of public PR/FAQs): the "asked" order puts what
    authors answer first. A question the corpus never raised gets the overall share."""

    model_config = ConfigDict(frozen=True)

    source: str = ""
    documents_raised: int = 0
    prior: float = 0.0
    # The share of the questions generated from a document's own words (a `for_each` question: a
    # named alternative, feature, principle ...), which authors answer more often than the rest.
    derived_prior: float | None = None
    rates: dict[str, float] = Field(default_factory=dict)

    def rate(self, bank_id: str, *, derived: bool = False) -> float:
        """The share for a bank question; one the corpus never raised gets the share of its kind."""
        if bank_id in self.rates:
            return self.rates[bank_id]
        return self.derived_prior if derived and self.derived_prior is not None else self.prior

    def to_yaml(self) -> str:
        import yaml

        header = ("# Written by evals/fit_asked_rates.py: for each bank question, the smoothed share of the\n"
                  "# PR/FAQs that raise it whose authors answer it in their own FAQ. Refit on your own corpus.\n")
        return header + yaml.safe_dump(self.model_dump(), sort_keys=False, allow_unicode=True)


@lru_cache(maxsize=4)
def load_asked_rates(path: Path = ASKED_PATH) -> AskedRates:
    """The rates, or none (every question then weighs the same) when the file is missing."""
    import yaml

    from assistant.yamlload import safe_load

    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return AskedRates()
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    try:
        return AskedRates.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ConfigError(f"invalid {path}: {first['msg']} at {first['loc']}") from exc
