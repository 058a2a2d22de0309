"""Required literals: cheap proof that a regular expression cannot match a text.

The offline questions run about 1,500 case-insensitive cue and answer patterns over every
document (the review checks a few dozen more), and nearly all of them find nothing. A regex
search costs microseconds even when it fails; finding "encrypt" in the text costs a fraction
of that. So each pattern is parsed once for the words any match must contain (`\\bencrypt`
needs "encrypt"; `\\b(?:refund|money back)\\b` needs "refund" or "money back"), and a document
whose case-folded text contains none of them skips the pattern. This is the trick grep and
ripgrep use (a literal prefilter before the regex engine), done with Python's own regex parser
rather than a hand-written one.

A pattern whose literals cannot be worked out (a bare character class, an escape we do not
model) gets no prefilter: it is always searched. The prefilter never changes a result, only
whether a search that would fail is run; `tests/test_literals.py` checks that over the whole
bank and compares the offline questions and review with the prefilter on and off.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from assistant.datacache import Memo

try:  # the parser behind `re`; public as sre_parse until 3.11 (deprecated there), re._parser since
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

Literals = frozenset[str]  # any one of these must be in the case-folded text
MIN_USEFUL = 2  # a one-letter literal is in nearly every document: not worth checking (symbols are: "$", "%")

_LITERAL = sre_constants.LITERAL
_IN = sre_constants.IN
_SUBPATTERN = sre_constants.SUBPATTERN
_BRANCH = sre_constants.BRANCH
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None))
_ATOMIC = getattr(sre_constants, "ATOMIC_GROUP", None)
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)


@lru_cache(maxsize=4096)
def required_literals(pattern: str, flags: int = re.IGNORECASE) -> Literals | None:
    """Case-folded strings at least one of which every match of `pattern` (compiled with
    `flags`) contains, once case-folded; None when that cannot be said. The flags matter:
    under VERBOSE a space is not a literal.

    Parsing a pattern costs about half a millisecond, and the review's checks and the questions'
    phrases parse some hundred of them in every process on its first document (each critique
    worker: about 30 ms); so the answers are kept between runs in a memo (`assistant.datacache`),
    keyed by this module's own source and the Python version (whose parser reads the patterns)."""
    found = _memo().get(f"{flags}:{pattern}", lambda _: _stored(_worked_out(pattern, flags)))
    return found[0] if found else None


def _worked_out(pattern: str, flags: int) -> Literals | None:
    try:
        parsed = sre_parse.parse(pattern, flags)
    except (re.error, TypeError, ValueError):
        return None
    return _best(_sequence(list(parsed)))


def _stored(literals: Literals | None) -> tuple[Literals, ...]:
    """The memo's form of an answer: a tuple, empty for None (a memo holds values of one type)."""
    return () if literals is None else (literals,)


@lru_cache(maxsize=1)
def _memo() -> Memo[tuple[Literals, ...]]:
    import hashlib
    import sys
    from pathlib import Path

    from assistant.datacache import memo

    try:
        source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    except OSError:  # pragma: no cover - a frozen or zipped install: key on the version alone
        source = "nosource"
    return memo("literals", f"1-py{sys.version_info[0]}.{sys.version_info[1]}-{source}", tuple)


def literals_of(pattern: re.Pattern[str]) -> Literals | None:
    """`required_literals` of a compiled pattern, with its own flags."""
    return required_literals(pattern.pattern, pattern.flags)


def may_occur(literals: Literals | None, folded: str) -> bool:
    """Like `could_match`, for a single text already case-folded (str.casefold): for a few
    patterns over one text, `in` checks beat building an index. A plain loop: some 120,000
    calls per folder of 80 pages, where `any()` over a generator cost 2.5 times as much."""
    if literals is None:
        return True
    for literal in literals:  # noqa: SIM110  the loop is the point (see above)
        if literal in folded:
            return True
    return False


