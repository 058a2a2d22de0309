// prfaq serve: the page. Every piece of document text reaches the page through textContent or
// createTextNode, never as HTML, so a document holding <script> or onerror= runs nothing.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { score: null, review: null, docId: null, timer: null, seq: 0, running: {} };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function say(text) { $("message").textContent = text || ""; }

async function post(path, body, signal) {
  const response = await fetch(path, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), signal,
  });
  if (!response.ok) {
    let message = response.statusText;
    try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return response;
}
async function postJson(path, body) { return (await post(path, body)).json(); }

// --- score as you type ------------------------------------------------------------------------
function scheduleScore() {
  clearTimeout(state.timer);
  state.timer = setTimeout(runScore, 350);
}

async function runScore() {
  const text = $("doc").value;
  const seq = ++state.seq;
  if (!text.trim()) { state.score = null; renderScore(); return; }
  try {
    const report = await postJson("/api/score", { text });
    if (seq !== state.seq) return; // a newer keystroke already asked again
    state.score = report;
    say("");
    renderScore();
  } catch (error) { if (seq === state.seq) say(error.message); }
}

function renderScore() {
  const report = state.score;
  $("score").textContent = report ? report.clarity.score.toFixed(2).replace(/\.?0+$/, "") : "–";
  const list = $("findings");
  list.replaceChildren();
  if (report) {
    report.clarity.findings.forEach((finding, index) => {
      const button = el("button", { type: "button", "data-index": index, onclick: () => selectSpan(finding) },
        el("span", { class: "rule" }, finding.rule), ` line ${finding.line}: ${finding.message} `,
        el("span", { class: "fix" }, finding.suggestion ? `Fix: ${finding.suggestion}` : `“${finding.text}”`));
      button.addEventListener("mouseenter", () => activate(index));
      button.addEventListener("focus", () => activate(index));
      list.append(el("li", {}, button));
    });
    if (!report.clarity.findings.length) list.append(el("li", {}, "No clarity findings."));
  }
  const rubric = $("rubric");
  rubric.replaceChildren();
  for (const element of report ? report.rubric.elements : []) {
    rubric.append(el("li", { class: element.status }, `${element.id.replaceAll("_", " ")}: ${element.status}`,
      element.reason ? ` (${element.reason})` : ""));
  }
  renderPreview();
}

// --- highlights -------------------------------------------------------------------------------
function spans() {
  const text = $("doc").value;
  const out = [];
  for (const [index, finding] of (state.score ? state.score.clarity.findings : []).entries()) {
    out.push({ start: finding.start, end: finding.end, text: finding.text, kind: "finding", index,
               title: `${finding.rule}: ${finding.message}${finding.suggestion ? " Fix: " + finding.suggestion : ""}` });
  }
  for (const seat of state.review ? state.review.personas : []) {
    for (const finding of seat.findings) {
      if (finding.gap) continue;
      const q = finding.quote;
      out.push({ start: q.start, end: q.end, text: q.text, kind: "review", title: `${seat.name}: ${finding.question}` });
    }
  }
  // Only spans that are still exactly the document's words (the text may have changed since).
  return out.filter((s) => s.end > s.start && text.slice(s.start, s.end) === s.text)
            .sort((a, b) => a.start - b.start || b.end - a.end);
}

function renderPreview() {
  const text = $("doc").value;
  const preview = $("preview");
  preview.replaceChildren();
  let at = 0;
  for (const span of spans()) {
    if (span.start < at) continue; // overlapping: the first one wins
    preview.append(document.createTextNode(text.slice(at, span.start)));
    const mark = el("mark", { class: span.kind, title: span.title }, text.slice(span.start, span.end));
    if (span.index !== undefined) mark.dataset.index = span.index;
    preview.append(mark);
    at = span.end;
  }
  preview.append(document.createTextNode(text.slice(at)));
}

function activate(index) {
  for (const mark of $("preview").querySelectorAll("mark.active")) mark.classList.remove("active");
  const mark = $("preview").querySelector(`mark[data-index="${index}"]`);
  if (mark) { mark.classList.add("active"); mark.scrollIntoView({ block: "nearest" }); }
}

