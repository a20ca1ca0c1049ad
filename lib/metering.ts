import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { meteredReads, publication, users } from "@/db/schema";
import { todayInPaperZone } from "@/lib/dates";
import { env } from "@/lib/env";
import { tagMatches, tagOf } from "@/lib/qr/signed-cookie";

/**
 * Metered free articles (a setting, 0 = off). Staff let readers without a
 * subscription read a few subscriber-only articles in full each calendar month
 * (Asia/Shanghai):
 *
 * - an anonymous device `anonymousPerMonth`, counted on the device in a signed
 *   HttpOnly cookie that only the body API sees (Path=/api/articles), so the
 *   article pages themselves stay one cached copy for everyone;
 * - a signed-in member `memberPerMonth`, counted on the server (metered_reads).
 *
 * Rereading an article already counted this month costs nothing; free articles,
 * QR unlocks, subscribers and staff never count. The only way metered text
 * leaves the server is lib/article-body-answer.ts, which asks here first.
 */
export type MeterSettings = { anonymousPerMonth: number; memberPerMonth: number };
/** What a metered reader has used this month, counting the article just read, out of what they may. */
export type MeterCount = { used: number; allowance: number };

export const METER_COOKIE = "cxb_meter";
/** Only the body API reads the cookie: page requests never carry it, so they stay cacheable. */
export const METER_COOKIE_PATH = "/api/articles";
/** The settings' upper bound; it also keeps the cookie well under 4 KB (100 ids ≈ 1.5 KB). */
export const METER_MAX = 100;
const PURPOSE = "article-meter";

/** The metering month of an instant: "2026-05", in the paper's time zone. */
export const meterMonth = (now = new Date()): string => todayInPaperZone(now).slice(0, 7);

/** Seconds from `now` until the next month begins in Beijing (UTC+8 all year since 1991), when the count resets anyway. */
export function secondsToNextMonth(now = new Date()): number {
  const [year, month] = meterMonth(now).split("-").map(Number) as [number, number];
  const nextMonthStart = Date.UTC(year, month, 1) - 8 * 3_600_000; // Date.UTC rolls month 12 over to January
  return Math.max(60, Math.ceil((nextMonthStart - now.getTime()) / 1000));
}

// ── Settings ──

// A few seconds of memory spares the database on every metered request; saving the setting forgets it
// (on globalThis, because each route's bundle may hold its own copy of this module).
const MEMORY_MS = 5_000;
const shared = globalThis as typeof globalThis & { __caixinMeterSettings?: { at: number; settings: MeterSettings } | null };

export async function meterSettings(): Promise<MeterSettings> {
  const hit = shared.__caixinMeterSettings;
  if (hit && Date.now() - hit.at < MEMORY_MS) return hit.settings;
  const db = await getDb();
  const [row] = await db
    .select({ anonymousPerMonth: publication.meterAnonymousPerMonth, memberPerMonth: publication.meterMemberPerMonth })
    .from(publication)
    .limit(1);
  const settings = row ?? { anonymousPerMonth: 0, memberPerMonth: 0 };
  shared.__caixinMeterSettings = { at: Date.now(), settings };
  return settings;
}

/** Call after saving the settings so this instance uses them at once. */
export function forgetMeterSettings(): void {
  shared.__caixinMeterSettings = null;
}

// ── Anonymous devices: the signed cookie ──

/**
 * The cookie holds the month and the ids of the subscriber-only articles this
 * device read in full that month: base64url(JSON {"m":"2026-05","a":[12,40]}) "." HMAC tag.
 *
 * No cookie, or one from an earlier month, is a fresh count. A cookie whose tag
 * does not match (edited, forged, or signed under a rotated AUTH_SECRET) counts
 * as the allowance used up for this month: it never grants an article, not even
 * one it claims to list. Treating it as empty would be no worse in theory, since
 * clearing cookies resets any device count (that is what "counted on the device"
 * means), but an unverifiable cookie is no evidence of an unused allowance, and
 * the failure is bounded: an honest cookie expires when the month ends.
 */
