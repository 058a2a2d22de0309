"""Graders: each a small function from (case, what the task produced) to a `GraderResult`.

Every grader's value is "higher is better", so a drop is always a regression. Graders only read
what a task produced (`TaskOutput`); they never call a model themselves, which keeps them cheap,
deterministic and testable on their own.

| grader                   | value                                                        | tasks          |
|--------------------------|--------------------------------------------------------------|----------------|
| clarity                  | the deterministic clarity score, 0-100                       | draft, score   |
| rubric                   | share of the 11 rubric elements present or marked as a gap   | draft, score   |
| grounding                | share of the draft's numbers and quotes found in the notes   | draft          |
| claims_supported         | share of the writer's claims its own check found in the notes| draft          |
|                          | (before it replaced the rest with placeholders)              |                |
| slots                    | share of the case's `expect` met: the notes' name, dateline, | draft          |
|                          | problem, price and quote in their places in the release      |                |
| judge                    | the LLM judge's mean criterion score, 1-5                    | draft, score   |
| pair_order               | 1 when the clarity score ranks the better text higher        | clarity_pairs  |
| recall                   | share of the authors' FAQ questions among the first K asked  | questions      |
| recall_baseline          | the same for a fixed list of generic questions               | questions      |
| recall_lift              | recall minus recall_baseline                                 | questions      |
| judge_agreement          | share of the two orders in which the judge picks the text   | judge_pairs    |
|                          | the deterministic score ranks higher                         |                |
| judge_consistency        | 1 when the judge picks the same text after the swap          | judge_pairs    |
| judge_pointwise_agreement| 1 when the judge's per-document means order the pair like   | judge_pairs    |
|                          | the deterministic score                                      |                |
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

from assistant.clarity.judge import JudgeReport
from assistant.clarity.models import ScoreReport
from assistant.documents.models import Document
from assistant.draft.models import PressRelease
from assistant.evaluation.models import Case, DraftExpectations, GraderResult, Phrase, SuiteSpec

Choice = Literal["better", "worse"]


class RecallOutcome(BaseModel):
    k: int
    author_questions: int
    tool_hits: int
    baseline_hits: int
    missed: list[str] = Field(default_factory=list)  # author questions the tool did not anticipate


class JudgePairOutcome(BaseModel):
    """The pairwise judge asked twice, the texts swapped the second time."""

    first_pick: Choice  # better shown first (as A)
    swapped_pick: Choice  # worse shown first (as A)
    better_score: float  # the deterministic clarity scores of the two texts
    worse_score: float


class TaskOutput(BaseModel):
    """What a task produced for one case; each grader reads the fields it needs."""

    text: str | None = None  # the produced (or given) document's text
    document: Document | None = None
    notes: Document | None = None  # what a draft was written from
    press_release: PressRelease | None = None  # the draft's press release, part by part
    score: ScoreReport | None = None
    gap_elements: list[str] = Field(default_factory=list)  # rubric elements the draft marks as gaps
    gaps: list[str] = Field(default_factory=list)  # the draft's "Gaps to fill", as written
    verified_claims: list[str] = Field(default_factory=list)  # claims whose cited evidence is in the notes
    claims_checked: tuple[int, int] | None = None  # (supported, checked) by the draft's own check
    judge: JudgeReport | None = None
    pair_scores: tuple[float, float] | None = None  # clarity of (better, worse)
    recall: RecallOutcome | None = None
    judge_pair: JudgePairOutcome | None = None
    judge_means: tuple[float | None, float | None] | None = None  # pointwise judge of (better, worse)
    skip_reason: str = ""  # set when the task could not run here (e.g. no endpoint)


Grade = Callable[[Case, TaskOutput, SuiteSpec], GraderResult]


@dataclass(frozen=True)
class GraderInfo:
    grade: Grade
    tasks: tuple[str, ...]
    min_delta: float  # default smallest drop called a regression when there is one sample
    needs_endpoint: bool = False
    scale: str = "0-1"


def _skip(name: str, why: str) -> GraderResult:
    return GraderResult(name=name, value=None, skipped=True, detail=why)


def _missing(name: str, output: TaskOutput, what: str) -> GraderResult:
    return _skip(name, output.skip_reason or f"no {what} to grade")


# -- documents ---------------------------------------------------------------------------------
def grade_clarity(case: Case, output: TaskOutput, suite: SuiteSpec) -> GraderResult:
    if output.score is None:
        return _missing("clarity", output, "score")
    clarity = output.score.clarity
    top = sorted(clarity.findings, key=lambda f: -f.deduction)[:3]
    costs = "; ".join(f"{f.rule} -{f.deduction:.2f} {f.text[:40]!r}" for f in top)
    threshold = suite.thresholds.get("clarity")
    return GraderResult(name="clarity", value=clarity.score,
                        passed=None if threshold is None else clarity.score >= threshold,
                        detail=f"{len(clarity.findings)} findings" + (f"; costliest: {costs}" if costs else ""))


def grade_rubric(case: Case, output: TaskOutput, suite: SuiteSpec) -> GraderResult:
    """An element counts when the document has it (present or weak) or openly marks it as a gap:
    an honest "[TBD: customer quote]" is what a draft from thin notes should do."""
    if output.score is None:
        return _missing("rubric", output, "rubric")
    elements = output.score.rubric.elements
    marked = set(output.gap_elements)
    covered = [e for e in elements if e.status != "missing" or e.id in marked]
    uncovered = [e.id for e in elements if e not in covered]
    gap_only = sorted(e.id for e in elements if e.status == "missing" and e.id in marked)
    detail = f"{len(covered)}/{len(elements)} present or marked as gaps"
    if uncovered:
        detail += f"; missing and not marked: {', '.join(uncovered)}"
    if gap_only:
        detail += f"; marked as gaps: {', '.join(gap_only)}"
    return GraderResult(name="rubric", value=len(covered) / len(elements) if elements else 0.0,
                        passed=not uncovered, detail=detail)


# Numbers: digits with optional thousands separators, decimals, currency and percent signs.
_NUMBER = re.compile(r"(?<![\w.])[$€£]?\d[\d,]*(?:\.\d+)?(?:%|k\b|m\b)?", re.IGNORECASE)
_LIST_MARKER = re.compile(r"^\s*(?:\d+[.)]|[-*+])\s+", re.MULTILINE)
_PLACEHOLDER = re.compile(r"\[[^\]\n]*\]")  # [TBD: price per month] is a visible gap, not a claim
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{12,600})[\"”]")
_MIN_QUOTE_WORDS = 4


def _normal_number(raw: str) -> str:
    digits = raw.strip("$€£%").rstrip("kKmM").replace(",", "")
    return digits.rstrip("0").rstrip(".") if "." in digits else digits


def _claim_text(draft_text: str) -> str:
    """The draft minus its placeholders, list numbering and "Gaps to fill" section."""
    text = re.split(r"(?im)^#+\s*gaps to fill\b.*$", draft_text, maxsplit=1)[0]
    text = _PLACEHOLDER.sub(" ", text)
    return _LIST_MARKER.sub("", text)


def grounding_problems(draft_text: str, notes: Document, verified: Sequence[str] = ()) -> tuple[int, list[str]]:
    """(claims checked, claims not found in the notes): every number, and every quoted passage of
    four words or more, outside placeholders. A number also counts as found when it sits in a
    claim whose evidence was verified against the notes (a draft may say "1.5 hours" where the
    notes say "90 minutes"); nothing is taken on the draft's word alone."""
    claims = _claim_text(draft_text)
    note_numbers = {_normal_number(m.group()) for m in _NUMBER.finditer(notes.text)}
    vouched = {_normal_number(m.group()) for claim in verified for m in _NUMBER.finditer(claim)}
    checked = 0
    invented: list[str] = []
    for match in _NUMBER.finditer(claims):
        checked += 1
        if _normal_number(match.group()) not in note_numbers | vouched:
            invented.append(f"number {match.group()}")
    for match in _QUOTED.finditer(claims):
        quote = match.group(1).strip().rstrip(",.")
        if len(quote.split()) < _MIN_QUOTE_WORDS:
            continue
        checked += 1
        if notes.find(quote) is None:
            invented.append(f"quote {quote[:60]!r}")
    return checked, invented


