import "server-only";
import { env } from "@/lib/env";
import { QR_COOKIE_MAX_AGE_S, tagMatches, tagOf } from "./signed-cookie";

/**
 * Scanning an article's printed code unlocks that article on this device for
 * seven days: the paper in hand already paid for it. The cookie lists the
 * unlocked article ids with their expiry, signed; only those ids are unlocked,
 * and only until then. Value: base64url(JSON {"<articleId>": expiresAtSeconds}) "." tag.
 */
export const UNLOCK_COOKIE = "qr_unlocks";
export const UNLOCK_SECONDS = QR_COOKIE_MAX_AGE_S;
/** Keeps the cookie small (~600 bytes): a reader who scans more than this loses the unlocks that end soonest. */
export const MAX_UNLOCKS = 20;

const PURPOSE = "qr-unlocks";
type Unlocks = Record<string, number>;

const seconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** The signed unlocks still valid at `now`; anything unsigned, tampered or malformed is no unlock at all. */
function readUnlocks(cookieValue: string | undefined | null, now: Date, secret: string): Unlocks {
  if (!cookieValue || cookieValue.length > 4096) return {};
  const dot = cookieValue.indexOf(".");
  if (dot <= 0) return {};
  const payload = cookieValue.slice(0, dot);
  if (!tagMatches(PURPOSE, payload, cookieValue.slice(dot + 1), secret)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
  const nowS = seconds(now);
  const valid: Unlocks = {};
  for (const [id, expires] of Object.entries(parsed)) {
    if (/^[1-9]\d{0,9}$/.test(id) && Number.isSafeInteger(expires) && (expires as number) > nowS) valid[id] = expires as number;
  }
  return valid;
}

/** The cookie value with `articleId` unlocked for seven days from `now`, keeping the other valid unlocks. */
export function addUnlock(cookieValue: string | undefined | null, articleId: number, now = new Date(), secret = env().AUTH_SECRET): string {
  const unlocks = readUnlocks(cookieValue, now, secret);
  unlocks[String(articleId)] = seconds(now) + UNLOCK_SECONDS;
  const kept = Object.entries(unlocks)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_UNLOCKS);
  const payload = Buffer.from(JSON.stringify(Object.fromEntries(kept))).toString("base64url");
  return `${payload}.${tagOf(PURPOSE, payload, secret)}`;
}

/** Does this cookie unlock this article at `now`? */
export function unlockedArticle(cookieValue: string | undefined | null, articleId: number, now = new Date(), secret = env().AUTH_SECRET): boolean {
  return Object.hasOwn(readUnlocks(cookieValue, now, secret), String(articleId));
}
