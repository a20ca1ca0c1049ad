import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { bin, clearRuntimeCache, freshDatabaseEnv, root, run, waitForUrl } from "./lib.mjs";
import { databaseFingerprint } from "./fuzz-fingerprint.mjs";

/**
 * Every server action and every route handler of the production build gets at
 * least 200 generated bad payloads (wrong types, huge strings, unicode edge
 * cases, missing fields, prototype-pollution keys, broken encodings), as an
 * anonymous visitor and as an admin (who gets past the role checks, so the
 * payload reaches validation). Targets: no answer of 500 or more, and no row
 * written: the database's fingerprint (every table's rows, hashed) is the same
 * before and after, apart from the tables whose writes are the point of a
 * refused request (see EXPECTED_WRITES).
 *
 * Run by `npm test` after the end-to-end suite, on a fresh database (PGlite, or
 * PostgreSQL when DATABASE_URL is set). Alone: `node scripts/test-fuzz.mjs`
 * (after a build into .next-test). FUZZ_RUNS changes the payloads per target.
 */
const distDir = process.env.NEXT_DIST_DIR ?? ".next-test";
const port = Number(process.env.FUZZ_PORT ?? 3192);
const base = `http://127.0.0.1:${port}`;
const runsPerTarget = Number(process.env.FUZZ_RUNS ?? 200);
const PASSWORD = "caixin-demo-2026";

/** Tables a refused request rightly writes to, and why. Anything else that changes is a failure. */
const EXPECTED_WRITES = {
  rate_limits: "sign-in, registration and mail attempts are counted per address and account, refused or not",
  sign_ins: "the security log records every sign-in attempt, refused ones included (and the run's own admin sign-in)",
  qr_scans: "every request for /q/… is a scan; unknown codes are counted as orphan scans (issue 6)",
  qr_salts: "the day's salt for hashing QR visitors is created with the first scan of the day",
};

/**
 * Audit entries a request with junk in it rightly writes: an admin's export of the reader list is personal
 * data leaving the system, and is recorded whatever else the request carried. Any other entry is a failure.
 */
const EXPECTED_AUDIT = new Set(["reader.export"]);

/** Actions that end the caller's own session: fuzzed signed out, or they would sign the admin out mid-run. */
const ENDS_SESSION = /signOut/i;

// ── Payloads ──────────────────────────────────────────────────────────────
const unicodeEdges = [
  "\u0000", "\uD800", "\uDFFF", "\u202E", "\u200B\u200D\uFEFF", "𠮷𠮷𠮷", "👩‍👩‍👧‍👦", "e\u0301\u0301\u0301", "Ω≈ç√∫", "'; drop table users; --",
  "<script>alert(1)</script>", "../../etc/passwd", "%00", "%E0%A4%A", "\r\nSet-Cookie: x=1", "${7*7}", "{{7*7}}", "NaN", "Infinity", "-0",
];
const pollutionKeys = ["__proto__", "constructor", "prototype", "__proto__[admin]", "constructor[prototype][admin]", "__defineGetter__", "hasOwnProperty", "toString"];
const commonFields = ["id", "title", "email", "password", "name", "date", "startsOn", "endsOn", "reason", "code", "label", "role", "plan", "issueId", "articleId", "pageNumber", "token", "next", "q", "body", "weekdays", "amount", "months", "note", "destination", "url", "status"];

