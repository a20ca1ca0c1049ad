import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { env } from "@/lib/env";

/**
 * Reads the Auth.js session JWT from the request's cookies. Decrypting a JWE
 * costs about a millisecond, and a reader sends the same token on every
 * request, so decoded tokens are remembered (until their own expiry, at most a
 * minute). Auth.js's `auth()` would also re-encrypt the token each time.
 *
 * A session also ends when its user's session version has moved past the one
 * in its token (a new password, "sign out everywhere"): checked against the
 * database at most every few seconds per user, so it holds on every instance.
 */
const cookieNames = ["__Secure-authjs.session-token", "authjs.session-token"];
const MEMORY_MS = 60_000;
const VERSION_MEMORY_MS = 5_000;
type Claims = { uid: string; sv: number } | null;
const memory = new Map<string, { until: number; claims: Claims }>();
// On globalThis: the action that raises a version and the pages that check it may sit in different bundles.
const shared = globalThis as typeof globalThis & { __caixinSessionVersions?: Map<string, { at: number; version: number | null }> };
shared.__caixinSessionVersions ??= new Map();
const versions = shared.__caixinSessionVersions;

export async function sessionUserId(): Promise<string | null> {
  const jar = await cookies();
  for (const name of cookieNames) {
    const token = jar.get(name)?.value ?? joinChunks(name, jar.getAll());
    if (!token) continue;
    const claims = await decodeRemembered(token, name);
    if (!claims) return null;
    return (await currentSessionVersion(claims.uid)) === claims.sv ? claims.uid : null;
  }
  return null;
}

/** The user's session version now (null: no such user), remembered for a few seconds. */
async function currentSessionVersion(uid: string): Promise<number | null> {
  const hit = versions.get(uid);
  if (hit && Date.now() - hit.at < VERSION_MEMORY_MS) return hit.version;
  const db = await getDb();
  const [row] = await db.select({ version: users.sessionVersion }).from(users).where(eq(users.id, uid)).limit(1);
  const version = row?.version ?? null;
  if (versions.size > 50_000) versions.clear();
  versions.set(uid, { at: Date.now(), version });
  return version;
}

/** Call after raising a user's session version here, so this instance ends their sessions at once. */
export function forgetSessionVersion(uid: string): void {
  versions.delete(uid);
}

function joinChunks(name: string, all: { name: string; value: string }[]): string | undefined {
  const chunks = all
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((c) => c.value).join("") : undefined;
}

async function decodeRemembered(token: string, salt: string): Promise<Claims> {
  const key = createHash("sha256").update(salt).update(token).digest("base64url");
  const hit = memory.get(key);
  if (hit && hit.until > Date.now()) return hit.claims;
  let claims: Claims = null;
  let until = Date.now() + MEMORY_MS;
  try {
    const payload = await decode({ token, salt, secret: env().AUTH_SECRET });
    // Tokens from before session versions existed carry none: version 0, the column's default.
    if (payload && typeof payload.uid === "string") claims = { uid: payload.uid, sv: typeof payload.sv === "number" ? payload.sv : 0 };
    if (payload?.exp) until = Math.min(until, payload.exp * 1000);
  } catch {
    claims = null; // tampered, expired or signed with another secret: anonymous
  }
  if (memory.size > 50_000) memory.clear();
  memory.set(key, { until, claims });
  return claims;
}
