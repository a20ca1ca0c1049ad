import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildIslands } from "./build-islands.mjs";
import { bin, root, run, sourceFingerprint } from "./lib.mjs";

/** `next build` (and the islands, scripts/build-islands.mjs) into NEXT_DIST_DIR (default .next), skipped when the sources are unchanged since the last build. */
export async function buildIfNeeded({ distDir = process.env.NEXT_DIST_DIR ?? ".next", force = false } = {}) {
  const stamp = path.join(root, distDir, "source-fingerprint");
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(root, distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint;
  if (built && !force) {
    console.log(`▸ Build in ${distDir} is up to date.`);
    return;
  }
  console.log(`▸ Building the production app into ${distDir} …`);
  // The build must not see a database: it never opens one, and this proves it.
  const env = { NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "", DATA_DIR: path.join(root, ".build-must-not-touch") };
  await run(bin("next"), ["build"], { env });
  if (existsSync(env.DATA_DIR)) throw new Error("`next build` touched the data folder: some route opens the database at build time.");
  await buildIslands({ distDir });
  writeFileSync(stamp, fingerprint);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildIfNeeded({ force: process.argv.includes("--force") }).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
