import { execFileSync, spawn } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bin, root, run, waitForUrl } from "./lib.mjs";

/**
 * The database goes away while the portal runs, and comes back. On a private
 * PostgreSQL cluster this script starts itself (never the machine's shared
 * one), against the production build `npm test` made:
 * - while it is down: /api/health says so with 503, a page that needs the
 *   database shows the friendly error page (no stack, no SQL), a Stripe
 *   webhook gets a 5xx so Stripe retries, a QR code already resolved still
 *   answers from the cache, and a cached issue page is still served;
 * - when it is back: everything answers again, without restarting the app.
 *
 * Run by `npm test` after the end-to-end suite (skipped with a note when the
 * machine has no PostgreSQL server binaries); alone: `node scripts/test-outage.mjs`.
 */
const distDir = process.env.NEXT_DIST_DIR ?? ".next-test";
const appPort = Number(process.env.OUTAGE_APP_PORT ?? 3190);
const pgPort = Number(process.env.OUTAGE_PG_PORT ?? 54329);
const base = `http://127.0.0.1:${appPort}`;
const webhookSecret = `whsec_${randomBytes(12).toString("hex")}`;

function postgresBin() {
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)) : [];
  const dir = versions.map((v) => `/usr/lib/postgresql/${v}/bin`).find((d) => existsSync(path.join(d, "pg_ctl")));
  return dir ?? null;
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user. */
function asPostgres(command, args) {
  const asRoot = process.getuid?.() === 0;
  return asRoot ? execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" }) : execFileSync(command, args, { stdio: "pipe" });
}

