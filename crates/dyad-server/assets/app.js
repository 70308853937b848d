// dyad dashboard: a small hash-routed single-page app over dyad's JSON API.
// No framework and no network beyond the dyad server itself: every asset is
// embedded in the binary.
"use strict";

const $main = document.getElementById("main");
const $status = document.getElementById("status");

// ---------- helpers ----------
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
const svgNS = "http://www.w3.org/2000/svg";
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}
async function api(path, opts) {
  const res = await fetch(path, opts);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || `${res.status} ${res.statusText}`);
  return body;
}
function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) p.set(k, v);
  return p.toString();
}
function fmtG(x) { return x === null || x === undefined ? "–" : (x > 0 ? "+" : "") + Number(x).toFixed(1); }
function quadPill(q) {
  const names = { 1: "verbal coop.", 2: "material coop.", 3: "verbal conflict", 4: "material conflict" };
  return h("span", { class: `pill q${q}` }, names[q] || "–");
}
function actorLabel(a) {
  if (!a) return "–";
  return a.name ? `${a.name} (${a.code})` : a.code || "–";
}
function errorBox(err) { return h("div", { class: "error", role: "alert" }, String(err.message || err)); }
function setActiveNav(name) {
  document.querySelectorAll("[data-nav]").forEach((a) => a.classList.toggle("active", a.dataset.nav === name));
}

// ---------- highlighted text (displaCy style) ----------
// spans: [{start, end, label}] relative to `text`; overlapping spans keep the first (longest) one.
function highlighted(text, spans, cls = "sentence") {
  const box = h("div", { class: cls });
  const sorted = [...(spans || [])].sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const enc = new TextEncoder(), dec = new TextDecoder();
  const bytes = enc.encode(text); // spans are byte offsets
  let pos = 0;
  for (const sp of sorted) {
    if (sp.start < pos || sp.end > bytes.length || sp.end <= sp.start) continue;
    if (sp.start > pos) box.append(dec.decode(bytes.slice(pos, sp.start)));
    box.append(h("mark", { class: `ent ${sp.label}`, title: sp.detail || sp.label },
      dec.decode(bytes.slice(sp.start, sp.end)), h("span", { class: "lab" }, sp.label)));
    pos = sp.end;
  }
  box.append(dec.decode(bytes.slice(pos)));
  return box;
}
function legend() {
  return h("div", { class: "legend" },
    ["actor", "trigger", "place", "quantity"].map((l) => h("span", {}, h("mark", { class: `ent ${l}` }, l))));
}