function selectSpan(span) {
  const doc = $("doc");
  if (doc.value.slice(span.start, span.end) !== span.text) { say("The text changed since; score it again."); return; }
  doc.focus();
  doc.setSelectionRange(span.start, span.end);
  const line = doc.value.slice(0, span.start).split("\n").length;
  doc.scrollTop = Math.max(0, (line - 3) * parseFloat(getComputedStyle(doc).lineHeight || "20"));
}

// --- long jobs: progress, tokens and cost as they run ---------------------------------------------
// POST /api/stream/<job> answers one JSON object a line: start, a step per model call, the text a
// model is writing as it arrives (token lines), then the result (the same JSON as /api/<job>) or an
// error. Starting a job again, or leaving the page, closes the stream, and the server makes no
// further model call for it.
function money(usd) {
  if (usd === 0) return "$0";
  if (usd < 0.0001) return "under $0.0001";
  return usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

function usageText(start, usage) {
  if (!start || start.engine === "offline") return "Offline engine: no model calls, no cost.";
  const tokens = (usage.prompt_tokens + usage.completion_tokens).toLocaleString("en-US");
  const cost = start.priced ? money(usage.cost_usd) : `cost unknown (no price for ${start.model})`;
  const cached = usage.cache_hits ? ` (${usage.cache_hits} from the cache)` : "";
  return `${usage.calls} model call${usage.calls === 1 ? "" : "s"}${cached} · ${tokens} tokens · ${cost}`;
}

// The model's words as it writes them: plain text (appended as text nodes, never parsed as HTML)
// under the progress line, until the checked result replaces the whole panel.
function liveText(out, what) {
  let box = null;
  return (event) => {
    if (!box) {
      box = el("pre", { class: "live", "aria-label": `The ${what} as the model writes it` });
      out.append(el("p", { class: "hint" }, `The model is writing the ${what}; the checked result will replace it.`), box);
    }
    box.append(event.text);
    box.scrollTop = box.scrollHeight;
  };
}

async function streamJob(job, body, out, working, onText) {
  if (state.running[job]) state.running[job].abort();
  const controller = new AbortController();
  state.running[job] = controller;
  const line = el("p", { class: "progress", role: "status", "aria-live": "polite" }, working);
  out.replaceChildren(line);
  try {
    const response = await post(`/api/stream/${job}`, body, controller.signal);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let start = null;
    for (;;) {
      const { value, done } = await reader.read();
      buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
      let cut;
      while ((cut = buffer.indexOf("\n")) >= 0) {
        const event = JSON.parse(buffer.slice(0, cut));
        buffer = buffer.slice(cut + 1);
        if (event.event === "start") {
          start = event;
          line.textContent = `${working} ${event.engine === "offline" ? "(offline engine)" : `(model ${event.model})`}`;
        } else if (event.event === "step") {
          const count = event.status !== "started" && event.of > 1 ? ` (${event.done} of ${event.of})` : "";
          line.textContent = `${working} ${event.label}${count} · ${usageText(start, event.usage)}`;
        } else if (event.event === "token") {
          if (onText) onText(event);
        } else if (event.event === "result") {
          return { report: event.result, cost: el("p", { class: "cost hint" }, usageText(start, event.usage)) };
        } else if (event.event === "error") {
          throw new Error(event.error);
        }
      }
      if (done) throw new Error("the server ended the stream before the result");
    }
  } finally {
    if (state.running[job] === controller) delete state.running[job];
  }
}

function failed(out, error) {
  if (error.name === "AbortError") return; // a newer run of the same job took over
  out.replaceChildren();
  say(error.message);
}

// --- questions, review, draft -------------------------------------------------------------------
async function runQuestions() {
  const list = $("questions");
  const status = $("questions-progress");
  const ask = $("ask-list").value.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  list.replaceChildren();
  try {
    const body = { text: $("doc").value, top: 15 };
    if (ask.length) body.ask = ask;
    const { report, cost } = await streamJob("questions", body, status, "Asking…");
    status.replaceChildren(cost);
    for (const q of report.questions) {
      const item = el("li", {}, el("span", { class: `status-${q.status}` }, `[${q.status}] `), q.question);
      if (q.evidence) {
        item.append(el("button", { type: "button", class: "evidence", onclick: () => selectSpan(q.evidence) },
          `“${q.evidence.text}” (line ${q.evidence.line})`));
      }
      list.append(item);
    }
    if (report.notes && report.notes.length) list.append(el("li", { class: "hint" }, report.notes.join(" ")));
  } catch (error) { failed(status, error); }
}

async function runReview() {
  const out = $("review-out");
  try {
    const { report, cost } = await streamJob("review", { text: $("doc").value }, out, "The reviewers are reading…");
    state.review = report;
    out.replaceChildren(cost);
    const decision = report.decision;
    out.append(el("p", {}, "Decision: ", el("span", { class: "verdict" }, decision.verdict)));
    if (decision.must_fix.length) {
      out.append(el("h3", {}, "Must fix"));
      out.append(el("ol", {}, ...decision.must_fix.map((m) => el("li", {}, `${m.text} (${m.severity})`))));
    }
    const table = el("table", {}, el("tr", {}, el("th", {}, "Seat"), el("th", {}, "Position"), el("th", {}, "Biggest concern")));
    for (const seat of report.personas) {
      table.append(el("tr", {}, el("td", {}, seat.name), el("td", {}, seat.position), el("td", {}, seat.biggest_concern)));
    }
    out.append(table);
    for (const seat of report.personas) {
      if (!seat.findings.length) continue;
      out.append(el("h3", {}, seat.name));
      out.append(el("ul", {}, ...seat.findings.map((f) => el("li", {},
        el("button", { type: "button", class: "evidence", onclick: () => selectSpan(f.quote) },
          `${f.severity}: ${f.question}`, el("span", { class: "fix" }, f.gap ? f.suggestion : `“${f.quote.text}”`))))));
    }
    renderPreview();
  } catch (error) { failed(out, error); }
}

async function runDraft() {
  const out = $("draft-out");
  try {
    const { report: draft, cost } = await streamJob("draft", { text: $("notes").value, name: "the notes" }, out,
      "Drafting…", liveText(out, "press release"));
    const use = el("button", { type: "button", onclick: () => { $("doc").value = draft.markdown; runScore(); } },
      "Use this draft as my document");
    out.replaceChildren(cost, use, el("pre", { class: "draft" }, draft.markdown));
  } catch (error) { failed(out, error); }
}

async function runRevise() {
  const out = $("revise-out");
  try {
    const { report, cost } = await streamJob("revise", { text: $("doc").value }, out, "Revising…", liveText(out, "revised document"));
    out.replaceChildren(cost,
      el("p", {}, `Score ${report.score_before} → ${report.score_after} if you accept every change.`));
    if (!report.changes.length) { out.append(el("p", {}, "Nothing safe to change.")); return; }
    const table = el("table", { class: "diff" }, el("tr", {}, el("th", {}, "Accept"), el("th", {}, "Before"), el("th", {}, "After")));
    const boxes = report.changes.map((change, index) => {
      const box = el("input", { type: "checkbox", id: `change-${index}`, "aria-label": `Accept change ${index + 1}` });
      box.checked = true;
      table.append(el("tr", {}, el("td", {}, box), el("td", {}, change.before.join("\n")),
        el("td", {}, change.after.join("\n"))));
      return box;
    });
    const apply = el("button", { type: "button", id: "apply-revision", onclick: () => {
      const lines = report.original.split("\n");
      // From the last change back, so that earlier line numbers still hold.
      report.changes.map((c, i) => [c, i]).reverse().forEach(([change, index]) => {
        if (boxes[index].checked) lines.splice(change.from_line, change.to_line - change.from_line, ...change.after);
      });
      $("doc").value = lines.join("\n");
      state.review = null;
      runScore();
    } }, "Apply the accepted changes");
    out.append(table, apply);
    for (const fix of report.not_applied || []) {
      out.append(el("p", { class: "hint" }, `Not changed (line ${fix.line}, ${fix.rule}): ${fix.reason}`));
    }
  } catch (error) { failed(out, error); }
}

async function runInsights() {
  const out = $("insights-out");
  const files = Array.from($("sources").files || []);
  if (!files.length) { say("Choose the source files first."); return; }
  out.replaceChildren(el("p", {}, "Reading the sources…"));
  try {
    const sources = await Promise.all(files.map(async (file) => ({ name: file.name, text: await file.text() })));
    const body = { sources };
    if ($("doc").value.trim()) body.against = $("doc").value;
    const { report, cost } = await streamJob("insights", body, out, "Finding the recurring problems…");
    out.replaceChildren(cost);
    if (!report.themes.length) out.append(el("p", {}, "No problem recurs across the sources."));
    for (const theme of report.themes) {
      const status = theme.addressed === undefined ? "" : theme.addressed ? " ✓ addressed" : " ✗ not addressed";
      out.append(el("h3", {}, `${theme.title} (${theme.count} sources)${status}`));
      out.append(el("ul", {}, ...theme.quotes.map((q) => el("li", {}, `“${q.text}” — ${q.source}`))));
    }
  } catch (error) { failed(out, error); }
}

// --- files, versions, export --------------------------------------------------------------------
async function openFile(file) {
  if (!file) return;
  try {
    if (/\.docx$/i.test(file.name)) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const outline = await postJson("/api/outline", { text: "", name: file.name, docx_base64: btoa(binary) });
      $("doc").value = outline.text;
    } else {
      $("doc").value = await file.text();
    }
    $("title").value = file.name.replace(/\.[^.]+$/, "");
    state.review = null;
    runScore();
  } catch (error) { say(`${file.name}: ${error.message}`); }
}