function privateCluster(pgBin) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "caixin-outage-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  asPostgres(path.join(pgBin, "initdb"), ["-D", dir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const ctl = (action) =>
    asPostgres(path.join(pgBin, "pg_ctl"), [
      "-D", dir, "-w", "-t", "60", "-l", path.join(dir, "server.log"),
      ...(action === "start" ? ["-o", `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`] : ["-m", "fast"]),
      action,
    ]);
  return {
    url: `postgres://postgres@127.0.0.1:${pgPort}/postgres`,
    start: () => ctl("start"),
    stop: () => ctl("stop"),
    remove: () => {
      try {
        ctl("stop");
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function signedWebhook(payload) {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac("sha256", webhookSecret).update(`${timestamp}.${payload}`).digest("hex");
  return { "stripe-signature": `t=${timestamp},v1=${signature}`, "content-type": "application/json" };
}

const failures = [];
function check(label, ok, detail = "") {
  console.log(`  ${ok ? "✓" : "✗"} ${label}${ok ? "" : ` — ${detail}`}`);
  if (!ok) failures.push(label);
}

async function get(pathname, options = {}) {
  const response = await fetch(`${base}${pathname}`, { redirect: "manual", ...options });
  return { status: response.status, text: await response.text(), location: response.headers.get("location") };
}

/** The text a reader sees in Chromium once the page has rendered. */
async function shownInBrowser(pathname) {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}${pathname}`);
    await page.getByText("服务暂时不可用").first().waitFor({ timeout: 15_000 }).catch(() => {});
    return await page.locator("body").innerText();
  } finally {
    await browser.close();
  }
}

async function main() {
  const pgBin = postgresBin();
  if (!pgBin) {
    console.log("▸ Outage test: no PostgreSQL server binaries on this machine (/usr/lib/postgresql/*/bin); not run.");
    process.exitCode = 1;
    return;
  }
  console.log(`▸ Outage test: a private PostgreSQL cluster on 127.0.0.1:${pgPort}, the app on ${appPort}`);
  const cluster = privateCluster(pgBin);
  let server;
  try {
    cluster.start();
    const env = {
      ...process.env,
      DATABASE_URL: cluster.url,
      NEXT_DIST_DIR: distDir,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      STRIPE_SECRET_KEY: "sk_test_outage",
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      APP_URL: base,
      JOBS_IN_SERVER: "0",
      LOG_LEVEL: process.env.OUTAGE_LOG === "1" ? "error" : "fatal",
    };
    await run(bin("tsx"), ["scripts/migrate.ts"], { env });
    await run(bin("tsx"), ["scripts/seed.ts"], { env, stdio: "ignore" });
    server = spawn(process.execPath, ["scripts/server.mjs", "-p", String(appPort)], { cwd: root, env, stdio: process.env.OUTAGE_LOG === "1" ? "inherit" : "ignore" });
    await waitForUrl(`${base}/api/health`);

    // Warm what may be served from memory: the QR code, the issue page.
    const qrBefore = await get("/q/CXBNEWS");
    check("before: the masthead QR code answers", qrBefore.status === 200, `status ${qrBefore.status}`);
    const issueBefore = await get("/issues/2026-04-30");
    check("before: the issue page answers", issueBefore.status === 200, `status ${issueBefore.status}`);

    cluster.stop();
    console.log("  … PostgreSQL stopped");

    const health = await get("/api/health");
    check("down: /api/health answers 503 with the database down", health.status === 503 && JSON.parse(health.text).database === "down", `${health.status} ${health.text}`);

    // React does not render error boundaries on the server: Next sends an empty shell with a 500, and the
    // browser renders app/error.tsx from the payload. So a reader's browser is asked what it shows.
    const search = await get("/search?q=%E7%9F%A5%E8%AF%86");
    check("down: a page that needs the database answers 5xx without a stack or SQL", search.status >= 500 && !/ECONNREFUSED|at async|select |postgres:\/\//i.test(search.text), `status ${search.status}`);
    const shown = await shownInBrowser("/search?q=%E7%9F%A5%E8%AF%86");
    check("down: the reader's browser shows the friendly page with a way on", shown.includes("服务暂时不可用") && shown.includes("今日报纸"), shown.slice(0, 200));

    const payload = JSON.stringify({ id: `evt_outage_${Date.now()}`, object: "event", api_version: "2025-01-27.acacia", created: Math.floor(Date.now() / 1000), livemode: false, pending_webhooks: 1, request: null, type: "customer.created", data: { object: { id: "cus_outage", object: "customer" } } });
    const webhook = await fetch(`${base}/api/stripe/webhook`, { method: "POST", body: payload, headers: signedWebhook(payload) });
    check("down: a signed Stripe webhook gets a 5xx (Stripe retries)", webhook.status >= 500, `status ${webhook.status}`);

    const qrDown = await get("/q/CXBNEWS");
    check("down: the QR code still answers from the cache", qrDown.status === 200 && qrDown.text.includes("财信报"), `status ${qrDown.status}`);

    const issueDown = await get("/issues/2026-04-30");
    check("down: the cached issue page is still served", issueDown.status === 200, `status ${issueDown.status}`);

    cluster.start();
    console.log("  … PostgreSQL started again");
    let healthy = false;
    for (let i = 0; i < 30 && !healthy; i++) {
      healthy = (await get("/api/health")).status === 200;
      if (!healthy) await new Promise((r) => setTimeout(r, 1000));
    }
    check("back: /api/health is ok again without restarting the app", healthy);
    const searchAfter = await get("/search?q=%E7%9F%A5%E8%AF%86");
    check("back: the search page works again", searchAfter.status === 200 && searchAfter.text.includes("知识"), `status ${searchAfter.status}`);
    const webhookAfter = await fetch(`${base}/api/stripe/webhook`, { method: "POST", body: payload, headers: signedWebhook(payload) });
    check("back: Stripe's retry of the webhook is accepted", webhookAfter.status < 300, `status ${webhookAfter.status}`);
  } finally {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    cluster.remove();
  }
  if (failures.length > 0) {
    console.error(`✗ Outage test: ${failures.length} check(s) failed`);
    process.exitCode = 1;
  } else console.log("✓ Outage test passed");
}

main().catch((error) => {
  console.error(`\n✗ ${error.stack ?? error.message}`);
  process.exit(1);
});
