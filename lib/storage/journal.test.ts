import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { issues, pages, publication, qrCodes, storageJournal } from "@/db/schema";
import { demoPublication } from "@/db/seed/content";
import { freshDatabase } from "@/db/testing/fresh-database";
import { env, resetEnvCache } from "@/lib/env";
import { getObject, putObject } from "./index";
import {
  abandonFiles,
  claimFiles,
  discardFiles,
  FilesSweptError,
  recordPendingFiles,
  removeDiscarded,
  SWEEP_AFTER_MS,
  sweepStorageJournal,
} from "./journal";

/**
 * The journal's promise: whatever point an operation dies at, every file it
 * wrote is either referenced by a committed row or deleted by the next sweep;
 * and the sweep never deletes a file a row refers to.
 */
describe("storage journal", () => {
  let db: Db;
  let drop: () => Promise<void>;
  let tmp: string;
  let nextNumber = 1;
  const previousDataDir = process.env.DATA_DIR;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "caixin-journal-"));
    process.env.DATA_DIR = path.join(tmp, "data");
    resetEnvCache();
    ({ db, drop } = await freshDatabase());
    await db.insert(publication).values(demoPublication);
  });
  afterAll(async () => {
    await drop();
    rmSync(tmp, { recursive: true, force: true });
    if (previousDataDir === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previousDataDir;
    resetEnvCache();
  });
  beforeEach(async () => {
    await db.delete(storageJournal);
  });

  const exists = async (key: string) => (await getObject(key)) !== null;
  const journal = async () => (await db.select({ key: storageJournal.key, state: storageJournal.state }).from(storageJournal).orderBy(storageJournal.key)).map((r) => `${r.key}:${r.state}`);
  /** The sweep waits SWEEP_AFTER_MS for operations still running; a test moves the clock instead of waiting. */
  const age = (minutes: number) => db.update(storageJournal).set({ createdAt: sql`now() - make_interval(mins => ${minutes}::int)` });
  const write = async (keys: string[]) => {
    for (const key of keys) await putObject(key, `bytes of ${key}`, "image/webp");
  };
  /** The rows an operation commits: an issue with one page holding `key`. */
  const insertPage = async (tx: Db, key: string) => {
    const n = nextNumber++;
    const [issue] = await tx.insert(issues).values({ date: `2030-01-${String(n).padStart(2, "0")}`, number: 90000 + n, pageCount: 1 }).returning();
    await tx.insert(pages).values({ issueId: issue!.id, number: 1, name: "第1版", imageKey: key });
    return issue!.id;
  };

  it("a file whose operation died before committing is swept once older than the limit, not before", async () => {
    const keys = ["t/died/1.webp", "t/died/1-thumb.webp"];
    await recordPendingFiles(keys, "test.import");
    await write(keys);
    // The process dies here: no transaction, no clean-up.

    expect(await sweepStorageJournal()).toEqual({ removed: 0, kept: 0, failed: 0 });
    expect(await exists(keys[0]!)).toBe(true);

    await age(SWEEP_AFTER_MS / 60_000 + 1);
    expect(await sweepStorageJournal()).toEqual({ removed: 2, kept: 0, failed: 0 });
    expect(await exists(keys[0]!)).toBe(false);
    expect(await exists(keys[1]!)).toBe(false);
    expect(await journal()).toEqual([]);
  });

  it("files journaled but never written (killed between journal and write) are swept without error", async () => {
    await recordPendingFiles(["t/unwritten/1.webp"], "test.import");
    await age(60);
    expect((await sweepStorageJournal()).failed).toBe(0);
    expect(await journal()).toEqual([]);
  });

  it("a committed operation claims its files: the journal forgets them and no sweep touches them", async () => {
    const key = "t/committed/1.webp";
    await recordPendingFiles([key], "test.import");
    await write([key]);
    await db.transaction(async (tx) => {
      await insertPage(tx as unknown as Db, key);
      await claimFiles(tx, [key]);
    });
    expect(await journal()).toEqual([]);
    await sweepStorageJournal({ olderThanMs: 0 });
    expect(await exists(key)).toBe(true);
  });

  it("an operation that outran the limit cannot commit: the sweep took its files, so its transaction rolls back", async () => {
    const key = "t/slow/1.webp";
    await recordPendingFiles([key], "test.import");
    await write([key]);
    await age(SWEEP_AFTER_MS / 60_000 + 1);
    await sweepStorageJournal();

    const before = (await db.select().from(issues)).length;
    await expect(
      db.transaction(async (tx) => {
        await insertPage(tx as unknown as Db, key);
        await claimFiles(tx, [key]);
      }),
    ).rejects.toBeInstanceOf(FilesSweptError);
    // No row points at the deleted file.
    expect((await db.select().from(issues)).length).toBe(before);
    expect(await db.select().from(pages).where(eq(pages.imageKey, key))).toEqual([]);
  });

  it("a claim rolled back with its transaction leaves the files pending, and abandoning them deletes them at once", async () => {
    const keys = ["t/failed/1.webp", "t/failed/2.webp"];
    await recordPendingFiles(keys, "test.import");
    await write(keys);
    await expect(
      db.transaction(async (tx) => {
        await insertPage(tx as unknown as Db, keys[0]!);
        await claimFiles(tx, keys);
        throw new Error("the date was just taken");
      }),
    ).rejects.toThrow("just taken");
    expect(await journal()).toEqual(keys.map((k) => `${k}:pending`));

    await abandonFiles(keys);
    expect(await exists(keys[0]!)).toBe(false);
    expect(await exists(keys[1]!)).toBe(false);
    expect(await journal()).toEqual([]);
  });

  it("old files discarded in a committed transaction are deleted after it, or by the next sweep at any age if the process died first", async () => {
    const [a, b] = ["t/old/a.webp", "t/old/b.webp"];
    await write([a, b]);
    await db.transaction((tx) => discardFiles(tx, [a, null, b], "test.replace"));
    expect(await journal()).toEqual([`${a}:doomed`, `${b}:doomed`]);

    await removeDiscarded([a]);
    expect(await exists(a)).toBe(false);
    // The process died before removing b: the sweep does not wait for doomed files.
    expect(await sweepStorageJournal()).toMatchObject({ removed: 1 });
    expect(await exists(b)).toBe(false);
    expect(await journal()).toEqual([]);
  });

  it("a discard rolled back with its transaction dooms nothing", async () => {
    const key = "t/kept/a.webp";
    await write([key]);
    await expect(
      db.transaction(async (tx) => {
        await discardFiles(tx, [key], "test.replace");
        throw new Error("rolled back");
      }),
    ).rejects.toThrow();
    expect(await journal()).toEqual([]);
    await sweepStorageJournal({ olderThanMs: 0 });
    expect(await exists(key)).toBe(true);
  });

  it("never deletes a file a row still refers to: a page, a logo or a QR landing picture sharing the key", async () => {
    const [page, logo, qr] = ["t/shared/page.webp", "t/shared/logo.png", "t/shared/qr.png"];
    await write([page, logo, qr]);
    await insertPage(db, page);
    await db.update(publication).set({ logoKey: logo });
    await db.insert(qrCodes).values({ code: "JOURNAL1", label: "t", placement: "campaign", destination: "landing", landing: { title: "t", text: "", imageKey: qr } });
    await db.transaction((tx) => discardFiles(tx, [page, logo, qr], "test.replace"));

    expect(await sweepStorageJournal()).toEqual({ removed: 0, kept: 3, failed: 0 });
    for (const key of [page, logo, qr]) expect(await exists(key)).toBe(true);
    expect(await journal()).toEqual([]);
  });

  it("removes the temp file of a write killed before its rename", async () => {
    const key = "t/halfway/1.webp";
    await recordPendingFiles([key], "test.import");
    const folder = path.join(env().storageDir, "t/halfway");
    await write(["t/halfway/other.webp"]);
    writeFileSync(path.join(folder, "1.webp.abcdef012345.tmp"), "half");
    await age(60);
    await sweepStorageJournal();
    expect(readdirSync(folder).sort()).toEqual(["other.webp", "other.webp.meta.json"]);
    expect(existsSync(path.join(folder, "1.webp"))).toBe(false);
  });
});
