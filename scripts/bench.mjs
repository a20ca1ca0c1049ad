import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { aiArticlePath, measure, signIn } from "./bench-http.mjs";
import { benchWebhooks } from "./bench-webhooks.mjs";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { jsBudget, printJsBudget, printServedJsBudget, servedJsBudget } from "./js-budget.mjs";
import { lighthouseRows, printLighthouse } from "./lighthouse.mjs";
import { bin, clearRuntimeCache, freshDatabaseEnv, root, run, waitForUrl } from "./lib.mjs";

/**
 * `npm run bench`: the production build on a fresh seeded database (PGlite, or
 * PostgreSQL when DATABASE_URL is set), measured from loopback with autocannon
 * (-c 20 -d 10 per target). Prints views/s, p50, p99 and errors, then
 * Lighthouse on `/` and the article (scripts/lighthouse.mjs). A subscriber's
 * article view is two requests: the cached page, and the rest of the text from
 * the access-checked body API; both are measured alone and together. Then the
 * QR scan path (scripts/bench-qr.mjs) and the 10,000-row reader import
 * (scripts/bench-reader-import.ts), each on a fresh database of its own.
 */
const port = Number(process.env.BENCH_PORT ?? 3200);
const base = `http://127.0.0.1:${port}`;
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const targets = { "/": 400, "article (anonymous)": 700, "article page (subscriber)": 600, "article body API (subscriber)": 600, "article view = page + body (subscriber)": 600 };

const goals = (title) => `≥ ${targets[title]}`;
const measureView = (title, paths, headers = {}) => measure({ base, title, paths, headers, duration, goal: goals(title) });

async function main() {
  await buildIfNeeded();
  printJsBudget(jsBudget());
  const database = await freshDatabaseEnv("bench");
  // `next start` on PostgreSQL counts as production, which rightly refuses to generate secrets.
  database.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  // Webhooks are verified with this secret; the events measured need no Stripe API call, so the key is a dummy.
  Object.assign(database.env, { STRIPE_SECRET_KEY: "sk_test_bench", STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(16).toString("hex")}` });
  let server;
  try {
    clearRuntimeCache(".next");
    await run(bin("tsx"), ["scripts/migrate.ts"], { env: database.env });
    await run(bin("tsx"), ["scripts/seed.ts"], { env: database.env });
    const readers = spawnSync(bin("tsx"), ["scripts/bench-readers.ts", "20"], { cwd: root, env: { ...process.env, ...database.env }, encoding: "utf8" });
    if (readers.status !== 0) throw new Error(`Could not create the benchmark readers: ${readers.stderr}`);
    const readerIds = JSON.parse(readers.stdout);
    server = spawn(process.execPath, ["scripts/server.mjs", "-p", String(port)], { cwd: root, stdio: "ignore", env: { ...process.env, ...database.env } });
    await waitForUrl(`${base}/api/health`);
    const article = await aiArticlePath(base);
    const session = await signIn(base, "subscriber@demo.test", "caixin-demo-2026");
    const body = `/api${article}/body`;
    const rest = await (await fetch(`${base}${body}`, { headers: { cookie: session } })).text();
    if (!rest.includes("内蒙古将聚焦三大目标")) throw new Error("The subscriber does not get the full article: the benchmark would measure the wrong thing");
    for (const path of ["/", article]) await fetch(`${base}${path}`); // first render fills the page cache
    await fetch(`${base}${article}`, { headers: { cookie: session } });
    printServedJsBudget(
      await servedJsBudget(base, [
        { label: "/", path: "/" },
        { label: "article (anonymous)", path: article },
        { label: "article (subscriber)", path: article, headers: { cookie: session } },
      ]),
    );
    const rows = [];
    rows.push(await measureView("/", "/"));
    rows.push(await measureView("article (anonymous)", article));
    rows.push(await measureView("article page (subscriber)", article, { cookie: session }));
    rows.push(await measureView("article body API (subscriber)", body, { cookie: session }));
    rows.push(await measureView("article view = page + body (subscriber)", [article, body], { cookie: session }));
    console.log(`\nBenchmark on ${database.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}: autocannon -c 20 -d ${duration}, loopback, ${article}`);
    console.table(rows);

    printLighthouse(await lighthouseRows(base, ["/", article]));

    const webhookRows = await benchWebhooks({ base, secret: database.env.STRIPE_WEBHOOK_SECRET, userEmail: "bench-reader-1@bench.test", userId: readerIds });
    console.log("\nStripe webhooks (signed checkout.session.completed, 20 readers, concurrency 20):");
    console.table(webhookRows);
  } finally {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await database.drop();
  }
}

/** The QR scan path and the reader CSV import run on databases of their own, after the reader benchmark. */
async function benchOthers() {
  let failed = false;
  for (const [title, command, args] of [
    ["QR scans: /q/CODE", "node", ["scripts/bench-qr.mjs"]],
    ["Reader CSV import: 10,000 rows", bin("tsx"), ["--conditions=react-server", "scripts/bench-reader-import.ts", "10000"]],
    // About fifteen minutes: it seeds a 10-year archive (1,000 issues, 100,000 articles) into PostgreSQL.
    ["Search and the article page on a 100,000-article archive (PostgreSQL)", "node", ["scripts/bench-archive.mjs"]],
  ]) {
    console.log(`\n▸ ${title}`);
    try {
      await run(command, args);
    } catch (error) {
      failed = true;
      console.error(`✗ ${title}: ${error.message}`);
    }
  }
  if (failed) process.exitCode = 1;
}

if (process.argv.includes("--cluster")) {
  // `npm run bench -- --cluster`: the same reader and QR figures through nginx, one instance against two.
  run(process.execPath, ["scripts/bench-cluster.mjs"]).catch(() => process.exit(1));
} else main()
  .then(benchOthers)
  .catch((error) => {
    console.error(`\n✗ ${error.message}`);
    process.exit(1);
  });
