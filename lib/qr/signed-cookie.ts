import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * The QR cookies (article unlocks, scan attribution) are plain values with an
 * HMAC-SHA256 tag. Each has its own key, derived from AUTH_SECRET for its
 * purpose, so a tag made for one cookie is worthless in another.
 */
const keys = new Map<string, Buffer>();

function keyFor(purpose: string, secret: string): Buffer {
  const id = `${purpose}\n${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "caixinbao-qr-cookie", purpose, 32));
    if (keys.size > 16) keys.clear(); // only tests use more than one secret
    keys.set(id, key);
  }
  return key;
}

export const tagOf = (purpose: string, payload: string, secret = env().AUTH_SECRET): string =>
  createHmac("sha256", keyFor(purpose, secret)).update(payload).digest("base64url");

/** Does `tag` sign `payload`? Compared in constant time. */
export function tagMatches(purpose: string, payload: string, tag: string, secret = env().AUTH_SECRET): boolean {
  const given = Buffer.from(tag);
  const expected = Buffer.from(tagOf(purpose, payload, secret));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const QR_COOKIE_MAX_AGE_S = 7 * 24 * 60 * 60;

/** A Set-Cookie value for one of the QR cookies: whole site, HttpOnly, Lax (the scan's redirect is a top-level navigation). */
export function qrCookieHeader(name: string, value: string): string {
  const secure = env().APP_URL.startsWith("https:") ? "; Secure" : "";
  return `${name}=${value}; Path=/; Max-Age=${QR_COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Lax${secure}`;
}

/** One cookie's value from a Cookie request header (the scan route reads it without next/headers). */
export function cookieFromHeader(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