/** Values that are never valid input (no small positive ids, no well-formed dates or addresses). */
const badValue = fc.oneof(
  fc.constantFrom(...unicodeEdges),
  fc.constantFrom("", " ", "-1", "0", "1.5", "1e309", "99999999999999999999999", "-9007199254740993", "true", "null", "undefined", "[]", "{}", '{"a":', "2026-02-30", "2026-13-01", "not-an-email@", "@@", "javascript:alert(1)", "//evil.example"),
  fc.string({ unit: "binary", maxLength: 64 }),
  fc.string({ unit: "grapheme", maxLength: 64 }),
  fc.integer({ min: 2_000_000_000, max: Number.MAX_SAFE_INTEGER }).map(String),
  fc.integer({ min: -1_000_000, max: -1 }).map(String),
  fc.double({ noDefaultInfinity: false }).map(String),
  fc.json({ maxDepth: 3 }),
);
/** Now and then a huge one (up to 100,000 characters, 300 KB in UTF-8). */
const anyValue = fc.oneof({ weight: 30, arbitrary: badValue }, { weight: 1, arbitrary: fc.nat({ max: 100_000 }).map((n) => "长".repeat(n)) });
const fieldName = fc.oneof(fc.constantFrom(...commonFields), fc.constantFrom(...pollutionKeys), fc.string({ unit: "grapheme-ascii", maxLength: 24 }));
const fields = fc.array(fc.tuple(fieldName, anyValue), { maxLength: 12 });

/** One request body for a server action: React's reply encoding, or something that only looks like it. */
const actionPayload = fc.oneof(
  { weight: 6, arbitrary: fields.map((list) => ({ kind: "form", list })) },
  { weight: 1, arbitrary: fc.constant({ kind: "form", list: [] }) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 4 }).map((json) => ({ kind: "raw", body: json, type: "text/plain;charset=UTF-8" })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({ kind: "raw", body: Buffer.from(bytes), type: "multipart/form-data; boundary=----x" })) },
  { weight: 1, arbitrary: fc.constantFrom('["$K1"', "[1,2,3,4,5]", '[{"__proto__":{"admin":true}},"$K1"]', '"$@0"', "[null]").map((zero) => ({ kind: "zero", zero })) },
);

/** One request for a route handler: a method, a query, and a body. */
const routePayload = fc.record({
  method: fc.constantFrom("GET", "GET", "POST", "POST", "PUT", "DELETE", "PATCH", "HEAD"),
  segment: badValue,
  query: fc.array(fc.tuple(fieldName, anyValue), { maxLength: 6 }),
  body: fc.oneof(
    fc.constant(undefined),
    fc.json({ maxDepth: 4 }).map((text) => ({ text, type: "application/json" })),
    fields.map((list) => ({ list, type: "multipart" })),
    fc.uint8Array({ maxLength: 4096 }).map((bytes) => ({ bytes: Buffer.from(bytes), type: "application/octet-stream" })),
    fc.constantFrom("{", "null", '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}').map((text) => ({ text, type: "application/json" })),
  ),
});

// ── The build's targets ───────────────────────────────────────────────────
const manifest = (name) => JSON.parse(readFileSync(path.join(root, distDir, "server", name), "utf8"));
const withoutLocale = (p) => p.replace(/^app\/\[locale\]\//, "app/").replace(/^\/\[locale\](?=\/|$)/, "");

/** "/[locale]/admin/issues/[id]/page" → "/admin/issues/1" (where the action's page lives; the id does not matter). */
function pagePathOf(worker) {
  const segments = withoutLocale(worker.replace(/^app/, "")).replace(/\/page$/, "").split("/").filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.map((s) => (/^\[.*\]$/.test(s) ? "1" : s)).join("/")}`;
}

function serverActions() {
  return Object.entries(manifest("server-reference-manifest.json").node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page")) ?? Object.keys(entry.workers)[0];
    return { id, label: `${withoutLocale(entry.filename ?? "?")}#${entry.exportedName ?? "?"}`, page: pagePathOf(worker) };
  });
}

/** Route handlers, by URL pattern: "/api/articles/[id]/body". */
function routeHandlers() {
  const routes = Object.keys(manifest("app-paths-manifest.json")).filter((r) => r.endsWith("/route"));
  return [...new Set(routes.map((r) => withoutLocale(r).replace(/\/route$/, "").split("/").filter((s) => !/^\(.*\)$/.test(s)).join("/") || "/"))];
}