def grade_grounding(case: Case, output: TaskOutput, suite: SuiteSpec) -> GraderResult:
    """The draft as delivered: nothing in it that the notes do not say. Checked here, with its own
    extraction, rather than trusting the draft's report, so the pipeline does not grade itself."""
    if output.text is None or output.notes is None:
        return _missing("grounding", output, "draft")
    checked, invented = grounding_problems(output.text, output.notes, output.verified_claims)
    value = 1.0 if checked == 0 else (checked - len(invented)) / checked
    detail = f"{checked - len(invented)}/{checked} numbers and quotes found in the notes"
    if invented:
        detail += "; not in the notes: " + "; ".join(invented[:6])
    return GraderResult(name="grounding", value=value, passed=not invented, detail=detail)


def grade_claims_supported(case: Case, output: TaskOutput, suite: SuiteSpec) -> GraderResult:
    """How much the writer invented before the draft's check replaced it: a prompt that lets the
    model make up numbers and quotes scores lower here even though the delivered draft is clean."""
    if output.claims_checked is None:
        return _missing("claims_supported", output, "draft")
    supported, checked = output.claims_checked
    value = 1.0 if checked == 0 else supported / checked
    return GraderResult(name="claims_supported", value=value, passed=supported == checked,
                        detail=f"{supported}/{checked} of the writer's numbers, dates, quotes and names were in "
                               "the notes" + ("" if supported == checked else "; the rest became placeholders"))


