"""How fast and how well-behaved is `prfaq critique`? Figures for the closing note of issue 7.

    .venv/bin/python bench/bench_critique.py [--docs 1000] [--llm-docs 60] [--latency 0.2] [--skip-llm]
        [--offline-only score]

1. Offline: documents per second and peak RSS of `prfaq critique` (the real CLI, in a child
   process) over N generated one-page PR/FAQs, and proselint (its Python API, also in a child
   process) over the same files in the same run.
2. LLM path against the loopback fake server (tests/fake_server.py) with a fixed latency per
   call: the span of model traffic against the ideal calls x latency / concurrency at
   concurrency 8 and 32, and the most requests ever in flight.
3. The same with 20% injected faults (429 with Retry-After, 500, a malformed body): how every
   document ended, none twice, none missing.
4. A re-run over the same folder: model requests made (target 0).

Figures, not assertions: tests never time anything.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ONLY = "score,questions,review"

TEMPLATES = [
    """# {product} lets {customer}s {benefit} in {minutes} minutes

## {customer_cap}s {subbenefit}, without a phone call or a spreadsheet

{city}, {month} {day}, 2031 — Today {company} launches {product}, an app that lets a {customer} {benefit} and see
the result the same day.

Today, a {customer} who needs to {benefit} calls three people, waits on hold, and fills in a paper form. In our
survey of {survey} {customer}s, this took {before} minutes each time, and {share} of the {survey} did it every
week, losing about ${loss} each time. {weasel} {customer}s {hedge} give up instead, which {could} waste a lot of
money.

With {product}, the {customer} opens the app, checks the numbers, and sends the request. The team confirms within
five minutes. The app learns what each {customer} needs on which day and suggests it before anyone asks. Requests
are tracked by the {acronym} and the ERP.

"{customer_cap}s told us they lose their Fridays to the phone," said {leader}, general manager of {product} at
{company}. "We built this so that they can spend that time with their own customers instead of on hold."

Getting started takes three steps. First, download the app. Then, scan the code on your last invoice. Finally,
tap what you want to {benefit_short}. The app is {hype} and works seamlessly on any phone.

"I used to spend Friday mornings on hold. Now I do it from the aisle in ten seconds," said {customer_name},
owner of {shop} in {town}.

{product} is available today in {region} at ${price} per month, with the first 30 days free. Visit
{site} to sign up.

## External FAQ

**Q: How much does it cost?**
${price} per month, after 30 free days. There are no setup fees.

**Q: Which suppliers does it work with?**
Any supplier that accepts orders by e-mail; {suppliers} suppliers already confirm orders in the app.

## Internal FAQ

**Q: How many {customer}s could use this?**
About {market} in the two launch states; we expect {target} to sign up in the first year.

**Q: What will we not do?**
We will not hold stock, set prices or lend money. TBD: delivery tracking.
""",
    """# {product}: {customer}s {benefit} before lunch

{product} helps every {customer} {benefit_short} without paperwork. {city} – {month} {day}, 2030 – {company}
announced {product} today. It is a {hype} new way for {customer}s to {benefit}.

{weasel} {customer}s spend {before} minutes a week on this job, and {share} of them say it is the worst part of
the week. It {could} be {hype}. The {acronym} team significantly improved the flow.

"We are thrilled," said {leader}. "This changes everything for {customer}s."

"It saves me {before} minutes a week," said {customer_name} of {shop}, {town}.

To start, sign up at {site}. The price is ${price} a month.

## FAQ

**Who is it for?**
{customer_cap}s in {region}.

