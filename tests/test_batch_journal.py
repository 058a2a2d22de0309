"""results.jsonl: whole lines, a torn tail repaired, superseded lines never lost silently."""

from __future__ import annotations

from pathlib import Path

from assistant.batch.journal import Journal
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
    Journal(tmp_path).lock()  # free again once the first has closed
