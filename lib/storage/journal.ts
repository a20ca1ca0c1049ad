import { and, asc, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { images, pages, publication, qrCodes, storageJournal } from "@/db/schema";
import { logger } from "@/lib/log";
import { assertValidStorageKey, deleteObject } from "./index";

const log = logger.child({ module: "storage-journal" });

/**
 * Crash safety for operations that write files and then rows (an issue
 * import, a page or photo upload). Storage and the database cannot share a
 * transaction, so the journal (table storage_journal) stands between them:
 *
 * 1. `recordPendingFiles` commits a `pending` row per key BEFORE the file is
 *    written;
 * 2. the operation's transaction calls `claimFiles`, which deletes those rows
 *    together with inserting the rows that refer to the files: both commit,
 *    or neither does;
 * 3. a file whose operation failed goes through `abandonFiles`; one that died
 *    with its process (kill -9, a crash, a deploy) keeps its `pending` row,
 *    and `sweepStorageJournal` deletes it once the row is older than any
 *    operation may take (run before each import and by `npm run jobs:daily`).
 *
 * Old files an operation makes obsolete go the other way: `discardFiles`
 * marks them `doomed` inside the transaction that drops their rows, and they
 * are deleted after the commit (or by the next sweep, if the process died).
 *
 * The journal is in the database, not a listing of the storage folder or
 * bucket, so the sweep works the same with every backend and never has to
 * guess which files belong to someone.
 */

/** A pending file older than this belongs to an operation that died. Generous: a big import on slow S3 takes minutes. */
export const SWEEP_AFTER_MS = 30 * 60 * 1000;

/** The sweep took this operation's files (it ran longer than SWEEP_AFTER_MS): nothing was stored; running it again works. */
export class FilesSweptError extends Error {
  override name = "FilesSweptError";
}

/** Step 1: journal the keys, committed on their own (never inside the operation's transaction, which a crash would take back). */
export async function recordPendingFiles(keys: readonly string[], operation: string): Promise<void> {
  if (!keys.length) return;
  keys.forEach(assertValidStorageKey);
  const db = await getDb();
  await db.insert(storageJournal).values(keys.map((key) => ({ key, operation, state: "pending" as const })));
}

/**
 * Step 2, inside the transaction that stores the rows referring to the files.
 * Throws when a key is no longer pending (swept meanwhile), which rolls the
 * transaction back rather than committing rows whose files are gone.
 */
export async function claimFiles(tx: Tx, keys: readonly string[]): Promise<void> {
  if (!keys.length) return;
  const claimed = await tx
    .delete(storageJournal)
    .where(and(inArray(storageJournal.key, [...keys]), eq(storageJournal.state, "pending")))
    .returning({ key: storageJournal.key });
  if (claimed.length !== new Set(keys).size) {
    throw new FilesSweptError(`${keys.length - claimed.length} of ${keys.length} files were swept before the operation committed`);
  }
}

/** Inside the transaction that stops referring to `keys`: they are deleted once it commits (`removeDiscarded`), or by the sweep. */
export async function discardFiles(tx: Tx, keys: readonly (string | null | undefined)[], operation: string): Promise<string[]> {
  const doomed = [...new Set(keys.filter((k): k is string => Boolean(k)))];
  if (!doomed.length) return [];
  await tx
    .insert(storageJournal)
    .values(doomed.map((key) => ({ key, operation, state: "doomed" as const })))
    .onConflictDoUpdate({ target: storageJournal.key, set: { state: "doomed" } });
  return doomed;
}

/** Keys among `keys` that a row still refers to: those files must stay. Every column holding storage keys belongs here. */
export async function referencedKeys(db: Db | Tx, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const list = [...keys];
  const [pageRows, imageRows, logoRows, qrRows] = await Promise.all([
    db
      .select({ a: pages.imageKey, b: pages.thumbKey, c: pages.pdfKey })
      .from(pages)
      .where(or(inArray(pages.imageKey, list), inArray(pages.thumbKey, list), inArray(pages.pdfKey, list))),
    db.select({ a: images.fileKey }).from(images).where(inArray(images.fileKey, list)),
    db.select({ a: publication.logoKey }).from(publication).where(inArray(publication.logoKey, list)),
    db
      .select({ a: sql<string | null>`${qrCodes.landing}->>'imageKey'`, b: sql<string | null>`${qrCodes.fallback}->>'imageKey'` })
      .from(qrCodes)
      .where(or(sql`${qrCodes.landing}->>'imageKey' in ${list}`, sql`${qrCodes.fallback}->>'imageKey' in ${list}`)),
  ]);
  const found = new Set<string>();
  for (const row of [...pageRows, ...imageRows, ...logoRows, ...qrRows]) {
    for (const key of Object.values(row)) if (key) found.add(key);
  }
  return found;
}

/**
 * Deletes the files of doomed rows, then the rows. A file some row refers to
 * is kept (its journal row goes); a file that could not be deleted keeps its
 * row for the next sweep.
 */
async function removeDoomed(db: Db, keys: readonly string[]): Promise<{ removed: number; kept: number; failed: number }> {
  const counts = { removed: 0, kept: 0, failed: 0 };
  if (!keys.length) return counts;
  const inUse = await referencedKeys(db, keys);
  const done: string[] = [];
  for (const key of keys) {
    if (inUse.has(key)) {
      log.warn({ key }, "A journaled file is referenced by a row; kept");
      counts.kept++;
      done.push(key);
      continue;
    }
    try {
      await deleteObject(key);
      counts.removed++;
      done.push(key);
    } catch (error) {
      log.error({ err: error, key }, "Could not delete a file; the next sweep tries again");
      counts.failed++;
    }
  }
  if (done.length) await db.delete(storageJournal).where(and(inArray(storageJournal.key, done), eq(storageJournal.state, "doomed")));
  return counts;
}

/** After the transaction that called `discardFiles` committed. Never throws: what is left, the sweep finishes. */
export async function removeDiscarded(keys: readonly string[]): Promise<void> {
  try {
    await removeDoomed(await getDb(), keys);
  } catch (error) {
    log.error({ err: error }, "Removing discarded files failed; the sweep will");
  }
}

/** For a failed operation, its pending files (written or not): doomed at once, then removed. Never throws. */
export async function abandonFiles(keys: readonly string[]): Promise<void> {
  if (!keys.length) return;
  try {
    const db = await getDb();
    // Doomed first: a row still `pending` could be claimed by nobody, but the sweep would wait half an hour for it.
    await db
      .update(storageJournal)
      .set({ state: "doomed" })
      .where(and(inArray(storageJournal.key, [...keys]), eq(storageJournal.state, "pending")));
    await removeDoomed(db, keys);
  } catch (error) {
    log.error({ err: error }, "Removing an abandoned operation's files failed; the sweep will");
  }
}

export type SweepResult = { removed: number; kept: number; failed: number };

/**
 * Deletes the files of operations that died (pending longer than
 * `olderThanMs`) and any doomed file still there. The pending rows become
 * doomed in a committed statement first, so an operation still running past
 * the limit can no longer claim them (its transaction fails instead of
 * committing rows whose files the sweep deletes). Idempotent; a sweep killed
 * half-way is finished by the next.
 */
export async function sweepStorageJournal({ olderThanMs = SWEEP_AFTER_MS }: { olderThanMs?: number } = {}): Promise<SweepResult> {
  const db = await getDb();
  // The database's clock, which stamped created_at: the app server's may differ.
  await db
    .update(storageJournal)
    .set({ state: "doomed" })
    .where(and(eq(storageJournal.state, "pending"), lt(storageJournal.createdAt, sql`now() - make_interval(secs => ${olderThanMs / 1000}::double precision)`)));
  const total: SweepResult = { removed: 0, kept: 0, failed: 0 };
  let after = "";
  for (;;) {
    const batch = await db
      .select({ key: storageJournal.key })
      .from(storageJournal)
      .where(and(eq(storageJournal.state, "doomed"), gt(storageJournal.key, after)))
      .orderBy(asc(storageJournal.key))
      .limit(500);
    if (!batch.length) return total;
    const counts = await removeDoomed(
      db,
      batch.map((row) => row.key),
    );
    total.removed += counts.removed;
    total.kept += counts.kept;
    total.failed += counts.failed;
    after = batch[batch.length - 1]!.key;
  }
}
