import { PGlite } from "@electric-sql/pglite";
import { count, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { qrCodes, qrScans } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { BATCH_SIZE, ScanRecorder, type PendingScan } from "./scan-recorder";
import { forgetSalts } from "./visitor";

const ip = "198.51.100.23";
const scan = (i: number, overrides: Partial<PendingScan> = {}): PendingScan => ({
  at: new Date(),
  codeId: null,
  requestedCode: `ORPHAN${i % 10}`,
  outcome: "unknown",
  device: "ios",
  inApp: "wechat",
  hasReferrer: false,
  isBot: false,
  ip,
  userAgent: `Mozilla/5.0 (iPhone) MicroMessenger/8.0 #${i % 7}`,
  ...overrides,
});

/** A database handle whose connection is gone: every query fails, as during an outage. */
async function closedDb(): Promise<Db> {
  const client = new PGlite();
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  await client.close();
  return db;
}

describe("scan recorder: batched writes off the request path", () => {
  let db: Db;
  let drop: () => Promise<void>;
  const quiet = () => {};
  const scans = async () => (await db.select({ n: count() }).from(qrScans))[0]!.n;

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    forgetSalts();
  });
  afterAll(async () => {
    forgetSalts();
    await drop();
  });
  beforeEach(async () => {
    await db.delete(qrScans);
  });

  it("writes 1,000 queued scans as 1,000 rows, in batches of at most 500", async () => {
    const recorder = new ScanRecorder(async () => db, quiet);
    const done = Array.from({ length: 1000 }, (_, i) => recorder.record(scan(i)));
    await Promise.all(done);
    await recorder.flush();
    expect(recorder.pending).toBe(0);
    expect(await scans()).toBe(1000);
    expect(BATCH_SIZE).toBe(500);
  });

  it("flushes a small batch by itself within the interval", async () => {
    const recorder = new ScanRecorder(async () => db, quiet);
    await recorder.record(scan(1));
    expect(await scans()).toBe(1);
  });

  it("keeps the scans queued when the database fails, never throws, and writes them once it is back", async () => {
    const broken = await closedDb();
    let current: Db = broken;
    const errors: string[] = [];
    const recorder = new ScanRecorder(async () => current, (message) => errors.push(message));
    const done = Array.from({ length: 120 }, (_, i) => recorder.record(scan(i)));
    await expect(Promise.all(done)).resolves.toBeDefined(); // resolves after the failed attempt, never rejects
    await expect(recorder.flush()).resolves.toBeUndefined();
    expect(recorder.pending).toBe(120);
    expect(errors[0]).toMatch(/could not write 120 scans/);
    expect(await scans()).toBe(0);

    current = db;
    await recorder.flush();
    expect(recorder.pending).toBe(0);
    expect(await scans()).toBe(120);
  });

  it("keeps a scan of a code deleted while it waited, as an orphan of the code it asked for", async () => {
    const [code] = await db.insert(qrCodes).values({ code: "GONE234", label: "删除测试", placement: "campaign", destination: "subscribe" }).returning();
    const recorder = new ScanRecorder(async () => db, quiet);
    const pending = [recorder.record(scan(1, { codeId: code!.id, requestedCode: "GONE234", outcome: "ok" })), recorder.record(scan(2))];
    await db.delete(qrCodes).where(eq(qrCodes.id, code!.id));
    await Promise.all(pending);
    const rows = await db.select().from(qrScans);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.requestedCode === "GONE234")).toMatchObject({ codeId: null, outcome: "ok" });
  });

  it("stores no IP address anywhere: only the visitor hash", async () => {
    const recorder = new ScanRecorder(async () => db, quiet);
    await Promise.all([recorder.record(scan(1)), recorder.record(scan(2, { ip: "2001:db8::42" }))]);
    const rows = await db.select().from(qrScans);
    expect(rows).toHaveLength(2);
    const everything = JSON.stringify(rows);
    expect(everything).not.toContain(ip);
    expect(everything).not.toContain("2001:db8::42");
    expect(rows[0]!.visitorHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
