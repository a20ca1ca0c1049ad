import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { cookieFromHeader, qrCookieHeader } from "./signed-cookie";
import { addUnlock, MAX_UNLOCKS, UNLOCK_SECONDS, unlockedArticle } from "./unlock";

const SECRET = "unlock-test-secret-0123456789abcdefghijklmnop";
const OTHER = "another-deployment-secret-0123456789abcdefghij";
const now = new Date("2026-05-01T08:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

const decode = (value: string) => JSON.parse(Buffer.from(value.split(".")[0]!, "base64url").toString("utf8")) as Record<string, number>;
const encode = (unlocks: Record<string, number>) => Buffer.from(JSON.stringify(unlocks)).toString("base64url");

describe("the QR unlock cookie", () => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = SECRET;
    resetEnvCache();
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.AUTH_SECRET;
    else process.env.AUTH_SECRET = saved;
    resetEnvCache();
  });

  it("unlocks exactly the scanned article, for seven days", () => {
    const cookie = addUnlock(undefined, 42, now);
    expect(unlockedArticle(cookie, 42, now)).toBe(true);
    expect(unlockedArticle(cookie, 42, later(UNLOCK_SECONDS - 1))).toBe(true);
    expect(unlockedArticle(cookie, 42, later(UNLOCK_SECONDS))).toBe(false);
    expect(unlockedArticle(cookie, 43, now)).toBe(false);
    expect(unlockedArticle(cookie, 4, now)).toBe(false);
    expect(unlockedArticle(cookie, 420, now)).toBe(false);
  });

  it("uses AUTH_SECRET by default: a cookie signed with another deployment's secret unlocks nothing", () => {
    expect(unlockedArticle(addUnlock(undefined, 42, now, SECRET), 42, now)).toBe(true);
    const foreign = addUnlock(undefined, 42, now, OTHER);
    expect(unlockedArticle(foreign, 42, now)).toBe(false);
    expect(unlockedArticle(foreign, 42, now, OTHER)).toBe(true);
  });

  it("keeps earlier unlocks when another article is scanned, and renews a rescanned one", () => {
    const first = addUnlock(undefined, 1, now);
    const both = addUnlock(first, 2, later(3600));
    expect(unlockedArticle(both, 1, now)).toBe(true);
    expect(unlockedArticle(both, 2, now)).toBe(true);
    expect(unlockedArticle(both, 1, later(UNLOCK_SECONDS))).toBe(false); // the first ends on its own day
    expect(unlockedArticle(both, 2, later(UNLOCK_SECONDS))).toBe(true);
    const renewed = addUnlock(both, 1, later(86_400));
    expect(unlockedArticle(renewed, 1, later(UNLOCK_SECONDS + 3600))).toBe(true);
    // Expired entries are dropped when the cookie is rewritten.
    expect(Object.keys(decode(addUnlock(first, 3, later(UNLOCK_SECONDS))))).toEqual(["3"]);
  });

  it("holds at most 20 unlocks, dropping the ones that end soonest", () => {
    let cookie: string | undefined;
    for (let id = 1; id <= MAX_UNLOCKS + 5; id++) cookie = addUnlock(cookie, id, later(id));
    expect(Object.keys(decode(cookie!))).toHaveLength(MAX_UNLOCKS);
    for (let id = 1; id <= 5; id++) expect(unlockedArticle(cookie, id, later(30))).toBe(false);
    for (let id = 6; id <= MAX_UNLOCKS + 5; id++) expect(unlockedArticle(cookie, id, later(30))).toBe(true);
    expect(cookie!.length).toBeLessThan(1000);
  });

  it("unlocks nothing when the value is tampered with, forged, truncated or garbage", () => {
    const cookie = addUnlock(undefined, 42, now);
    const [payload, tag] = cookie.split(".") as [string, string];
    // Another article, or a longer expiry, under the old signature.
    expect(unlockedArticle(`${encode({ "43": decode(cookie)["42"]! })}.${tag}`, 43, now)).toBe(false);
    expect(unlockedArticle(`${encode({ "42": 4_000_000_000 })}.${tag}`, 42, later(UNLOCK_SECONDS + 10))).toBe(false);
    // A flipped character of the tag, no tag, the payload alone.
    const flipped = tag.slice(0, -1) + (tag.endsWith("A") ? "B" : "A");
    for (const bad of [`${payload}.${flipped}`, `${payload}.`, payload, `.${tag}`, "", "x.y", `${payload}.${tag}.x`, "%%%.%%%"]) {
      expect(unlockedArticle(bad, 42, now)).toBe(false);
    }
    expect(unlockedArticle(undefined, 42, now)).toBe(false);
    expect(unlockedArticle(null, 42, now)).toBe(false);
  });

  it("ignores malformed entries even when signed (a bug elsewhere must not unlock more)", () => {
    // Start over from a cookie that is not ours: addUnlock does not carry its content along.
    const tampered = `${encode({ "42": 4_000_000_000, constructor: 4_000_000_000 })}.AAAA`;
    const fresh = addUnlock(tampered, 7, now);
    expect(Object.keys(decode(fresh))).toEqual(["7"]);
    expect(unlockedArticle(fresh, 42, now)).toBe(false);
  });

  it("is sent Secure when the portal runs on https, and read back from a Cookie header", () => {
    const savedUrl = process.env.APP_URL;
    process.env.APP_URL = "https://e.caixinbao.test";
    resetEnvCache();
    try {
      expect(qrCookieHeader("qr_unlocks", "v.t")).toBe("qr_unlocks=v.t; Path=/; Max-Age=604800; HttpOnly; SameSite=Lax; Secure");
      process.env.APP_URL = "http://localhost:3000";
      resetEnvCache();
      expect(qrCookieHeader("qr_unlocks", "v.t")).toBe("qr_unlocks=v.t; Path=/; Max-Age=604800; HttpOnly; SameSite=Lax");
    } finally {
      if (savedUrl === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = savedUrl;
      resetEnvCache();
    }
    expect(cookieFromHeader("a=1; qr_unlocks=abc.def; qr_unlocks_x=no", "qr_unlocks")).toBe("abc.def");
    expect(cookieFromHeader("xqr_unlocks=no", "qr_unlocks")).toBeUndefined();
    expect(cookieFromHeader(null, "qr_unlocks")).toBeUndefined();
  });
});
