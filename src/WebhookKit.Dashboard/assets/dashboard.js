// WebhookKit dashboard: plain script, no dependencies, no inline code (the page is served with a strict CSP).
// Every URL is relative to the page, so the dashboard works under any path and PathBase.
"use strict";

const state = { info: null, token: null, deliveries: [], lastSequence: null };
const $ = (selector) => document.querySelector(selector);

function text(value) { return value === null || value === undefined ? "" : String(value); }

function cell(row, value, className) {
  const td = document.createElement("td");
  td.textContent = text(value);
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

function show(message) { $("#message").textContent = message; }

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

async function post(url) {
  if (!state.token) state.token = await getJson("api/antiforgery");
  const response = await fetch(url, { method: "POST", credentials: "same-origin", headers: { [state.token.headerName]: state.token.token } });
  const body = response.headers.get("Content-Type")?.includes("json") ? await response.json() : null;
  return { ok: response.ok, status: response.status, body };
}

function route() {
  const hash = location.hash.replace(/^#/, "") || "overview";
  const [view, id] = hash.split("/");
  document.querySelectorAll(".view").forEach((section) => { section.hidden = true; });
  document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("active", a.dataset.view === view));
  if (view === "delivery" && id) {
    $("#view-delivery").hidden = false;
    loadDelivery(decodeURIComponent(id)).catch((e) => show(e.message));
  } else if (view === "deliveries" || view === "dead-letters" || view === "overview") {
    $(`#view-${view}`).hidden = false;
  } else {
    $("#view-overview").hidden = false;
  }
}

function renderOverview(overview) {
  $("#queue-depth").textContent = text(overview.queueDepth);
  $("#queue-bytes").textContent = text(overview.queueBytes);
  $("#dead-letters-total").textContent = text(overview.deadLetters);
  $("#journal-dropped").textContent = text(overview.dropped);
  const body = $("#overview-table tbody");
  body.replaceChildren();
  for (const row of overview.rows || []) {
    const tr = document.createElement("tr");
    cell(tr, row.receiverName);
    cell(tr, row.eventType);
    cell(tr, row.deliveries);
    cell(tr, row.successRate === null ? "" : `${(row.successRate * 100).toFixed(1)} %`);
    cell(tr, row.p50Milliseconds);
    cell(tr, row.p95Milliseconds);
    cell(tr, row.failuresLastHour);
    cell(tr, row.failuresLastDay);
    body.appendChild(tr);
  }
}

function deliveryRow(record, isNew) {
  const tr = document.createElement("tr");
  if (isNew) tr.className = "new";
  tr.dataset.eventId = text(record.eventId);
  cell(tr, new Date(record.time).toLocaleString());
  cell(tr, record.receiverName);
  cell(tr, record.eventType);
  const idCell = cell(tr, "");
  const link = document.createElement("a");
  link.href = `#delivery/${encodeURIComponent(record.id)}`;
  link.textContent = text(record.eventId || record.id);
  idCell.appendChild(link);
  cell(tr, record.status);
  cell(tr, record.outcome, `outcome-${record.outcome}`);
  cell(tr, record.reasonCode ? `${record.reasonCode}: ${text(record.reason)}` : record.reason);
  cell(tr, record.bodyBytes);
  return tr;
}

function renderDeliveries() {
  const body = $("#deliveries-table tbody");
  body.replaceChildren(...state.deliveries.map((record) => deliveryRow(record, false)));
}

function filterQuery() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData($("#filters"))) {
    if (!value) continue;
    params.set(name, name === "from" || name === "to" ? new Date(value).toISOString() : value);
  }
  return params;
}

function matchesFilters(record) {
  const params = filterQuery();
  for (const name of ["receiverName", "eventType", "outcome", "eventId"]) {
    const wanted = params.get(name === "receiverName" ? "receiver" : name);
    if (wanted && record[name] !== wanted) return false;
  }
  return true;
}

async function loadDeliveries() {
  if (!state.info.journal) return;
  state.deliveries = await getJson(`api/deliveries?${filterQuery()}`);
  renderDeliveries();
}