type DeviceCount = { kind: "fresh" | "counted"; ids: number[] } | { kind: "unverifiable" };

function readDeviceCount(cookieValue: string | undefined | null, month: string, secret: string): DeviceCount {
  if (!cookieValue) return { kind: "fresh", ids: [] };
  const dot = cookieValue.indexOf(".");
  if (cookieValue.length > 4096 || dot <= 0) return { kind: "unverifiable" };
  const payload = cookieValue.slice(0, dot);
  if (!tagMatches(PURPOSE, payload, cookieValue.slice(dot + 1), secret)) return { kind: "unverifiable" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { kind: "unverifiable" };
  }
  const { m, a } = (parsed ?? {}) as { m?: unknown; a?: unknown };
  if (typeof m !== "string" || !Array.isArray(a) || !a.every((id) => Number.isSafeInteger(id) && id > 0)) return { kind: "unverifiable" };
  return m === month ? { kind: "counted", ids: a as number[] } : { kind: "fresh", ids: [] };
}

function writeDeviceCount(month: string, ids: number[], secret: string): string {
  const payload = Buffer.from(JSON.stringify({ m: month, a: ids })).toString("base64url");
  return `${payload}.${tagOf(PURPOSE, payload, secret)}`;
}

export type DeviceMeterAnswer = ({ allowed: true; cookie: string | null } | { allowed: false }) & MeterCount;

/**
 * May this anonymous device read `articleId` in full under an allowance of
 * `allowance` a month? When it may, `cookie` is the new cookie value to set
 * (null when the article was already counted and nothing changed).
 */
export function meterDevice(
  cookieValue: string | undefined | null,
  articleId: number,
  allowance: number,
  now = new Date(),
  secret = env().AUTH_SECRET,
): DeviceMeterAnswer {
  const month = meterMonth(now);
  const count = readDeviceCount(cookieValue, month, secret);
  if (allowance <= 0 || count.kind === "unverifiable") return { allowed: false, used: Math.max(allowance, 0), allowance };
  if (count.kind === "counted" && count.ids.includes(articleId)) return { allowed: true, cookie: null, used: count.ids.length, allowance };
  if (count.ids.length >= allowance) return { allowed: false, used: count.ids.length, allowance };
  const ids = [...count.ids, articleId];
  return { allowed: true, cookie: writeDeviceCount(month, ids, secret), used: ids.length, allowance };
}

/** The cookie's attributes: HttpOnly, seen only by the body API, gone when the month ends. */
export function meterCookieOptions(now = new Date()) {
  return {
    path: METER_COOKIE_PATH,
    maxAge: secondsToNextMonth(now),
    httpOnly: true,
    sameSite: "lax" as const,
    secure: env().APP_URL.startsWith("https:"),
  };
}

// ── Members: counted on the server ──

/**
 * May this member read `articleId` in full under an allowance of `allowance` a
 * month? Counts and records in one transaction that first locks the member's
 * row, so parallel requests (two tabs, a script) are taken one at a time and
 * never read more than the allowance between them.
 */
export async function meterMember(userId: string, articleId: number, allowance: number, now = new Date()): Promise<{ allowed: boolean } & MeterCount> {
  if (allowance <= 0) return { allowed: false, used: 0, allowance };
  const month = meterMonth(now);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("no key update");
    if (!user) return { allowed: false, used: 0, allowance };
    const read = await tx
      .select({ articleId: meteredReads.articleId })
      .from(meteredReads)
      .where(and(eq(meteredReads.userId, userId), eq(meteredReads.month, month)));
    if (read.some((r) => r.articleId === articleId)) return { allowed: true, used: read.length, allowance };
    if (read.length >= allowance) return { allowed: false, used: read.length, allowance };
    await tx.insert(meteredReads).values({ userId, month, articleId }).onConflictDoNothing();
    return { allowed: true, used: read.length + 1, allowance };
  });
}
