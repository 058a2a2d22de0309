"""Word frequencies from wordfreq (its data ships inside the package: no download at run time).

Importing wordfreq and loading its English list costs about half a second (it pulls in
langcodes, ftfy and regex), more than the rest of `prfaq score`. So the list is turned once into
a table of plain words (a-z and apostrophes) and their Zipf values, cut into shards by the first
three letters, and kept under the user cache dir keyed by the prfaq and wordfreq versions
(`assistant.datacache`); a run reads the file and unpacks only the shards of the words it looks
up. The values are wordfreq's own, exactly: any other word (capitals, digits, other scripts)
is still asked of wordfreq. Lookups are cached: a document repeats its words, and a batch
repeats its vocabulary.
"""

from __future__ import annotations

import bisect
import marshal
import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.datacache import Memo

_PLAIN = re.compile(r"[a-z0-9']+")  # the words the table holds (wordfreq's keys of these letters)
# Words made only of these are split here exactly as wordfreq's English tokenizer splits them:
# at any other character, with apostrophes kept inside a token; runs of two or more digits are
# left to wordfreq (it folds them into a number frequency).
_SIMPLE = re.compile(r"[a-z0-9'&/+-]+")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_DIGITS = re.compile(r"\d\d")
_TABLE_FORMAT = "4"  # bump when _build_table changes: it is part of the cache key
_PREFIX = 3  # shard by the first three letters: a page unpacks a few thousand words, not the list
# The table as stored: (sorted prefixes joined by newlines, shard offsets as array("Q") bytes,
# every shard's marshal bytes end to end): three objects, so reading it is a copy, not a parse.
_stored: tuple[list[str], memoryview, bytes] | None = None
_unpacked: dict[str, dict[str, int]] = {}


def _build_table() -> tuple[str, bytes, bytes]:
    """wordfreq's English list as shards of {word: Zipf in hundredths} by their first letters."""
    from array import array

    from wordfreq import freq_to_zipf, get_frequency_dict

    shards: dict[str, dict[str, int]] = {}
    for word, freq in get_frequency_dict("en", "best").items():
        if _PLAIN.fullmatch(word):
            shards.setdefault(word[:_PREFIX], {})[word] = round(freq_to_zipf(freq) * 100)
    prefixes = sorted(shards)
    blobs = [marshal.dumps(shards[prefix]) for prefix in prefixes]
    offsets = array("Q", [0])
    for blob in blobs:
        offsets.append(offsets[-1] + len(blob))
    return "\n".join(prefixes), offsets.tobytes(), b"".join(blobs)


def _wordfreq_version() -> str:
    """Which wordfreq data the table comes from, found without importing wordfreq (or
    importlib.metadata): the size and time of its English list."""
    import os
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return "missing"
    try:
        info = os.stat(os.path.join(os.path.dirname(spec.origin), "data", "large_en.msgpack.gz"))
    except OSError:
        return "unknown"
    return f"{info.st_size}-{info.st_mtime_ns}"


def _table() -> tuple[list[str], memoryview, bytes]:
    global _stored
    if _stored is None:
        from assistant.datacache import cached

        prefixes, offsets, blob = cached("zipf-en", f"{_TABLE_FORMAT}-wordfreq-{_wordfreq_version()}", _build_table)
        _stored = (prefixes.split("\n"), memoryview(offsets).cast("Q"), blob)
    return _stored


def _from_wordfreq(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def _hundredths(token: str) -> int | None:
    prefix = token[:_PREFIX]
    shard = _unpacked.get(prefix)
    if shard is None:
        prefixes, offsets, blob = _table()
        index = bisect.bisect_left(prefixes, prefix)
        found = index < len(prefixes) and prefixes[index] == prefix
        shard = marshal.loads(blob[offsets[index] : offsets[index + 1]]) if found else {}
        _unpacked[prefix] = shard
    return shard.get(token)


@lru_cache(maxsize=131072)
def zipf(word: str) -> float:
    """Zipf frequency of a word in English: 7 for "the", 3 for one in a million words, 0 unknown.

    Words this user's runs looked up before come from a memo (`assistant.datacache.memo`) keyed
    like the table: a document scored again on every save reads neither the table nor wordfreq."""
    return _known().get(word, _zipf)


@lru_cache(maxsize=1)
def _known() -> Memo[float]:
    from assistant.datacache import memo

    return memo("zipf-en", f"{_TABLE_FORMAT}-wordfreq-{_wordfreq_version()}", float)


def _zipf(word: str) -> float:
    if not _SIMPLE.fullmatch(word) or _DIGITS.search(word):
        return _from_wordfreq(word)
    tokens = _TOKEN.findall(word)
    if not tokens:
        return 0.0
    values = []
    for token in tokens:
        value = _hundredths(token)
        if value is None:
            return 0.0  # wordfreq: a word with an unknown part has the minimum frequency
        values.append(value)
    if len(values) == 1:
        return values[0] / 100
    # Several tokens combine as wordfreq combines them: 1/f = 1/f1 + 1/f2 + ..., to 3 digits.
    freq = 1.0 / sum(1.0 / 10 ** (value / 100 - 9) for value in values)
    leading_zeroes = math.floor(-math.log10(freq))
    freq = round(freq, leading_zeroes + 3)
    return round(math.log10(freq) + 9, 2)
