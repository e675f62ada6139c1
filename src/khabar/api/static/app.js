// khabar's page: search, timeline, map, counts, events, and an article view with highlights.
// Every text that comes from the API is put in the page with textContent or as an SVG
// attribute value, never parsed as HTML: article text is untrusted input.
"use strict";

const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const SVG = "http://www.w3.org/2000/svg";
const PAGE = 100;
let offset = 0;

function $(id) { return document.getElementById(id); }

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  return node;
}

function svg(tag, attrs, title) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (title) { const t = document.createElementNS(SVG, "title"); t.textContent = title; node.appendChild(t); }
  return node;
}

function filters() {
  const form = new FormData($("filters"));
  const params = new URLSearchParams();
  for (const [key, value] of form.entries()) {
    if (key === "per_story" || key === "speaker") continue;
    if (String(value).trim()) params.append(key, String(value).trim());
  }
  return params;
}

async function api(path, params) {
  const response = await fetch(`/api/${path}${params ? "?" + params : ""}`);
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail ? JSON.stringify(body.detail) : response.statusText);
  return body;
}

function showError(error) {
  $("error").textContent = error ? String(error.message || error) : "";
  $("error").hidden = !error;
}

function parties(list) {
  return (list || []).map((p) => p.code || p.entity_text || "?").join(", ");
}

async function search(event) {
  if (event) event.preventDefault();
  showError(null);
  offset = 0;
  $("events").tBodies[0].replaceChildren();
  try {
    await Promise.all([loadEvents(), loadTimeline(), loadBars("type", "types"), loadBars("actor", "actors"),
      loadQuotes(), loadMap()]);
  } catch (error) { showError(error); }
}

function counted(by) {
  const params = filters();
  params.set("by", by);
  if ($("filters").elements.per_story.checked) params.set("per_story", "true");
  return params;
}

async function loadEvents() {
  const params = filters();
  params.set("limit", PAGE);
  params.set("offset", offset);
  params.set("newest_first", "true");
  const body = await api("events", params);
  const rows = $("events").tBodies[0];
  for (const e of body.events) {
    const row = el("tr");
    row.append(el("td", e.date), el("td", e.event), el("td", parties(e.actor)),
      el("td", parties(e.recipient)), el("td", e.event_loc ? e.event_loc.name : ""),
      el("td", e.event_text, { class: "ar", lang: "ar" }),
      el("td", (e.evidence || "").slice(0, 160), { class: "ar", lang: "ar" }));
    row.addEventListener("click", () => openArticle(e.article.id, e));
    rows.appendChild(row);
  }
  offset += body.events.length;
  $("shown").textContent = `(${rows.rows.length} shown)`;
  $("more").hidden = body.events.length < PAGE;
}

async function loadQuotes() {
  const form = $("filters").elements;
  const params = new URLSearchParams();
  for (const key of ["speaker", "q", "since", "until"]) {
    if (form[key].value.trim() && !form[key].disabled) params.set(key, form[key].value.trim());
  }
  params.set("limit", 50);
  const body = await api("quotes", params);
  const rows = $("quotes").tBodies[0];
  rows.replaceChildren();
  for (const quote of body.quotes) {
    const row = el("tr");
    row.append(el("td", quote.article.published), el("td", quote.speaker.name || quote.speaker.text || "?"),
      el("td", quote.verb, { class: "ar", lang: "ar" }), el("td", quote.text, { class: "ar", lang: "ar" }));
    row.addEventListener("click", () => openArticle(quote.article.id, null));
    rows.appendChild(row);
  }
  $("quotes-shown").textContent = `(${body.quotes.length} shown, newest first)`;
}

async function loadTimeline() {
  let body = await api("count", counted("day"));
  if (body.counts.length > 150) body = await api("count", counted("month"));
  // dated to the day or month only, and without the thin tails (a few events dated decades
  // back would squeeze the rest into one bar)
  let data = body.counts.filter((c) => /^\d{4}-\d{2}(-\d{2})?$/.test(c.value || ""));
  const total = data.reduce((sum, c) => sum + c.events, 0);
  let low = 0, high = data.length - 1, cut = 0;
  while (low < high && cut + data[low].events <= total / 100) cut += data[low++].events;
  cut = 0;
  while (high > low && cut + data[high].events <= total / 100) cut += data[high--].events;
  data = data.slice(low, high + 1);
  const chart = $("timeline");
  chart.replaceChildren();
  if (!data.length) return;
  const max = Math.max(...data.map((c) => c.events));
  const width = 600 / data.length;
  data.forEach((c, i) => {
    const height = (140 * c.events) / max;
    chart.appendChild(svg("rect", { x: i * width, y: 150 - height, width: Math.max(width - 1, 0.5), height },
      `${c.value}: ${c.events}`));
  });
  const first = svg("text", { x: 2, y: 159, "font-size": 9 }); first.textContent = data[0].value;
  const last = svg("text", { x: 598, y: 159, "font-size": 9, "text-anchor": "end" });
  last.textContent = data[data.length - 1].value;
  chart.append(first, last);
}

async function loadBars(by, id) {
  const params = counted(by);
  params.set("top", 12);
  const body = await api("count", params);
  const list = $(id);
  list.replaceChildren();
  const max = Math.max(1, ...body.counts.map((c) => c.events));
  for (const c of body.counts) {
    const item = el("li");
    const bar = el("span", null, { class: "bar" });
    bar.style.width = `${(100 * c.events) / max}%`;
    item.append(el("span", c.value || "-"), bar, el("span", c.events));
    item.addEventListener("click", () => {
      const field = by === "type" ? "type" : "actor";
      $("filters").elements[field].value = c.value || "";
      search();
    });
    list.appendChild(item);
  }
}

