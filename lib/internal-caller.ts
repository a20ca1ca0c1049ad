import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Bearer tokens for the server's calls to its own routes (the publish ticker,
 * the cluster's invalidation listener): derived from AUTH_SECRET per purpose,
 * so every instance and the CLI jobs know them and nobody else does.
 */
export function internalToken(purpose: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(purpose).digest("base64url");
}

export function isInternalCaller(authorization: string | null, purpose: string): boolean {
  const expected = Buffer.from(`Bearer ${internalToken(purpose)}`);
  const given = Buffer.from(authorization ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
