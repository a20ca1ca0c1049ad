import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accessWindows, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { addCalendarMonths, grantPrepaidTerm, upsertSubscriptionWindow } from "./windows";

describe("addCalendarMonths (Asia/Shanghai wall clock)", () => {
  const cases: [string, number, string][] = [
    // 2026-01-31 10:00 in Shanghai → February has 28 days → 2026-02-28 10:00.
    ["2026-01-31T02:00:00Z", 1, "2026-02-28T02:00:00Z"],
    // Leap year: 2028-01-31 → 2028-02-29.
    ["2028-01-31T02:00:00Z", 1, "2028-02-29T02:00:00Z"],
    // 2026-01-31T16:30Z is already 1 February 00:30 in Shanghai → 1 March 00:30 there.
    ["2026-01-31T16:30:00Z", 1, "2026-02-28T16:30:00Z"],
    ["2026-03-15T04:00:00Z", 1, "2026-04-15T04:00:00Z"],
    ["2026-11-30T04:00:00Z", 3, "2027-02-28T04:00:00Z"],
    ["2026-05-05T04:00:00Z", 12, "2027-05-05T04:00:00Z"],
  ];
  it.each(cases)("%s + %i months = %s", (from, months, expected) => {
    expect(addCalendarMonths(new Date(from), months).toISOString()).toBe(new Date(expected).toISOString());
  });
});

describe("access window writes", () => {
  let db: Db;
  let drop: () => Promise<void>;
  let userId: string;
  const now = new Date("2026-05-10T04:00:00Z");

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
  });
  afterAll(async () => drop());
  beforeEach(async () => {
    const [user] = await db.insert(users).values({ email: `w${Math.random()}@example.test` }).returning();
    userId = user!.id;
  });

  const grant = (reference: string, months = 1) =>
    db.transaction((tx) => grantPrepaidTerm(tx, { userId, months, reference, source: "prepaid", now }));

  it("starts a term now for a reader without access", async () => {
    const window = await grant("cs_a");
    expect(window.startsAt).toEqual(now);
    expect(window.endsAt).toEqual(new Date("2026-06-10T04:00:00Z"));
    expect(window.created).toBe(true);
  });

  it("queues a term after an active subscription's period, and a second term after the first", async () => {
    await db.transaction((tx) =>
      upsertSubscriptionWindow(tx, { userId, subscriptionId: "sub_q", startsAt: new Date("2026-05-01T00:00:00Z"), endsAt: new Date("2026-06-01T00:00:00Z") }),
    );
    const first = await grant("cs_b1");
    expect(first.startsAt).toEqual(new Date("2026-06-01T00:00:00Z"));
    expect(first.endsAt).toEqual(new Date("2026-07-01T00:00:00Z"));
    const second = await grant("cs_b2", 3);
    expect(second.startsAt).toEqual(new Date("2026-07-01T00:00:00Z"));
    expect(second.endsAt).toEqual(new Date("2026-10-01T00:00:00Z"));
  });

  it("starts now beside open-ended access (a staff comp)", async () => {
    await db.insert(accessWindows).values({ userId, source: "comp", reference: "staff", startsAt: new Date("2026-01-01T00:00:00Z"), endsAt: null });
    expect((await grant("cs_c")).startsAt).toEqual(now);
  });

  it("is idempotent by reference", async () => {
    const first = await grant("cs_d");
    const again = await grant("cs_d", 12);
    expect(again).toMatchObject({ id: first.id, endsAt: first.endsAt, created: false });
    expect(await db.select().from(accessWindows).where(eq(accessWindows.userId, userId))).toHaveLength(1);
  });

  it("keeps one window per subscription, moved in place", async () => {
    const input = { userId, subscriptionId: "sub_one", startsAt: new Date("2026-05-01T00:00:00Z") };
    const a = await db.transaction((tx) => upsertSubscriptionWindow(tx, { ...input, endsAt: new Date("2026-06-01T00:00:00Z") }));
    const b = await db.transaction((tx) => upsertSubscriptionWindow(tx, { ...input, endsAt: new Date("2026-07-01T00:00:00Z") }));
    expect(a.created).toBe(true);
    expect(b).toMatchObject({ created: false, previousEndsAt: new Date("2026-06-01T00:00:00Z") });
    expect(b.window.id).toBe(a.window.id);
    expect(await db.select().from(accessWindows).where(eq(accessWindows.reference, "sub_one"))).toHaveLength(1);
  });

  it("serializes concurrent grants of one reader so they stack instead of overlapping", async () => {
    const windows = await Promise.all(["cs_e1", "cs_e2", "cs_e3"].map((ref) => grant(ref)));
    const sorted = windows.map((w) => [w.startsAt.getTime(), w.endsAt!.getTime()]).sort((x, y) => x[0]! - y[0]!);
    expect(sorted[0]![0]).toBe(now.getTime());
    expect(sorted[1]![0]).toBe(sorted[0]![1]);
    expect(sorted[2]![0]).toBe(sorted[1]![1]);
  });
});