async function saveVersion() {
  try {
    const saved = await postJson("/api/documents", { text: $("doc").value, id: state.docId, title: $("title").value });
    state.docId = saved.id;
    renderVersions(saved.versions);
    say("");
  } catch (error) { say(error.message); }
}

function renderVersions(versions) {
  const box = $("versions");
  box.replaceChildren();
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "chart");
  svg.setAttribute("viewBox", "0 0 300 120");
  svg.setAttribute("role", "img");
  const scores = versions.map((v) => v.score ?? 0);
  svg.setAttribute("aria-label", `Clarity by version: ${scores.map((s) => s.toFixed(1)).join(", ")}`);
  const x = (i) => 20 + (versions.length > 1 ? (i * 260) / (versions.length - 1) : 130);
  const y = (s) => 105 - s;
  const line = document.createElementNS(ns, "polyline");
  line.setAttribute("points", scores.map((s, i) => `${x(i)},${y(s)}`).join(" "));
  svg.append(line);
  scores.forEach((s, i) => {
    const dot = document.createElementNS(ns, "circle");
    dot.setAttribute("cx", x(i)); dot.setAttribute("cy", y(s)); dot.setAttribute("r", 3);
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", x(i) - 8); label.setAttribute("y", y(s) - 6);
    label.textContent = `v${versions[i].number}: ${s.toFixed(1)}`;
    svg.append(dot, label);
  });
  box.append(svg);
}

