// The operations page: plain JavaScript over the /ops/api JSON endpoints, no build step, nothing fetched
// from the network but the service itself.
"use strict";

const state = { csrfHeader: null, csrfToken: null, user: null, admin: false, pendingRequest: null };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.substring(2), value);
    else if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(child === null || child === undefined ? "" : String(child)));
  }
  return node;
}

function money(amount, currency) {
  if (amount === null || amount === undefined) return "";
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency, currencyDisplay: "code" }).format(Number(amount));
  } catch (e) {
    return `${amount} ${currency || ""}`;
  }
}

function when(instant) {
  return instant ? new Date(instant).toISOString().replace("T", " ").substring(0, 16) : "";
}

function say(text, kind = "ok") {
  const box = document.getElementById("message");
  box.textContent = text;
  box.className = kind;
}

async function api(path, options = {}) {
  const init = { credentials: "same-origin", headers: { "Accept": "application/json" }, ...options };
  if (init.method && init.method !== "GET") {
    init.headers["Content-Type"] = "application/json";
    init.headers[state.csrfHeader] = state.csrfToken;
  }
  const response = await fetch(path, init);
  if (response.redirected && response.url.includes("/login")) {
    window.location = "/login";
    throw new Error("signed out");
  }
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error((body && body.error) || `${response.status} ${response.statusText}`);
  }
  return body;
}

function fill(tableId, rows) {
  const body = document.querySelector(`#${tableId} tbody`);
  body.replaceChildren(...rows);
}

function query(form) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form).entries()) {
    if (String(value).trim() !== "") params.set(name, String(value).trim());
  }
  return params.toString();
}

// ---------------------------------------------------------------- overview
async function loadOverview() {
  const k = await api("/ops/api/kpis");
  const held = Object.entries(k.heldValue).map(([c, a]) => money(a, c)).join(", ") || "nothing";
  const cards = [
    ["Held items", k.held, k.held > 0],
    ["Held value", held, false],
    ["Rejected items", k.rejected, false],
    ["Awaiting approval", k.pendingApprovals, k.pendingApprovals > 0],
    [`No ERP word after ${k.unacknowledgedAfter.replace("PT", "").toLowerCase()}`, k.unacknowledgedPackages, k.unacknowledgedPackages > 0],
    ["Rejected by the ERP", k.rejectedPackages, k.rejectedPackages > 0],
    ["Parked messages", k.deadLetterDepth, k.deadLetterDepth > 0],
    ["Outbox pending", `${k.outboxPending} (oldest ${k.outboxOldestSeconds} s)`, k.outboxOldestSeconds > 300],
  ];
  document.getElementById("kpis").replaceChildren(...cards.map(([label, value, warn]) =>
    el("div", { class: warn ? "card warn" : "card", "data-kpi": label },
      el("div", { class: "value" }, value), el("div", { class: "label" }, label))));
  fill("aging-table", k.aging.map(b => el("tr", {}, el("td", {}, b.aging), el("td", { class: "num" }, b.count),
    el("td", {}, Object.entries(b.amounts).map(([c, a]) => money(a, c)).join(", ")))));
}

// ---------------------------------------------------------------- exceptions
async function loadExceptions() {
  const form = document.getElementById("exception-filters");
  const page = await api("/ops/api/exceptions?" + query(form));
  document.getElementById("exception-count").textContent = `${page.count} items`;
  fill("exception-table", page.items.map(item => el("tr", { "data-item": item.itemId, "data-contract": item.contractId },
    el("td", {}, item.contractId), el("td", {}, item.itemId), el("td", {}, item.status),
    el("td", { title: item.detail || "" }, item.reason), el("td", {}, item.rule),
    el("td", { class: "num" }, money(item.amount, item.currency)), el("td", {}, when(item.since)),
    el("td", { class: "num" }, item.ageDays),
    el("td", {}, item.pendingRequest ? `awaiting approval (${item.pendingRequest})`
      : item.status === "HELD" && !(Number(item.amount) > 0) ? "not priced yet"
      : item.status === "HELD" ? [
        el("button", { class: "request-release", onclick: () => ask(item, "RELEASE") }, "Release…"), " ",
        el("button", { class: "request-write-off", onclick: () => ask(item, "WRITE_OFF") }, "Write off…")]
        .reduce((span, part) => { span.append(part); return span; }, el("span"))
      : ""))));
}

function ask(item, action) {
  state.pendingRequest = { item, action };
  document.getElementById("request-title").textContent =
    `${action === "RELEASE" ? "Release" : "Write off"} ${item.itemId} of ${item.contractId} (${money(item.amount, item.currency)})`;
  document.getElementById("request-reason").value = "";
  document.getElementById("request-dialog").showModal();
}

