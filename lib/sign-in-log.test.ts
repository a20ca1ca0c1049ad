import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { signIns, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { deviceClass, logSignInEvent, recordSignIn, signInMethodFor } from "./sign-in-log";

const agents = {
  iphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  android: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36",
  windows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
  mac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  wechat: "Mozilla/5.0 (Linux; Android 13; V2227A) AppleWebKit/537.36 Chrome/116 Mobile Safari/537.36 MicroMessenger/8.0.47",
  curl: "curl/8.5.0",
};

describe("device class from the user agent", () => {
  it("tells phones from desktops and leaves the rest as other", () => {
    expect(deviceClass(agents.iphone)).toBe("ios");
    expect(deviceClass(agents.android)).toBe("android");
    expect(deviceClass(agents.wechat)).toBe("android");
    expect(deviceClass(agents.windows)).toBe("desktop");
    expect(deviceClass(agents.mac)).toBe("desktop");
    expect(deviceClass(agents.curl)).toBe("other");
    expect(deviceClass("")).toBe("other");
    expect(deviceClass(null)).toBe("other");
  });

  it("maps the Auth.js providers to methods", () => {
    expect(signInMethodFor("password")).toBe("password");
    expect(signInMethodFor("email-code")).toBe("email_code");
    expect(signInMethodFor("email-link")).toBe("email_link");
    expect(signInMethodFor("something-else")).toBeNull();
  });
});

describe("recording sign-ins", () => {
  let db: Db;
  let drop: () => Promise<void>;
  let userId = "";
  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    const [user] = await db.insert(users).values({ email: "reader@signin.test" }).returning();
    userId = user!.id;
  });
  afterAll(async () => drop());

  it("records the method and the device class, and nothing about the network", async () => {
    expect(await recordSignIn({ userId, method: "password", userAgent: agents.iphone })).toBe(true);
    expect(await recordSignIn({ userId, method: "email_code", userAgent: agents.windows })).toBe(true);
    const rows = await db.select().from(signIns).where(eq(signIns.userId, userId)).orderBy(signIns.id);
    expect(rows.map((r) => [r.method, r.device])).toEqual([
      ["password", "ios"],
      ["email_code", "desktop"],
    ]);
    // The table holds when, how and the device class; no address, no raw user agent.
    expect(Object.keys(rows[0]!).sort()).toEqual(["at", "device", "id", "method", "userId"]);
  });

  it("the Auth.js event records a link sign-in and ignores unknown providers", async () => {
    await logSignInEvent({ user: { id: userId }, account: { provider: "email-link" } });
    await logSignInEvent({ user: { id: userId }, account: { provider: "github" } });
    await logSignInEvent({ user: null, account: { provider: "password" } });
    const rows = await db.select().from(signIns).where(eq(signIns.userId, userId)).orderBy(signIns.id);
    expect(rows.map((r) => r.method)).toEqual(["password", "email_code", "email_link"]);
    expect(rows[2]!.device).toBe("other");
  });

  it("never throws into the sign-in, even when the row cannot be written", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await recordSignIn({ userId: "no-such-user", method: "password", userAgent: agents.mac })).toBe(false);
    await expect(logSignInEvent({ user: { id: "no-such-user" }, account: { provider: "password" } })).resolves.toBeUndefined();
    quiet.mockRestore();
  });
});
