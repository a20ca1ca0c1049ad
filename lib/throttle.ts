import "server-only";
import type Redis from "ioredis";
// The very class next-auth re-exports (it pins this @auth/core), imported directly so plain Node tests can load it.
import { CredentialsSignin } from "@auth/core/errors";
import { RateLimiterDrizzle, RateLimiterRedis, type RateLimiterRes } from "rate-limiter-flexible";
import { getDb, type Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { env } from "@/lib/env";
import { normalizeEmail } from "@/lib/users";

/**
 * Attempt counters shared by every app instance: the `rate_limits` table by
 * default, Redis when REDIS_URL is set. Each policy is a fixed window that
 * starts with the first counted attempt.
 */
export type Policy = { name: string; points: number; durationSeconds: number };

export const SIGN_IN_BY_ACCOUNT: Policy = { name: "signin-account", points: 5, durationSeconds: 15 * 60 };
export const SIGN_IN_BY_IP: Policy = { name: "signin-ip", points: 5, durationSeconds: 15 * 60 };
/** Mails a visitor can trigger (sign-in codes, resets, verification): each one costs us and lands in someone's inbox. */
export const MAIL_BY_EMAIL: Policy = { name: "mail-email", points: 5, durationSeconds: 15 * 60 };
export const MAIL_BY_IP: Policy = { name: "mail-ip", points: 30, durationSeconds: 15 * 60 };
export const REGISTER_BY_IP: Policy = { name: "register-ip", points: 10, durationSeconds: 60 * 60 };

export type Hit = { policy: Policy; key: string };
export type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export type Throttle = {
  /** Counts one attempt on every hit, then says whether any of them is over its limit. */
  take(hits: Hit[]): Promise<Verdict>;
  /** Forgets a key's attempts, e.g. the account's after a successful sign-in. */
  clear(hit: Hit): Promise<void>;
  /** Gives one attempt back, e.g. to an address whose attempt succeeded. */
  refund(hit: Hit): Promise<void>;
};

export type ThrottleBackend = { kind: "drizzle"; db: Db } | { kind: "redis"; client: Redis };

type Limiter = RateLimiterDrizzle | RateLimiterRedis;

/** `namespace` separates key spaces (tests use it to share one Redis). */
export function createThrottle(backend: ThrottleBackend, namespace = ""): Throttle {
  const limiters = new Map<string, Limiter>();
  const limiterFor = (policy: Policy): Limiter => {
    let limiter = limiters.get(policy.name);
    if (!limiter) {
      const options = { keyPrefix: `${namespace}${policy.name}`, points: policy.points, duration: policy.durationSeconds };
      limiter =
        backend.kind === "redis"
          ? new RateLimiterRedis({ ...options, storeClient: backend.client })
          : new RateLimiterDrizzle({ ...options, storeClient: backend.db, schema: rateLimits });
      limiters.set(policy.name, limiter);
    }
    return limiter;
  };

  return {
    async take(hits) {
      // Counting before checking (rather than checking, then counting failures) keeps a burst of
      // parallel guesses from all slipping through before the first failure is recorded.
      const results: RateLimiterRes[] = await Promise.all(hits.map((h) => limiterFor(h.policy).penalty(h.key, 1)));
      const over = results.filter((r, i) => r.consumedPoints > hits[i]!.policy.points);
      if (over.length === 0) return { allowed: true };
      return { allowed: false, retryAfterMs: Math.max(...over.map((r) => r.msBeforeNext)) };
    },
    async clear(hit) {
      await limiterFor(hit.policy).delete(hit.key);
    },
    async refund(hit) {
      await limiterFor(hit.policy).reward(hit.key, 1);
    },
  };
}

const globalForThrottle = globalThis as unknown as { __caixinThrottle?: Promise<Throttle>; __caixinRedis?: Redis };

async function openRedis(url: string): Promise<Redis> {
  const { default: IORedis } = await import("ioredis");
  globalForThrottle.__caixinRedis ??= new IORedis(url, { maxRetriesPerRequest: 2, connectTimeout: 5_000 });
  return globalForThrottle.__caixinRedis;
}

/** The process-wide throttle, on the store the environment names. */
export function getThrottle(): Promise<Throttle> {
  globalForThrottle.__caixinThrottle ??= (async () => {
    const { REDIS_URL } = env();
    const backend: ThrottleBackend = REDIS_URL
      ? { kind: "redis", client: await openRedis(REDIS_URL) }
      : { kind: "drizzle", db: await getDb() };
    return createThrottle(backend);
  })().catch((error) => {
    globalForThrottle.__caixinThrottle = undefined;
    throw error;
  });
  return globalForThrottle.__caixinThrottle;
}

export const minutesUntil = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));

/**
 * Refuses a sign-in attempt while the account or the address is locked. The
 * minutes travel in the code ("throttled:12") because Auth.js passes only the
 * code on to the server action (and to /login?code= for direct API posts).
 */
export class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
  constructor(readonly minutes: number) {
    super();
    this.code = `throttled:${minutes}`;
  }
}

/** The sign-in counter of an account, known or not, by its normalised address. */
export const signInAccountHit = (email: string): Hit => ({ policy: SIGN_IN_BY_ACCOUNT, key: normalizeEmail(email).slice(0, 320) });

/**
 * Wraps one sign-in attempt (inside a Credentials `authorize`, so posting to
 * /api/auth/callback/* directly is throttled too). Five failed attempts for an
 * account, known or not, or from an address lock it for the rest of the window;
 * a success clears the account's counter and does not count against the address.
 */
export async function guardSignIn<T>(
  who: { email: string; ip: string },
  attempt: () => Promise<T | null>,
  throttle?: Throttle,
): Promise<T | null> {
  const limits = throttle ?? (await getThrottle());
  const account = signInAccountHit(who.email);
  const address: Hit = { policy: SIGN_IN_BY_IP, key: who.ip };
  const verdict = await limits.take([account, address]);
  if (!verdict.allowed) throw new ThrottledSignIn(minutesUntil(verdict.retryAfterMs));
  const user = await attempt();
  if (user) await Promise.all([limits.clear(account), limits.refund(address)]);
  return user;
}

/**
 * The client address for per-IP limits. Next.js fills x-forwarded-for with the
 * socket address only when the header is absent, so without a trusted proxy in
 * front (TRUST_PROXY=1, which puts the client first) a caller can write any
 * value here: the per-IP key is then spoofable, the per-account key is not.
 */
export function clientIp(headers: Pick<Headers, "get">, trustProxy = env().TRUST_PROXY === "1"): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const ip = trustProxy ? entries[0] : entries.at(-1);
  return (ip ?? "unknown").slice(0, 64);
}
