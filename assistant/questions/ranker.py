"""Which paragraph of a document answers a question: a small learned ranker over the rules' signals.

A question the document's own FAQ does not ask is answered somewhere in its text. Each paragraph
is described by a few numbers: how close it is in meaning (cosine), the rare words it shares
(BM25), how much of the question's concepts it covers, and whether it has the shape an answer to
this kind of question takes ("Yes."/"No." for a yes/no question, "Because ..." for a why
question, a price for a price question, targets for a question about metrics, a group of people
for a who question). Its score is a weighted sum; `meaning._best` adds it, twice weighted
(`meaning.PARAGRAPH_WEIGHT`), to each sentence's own score to choose the quote.

The weights are data (`ranker.yaml`), fitted by `evals/fit_paragraph_ranker.py` on real authors'
questions asked of their own PR/FAQs with the question lines removed (the questions-ask setting)
and checked cross-fitted: fitted on half of the documents, measured on the other half. The top
paragraph holds the author's answer for 44.2% of the 294 questions with the earlier hand-set
weights (cosine + 0.4 BM25 + 0.3 for yes/no), 48.6% fitted (in sample), and 39.8% -> 42.2% and
50.0% -> 54.7% on the held-out halves; questions-ask (the quote inside the author's own answer)
45.9% -> 47.6%. Whether a paragraph sits in the FAQ is deliberately not a
feature: in that setting every answer does, so its weight would learn the eval's set-up (it cost
two hand labels of evals/answeredness.py), and the sentence rules already prefer the FAQ.

Each shape rule is a small function here with should-match and should-not-match tests
(tests/test_ranker.py).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from assistant.errors import ConfigError

RANKER_PATH = Path(__file__).with_name("ranker.yaml")

# The order is the column order of a feature matrix (`Reading.paragraph_features`).
FEATURES: tuple[str, ...] = (
    "cosine",  # the paragraph's direction (normalised sum of its sentences' vectors) against the question's
    "bm25",  # BM25 of the paragraph against the question, as a share of the best paragraph's
    "coverage",  # how much of the question's concepts (weighted) the paragraph's sentences cover
    "yes_no",  # a yes/no question, and the paragraph opens with "Yes", "No", "Always", ...
    "because",  # a why question, and the paragraph opens with "Because" or "N reasons"
    "kind",  # the paragraph has what the question's kind needs (a price, a date, a group, a figure)
    "defines",  # a "What is X?" question, and the paragraph says what X is
    "code",  # the paragraph is all code (commands answer how-to questions only)
    "length",  # log(1 + words): a long answer paragraph says more
    "metric_figures",  # a question about metrics or success, and the paragraph holds figures or targets
    "group",  # a who question, and the paragraph opens with a group of people ("Operators who ...")
)


class Retrieval(BaseModel):
    """How the retrieval model (`assistant.semantic.retrieval`, `--ask` only) adds to a paragraph's
    score: `weight` times its cosine with the question, for the `top` paragraphs the ranker puts
    first, each read up to `chars` characters; the others get the lowest of those cosines, so the
    ranker's order below the top stays as it was."""

    weight: float = Field(ge=0.0)
    top: int = Field(ge=1)
    chars: int = Field(ge=50)
    fitted_on: str = ""


class RankerWeights(BaseModel):
    """The fitted weights, in the raw units of each feature, scaled so that `cosine` weighs 1.0
    (the scale of the sentence scores the paragraph score is added to)."""

    version: str = "1"
    fitted_on: str = ""
    weights: dict[str, float] = Field(default_factory=dict)
    retrieval: Retrieval | None = None

    def vector(self) -> list[float]:
        missing = [name for name in FEATURES if name not in self.weights]
        if missing:
            raise ConfigError(f"{RANKER_PATH.name}: no weight for {', '.join(missing)}; re-run "
                              "evals/fit_paragraph_ranker.py --write")
        return [self.weights[name] for name in FEATURES]


