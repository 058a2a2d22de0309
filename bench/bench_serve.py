"""How long a writer waits in `prfaq serve`: from a keystroke to the updated score.

    python bench/bench_serve.py [--rounds 20]

Prints the API round trip for /api/score on a one-page PR/FAQ (median and worst of --rounds), and,
when Chromium and Playwright are installed, the time in a real browser from an edit that changes
the score to the new score on the page (it includes the page's 350 ms debounce).
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from serve_helpers import RunningServer  # noqa: E402

DOC = (REPO / "examples" / "docs" / "tally-prfaq.md").read_text(encoding="utf-8")


def api_round_trips(server: RunningServer, rounds: int) -> list[float]:
    body = json.dumps({"text": DOC}).encode()
    times = []
    for index in range(rounds + 1):
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        start = time.perf_counter()
        connection.request("POST", "/api/score", body=body, headers={"Content-Type": "application/json",
                                                                     "Host": f"127.0.0.1:{server.port}"})
        connection.getresponse().read()
        if index:  # the first request warms the word lists
            times.append(time.perf_counter() - start)
        connection.close()
    return times


def browser_keystroke_to_score(server: RunningServer, rounds: int) -> list[float] | None:
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if chromium is None:
        return None
    times = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu",
                                         "--disable-background-networking", "--disable-component-update"])
        page = browser.new_page()
        page.goto(server.url + "/")
        for index in range(rounds):
            before = page.text_content("#score")
            # Alternate a weasel word in and out, so that every edit changes the score.
            text = DOC + ("\nIt is significantly better." if index % 2 == 0 else "")
            start = time.perf_counter()
            page.fill("#doc", text)
            while page.text_content("#score") == before:
                page.wait_for_timeout(5)
            times.append(time.perf_counter() - start)
        browser.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        server = RunningServer(Path(home)).start()
        try:
            api = api_round_trips(server, args.rounds)
            print(f"/api/score round trip, one-page PR/FAQ: median {statistics.median(api) * 1000:.0f} ms, "
                  f"worst {max(api) * 1000:.0f} ms ({args.rounds} requests)")
            page = browser_keystroke_to_score(server, max(4, args.rounds // 4))
            if page is None:
                print("browser: skipped (needs chromium and playwright)")
            else:
                print(f"edit -> new score on the page (incl. 350 ms debounce): median "
                      f"{statistics.median(page) * 1000:.0f} ms, worst {max(page) * 1000:.0f} ms ({len(page)} edits)")
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
