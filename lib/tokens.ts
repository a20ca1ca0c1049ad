import "server-only";
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { and, eq, gt, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { authTokens } from "@/db/schema";
import { env } from "@/lib/env";

/**
 * Single-use mailed secrets. The link token is 256 random bits and stored as a
 * plain SHA-256; the 6-digit code has only 10^6 values, so its stored form is
 * an HMAC keyed with AUTH_SECRET (a database leak alone cannot reverse it) and
 * bound to its token id, and every token allows only five wrong codes.
 */
export type TokenPurpose = (typeof authTokens.$inferSelect)["purpose"];

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  login: 15 * 60_000,
  reset_password: 15 * 60_000,
  verify_email: 24 * 60 * 60_000,
};

export const MAX_CODE_ATTEMPTS = 5;
export const CODE_PATTERN = /^\d{6}$/;

export const hashLinkToken = (token: string): string => createHash("sha256").update(token).digest("hex");

const hashCode = (tokenId: number, code: string): string =>
  createHmac("sha256", env().AUTH_SECRET).update(`${tokenId}:${code}`).digest("hex");

/** Uniform over all 10^6 six-digit strings, leading zeros included. */
export const generateLoginCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, "0");

export type IssuedToken = { id: number; token: string; code: string | null; expiresAt: Date };

/**
 * Issues a token to mail. A new sign-in or reset token retires the user's
 * unused older ones of that purpose, so only the latest mail works. Older
 * verification links stay valid: they only prove the same mailbox.
 */
export async function issueToken(
  userId: string,
  purpose: TokenPurpose,
  { now = new Date(), db }: { now?: Date; db?: Db } = {},
): Promise<IssuedToken> {
  const database = db ?? (await getDb());
  const token = randomBytes(32).toString("base64url");
  const code = purpose === "login" ? generateLoginCode() : null;
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
  const id = await database.transaction(async (tx) => {
    if (purpose !== "verify_email") {
      await tx
        .update(authTokens)
        .set({ usedAt: now })
        .where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt)));
    }
    const [row] = await tx
      .insert(authTokens)
      .values({ userId, purpose, linkHash: hashLinkToken(token), expiresAt, createdAt: now })
      .returning({ id: authTokens.id });
    if (code !== null) await tx.update(authTokens).set({ codeHash: hashCode(row!.id, code) }).where(eq(authTokens.id, row!.id));
    return row!.id;
  });
  return { id, token, code, expiresAt };
}

const usable = (now: Date) => and(isNull(authTokens.usedAt), gt(authTokens.expiresAt, now));

/**
 * Uses a link token exactly once: the `where used_at is null` update is atomic,
 * so two clicks racing each other cannot both succeed. Returns the user's id.
 * A sign-in link keeps working after five wrong codes: at 256 bits it cannot be
 * guessed, and refusing it would let anyone who knows the address lock it out.
 */
export async function consumeLinkToken(
  purpose: TokenPurpose,
  token: string,
  { now = new Date(), db }: { now?: Date; db?: Db } = {},
): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const database = db ?? (await getDb());
  const [row] = await database
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.linkHash, hashLinkToken(token)), eq(authTokens.purpose, purpose), usable(now)))
    .returning({ userId: authTokens.userId });
  return row?.userId ?? null;
}

export type LinkTokenState = { userId: string; state: "usable" | "used" | "expired" };

/** Reads a link token without using it, e.g. to show a form only for a live reset link. */
export async function inspectLinkToken(
  purpose: TokenPurpose,
  token: string,
  { now = new Date(), db }: { now?: Date; db?: Db } = {},
): Promise<LinkTokenState | null> {
  if (!token || token.length > 200) return null;
  const database = db ?? (await getDb());
  const [row] = await database
    .select({ userId: authTokens.userId, usedAt: authTokens.usedAt, expiresAt: authTokens.expiresAt })
    .from(authTokens)
    .where(and(eq(authTokens.linkHash, hashLinkToken(token)), eq(authTokens.purpose, purpose)))
    .limit(1);
  if (!row) return null;
  const state = row.usedAt ? "used" : row.expiresAt.getTime() <= now.getTime() ? "expired" : "usable";
  return { userId: row.userId, state };
}

export type CodeCheck = "ok" | "wrong" | "no_active_code";

/**
 * Checks a mailed sign-in code for a user. An attempt is reserved atomically
 * before comparing, so even parallel guesses get at most five tries per token;
 * the correct code then marks the token used.
 */
export async function consumeLoginCode(
  userId: string,
  code: string,
  { now = new Date(), db }: { now?: Date; db?: Db } = {},
): Promise<CodeCheck> {
  if (!CODE_PATTERN.test(code)) return "wrong";
  const database = db ?? (await getDb());
  const reserved = await database
    .update(authTokens)
    .set({ failedAttempts: sql`${authTokens.failedAttempts} + 1` })
    .where(
      and(
        eq(authTokens.userId, userId),
        eq(authTokens.purpose, "login"),
        isNotNull(authTokens.codeHash),
        lt(authTokens.failedAttempts, MAX_CODE_ATTEMPTS),
        usable(now),
      ),
    )
    .returning({ id: authTokens.id, codeHash: authTokens.codeHash });
  if (reserved.length === 0) return "no_active_code";

  const match = reserved.find((row) => {
    const expected = Buffer.from(hashCode(row.id, code));
    const stored = Buffer.from(row.codeHash ?? "");
    return stored.length === expected.length && timingSafeEqual(stored, expected);
  });
  if (!match) return "wrong";

  // The right code was not a failure: give the reserved attempt back while using the token.
  const used = await database
    .update(authTokens)
    .set({ usedAt: now, failedAttempts: sql`${authTokens.failedAttempts} - 1` })
    .where(and(eq(authTokens.id, match.id), isNull(authTokens.usedAt)))
    .returning({ id: authTokens.id });
  return used.length === 1 ? "ok" : "no_active_code";
}
