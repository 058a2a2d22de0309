"""The literal prefilter (assistant/literals.py) of the question bank and the review checks skips
only regex searches that would have failed: it makes them faster, never different."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO, need_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.documents import parse_document
from assistant.literals import LiteralIndex, could_match, literals_of, may_occur, required_literals
from assistant.personas.checks import base as review_checks
from assistant.personas.offline import review_offline
from assistant.questions import answered
from assistant.questions import bank as bank_module
from assistant.questions.bank import load_bank
from assistant.questions.offline import questions_offline


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bencrypt", {"encrypt"}),
    (r"\b(?:refund|money back)\b", {"refund", "money back"}),
    (r"\b(vs\.?|versus)\b", {"vs", "versus"}),  # stored by the parser as v(?:s|ersus)
    (r"[$€£]\s?\d", {"$", "€", "£"}),
    (r"\d+\s?%", {"%"}),
    (r"(?<![\w-])Integrat", {"integrat"}),  # folded: the patterns are case-insensitive
    (r"\blocal(ly)?\b", {"local"}),
    (r"\bhours?\b|\bdays?\b", {"hour", "day"}),
    (r"STRASSE", {"strasse"}),
])
def test_the_words_every_match_must_contain(pattern: str, expected: set[str]) -> None:
    assert required_literals(pattern) == frozenset(expected)


@pytest.mark.parametrize("pattern", [
    r"\d+",  # digits only: no literal
    r"\bq[1-4]\b",  # one letter, in every document
    r"(?:price|\d+)",  # one branch needs no literal, so the choice needs none
    r"(?:cost)?\s*\$?",  # everything optional
    r"[a-z]{3}",
    r"(",  # not a regex at all
])
def test_no_prefilter_where_nothing_can_be_required(pattern: str) -> None:
    assert required_literals(pattern) is None


def test_the_flags_are_the_patterns_own() -> None:
    verbose = re.compile(r"price \s per \s seat", re.IGNORECASE | re.VERBOSE)
    assert literals_of(verbose) == {"price"}  # without VERBOSE it would be "price " with the space
    assert literals_of(re.compile("price per seat")) == {"price per seat"}


def test_a_pattern_without_literals_is_always_searched() -> None:
    assert may_occur(None, "")
    assert may_occur(frozenset({"seat"}), "price per seat")
    assert not may_occur(frozenset({"seat"}), "price per user")
    assert could_match(None, frozenset())
    assert not could_match(frozenset({"refund"}), frozenset({"price"}))
    assert could_match(frozenset({"refund", "price"}), frozenset({"price"}))


def test_the_index_finds_overlapping_literals_case_folded() -> None:
    index = LiteralIndex([frozenset({"day"}), frozenset({"today", "hour"}), frozenset({"s"}), None])
    assert index.present("TODAY, in an hour") == {"day", "today", "hour"}
    assert index.present("the long \u017f is an s") == {"s"}  # IGNORECASE matches "s" to "ſ"; casefold folds it
    assert LiteralIndex([None]).present("anything") == frozenset()


def _corpus(*folders: Path) -> list[str]:
    texts = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".md", ".txt") and path.is_file():
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts


def _bank_patterns() -> list[re.Pattern[str]]:
    bank = load_bank()
    return [p for q in bank.questions for p in [*q.cue_patterns, *q.answer_patterns]]


SHARDS = 4  # the check over our own documents is the suite's longest: in quarters, xdist's workers share it


@pytest.mark.parametrize("shard", range(SHARDS))
def test_the_prefilter_never_skips_a_pattern_that_matches_over_our_own_documents(shard: int) -> None:
    texts = _corpus(REPO / "examples", REPO / "tests" / "fixtures")
    assert len(texts) >= 20
    _assert_prefilter_sound(texts, shard=shard, shards=SHARDS)


@pytest.mark.shared
def test_the_prefilter_never_skips_a_pattern_that_matches_over_the_public_prfaqs() -> None:
    texts = _corpus(need_shared("datasets", "prfaq-public"))
    assert len(texts) >= 18
    _assert_prefilter_sound(texts)


def _assert_prefilter_sound(texts: list[str], shard: int = 0, shards: int = 1) -> None:
    """Every bank pattern that matches a piece (a whole text or one of its lines) has its literals
    in that piece. Each distinct piece against each distinct pattern once: several questions share
    a pattern (1,576 in the bank, 1,135 distinct), and a line that recurs across documents (a
    heading, "## FAQ") is the same search again, which could only repeat the verdict. `shard` of
    `shards`: every shards-th piece from the shard-th, each part held to the whole's bar."""
    bank = load_bank()
    pieces = list(dict.fromkeys(texts + [line for text in texts for line in text.splitlines() if line.strip()]))
    pieces = pieces[shard::shards]
    patterns = [(pattern, literals_of(pattern)) for pattern in dict.fromkeys(_bank_patterns())]
    checked = 0
    for piece in pieces:
        present = bank.literals_in(piece)
        for pattern, literals in patterns:
            if pattern.search(piece):
                checked += 1
                assert could_match(literals, present), (pattern.pattern, piece[:120])
    assert checked > 1000  # the corpus exercises the bank, so the check above means something


