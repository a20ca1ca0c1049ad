import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";

/** Arbitrary, fixed: "caixseed" folded into a bigint. Only the seed takes it. */
const SEED_LOCK_KEY = 7_161_130_765_349_225;

/**
 * Runs `work` in a transaction holding a transaction-scoped advisory lock, so
 * two seeders started together (say, two app instances booting) take turns on
 * the check-then-insert steps instead of both inserting.
 */
export function withSeedLock<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`);
    return work(tx);
  });
}
