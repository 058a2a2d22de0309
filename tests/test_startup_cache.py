"""Data built once and cached under the user cache dir: wordfreq's English list as a table the
score path reads without importing wordfreq, giving wordfreq's own values."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from wordfreq import zipf_frequency

from assistant import datacache
from assistant.clarity import lexicon

WORDS = [
    "the", "restock", "wholesaler", "wholesaler's", "wholesaler'", "'tis", "customer's", "don't", "s3", "ec2",
    "com1", "w&b", "r&d", "at&t", "state-of-the-art", "x-ray", "e-mail", "a/b", "qwxzptl", "checkout",
    "lz77", "2024", "café", "naïve", "", "'", "-", "a--b", "idempotent", "sku", "skus",
]


@pytest.mark.parametrize("word", WORDS)
def test_the_table_gives_wordfreqs_values(word: str) -> None:
    assert lexicon.zipf(word) == float(zipf_frequency(word, "en"))


def test_the_table_is_built_once_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRFAQ_CACHE_DIR", str(tmp_path))
    calls = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"a": 1}

    assert datacache.cached("demo", "k1", build) == {"a": 1}
    assert datacache.cached("demo", "k1", build) == {"a": 1}
    assert len(calls) == 1
    (written,) = tmp_path.glob("demo-*k1.marshal")
    written.write_bytes(b"\x00garbage")  # a damaged file is rebuilt, not trusted
    assert datacache.cached("demo", "k1", build) == {"a": 1}
    assert len(calls) == 2
    assert datacache.cached("demo", "k2", build) == {"a": 1}  # another key: another build
    assert len(calls) == 3


def test_an_unwritable_cache_dir_only_costs_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PRFAQ_CACHE_DIR", str(blocker / "cache"))
    assert datacache.cached("demo", "k", lambda: [1, 2]) == [1, 2]


def test_scoring_with_a_warm_cache_does_not_import_wordfreq(tmp_path: Path) -> None:
    doc = Path(__file__).resolve().parent.parent / "examples" / "docs" / "tally-prfaq.md"
    env = {"PRFAQ_CACHE_DIR": str(tmp_path)}
    # main(keep_process=True): a score run otherwise ends the process itself, before the probe's print.
    probe = ("import sys; sys.argv = ['prfaq', 'score', sys.argv[1]];\n"
             "from assistant.cli import main\n"
             "try:\n    main(keep_process=True)\nexcept SystemExit:\n    pass\n"
             "print('wordfreq' in sys.modules, 'langcodes' in sys.modules, file=sys.stderr)")
    import os

    full_env = {**os.environ, **env}
    cold = subprocess.run([sys.executable, "-c", probe, str(doc)], capture_output=True, text=True, env=full_env,
                          timeout=120)
    warm = subprocess.run([sys.executable, "-c", probe, str(doc)], capture_output=True, text=True, env=full_env,
                          timeout=120)
    assert cold.stderr.strip().endswith("True True")  # the first run builds the table from wordfreq
    assert warm.stderr.strip().endswith("False False"), warm.stderr
    assert warm.stdout == cold.stdout  # same report either way
    assert list(tmp_path.glob("zipf-en-*.marshal"))


def test_cached_hyphenation_patterns_hyphenate_as_pyphen_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyphen

    from assistant.clarity import readability

    monkeypatch.setenv("PRFAQ_CACHE_DIR", str(tmp_path))
    path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    monkeypatch.setitem(pyphen.hdcache, path, None)
    del pyphen.hdcache[path]
    for _ in range(2):  # built and stored, then read back
        readability._warm_pyphen(pyphen, "en_US")
        cached = pyphen.Pyphen(lang="en_US")
        assert isinstance(cached.hd.patterns, readability._Patterns)
        reference = pyphen.Pyphen(lang="en_US", cache=False)
        for word in ("hyphenation", "idempotent", "restocking", "customer", "idea", "wholesaler", "extraordinary"):
            assert cached.positions(word) == reference.positions(word), word
        del pyphen.hdcache[path]
    assert list(tmp_path.glob("pyphen-*.marshal"))


SCORE_PROBE = ("import sys; sys.argv = ['prfaq', 'score', '--format', 'json', sys.argv[1]];\n"
               "from assistant.cli import main\n"
               "try:\n    main(keep_process=True)\nexcept SystemExit:\n    pass\n"
               "print('pyphen' in sys.modules, file=sys.stderr)")


def _score_in_a_process(doc: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run([sys.executable, "-c", SCORE_PROBE, str(doc)], capture_output=True, text=True,
                          env={**os.environ, "PRFAQ_CACHE_DIR": str(cache)}, timeout=120)


def test_words_counted_before_are_read_back_with_the_same_report(tmp_path: Path) -> None:
    """The second run of the same document counts no syllable and loads no pyphen; every report is the
    same, from a fresh cache, a warm one, and one whose memo files are damaged."""
    doc = Path(__file__).resolve().parent.parent / "examples" / "docs" / "tally-prfaq.md"
    cold = _score_in_a_process(doc, tmp_path)
    memos = sorted(tmp_path.glob("memo-*.marshal"))
    assert [p.name.split("-0.1")[0] for p in memos] == ["memo-syllables", "memo-zipf-en"]
    warm = _score_in_a_process(doc, tmp_path)
    assert cold.stderr.strip().endswith("True") and warm.stderr.strip().endswith("False"), warm.stderr
    for path in memos:
        path.write_bytes(b"\x00damaged")
    damaged = _score_in_a_process(doc, tmp_path)
    assert damaged.stderr.strip().endswith("True")  # not trusted: counted afresh, then written whole again
    assert cold.stdout == warm.stdout == damaged.stdout and '"score"' in cold.stdout
    assert all(path.stat().st_size > 1000 for path in memos)


def test_a_memo_keeps_what_it_computed_and_what_other_runs_added(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRFAQ_CACHE_DIR", str(tmp_path))
    computed: list[str] = []

    def count(word: str) -> int:
        computed.append(word)
        return len(word)

    def fresh_process() -> None:
        monkeypatch.setattr(datacache, "_memos", {})

    fresh_process()
    assert datacache.memo("demo", "k", int).get("idea", count) == 4
    assert datacache.memo("demo", "k", int).get("idea", count) == 4  # asked again: not computed again
    datacache.save_memos()
    fresh_process()  # another run, meanwhile
    assert datacache.memo("demo", "k", int).get("customer", count) == 8
    datacache.save_memos()
    fresh_process()
    assert datacache.memo("demo", "k", int).get("idea", count) == 4
    assert datacache.memo("demo", "k", int).get("customer", count) == 8
    assert computed == ["idea", "customer"]
    assert datacache.memo("other", "k", int).get("idea", count) == 4  # another name: another table
    fresh_process()
    assert datacache.memo("demo", "k2", int).get("idea", count) == 4  # another key (an upgrade): computed
    fresh_process()
    assert datacache.memo("demo", "k", float).get("idea", lambda word: 0.5) == 0.5  # wrong type: not trusted
    assert computed == ["idea", "customer", "idea", "idea"]


def test_a_memo_past_its_size_keeps_the_words_of_this_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRFAQ_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(datacache, "MEMO_MAX_ENTRIES", 3)
    monkeypatch.setattr(datacache, "_memos", {})
    for word in ("a", "bb", "ccc"):
        datacache.memo("demo", "k", int).get(word, len)
    datacache.save_memos()
    monkeypatch.setattr(datacache, "_memos", {})
    for word in ("ccc", "dddd"):
        datacache.memo("demo", "k", int).get(word, len)
    datacache.save_memos()
    monkeypatch.setattr(datacache, "_memos", {})
    assert datacache.memo("demo", "k", int).table == {"ccc": 3, "dddd": 4}


def test_a_rebuilt_table_replaces_the_files_of_older_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.datacache import cached

    monkeypatch.setenv("PRFAQ_CACHE_DIR", str(tmp_path))
    assert cached("table", "v1", lambda: {"a": 1}) == {"a": 1}
    assert cached("other-table", "v1", lambda: [1]) == [1]
    assert cached("table", "v2", lambda: {"a": 2}) == {"a": 2}
    names = sorted(p.name.split("-")[0] + "-" + p.name.rsplit("-", 1)[-1] for p in tmp_path.glob("*.marshal"))
    assert len(list(tmp_path.glob("table-*.marshal"))) == 1, names  # v1's file is gone
    assert len(list(tmp_path.glob("other-table-*.marshal"))) == 1, names  # another name is left alone
    assert cached("table", "v2", lambda: {"a": 99}) == {"a": 2}  # read back, not rebuilt