/** A lone surrogate cannot be %-encoded: such a segment is sent as its UTF-8 replacement, as a browser would. */
const encodeSegment = (segment) => encodeURIComponent(segment.toWellFormed()).slice(0, 2000) || "x";
const fill = (pattern, segment) => pattern.replace(/\[\[?\.{0,3}[^\]]+\]\]?/g, encodeSegment(String(segment)));

// ── Requests ──────────────────────────────────────────────────────────────
async function signIn(email) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const response = await fetch(`${base}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), "x-forwarded-for": "10.250.0.1" },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: base }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Could not sign in ${email}`);
  return session.split(";")[0];
}

function formOf(list, prefix = "") {
  const form = new FormData();
  for (const [key, value] of list) form.append(`${prefix}${key}`, typeof value === "string" ? value : JSON.stringify(value));
  return form;
}

function actionRequest(action, payload, cookie) {
  const headers = { "Next-Action": action.id, Accept: "text/x-component", ...(cookie ? { cookie } : {}) };
  if (payload.kind === "raw") return { path: action.page, init: { method: "POST", headers: { ...headers, "content-type": payload.type }, body: payload.body } };
  const form = payload.kind === "zero" ? formOf([]) : formOf(payload.list, "1_");
  form.append("0", payload.kind === "zero" ? payload.zero : JSON.stringify([{}, "$K1"]));
  return { path: action.page, init: { method: "POST", headers, body: form } };
}

function routeRequest(pattern, payload, cookie) {
  const url = new URL(fill(pattern, payload.segment), base);
  for (const [key, value] of payload.query) url.searchParams.append(key.toWellFormed(), (typeof value === "string" ? value : JSON.stringify(value)).slice(0, 4000).toWellFormed());
  const headers = cookie ? { cookie } : {};
  let body;
  if (payload.body && payload.method !== "GET" && payload.method !== "HEAD") {
    if (payload.body.type === "multipart") body = formOf(payload.body.list);
    else {
      body = payload.body.text ?? payload.body.bytes;
      headers["content-type"] = payload.body.type;
    }
  }
  return { path: url.pathname + url.search, init: { method: payload.method, headers, body } };
}

// Node refuses a request whose head is larger than this with 431 and closes the connection at once; a
// client still sending the body then sees EPIPE or a reset instead of the answer.
const NODE_MAX_HEADER_BYTES = 16 * 1024;
const headBytes = (target, headers = {}) => Buffer.byteLength(target) + Object.entries(headers).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 64);

async function send({ path: target, init }) {
  try {
    const response = await fetch(`${base}${target}`, { ...init, redirect: "manual", signal: AbortSignal.timeout(60_000) });
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    const code = error.cause?.code ?? error.name;
    if ((code === "EPIPE" || code === "ECONNRESET") && headBytes(target, init.headers) > NODE_MAX_HEADER_BYTES) return 431;
    return `network: ${code}`;
  }
}

/** Sends one target's payloads, a few at a time; returns the status counts and the failures. */
async function fuzzTarget(label, requests) {
  const statuses = new Map();
  const failures = [];
  for (let i = 0; i < requests.length; i += 8) {
    const batch = requests.slice(i, i + 8);
    const results = await Promise.all(batch.map(send));
    results.forEach((status, j) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (typeof status !== "number" || status >= 500) failures.push({ status, request: describe(batch[j]) });
    });
  }
  return { label, count: requests.length, statuses, failures };
}

const describe = ({ path: target, init }) => `${init.method} ${target.slice(0, 160)}${init.body instanceof FormData ? ` form[${[...init.body.keys()].slice(0, 6).join(",")}]` : ""}`;

