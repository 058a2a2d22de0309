"""Readability as a document-level signal: the Flesch-Kincaid grade of the whole text. Points
are lost per grade (more past the target), and the finding points at the hardest sentence, which
is where a rewrite pays most."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.clarity.readability import fk_grade, sentence_grade
from assistant.clarity.rules.base import Context, Hit, Rule

TARGET_GRADE = 8.0  # plain business writing; Amazon's narratives aim at a general reader
FREE_GRADE = 4.0  # below this no text can get simpler in a way a reader notices
MIN_SENTENCE_WORDS = 8
# Grades between FREE_GRADE and the target still cost something (so that two plain texts are
# ordered too), but half as much per grade as grades past the target. Weight 2.5, this share and
# FREE_GRADE were chosen on OneStopEnglish among about a dozen settings (evals/validate_clarity.py):
# readability must carry the ordering of news text while the word rules stay visible on PR/FAQs.
BELOW_TARGET_SHARE = 0.5
# Flesch built his formulas on 100-word samples; on fewer words the grade is mostly noise (one
# long name moves it a full grade), so its weight shrinks in proportion below that.
SAMPLE_WORDS = 100


def grade_units(grade: float) -> float:
    """Units grow with every grade above FREE_GRADE (so texts at grades 9 and 11 are ordered even
    when both miss the target), twice as fast past the target."""
    below = max(0.0, min(grade, TARGET_GRADE) - FREE_GRADE)
    above = max(0.0, grade - TARGET_GRADE)
    return BELOW_TARGET_SHARE * below + above


def check(ctx: Context) -> Iterator[Hit]:
    sentences = [s for s in ctx.prose.sentences if s.word_count >= MIN_SENTENCE_WORDS] or ctx.prose.sentences
    if not sentences:
        return
    grade = fk_grade(ctx.prose)
    units = grade_units(grade) * min(1.0, ctx.prose.word_count / SAMPLE_WORDS)
    if units <= 0:
        return
    hardest = max(sentences, key=lambda s: (sentence_grade(s), -s.start))
    verdict = "above the target of" if grade > TARGET_GRADE else "within the target of"
    yield Hit(
        hardest.start,
        hardest.end,
        f"reading grade {grade:.1f} (Flesch-Kincaid), {verdict} {TARGET_GRADE:.0f}; each grade above "
        f"{FREE_GRADE:.0f} costs points, twice as many past {TARGET_GRADE:.0f}; the hardest sentence is shown",
        "shorter sentences and everyday words; start with this sentence",
        units,
    )


RULE = Rule("readability", "readability", 2.5, "Flesch-Kincaid grade of the whole text", check)
