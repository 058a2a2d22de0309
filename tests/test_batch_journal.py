"""results.jsonl: whole lines, a torn tail repaired, superseded lines never lost silently."""

from __future__ import annotations

from pathlib import Path

from assistant.batch.journal import LOCK_NAME, Journal
from assistant.batch.models import DocResult


def _result(path: str, status: str = "ok") -> DocResult:
    return DocResult(path=path, sha256="ab" * 32, status=status, score=50.0, settings_key="k",
                     error=None if status == "ok" else "it broke")


def test_lines_are_appended_whole_and_read_back(tmp_path: Path):
    journal = Journal(tmp_path)
    journal.open_for_append()
    journal.append(_result("a.md"))
    journal.append(_result("b.md", "error"))
    journal.close()
    raw = (tmp_path / "results.jsonl").read_bytes()
    assert raw.count(b"\n") == 2 and raw.endswith(b"\n")
    contents = journal.read()
    assert [r.path for r in contents.results] == ["a.md", "b.md"]
    assert contents.results[1].error == "it broke"
    assert not contents.repaired


def test_a_torn_last_line_is_cut_back_to_the_last_newline(tmp_path: Path):
    journal = Journal(tmp_path)
    journal.open_for_append()
    journal.append(_result("a.md"))
    journal.close()
    whole = (tmp_path / "results.jsonl").read_bytes()
    torn = _result("b.md").model_dump_json().encode()[:37]  # what a kill -9 mid-write could leave
    (tmp_path / "results.jsonl").write_bytes(whole + torn)
    assert [r.path for r in journal.peek()] == ["a.md"]  # a dry run reads without repairing
    assert (tmp_path / "results.jsonl").read_bytes().endswith(torn)
    contents = journal.read()
    assert contents.repaired
    assert [r.path for r in contents.results] == ["a.md"]
    assert (tmp_path / "results.jsonl").read_bytes() == whole


def test_a_file_that_is_only_a_torn_line_becomes_empty(tmp_path: Path):
    (tmp_path / "results.jsonl").write_bytes(b'{"schema_version": "1", "pa')
    contents = Journal(tmp_path).read()
    assert contents.repaired and contents.results == []
    assert (tmp_path / "results.jsonl").read_bytes() == b""


def test_the_last_line_for_a_path_wins_and_duplicates_are_counted(tmp_path: Path):
    journal = Journal(tmp_path)
    journal.open_for_append()
    journal.append(_result("a.md", "error"))
    journal.append(_result("a.md"))
    journal.close()
    contents = journal.read()
    assert [(r.path, r.status) for r in contents.results] == [("a.md", "ok")]
    assert contents.duplicates == 1


def test_unreadable_lines_are_skipped_and_counted(tmp_path: Path):
    line = _result("a.md").model_dump_json()
    (tmp_path / "results.jsonl").write_text('{"not": "a result"}\n' + line + "\n")
    contents = Journal(tmp_path).read()
    assert contents.unreadable == 1 and [r.path for r in contents.results] == ["a.md"]


def test_moving_aside_keeps_the_old_file_under_a_new_name(tmp_path: Path):
    journal = Journal(tmp_path)
    journal.open_for_append()
    journal.append(_result("a.md"))
    journal.close()
    first = journal.move_aside()
    journal.open_for_append()
    journal.append(_result("b.md"))
    journal.close()
    second = journal.move_aside()
    assert first and second and first != second
    assert "a.md" in first.read_text() and "b.md" in second.read_text()
    assert not (tmp_path / "results.jsonl").exists()


def test_a_second_writer_on_the_same_folder_is_refused(tmp_path: Path):
    import pytest

    from assistant.errors import InputError

    first = Journal(tmp_path)
    first.lock()
    try:
        with pytest.raises(InputError, match="another prfaq critique"):
            Journal(tmp_path).lock()
    finally:
        first.close()
    again = Journal(tmp_path)
    again.lock()  # free again once the first has closed
    again.close()
    assert not (tmp_path / LOCK_NAME).exists()  # and the lock file does not litter the folder


def test_a_lock_file_removed_under_a_waiting_opener_is_not_trusted(tmp_path: Path, monkeypatch):
    import fcntl
    import os

    import pytest

    # The race: this run opens the lock file, then the previous holder removes it (its run ended),
    # then this run locks the orphan. It must notice and lock the file at the path instead, or
    # a third run locking a fresh file would share the folder with it.
    real_open = os.open
    opened: list[str] = []

    def open_then_lose_it(path, flags, mode=0o777):
        fd = real_open(path, flags, mode)
        if str(path).endswith(LOCK_NAME) and not opened:
            opened.append(str(path))
            os.unlink(path)  # the previous holder cleaning up, just after our open
        return fd

    monkeypatch.setattr(os, "open", open_then_lose_it)
    journal = Journal(tmp_path)
    journal.lock()
    monkeypatch.setattr(os, "open", real_open)
    assert opened  # the race happened
    other = os.open(tmp_path / LOCK_NAME, os.O_RDWR)
    try:
        with pytest.raises(OSError):  # the file at the path is the one held
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(other)
        journal.close()
