import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle, usable wherever a Db is. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Handle = { db: Db; driver: "pglite" | "postgres"; close: () => Promise<void> };

const globalForDb = globalThis as unknown as { __caixinDb?: Promise<Handle> };

async function open(): Promise<Handle> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    throw new Error("The database must not be opened during `next build`: render this route on demand.");
  }
  const { DATABASE_URL, pgliteDir } = env();
  if (DATABASE_URL) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(DATABASE_URL, { max: Number(process.env.DATABASE_POOL_MAX ?? 10), onnotice: () => {} });
    return { db: drizzle(client, { schema }) as unknown as Db, driver: "postgres", close: () => client.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = new PGlite(path.resolve(pgliteDir));
  await client.waitReady;
  return { db: drizzle(client, { schema }) as unknown as Db, driver: "pglite", close: () => client.close() };
}

function handle(): Promise<Handle> {
  globalForDb.__caixinDb ??= open().catch((error) => {
    globalForDb.__caixinDb = undefined;
    throw error;
  });
  return globalForDb.__caixinDb;
}

/** The database, opened on first use: PGlite in DATA_DIR, or PostgreSQL when DATABASE_URL is set. */
export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

export async function dbDriver(): Promise<Handle["driver"]> {
  return (await handle()).driver;
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.__caixinDb;
  globalForDb.__caixinDb = undefined;
  if (current) await (await current).close();
}

export { schema };
