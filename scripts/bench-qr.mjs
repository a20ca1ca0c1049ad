import { spawn } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import postgres from "postgres";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { bin, clearRuntimeCache, freshDatabaseEnv, root, run, waitForUrl } from "./lib.mjs";

/**
 * QR scans under load: `/q/CODE` on the production build, autocannon -c 50
 * -d 10 from loopback. Targets: ≥ 2,000 req/s, p99 ≤ 50 ms, no errors, and
 * after a graceful stop (SIGTERM: the scan queue flushes) exactly one recorded
 * scan per 2xx/3xx answer. Plain Node: it imports nothing from the app.
 *
 * `node scripts/bench-qr.mjs` runs it all on a fresh database (build if
 * needed, migrate, seed, create the codes, start, measure, stop, count).
 * Pieces for scripts/bench.mjs: `createBenchCodes(dbEnv)` before the server starts
 * (PGlite allows one process), `benchQr({ base, seedCode })` while it runs,
 * `countScans(dbEnv)` after it has exited.
 */
export const QR_TARGETS = { rps: 2000, p99: 50 };
const QR_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // as lib/qr/code.ts: no 0/O, 1/I/L

/** SQL against the bench database: PGlite in DATA_DIR/pglite, or DATABASE_URL. Only while no server holds it. */
async function withDatabase(dbEnv, work) {
  if (dbEnv.DATABASE_URL) {
    const client = postgres(dbEnv.DATABASE_URL, { max: 1, onnotice: () => {} });
    try {
      return await work((text, params = []) => client.unsafe(text, params));
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const client = new PGlite(path.resolve(root, dbEnv.DATA_DIR, "pglite"));
  await client.waitReady;
  try {
    return await work(async (text, params = []) => (await client.query(text, params)).rows);
  } finally {
    await client.close();
  }
}

const randomCode = () => Array.from({ length: 7 }, () => QR_ALPHABET[randomInt(QR_ALPHABET.length)]).join("");

/**
 * Two codes on a migrated, seeded database: one redirecting to the latest
 * published issue (the measured path), one showing the default landing page.
 */
export async function createBenchCodes(dbEnv) {
  return withDatabase(dbEnv, async (query) => {
    const [issue] = await query("select id from issues where status = 'published' order by date desc limit 1");
    const redirect = randomCode();
    const landing = randomCode();
    await query(
      "insert into qr_codes (code, label, placement, destination, destination_issue_id) values ($1, '压测 · 今日报纸', 'campaign', $2, $3)",
      [redirect, issue ? "issue" : "subscribe", issue?.id ?? null],
    );
    await query("insert into qr_codes (code, label, placement, destination) values ($1, '压测 · 报头落地页', 'masthead', 'landing')", [landing]);
    return { redirect, landing };
  });
}

export async function countScans(dbEnv) {
  return withDatabase(dbEnv, async (query) => Number((await query("select count(*)::int as n from qr_scans"))[0].n));
}

/**
 * autocannon for `duration` seconds, then every connection finishes the
 * request it has in flight instead of dropping it: a request the server
 * answered (and recorded) is always a response counted here, so the counts
 * can be compared exactly.
 */
function measure(url, { connections, duration, headers }) {
  return new Promise((resolve, reject) => {
    const clients = [];
    const startedAt = performance.now();
    let lastDoneAt = startedAt;
    const instance = autocannon(
      {
        url,
        connections,
        duration: duration + 120, // the real end is the timer below
        headers,
        setupClient: (client) => {
          clients.push(client);
          client.on("done", () => (lastDoneAt = performance.now()));
        },
      },
      // autocannon reports on its next one-second tick: time the run by the last connection instead.
      (error, result) => (error ? reject(error) : resolve({ ...result, seconds: (lastDoneAt - startedAt) / 1000 })),
    );
    setTimeout(() => {
      for (const client of clients) {
        // Stop after the current response: autocannon ends a client once it has made responseMax requests.
        client.responseMax = Math.max(1, client.reqsMade);
        if (client.reqsMade === 0) client.destroy();
      }
    }, duration * 1000);
    instance.on("error", reject);
  });
}

/** One /q/CODE target measured against a running server. Returns a table row and the 2xx/3xx count. */
export async function benchQr({ base, seedCode, title = `/q/${seedCode}`, connections = 50, duration = Number(process.env.BENCH_SECONDS ?? 10), goal = true }) {
  const result = await measure(`${base}/q/${seedCode}`, {
    connections,
    duration,
    headers: { "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47 NetType/WIFI Language/zh_CN" },
  });
  const answered = result["2xx"] + result["3xx"];
  const errors = result.errors + result.timeouts + result["1xx"] + result["4xx"] + result["5xx"];
  const rps = Math.round(answered / result.seconds);
  const row = {
    target: title,
    "req/s": rps,
    "p50 ms": result.latency.p50,
    "p99 ms": result.latency.p99,
    "2xx": result["2xx"],
    "3xx": result["3xx"],
    errors,
    goal: goal ? `≥ ${QR_TARGETS.rps} req/s, p99 ≤ ${QR_TARGETS.p99} ms, 0 errors` : "(landing page, no goal)",
    ok: goal ? (rps >= QR_TARGETS.rps && result.latency.p99 <= QR_TARGETS.p99 && errors === 0 ? "✓" : "✗") : "",
  };
  return { row, answered, errors };
}

/** Sequential requests before measuring (first compile of the route, the cache), counted like the rest. */
async function warmUp(base, code, times = 20) {
  let answered = 0;
  for (let i = 0; i < times; i++) {
    const response = await fetch(`${base}/q/${code}`, { redirect: "manual" });
    await response.arrayBuffer();
    if (response.status >= 200 && response.status < 400) answered++;
  }
  return answered;
}

function stopGracefully(server, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      server.kill("SIGKILL");
      reject(new Error(`the server did not exit within ${timeoutMs / 1000}s of SIGTERM`));
    }, timeoutMs);
    server.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    server.kill("SIGTERM");
  });
}

