import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accessWindows, billingCustomers, gifts, payments, plans, signIns, subscriptions, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { grantComplimentaryAccess } from "@/lib/billing/comp";
import { defaultPlans } from "@/lib/billing/plan-catalog";
import { containsPattern, READERS_PER_PAGE, readerDetail, searchReaders } from "./readers-admin";

const now = new Date("2026-05-01T02:00:00Z");
const day = 86_400_000;

describe("readers admin: search and a reader's record", () => {
  let db: Db;
  let drop: () => Promise<void>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    await db.insert(plans).values(defaultPlans);
    const [admin] = await db.insert(users).values({ email: "admin@readers.test", name: "管理员", role: "admin" }).returning();
    ids.admin = admin!.id;
    // 120 filler readers, created a second apart so the order is stable.
    await db.insert(users).values(
      Array.from({ length: 120 }, (_, i) => ({ email: `filler${String(i).padStart(3, "0")}@readers.test`, name: `读者${i}`, createdAt: new Date(now.getTime() - (i + 10) * 1000) })),
    );
    const [wang] = await db.insert(users).values({ email: "Wang.Li@Example.cn".toLowerCase(), name: "王丽", createdAt: now }).returning();
    ids.wang = wang!.id;
    const [odd] = await db.insert(users).values({ email: "percent_100%@readers.test", name: "百分百", createdAt: now }).returning();
    ids.odd = odd!.id;
    const [friend] = await db.insert(users).values({ email: "friend@readers.test", name: "朋友" }).returning();
    ids.friend = friend!.id;
  });
  afterAll(async () => drop());

  it("escapes LIKE wildcards typed in the search box", () => {
    expect(containsPattern("a%b_c\\")).toBe("%a\\%b\\_c\\\\%");
  });

  it("finds readers by part of the email or the name, case-insensitively", async () => {
    expect((await searchReaders({ query: "WANG.LI" }, now)).rows.map((r) => r.email)).toEqual(["wang.li@example.cn"]);
    expect((await searchReaders({ query: "王" }, now)).rows.map((r) => r.email)).toEqual(["wang.li@example.cn"]);
    // % and _ are literal: "_100%" matches only the address that contains it, not everything.
    expect((await searchReaders({ query: "_100%" }, now)).rows.map((r) => r.email)).toEqual(["percent_100%@readers.test"]);
    expect((await searchReaders({ query: "%" }, now)).total).toBe(1);
    expect((await searchReaders({ query: "nobody-here" }, now))).toMatchObject({ rows: [], total: 0, pages: 1, page: 1 });
  });

  it("pages 50 at a time with the total, and clamps a page past the end", async () => {
    const first = await searchReaders({ query: "" }, now);
    expect(first.total).toBe(124);
    expect(first.pages).toBe(3);
    expect(first.rows).toHaveLength(READERS_PER_PAGE);
    const third = await searchReaders({ query: "", page: 3 }, now);
    expect(third.rows).toHaveLength(24);
    const beyond = await searchReaders({ query: "", page: 99 }, now);
    expect(beyond.page).toBe(3);
    const all = [...first.rows, ...(await searchReaders({ page: 2 }, now)).rows, ...third.rows].map((r) => r.id);
    expect(new Set(all).size).toBe(124);
    const filler = await searchReaders({ query: "filler" }, now);
    expect(filler.total).toBe(120);
  });

  it("shows whether a reader has access now, and from what", async () => {
    await db.insert(accessWindows).values({ userId: ids.wang!, source: "subscription", reference: "sub_wang", startsAt: new Date(now.getTime() - 10 * day), endsAt: new Date(now.getTime() + 20 * day) });
    const [row] = (await searchReaders({ query: "wang" }, now)).rows;
    expect(row!.access).toEqual({ status: "active", source: "subscription", until: new Date(now.getTime() + 20 * day) });
    const [none] = (await searchReaders({ query: "friend" }, now)).rows;
    expect(none!.access).toEqual({ status: "none" });
  });

  it("a reader's page shows windows with readable sources, Stripe state, payments, sign-ins and gifts", async () => {
    await db.insert(billingCustomers).values({ userId: ids.wang!, stripeCustomerId: "cus_wang" });
    await db.insert(subscriptions).values({
      id: "sub_wang",
      userId: ids.wang!,
      planKey: "digital-monthly",
      status: "active",
      currentPeriodEnd: new Date(now.getTime() + 20 * day),
      cancelAtPeriodEnd: true,
      stateAt: now,
    });
    const [prepaidWindow] = await db
      .insert(accessWindows)
      .values({ userId: ids.wang!, source: "prepaid", reference: "cs_prepaid_1", startsAt: new Date(now.getTime() + 20 * day), endsAt: new Date(now.getTime() + 110 * day) })
      .returning();
    await db.insert(payments).values({ id: "cs_prepaid_1", userId: ids.wang!, planKey: "digital-prepaid-3", status: "paid", amountFen: 6800, windowId: prepaidWindow!.id, paidAt: now });
    const [gift] = await db
      .insert(gifts)
      .values({ buyerUserId: ids.friend!, recipientEmail: "wang.li@example.cn", planKey: "digital-prepaid-3", months: 3, status: "claimed", tokenHash: "h1", tokenSealed: "s1", expiresAt: new Date(now.getTime() + 300 * day), claimedByUserId: ids.wang!, claimedAt: now })
      .returning();
    await db.insert(accessWindows).values({ userId: ids.wang!, source: "gift", reference: `gift:${gift!.id}`, startsAt: new Date(now.getTime() + 110 * day), endsAt: new Date(now.getTime() + 200 * day) });
    await db.insert(gifts).values({ buyerUserId: ids.wang!, recipientEmail: "mum@example.cn", planKey: "digital-prepaid-3", months: 3, status: "paid", tokenHash: "h2", tokenSealed: "s2", expiresAt: new Date(now.getTime() + 300 * day) });
    await grantComplimentaryAccess(ids.admin!, { userId: ids.wang!, until: null, note: "记者证" }, now);
    await db.insert(signIns).values(Array.from({ length: 12 }, (_, i) => ({ userId: ids.wang!, method: i % 2 ? "password" : "email_code", device: "ios", at: new Date(now.getTime() - i * 60_000) })));

    const detail = await readerDetail(ids.wang!, now);
    expect(detail).not.toBeNull();
    const d = detail!;
    expect(d.reader).toMatchObject({ email: "wang.li@example.cn", name: "王丽", role: "member", hasPassword: false });
    expect(d.access).toEqual({ status: "active", until: null, source: "comp" });
    expect(d.stripeCustomerId).toBe("cus_wang");
    expect(d.subscriptions).toEqual([expect.objectContaining({ id: "sub_wang", status: "active", cancelAtPeriodEnd: true, planName: expect.any(String) })]);
    expect(d.payments).toEqual([expect.objectContaining({ id: "cs_prepaid_1", status: "paid", amountFen: 6800 })]);
    expect(d.signIns).toHaveLength(10);
    expect(d.signIns[0]).toEqual({ at: now, method: "email_code", device: "ios" });

    const bySource = Object.fromEntries(d.windows.map((w) => [w.source, w]));
    expect(Object.keys(bySource).sort()).toEqual(["comp", "gift", "prepaid", "subscription"]);
    expect(bySource.subscription).toMatchObject({ sourceLabel: "订阅", referenceText: "Stripe 订阅 sub_wang", activeNow: true, revocable: false });
    expect(bySource.prepaid!.referenceText).toMatch(/付款 cs_prepaid_1/);
    expect(bySource.prepaid).toMatchObject({ activeNow: false, revocable: false });
    expect(bySource.gift!.referenceText).toBe(`礼物 #${gift!.id}(${d.giftsClaimed[0]!.planName},来自 friend@readers.test)`);
    expect(bySource.comp).toMatchObject({ referenceText: "由 管理员 <admin@readers.test> 赠送:记者证", activeNow: true, revocable: true, endsAt: null });

    expect(d.giftsBought).toEqual([expect.objectContaining({ recipientEmail: "mum@example.cn", status: "paid", claimedByEmail: null })]);
    expect(d.giftsClaimed).toEqual([expect.objectContaining({ id: gift!.id, buyerEmail: "friend@readers.test", months: 3 })]);
  });

  it("returns null for an unknown or malformed id", async () => {
    expect(await readerDetail("no-such-reader")).toBeNull();
    expect(await readerDetail("x' or 1=1 --")).toBeNull();
  });
});
