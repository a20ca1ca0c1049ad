import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { bin, clearRuntimeCache, freshDatabaseEnv, root, run, waitForUrl } from "./lib.mjs";

/**
 * `npm test`: unit and integration tests (Vitest), then the end-to-end suite
 * (Playwright in Chromium) against a production build on a fresh database:
 * a new PGlite folder, or a new PostgreSQL database when DATABASE_URL is set;
 * then the outage test (scripts/test-outage.mjs) and the fuzz test
 * (scripts/test-fuzz.mjs) on the same build, the crash test
 * (scripts/test-crash.mjs), and on PostgreSQL the cluster
 * test (scripts/test-cluster.mjs: two instances behind nginx).
 */
const distDir = ".next-test";
// Overridable so that two suites (say, two checkouts) can run side by side.
const appPort = Number(process.env.E2E_PORT ?? 3100);
const stripeDoublePort = Number(process.env.STRIPE_DOUBLE_PORT ?? 12111);

/**
 * Stripe's servers are out of reach, so the e2e app talks to a local Stripe
 * double (e2e/support/stripe-double) that also plays the hosted checkout page
 * and sends signed webhooks back to the app.
 */
const stripeEnv = {
  STRIPE_SECRET_KEY: "sk_test_e2edouble",
  STRIPE_WEBHOOK_SECRET: "whsec_e2edouble",
  STRIPE_API_BASE: `http://127.0.0.1:${stripeDoublePort}`,
};

async function startStripeDouble() {
  const child = spawn(bin("tsx"), ["e2e/support/stripe-double/cli.ts"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      STRIPE_DOUBLE_PORT: String(stripeDoublePort),
      STRIPE_WEBHOOK_SECRET: stripeEnv.STRIPE_WEBHOOK_SECRET,
      STRIPE_DOUBLE_WEBHOOK_URL: `http://127.0.0.1:${appPort}/api/stripe/webhook`,
    },
  });
  await waitForUrl(`${stripeEnv.STRIPE_API_BASE}/_double/health`);
  return () => child.kill("SIGTERM");
}

async function main() {
  const only = process.argv[2];
  const driver = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
  if (only !== "e2e") {
    console.log(`▸ Unit and integration tests (${driver})`);
    await run(bin("vitest"), ["run"]);
  }
  if (only === "unit") return;
  await buildIfNeeded({ distDir });
  const database = await freshDatabaseEnv("e2e");
  const stopStripeDouble = await startStripeDouble();
  try {
    console.log(`▸ End-to-end tests in Chromium (${driver})`);
    const env = {
      ...database.env,
      ...stripeEnv,
      // `next start` on PostgreSQL counts as production, which rightly refuses to generate secrets.
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      E2E_PORT: String(appPort),
      NEXT_DIST_DIR: distDir,
      E2E_MAILBOX_DIR: path.join(root, ".test-data", `mailbox-${process.pid}`),
    };
    clearRuntimeCache(distDir);
    await run(bin("tsx"), ["scripts/migrate.ts"], { env });
    await run(bin("tsx"), ["scripts/seed.ts"], { env });
    await run(bin("tsx"), ["--conditions=react-server", "scripts/stripe-sync.ts"], { env });
    // `npm test -- e2e admin-access` runs only the journeys whose file names match.
    await run(bin("playwright"), ["test", ...process.argv.slice(3)], { env });
  } finally {
    stopStripeDouble();
    await database.drop();
  }
  if (process.argv.length <= 3) {
    // The database stops and starts again under the running app (a private PostgreSQL cluster of its own).
    await run(process.execPath, ["scripts/test-outage.mjs"], { env: { NEXT_DIST_DIR: distDir } });
    // 200 generated bad payloads for every server action and route handler: no 5xx, no rows written.
    await run(process.execPath, ["scripts/test-fuzz.mjs"], { env: { NEXT_DIST_DIR: distDir } });
    // kill -9 during an issue import, a publish and the sweep: whole or nothing, no file left behind.
    await run(process.execPath, ["scripts/test-crash.mjs"]);
    // Several instances need one PostgreSQL: two standalone copies of the build behind nginx.
    if (process.env.DATABASE_URL) await run(process.execPath, ["scripts/test-cluster.mjs"], { env: { NEXT_DIST_DIR: distDir } });
  }
}

main().catch((error) => {
  console.error(`\n✗ ${error.message}`);
  process.exit(1);
});