**What does it cost?**
${price} a month.
""",
]

WORDS = {
    "product": ["Shelf Restock", "Dock Planner", "Crew Roster", "Clinic Queue", "Farm Ledger", "Route Board"],
    "customer": ["store manager", "ferry operator", "shift lead", "clinic nurse", "farmer", "dispatcher"],
    "benefit": ["reorder stock", "book a crossing", "fill a shift", "move an appointment", "log a harvest",
                "plan a route"],
    "benefit_short": ["reorder", "book", "fill", "move", "log", "plan"],
    "subbenefit": ["refill an empty shelf by the next morning", "fill every seat", "cover every shift",
                   "see every patient on time"],
    "city": ["SEATTLE", "PORTLAND, Oregon", "BOISE, Idaho", "SPOKANE, Washington"],
    "month": ["March", "June", "September", "November"],
    "company": ["Northwind", "Contoso", "Fabrikam", "Tailspin"],
    "weasel": ["Many", "Most", "Nearly all", "Some"],
    "hedge": ["significantly", "arguably", "often", "usually"],
    "could": ["could", "might", "may"],
    "acronym": ["OMS", "WMS", "CRM", "TMS"],
    "leader": ["Dana Lee", "Sam Ortiz", "Priya Nair", "Tom Becker"],
    "customer_name": ["Maria Gonzalez", "Ken Watanabe", "Aisha Bello", "Lars Olsen"],
    "shop": ["Gonzalez Market", "Harbor Ferries", "Bello Clinic", "Olsen Farms"],
    "town": ["Tacoma", "Astoria", "Yakima", "Bend"],
    "region": ["Washington and Oregon", "Idaho", "the Pacific Northwest"],
    "hype": ["very easy to use", "revolutionary", "game-changing", "simple"],
    "site": ["northwind.example/restock", "contoso.example/start", "fabrikam.example/go"],
}


def generate(folder: Path, count: int, seed: int = 11) -> list[Path]:
    """`count` one-page PR/FAQs from the templates, each with different words and numbers."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        values = {key: rng.choice(options) for key, options in WORDS.items()}
        values["customer_cap"] = values["customer"][0].upper() + values["customer"][1:]
        values.update(minutes=rng.randint(2, 15), day=rng.randint(1, 28), survey=rng.randint(20, 90),
                      before=rng.randint(30, 120), share=f"{rng.randint(20, 45)}", loss=rng.randint(100, 900),
                      price=rng.choice([19, 29, 39, 49, 99]), suppliers=rng.randint(5, 60),
                      market=f"{rng.randint(2, 40) * 1000:,}", target=rng.randint(100, 900))
        text = TEMPLATES[index % len(TEMPLATES)].format(**values)
        path = folder / f"doc-{index:04d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def run_child(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str, str, float]:
    """Run a child process; return (wall seconds, its peak RSS in MB, stdout, stderr, CPU seconds). The CPU
    time is user + system of the child and of the processes it waited for (critique's worker pool)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=REPO)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return wall, int(usage.ru_maxrss / 1024), out.read().decode(), err.read().decode(), cpu


PROSELINT = """
import sys, time
from pathlib import Path
from proselint.checks import __register__
from proselint.registry import CheckRegistry
from proselint.tools import LintFile
CheckRegistry().register_many(__register__)
paths = sorted(Path(sys.argv[1]).glob("*.md"))
started = time.perf_counter()
errors = sum(len(LintFile(path).lint()) for path in paths)
print(len(paths), errors, time.perf_counter() - started)
"""


def offline(count: int, workdir: Path, only: str) -> None:
    docs = workdir / "offline-docs"
    generate(docs, count)
    env = {**os.environ, "PRFAQ_HOME": str(workdir / "home-offline")}
    for key in ("OPENAI_BASE_URL", "OPENAI_API_KEY"):
        env.pop(key, None)
    out = workdir / "offline-out"
    argv = [sys.executable, "-m", "assistant", "critique", str(docs), "--out", str(out), "--offline", "--only", only]
    wall, rss, stdout, stderr, cpu = run_child(argv, env)
    lines = (out / "results.jsonl").read_text().splitlines()
    ok = sum(1 for line in lines if json.loads(line)["status"] == "ok")
    print(f"offline prfaq critique --only {only}: {count} documents in {wall:.2f} s = {count / wall:.1f} docs/s "
          f"(whole process, start-up included); CPU {cpu:.2f} s = {cpu / count * 1000:.0f} ms per document; "
          f"peak RSS {rss} MB; {ok} ok, {len(lines) - ok} failed")
    print(f"  results.jsonl {os.path.getsize(out / 'results.jsonl') / 1e6:.1f} MB, "
          f"report.html {os.path.getsize(out / 'report.html') / 1e6:.1f} MB")
    p_wall, p_rss, p_out, p_err, p_cpu = run_child([sys.executable, "-c", PROSELINT, str(docs)])
    if not p_out.strip():
        print("proselint failed:", p_err[-500:])
        return
    files, errors, lint_seconds = p_out.split()
    print(f"proselint (Python API): {files} documents in {p_wall:.2f} s = {int(files) / p_wall:.1f} docs/s "
          f"(lint loop alone {float(lint_seconds):.2f} s); CPU {p_cpu:.2f} s; peak RSS {p_rss} MB; "
          f"{errors} lint results")
    ratio = p_wall / wall
    print(f"  prfaq runs at {ratio:.2f}x proselint's speed over the same files (whole processes, wall; "
          f"CPU {p_cpu / cpu:.2f}x; the goal of issue 20 is at least 1x: {'met' if ratio >= 1 else 'missed'})")


def load_fake_server():
    spec = importlib.util.spec_from_file_location("fake_server", REPO / "tests" / "fake_server.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["fake_server"] = module
    spec.loader.exec_module(module)
    return module


def start_fake(fake_module, latency: float, fault_rate: float = 0.0):
    fake = fake_module.FakeLLM().start()
    # The fake answers with two writes (headers, then body); with Nagle's algorithm on, the second
    # waits for the client's delayed ACK, adding ~40 ms to every call. Real servers set TCP_NODELAY.
    fake._server.RequestHandlerClass.disable_nagle_algorithm = True
    fake.default = fake_module.schema_echo
    fake.latency = latency
    fake.fault_rate = fault_rate
    return fake


def llm_run(fake, docs: Path, home: Path, out: Path, concurrency: int) -> dict:
    """One `prfaq critique` run against `fake`; the fake's counters are read as deltas."""
    before = len(fake.chat_requests)
    fake.max_in_flight = 0
    fake.traffic_start = fake.traffic_end = None
    env = {**os.environ, "PRFAQ_HOME": str(home), "OPENAI_BASE_URL": fake.base_url, "OPENAI_API_KEY": "sk-bench",
           "PRFAQ_MODEL": "gpt-4o-mini", "PRFAQ_STRUCTURED_MODE": "json_schema", "PRFAQ_TIMEOUT": "30"}
    argv = [sys.executable, "-m", "assistant", "critique", str(docs), "--out", str(out),
            "--concurrency", str(concurrency), "--only", ONLY]
    wall, rss, stdout, stderr, cpu = run_child(argv, env)
    requests = len(fake.chat_requests) - before
    span = (fake.traffic_end - fake.traffic_start) if fake.traffic_start and fake.traffic_end else 0.0
    lines = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    return {"wall": wall, "cpu": cpu, "rss": rss, "requests": requests, "span": span,
            "max_in_flight": fake.max_in_flight, "lines": lines, "stdout": stdout, "stderr": stderr}