// country outlines (Natural Earth via world-atlas, see NOTICE-basemap.txt), fetched once
let outlines = null;
async function basemap() {
  if (outlines === null) {
    try {
      const response = await fetch("/static/world.json");
      outlines = response.ok ? (await response.json()).countries || [] : [];
    } catch {
      outlines = [];  // the map still shows the places on its grid
    }
  }
  return outlines;
}

async function loadMap() {
  const params = filters();
  params.set("top", 500);
  const body = await api("places", params);
  const map = $("map");
  map.replaceChildren();
  for (const country of await basemap()) {
    map.appendChild(svg("path", { d: country.d, class: "land" }, country.name));
  }
  for (let lon = -180; lon <= 180; lon += 30) map.appendChild(svg("line", { x1: lon, y1: -90, x2: lon, y2: 90, class: "grid" }));
  for (let lat = -90; lat <= 90; lat += 30) map.appendChild(svg("line", { x1: -180, y1: lat, x2: 180, y2: lat, class: "grid" }));
  const max = Math.max(1, ...body.places.map((p) => p.events));
  for (const place of body.places) {
    if (typeof place.lat !== "number" || typeof place.lon !== "number") continue;
    map.appendChild(svg("circle", { cx: place.lon, cy: -place.lat, r: 0.8 + 7 * Math.sqrt(place.events / max) },
      `${place.name || ""} (${place.country || ""}): ${place.events}`));
  }
}

// the spans of an article that get a mark: [start, end, class, title]
function spans(doc, chosen) {
  const out = [];
  for (const ent of doc.entities || []) {
    for (const m of ent.mentions || []) out.push([m.start, m.end, ent.type, `${ent.name} (${ent.type}, ${ent.country || "-"})`]);
  }
  for (const d of doc.dates || []) out.push([d.start, d.end, "date", `${d.value || "?"} (${d.granularity || d.kind || ""})`]);
  for (const q of doc.quotes || []) {
    const who = q.speaker ? (q.speaker.name || q.speaker.text || "?") : "?";
    out.push([q.start, q.end, "quote", `quote: ${who}`]);
  }
  for (const e of doc.events || []) {
    if (e.trigger) out.push([e.trigger.start, e.trigger.end, "trigger", `${e.event}: ${parties(e.actor)} → ${parties(e.recipient)}`]);
    if (chosen && e.id === chosen.id && e.text_info) out.push([e.text_info.start, e.text_info.end, "evidence", "evidence"]);
  }
  return out.filter((s) => Number.isInteger(s[0]) && Number.isInteger(s[1]) && s[0] < s[1]);
}

// overlapping marks become one <mark> per stretch of text, carrying every class over it
function highlighted(text, marks) {
  const cuts = new Set([0, text.length]);
  for (const [start, end] of marks) { cuts.add(Math.max(0, start)); cuts.add(Math.min(text.length, end)); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const over = marks.filter(([s, e]) => s <= a && e >= b);
    const piece = text.slice(a, b);
    if (!over.length) { out.appendChild(document.createTextNode(piece)); continue; }
    const mark = el("mark", piece, { class: [...new Set(over.map((m) => m[2]))].join(" "), title: over.map((m) => m[3]).join("\n") });
    out.appendChild(mark);
  }
  return out;
}

async function openArticle(id, chosen) {
  try {
    const doc = await api(`articles/${encodeURIComponent(id)}`);
    const source = doc.source || {};
    $("article-title").textContent = doc.title || doc.id;
    $("article-meta").textContent = [source.outlet, source.agency, source.published, source.url].filter(Boolean).join(" · ");
    const text = doc.text || "";
    $("article-text").replaceChildren(highlighted(text, spans(doc, chosen)));
    const list = $("article-events");
    list.replaceChildren();
    for (const e of doc.events || []) {
      list.appendChild(el("li", `${e.date || "?"} ${e.event} ${(e.mode || []).join(",")}: ${parties(e.actor)} → ${parties(e.recipient)} «${e.event_text || ""}»`));
    }
    $("results").hidden = true;
    $("charts").hidden = true;
    $("article").hidden = false;
    history.replaceState(null, "", `#article=${encodeURIComponent(id)}`);  // a link to share
    window.scrollTo(0, 0);
  } catch (error) { showError(error); }
}

function closeArticle() {
  history.replaceState(null, "", location.pathname + location.search);
  $("article").hidden = true;
  $("results").hidden = false;
  $("charts").hidden = false;
}

async function start() {
  const select = $("filters").elements.type;
  for (const type of PLOVER) select.appendChild(el("option", type, { value: type }));
  $("filters").addEventListener("submit", search);
  $("more").addEventListener("click", () => loadEvents().catch(showError));
  $("close").addEventListener("click", closeArticle);
  try {
    const info = await api("info");
    $("info").textContent = `${info.articles} articles, ${info.events} events` +
      (info.search ? "" : " · no search index (run khabar index)") +
      (info.stories ? "" : " · wire copies not grouped (run khabar stories)");
    $("filters").elements.q.disabled = !info.search;
    $("filters").elements.per_story.disabled = !info.stories;
  } catch (error) { showError(error); }
  await search();
  const linked = location.hash.match(/^#article=(.+)$/);
  if (linked) openArticle(decodeURIComponent(linked[1]), null);
}

document.addEventListener("DOMContentLoaded", start);
