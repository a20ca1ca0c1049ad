import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { accessWindows, gifts, outbox, payments, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { ensurePlans } from "./plans";
import { reminderKind, runDailyJobs } from "./reminders";

describe("reminderKind (Asia/Shanghai calendar)", () => {
  // A window ending at midnight Shanghai on 1 June has 31 May as its last day.
  const endsAt = new Date("2026-05-31T16:00:00Z");
  it.each([
    ["2026-05-23T12:00:00Z", null], // 23 May: 8 days left
    ["2026-05-24T01:00:00Z", "7d"], // 24 May 09:00 Shanghai: 7 days left
    ["2026-05-28T01:00:00Z", "7d"], // a missed run catches up
    ["2026-05-30T16:30:00Z", "today"], // 31 May 00:30 Shanghai, though 30 May in UTC
    ["2026-05-31T15:59:00Z", "today"],
  ])("at %s → %s", (now, kind) => {
    expect(reminderKind(endsAt, new Date(now))).toBe(kind);
  });
});

describe("runDailyJobs", () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    await ensurePlans(db);
    vi.spyOn(console, "info").mockImplementation(() => {});
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await drop();
  });

  async function reader(email: string, windows: { startsAt: string; endsAt: string; source: "prepaid" | "gift" | "subscription" }[]) {
    const [user] = await db.insert(users).values({ email }).returning();
    const ids: number[] = [];
    for (const [i, w] of windows.entries()) {
      const [row] = await db
        .insert(accessWindows)
        .values({ userId: user!.id, source: w.source, reference: `${email}-${i}`, startsAt: new Date(w.startsAt), endsAt: new Date(w.endsAt) })
        .returning();
      ids.push(row!.id);
      if (w.source === "prepaid") {
        await db.insert(payments).values({ id: `cs_${email}_${i}`, userId: user!.id, planKey: "digital-prepaid-3", status: "paid", windowId: row!.id });
      }
    }
    return { userId: user!.id, windowIds: ids };
  }
  const mailsTo = async (email: string) => db.select().from(outbox).where(eq(outbox.to, email));

  it("sends the 7-day and the last-day reminder once each, and skips readers whose access continues", async () => {
    await reader("ending@example.test", [{ source: "prepaid", startsAt: "2026-03-01T00:00:00Z", endsAt: "2026-05-31T16:00:00Z" }]);
    await reader("continues@example.test", [
      { source: "prepaid", startsAt: "2026-03-01T00:00:00Z", endsAt: "2026-05-31T16:00:00Z" },
      { source: "subscription", startsAt: "2026-05-01T00:00:00Z", endsAt: "2026-07-01T00:00:00Z" },
    ]);
    await reader("stacked@example.test", [
      { source: "prepaid", startsAt: "2026-03-01T00:00:00Z", endsAt: "2026-05-31T16:00:00Z" },
      { source: "prepaid", startsAt: "2026-05-31T16:00:00Z", endsAt: "2026-06-30T16:00:00Z" },
    ]);

    const sevenDaysBefore = new Date("2026-05-24T00:05:00Z");
    expect(await runDailyJobs(sevenDaysBefore)).toEqual({ sent: 1 });
    expect(await runDailyJobs(sevenDaysBefore)).toEqual({ sent: 0 });
    expect(await runDailyJobs(new Date("2026-05-25T00:05:00Z"))).toEqual({ sent: 0 });
    const lastDay = new Date("2026-05-31T00:05:00Z");
    expect(await runDailyJobs(lastDay)).toEqual({ sent: 1 });
    expect(await runDailyJobs(lastDay)).toEqual({ sent: 0 });

    const mails = await mailsTo("ending@example.test");
    expect(mails.map((m) => m.subject)).toEqual(["财信报:您的订阅将于 2026年5月31日 到期", "财信报:您的订阅今天到期"]);
    expect(mails[0]!.text).toContain("数字版 · 3 个月");
    expect(mails[0]!.text).toContain("还有 7 天到期");
    expect(await mailsTo("continues@example.test")).toHaveLength(0);
    expect(await mailsTo("stacked@example.test")).toHaveLength(0);
  });

  it("reminds of a claimed gift term too, naming the gift's plan", async () => {
    const { userId, windowIds } = await reader("gift@example.test", [{ source: "gift", startsAt: "2026-05-01T00:00:00Z", endsAt: "2026-08-01T00:00:00Z" }]);
    await db.insert(gifts).values({
      buyerUserId: userId,
      recipientEmail: "gift@example.test",
      planKey: "digital-prepaid-3",
      months: 3,
      status: "claimed",
      tokenHash: "hash-gift-reminder",
      tokenSealed: "sealed",
      expiresAt: new Date("2027-01-01T00:00:00Z"),
      windowId: windowIds[0],
    });
    // The window ends 1 August 08:00 Shanghai, so 1 August is its last day.
    expect(await runDailyJobs(new Date("2026-07-31T16:30:00Z"))).toEqual({ sent: 1 });
    expect(await runDailyJobs(new Date("2026-07-31T20:00:00Z"))).toEqual({ sent: 0 });
    const [mail] = await mailsTo("gift@example.test");
    expect(mail!.subject).toBe("财信报:您的订阅今天到期");
    expect(mail!.text).toContain("数字版 · 3 个月");
  });
});