def throughput(fake_module, workdir: Path, count: int, concurrency: int, latency: float) -> None:
    docs = workdir / f"llm-docs-{count}"
    if not docs.exists():
        generate(docs, count, seed=5)
    fake = start_fake(fake_module, latency)
    name = f"c{concurrency}-{latency}-{count}"
    run = llm_run(fake, docs, workdir / f"home-{name}", workdir / f"out-{name}", concurrency)
    fake.stop()
    ideal = run["requests"] * latency / concurrency
    ok = sum(1 for line in run["lines"] if line["status"] == "ok")
    print(f"LLM path, concurrency {concurrency}, {latency * 1000:.0f} ms per call, {count} documents: "
          f"{run['requests']} requests; model traffic {run['span']:.2f} s vs ideal {ideal:.2f} s "
          f"({(run['span'] / ideal - 1) * 100:+.1f}%); max in flight {run['max_in_flight']}; "
          f"{ok}/{len(run['lines'])} ok; process wall {run['wall']:.2f} s, CPU {run['cpu'] / count * 1000:.0f} ms per "
          f"document, peak RSS {run['rss']} MB")
    if ok < len(run["lines"]):
        print("  first error:", next(line["error"] for line in run["lines"] if line["status"] != "ok"))


def faults_and_rerun(fake_module, workdir: Path, count: int, latency: float) -> None:
    docs = workdir / f"llm-docs-{count}"
    if not docs.exists():
        generate(docs, count, seed=5)
    fake = start_fake(fake_module, latency, fault_rate=0.2)
    home, out = workdir / "home-faults", workdir / "out-faults"
    run = llm_run(fake, docs, home, out, 8)
    paths = [line["path"] for line in run["lines"]]
    errors = [line for line in run["lines"] if line["status"] != "ok"]
    kinds: dict[str, int] = {}
    for line in errors:
        kinds[line["error_kind"]] = kinds.get(line["error_kind"], 0) + 1
    print(f"20% faults (429 Retry-After 0 / 500 / malformed body), concurrency 8: {len(paths)} lines for {count} "
          f"documents, {len(set(paths))} distinct, missing {count - len(set(paths))}, duplicated "
          f"{len(paths) - len(set(paths))}; {count - len(errors)} ok, {len(errors)} errors {kinds}; errors "
          f"without a reason: {sum(1 for line in errors if not line['error'])}; {run['requests']} requests")
    if errors:
        print("  e.g.:", errors[0]["error"][:240])
    fake.fault_rate = 0.0
    again = llm_run(fake, docs, home, out, 8)
    final = again["lines"]
    print(f"  the same command again, faults off: {again['requests']} requests (the {len(errors)} failed documents "
          f"only, finished calls from the cache); {sum(1 for line in final if line['status'] == 'ok')}/{len(final)} "
          f"ok, {len({line['path'] for line in final})} distinct paths")
    rerun = llm_run(fake, docs, home, out, 8)
    print(f"re-run over the same folder (same --out): {rerun['requests']} model requests; "
          f"{rerun['stdout'].splitlines()[0] if rerun['stdout'] else rerun['stderr'][-300:]}")
    fresh = llm_run(fake, docs, home, workdir / "out-fresh", 8)
    print(f"re-run into a new --out (nothing to resume, same cache): {fresh['requests']} model requests")
    fake.stop()


def llm(count: int, latency: float, workdir: Path) -> None:
    fake_module = load_fake_server()
    throughput(fake_module, workdir, count, 8, latency)
    throughput(fake_module, workdir, count * 4, 32, latency)
    faults_and_rerun(fake_module, workdir, count, 0.01)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--llm-docs", type=int, default=40, help="documents at concurrency 8 (x4 at 32)")
    parser.add_argument("--latency", type=float, default=1.0, help="seconds the fake server adds to each call")
    parser.add_argument("--skip-llm", action="store_true")
    parser.add_argument("--skip-offline", action="store_true")
    parser.add_argument("--only", default="score,questions,review", help="parts for the LLM runs")
    parser.add_argument("--offline-only", default="score,questions,review",
                        help="parts for the offline run (--offline-only score shows the floor: load, score, outputs)")
    args = parser.parse_args()
    global ONLY
    ONLY = args.only
    with tempfile.TemporaryDirectory(prefix="prfaq-bench-") as tmp:
        workdir = Path(tmp)
        if not args.skip_offline:
            offline(args.docs, workdir, args.offline_only)
        if not args.skip_llm:
            llm(args.llm_docs, args.latency, workdir)


if __name__ == "__main__":
    main()
