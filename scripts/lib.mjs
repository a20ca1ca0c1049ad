import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

export const root = path.resolve(import.meta.dirname, "..");
export const bin = (name) => path.join(root, "node_modules/.bin", name);

/** Runs a command, inheriting stdio; resolves on exit 0, rejects otherwise. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

// scripts/server.mjs is copied into the standalone build (next.config.ts outputFileTracingIncludes).
const sourceEntries = ["app", "components", "lib", "db/schema.ts", "instrumentation.ts", "messages", "middleware.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "scripts/server.mjs", "scripts/build-islands.mjs"];

/** A fingerprint of everything `next build` reads, to rebuild only when the code changed. */
export function sourceFingerprint() {
  const hash = createHash("sha256");
  const visit = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p).sort()) if (!entry.startsWith(".") && entry !== "node_modules") visit(path.join(p, entry));
    } else if (!/\.test\.tsx?$/.test(p)) {
      hash.update(path.relative(root, p));
      hash.update(readFileSync(p));
    }
  };
  for (const entry of sourceEntries) visit(path.join(root, entry));
  return hash.digest("hex");
}

/**
 * Environment for a throw-away database: a new PGlite folder, or a new database
 * on the PostgreSQL server of DATABASE_URL. `drop()` removes it again.
 */
export async function freshDatabaseEnv(label) {
  const dataDir = path.join(root, ".test-data", `${label}-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const base = process.env.DATABASE_URL;
  if (!base) return { env: { DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const name = `caixin_${label}_${randomBytes(5).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    drop: async () => {
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls a URL until it answers 200, or throws after `timeoutMs`. */
export async function waitForUrl(url, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000}s`);
}

/**
 * Forgets the pages Next cached at run time (ISR) in a build folder. A suite or
 * benchmark on a fresh database must not be served pages rendered from an
 * earlier run's data (say, an issue published by the previous run).
 */
export function clearRuntimeCache(distDir) {
  for (const dir of ["server/route-cache", "cache/fetch-cache"]) rmSync(path.join(root, distDir, dir), { recursive: true, force: true });
}
