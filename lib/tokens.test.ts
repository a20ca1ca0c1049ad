import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authTokens, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import {
  consumeLinkToken,
  consumeLoginCode,
  generateLoginCode,
  hashLinkToken,
  inspectLinkToken,
  issueToken,
  MAX_CODE_ATTEMPTS,
} from "@/lib/tokens";

let database: Awaited<ReturnType<typeof freshDatabase>>;
let userId: string;
const minutes = (n: number, from = new Date()) => new Date(from.getTime() + n * 60_000);

beforeAll(async () => {
  database = await freshDatabase();
  const [user] = await database.db.insert(users).values({ email: "token-reader@example.test" }).returning();
  userId = user!.id;
});

afterAll(async () => {
  await database.drop();
});

const wrongCodeFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("sign-in codes", () => {
  it("are drawn from all 10^6 six-digit strings", () => {
    const codes = Array.from({ length: 5_000 }, generateLoginCode);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    // About 12 collisions are expected among 5,000 draws from 10^6; a smaller space would show many more.
    expect(new Set(codes).size).toBeGreaterThan(4_950);
    // Codes below 100000 (leading zeros) are a tenth of the space: a generator of 100000–999999 would never make one.
    expect(codes.filter((c) => c.startsWith("0")).length).toBeGreaterThan(350);
  });

  it("stores neither the link token nor the code in clear", async () => {
    const issued = await issueToken(userId, "login");
    const [row] = await database.db.select().from(authTokens).where(eq(authTokens.id, issued.id));
    expect(row!.linkHash).toBe(hashLinkToken(issued.token));
    expect(row!.linkHash).not.toContain(issued.token);
    expect(row!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.codeHash).not.toContain(issued.code!);
    expect(Buffer.from(issued.token, "base64url")).toHaveLength(32);
  });

  it("work once", async () => {
    const { code } = await issueToken(userId, "login");
    expect(await consumeLoginCode(userId, code!)).toBe("ok");
    expect(await consumeLoginCode(userId, code!)).toBe("no_active_code");
  });

  it("expire after 15 minutes", async () => {
    const issuedAt = new Date();
    const { code, expiresAt } = await issueToken(userId, "login", { now: issuedAt });
    expect(expiresAt.getTime() - issuedAt.getTime()).toBe(15 * 60_000);
    expect(await consumeLoginCode(userId, code!, { now: minutes(15, issuedAt) })).toBe("no_active_code");
    expect(await consumeLoginCode(userId, code!, { now: minutes(14, issuedAt) })).toBe("ok");
  });

  it("lock the token after five wrong codes, even for the right one", async () => {
    const { code, token } = await issueToken(userId, "login");
    for (let i = 0; i < MAX_CODE_ATTEMPTS; i++) expect(await consumeLoginCode(userId, wrongCodeFor(code!))).toBe("wrong");
    expect(await consumeLoginCode(userId, code!)).toBe("no_active_code");
    // The 256-bit link in the same mail cannot be guessed, so a code lockout does not take it away.
    expect(await consumeLinkToken("login", token)).toBe(userId);
  });

  it("allow at most five guesses even when they arrive in parallel", async () => {
    const { code } = await issueToken(userId, "login");
    const guesses = await Promise.all(Array.from({ length: 12 }, () => consumeLoginCode(userId, wrongCodeFor(code!))));
    expect(guesses.filter((g) => g === "wrong")).toHaveLength(MAX_CODE_ATTEMPTS);
    expect(await consumeLoginCode(userId, code!)).toBe("no_active_code");
  });

  it("count a wrong code against the token but not the right one", async () => {
    const { id, code } = await issueToken(userId, "login");
    expect(await consumeLoginCode(userId, wrongCodeFor(code!))).toBe("wrong");
    expect(await consumeLoginCode(userId, code!)).toBe("ok");
    const [row] = await database.db.select().from(authTokens).where(eq(authTokens.id, id));
    expect(row!.failedAttempts).toBe(1);
    expect(row!.usedAt).not.toBeNull();
  });

  it("refuse malformed codes without touching the token", async () => {
    const { id, code } = await issueToken(userId, "login");
    for (const bad of ["", "12345", "1234567", "12a456", ` ${code}`]) expect(await consumeLoginCode(userId, bad)).toBe("wrong");
    const [row] = await database.db.select().from(authTokens).where(eq(authTokens.id, id));
    expect(row!.failedAttempts).toBe(0);
    expect(await consumeLoginCode(userId, code!)).toBe("ok");
  });

  it("are replaced by a newer mail: only the latest code and link work", async () => {
    const first = await issueToken(userId, "login");
    const second = await issueToken(userId, "login");
    expect(await consumeLinkToken("login", first.token)).toBeNull();
    expect(await consumeLoginCode(userId, first.code!)).toBe(first.code === second.code ? "ok" : "wrong");
    expect(await consumeLinkToken("login", second.token)).toBe(first.code === second.code ? null : userId);
  });
});

describe("link tokens", () => {
  it("work once and only for their purpose", async () => {
    const { token } = await issueToken(userId, "reset_password");
    expect(await consumeLinkToken("login", token)).toBeNull();
    expect(await inspectLinkToken("reset_password", token)).toEqual({ userId, state: "usable" });
    expect(await consumeLinkToken("reset_password", token)).toBe(userId);
    expect(await consumeLinkToken("reset_password", token)).toBeNull();
    expect(await inspectLinkToken("reset_password", token)).toEqual({ userId, state: "used" });
  });

  it("cannot be used twice by racing clicks", async () => {
    const { token } = await issueToken(userId, "reset_password");
    const results = await Promise.all(Array.from({ length: 8 }, () => consumeLinkToken("reset_password", token)));
    expect(results.filter((r) => r === userId)).toHaveLength(1);
  });

  it("expire: 15 minutes for a reset, 24 hours for email verification", async () => {
    const now = new Date();
    const reset = await issueToken(userId, "reset_password", { now });
    expect(await inspectLinkToken("reset_password", reset.token, { now: minutes(15, now) })).toEqual({ userId, state: "expired" });
    expect(await consumeLinkToken("reset_password", reset.token, { now: minutes(15, now) })).toBeNull();

    const verify = await issueToken(userId, "verify_email", { now });
    expect(verify.code).toBeNull();
    expect(await consumeLinkToken("verify_email", verify.token, { now: minutes(24 * 60, now) })).toBeNull();
    expect(await consumeLinkToken("verify_email", verify.token, { now: minutes(24 * 60 - 1, now) })).toBe(userId);
  });

  it("are unknown when never issued or absurdly long", async () => {
    expect(await consumeLinkToken("login", "not-a-token")).toBeNull();
    expect(await inspectLinkToken("login", "x".repeat(10_000))).toBeNull();
  });
});