// ---------- event table ----------
function eventTable(events, { empty = "No events match." } = {}) {
  if (!events.length) return h("div", { class: "empty" }, empty);
  return h("table", {},
    h("thead", {}, h("tr", {}, ["Date", "Type", "CAMEO", "Source", "Target", "Place", "Articles", "Goldstein"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, events.map((e) => {
      const go = () => { location.hash = `#/event/${encodeURIComponent(e.id)}`; };
      return h("tr", { class: "clickable", tabindex: "0", onclick: go, onkeydown: (ev) => { if (ev.key === "Enter") go(); } },
        h("td", {}, e.date || "–", e.precision && e.precision !== "day" ? h("div", { class: "muted small" }, e.precision) : null),
        h("td", {}, h("strong", {}, e.plover), e.mode ? h("div", { class: "muted small" }, e.mode) : null),
        h("td", {}, e.cameo, h("div", {}, quadPill(e.quad_class))),
        h("td", {}, actorLabel(e.source)),
        h("td", {}, actorLabel(e.target)),
        h("td", {}, e.place ? e.place.name : "–"),
        h("td", {}, e.num_articles ?? 1),
        h("td", {}, fmtG(e.goldstein)));
    })));
}

// ---------- actor autocomplete ----------
function actorInput(id, labelText, value) {
  const input = h("input", { id, value: value || "", autocomplete: "off", role: "combobox", "aria-expanded": "false", "aria-autocomplete": "list", placeholder: "e.g. RUS" });
  const list = h("ul", { role: "listbox", hidden: true, id: `${id}-list` });
  input.setAttribute("aria-controls", list.id);
  let items = [], sel = -1, timer = null;
  function render() {
    list.replaceChildren(...items.map((a, i) => h("li", { role: "option", "aria-selected": i === sel ? "true" : "false",
      onmousedown: (ev) => { ev.preventDefault(); choose(i); } }, a.name && a.name !== a.code ? `${a.code} — ${a.name} (${a.events})` : `${a.code} (${a.events})`)));
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
  }
  function choose(i) { if (items[i]) input.value = items[i].code; items = []; render(); input.dispatchEvent(new Event("change")); }
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      if (!q) { items = []; render(); return; }
      try {
        const found = (await api(`/api/actors?${qs({ q, limit: 8 })}`)).actors;
        // A late answer for a field the user has left must not pop up over the page.
        items = document.activeElement === input && input.value.trim() === q ? found : [];
        sel = -1; render();
      } catch { items = []; render(); }
    }, 120);
  });
  input.addEventListener("keydown", (ev) => {
    if (list.hidden) return;
    if (ev.key === "ArrowDown") { sel = Math.min(items.length - 1, sel + 1); render(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { sel = Math.max(0, sel - 1); render(); ev.preventDefault(); }
    else if (ev.key === "Enter" && sel >= 0) { choose(sel); ev.preventDefault(); }
    else if (ev.key === "Escape") { items = []; render(); }
  });
  input.addEventListener("blur", () => setTimeout(() => { items = []; render(); }, 100));
  return h("label", { for: id }, labelText, h("div", { class: "ac" }, input, list));
}

// ---------- timeline chart ----------
// Cooperation (quad 1+2) above the axis, conflict (quad 3+4) below; one column per period.
function timelineChart(periods, onPick) {
  const W = 760, H = 260, pad = { l: 40, r: 10, t: 14, b: 40 };
  const mid = pad.t + (H - pad.t - pad.b) / 2;
  const coop = (p) => (p.by_quad["1"] || 0) + (p.by_quad["2"] || 0);
  const conf = (p) => (p.by_quad["3"] || 0) + (p.by_quad["4"] || 0);
  const max = Math.max(1, ...periods.map((p) => Math.max(coop(p), conf(p))));
  const half = (H - pad.t - pad.b) / 2;
  const bw = Math.min(48, (W - pad.l - pad.r) / Math.max(1, periods.length) * 0.7);
  const step = (W - pad.l - pad.r) / Math.max(1, periods.length);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Cooperation and conflict events per period" });
  svg.append(s("line", { x1: pad.l, x2: W - pad.r, y1: mid, y2: mid, stroke: "#8a93a6" }));
  svg.append(s("text", { x: 4, y: mid - 6, "font-size": 11, fill: "#2e9d6a" }, "coop."));
  svg.append(s("text", { x: 4, y: mid + 14, "font-size": 11, fill: "#d2473c" }, "confl."));
  svg.append(s("text", { x: pad.l + 4, y: pad.t - 3, "font-size": 10, fill: "#5d6677" }, `max ${max}`));
  periods.forEach((p, i) => {
    const x = pad.l + i * step + (step - bw) / 2;
    const up = (coop(p) / max) * half, down = (conf(p) / max) * half;
    const g = s("g", { class: "bar", tabindex: "0", role: "button", "data-period": p.period,
      "aria-label": `${p.period}: ${coop(p)} cooperative, ${conf(p)} conflictual events`,
      onclick: () => onPick(p), onkeydown: (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); onPick(p); } } });
    g.append(s("rect", { x, y: mid - up, width: bw, height: Math.max(up, 0.5), fill: "#2e9d6a", rx: 2 }));
    g.append(s("rect", { x, y: mid, width: bw, height: Math.max(down, 0.5), fill: "#d2473c", rx: 2 }));
    g.append(s("rect", { x: pad.l + i * step, y: pad.t, width: step, height: H - pad.t - pad.b, fill: "transparent" }));
    g.append(s("title", {}, `${p.period}: ${p.total} events, mean Goldstein ${fmtG(p.mean_goldstein)}`));
    svg.append(g);
    svg.append(s("text", { x: x + bw / 2, y: H - pad.b + 16, "font-size": 11, "text-anchor": "middle", fill: "#1d2330" }, p.period));
    svg.append(s("text", { x: x + bw / 2, y: H - pad.b + 30, "font-size": 10, "text-anchor": "middle", fill: "#5d6677" }, fmtG(p.mean_goldstein)));
  });
  return h("div", { class: "chart" }, svg,
    h("div", { class: "legend" },
      h("span", {}, h("span", { class: "swatch", style: "background:#2e9d6a" }), "cooperation (quad 1–2)"),
      h("span", {}, h("span", { class: "swatch", style: "background:#d2473c" }), "conflict (quad 3–4)"),
      h("span", {}, "numbers below: mean Goldstein")));
}

