"""Which files a critique picks up from the command line, in what order."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assistant.batch.discover import discover
from assistant.errors import InputError


def _write(path: Path, text: str = "# Title\n\nSome words.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_folders_are_searched_recursively_in_a_stable_order(tmp_path: Path):
    for name in ("b.md", "a.txt", "sub/c.docx", "sub/deeper/d.markdown", "notes.pdf", "image.png"):
        _write(tmp_path / "docs" / name)
    _write(tmp_path / "docs" / ".hidden" / "e.md")
    _write(tmp_path / "docs" / ".f.md")
    _write(tmp_path / "docs" / "~$lock.docx")
    found = [Path(s.path).relative_to(tmp_path / "docs").as_posix() for s in discover([tmp_path / "docs"])]
    assert found == ["a.txt", "b.md", "sub/c.docx", "sub/deeper/d.markdown"]


def test_the_output_folder_is_not_read_as_input(tmp_path: Path):
    _write(tmp_path / "docs" / "a.md")
    _write(tmp_path / "docs" / "out" / "summary.md")
    found = discover([tmp_path / "docs"], out_dir=tmp_path / "docs" / "out")
    assert [Path(s.path).name for s in found] == ["a.md"]


def test_a_file_named_explicitly_is_taken_whatever_its_suffix_and_only_once(tmp_path: Path):
    pdf = _write(tmp_path / "scan.pdf", "%PDF")
    md = _write(tmp_path / "a.md")
    found = discover([pdf, md, tmp_path, md])
    assert [Path(s.path).name for s in found] == ["scan.pdf", "a.md"]


def test_each_file_is_hashed_by_its_bytes(tmp_path: Path):
    md = _write(tmp_path / "a.md", "hello\n")
    (source,) = discover([md])
    assert source.sha256 == hashlib.sha256(b"hello\n").hexdigest()


def test_a_missing_path_or_an_empty_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(InputError, match="no such file or folder"):
        discover([tmp_path / "nope.md"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no documents found"):
        discover([tmp_path / "empty"])


def test_a_fifo_is_listed_without_being_opened(tmp_path: Path):
    import os

    _write(tmp_path / "a.md")
    os.mkfifo(tmp_path / "pipe.md")
    found = {Path(s.path).name: s for s in discover([tmp_path])}
    assert found["pipe.md"].sha256 == ""  # opening a FIFO would block; the loader explains it later
