import "server-only";
import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import type { Db, Tx } from "@/db/client";
import { getDb } from "@/db/client";
import { qrAttributions, qrCodes, users } from "@/db/schema";
import { env } from "@/lib/env";
import { QR_COOKIE_MAX_AGE_S, tagMatches, tagOf } from "./signed-cookie";
import { logger } from "@/lib/log";

const log = logger.child({ module: "qr" });

/**
 * The print-to-digital funnel: a scan leaves a first-party cookie naming the
 * code and when it was scanned (signed: `codeId.scannedAtMs.tag`). A sign-up or
 * a paid subscription within seven days of that scan is attributed to the code,
 * once per (code, reader, kind). The last scan wins: each scan overwrites it.
 */
export const REF_COOKIE = "qr_ref";
export const ATTRIBUTION_WINDOW_MS = QR_COOKIE_MAX_AGE_S * 1000;
/** A scan "from the future" is a forged or skewed value; allow a clock drift of this much, no more. */
const SKEW_MS = 5 * 60 * 1000;
const PURPOSE = "qr-ref";

export type QrRef = { codeId: number; scannedAt: Date };
export type AttributionKind = "signup" | "subscription";

export function refCookieValue(codeId: number, scannedAt: Date, secret = env().AUTH_SECRET): string {
  const payload = `${codeId}.${scannedAt.getTime()}`;
  return `${payload}.${tagOf(PURPOSE, payload, secret)}`;
}

const withinWindow = (scannedAt: Date, at: Date) => {
  const age = at.getTime() - scannedAt.getTime();
  return age >= -SKEW_MS && age <= ATTRIBUTION_WINDOW_MS;
};

/** The scan the cookie names, when its signature holds and the scan is at most seven days before `now`. */
export function readQrRef(cookieValue: string | undefined | null, now = new Date(), secret = env().AUTH_SECRET): QrRef | null {
  const match = /^([1-9]\d{0,9})\.(\d{1,15})\.([\w-]{1,64})$/.exec(cookieValue ?? "");
  if (!match) return null;
  const [, id, ms, tag] = match;
  if (!tagMatches(PURPOSE, `${id}.${ms}`, tag!, secret)) return null;
  const ref = { codeId: Number(id), scannedAt: new Date(Number(ms)) };
  return withinWindow(ref.scannedAt, now) ? ref : null;
}

/** The ref of the current request's cookie (server actions only: needs Next's request scope). */
export async function currentQrRef(now = new Date()): Promise<QrRef | null> {
  return readQrRef((await cookies()).get(REF_COOKIE)?.value, now);
}

/** What Checkout carries to the webhook (Stripe signs the event, so it comes back trustworthy). */
export function qrCheckoutMetadata(ref: QrRef | null): Record<string, string> {
  return ref ? { qr_code_id: String(ref.codeId), qr_scanned_at: ref.scannedAt.toISOString() } : {};
}

export function qrRefFromMetadata(metadata: Record<string, string> | null | undefined): QrRef | null {
  const id = Number(metadata?.qr_code_id);
  const scannedAt = new Date(metadata?.qr_scanned_at ?? "");
  return Number.isSafeInteger(id) && id > 0 && !Number.isNaN(scannedAt.getTime()) ? { codeId: id, scannedAt } : null;
}

/**
 * Attributes `kind` by `userId` at `at` to the scanned code, when `at` is within
 * seven days of the scan and the code and the reader still exist (a deleted code
 * has no funnel, and a missing row must not fail the caller's transaction). Returns whether a
 * row was written: a second sign-up or subscription for the same code writes nothing.
 */
export async function recordAttribution(db: Db | Tx, ref: QrRef, userId: string, kind: AttributionKind, at = new Date()): Promise<boolean> {
  if (!withinWindow(ref.scannedAt, at)) return false;
  // Key-share locks keep the code and the reader from being deleted before the insert (a foreign key would fail the caller).
  const [code] = await db.select({ id: qrCodes.id }).from(qrCodes).where(eq(qrCodes.id, ref.codeId)).for("key share");
  if (!code) return false;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("key share");
  if (!user) return false;
  const rows = await db
    .insert(qrAttributions)
    .values({ codeId: code.id, userId, kind, scannedAt: ref.scannedAt, at })
    .onConflictDoNothing()
    .returning({ id: qrAttributions.id });
  return rows.length > 0;
}

/**
 * A new account from a visitor who scanned a code in the last seven days. Never
 * fails or delays the registration: errors are logged, and callers run it after the response.
 */
export async function attributeSignup(userId: string, cookieValue: string | undefined, now = new Date()): Promise<boolean> {
  try {
    const ref = readQrRef(cookieValue, now);
    if (!ref) return false;
    return await recordAttribution(await getDb(), ref, userId, "signup", now);
  } catch (error) {
    log.error({ err: error }, "Could not attribute a sign-up to a scan");
    return false;
  }
}