_WORDS = st.sampled_from(["price", "PRICE", "Refund", "encrypt", "ENCRYPTED", "hours", "day", "$49", "20%", "vs.",
                          "versus", "per month", "free", "Stra\u00dfe", "\u017fecure", "latency", "p99", "SLA",
                          "integration", "compliance", "GDPR", "budget", "team", "risk", "the", "a", ".", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=30), st.integers(min_value=0))
def test_no_match_is_ever_filtered_out(words: list[str], which: int) -> None:
    bank = load_bank()
    patterns = _bank_patterns()
    text = " ".join(words)
    present = bank.literals_in(text)
    for pattern in (patterns[which % len(patterns)], *patterns[:: 37]):
        if pattern.search(text):
            assert could_match(literals_of(pattern), present), (pattern.pattern, text)


def test_offline_questions_and_review_are_the_same_with_and_without_the_prefilter(
        monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [parse_document(text, path=f"doc{n}.md") for n, text in enumerate(_corpus()[:30])]
    fast = [(questions_offline(doc).model_dump(), review_offline(doc).model_dump()) for doc in docs]
    always = lambda literals, text: True  # noqa: E731 - the prefilter switched off
    monkeypatch.setattr(bank_module, "could_match", always)
    monkeypatch.setattr(bank_module, "may_occur", always)
    monkeypatch.setattr(answered, "could_match", always)
    monkeypatch.setattr(review_checks, "may_occur", always)
    slow = [(questions_offline(doc).model_dump(), review_offline(doc).model_dump()) for doc in docs]
    assert fast == slow


def test_literals_worked_out_once_are_read_back_by_the_next_run(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A pattern's literals are kept between runs (a memo in the cache dir), with the same answer,
    None included; the next run parses no pattern it has seen before."""
    from assistant import datacache, literals

    monkeypatch.setenv("PRFAQ_CACHE_DIR", str(tmp_path))
    patterns = [(r"\b(?:refund|money back)\b", re.IGNORECASE), (r"\d+", re.IGNORECASE), (r"STRASSE", 0)]

    def fresh_run() -> None:  # what a new process starts with
        monkeypatch.setattr(datacache, "_memos", {})
        literals._memo.cache_clear()
        literals.required_literals.cache_clear()

    fresh_run()
    first = [required_literals(pattern, flags) for pattern, flags in patterns]
    assert first == [frozenset({"refund", "money back"}), None, frozenset({"strasse"})]
    datacache.save_memos()
    fresh_run()
    monkeypatch.setattr(literals, "_worked_out", lambda pattern, flags: pytest.fail(f"parsed {pattern} again"))
    assert [required_literals(pattern, flags) for pattern, flags in patterns] == first
    fresh_run()  # leave no memo from tmp_path behind for the other tests