async function main() {
  const port = Number(process.env.BENCH_PORT ?? 3201);
  const base = `http://127.0.0.1:${port}`;
  await buildIfNeeded();
  const database = await freshDatabaseEnv("bench-qr");
  database.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  let server;
  let stderr = "";
  try {
    clearRuntimeCache(".next");
    await run(bin("tsx"), ["scripts/migrate.ts"], { env: database.env });
    await run(bin("tsx"), ["scripts/seed.ts"], { env: database.env });
    const codes = await createBenchCodes(database.env);

    server = spawn(process.execPath, ["scripts/server.mjs", "-p", String(port)], { cwd: root, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...database.env } });
    server.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    await waitForUrl(`${base}/api/health`);

    let answered = (await warmUp(base, codes.redirect)) + (await warmUp(base, codes.landing));
    const redirect = await benchQr({ base, seedCode: codes.redirect, title: `/q/${codes.redirect} → 302 (issue)` });
    const landing = await benchQr({ base, seedCode: codes.landing, title: `/q/${codes.landing} → 200 (landing page)`, goal: false });
    answered += redirect.answered + landing.answered;

    await stopGracefully(server);
    const recorded = await countScans(database.env);

    console.log(`\nQR scan benchmark on ${database.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}: autocannon -c 50 -d ${process.env.BENCH_SECONDS ?? 10}, loopback, WeChat user agent`);
    console.table([redirect.row, landing.row]);
    const countsMatch = recorded === answered;
    console.log("\nScans recorded after a graceful stop (SIGTERM) vs 2xx/3xx answers, warm-up included:");
    console.table([{ "2xx/3xx answers": answered, "scans in qr_scans": recorded, difference: recorded - answered, ok: countsMatch ? "✓" : "✗" }]);
    if (!countsMatch || redirect.row.ok !== "✓") process.exitCode = 1;
  } catch (error) {
    if (stderr) console.error(stderr);
    throw error;
  } finally {
    if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
    await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(`\n✗ ${error.message}`);
    process.exit(1);
  });
}
