import path from "node:path";
import postgres from "postgres";
import { root } from "./lib.mjs";

/**
 * Every table of the public schema, by name, as a hash of all its rows: two
 * fingerprints differ exactly where a row was added, removed or changed.
 * PGlite is opened only while the app is stopped (one process per data folder).
 */
const TABLES = "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1";
const fingerprintSql = (table) => `select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from "${table}" t`;

/** What the audit log holds, readable: an unexpected entry names the action that wrote it. */
const AUDIT_ACTIONS = "select coalesce(string_agg(action || ' ' || coalesce(entity, '') || ' ' || coalesce(entity_id::text, ''), ', ' order by id), '') as h from audit_log";

export async function databaseFingerprint(env) {
  if (env.DATABASE_URL) {
    const sql = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
    try {
      const out = {};
      for (const { table_name } of await sql.unsafe(TABLES)) out[table_name] = (await sql.unsafe(fingerprintSql(table_name)))[0].h;
      out["audit_log actions"] = (await sql.unsafe(AUDIT_ACTIONS))[0].h;
      return out;
    } finally {
      await sql.end();
    }
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite(path.resolve(root, env.DATA_DIR, "pglite"));
  try {
    const out = {};
    for (const { table_name } of (await db.query(TABLES)).rows) out[table_name] = (await db.query(fingerprintSql(table_name))).rows[0].h;
    out["audit_log actions"] = (await db.query(AUDIT_ACTIONS)).rows[0].h;
    return out;
  } finally {
    await db.close();
  }
}
