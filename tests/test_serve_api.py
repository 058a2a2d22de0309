"""`prfaq serve`'s JSON API answers with what the CLI prints for `--format json`, keeps versions,
exports, and refuses what a local server holding a key must refuse."""

from __future__ import annotations

import io
import json

import pytest
from conftest import CANARY_KEY, FIXTURES, run_prfaq
from serve_helpers import GOOD_DOC
from starlette.testclient import TestClient


@pytest.fixture
def client(isolated_home):
    from assistant.config import load_settings
    from assistant.serve.app import create_app
    from assistant.serve.store import DocumentStore

    store = DocumentStore(isolated_home / "documents.db")
    app = create_app(load_settings(offline=True), store)
    with TestClient(app, base_url="http://127.0.0.1:8765") as test_client:
        yield test_client
    store.close()


def test_score_is_the_json_the_cli_prints(client, tmp_path):
    answer = client.post("/api/score", json={"text": GOOD_DOC})
    assert answer.status_code == 200
    body = answer.json()
    path = tmp_path / "doc.md"
    path.write_text(GOOD_DOC)
    cli = json.loads(run_prfaq("score", str(path), "--format", "json").stdout)
    assert body["clarity"] == cli["clarity"] and body["rubric"] == cli["rubric"]
    assert body["schema_version"] == cli["schema_version"]
    for finding in body["clarity"]["findings"]:  # every highlight is exactly the document's words
        assert GOOD_DOC[finding["start"]:finding["end"]] == finding["text"]


def test_questions_review_and_draft_answer_with_their_reports(client):
    questions = client.post("/api/questions", json={"text": GOOD_DOC, "top": 5}).json()
    assert len(questions["questions"]) == 5 and questions["engine"] == "offline"
    review = client.post("/api/review", json={"text": GOOD_DOC, "personas": ["cfo", "counsel"]}).json()
    assert [seat["id"] for seat in review["personas"]] == ["cfo", "counsel"]
    assert review["decision"]["verdict"] in ("approve", "revise", "reject")
    draft = client.post("/api/draft", json={"text": "Customer: grocers. Problem: shelves empty by noon."}).json()
    assert draft["markdown"].startswith("# ") and draft["engine"] == "offline"


def test_versions_are_kept_with_their_scores(client):
    first = client.post("/api/documents", json={"text": GOOD_DOC, "title": "Tally"}).json()
    better = GOOD_DOC.replace("It is very easy\nto use and it will significantly reduce", "It cuts")
    second = client.post("/api/documents", json={"text": better, "id": first["id"]}).json()
    assert second["id"] == first["id"] and [v["number"] for v in second["versions"]] == [1, 2]
    assert second["versions"][1]["score"] > second["versions"][0]["score"]
    listed = client.get("/api/documents").json()["documents"]
    latest = second["versions"][1]["score"]
    assert listed == [{"id": first["id"], "title": "Tally", "versions": 2, "latest_score": latest}]
    assert client.get(f"/api/documents/{first['id']}").json()["text"] == better


