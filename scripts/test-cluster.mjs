import { createHmac } from "node:crypto";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { clusterDatabase, startCluster } from "./cluster.mjs";
import { root } from "./lib.mjs";

/**
 * `npm run test:cluster`: two instances of the standalone build behind nginx
 * on loopback, on one fresh PostgreSQL database (DATABASE_URL names the
 * server; default the local one). Through nginx: a QR scan burst (every scan
 * counted exactly once, whichever instance took it) and a sign-in burst (the
 * throttle holds across instances). Then an issue published on one instance
 * shows on the other at once, though that one had the page cached. Last, one
 * instance is stopped (SIGTERM) in the middle of a burst: every request it
 * accepted is answered, its queued scans are written, and nginx carries on
 * with the other.
 */
process.env.DATABASE_URL ||= "postgres://postgres@127.0.0.1:5432/postgres";
const distDir = process.env.NEXT_DIST_DIR ?? ".next-test";
const basePort = Number(process.env.CLUSTER_PORT ?? 3400);
const SCANS = 600;
const SIGN_IN_ATTEMPTS = 24;
const SIGN_IN_LIMIT = 5; // lib/throttle.ts SIGN_IN_BY_ACCOUNT / SIGN_IN_BY_IP
const PUBLISH_VISIBLE_WITHIN_MS = 5_000;

let failures = 0;
function check(ok, message) {
  console.log(`  ${ok ? "✓" : "✗"} ${message}`);
  if (!ok) failures++;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function burst(url, amount, connections = 25) {
  return new Promise((resolve, reject) => autocannon({ url, amount, connections, headers: { "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0" } }, (error, result) => (error ? reject(error) : resolve(result))));
}

async function scansOf(sql, code) {
  const [{ n }] = await sql`select count(*)::int as n from qr_scans where requested_code = ${code}`;
  return n;
}

/** Polls until `read()` equals `expected` (scans are written in batches after the answer), then makes sure it stays there. */
async function settle(read, expected, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (value < expected && Date.now() < until) {
    await sleep(100);
    value = await read();
  }
  await sleep(1_000);
  return read();
}

async function standaloneServes(cluster) {
  console.log("▸ The standalone copies serve the reader");
  const page = await fetch(`${cluster.url}/`);
  const html = await page.text();
  const nonce = /'nonce-([^']+)'/.exec(page.headers.get("content-security-policy") ?? "")?.[1];
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
  check(page.status === 200 && html.includes("财信报"), `/ answers 200 with the front page (${page.status})`);
  // `/` is an islands page (lib/islands-page.mjs): our inline theme script with the nonce, and the islands' module from 'self'.
  const inline = scripts.filter((tag) => !/\ssrc=/.test(tag));
  check(Boolean(nonce) && inline.length > 0 && inline.every((tag) => tag.includes(`nonce="${nonce}"`)), `its ${inline.length} inline scripts carry the response's CSP nonce`);
  const islands = /<script type="module" src="(\/_next\/static\/islands\/[^"]+\.js)">/.exec(html)?.[1];
  check(Boolean(islands) && (await fetch(`${cluster.url}${islands}`)).status === 200, `it loads the islands script, not Next's runtime, and the copy serves it (${islands})`);
  const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
  check(Boolean(css) && (await fetch(`${cluster.url}${css}`)).status === 200, `the build's static files are there (${css})`);
}

async function qrBurst(cluster, sql) {
  console.log(`▸ QR scan burst: ${SCANS} scans of /q/CXBNEWS through nginx`);
  const before = await scansOf(sql, "CXBNEWS");
  const upstreams = new Set();
  for (let i = 0; i < 4; i++) upstreams.add((await fetch(`${cluster.url}/q/CXBNEWS`, { redirect: "manual" })).headers.get("x-upstream"));
  const result = await burst(`${cluster.url}/q/CXBNEWS`, SCANS - 4);
  check(upstreams.size === 2, `nginx spreads the scans over both instances (${[...upstreams].join(", ")})`);
  check(result.non2xx === 0 && result.errors === 0, `every scan answered 200 (${result["2xx"]} × 2xx, ${result.non2xx} other, ${result.errors} errors)`);
  const counted = await settle(() => scansOf(sql, "CXBNEWS"), before + SCANS);
  check(counted - before === SCANS, `scans counted exactly: ${counted - before} of ${SCANS}`);
}

