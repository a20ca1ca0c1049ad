import { randomBytes } from "node:crypto";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { bin, freshDatabaseEnv, root, run } from "./lib.mjs";

/**
 * `npm test`: unit and integration tests (Vitest), then the end-to-end suite
 * (Playwright in Chromium) against a production build on a fresh database:
 * a new PGlite folder, or a new PostgreSQL database when DATABASE_URL is set.
 */
const distDir = ".next-test";

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
  try {
    console.log(`▸ End-to-end tests in Chromium (${driver})`);
    const env = {
      ...database.env,
      // `next start` on PostgreSQL counts as production, which rightly refuses to generate secrets.
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXT_DIST_DIR: distDir,
      E2E_MAILBOX_DIR: path.join(root, ".test-data", `mailbox-${process.pid}`),
    };
    await run(bin("tsx"), ["scripts/migrate.ts"], { env });
    await run(bin("tsx"), ["scripts/seed.ts"], { env });
    await run(bin("playwright"), ["test"], { env });
  } finally {
    await database.drop();
  }
}

main().catch((error) => {
  console.error(`\n✗ ${error.message}`);
  process.exit(1);
});
