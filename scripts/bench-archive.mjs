import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { aiArticlePath, measure, signIn } from "./bench-http.mjs";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { bin, clearRuntimeCache, freshDatabaseEnv, root, run, waitForUrl } from "./lib.mjs";

/**
 * The reader at archive size (issue 7): the same measurements on the demo
 * archive (5 issues) and again after a 10-year archive is added (1,000 issues,
 * 100,000 generated articles; scripts/bench-search.ts seeds it), on one fresh
 * PostgreSQL database. Search p50/p95 is measured on the big archive in
 * between. Target: the article page's p99 at size no worse than 1.5× its
 * figure on the demo archive.
 *
 * Two kinds of article requests are measured, because they scale differently:
 *   - first renders: the page cache cleared and the server restarted, each of
 *     the demo's articles requested once, in turn (the render queries the
 *     database), and the subscriber's body API (queries on every request);
 *   - steady state: autocannon on the cached page and on page + body API.
 *
 *   node scripts/bench-archive.mjs      (DATABASE_URL: the server; default the local PostgreSQL)
 */
process.env.DATABASE_URL ||= "postgres://postgres@127.0.0.1:5432/postgres";
const port = Number(process.env.BENCH_ARCHIVE_PORT ?? 3201);
const base = `http://127.0.0.1:${port}`;
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const RATIO_TARGET = 1.5;
const distDir = process.env.NEXT_DIST_DIR ?? ".next";

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function timed(path, headers = {}) {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return performance.now() - started;
}

function startServer(env) {
  clearRuntimeCache(distDir);
  const server = spawn(process.execPath, ["scripts/server.mjs", "-p", String(port)], { cwd: root, stdio: "ignore", env: { ...process.env, ...env, LOG_ACCESS: "0" } });
  return server;
}

async function stopServer(server) {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

/** One round of measurements on whatever the database holds now. */
async function measureRound(label, env, demoArticleIds, archiveArticleIds) {
  const server = startServer(env);
  try {
    await waitForUrl(`${base}/api/health`);
    const session = await signIn(base, "subscriber@demo.test", "caixin-demo-2026");
    const cookie = { cookie: session };
    // The first request to a route loads its code: warm the article route with an id that is not in the sets.
    await fetch(`${base}/articles/999999999`);
    await fetch(`${base}/api/articles/999999999/body`, { headers: cookie });
    // First renders: every article once, anonymous page (ISR miss) then the subscriber's body API.
    const firstRenders = [];
    const bodies = [];
    for (const id of demoArticleIds) {
      firstRenders.push(await timed(`/articles/${id}`));
      bodies.push(await timed(`/api/articles/${id}/body`, cookie));
    }
    const archiveRenders = [];
    for (const id of archiveArticleIds) archiveRenders.push(await timed(`/articles/${id}`));
    const article = await aiArticlePath(base);
    const steady = [
      await measure({ base, title: "article (anonymous, cached)", paths: article, duration }),
      await measure({ base, title: "article view = page + body (subscriber)", paths: [article, `/api${article}/body`], headers: cookie, duration }),
    ];
    const stats = (title, values) => ({ target: title, requests: values.length, "p50 ms": +percentile(values, 50).toFixed(1), "p99 ms": +percentile(values, 99).toFixed(1) });
    const rows = [stats("article first render (demo articles)", firstRenders), stats("article body API, uncached (demo articles)", bodies)];
    if (archiveRenders.length) rows.push(stats("article first render (archive articles)", archiveRenders));
    for (const row of steady) rows.push({ target: row.target, requests: `${row["views/s"]}/s`, "p50 ms": row["p50 ms"], "p99 ms": row["p99 ms"], errors: row.errors });
    console.log(`\n${label}`);
    console.table(rows);
    return rows;
  } finally {
    await stopServer(server);
  }
}

async function main() {
  await buildIfNeeded({ distDir });
  const database = await freshDatabaseEnv("bench_archive");
  database.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const sql = postgres(database.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  let failed = false;
  try {
    await run(bin("tsx"), ["scripts/migrate.ts"], { env: database.env });
    await run(bin("tsx"), ["scripts/seed.ts"], { env: database.env });
    const demoArticleIds = (await sql`select a.id from articles a join issues i on i.id = a.issue_id where i.status = 'published' order by a.id`).map((r) => r.id);
    const small = await measureRound(`Demo archive (${demoArticleIds.length} published articles)`, database.env, demoArticleIds, []);

    console.log("\n▸ Seeding the 10-year archive …");
    await run(bin("tsx"), ["--conditions=react-server", "scripts/bench-search.ts", "--seed-only"], { env: database.env });
    // As a production database would be after autovacuum: visibility maps set, statistics current.
    // Measured right after the load, background vacuuming would compete with the server for the cores.
    await sql.unsafe("vacuum (analyze) issues, pages, articles, article_search");
    console.log("\n▸ Search on the archive");
    try {
      await run(bin("tsx"), ["--conditions=react-server", "scripts/bench-search.ts"], { env: { ...database.env, BENCH_REUSE_DB: "1" } });
    } catch {
      failed = true; // bench-search prints its own verdict
    }
    const [{ count }] = await sql`select count(*)::int as count from articles`;
    const archiveArticleIds = (await sql`select id from articles where is_sample order by random() limit 100`).map((r) => r.id);
    const large = await measureRound(`Archive of ${count.toLocaleString("en-US")} articles`, database.env, demoArticleIds, archiveArticleIds);

    console.log(`\nArticle page at archive size vs the demo archive (target: p99 ≤ ${RATIO_TARGET}× the demo figure)`);
    const comparison = small.map((row) => {
      const big = large.find((r) => r.target === row.target);
      const ratio = big["p99 ms"] / row["p99 ms"];
      if (ratio > RATIO_TARGET) failed = true;
      return { target: row.target, "demo p99 ms": row["p99 ms"], "archive p99 ms": big["p99 ms"], ratio: +ratio.toFixed(2), result: ratio <= RATIO_TARGET ? "met" : "MISSED" };
    });
    console.table(comparison);
  } finally {
    await sql.end();
    await database.drop();
  }
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`\n✗ ${error.message}`);
  process.exit(1);
});