async function loadDelivery(id) {
  const detail = await getJson(`api/deliveries/${encodeURIComponent(id)}`);
  $("#delivery-title").textContent = `${text(detail.receiverName)} ${text(detail.eventType)} ${text(detail.eventId)}`;
  const facts = $("#delivery-facts");
  facts.replaceChildren();
  for (const [name, value] of Object.entries(detail)) {
    if (value === null || typeof value === "object") continue;
    const dt = document.createElement("dt"); dt.textContent = name;
    const dd = document.createElement("dd"); dd.textContent = text(value);
    facts.append(dt, dd);
  }
  $("#delivery-attempts").replaceChildren(...(detail.attempts || []).map((a) => {
    const li = document.createElement("li");
    li.textContent = `${new Date(a.startedAt).toLocaleString()} · ${text(a.handler)} · ${text(a.durationMilliseconds)} ms · ${text(a.result)}`
      + (a.exceptionType ? ` · ${a.exceptionType}: ${text(a.exceptionMessage)}` : "");
    return li;
  }));
  $("#delivery-replays").replaceChildren(
    ...(detail.replays || []).map((r) => Object.assign(document.createElement("li"), { textContent: r })),
    ...(detail.replayedAs || []).map((newId) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = `#delivery/${encodeURIComponent(newId)}`;
      a.textContent = `replayed as ${newId}`;
      li.appendChild(a);
      return li;
    }));
  const headers = $("#delivery-headers");
  headers.replaceChildren();
  for (const [name, value] of Object.entries(detail.headers || {})) {
    const dt = document.createElement("dt"); dt.textContent = name;
    const dd = document.createElement("dd"); dd.textContent = text(value);
    headers.append(dt, dd);
  }
  $("#delivery-body").textContent = detail.body === null || detail.body === undefined ? "(not captured)" : detail.body;
}

async function loadDeadLetters() {
  const letters = await getJson("api/dead-letters");
  const count = $("#dead-letter-count");
  count.textContent = String(letters.length);
  count.classList.toggle("alert", letters.length > 0);
  $("#dead-letters-empty").hidden = letters.length > 0;
  $("#dead-letters-table tbody").replaceChildren(...letters.map((letter) => {
    const tr = document.createElement("tr");
    tr.dataset.deliveryId = letter.deliveryId;
    cell(tr, new Date(letter.failedAt).toLocaleString());
    cell(tr, letter.receiverName);
    cell(tr, letter.eventType);
    cell(tr, letter.eventId);
    cell(tr, letter.attempts);
    cell(tr, letter.reason);
    cell(tr, letter.lastError, "last-error");
    const actions = cell(tr, "");
    for (const [label, action] of [["Replay", "replay"], ["Delete", "delete"]]) {
      const button = document.createElement("button");
      button.className = `write ${action}`;
      button.textContent = label;
      button.addEventListener("click", () => act(letter.deliveryId, action));
      actions.appendChild(button);
    }
    return tr;
  }));
}

async function act(deliveryId, action) {
  const result = await post(`api/dead-letters/${encodeURIComponent(deliveryId)}/${action}`);
  show(result.ok ? `${action === "replay" ? "Replayed" : "Deleted"} ${deliveryId}` : `${action} of ${deliveryId} failed: ${result.status}`);
  await refresh();
}

async function refresh() {
  await loadDeadLetters();
  if (state.info.journal) {
    renderOverview(await getJson("api/overview"));
  }
}

function connect() {
  if (!state.info.journal) { $("#live").textContent = "no journal"; return; }
  // EventSource reconnects by itself and sends Last-Event-ID, so the server resumes after the last record seen.
  const source = new EventSource("api/stream");
  source.addEventListener("open", () => { $("#live").textContent = "live"; $("#live").classList.add("on"); });
  source.addEventListener("error", () => { $("#live").textContent = "reconnecting…"; $("#live").classList.remove("on"); });
  source.addEventListener("delivery", (event) => {
    const record = JSON.parse(event.data);
    if (matchesFilters(record)) {
      state.deliveries.unshift(record);
      state.deliveries.length = Math.min(state.deliveries.length, 500);
      $("#deliveries-table tbody").prepend(deliveryRow(record, true));
    }
  });
  source.addEventListener("counters", (event) => {
    renderOverview(JSON.parse(event.data));
    loadDeadLetters().catch((e) => show(e.message));
  });
}

async function start() {
  state.info = await getJson("api/info");
  document.title = state.info.title;
  $("#title").textContent = state.info.title;
  document.body.classList.toggle("read-only", state.info.readOnly);
  $("#no-journal").hidden = state.info.journal;
  $("#filters").addEventListener("submit", (event) => { event.preventDefault(); loadDeliveries().catch((e) => show(e.message)); });
  $("#replay-all").addEventListener("click", async () => {
    const result = await post("api/dead-letters/replay");
    show(result.ok ? `Replayed ${result.body.count}` : `Replay failed: ${result.status}`);
    await refresh();
  });
  window.addEventListener("hashchange", route);
  route();
  await refresh();
  await loadDeliveries();
  connect();
}

start().catch((error) => show(`The dashboard could not load: ${error.message}`));
