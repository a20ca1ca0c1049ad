import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { freshDatabaseEnv, run, bin } from "./lib.mjs";

/**
 * Backups of the PostgreSQL database with the server's own tools.
 *
 *   node scripts/backup.mjs dump FILE       pg_dump (custom format) of DATABASE_URL into FILE
 *   node scripts/backup.mjs restore FILE    pg_restore FILE into DATABASE_URL, which must be empty
 *   node scripts/backup.mjs check           the round trip, proven: a fresh database on the server of
 *                                           DATABASE_URL is migrated and seeded, dumped, restored into
 *                                           a second fresh one, and every table compared row by row
 *
 * Uploads are not in the database: back up the storage (the local folder, or the S3 bucket) alongside.
 */
const [command, file] = process.argv.slice(2);

function pgTool(name) {
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => `/usr/lib/postgresql/${v}/bin/${name}`).find((p) => existsSync(p));
  return found ?? name; // else on PATH
}

function requireUrl() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: backups are for PostgreSQL (PGlite's data folder is copied while the app is stopped)");
  return url;
}

export function dump(url, target) {
  execFileSync(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", `--file=${target}`, url], { stdio: "inherit" });
}

export async function restore(url, source) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = await sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`;
    if (n > 0) throw new Error("The target database is not empty: restore into a new database, then point DATABASE_URL at it");
  } finally {
    await sql.end();
  }
  execFileSync(pgTool("pg_restore"), ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${url}`, source], { stdio: "inherit" });
}

/** Every table's row count and an order-independent digest of its rows. */
async function fingerprint(url) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql`select table_schema, table_name from information_schema.tables where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`;
    const result = {};
    for (const { table_schema: schema, table_name: name } of tables) {
      const [row] = await sql.unsafe(
        `select count(*)::int as n, coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as digest from "${schema}"."${name}" t`,
      );
      result[`${schema}.${name}`] = `${row.n} rows ${row.digest.slice(0, 12)}`;
    }
    return result;
  } finally {
    await sql.end();
  }
}

async function check() {
  requireUrl();
  const original = await freshDatabaseEnv("backup_src");
  const restored = await freshDatabaseEnv("backup_dst");
  const dir = mkdtempSync(path.join(os.tmpdir(), "caixin-backup-"));
  try {
    await run(bin("tsx"), ["scripts/migrate.ts"], { env: original.env });
    await run(bin("tsx"), ["scripts/seed.ts"], { env: { ...original.env, SEED_DEMO_ACCOUNTS: "1" }, stdio: "ignore" });
    const target = path.join(dir, "caixin.dump");
    dump(original.env.DATABASE_URL, target);
    await restore(restored.env.DATABASE_URL, target);
    const [before, after] = [await fingerprint(original.env.DATABASE_URL), await fingerprint(restored.env.DATABASE_URL)];
    const tables = Object.keys(before);
    const differing = tables.filter((t) => before[t] !== after[t]);
    const users = before["public.users"] ?? "?";
    console.log(`Backup check: ${tables.length} tables, dump ${(statSync(target).size / 1024).toFixed(0)} KB, users ${users}`);
    if (differing.length > 0 || tables.length !== Object.keys(after).length || !/^[1-9]/.test(users)) {
      for (const t of differing) console.error(`  ✗ ${t}: ${before[t]} → ${after[t] ?? "missing"}`);
      throw new Error("the restored database differs from the original");
    }
    console.log("✓ Restored database is identical, table by table");
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await original.drop();
    await restored.drop();
  }
}

async function main() {
  if (command === "dump" && file) return dump(requireUrl(), file);
  if (command === "restore" && file) return restore(requireUrl(), file);
  if (command === "check") return check();
  console.error("usage: node scripts/backup.mjs dump FILE | restore FILE | check");
  process.exitCode = 2;
}

main().catch((error) => {
  console.error(`✗ ${error.message}`);
  process.exit(1);
});