async function exportAs(format) {
  try {
    const response = await post("/api/export", { text: $("doc").value, format, name: $("title").value || "prfaq" });
    const url = URL.createObjectURL(await response.blob());
    const link = el("a", { href: url, download: `${$("title").value || "prfaq"}.${format}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } catch (error) { say(error.message); }
}

// --- tabs and wiring ----------------------------------------------------------------------------
function showTab(name) {
  for (const button of document.querySelectorAll(".tabs button")) {
    const on = button.dataset.tab === name;
    button.setAttribute("aria-selected", on ? "true" : "false");
    $(`tab-${button.dataset.tab}`).hidden = !on;
  }
}

async function showEngine() {
  try {
    const status = await (await fetch("/api/status")).json();
    $("engine").textContent = status.engine === "offline"
      ? `Offline engine (${status.reason}): rules only, deterministic.`
      : `Model: ${status.model}`;
  } catch (error) { /* the page works without it */ }
}

document.addEventListener("DOMContentLoaded", () => {
  const doc = $("doc");
  doc.addEventListener("input", () => { state.review = null; scheduleScore(); });
  doc.addEventListener("dragover", (event) => event.preventDefault());
  doc.addEventListener("drop", (event) => { event.preventDefault(); openFile(event.dataTransfer.files[0]); });
  $("file").addEventListener("change", (event) => openFile(event.target.files[0]));
  $("save").addEventListener("click", saveVersion);
  $("export-md").addEventListener("click", () => exportAs("md"));
  $("export-docx").addEventListener("click", () => exportAs("docx"));
  $("ask").addEventListener("click", runQuestions);
  $("review").addEventListener("click", runReview);
  $("draft").addEventListener("click", runDraft);
  $("revise").addEventListener("click", runRevise);
  $("insights").addEventListener("click", runInsights);
  for (const button of document.querySelectorAll(".tabs button")) {
    button.addEventListener("click", () => showTab(button.dataset.tab));
  }
  showEngine();
});
