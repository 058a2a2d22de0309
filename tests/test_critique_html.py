"""report.html escapes everything that came from a document or a model, allows no remote loads,
and renders its table in a real browser without running anything from the document."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import run_prfaq

from assistant.batch.models import DocResult, Excerpt
from assistant.clarity.models import ClarityReport, Finding
from assistant.render.html import SCRIPT, STYLE, ReportInfo, render_critique_html

SCRIPT_PAYLOAD = "<script>document.title='PWNED';document.body.setAttribute('data-pwned','script')</script>"
IMG_PAYLOAD = "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"
ATTR_PAYLOAD = "\" onmouseover=\"alert(1)\" x=\""

HOSTILE_DOC = f"""# Tally Counts Pharmacy Shelves {SCRIPT_PAYLOAD}

## Pharmacy owners scan shelves once a week {IMG_PAYLOAD}

PORTLAND, Oregon – June 1, 2030 – Many owners significantly {SCRIPT_PAYLOAD} dislike counting {IMG_PAYLOAD}.

Owners count boxes by hand every Friday, which takes about 3 hours a week {ATTR_PAYLOAD}.

"Now I scan on Thursday," said Maria Chen, owner of Chen Pharmacy.

## FAQ

**How much does it cost? {IMG_PAYLOAD}**
Tally costs $39 per store per month.
"""

GOOD_DOC = """# Ferry Booking Lets Island Passengers Reserve a Seat the Night Before

## Island ferry operators fill every crossing and stop turning people away at the dock

SEATTLE, WA – May 4, 2031 – Operators publish crossings and passengers book a seat from their phone.

Today 40 people a week are turned away at the dock because the boat is full.

"Last summer we turned away 40 people a week; now they book the night before," said Priya Nair, owner of
Nair Ferries.

## FAQ

**How much does it cost?**
It costs $20 per boat per month.
"""


def _hostile_result() -> DocResult:
    words = f"significantly {SCRIPT_PAYLOAD}"
    finding = Finding(rule="hedge", message=f"hedge {IMG_PAYLOAD}", start=10, end=10 + len(words), text=words,
                      line=3, column=1, deduction=1.5, suggestion=ATTR_PAYLOAD)
    clarity = ClarityReport(score=71.5, rule_set_version="t", findings=[finding])
    return DocResult(path=f"docs/{IMG_PAYLOAD}.md", sha256="0" * 64, status="ok", score=71.5, clarity=clarity,
                     warnings=[f"instruction-like content: {SCRIPT_PAYLOAD}"],
                     excerpts=[Excerpt(start=10, end=10 + len(words), before=f"{IMG_PAYLOAD} Many ", text=words,
                                       after=f" {ATTR_PAYLOAD}")])


def _failed_result() -> DocResult:
    return DocResult(path="docs/broken.md", sha256="1" * 64, status="error", error_kind="malformed",
                     error=f"the model said {SCRIPT_PAYLOAD}")


def _csp(page: str) -> str:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert match, "no Content-Security-Policy meta tag"
    return match.group(1).replace("&#x27;", "'")


def test_document_and_model_text_is_escaped_everywhere():
    page = render_critique_html([_hostile_result(), _failed_result()], ReportInfo(engine="offline"))
    for payload in (SCRIPT_PAYLOAD, IMG_PAYLOAD, ATTR_PAYLOAD, "<script>document", "<img src=x", "onerror=\""):
        assert payload not in page
    assert "&lt;script&gt;document.title=" in page  # shown, as text
    assert "&lt;img src=x onerror=" in page
    assert page.count("<script>") == 1  # ours, at the end
    assert "<mark>significantly &lt;script&gt;" in page  # escaped first, then highlighted


def test_the_policy_blocks_remote_loads_and_allows_only_our_own_script_and_style():
    page = render_critique_html([_hostile_result()], ReportInfo())
    policy = _csp(page)
    assert "default-src 'none'" in policy and "img-src data:" in policy
    digest = lambda text: base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()  # noqa: E731
    assert f"script-src 'sha256-{digest(SCRIPT)}'" in policy
    assert f"style-src 'sha256-{digest(STYLE)}'" in policy
    assert "unsafe-inline" not in policy
    assert f"<script>{SCRIPT}</script>" in page and f"<style>{STYLE}</style>" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page), "a remote resource is referenced"
    assert " style=" not in page  # inline style attributes would need 'unsafe-inline'


def test_a_critique_run_escapes_a_hostile_document_in_report_html(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "hostile.md").write_text(HOSTILE_DOC)
    (docs / "good.md").write_text(GOOD_DOC)
    (docs / f"{IMG_PAYLOAD}.md").write_text(GOOD_DOC)
    out = tmp_path / "out"
    result = run_prfaq("critique", str(docs), "--out", str(out), "--offline")
    assert result.code in (0, 1), result.stderr
    page = (out / "report.html").read_text()
    for payload in (SCRIPT_PAYLOAD, IMG_PAYLOAD, "<img src=x"):
        assert payload not in page
    assert "&lt;script&gt;document.title=" in page  # the document's text reached the report, escaped
    summary = (out / "summary.md").read_text()
    assert "<script>" not in summary and "<img" not in summary


def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("PRFAQ_REQUIRE_CHROMIUM"):
            pytest.fail("PRFAQ_REQUIRE_CHROMIUM=1 but chromium is not installed (apt-get install chromium)")
        pytest.skip("headless Chromium not installed (Debian: apt-get install chromium); .ci/run installs it")
    return found


def test_report_html_renders_in_headless_chromium_and_runs_nothing_from_the_documents(tmp_path: Path):
    browser = _chromium()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "hostile.md").write_text(HOSTILE_DOC)
    (docs / "good.md").write_text(GOOD_DOC)
    (docs / f"{IMG_PAYLOAD}.md").write_text(GOOD_DOC)
    (docs / "empty.md").write_text("")
    out = tmp_path / "out"
    result = run_prfaq("critique", str(docs), "--out", str(out), "--offline")
    assert result.code in (0, 1), result.stderr
    assert len((out / "results.jsonl").read_text().splitlines()) == 4
    profile = tmp_path / "chromium-profile"
    dom = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         f"--user-data-dir={profile}", (out / "report.html").as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    html = dom.stdout
    rows = re.findall(r'<tr class="doc">', html)
    assert len(rows) == 4, "the table did not render one row per document"
    assert 'data-sortable="ready"' in html, "our own (hashed) script did not run"
    assert "PWNED" not in re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "data-pwned" not in html.split("<body", 1)[1].split(">", 1)[0], "a script from a document ran"
    assert not re.search(r"<img[^>]*src=\"?x", html), "an <img> from a document became an element"
    assert html.count("<script") == 1
    assert "&lt;script&gt;document.title=" in html  # the text is there, as text
    lines = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert {Path(line["path"]).name for line in lines} >= {"hostile.md", f"{IMG_PAYLOAD}.md"}