def could_match(literals: Literals | None, present: frozenset[str]) -> bool:
    """False only when the pattern certainly has no match in a text whose literals are `present`
    (see `LiteralIndex.present`)."""
    return literals is None or not literals.isdisjoint(present)


class LiteralIndex:
    """Which of many literals a text contains, in one pass over the text.

    An Aho-Corasick automaton (pyahocorasick, a C extension) finds every occurrence of all
    ~1,000 literals of the bank at once: about 13 microseconds for a page, where checking
    `literal in text` for each takes about 470.
    """

    def __init__(self, requirements: Iterable[Literals | None]) -> None:
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        for literals in requirements:
            for literal in literals or ():
                self._automaton.add_word(literal, literal)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def present(self, text: str) -> frozenset[str]:
        """The indexed literals that occur in `text` once case-folded. casefold, not lower:
        IGNORECASE matches "s" to the long s "ſ", which lower() keeps and casefold() folds."""
        if self._empty:
            return frozenset()
        return frozenset(literal for _, literal in self._automaton.iter(text.casefold()))


def _sequence(items: list[tuple[object, object]]) -> list[Literals]:
    """Every requirement a sequence of regex items imposes: runs of adjacent literal characters,
    and the requirements of groups, alternations and repeats that must match at least once."""
    found: list[Literals] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            found.append(frozenset(["".join(run).casefold()]))
            run.clear()

    for op, arg in items:
        if op is _LITERAL:
            run.append(chr(arg))  # type: ignore[arg-type]
            continue
        if op in _ZERO_WIDTH:
            close_run()  # \b, ^, lookarounds: no characters consumed, but the run is broken
            continue
        if op is _BRANCH and run:
            # "v(?:s|ersus)" is how the parser stores "vs|versus": a shared prefix, then the choice.
            leads = [_leading_run(branch) for branch in arg[1]]  # type: ignore[index]
            if all(leads):
                found.append(frozenset(("".join(run) + lead).casefold() for lead in leads))
        close_run()
        inner = _requirement(op, arg)
        if inner is not None:
            found.append(inner)
    close_run()
    return found


def _leading_run(items: list[tuple[object, object]]) -> str:
    lead = []
    for op, arg in items:
        if op is not _LITERAL:
            break
        lead.append(chr(arg))  # type: ignore[arg-type]
    return "".join(lead)


def _requirement(op: object, arg: object) -> Literals | None:
    """What one non-literal item requires, if anything."""
    if op is _IN:  # a class of plain characters, like [$€£]
        members = list(arg)  # type: ignore[call-overload]
        if members and all(kind is _LITERAL for kind, _ in members):
            return frozenset(chr(code).casefold() for _, code in members)
        return None
    if op is _SUBPATTERN:
        return _best(_sequence(list(arg[-1])))  # type: ignore[index]
    if _ATOMIC is not None and op is _ATOMIC:
        return _best(_sequence(list(arg)))  # type: ignore[call-overload]
    if op is _BRANCH:
        options: set[str] = set()
        for branch in arg[1]:  # type: ignore[index]
            best = _best(_sequence(list(branch)))
            if best is None:
                return None  # one branch needs nothing we can name, so the whole choice needs nothing
            options |= best
        return frozenset(options)
    if op in _REPEATS and op is not None:
        low, _high, body = cast("tuple[int, int, list[tuple[object, object]]]", arg)
        return _best(_sequence(list(body))) if low >= 1 else None
    return None  # a character class, a backreference, any character: no literal


def _best(requirements: list[Literals]) -> Literals | None:
    """The most selective requirement: the one whose shortest literal is longest."""
    useful = [r for r in requirements if r and all(_useful(s) for s in r)]
    if not useful:
        return None
    return max(useful, key=lambda r: (min(len(s) for s in r), -len(r)))


def _useful(literal: str) -> bool:
    return len(literal) >= MIN_USEFUL or (len(literal) == 1 and not literal.isalnum() and not literal.isspace())