// ---------- pages ----------
async function pageDashboard(params) {
  setActiveNav("dashboard");
  const [dyads, health] = await Promise.all([api("/api/dyads?limit=12"), api("/api/health")]);
  const top = dyads.dyads[0];
  const a0 = params.get("a") || (top ? top.a : "");
  const b0 = params.get("b") || (top ? top.b : "");
  const by0 = params.get("by") || "month";
  const chartBox = h("div", { id: "timeline" });
  const listBox = h("section", { id: "period-events", class: "panel", hidden: true });
  const byInput = h("select", { id: "by" }, ["day", "week", "month"].map((v) => h("option", { value: v, selected: v === by0 }, v)));
  const form = h("form", { class: "row", onsubmit: (ev) => { ev.preventDefault(); show(); } },
    actorInput("dyad-a", "Actor A", a0), actorInput("dyad-b", "Actor B", b0),
    h("label", { for: "by" }, "Period", byInput), h("button", { type: "submit", id: "show-dyad" }, "Show timeline"));
  async function show() {
    form.querySelectorAll(".ac ul").forEach((ul) => { ul.hidden = true; });
    const a = document.getElementById("dyad-a").value.trim(), b = document.getElementById("dyad-b").value.trim();
    if (!a || !b) { chartBox.replaceChildren(h("div", { class: "empty" }, "Pick two actors (country codes such as RUS and PRK).")); return; }
    history.replaceState(null, "", `#/?${qs({ a, b, by: byInput.value })}`);
    chartBox.replaceChildren(h("div", { class: "empty" }, "Loading…"));
    listBox.replaceChildren();
    listBox.hidden = true;
    try {
      const t = await api(`/api/timeline?${qs({ a, b, by: byInput.value })}`);
      if (!t.periods.length) { chartBox.replaceChildren(h("div", { class: "empty" }, `No events between ${a} and ${b}.`)); return; }
      chartBox.replaceChildren(h("h2", {}, `${a} – ${b} by ${t.by}`), timelineChart(t.periods, async (p) => {
        listBox.hidden = false;
        listBox.replaceChildren(h("div", { class: "empty" }, "Loading…"));
        const ev = await api(`/api/events?${qs({ dyad: `${a}:${b}`, since: p.start, until: p.end, limit: 200 })}`);
        listBox.replaceChildren(h("h2", {}, `Events in ${p.period}`), eventTable(ev.events));
      }));
    } catch (err) { chartBox.replaceChildren(errorBox(err)); }
  }
  $main.replaceChildren(
    h("h1", {}, "Dyad timeline"),
    h("div", { class: "grid" },
      h("div", {}, h("section", { class: "panel", "aria-label": "Dyad picker" }, form, chartBox), listBox),
      h("aside", {},
        h("section", { class: "panel" }, h("h2", {}, "Database"), h("div", { class: "stats" },
          h("div", {}, h("div", { class: "stat" }, health.documents ?? 0), h("div", { class: "muted small" }, "articles")),
          h("div", {}, h("div", { class: "stat" }, health.events ?? 0), h("div", { class: "muted small" }, "events")),
          h("div", {}, h("div", { class: "stat" }, health.merged_events ?? 0), h("div", { class: "muted small" }, "merged")))),
        h("section", { class: "panel" }, h("h2", {}, "Top dyads"),
          dyads.dyads.length ? h("table", {}, h("thead", {}, h("tr", {}, ["Dyad", "Events", "Coop/Conf", "Goldstein"].map((c) => h("th", {}, c)))),
            h("tbody", {}, dyads.dyads.map((d) => h("tr", {},
              h("td", {}, h("a", { href: `#/?${qs({ a: d.a, b: d.b, by: "month" })}`, "data-dyad": `${d.a}:${d.b}` }, `${d.a} – ${d.b}`)),
              h("td", {}, d.events), h("td", {}, `${d.cooperation} / ${d.conflict}`), h("td", {}, fmtG(d.mean_goldstein))))))
            : h("div", { class: "empty" }, "No events yet. Ingest articles with dyad ingest.")))));
  if (a0 && b0) show();
}

