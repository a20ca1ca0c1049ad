import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { INVALIDATION_CHANNEL, type Invalidation, payloadsOf } from "./message";

const log = logger.child({ module: "cluster" });

// On globalThis: each route's server bundle may hold its own copy of this module, and one
// instance must have one id and one pending message.
type State = { instanceId: string; pending: Invalidation | null };
const shared = globalThis as typeof globalThis & { __caixinCluster?: State };
const state = (shared.__caixinCluster ??= { instanceId: randomUUID(), pending: null });

/** This process's id: a message an instance sent itself is ignored when it comes back. */
export const instanceId = (): string => state.instanceId;

/**
 * Tells the other instances to drop what they cached of a change this instance
 * has just written (and already dropped itself). Sent through PostgreSQL's
 * NOTIFY, batched per tick so one server action sends one message. On PGlite
 * there is only ever one process, so there is nobody to tell.
 *
 * Best effort: if the message is lost, the other instances' caches still
 * expire on their own (reader pages in 60–300 s, QR codes in 60 s, access in 5 s).
 */
export function announce(change: Partial<Pick<Invalidation, "pages" | "qrCodes" | "users">>): void {
  if (!env().DATABASE_URL) return;
  const first = state.pending === null;
  const pending = (state.pending ??= { from: state.instanceId, pages: [], qrCodes: [], users: [] });
  pending.pages.push(...(change.pages ?? []));
  pending.qrCodes.push(...(change.qrCodes ?? []));
  pending.users.push(...(change.users ?? []));
  if (first) setTimeout(() => void send(), 0);
}

async function send(): Promise<void> {
  const message = state.pending;
  state.pending = null;
  if (!message) return;
  try {
    const db = await getDb();
    for (const payload of payloadsOf(message)) await db.execute(sql`select pg_notify(${INVALIDATION_CHANNEL}, ${payload})`);
  } catch (error) {
    log.warn({ err: error }, "Could not tell the other instances about a change; their caches will expire on their own");
  }
}