# -- slots: each fact of the notes in its place ---------------------------------------------------
_TYPOGRAPHY = str.maketrans({"\u2014": "-", "\u2013": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"',
                             "\u201d": '"', "\u00a0": " "})
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_DATELINE_SEPARATOR = re.compile(r"\s[\u2014\u2013-]+\s|[\u2014\u2013]")
_NAME_GAP = re.compile(r"\[TBD:[^\]\n]*\bname\b", re.IGNORECASE)
_SHOWN = 140  # characters of a part quoted back in a miss


def _plain(text: str) -> str:
    """Case, dashes, curly quotes, thousands separators and spacing do not decide a match."""
    return " ".join(_THOUSANDS.sub("", text.translate(_TYPOGRAPHY)).casefold().split())


def _options(phrase: Phrase) -> list[str]:
    return [phrase] if isinstance(phrase, str) else list(phrase)


def holds(text: str, phrase: Phrase) -> bool:
    """Whether `text` holds the phrase (or one of its accepted wordings) as whole words."""
    plain = _plain(text)
    return any(re.search(rf"(?<!\w){re.escape(_plain(option))}(?!\w)", plain) for option in _options(phrase))


def _opens_with(text: str, phrase: str) -> bool:
    return re.match(rf"{re.escape(_plain(phrase))}(?!\w)", _plain(text).lstrip("#*_ ")) is not None


def _shown(phrase: Phrase) -> str:
    return " or ".join(repr(option) for option in _options(phrase))


def _got(text: str) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= _SHOWN else flat[:_SHOWN - 1] + "\u2026")


def dateline_city(dateline: str) -> str:
    """The dateline's first part, where the city goes ("Leeds — 1 March 2027 —")."""
    return _DATELINE_SEPARATOR.split(dateline.strip(), maxsplit=1)[0]