async function submitRequest(event) {
  event.preventDefault();
  const { item, action } = state.pendingRequest;
  const reason = document.getElementById("request-reason").value;
  try {
    const request = await api("/ops/api/manual-decisions", { method: "POST",
      body: JSON.stringify({ contractId: item.contractId, itemId: item.itemId, action, reason }) });
    document.getElementById("request-dialog").close();
    say(`Asked for approval: ${request.requestId}`);
    await loadExceptions();
  } catch (e) {
    say(e.message, "error");
  }
}

// ---------------------------------------------------------------- approvals
async function loadApprovals() {
  const requests = await api("/ops/api/manual-decisions");
  fill("approval-table", requests.map(r => el("tr", { "data-request": r.requestId },
    el("td", {}, r.requestId), el("td", {}, r.contractId), el("td", {}, r.itemId), el("td", {}, r.action),
    el("td", {}, r.reason), el("td", { class: "num" }, money(r.amount, r.currency)), el("td", {}, r.requestedBy),
    el("td", { class: "request-status" }, r.status), el("td", {}, r.decidedBy || ""),
    el("td", {}, r.status !== "PENDING" ? "" : [
      state.admin && r.requestedBy !== state.user
        ? el("button", { class: "approve", onclick: () => decide(r.requestId, "approve") }, "Approve") : null,
      state.admin || r.requestedBy === state.user
        ? el("button", { class: "refuse", onclick: () => decide(r.requestId, "refuse") }, "Refuse") : null]
      .filter(Boolean).reduce((span, b) => { span.append(b, " "); return span; }, el("span"))))));
}

async function decide(requestId, verb) {
  try {
    const done = await api(`/ops/api/manual-decisions/${encodeURIComponent(requestId)}/${verb}`, { method: "POST", body: "{}" });
    say(`${requestId}: ${done.status.toLowerCase()}`);
  } catch (e) {
    say(e.message, "error");
  }
  await loadApprovals();
}

// ---------------------------------------------------------------- reconciliation
function figures(node) {
  const rows = [];
  for (const [name, value] of Object.entries(node)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      rows.push(el("tr", {}, el("th", {}, name), el("td", {}, Object.entries(value).map(([k, v]) =>
        `${k}: ${typeof v === "object" && v !== null ? JSON.stringify(v) : v}`).join("; "))));
    } else if (Array.isArray(value)) {
      rows.push(el("tr", {}, el("th", {}, name), el("td", { class: value.length ? "breaks" : "" },
        value.length ? value.join(" | ") : "none")));
    } else {
      rows.push(el("tr", {}, el("th", {}, name), el("td", {}, value)));
    }
  }
  return rows;
}

async function reconcile(event) {
  event.preventDefault();
  const form = event.target;
  const contract = form.contract.value.trim();
  const params = form.asOf.value ? `?asOf=${form.asOf.value}` : "";
  const box = document.getElementById("reconciliation-result");
  try {
    const result = await api(`/ops/contracts/${encodeURIComponent(contract)}/reconciliation${params}`);
    const verdict = result.balanced ? el("p", { class: "balanced", id: "reconciliation-verdict" }, "Everything recorded is in exactly one state.")
      : el("p", { class: "breaks", id: "reconciliation-verdict" }, "Breaks found: see below.");
    box.replaceChildren(verdict, el("table", { id: "reconciliation-table" }, el("tbody", {}, ...figures(result))));
  } catch (e) {
    box.replaceChildren(el("p", { class: "breaks" }, e.message));
  }
}

// ---------------------------------------------------------------- packages
async function loadPackages() {
  const form = document.getElementById("package-filters");
  const packages = await api("/ops/api/packages?" + query(form));
  fill("package-table", packages.map(p => el("tr", { "data-package": p.packageId },
    el("td", {}, p.packageId), el("td", {}, p.contractId), el("td", {}, p.erpTarget), el("td", {}, p.document),
    el("td", { class: "num" }, money(p.amountDue, p.currency)),
    el("td", { class: `standing-${p.standing}` }, p.standing), el("td", {}, p.erpDocument || p.erpReason || ""),
    el("td", {}, p.standing === "REJECTED" && state.admin
      ? el("button", { class: "resend", onclick: () => resend(p.packageId) }, "Resend") : ""))));
}

async function resend(packageId) {
  try {
    await api(`/ops/api/packages/${encodeURIComponent(packageId)}/resend`, { method: "POST", body: "{}" });
    say(`${packageId} sent again`);
  } catch (e) {
    say(e.message, "error");
  }
  await loadPackages();
}