async function pageEvents(params) {
  setActiveNav("events");
  const fields = [["source", "Source"], ["target", "Target"], ["type", "PLOVER type"], ["cameo", "CAMEO"], ["since", "Since"], ["until", "Until"], ["place", "Place"], ["min_articles", "Min. articles"]];
  const inputs = {};
  const form = h("form", { class: "row", onsubmit: (ev) => { ev.preventDefault(); const p = {}; for (const [k] of fields) p[k] = inputs[k].value.trim(); location.hash = `#/events?${qs(p)}`; } },
    fields.map(([k, label]) => {
      inputs[k] = h("input", { id: `f-${k}`, name: k, value: params.get(k) || "", type: k === "since" || k === "until" ? "date" : k === "min_articles" ? "number" : "text", min: k === "min_articles" ? "1" : null });
      return h("label", { for: `f-${k}` }, label, inputs[k]);
    }), h("button", { type: "submit" }, "Filter"));
  const tableBox = h("div", {}, h("div", { class: "empty" }, "Loading…"));
  const more = h("div", {});
  $main.replaceChildren(h("h1", {}, "Events"), h("section", { class: "panel" }, form), h("section", { class: "panel" }, tableBox, more));
  const filters = {}; for (const [k] of fields) if (params.get(k)) filters[k] = params.get(k);
  let all = [];
  async function load(cursor) {
    try {
      const res = await api(`/api/events?${qs({ ...filters, limit: 50, cursor })}`);
      all = all.concat(res.events);
      tableBox.replaceChildren(eventTable(all));
      more.replaceChildren(res.next_cursor ? h("button", { class: "secondary", onclick: () => load(res.next_cursor) }, "Load more") : "");
    } catch (err) { tableBox.replaceChildren(errorBox(err)); }
  }
  load("");
}

function reportBlock(r) {
  return h("div", { class: "report" },
    highlighted(r.sentence, r.spans),
    h("div", { class: "muted small" },
      h("a", { href: `#/doc/${encodeURIComponent(r.doc_id)}` }, r.title || r.doc_id), " · ", r.source || "unknown source", " · published ", r.published || "?",
      " · sentence ", r.sentence_index, " · rule ", h("code", {}, r.rule), " · confidence ", Number(r.confidence).toFixed(2), " · ", r.factuality));
}

async function pageEvent(id) {
  setActiveNav("events");
  const d = await api(`/api/events/${encodeURIComponent(id)}`);
  const e = d.event;
  $main.replaceChildren(
    h("h1", {}, `${e.plover}${e.mode ? " / " + e.mode : ""}: ${actorLabel(e.source)} → ${actorLabel(e.target)}`),
    h("div", { class: "grid" },
      h("section", { class: "panel" }, h("h2", {}, `Reported in ${d.reports.length} sentence${d.reports.length === 1 ? "" : "s"} from ${e.num_articles ?? 1} article${(e.num_articles ?? 1) === 1 ? "" : "s"}`),
        legend(), d.reports.map(reportBlock)),
      h("aside", { class: "panel" }, h("h2", {}, "Event"), h("dl", { class: "kv" },
        ...[["Date", `${e.date || "–"} (${e.precision || "?"})`], ["PLOVER", e.plover + (e.mode ? ` / ${e.mode}` : "")], ["CAMEO", `${e.cameo}${e.cameo_name ? " — " + e.cameo_name : ""}`],
          ["Quad class", quadPill(e.quad_class)], ["Goldstein", fmtG(e.goldstein)], ["Source", actorLabel(e.source)], ["Target", actorLabel(e.target)],
          ["Place", e.place ? `${e.place.name}${e.place.country ? " (" + e.place.country + ")" : ""}` : "–"], ["Factuality", e.factuality || "–"],
          ["Attributed to", e.attributed_to ? actorLabel(e.attributed_to) : "–"], ["Quantities", (e.quantities || []).map((q) => `${q.qualifier ? q.qualifier + " " : ""}${q.value} ${q.unit}`).join("; ") || "–"],
          ["Articles", e.num_articles ?? 1], ["Sources", e.num_sources ?? 1], ["Event id", h("code", {}, e.id)]]
          .flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
        d.members && d.members.length > 1 ? h("div", {}, h("h2", { style: "margin-top:14px" }, "Merged reports"),
          h("ul", {}, d.members.map((m) => h("li", {}, h("a", { href: `#/doc/${encodeURIComponent(m.doc_id)}` }, m.title || m.doc_id), h("span", { class: "muted small" }, ` ${m.source || ""} ${m.published || ""}`))))) : null)));
}

async function pageMap() {
  setActiveNav("map");
  const [world, places] = await Promise.all([fetch("/assets/world.json").then((r) => r.json()), api("/api/places")]);
  const W = world.width, H = world.height;
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "World map of event locations" });
  for (const c of world.countries) svg.append(s("path", { class: "country", d: c.d }, s("title", {}, c.name)));
  const listBox = h("section", { class: "panel", hidden: true });
  const max = Math.max(1, ...places.places.map((p) => p.events));
  for (const p of places.places) {
    if (p.lat === null || p.lon === null) continue;
    const x = ((p.lon + 180) / 360) * W, y = ((90 - p.lat) / 180) * H;
    const pick = async () => {
      const ev = await api(`/api/events?${qs({ place: p.name, limit: 100 })}`);
      listBox.hidden = false;
      listBox.replaceChildren(h("h2", {}, `Events at ${p.name}`), eventTable(ev.events));
    };
    svg.append(s("circle", { cx: x, cy: y, r: 3 + 9 * Math.sqrt(p.events / max), tabindex: "0", role: "button", "aria-label": `${p.name}: ${p.events} events`,
      onclick: pick, onkeydown: (ev) => { if (ev.key === "Enter") pick(); } }, s("title", {}, `${p.name} (${p.country || "?"}): ${p.events} events`)));
  }
  $main.replaceChildren(h("h1", {}, "Where events happened"),
    h("section", { class: "panel map" }, svg, h("div", { class: "muted small" }, `${places.places.length} places · circle area ∝ events · click a circle for its events`)),
    listBox);
}