def _name_checks(expect: DraftExpectations, release: PressRelease) -> list[tuple[bool, str]]:
    if expect.no_name:
        return [(_NAME_GAP.search(release.headline) is not None,
                 f"headline: the notes give no name, wanted a '[TBD: product name]' gap, got {_got(release.headline)}")]
    if not expect.name:
        return []
    return [(_opens_with(release.headline, expect.name),
             f"headline: wanted it to open with the name {expect.name!r}, got {_got(release.headline)}"),
            (holds(release.summary, expect.name),
             f"summary: wanted the name {expect.name!r}, got {_got(release.summary)}")]


def _dateline_checks(expect: DraftExpectations, release: PressRelease) -> list[tuple[bool, str]]:
    checks = []
    city = dateline_city(release.dateline)
    if expect.city:
        checks.append((holds(city, expect.city),
                       f"dateline: wanted city {_shown(expect.city)}, got {_got(release.dateline)}"))
    if expect.city_gap:
        checks.append(("[TBD" in city, "dateline: the notes name no city, wanted a '[TBD: city]' gap, "
                                       f"got {_got(release.dateline)}"))
    if expect.date is not None:
        checks.append((holds(release.dateline, expect.date),
                       f"dateline: wanted date {_shown(expect.date)}, got {_got(release.dateline)}"))
    return checks


def _problem_checks(expect: DraftExpectations, release: PressRelease) -> list[tuple[bool, str]]:
    problem = release.problem
    checks = [(holds(problem, phrase), f"problem: wanted {_shown(phrase)}, got {_got(problem)}")
              for phrase in expect.problem]
    checks += [(not holds(problem, phrase), f"problem: {phrase!r} does not belong there, got {_got(problem)}")
               for phrase in expect.not_in_problem]
    return checks


def _customer_checks(expect: DraftExpectations, release: PressRelease) -> list[tuple[bool, str]]:
    if expect.customer is None:
        return []
    intro = f"{release.subheading}\n{release.summary}"
    return [(holds(intro, expect.customer),
             f"customer: wanted {_shown(expect.customer)} in the subheading or summary, got {_got(intro)}")]


def _quote_checks(expect: DraftExpectations, release: PressRelease) -> list[tuple[bool, str]]:
    quote = release.customer_quote
    checks = []
    if expect.quote:
        checks.append((holds(quote, expect.quote), f"customer quote: wanted {_shown(expect.quote)}, got {_got(quote)}"))
    if expect.quote_by:
        checks.append((holds(quote, expect.quote_by),
                       f"customer quote: wanted it said by {_shown(expect.quote_by)}, got {_got(quote)}"))
    return checks


def _availability_checks(expect: DraftExpectations, release: PressRelease) -> list[tuple[bool, str]]:
    paragraph = release.call_to_action
    checks = []
    if expect.region:
        checks.append((holds(paragraph, expect.region),
                       f"availability: wanted where it is sold, {_shown(expect.region)}, got {_got(paragraph)}"))
    if expect.price is not None:
        checks.append((holds(paragraph, expect.price),
                       f"availability: wanted price {_shown(expect.price)}, got {_got(paragraph)}"))
    return checks


def slot_checks(expect: DraftExpectations, release: PressRelease) -> list[tuple[bool, str]]:
    """Each expectation as (met, what a miss looks like), in the release's reading order."""
    return (_name_checks(expect, release) + _dateline_checks(expect, release) + _customer_checks(expect, release)
            + _problem_checks(expect, release) + _quote_checks(expect, release)
            + _availability_checks(expect, release))


def grade_slots(case: Case, output: TaskOutput, suite: SuiteSpec) -> GraderResult:
    """The issue's check, "name, dateline and problem in their places": each fact the case's notes
    clearly state is looked for in the part of the press release a reviewer expects it in."""
    if case.expect is None:
        return _skip("slots", "the case has no `expect`: nothing to place")
    if output.press_release is None:
        return _missing("slots", output, "press release")
    checks = slot_checks(case.expect, output.press_release)
    if not checks:
        return _skip("slots", "the case's `expect` states nothing to check")
    misses = [miss for met, miss in checks if not met]
    detail = f"{len(checks) - len(misses)}/{len(checks)} in place"
    if misses:
        detail += "; " + "; ".join(misses)
    return GraderResult(name="slots", value=(len(checks) - len(misses)) / len(checks), passed=not misses,
                        detail=detail)