def test_export_gives_markdown_and_a_word_file_with_headings(client):
    md = client.post("/api/export", json={"text": GOOD_DOC, "format": "md", "name": "tally"})
    assert md.content.decode() == GOOD_DOC and 'filename="tally.md"' in md.headers["content-disposition"]
    word = client.post("/api/export", json={"text": GOOD_DOC, "format": "docx"})
    import docx

    document = docx.Document(io.BytesIO(word.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0].startswith("Tally cuts shelf restocking") and "Problem" in headings


def test_a_dropped_docx_is_read_like_a_file(client):
    import base64

    word = client.post("/api/export", json={"text": GOOD_DOC, "format": "docx"}).content
    outline = client.post("/api/outline", json={"text": "", "name": "tally.docx",
                                                "docx_base64": base64.b64encode(word).decode()})
    assert outline.status_code == 200 and "90 minutes a day" in outline.json()["text"]
    corrupt = client.post("/api/outline", json={"text": "", "name": "bad.docx",
                                                "docx_base64": base64.b64encode(b"PK\x03\x04junk").decode()})
    assert corrupt.status_code == 400 and "bad.docx" in corrupt.json()["error"]


@pytest.mark.parametrize("body, status, words", [
    (b"{not json", 400, "not valid JSON"),
    (b"[1, 2]", 400, "JSON object"),
    (json.dumps({"text": ""}).encode(), 400, "empty"),
    (json.dumps({"text": "ok", "colour": "red"}).encode(), 400, "colour"),
    (b"\xff\xfe", 400, "not valid JSON"),
])
def test_bad_bodies_get_one_clear_error(client, body, status, words):
    answer = client.post("/api/score", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == status and words in answer.json()["error"]


def test_a_body_over_the_limit_gets_413_and_the_server_keeps_serving(client, monkeypatch):
    answer = client.post("/api/score", json={"text": "word " * 2_000_000})
    assert answer.status_code == 413
    assert client.post("/api/score", json={"text": GOOD_DOC}).status_code == 200


def test_foreign_host_and_origin_are_refused(client):
    assert client.get("/", headers={"host": "evil.example"}).status_code == 403  # DNS rebinding
    refused = client.post("/api/score", json={"text": GOOD_DOC}, headers={"origin": "http://evil.example"})
    assert refused.status_code == 403  # CSRF
    cross_site = client.post("/api/score", json={"text": GOOD_DOC}, headers={"sec-fetch-site": "cross-site"})
    assert cross_site.status_code == 403
    same = client.post("/api/score", json={"text": GOOD_DOC}, headers={"origin": "http://localhost:8765"})
    assert same.status_code == 200


def test_every_answer_carries_a_policy_without_inline_scripts(client):
    page = client.get("/")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "default-src 'none'" in policy
    assert "<script>" not in page.text and " on" not in page.text.split("<body>")[1].split("=")[0]
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/../app.py").status_code == 404


def test_the_key_never_reaches_the_page(isolated_home, fake_llm):
    from pydantic import SecretStr

    from assistant.config import Settings
    from assistant.serve.app import create_app
    from assistant.serve.store import DocumentStore

    settings = Settings(base_url=fake_llm.base_url, api_key=SecretStr(CANARY_KEY), model="fake-model",
                        home=isolated_home)
    store = DocumentStore(isolated_home / "documents.db")
    with TestClient(create_app(settings, store), base_url="http://localhost") as client:
        status = client.get("/api/status").json()
        assert status == {"engine": "llm", "model": "fake-model", "reason": None}
        for path in ("/", "/static/app.js", "/api/status", "/api/documents"):
            answer = client.get(path)
            assert CANARY_KEY not in answer.text and fake_llm.base_url not in answer.text
    store.close()


def test_serve_help_and_a_taken_port_are_one_line(tmp_path):
    import socket

    assert "--no-browser" in run_prfaq("serve", "--help").stdout
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = run_prfaq("serve", "--no-browser", "--port", str(port), "--offline", timeout=60)
    assert result.code == 2, result.stderr
    assert "Traceback" not in result.stderr and f"127.0.0.1:{port}" in result.stderr


def test_revise_answers_with_its_report_and_line_changes_that_rebuild_the_revision(client):
    report = client.post("/api/revise", json={"text": GOOD_DOC}).json()
    assert report["score_after"] > report["score_before"] and report["changes"]
    lines = report["original"].split("\n")
    for change in reversed(report["changes"]):  # accepting every change gives the revised text
        lines[change["from_line"]:change["to_line"]] = change["after"]
    assert "\n".join(lines) == report["text"]
    assert report["fixes"] and "$49 per store per month" in report["text"]


def test_insights_from_dropped_files_name_their_sources_as_dropped(client):
    folder = FIXTURES / "insights" / "dev" / "interviews"
    interviews = [{"name": path.name, "text": path.read_text()} for path in sorted(folder.iterdir())[:12]]
    report = client.post("/api/insights", json={"sources": interviews}).json()
    assert report["schema_version"] and report["themes"]
    top = report["themes"][0]
    assert top["count"] == len(top["sources"]) >= 2
    assert all(source.startswith("interview-") for source in top["sources"])  # no temporary folder names
    texts = {s["text"] for s in interviews}
    for quote in top["quotes"]:
        assert any(text[quote["start"]:quote["end"]] == quote["text"] for text in texts)
    refused = client.post("/api/insights", json={"sources": [{"name": "x.exe", "text": "hi"}]})
    assert refused.status_code == 400 and "x.exe" in refused.json()["error"]


def test_questions_check_the_teams_own_list_in_order(client):
    asked = ["# ours", "How much does it cost?", "- Who is the customer?", ""]
    report = client.post("/api/questions", json={"text": GOOD_DOC, "ask": asked}).json()
    assert [q["question"] for q in report["questions"]] == ["How much does it cost?", "Who is the customer?"]
    assert report["questions"][0]["status"] == "answered"
    empty = client.post("/api/questions", json={"text": GOOD_DOC, "ask": ["# nothing"]})
    assert empty.status_code == 400 and "no question" in empty.json()["error"]