async function signInBurst(cluster) {
  console.log(`▸ Sign-in burst: ${SIGN_IN_ATTEMPTS} wrong passwords for one account at once through nginx`);
  const csrf = await fetch(`${cluster.url}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const attempt = async (password) => {
    const response = await fetch(`${cluster.url}/api/auth/callback/password`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ csrfToken, email: "subscriber@demo.test", password, callbackUrl: cluster.url }),
    });
    const location = response.headers.get("location") ?? "";
    return { upstream: response.headers.get("x-upstream"), code: new URL(location, cluster.url).searchParams.get("code") ?? (location ? "signed-in" : `status ${response.status}`) };
  };
  const results = await Promise.all(Array.from({ length: SIGN_IN_ATTEMPTS }, (_, i) => attempt(`wrong-password-${i}`)));
  const checked = results.filter((r) => r.code === "credentials").length;
  const throttled = results.filter((r) => r.code?.startsWith("throttled")).length;
  check(new Set(results.map((r) => r.upstream)).size === 2, "the attempts reached both instances");
  // Each attempt counts against the account and the address at once; in a parallel burst the two counters
  // may order the attempts differently, so fewer than the limit can get through, never more. Counters kept
  // per instance would let up to twice the limit through.
  check(checked >= 1 && checked <= SIGN_IN_LIMIT && checked + throttled === SIGN_IN_ATTEMPTS, `the throttle is shared: ${checked} passwords checked (limit ${SIGN_IN_LIMIT} for the whole cluster), ${throttled} refused as throttled`);
  const right = await Promise.all([attempt("caixin-demo-2026"), attempt("caixin-demo-2026")]);
  check(right.every((r) => r.code?.startsWith("throttled")), `even the right password is refused on every instance until the lock ends (${right.map((r) => r.code).join(", ")})`);
}

async function publishOnOneReadOnOther(cluster, sql, env) {
  console.log("▸ Publish on instance 1, read on instance 2");
  const [a, b] = cluster.instances;
  const date = "2026-05-07";
  const [{ id }] = await sql`
    insert into issues (date, number, page_count, status, publish_at)
    values (${date}, 1254, 1, 'scheduled', now() - interval '1 minute') returning id`;
  await sql`insert into pages (issue_id, number, name) values (${id}, 1, '要闻')`;
  const archive = `${b.url}/archive/2026-05`;
  const lists = async () => (await (await fetch(archive)).text()).includes(`/issues/${date}`);
  await lists();
  const cached = (await fetch(archive)).headers.get("x-nextjs-cache");
  check(cached === "HIT" && !(await lists()), `instance 2 has the May archive cached (x-nextjs-cache: ${cached}) without 总第1254期`);
  const token = createHmac("sha256", env.AUTH_SECRET).update("jobs:publish").digest("base64url");
  const published = await (await fetch(`${a.url}/api/jobs/publish`, { method: "POST", headers: { authorization: `Bearer ${token}` } })).json();
  check(published.published?.some((i) => i.number === 1254), "instance 1 published 总第1254期");
  const started = Date.now();
  let seen = false;
  while (!seen && Date.now() - started < 30_000) {
    seen = await lists();
    if (!seen) await sleep(100);
  }
  const ms = Date.now() - started;
  check(seen && ms <= PUBLISH_VISIBLE_WITHIN_MS, `instance 2 lists it after ${ms} ms (limit ${PUBLISH_VISIBLE_WITHIN_MS} ms; its cache would have kept the old page for 300 s)`);
  const issuePage = await fetch(`${b.url}/issues/${date}`);
  check(issuePage.status === 200, `instance 2 serves the issue page (${issuePage.status})`);
}

async function gracefulStop(cluster, sql) {
  console.log("▸ Instance 1 stopped (SIGTERM) in the middle of a scan burst");
  const [a] = cluster.instances;
  const before = await scansOf(sql, "CXBNEWS");
  const running = burst(`${a.url}/q/CXBNEWS`, 2_000, 20);
  await sleep(400);
  a.child.kill("SIGTERM");
  const result = await running;
  const { code, signal } = await a.exited;
  check(code === 143 || signal === "SIGTERM", `instance 1 exited after draining (code ${code}, signal ${signal})`);
  const answered = result["2xx"];
  check(answered > 0, `${answered} scans were answered before and while it stopped; ${result.errors} connections refused once it stopped listening, ${result.non2xx} other answers`);
  check(result.non2xx === 0, "no request it accepted got an error answer");
  const counted = await settle(() => scansOf(sql, "CXBNEWS"), before + answered);
  check(counted - before === answered, `its queued scans were written before it exited: ${counted - before} rows for ${answered} answers`);
  const through = await burst(`${cluster.url}/q/CXBNEWS`, 100, 10);
  check(through["2xx"] === 100, `nginx carries on with instance 2 alone (${through["2xx"]} of 100 answered)`);
}

async function main() {
  await buildIfNeeded({ distDir });
  // The test publishes on one instance itself; no ticker may do it first on the other.
  const database = await clusterDatabase("cluster", { APP_URL: `http://127.0.0.1:${basePort}`, JOBS_IN_SERVER: "0" });
  const { env } = database;
  const sql = postgres(env.DATABASE_URL, { max: 2, onnotice: () => {} });
  let cluster;
  try {
    console.log("▸ Starting 2 instances and nginx");
    cluster = await startCluster({ count: 2, basePort, distDir, env, workDir: path.join(root, ".test-data", `cluster-${process.pid}`) });
    await standaloneServes(cluster);
    await qrBurst(cluster, sql);
    await signInBurst(cluster);
    await publishOnOneReadOnOther(cluster, sql, env);
    await gracefulStop(cluster, sql);
  } finally {
    await cluster?.stop();
    await sql.end();
    await database.drop();
  }
  if (failures > 0) throw new Error(`${failures} cluster check(s) failed`);
  console.log("✓ Cluster test passed");
}

main().catch((error) => {
  console.error(`\n✗ ${error.message}`);
  process.exit(1);
});