def grade_judge(case: Case, output: TaskOutput, suite: SuiteSpec) -> GraderResult:
    if output.judge is None:
        return _missing("judge", output, "judge verdict")
    mean = output.judge.mean_score()
    if mean is None:
        return _skip("judge", "the judge returned no criteria")
    low = sorted(output.judge.criteria, key=lambda c: c.score)[:2]
    return GraderResult(name="judge", value=round(mean, 3),
                        detail=f"mean of {len(output.judge.criteria)} criteria; lowest: "
                               + ", ".join(f"{c.criterion} {c.score}" for c in low)
                               + (f"; {output.judge.dropped_quotes} unverifiable quotes dropped"
                                  if output.judge.dropped_quotes else ""))


# -- pairs -------------------------------------------------------------------------------------
def grade_pair_order(case: Case, output: TaskOutput, suite: SuiteSpec) -> GraderResult:
    """The validation script's rule: the better text must score strictly higher; a tie is wrong."""
    if output.pair_scores is None:
        return _missing("pair_order", output, "pair")
    better, worse = output.pair_scores
    right = better > worse
    label = f" ({case.change})" if case.change else ""
    return GraderResult(name="pair_order", value=1.0 if right else 0.0, passed=right,
                        detail=f"better {better:.2f} vs worse {worse:.2f}{label}")


def _deterministic_pick(outcome: JudgePairOutcome) -> Choice | None:
    if outcome.better_score == outcome.worse_score:
        return None
    return "better" if outcome.better_score > outcome.worse_score else "worse"


def grade_judge_agreement(case: Case, output: TaskOutput, suite: SuiteSpec) -> GraderResult:
    outcome = output.judge_pair
    if outcome is None:
        return _missing("judge_agreement", output, "judge verdict")
    expected = _deterministic_pick(outcome)
    if expected is None:
        return _skip("judge_agreement", "the deterministic score ties this pair: nothing to agree with")
    agreed = (outcome.first_pick == expected) + (outcome.swapped_pick == expected)
    return GraderResult(name="judge_agreement", value=agreed / 2, passed=agreed == 2,
                        detail=f"score picks the {expected} text ({outcome.better_score:.1f} vs "
                               f"{outcome.worse_score:.1f}); judge picked {outcome.first_pick} (better shown "
                               f"first) and {outcome.swapped_pick} (worse shown first)")


def grade_judge_consistency(case: Case, output: TaskOutput, suite: SuiteSpec) -> GraderResult:
    outcome = output.judge_pair
    if outcome is None:
        return _missing("judge_consistency", output, "judge verdict")
    same = outcome.first_pick == outcome.swapped_pick
    detail = "same pick in both orders" if same else (
        "picked whichever came " + ("first" if outcome.first_pick == "better" else "second") + ": position bias")
    return GraderResult(name="judge_consistency", value=1.0 if same else 0.0, passed=same, detail=detail)


def grade_judge_pointwise(case: Case, output: TaskOutput, suite: SuiteSpec) -> GraderResult:
    name = "judge_pointwise_agreement"
    if output.judge_means is None or output.judge_pair is None:
        return _missing(name, output, "judge verdict")
    better_mean, worse_mean = output.judge_means
    expected = _deterministic_pick(output.judge_pair)
    if better_mean is None or worse_mean is None:
        return _skip(name, "the judge returned no criteria for one of the texts")
    if expected is None:
        return _skip(name, "the deterministic score ties this pair: nothing to agree with")
    picked: Choice | None = None if better_mean == worse_mean else ("better" if better_mean > worse_mean else "worse")
    agreed = picked == expected
    return GraderResult(name=name, value=1.0 if agreed else 0.0, passed=agreed,
                        detail=f"judge means {better_mean:.2f} (better) vs {worse_mean:.2f} (worse); "
                               f"score picks the {expected} text" + ("" if picked else "; the judge tied"))


