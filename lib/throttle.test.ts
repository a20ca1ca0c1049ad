import { randomBytes } from "node:crypto";
import { like } from "drizzle-orm";
import { CredentialsSignin } from "@auth/core/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { hashPassword } from "@/lib/passwords";
import { signInErrorMessage, signInThrottledMessage, throttledMinutes } from "@/lib/auth-messages";
import { authorizePassword } from "@/lib/sign-in";
import {
  clientIp,
  createThrottle,
  SIGN_IN_BY_ACCOUNT,
  ThrottledSignIn,
  type Throttle,
} from "@/lib/throttle";

let database: Awaited<ReturnType<typeof freshDatabase>>;
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  database = await freshDatabase();
  await database.db.insert(users).values([
    { email: "locked@example.test", passwordHash: await hashPassword(PASSWORD) },
    { email: "cleared@example.test", passwordHash: await hashPassword(PASSWORD) },
  ]);
});

afterAll(async () => {
  await database.drop();
});

const requestFrom = (ip: string) =>
  new Request("http://localhost/api/auth/callback/password", { method: "POST", headers: { "x-forwarded-for": ip } });

const attempt = (email: string, password: string, ip: string, throttle?: Throttle) =>
  authorizePassword({ email, password }, requestFrom(ip), { throttle });

/** The error an attempt threw, or null when it returned normally. */
async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error;
  }
}

const freshIp = () => `198.51.100.${randomBytes(1)[0]}:${randomBytes(2).toString("hex")}`;

describe("sign-in throttle on the rate_limits table", () => {
  it("locks an account after five failures, even for the right password, from any address", async () => {
    for (let i = 0; i < 5; i++) expect(await attempt("locked@example.test", "wrong password", freshIp())).toBeNull();

    const error = await refusal(attempt("Locked@Example.test ", PASSWORD, freshIp()));
    expect(error).toBeInstanceOf(ThrottledSignIn);
    expect(error).toBeInstanceOf(CredentialsSignin);
    const minutes = throttledMinutes((error as ThrottledSignIn).code);
    expect(minutes).toBe(15);
    expect(signInThrottledMessage(minutes!)).toBe("登录尝试过多,请 15 分钟后再试");
    expect(signInErrorMessage(error, "password")).toBe(signInThrottledMessage(15));

    // Another address for the same account is still refused.
    expect(await refusal(attempt("locked@example.test", PASSWORD, freshIp()))).toBeInstanceOf(ThrottledSignIn);
    // Another account from a fresh address is not.
    expect(await attempt("cleared@example.test", PASSWORD, freshIp())).toMatchObject({ email: "cleared@example.test" });
  });

  it("holds the lock for a second limiter instance on the same database", async () => {
    const otherInstance = createThrottle({ kind: "drizzle", db: database.db });
    expect(await refusal(attempt("locked@example.test", PASSWORD, freshIp(), otherInstance))).toBeInstanceOf(ThrottledSignIn);
    // The state is rows in rate_limits, not memory: that is what every app instance shares.
    const rows = await database.db.select().from(rateLimits).where(like(rateLimits.key, `${SIGN_IN_BY_ACCOUNT.name}:%`));
    expect(rows.find((r) => r.key === `${SIGN_IN_BY_ACCOUNT.name}:locked@example.test`)?.points).toBeGreaterThan(5);
  });

  it("counts unknown accounts too, so a lock says nothing about who is registered", async () => {
    const email = `nobody-${randomBytes(4).toString("hex")}@example.test`;
    for (let i = 0; i < 5; i++) expect(await attempt(email, "guess", freshIp())).toBeNull();
    expect(await refusal(attempt(email, "guess", freshIp()))).toBeInstanceOf(ThrottledSignIn);
  });

  it("clears the account's counter after a successful sign-in", async () => {
    const ip = freshIp();
    for (let i = 0; i < 4; i++) expect(await attempt("cleared@example.test", "wrong password", freshIp())).toBeNull();
    expect(await attempt("cleared@example.test", PASSWORD, ip)).not.toBeNull();
    for (let i = 0; i < 4; i++) expect(await attempt("cleared@example.test", "wrong password", freshIp())).toBeNull();
    expect(await attempt("cleared@example.test", PASSWORD, ip)).not.toBeNull();
  });

  it("locks an address after five failures across accounts", async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect(await attempt(`spray-${i}@example.test`, "guess", ip)).toBeNull();
    expect(await refusal(attempt("cleared@example.test", PASSWORD, ip))).toBeInstanceOf(ThrottledSignIn);
    expect(await attempt("cleared@example.test", PASSWORD, freshIp())).not.toBeNull();
  });

  it("lets at most five of a burst of parallel guesses through", async () => {
    const email = `burst-${randomBytes(4).toString("hex")}@example.test`;
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => refusal(attempt(email, "guess", freshIp()))));
    expect(outcomes.filter((o) => o === null)).toHaveLength(5);
    expect(outcomes.filter((o) => o instanceof ThrottledSignIn)).toHaveLength(7);
  });
});

// Runs where a Redis is given (CI passes the machine's); a fresh clone without one has nothing to run it on.
if (process.env.TEST_REDIS_URL) describe("sign-in throttle on Redis (TEST_REDIS_URL)", () => {
  it("locks across two clients of the same Redis", async () => {
    const { default: Redis } = await import("ioredis");
    const namespace = `test-${randomBytes(4).toString("hex")}-`;
    const [a, b] = [new Redis(process.env.TEST_REDIS_URL!), new Redis(process.env.TEST_REDIS_URL!)];
    try {
      const first = createThrottle({ kind: "redis", client: a }, namespace);
      const second = createThrottle({ kind: "redis", client: b }, namespace);
      for (let i = 0; i < 5; i++) expect(await attempt("redis@example.test", "guess", freshIp(), first)).toBeNull();
      const error = await refusal(attempt("redis@example.test", "guess", freshIp(), second));
      expect(throttledMinutes((error as ThrottledSignIn).code)).toBe(15);
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });
});

describe("clientIp", () => {
  const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

  it("takes the last entry (the one Next.js sets) unless a proxy is trusted", () => {
    expect(clientIp(headers("203.0.113.9"), false)).toBe("203.0.113.9");
    expect(clientIp(headers("1.1.1.1, 203.0.113.9"), false)).toBe("203.0.113.9");
  });

  it("takes the first entry behind a trusted proxy", () => {
    expect(clientIp(headers("203.0.113.9, 10.0.0.2"), true)).toBe("203.0.113.9");
  });

  it("falls back to a shared key without the header", () => {
    expect(clientIp(headers(), false)).toBe("unknown");
    expect(clientIp(headers(" , "), true)).toBe("unknown");
  });
});
