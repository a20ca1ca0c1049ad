import "server-only";
import { inArray, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { qrCodes, qrScans } from "@/db/schema";
import { visitorHashAt } from "./visitor";
import { logger } from "@/lib/log";

const qrLog = logger.child({ module: "qr" });

/**
 * Scans are written in batches, after the visitor has their answer: a queue
 * in memory, flushed as one multi-row INSERT every 250 ms or every 500 scans,
 * and once more when the process is asked to stop. A failed write keeps the
 * scans queued and retries; recording never throws into a request.
 *
 * The raw IP lives only in this queue, until the batch's visitor hashes are
 * computed; it is never written anywhere.
 */
export type ScanOutcome = "ok" | "unknown" | "disabled" | "expired" | "not_yet" | "error";

export type PendingScan = {
  at: Date;
  codeId: number | null;
  requestedCode: string;
  outcome: ScanOutcome;
  device: string;
  inApp: string | null;
  hasReferrer: boolean;
  isBot: boolean;
  ip: string;
  userAgent: string;
};

export const FLUSH_INTERVAL_MS = 250;
export const BATCH_SIZE = 500;
/** Beyond this many unwritten scans (a long database outage) the oldest are dropped, so memory stays bounded. */
const MAX_QUEUED = 200_000;
const MAX_RETRY_DELAY_MS = 10_000;

type Waiter = { upTo: number; resolve: () => void };

export class ScanRecorder {
  private queue: PendingScan[] = [];
  /** Scans ever enqueued / ever settled (written or dropped): waiters resolve by position. */
  private enqueued = 0;
  private settled = 0;
  private waiters: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> | null = null;
  private failures = 0;

  constructor(
    private readonly database: () => Promise<Db> = getDb,
    private readonly log: (message: string, error?: unknown) => void = (message, error) => qrLog.error({ err: error }, message),
  ) {}

  get pending(): number {
    return this.queue.length;
  }

  /**
   * Queues a scan; the promise resolves once a write of it has been tried
   * (so Next's `after()` keeps a graceful shutdown waiting for it), never rejects.
   */
  record(scan: PendingScan): Promise<void> {
    this.queue.push(scan);
    this.enqueued++;
    if (this.queue.length > MAX_QUEUED) {
      const dropped = this.queue.splice(0, this.queue.length - MAX_QUEUED);
      this.settle(dropped.length);
      this.log(`QR scans: dropped ${dropped.length} unwritten scans (queue full)`);
    }
    const done = new Promise<void>((resolve) => this.waiters.push({ upTo: this.enqueued, resolve }));
    if (this.queue.length >= BATCH_SIZE && this.failures === 0) void this.flush();
    else this.schedule(FLUSH_INTERVAL_MS);
    return done;
  }

  /** Writes everything queued now (in batches of BATCH_SIZE); resolves when done or when a write failed. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => (this.queue.length > 0 && this.failures === 0 ? this.flush() : undefined));
    this.clearTimer();
    this.flushing = this.drain().finally(() => {
      this.flushing = null;
      if (this.queue.length > 0) this.schedule(this.retryDelay());
    });
    return this.flushing;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, BATCH_SIZE);
      try {
        await this.write(batch);
      } catch (error) {
        this.failures++;
        if (this.failures === 1 || this.failures % 20 === 0) this.log(`QR scans: could not write ${batch.length} scans (attempt ${this.failures}), will retry`, error);
        this.releaseWaiters(this.settled + this.queue.length);
        return;
      }
      this.failures = 0;
      this.queue.splice(0, batch.length);
      this.settle(batch.length);
    }
  }

  private async write(batch: PendingScan[]): Promise<void> {
    const db = await this.database();
    const rows: ScanRow[] = [];
    for (const scan of batch) {
      rows.push({
        at: scan.at.toISOString(),
        code_id: scan.codeId,
        requested_code: scan.requestedCode,
        outcome: scan.outcome,
        device: scan.device,
        in_app: scan.inApp,
        has_referrer: scan.hasReferrer,
        is_bot: scan.isBot,
        visitor_hash: await visitorHashAt(db, scan.at, scan.ip, scan.userAgent),
      });
    }
    try {
      await insertScans(db, rows);
    } catch (error) {
      if (sqlState(error) !== "23503") throw error;
      // A code deleted while its scans waited here: keep the scans, as orphans of the code they asked for.
      const ids = [...new Set(rows.map((r) => r.code_id).filter((id): id is number => id !== null))];
      const existing = new Set(ids.length ? (await db.select({ id: qrCodes.id }).from(qrCodes).where(inArray(qrCodes.id, ids))).map((r) => r.id) : []);
      await insertScans(db, rows.map((r) => (r.code_id !== null && !existing.has(r.code_id) ? { ...r, code_id: null } : r)));
    }
  }

  private settle(count: number): void {
    this.settled += count;
    this.releaseWaiters(this.settled);
  }

  private releaseWaiters(upTo: number): void {
    let i = 0;
    while (i < this.waiters.length && this.waiters[i]!.upTo <= upTo) this.waiters[i++]!.resolve();
    if (i > 0) this.waiters.splice(0, i);
  }

  private retryDelay(): number {
    return this.failures === 0 ? FLUSH_INTERVAL_MS : Math.min(MAX_RETRY_DELAY_MS, FLUSH_INTERVAL_MS * 2 ** Math.min(this.failures, 6));
  }

  private schedule(delay: number): void {
    if (this.timer || this.flushing) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
    // Never keeps the process alive by itself: beforeExit flushes what is left.
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

type ScanRow = {
  at: string;
  code_id: number | null;
  requested_code: string;
  outcome: string;
  device: string;
  in_app: string | null;
  has_referrer: boolean;
  is_bot: boolean;
  visitor_hash: string;
};

/**
 * One multi-row INSERT whose rows travel as a single JSON parameter: binding
 * 500 × 9 parameters costs PGlite (which runs on the server's own thread)
 * about five times as long, time every request in flight would wait.
 */
async function insertScans(db: Db, rows: ScanRow[]): Promise<void> {
  await db.execute(sql`
    insert into ${qrScans} (at, code_id, requested_code, outcome, device, in_app, has_referrer, is_bot, visitor_hash)
    select at, code_id, requested_code, outcome, device, in_app, has_referrer, is_bot, visitor_hash
    from json_to_recordset(${JSON.stringify(rows)}::json)
      as scan(at timestamptz, code_id integer, requested_code text, outcome text, device text, in_app text, has_referrer boolean, is_bot boolean, visitor_hash text)`);
}

function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

const store = globalThis as unknown as { __caixinScanRecorder?: ScanRecorder };

/** The process-wide recorder, with flushes on SIGTERM, SIGINT and beforeExit so a graceful stop loses no scan. */
export function scanRecorder(): ScanRecorder {
  if (store.__caixinScanRecorder) return store.__caixinScanRecorder;
  const recorder = new ScanRecorder();
  store.__caixinScanRecorder = recorder;
  process.on("beforeExit", () => {
    if (recorder.pending > 0) void recorder.flush();
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      void recorder.flush().finally(() => {
        // Our listener alone would swallow the signal: when nobody else (next start) handles it, exit as the signal would.
        if (process.listenerCount(signal) === 1) process.exit(signal === "SIGTERM" ? 143 : 130);
      });
    });
  }
  return recorder;
}

/** Queues one scan on the process-wide recorder. Never throws. */
export function recordScan(scan: PendingScan): Promise<void> {
  try {
    return scanRecorder().record(scan);
  } catch (error) {
    qrLog.error({ err: error }, "QR scans: could not queue a scan");
    return Promise.resolve();
  }
}