# -- questions ---------------------------------------------------------------------------------
def grade_recall(case: Case, output: TaskOutput, suite: SuiteSpec) -> GraderResult:
    outcome = output.recall
    if outcome is None:
        return _missing("recall", output, "questions")
    value = outcome.tool_hits / outcome.author_questions
    detail = (f"{outcome.tool_hits}/{outcome.author_questions} author questions among the first {outcome.k} "
              f"(generic list: {outcome.baseline_hits})")
    if outcome.missed:
        detail += "; missed e.g. " + "; ".join(q[:70] for q in outcome.missed[:3])
    return GraderResult(name="recall", value=value, detail=detail)


def grade_recall_baseline(case: Case, output: TaskOutput, suite: SuiteSpec) -> GraderResult:
    outcome = output.recall
    if outcome is None:
        return _missing("recall_baseline", output, "questions")
    return GraderResult(name="recall_baseline", value=outcome.baseline_hits / outcome.author_questions,
                        detail=f"{outcome.baseline_hits}/{outcome.author_questions} matched by the first "
                               f"{outcome.k} generic questions")


def grade_recall_lift(case: Case, output: TaskOutput, suite: SuiteSpec) -> GraderResult:
    outcome = output.recall
    if outcome is None:
        return _missing("recall_lift", output, "questions")
    lift = (outcome.tool_hits - outcome.baseline_hits) / outcome.author_questions
    return GraderResult(name="recall_lift", value=lift, passed=lift >= 0,
                        detail=f"tool {outcome.tool_hits} vs generic {outcome.baseline_hits} "
                               f"of {outcome.author_questions}")


GRADERS: dict[str, GraderInfo] = {
    "clarity": GraderInfo(grade_clarity, ("draft", "score"), 2.0, scale="0-100"),
    "rubric": GraderInfo(grade_rubric, ("draft", "score"), 0.05),
    "grounding": GraderInfo(grade_grounding, ("draft",), 0.05),
    "claims_supported": GraderInfo(grade_claims_supported, ("draft",), 0.05),
    "slots": GraderInfo(grade_slots, ("draft",), 0.05),
    "judge": GraderInfo(grade_judge, ("draft", "score"), 0.25, needs_endpoint=True, scale="1-5"),
    "pair_order": GraderInfo(grade_pair_order, ("clarity_pairs",), 0.01),
    "recall": GraderInfo(grade_recall, ("questions",), 0.03),
    "recall_baseline": GraderInfo(grade_recall_baseline, ("questions",), 0.03),
    "recall_lift": GraderInfo(grade_recall_lift, ("questions",), 0.03, scale="-1-1"),
    "judge_agreement": GraderInfo(grade_judge_agreement, ("judge_pairs",), 0.05, needs_endpoint=True),
    "judge_consistency": GraderInfo(grade_judge_consistency, ("judge_pairs",), 0.05, needs_endpoint=True),
    "judge_pointwise_agreement": GraderInfo(grade_judge_pointwise, ("judge_pairs",), 0.05, needs_endpoint=True),
}


def min_delta(suite: SuiteSpec, grader: str) -> float:
    """The smallest drop called a regression when noise cannot be measured (one sample)."""
    if grader in suite.min_delta:
        return suite.min_delta[grader]
    info = GRADERS.get(grader)
    return info.min_delta if info else 0.05


def grade_case(case: Case, output: TaskOutput, suite: SuiteSpec) -> list[GraderResult]:
    results = []
    for name in suite.graders:
        info = GRADERS[name]
        if suite.task not in info.tasks:
            results.append(_skip(name, f"does not apply to the {suite.task} task"))
            continue
        results.append(info.grade(case, output, suite))
    return results