function annotatedDoc(doc) {
  const box = h("div", {});
  if (doc.title) box.append(h("h2", {}, doc.title));
  box.append(h("div", { class: "muted small" }, [doc.source, doc.author, doc.date ? `published ${doc.date}${doc.date_origin ? " (" + doc.date_origin + ")" : ""}` : null, doc.url].filter(Boolean).join(" · ")));
  box.append(legend(), highlighted(doc.text, doc.annotations, "doctext"));
  return box;
}

async function pageDoc(id) {
  setActiveNav("");
  const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
  $main.replaceChildren(h("h1", {}, "Article"),
    h("section", { class: "panel" }, annotatedDoc(doc)),
    h("section", { class: "panel" }, h("h2", {}, `Events coded from this article (${doc.events.length})`), eventTable(doc.events)));
}

function pageCode() {
  setActiveNav("code");
  const ta = h("textarea", { id: "code-text", "aria-label": "Article text", placeholder: "Paste a news article here…" });
  const title = h("input", { id: "code-title", placeholder: "optional" });
  const date = h("input", { id: "code-date", type: "date" });
  const out = h("div", { id: "code-result" });
  const btn = h("button", { type: "submit", id: "code-run" }, "Code article");
  const form = h("form", { onsubmit: async (ev) => {
    ev.preventDefault();
    if (!ta.value.trim()) { out.replaceChildren(errorBox("Paste some text first.")); return; }
    btn.disabled = true; out.replaceChildren(h("div", { class: "empty" }, "Coding…"));
    try {
      const res = await api("/api/code", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: ta.value, title: title.value || null, date: date.value || null }) });
      out.replaceChildren(
        h("section", { class: "panel" }, h("h2", {}, `${res.events.length} event${res.events.length === 1 ? "" : "s"}`),
          res.events.length ? h("table", {}, h("thead", {}, h("tr", {}, ["Type", "CAMEO", "Source", "Target", "Date", "Factuality", "Sentence"].map((c) => h("th", {}, c)))),
            h("tbody", {}, res.events.map((e) => h("tr", { class: "coded-event" }, h("td", {}, h("strong", {}, e.plover)), h("td", {}, e.cameo), h("td", {}, actorLabel(e.source)), h("td", {}, actorLabel(e.target)),
              h("td", {}, e.date || "–"), h("td", {}, e.factuality), h("td", { class: "small" }, e.sentence)))))
            : h("div", { class: "empty" }, "No events found in this text.")),
        h("section", { class: "panel" }, annotatedDoc(res.document)));
    } catch (err) { out.replaceChildren(errorBox(err)); } finally { btn.disabled = false; }
  } },
  h("div", { class: "row", style: "margin-bottom:10px" }, h("label", { for: "code-title" }, "Title", title), h("label", { for: "code-date" }, "Publication date", date)), ta,
  h("div", { style: "margin-top:10px" }, btn, h("span", { class: "muted small" }, "  The article is coded on the server and not stored.")));
  $main.replaceChildren(h("h1", {}, "Code an article"), h("section", { class: "panel" }, form), out);
}

// ---------- router ----------
async function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean);
  $status.textContent = "";
  try {
    if (parts.length === 0) await pageDashboard(params);
    else if (parts[0] === "events") await pageEvents(params);
    else if (parts[0] === "event" && parts[1]) await pageEvent(decodeURIComponent(parts[1]));
    else if (parts[0] === "map") await pageMap();
    else if (parts[0] === "doc" && parts[1]) await pageDoc(decodeURIComponent(parts[1]));
    else if (parts[0] === "code") pageCode();
    else $main.replaceChildren(h("h1", {}, "Not found"), h("p", {}, h("a", { href: "#/" }, "Back to the dashboard")));
  } catch (err) {
    $main.replaceChildren(h("h1", {}, "Something went wrong"), errorBox(err));
  }
  $main.focus({ preventScroll: true });
}
window.addEventListener("hashchange", route);
route();
