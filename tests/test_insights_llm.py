"""`prfaq insights` with a model, against the loopback fake server: the model names and merges the
groups and proposes quotes; counts stay computed in code and no unverified quote is shown."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import run_prfaq
from fake_server import Reply, Request

from assistant.insights import gather, insights
from assistant.llm import Gateway

CORPUS = Path(__file__).parent / "fixtures" / "insights" / "dev"
INVENTED = "This product changed my life and I would pay double for it."
MAP = "You analyse what customers said"


def scripted_map(request: Request) -> Reply:
    """One theme per group, except that groups 1 and 2 are claimed as one theme; each theme gets a
    real quote (copied from its first statement) and an invented one."""
    text = request.text
    groups = [int(n) for n in re.findall(r"^Group (\d+) \(", text, re.M)]
    first_statement = {}
    for block in re.split(r"^(?=Group \d+ \()", text, flags=re.M):
        head = re.match(r"Group (\d+) \(", block)
        line = re.search(r"^\s+\[(\d+)\] (.+)$", block, re.M)
        if head and line:
            first_statement[int(head.group(1))] = (int(line.group(1)), line.group(2))
    themes = []
    for group in groups:
        if group == 2:
            continue
        number, words = first_statement[group]
        themes.append({"title": f"Customers hit problem {group}", "groups": [1, 2] if group == 1 else [group],
                       "quotes": [{"statement": number, "text": " ".join(words.split()[:8])},
                                  {"statement": number, "text": INVENTED}]})
    return Reply(content=json.dumps({"themes": themes}))


def test_counts_are_computed_in_code_and_invented_quotes_are_dropped(fake_llm, llm_settings) -> None:
    fake_llm.default = scripted_map
    paths = [CORPUS / "interviews", CORPUS / "tickets.csv"]
    offline = gather(paths, max_bytes=llm_settings.max_input_bytes)
    report = insights(paths, settings=llm_settings, gateway=Gateway(llm_settings))
    assert report.engine == "llm"
    assert all(MAP in r.messages[0]["content"] for r in fake_llm.chat_requests)
    merged_sources = set(offline.found[0].sources) | set(offline.found[1].sources)
    merged = next(t for t in report.themes if t.title == "Customers hit problem 1")
    assert set(merged.sources) == merged_sources and merged.count == len(merged_sources)
    texts = {}
    for theme in report.themes:
        assert theme.count == len(theme.sources)
        for quote in theme.quotes:
            assert quote.text != INVENTED
            assert quote.source in theme.sources
            path, _, row = quote.source.partition("#")
            if not row:
                from assistant.documents import load_document

                texts.setdefault(path, load_document(path).text)
                assert texts[path][quote.start:quote.end] == quote.text
    assert report.unverified_quotes == len(report.themes)  # one invented quote per theme, all dropped
    assert any("not found in their source" in note for note in report.notes)


def test_the_sources_reach_the_model_inside_the_envelope(fake_llm, llm_settings) -> None:
    fake_llm.default = scripted_map
    insights([CORPUS / "interviews"], settings=llm_settings, gateway=Gateway(llm_settings))
    assert "<<<STATEMENTS " in fake_llm.chat_requests[0].text


def test_dry_run_shows_the_cost_and_calls_nothing(fake_llm, llm_env) -> None:
    result = run_prfaq("insights", str(CORPUS / "interviews"), str(CORPUS / "tickets.csv"), "--dry-run")
    assert result.code == 0, result.stderr
    assert "a model run would make 1 call(s)" in result.stdout and "Nothing was sent" in result.stdout
    assert fake_llm.chat_requests == []


def test_the_command_uses_the_model_when_one_is_configured(fake_llm, llm_env) -> None:
    fake_llm.default = scripted_map
    result = run_prfaq("insights", str(CORPUS / "interviews"), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["themes"] and all(t["count"] == len(t["sources"]) for t in data["themes"])
    assert INVENTED not in result.stdout


def test_large_inputs_are_mapped_in_chunks_and_reduced(fake_llm, llm_settings, monkeypatch) -> None:
    from assistant.insights import llm as insights_llm

    monkeypatch.setattr(insights_llm, "TOKEN_BUDGET", 60)  # a few groups per call

    def route(request: Request) -> Reply:
        if MAP in request.messages[0]["content"]:
            return scripted_map(request)
        listed = re.findall(r"^\[(\d+)\] ", request.text, re.M)
        return Reply(content=json.dumps({"merged": [{"title": "Everything at once",
                                                     "themes": [int(n) for n in listed[:2]]}]}))

    fake_llm.default = route
    paths = [CORPUS / "interviews", CORPUS / "tickets.csv"]
    offline = gather(paths, max_bytes=llm_settings.max_input_bytes)
    report = insights(paths, settings=llm_settings, gateway=Gateway(llm_settings))
    maps = [r for r in fake_llm.chat_requests if MAP in r.messages[0]["content"]]
    assert len(maps) > 1 and len(fake_llm.chat_requests) == len(maps) + 1
    merged = next(t for t in report.themes if t.title == "Everything at once")
    inside = [set(g.sources) for g in offline.found if set(g.sources) <= set(merged.sources)]
    assert len(inside) >= 2  # the reduce step merged two themes: their groups' sources, counted once
    assert set(merged.sources) == set().union(*inside) and merged.count == len(merged.sources)
