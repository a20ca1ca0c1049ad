import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import { isbot } from "isbot";
import type { Db } from "@/db/client";
import { qrSalts } from "@/db/schema";
import { addDays, PAPER_TIME_ZONE, type IsoDate } from "@/lib/dates";

/**
 * Who scanned, as far as analytics needs it and no further: the kind of
 * device, the app whose browser opened the code, bot or not, and a visitor
 * hash that is only comparable within one day (its salt rotates daily and old
 * salts are deleted, so nobody can later recompute a hash from an IP).
 */
export type Device = "ios" | "android" | "desktop" | "other";
// Shared with the reader's browser (components/reader/in-app-hint.tsx), so it lives in a module without server code.
export { inAppBrowser, type InAppBrowser } from "./in-app-browser";

export function deviceClass(userAgent: string): Device {
  if (/iPhone|iPad|iPod/i.test(userAgent)) return "ios";
  if (/Android/i.test(userAgent)) return "android";
  if (/Mobile|OpenHarmony|HarmonyOS/i.test(userAgent)) return "other";
  if (/Windows NT|Macintosh|X11|CrOS/i.test(userAgent)) return "desktop";
  return "other";
}

export const isBotAgent = (userAgent: string): boolean => isbot(userAgent);

/** How long the HMAC key of a day is kept: today's and yesterday's (scans queued over midnight still hash). */
const SALT_DAYS_KEPT = 2;

const saltStore = globalThis as unknown as { __caixinQrSalts?: Map<IsoDate, string> };
const salts = () => (saltStore.__caixinQrSalts ??= new Map());

/** The salt of a day in the paper's zone, created on first use; expired salts are deleted on the way. */
export async function saltFor(db: Db, day: IsoDate, today: IsoDate = paperDay()): Promise<string> {
  const cached = salts().get(day);
  if (cached) return cached;
  await db.insert(qrSalts).values({ day, salt: randomBytes(32).toString("base64url") }).onConflictDoNothing({ target: qrSalts.day });
  const [row] = await db.select({ salt: qrSalts.salt }).from(qrSalts).where(eq(qrSalts.day, day)).limit(1);
  if (!row) throw new Error(`The visitor salt of ${day} could not be stored`);
  const oldest = addDays(today, -(SALT_DAYS_KEPT - 1));
  await db.delete(qrSalts).where(lt(qrSalts.day, oldest));
  for (const key of salts().keys()) if (key < oldest) salts().delete(key);
  salts().set(day, row.salt);
  return row.salt;
}

/** Forget the in-memory salts (tests that move between databases). */
export function forgetSalts(): void {
  salts().clear();
}

export function visitorHash(salt: string, ip: string, userAgent: string): string {
  return createHmac("sha256", salt).update(`${ip}\n${userAgent}`).digest("base64url");
}

// One formatter for every scan: building an Intl.DateTimeFormat per call (as dateInZone does) costs up to a millisecond.
const paperDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: PAPER_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date of `at` in the paper's zone (same as dateInZone, cheap enough for every request). */
export const paperDay = (at: Date = new Date()): IsoDate => paperDayFormat.format(at);

/** The visitor hash of a scan at `at`, with the salt of that day in the paper's zone. */
export async function visitorHashAt(db: Db, at: Date, ip: string, userAgent: string): Promise<string> {
  return visitorHash(await saltFor(db, paperDay(at)), ip, userAgent);
}
