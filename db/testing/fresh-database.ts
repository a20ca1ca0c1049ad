import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { closeDb, getDb, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { resetEnvCache } from "@/lib/env";

/**
 * Points this test file's process at a brand-new, migrated database: a fresh
 * PostgreSQL database on the server named by DATABASE_URL when it is set, or a
 * PGlite folder in a temp dir. Returns the database and a function that drops it.
 */
export async function freshDatabase(): Promise<{ db: Db; drop: () => Promise<void> }> {
  await closeDb();
  const baseUrl = process.env.TEST_BASE_DATABASE_URL ?? process.env.DATABASE_URL;
  let cleanup: () => Promise<void>;
  if (baseUrl) {
    process.env.TEST_BASE_DATABASE_URL = baseUrl;
    const name = `caixin_t_${randomBytes(6).toString("hex")}`;
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    cleanup = async () => {
      const a = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "caixin-test-"));
    process.env.DATA_DIR = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  resetEnvCache();
  const db = await getDb();
  await migrateDatabase(db);
  return {
    db,
    drop: async () => {
      await closeDb();
      await cleanup();
    },
  };
}
