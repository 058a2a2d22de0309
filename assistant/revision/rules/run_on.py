"""Split run-on sentences at clause boundaries. A sentence over the length rule's limit is split
where a new clause plainly starts: at a semicolon, and at ", and we" / ", but it" / ", so they"
(a conjunction before a subject pronoun, so never inside a list: "A, B, and C" is not split).
Each part keeps at least MIN_PART words. Long sentences with no such boundary are reported."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.clarity.rules.sentence_length import LIMIT
from assistant.revision.edits import Edit, safe_to_capitalise
from assistant.revision.rules.base import FixContext, FixRule, Proposal

MIN_PART = 5
_PRONOUN = r"(?:we|it|they|you|he|she|i|there|this|these|those)(?:['’](?:s|re|ll|ve|d))?"
# A determiner also opens a clause (", and the owner approves ..."), unless the comma closes an
# item of a list ("A, B, and the C"): then another comma stands within the few words before it.
_DETERMINER = r"(?:the|our|your|their|its|each|every)"
_BOUNDARY_RE = re.compile(
    rf"(?P<semi>;\s+)(?=[a-z])|,\s+(?P<conj>and(?:\s+then)?|but|so)\s+"
    rf"(?=(?P<pronoun>{_PRONOUN}|{_DETERMINER})\b)", re.IGNORECASE)
_LIST_WINDOW = 40  # characters before the comma in which another comma marks a list
_KEEP_CONJ = {"but": "But", "so": "So", "and then": "Then"}
# After a semicolon these open a clause that cannot stand alone ("; because it ..."): no split.
_SUBORDINATE = frozenset(("because", "although", "though", "which", "while", "whereas", "since", "unless", "if",
                          "when", "where", "whether", "as", "who", "whose", "whom", "and", "or", "but", "nor"))


def propose(ctx: FixContext) -> Iterator[Proposal]:
    copy = ctx.clarity.copy
    for sentence in ctx.clarity.prose.sentences:
        if sentence.word_count <= LIMIT or ctx.clarity.is_question(sentence):
            continue
        starts = [w.start for w in sentence.words]
        last_cut = sentence.start
        made = False
        for match in _BOUNDARY_RE.finditer(copy, sentence.start, sentence.end):
            cut = match.start()
            if ctx.is_protected(cut, match.end()) or copy.count("(", sentence.start, cut) > copy.count(
                    ")", sentence.start, cut):
                continue
            if match.group("conj") and "," in copy[max(sentence.start, cut - _LIST_WINDOW) : cut]:
                continue  # "A, B, and the C": a list, not two clauses
            before = sum(last_cut <= s < cut for s in starts)
            after = sum(s >= match.end() for s in starts)
            if before < MIN_PART or after < MIN_PART:
                continue
            if match.group("semi"):
                word = re.match(r"[\w'’-]+", ctx.text[match.end() :])
                if word is None or not safe_to_capitalise(word.group()) or word.group() in _SUBORDINATE:
                    continue
                first = ctx.text[match.end()]
                yield Edit(cut, match.end() + 1, ". " + first.upper(), "run_on")
            else:
                conj = " ".join(match.group("conj").lower().split())
                pronoun_start = match.end()
                first = ctx.text[pronoun_start]
                lead = f"{_KEEP_CONJ[conj]} {first.lower()}" if conj in _KEEP_CONJ else first.upper()
                if match.group("pronoun").lower() == "i":
                    lead = lead[:-1] + "I"
                yield Edit(cut, pronoun_start + 1, ". " + lead, "run_on")
            made = True
            last_cut = match.end()
        if not made:
            yield ctx.report("run_on", sentence.start, sentence.end,
                             f"{sentence.word_count}-word sentence with no safe place to split; split it by hand")


RULE = FixRule("run_on", "split run-on sentences at clause boundaries", propose)
