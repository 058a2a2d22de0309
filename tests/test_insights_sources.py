"""Reading the sources of `prfaq insights`: ids, the text column, and bad input (one clear line each,
one bad file never stops the rest)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_prfaq

from assistant.errors import InputError
from assistant.insights.sources import Reading, iter_sources, pick_text_column

PROBLEM = "I waste two hours every week fixing the broken export by hand."


def read(paths: list[Path], **kwargs: object) -> tuple[list, Reading]:
    reading = Reading()
    sources = list(iter_sources(paths, reading, max_bytes=kwargs.pop("max_bytes", 5_000_000), **kwargs))  # type: ignore[arg-type]
    return sources, reading


def test_a_row_id_uses_the_id_column_else_the_row_number(tmp_path: Path) -> None:
    with_id = tmp_path / "tickets.csv"
    with_id.write_text(f'id,body\nA7,"{PROBLEM}"\nA9,"Another long complaint about the app crashing."\n')
    without = tmp_path / "reviews.csv"
    without.write_text(f'stars,review\n1,"{PROBLEM}"\n2,"The app crashes whenever I open the calendar."\n')
    sources, reading = read([with_id, without])
    assert [s.id for s in sources] == [f"{with_id}#A7", f"{with_id}#A9", f"{without}#1", f"{without}#2"]
    assert sources[0].text == PROBLEM and sources[0].kind == "row"
    assert reading.totals == {"tickets": 2, "reviews": 2}


def test_the_text_column_is_found_by_name_or_by_length_or_given() -> None:
    rows = [{"when": "2027-01-01", "comment_body": PROBLEM, "who": "ann"}]
    assert pick_text_column(["when", "comment_body", "who"], rows, None, "x.csv") == "comment_body"
    assert pick_text_column(["when", "feedback", "who"], [{"feedback": "ok"}], None, "x.csv") == "feedback"
    assert pick_text_column(["a", "b"], rows, "b", "x.csv") == "b"
    with pytest.raises(InputError, match="no column named 'c'"):
        pick_text_column(["a", "b"], rows, "c", "x.csv")


def test_jsonl_rows_and_a_folder_of_notes(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text(f"# Call with Ann\n\nRole: owner\n\n{PROBLEM}\n")
    (tmp_path / "notes" / ".hidden.md").write_text(PROBLEM)
    export = tmp_path / "survey.jsonl"
    export.write_text(json.dumps({"id": 5, "answer": PROBLEM, "segment": "clinic"}) + "\n")
    sources, _ = read([tmp_path / "notes", export])
    assert [s.id for s in sources] == [str(tmp_path / "notes" / "a.md"), f"{export}#5"]
    assert sources[0].segments == ["owner"] and sources[1].segments == ["clinic"]


def test_mixed_encoding_is_read_with_a_warning(tmp_path: Path) -> None:
    export = tmp_path / "mixed.csv"
    export.write_bytes("id,text\n1,Caf\u00e9 owners can't find the export button anywhere\n".encode()
                       + "2,Le caf\u00e9 n'arrive pas \u00e0 exporter les heures du mois\n".encode("cp1252"))
    sources, reading = read([export])
    assert [s.text for s in sources][1].startswith("Le caf\u00e9")
    assert any("Windows-1252" in w for w in reading.warnings)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"id,score,date\n1,2,2027-01-01\n2,3,2027-01-02\n", "no text column found"),
    (b"id,text\n", "has no rows"),
])
def test_bad_exports_are_skipped_with_one_clear_line(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    good = tmp_path / "good.md"
    good.write_text(PROBLEM)
    sources, reading = read([bad, good])
    assert [s.id for s in sources] == [str(good)]  # one bad file never stops the rest
    assert len(reading.skipped) == 1 and message in reading.skipped[0][1]


def test_an_export_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "export.csv"
    with open(big, "wb") as handle:
        handle.write(b"id,text\n")
        handle.truncate(200 * 1024 * 1024)  # 200 MB, sparse: nothing is written or read
    _, reading = read([big], max_bytes=5 * 1024 * 1024)
    assert "is 200.0 MB, over the 5.0 MB limit" in reading.skipped[0][1]
    assert "PRFAQ_MAX_BYTES" in reading.skipped[0][1]


def test_the_command_says_one_line_per_bad_file_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "numbers.csv").write_text("id,score\n1,2\n")
    (tmp_path / "a.md").write_text(f"{PROBLEM}\n")
    (tmp_path / "b.md").write_text("Every week I waste hours fixing the broken export manually.\n")
    result = run_prfaq("insights", "empty.csv", "numbers.csv", "a.md", "b.md", "--format", "json", cwd=tmp_path)
    assert result.code == 0, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("prfaq: skipped")]
    assert len(skipped) == 2 and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["sources"] == [{"id": "a.md", "path": "a.md", "kind": "file"},
                                                    {"id": "b.md", "path": "b.md", "kind": "file"}]


def test_nothing_readable_is_exit_code_2(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    result = run_prfaq("insights", "empty.csv", cwd=tmp_path)
    assert result.code == 2
    assert "empty.csv is empty" in result.stderr and "Traceback" not in result.stderr


def test_no_recurring_problem_is_said_once(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("The bakery's oven thermometer drifts in winter.\n")
    (tmp_path / "b.md").write_text("Our courier app logs out every Friday.\n")
    result = run_prfaq("insights", "a.md", "b.md", "--offline", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert result.stdout.count("No customer problem recurs in two or more sources.") == 1
