"""`prfaq serve` in a real browser (Debian's headless Chromium, driven by Playwright): typing
updates the score and draws highlights, a hostile document runs nothing, the page works by
keyboard alone, and a running server refuses what it must. Screenshots land in test-artifacts/."""

from __future__ import annotations

import http.client
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from fake_server import schema_echo
from serve_helpers import GOOD_DOC, RunningServer

ARTIFACTS = REPO / "test-artifacts"
HOSTILE = ('# <img src=x onerror="window.pwned=1">Hostile launch\n\n<script>window.pwned=2</script>\n\n'
           'SEATTLE — May 4, 2027 — It is very easy and significantly faster. '
           '<svg onload="window.pwned=3"></svg>\n')


@pytest.fixture
def server(isolated_home):
    running = RunningServer(isolated_home).start()
    yield running
    running.stop()


def _raw(server: RunningServer, method: str, path: str, body: bytes = b"", headers: dict | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers={"Host": f"127.0.0.1:{server.port}", **(headers or {})})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_a_running_server_refuses_rebinding_csrf_big_and_malformed_bodies_and_keeps_serving(server):
    doc = json.dumps({"text": GOOD_DOC}).encode()
    json_type = {"Content-Type": "application/json"}
    assert _raw(server, "GET", "/", headers={"Host": "attacker.example:8765"})[0] == 403
    assert _raw(server, "POST", "/api/score", doc, {**json_type, "Origin": "https://attacker.example"})[0] == 403
    big = b'{"text": "' + b"a" * (server.settings.max_input_bytes * 2 + 70_000) + b'"}'
    assert _raw(server, "POST", "/api/score", big, json_type)[0] == 413
    assert _raw(server, "POST", "/api/score", b"{oops", json_type)[0] == 400
    status, body = _raw(server, "POST", "/api/score", doc, json_type)
    assert status == 200 and json.loads(body)["clarity"]["score"] > 0


def _browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("PRFAQ_REQUIRE_CHROMIUM"):
            pytest.fail("PRFAQ_REQUIRE_CHROMIUM=1 but chromium is not installed (apt-get install chromium)")
        pytest.skip("headless Chromium not installed (Debian: apt-get install chromium); .ci/run installs it")
    playwright = pytest.importorskip("playwright.sync_api")
    return chromium, playwright


@contextmanager
def _open(url: str) -> Iterator[Any]:
    chromium, playwright = _browser()
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        tab.dialogs = []  # type: ignore[attr-defined]
        tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
        tab.goto(url)
        yield tab
        browser.close()


@pytest.fixture
def page(server, tmp_path):
    with _open(server.url + "/") as tab:
        yield tab


@pytest.fixture
def slow_model_page(isolated_home, llm_settings, fake_llm):
    """The page on a server whose model (the fake) takes 0.8 s a call."""
    fake_llm.default = schema_echo
    fake_llm.latency = 0.8
    settings = llm_settings.model_copy(update={"model": "gpt-4o-mini", "structured_mode": "json_schema"})
    running = RunningServer(isolated_home, settings).start()
    try:
        with _open(running.url + "/") as tab:
            yield tab
    finally:
        running.stop()


def _scored(page, above: float | None = None) -> float:
    """Wait (polling from Python: the page's policy forbids the driver's string eval) for a score."""
    import time

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        text = page.text_content("#score") or "–"
        if text != "–" and (above is None or float(text) > above):
            return float(text)
        page.wait_for_timeout(100)
    raise AssertionError(f"no score{'' if above is None else f' above {above}'}: {page.text_content('#score')}")


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"serve-{name}.png"), full_page=True)


def test_typing_updates_the_score_and_draws_highlights(page):
    page.fill("#doc", GOOD_DOC)
    _scored(page)
    first = float(page.text_content("#score"))
    assert page.locator("#preview mark.finding").count() >= 2  # "very", "significantly", ...
    marked = page.locator("#preview mark.finding").all_text_contents()
    assert any("significantly" in text for text in marked)
    _shot(page, "score")
    # Fix a weasel-worded sentence: the score goes up, as the writer types.
    page.fill("#doc", GOOD_DOC.replace(" It is very easy\nto use and it will significantly reduce the time spent on "
                                       "restocking, which many grocers find painful.", ""))
    _scored(page, above=first)
    page.click("button[data-tab=questions]")
    page.click("#ask")
    page.wait_for_selector("#questions li .status-answered, #questions li .status-unanswered")
    page.click("button[data-tab=review]")
    page.click("#review")
    page.wait_for_selector("#review-out .verdict")
    _shot(page, "review")