// ── The run ───────────────────────────────────────────────────────────────
async function main() {
  const database = await freshDatabaseEnv("fuzz");
  const env = {
    ...database.env,
    NEXT_DIST_DIR: distDir,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    STRIPE_SECRET_KEY: "sk_test_fuzz",
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(12).toString("hex")}`,
    STRIPE_API_BASE: "http://127.0.0.1:9",
    APP_URL: base,
    JOBS_IN_SERVER: "0",
    LOG_LEVEL: "fatal",
    LOG_ACCESS: "0",
  };
  let server;
  const failures = [];
  try {
    clearRuntimeCache(distDir);
    await run(bin("tsx"), ["scripts/migrate.ts"], { env });
    await run(bin("tsx"), ["scripts/seed.ts"], { env, stdio: "ignore" });
    const before = await databaseFingerprint(env);

    server = spawn(process.execPath, ["scripts/server.mjs", "-p", String(port)], { cwd: root, env: { ...process.env, ...env }, stdio: process.env.FUZZ_LOG === "1" ? "inherit" : "ignore" });
    const exited = new Promise((resolve) => server.on("exit", resolve));
    await waitForUrl(`${base}/api/health`);
    const admin = await signIn("admin@demo.test");

    const actions = serverActions();
    const routes = routeHandlers();
    console.log(`▸ Fuzzing ${actions.length} server actions and ${routes.length} route handlers, ${runsPerTarget} payloads each`);
    let sent = 0;
    const report = (r) => {
      sent += r.count;
      const summary = [...r.statuses].sort((a, b) => String(a[0]).localeCompare(String(b[0]))).map(([s, n]) => `${s}×${n}`).join(" ");
      console.log(`  ${r.failures.length ? "✗" : "✓"} ${r.label}: ${summary}`);
      for (const f of r.failures.slice(0, 3)) console.log(`      ${f.status} ← ${f.request}`);
      if (r.failures.length) failures.push(`${r.label}: ${r.failures.length} answer(s) of 500 or more`);
    };
    for (const action of actions) {
      const payloads = fc.sample(actionPayload, { numRuns: runsPerTarget });
      const requests = payloads.map((p, i) => actionRequest(action, p, i % 2 === 1 && !ENDS_SESSION.test(action.label) ? admin : undefined));
      report(await fuzzTarget(`action ${action.label}`, requests));
    }
    for (const route of routes) {
      const payloads = fc.sample(routePayload, { numRuns: runsPerTarget });
      report(await fuzzTarget(`route ${route}`, payloads.map((p, i) => routeRequest(route, p, i % 2 === 1 ? admin : undefined))));
    }

    server.kill("SIGTERM");
    await exited;
    server = undefined;
    const after = await databaseFingerprint(env);
    const newAudit = after["audit_log actions"].slice(before["audit_log actions"].length).replace(/^, /, "");
    const auditOnlyExpected = newAudit.split(", ").filter(Boolean).every((entry) => EXPECTED_AUDIT.has(entry.split(" ")[0]));
    const changed = Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
    const unexpected = changed.filter((table) => !(table in EXPECTED_WRITES) && !(table.startsWith("audit_log") && auditOnlyExpected));
    for (const table of changed) console.log(`  ${unexpected.includes(table) ? "✗" : "·"} ${table} changed${table in EXPECTED_WRITES ? ` (expected: ${EXPECTED_WRITES[table]})` : ""}`);
    if (newAudit) console.log(`    new audit entries: ${[...new Set(newAudit.split(", "))].join(", ")}${auditOnlyExpected ? " (expected: reader-list exports are always audited)" : ""}`);
    if (unexpected.length) failures.push(`rows written to ${unexpected.join(", ")}`);
    console.log(`  ${sent} requests; tables changed: ${changed.length ? changed.join(", ") : "none"}`);
  } finally {
    server?.kill("SIGTERM");
    await database.drop();
  }
  if (failures.length) {
    console.error(`✗ Fuzz test: ${failures.length} failure(s)\n  ${failures.join("\n  ")}`);
    process.exitCode = 1;
  } else console.log("✓ Fuzz test passed: no 5xx, no rows written but the expected ones");
}

main().catch((error) => {
  console.error(`\n✗ ${error.stack ?? error.message}`);
  process.exit(1);
});