def read_ranker(path: Path = RANKER_PATH) -> RankerWeights:
    """The ranker's file, read now (`load_ranker` reads it once per process)."""
    import yaml

    from assistant.yamlload import safe_load

    try:
        ranker = RankerWeights.model_validate(safe_load(path.read_text(encoding="utf-8")))
        ranker.vector()
        return ranker
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ConfigError(f"cannot read the paragraph ranker's weights {path}: {exc}") from exc


load_ranker = functools.lru_cache(maxsize=4)(read_ranker)


@functools.lru_cache(maxsize=4)
def load_weights(path: Path = RANKER_PATH) -> tuple[float, ...]:
    """The weights in FEATURES order."""
    return tuple(load_ranker(path).vector())


def load_retrieval(path: Path = RANKER_PATH) -> Retrieval | None:
    """How the retrieval model adds to the ranker's scores, or None when the file sets nothing."""
    return load_ranker(path).retrieval


# --- the shape of an answer -------------------------------------------------------------------
_WHY = re.compile(r"^\W*why\b", re.IGNORECASE)
# "Since" of reason, not of time ("Since 2019 ...", "Since launch ...").
_BECAUSE = re.compile(r"^\W*(?:because|so that|since(?! (?:\d|then|launch|v\d)))\b"
                      r"|^\W*(?:two|three|four|several|a few) reasons\b", re.IGNORECASE)
_METRIC = re.compile(r"\b(?:metrics?|measured?|success|kpis?|targets?|goals?|definition of done)\b", re.IGNORECASE)
# "100%", ">= 80%", "4.5/5", "within 90 days", "3x": what a measurable target is written with.
_TARGET = re.compile(r"\d\s?%|[≥≤]|>=|<=|\b\d+(?:\.\d+)?\s?/\s?\d+\b|\b\d+(?:\.\d+)?x\b|\bwithin \d+\b",
                     re.IGNORECASE)
_WHO = re.compile(r"^\W*(?:who|for whom)\b", re.IGNORECASE)
_GROUP_OPENER = re.compile(
    r"^\W*(?:anyone|everyone|people|teams?|developers|engineers|operators|users|customers|students|researchers|"
    r"founders|companies|businesses|organi[sz]ations|admins|administrators|owners|individuals|professionals|"
    r"(?:small|solo|independent|early|enterprise|data|platform|security|ml|backend|frontend)[- ]\w+s)\b(?!['\u2019])",
    re.IGNORECASE)


@functools.lru_cache(maxsize=8192)  # asked of each question against every document
def asks_why(question: str) -> bool:
    return _WHY.search(question) is not None


def gives_reason(paragraph: str) -> bool:
    """Opens with the reason: "Because the two hosts every user targets ...", "Three reasons: ..."."""
    return _BECAUSE.search(paragraph) is not None


@functools.lru_cache(maxsize=8192)  # asked of each question against every document
def asks_metric(question: str) -> bool:
    return _METRIC.search(question) is not None


def gives_target(paragraph: str) -> bool:
    """Holds a measurable target: a percentage, a bound, a rating, a multiple, a deadline."""
    return _TARGET.search(paragraph) is not None


# A bound is what makes a figure a target rather than a result: "≥80%", "at least 60%", "within 90 days".
_BOUND = re.compile(r"[≥≤]|>=|<=|\bwithin \d+|\bat (?:least|most) \d|\b(?:target|goal)s?\b", re.IGNORECASE)


def sets_targets(text: str) -> bool:
    """Sets measurable targets: two figures or more, at least one of them a bound ("Within 90 days,
    100% of items have owners; ≥80% of ETAs met"), not a claim of results ("40% faster, 3x cheaper")."""
    return len(_TARGET.findall(text)) >= 2 and _BOUND.search(text) is not None


@functools.lru_cache(maxsize=8192)  # asked of each question against every document
def asks_who(question: str) -> bool:
    return _WHO.search(question) is not None


def names_group_first(paragraph: str) -> bool:
    """Opens with a group of people: "Operators who want ...", "Small teams that ..."."""
    return _GROUP_OPENER.search(paragraph) is not None
