import "server-only";
import { createHash } from "node:crypto";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "@/lib/env";

/**
 * Reads the Auth.js session JWT from the request's cookies. Decrypting a JWE
 * costs about a millisecond, and a reader sends the same token on every
 * request, so decoded tokens are remembered (until their own expiry, at most a
 * minute). Auth.js's `auth()` would also re-encrypt the token each time.
 */
const cookieNames = ["__Secure-authjs.session-token", "authjs.session-token"];
const MEMORY_MS = 60_000;
const memory = new Map<string, { until: number; uid: string | null }>();

export async function sessionUserId(): Promise<string | null> {
  const jar = await cookies();
  for (const name of cookieNames) {
    const token = jar.get(name)?.value ?? joinChunks(name, jar.getAll());
    if (token) return decodeRemembered(token, name);
  }
  return null;
}

function joinChunks(name: string, all: { name: string; value: string }[]): string | undefined {
  const chunks = all
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((c) => c.value).join("") : undefined;
}

async function decodeRemembered(token: string, salt: string): Promise<string | null> {
  const key = createHash("sha256").update(salt).update(token).digest("base64url");
  const hit = memory.get(key);
  if (hit && hit.until > Date.now()) return hit.uid;
  let uid: string | null = null;
  let until = Date.now() + MEMORY_MS;
  try {
    const payload = await decode({ token, salt, secret: env().AUTH_SECRET });
    if (payload && typeof payload.uid === "string") uid = payload.uid;
    if (payload?.exp) until = Math.min(until, payload.exp * 1000);
  } catch {
    uid = null; // tampered, expired or signed with another secret: anonymous
  }
  if (memory.size > 50_000) memory.clear();
  memory.set(key, { until, uid });
  return uid;
}