def test_revise_shows_each_change_and_applies_only_the_accepted_ones(page):
    page.fill("#doc", GOOD_DOC)
    before = _scored(page)
    page.click("button[data-tab=revise]")
    page.click("#revise")
    page.wait_for_selector("#apply-revision")
    boxes = page.locator("table.diff input[type=checkbox]")
    assert boxes.count() >= 1
    _shot(page, "revise")
    page.click("#apply-revision")
    _scored(page, above=before)
    assert "$49 per store per month" in page.input_value("#doc")


def test_a_hostile_document_runs_nothing(page):
    page.fill("#doc", HOSTILE)
    _scored(page)
    page.click("button[data-tab=review]")
    page.click("#review")
    page.wait_for_selector("#review-out .verdict")
    assert page.evaluate("window.pwned") is None
    assert page.dialogs == []
    assert page.locator("#preview img, #preview script, #preview svg").count() == 0
    assert "<script>window.pwned=2</script>" in page.text_content("#preview")  # shown as text
    _shot(page, "hostile")


def test_the_page_works_by_keyboard_alone(page):
    page.keyboard.press("Tab")
    for _ in range(20):  # Tab until the editor has the focus
        if page.evaluate("document.activeElement.id") == "doc":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "doc"
    page.keyboard.type("# Tally counts shelves\n\nIt is very fast and significantly better.")
    _scored(page)
    for _ in range(30):  # on to the Questions tab, then open it with Enter
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.tab") == "questions":
            break
    page.keyboard.press("Enter")
    assert page.is_visible("#ask")
    for _ in range(5):  # past the remaining tab buttons to the panel's own button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "ask":
            break
    assert page.evaluate("document.activeElement.id") == "ask"
    page.keyboard.press("Enter")
    page.wait_for_selector("#questions li .status-unanswered")
    _shot(page, "keyboard")


def test_the_artifacts_folder_is_ignored_by_git():
    assert "test-artifacts/" in (REPO / ".gitignore").read_text().splitlines()
    assert Path(ARTIFACTS).name == "test-artifacts"


def test_a_slow_model_call_shows_its_progress_then_its_tokens_and_cost(slow_model_page, fake_llm):
    page = slow_model_page
    page.fill("#doc", GOOD_DOC)
    _scored(page)
    page.click("button[data-tab=review]")
    page.click("#review")
    # While the readers read, and then while the chair decides (0.8 s a call), the page says so.
    page.wait_for_selector("#review-out .progress:has-text('reading started')")
    page.wait_for_selector("#review-out .progress:has-text('decision started')")
    progress = page.text_content("#review-out .progress") or ""
    assert "model calls" in progress and "tokens" in progress and "$" in progress, progress
    assert page.locator("#review-out .verdict").count() == 0
    _shot(page, "progress")
    page.wait_for_selector("#review-out .verdict")
    assert page.locator("#review-out .progress").count() == 0
    cost = page.text_content("#review-out .cost") or ""
    sent = len(fake_llm.chat_requests)  # each of the fake's replies reports 11 + 7 tokens
    assert f"{sent * 18:,} tokens" in cost and "$" in cost, cost


def test_a_drafts_press_release_shows_as_the_model_writes_it_as_text_then_the_result(slow_model_page, fake_llm):
    """The model's words (a <script> among them) appear while the later calls run (0.8 s each),
    as text, and the checked draft replaces them."""
    from fake_server import Reply, requested_schema

    written = ("### Headline\nTally counts shelves <script>window.pwned=4</script>"
               "<img src=x onerror=\"window.pwned=5\">\n"
               "### Problem\nOwners of one to five stores spend 90 minutes a day counting shelves by hand.\n")
    fake_llm.default = lambda request: Reply(written) if requested_schema(request) is None else schema_echo(request)
    page = slow_model_page
    page.click("button[data-tab=draft]")
    page.fill("#notes", GOOD_DOC)
    page.click("#draft")
    page.wait_for_selector("#draft-out pre.live")
    assert "<script>window.pwned=4</script>" in (page.text_content("#draft-out pre.live") or "")
    assert page.locator("#draft-out pre.draft").count() == 0  # the result is not there yet
    _shot(page, "draft-streaming")
    page.wait_for_selector("#draft-out pre.draft")
    assert page.locator("#draft-out pre.live").count() == 0
    assert page.locator("#draft-out script, #draft-out img").count() == 0
    assert page.evaluate("window.pwned") is None and page.dialogs == []