// ---------------------------------------------------------------- parked messages
async function loadParked() {
  const page = await api("/ops/api/dead-letters");
  const reasons = Object.entries(page.byReason).map(([r, n]) => `${r}: ${n}`).join(", ");
  document.getElementById("parked-summary").textContent = `${page.depth} parked${reasons ? " (" + reasons + ")" : ""}`;
  fill("parked-table", page.messages.map(m => el("tr", { "data-message": m.messageId },
    el("td", {}, el("input", { type: "checkbox", class: "parked-pick", value: m.messageId })),
    el("td", {}, m.messageId), el("td", {}, m.type), el("td", {}, m.reason), el("td", {}, m.field),
    el("td", { title: m.bodyPreview }, m.detail), el("td", {}, m.originalQueue), el("td", {}, when(m.parkedAt)),
    el("td", { class: "num" }, m.replays))));
}

async function replaySelected() {
  const ids = [...document.querySelectorAll(".parked-pick:checked")].map(box => box.value);
  if (ids.length === 0) {
    say("Select the messages to replay first", "error");
    return;
  }
  try {
    const result = await api("/ops/dead-letters/replay", { method: "POST", body: JSON.stringify({ messageIds: ids }) });
    const refused = Object.entries(result.refused).map(([id, why]) => `${id}: ${why}`).join("; ");
    say(`Replayed ${result.replayed.length}` + (result.notFound.length ? `, not found ${result.notFound.join(", ")}` : "")
      + (refused ? `, refused ${refused}` : ""), refused ? "error" : "ok");
  } catch (e) {
    say(e.message, "error");
  }
  await loadParked();
}

// ---------------------------------------------------------------- releases and audit
async function loadReleases() {
  const entries = await api("/ops/api/releases");
  fill("release-table", entries.map(e => el("tr", {}, el("td", {}, when(e.at)), el("td", {}, e.actor),
    el("td", {}, e.action), el("td", {}, e.outcome), el("td", {}, e.fromVersion), el("td", {}, e.toVersion),
    el("td", {}, e.reason))));
}

async function loadAudit() {
  const entries = await api("/ops/api/audit");
  fill("audit-table", entries.map(e => el("tr", {}, el("td", {}, when(e.at)), el("td", {}, e.actor),
    el("td", {}, e.action), el("td", {}, e.subject), el("td", {}, e.detail))));
}

const loaders = { overview: loadOverview, exceptions: loadExceptions, approvals: loadApprovals,
  reconciliation: async () => {}, packages: loadPackages, parked: loadParked, releases: loadReleases, audit: loadAudit };

async function show(tab) {
  document.querySelectorAll("#tabs button").forEach(b => b.classList.toggle("active", b.dataset.tab === tab));
  document.querySelectorAll(".tab").forEach(s => s.classList.toggle("active", s.id === tab));
  try {
    await loaders[tab]();
  } catch (e) {
    say(e.message, "error");
  }
}

async function start() {
  const me = await api("/ops/api/me");
  Object.assign(state, { csrfHeader: me.csrfHeader, csrfToken: me.csrfToken, user: me.user, admin: me.roles.includes("admin") });
  document.getElementById("user").textContent = me.user;
  document.getElementById("roles").textContent = me.roles.join(", ");
  document.getElementById("logout-csrf").value = me.csrfToken;
  document.body.classList.toggle("admin", state.admin);
  document.querySelectorAll("#tabs button").forEach(b => b.addEventListener("click", () => show(b.dataset.tab)));
  document.getElementById("exception-filters").addEventListener("submit", e => { e.preventDefault(); loadExceptions().catch(x => say(x.message, "error")); });
  document.getElementById("package-filters").addEventListener("submit", e => { e.preventDefault(); loadPackages().catch(x => say(x.message, "error")); });
  document.getElementById("reconciliation-form").addEventListener("submit", reconcile);
  document.getElementById("request-form").addEventListener("submit", submitRequest);
  document.getElementById("request-cancel").addEventListener("click", () => document.getElementById("request-dialog").close());
  document.getElementById("replay-selected").addEventListener("click", replaySelected);
  document.getElementById("parked-all").addEventListener("change", e =>
    document.querySelectorAll(".parked-pick").forEach(box => { box.checked = e.target.checked; }));
  const tab = (window.location.hash || "#overview").substring(1);
  await show(loaders[tab] ? tab : "overview");
  document.body.dataset.ready = "true";
}

start().catch(e => say(e.message, "error"));
