import "server-only";
import { getDb } from "@/db/client";
import { signIns } from "@/db/schema";
import { logger } from "@/lib/log";

const log = logger.child({ module: "sign-in-log" });

/**
 * The sign-in history admins see on a reader's page: when, how, and on what
 * kind of device. Never the IP address or the full user agent: a coarse class
 * is enough to help a reader ("was that you, on an Android phone?").
 *
 * Logging is a side note to signing in: it must never fail or hold up the
 * sign-in itself, so every error is swallowed (and reported to the console).
 */
export type SignInMethod = "password" | "email_code" | "email_link" | "invitation";
export type DeviceClass = "ios" | "android" | "desktop" | "other";

/** Auth.js provider ids (lib/auth.ts) → the method shown to admins. */
const methodByProvider: Record<string, SignInMethod> = {
  password: "password",
  "email-code": "email_code",
  "email-link": "email_link",
  invitation: "invitation",
};

export const signInMethodFor = (provider: string | null | undefined): SignInMethod | null =>
  provider ? (methodByProvider[provider] ?? null) : null;

/** A coarse class from the user agent; iPadOS pretends to be a Mac, which we accept as desktop. */
export function deviceClass(userAgent: string | null | undefined): DeviceClass {
  const ua = (userAgent ?? "").slice(0, 512);
  if (!ua) return "other";
  if (/iPhone|iPad|iPod/i.test(ua)) return "ios";
  if (/Android/i.test(ua)) return "android";
  if (/bot|crawler|spider|curl|wget|python|node-fetch|undici|headless/i.test(ua)) return "other";
  if (/Windows NT|Macintosh|Mac OS X|X11|Linux x86_64|CrOS/i.test(ua)) return "desktop";
  return "other";
}

/** Writes one row; returns false (never throws) when it could not. */
export async function recordSignIn(entry: { userId: string; method: SignInMethod; userAgent?: string | null; at?: Date }): Promise<boolean> {
  try {
    const db = await getDb();
    await db.insert(signIns).values({ userId: entry.userId, method: entry.method, device: deviceClass(entry.userAgent), at: entry.at ?? new Date() });
    return true;
  } catch (error) {
    log.error({ err: error }, "Could not record a sign-in");
    return false;
  }
}

/**
 * For Auth.js `events.signIn` in lib/auth.ts: runs after the session is made,
 * inside the request that signed in, so the user agent is read from its headers.
 */
export async function logSignInEvent(message: { user?: { id?: string | null } | null; account?: { provider?: string | null } | null }): Promise<void> {
  try {
    const userId = message.user?.id;
    const method = signInMethodFor(message.account?.provider);
    if (!userId || !method) return;
    let userAgent: string | null = null;
    try {
      const { headers } = await import("next/headers");
      userAgent = (await headers()).get("user-agent");
    } catch {
      // Outside a request (a script or a test): no user agent, device "other".
    }
    await recordSignIn({ userId, method, userAgent });
  } catch (error) {
    log.error({ err: error }, "Sign-in logging failed unexpectedly");
  }
}
