import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import postgres from "postgres";
import { dbDriver, type Db } from "@/db/client";
import { deliveryHolds, issues, pauses, publication, subscriptions, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { demoPause, demoPublication } from "@/db/seed/content";
import { ensurePlans } from "@/lib/billing/plans";
import { cancelHold, distributionDays, holdsFor, NOT_PRINT_SUBSCRIBER, placeHold, printSubscriptionFor } from "./delivery-holds";

// Monday 11 May 2026: holds may start from Tuesday 19 May (Thursday 14 and Monday 18 give the notice).
const TODAY = "2026-05-11";
const address = { name: "王读者", address: { line1: "新华大街 1 号", city: "呼和浩特", postal_code: "010000", country: "CN" } };

let db: Db;
let drop: () => Promise<void>;

async function reader(email: string, planKey: string | null, status = "active"): Promise<string> {
  const [user] = await db.insert(users).values({ email, name: email.split("@")[0] }).returning({ id: users.id });
  if (planKey) {
    await db.insert(subscriptions).values({ id: `sub_${email}`, userId: user!.id, planKey, status, stateAt: new Date(), shippingAddress: address });
  }
  return user!.id;
}

/**
 * On PostgreSQL, makes a race certain rather than lucky: another connection
 * holds delivery_holds exclusively until both requests are waiting, so without
 * the per-reader lock both would read "no other holds" and both insert. PGlite
 * has one connection and runs transactions one after another anyway.
 */
async function racing<T>(start: () => Promise<T>): Promise<T> {
  if ((await dbDriver()) !== "postgres") return start();
  const sql = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
  let release!: () => void;
  const locked = new Promise<void>((resolve) => {
    void sql.begin(async (tx) => {
      await tx`lock table delivery_holds in access exclusive mode`;
      resolve();
      await new Promise<void>((r) => (release = r));
    });
  });
  await locked;
  const running = start();
  for (let i = 0; i < 200; i++) {
    const [row] = await sql<{ waiting: number }[]>`
      select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
    if (row!.waiting >= 2) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  release();
  try {
    return await running;
  } finally {
    await sql.end();
  }
}

const liveHolds = (userId: string) => db.$count(deliveryHolds, and(eq(deliveryHolds.userId, userId), isNull(deliveryHolds.canceledAt)));

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  await ensurePlans(db);
  await db.insert(publication).values(demoPublication);
  await db.insert(pauses).values(demoPause);
  await db.insert(issues).values([
    { date: "2026-04-30", number: 1253, pageCount: 8, status: "published" },
    { date: "2026-05-07", number: 1254, pageCount: 8, status: "published" },
    { date: "2026-05-11", number: 1255, pageCount: 8, status: "published" },
  ]);
});

afterAll(async () => drop());

describe("who may place a hold", () => {
  it("only a reader with a live print subscription; digital-only and canceled print readers are refused and nothing is written", async () => {
    const digital = await reader("digital@holds.test", "digital-yearly");
    const canceled = await reader("canceled@holds.test", "print-digital-yearly", "canceled");
    const nobody = await reader("nobody@holds.test", null);
    for (const userId of [digital, canceled, nobody]) {
      expect(await printSubscriptionFor(userId)).toBeNull();
      expect(await placeHold(userId, { startsOn: "2026-05-19", endsOn: "2026-05-21" }, TODAY)).toEqual({ ok: false, field: null, message: NOT_PRINT_SUBSCRIBER });
    }
    expect(await db.$count(deliveryHolds)).toBe(0);
  });
});

describe("placeHold", () => {
  let userId: string;
  beforeAll(async () => {
    userId = await reader("print@holds.test", "print-digital-yearly");
  });

  it("stores the hold and lists the issues it skips with their expected numbers (the paused 05-04 used none)", async () => {
    const result = await placeHold(userId, { startsOn: "2026-05-19", endsOn: "2026-05-25" }, TODAY);
    expect(result).toMatchObject({
      ok: true,
      hold: {
        startsOn: "2026-05-19",
        endsOn: "2026-05-25",
        cancelable: true,
        issues: [
          { date: "2026-05-21", number: 1258, estimated: true },
          { date: "2026-05-25", number: 1259, estimated: true },
        ],
      },
    });
    const [row] = await db.select().from(deliveryHolds).where(eq(deliveryHolds.userId, userId));
    expect(row).toMatchObject({ subscriptionId: "sub_print@holds.test", startsOn: "2026-05-19", endsOn: "2026-05-25", canceledAt: null });
  });

  it("refuses an overlapping hold and one inside the lead time, writing no row", async () => {
    expect(await placeHold(userId, { startsOn: "2026-05-25", endsOn: "2026-05-28" }, TODAY)).toMatchObject({ ok: false, message: expect.stringContaining("重叠") });
    expect(await placeHold(userId, { startsOn: "2026-05-12", endsOn: "2026-05-14" }, TODAY)).toMatchObject({ ok: false, field: "startsOn" });
    expect(await placeHold(userId, { startsOn: "2026-06-04", endsOn: "2026-06-01" }, TODAY)).toMatchObject({ ok: false, field: "endsOn" });
    expect(await liveHolds(userId)).toBe(1);
  });

  it("lets two racing requests that together exceed the yearly cap through one at a time: only one succeeds", async () => {
    const racer = await reader("racer@holds.test", "print-digital-yearly");
    // 6 of the 10 days of 2026 already used: 06-01 … 06-18 (Mon/Thu).
    expect(await placeHold(racer, { startsOn: "2026-06-01", endsOn: "2026-06-18" }, TODAY)).toMatchObject({ ok: true });
    // Each request alone fits (6 + 4 = 10); both together would make 14.
    const results = await racing(() =>
      Promise.all([
        placeHold(racer, { startsOn: "2026-07-06", endsOn: "2026-07-16" }, TODAY),
        placeHold(racer, { startsOn: "2026-08-03", endsOn: "2026-08-13" }, TODAY),
      ]),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, message: expect.stringContaining("2026年已暂停 10 个,本次 4 个,超出上限") });
    expect(await liveHolds(racer)).toBe(2);
  });
});

describe("cancelHold and holdsFor", () => {
  it("cancels a future hold of one's own once, frees its days, and refuses started or foreign holds", async () => {
    const userId = await reader("cancel@holds.test", "print-digital-yearly");
    const other = await reader("other@holds.test", "print-digital-yearly");
    const placed = await placeHold(userId, { startsOn: "2026-06-01", endsOn: "2026-07-02" }, TODAY); // all 10 days
    expect(placed.ok).toBe(true);
    const id = placed.ok ? placed.hold.id : 0;
    expect(await placeHold(userId, { startsOn: "2026-09-07", endsOn: "2026-09-07" }, TODAY)).toMatchObject({ ok: false, message: expect.stringContaining("超出上限") });

    expect(await cancelHold(other, id, TODAY)).toEqual({ ok: false, message: "没有找到这条暂停投递" });
    expect(await cancelHold(userId, id, "2026-06-01")).toMatchObject({ ok: false, message: expect.stringContaining("已经开始") });
    expect(await cancelHold(userId, id, TODAY)).toEqual({ ok: true });
    expect(await cancelHold(userId, id, TODAY)).toEqual({ ok: false, message: "这条暂停投递已经取消" });
    expect(await placeHold(userId, { startsOn: "2026-09-07", endsOn: "2026-09-07" }, TODAY)).toMatchObject({ ok: true });

    const listed = await holdsFor(userId, TODAY);
    expect(listed.map((h) => [h.startsOn, h.canceledAt !== null, h.cancelable])).toEqual([
      ["2026-09-07", false, true],
      ["2026-06-01", true, false],
    ]);
    expect(listed[1]!.issues).toHaveLength(10);
  });
});

describe("distributionDays", () => {
  it("lists each publication day with the live holds that skip it, with email and shipping address", async () => {
    const days = await distributionDays("2026-05-12", 16, TODAY);
    expect(days.map((d) => d.date)).toEqual(["2026-05-14", "2026-05-18", "2026-05-21", "2026-05-25", "2026-05-28"]);
    const on21 = days.find((d) => d.date === "2026-05-21")!;
    expect(on21).toMatchObject({ number: 1258, estimated: true });
    expect(on21.holds).toEqual([
      { holdId: expect.any(Number), email: "print@holds.test", name: "print", shippingAddress: address, startsOn: "2026-05-19", endsOn: "2026-05-25" },
    ]);
    expect(days.find((d) => d.date === "2026-05-18")!.holds).toEqual([]);
    expect(days.find((d) => d.date === "2026-05-28")!.holds).toEqual([]);
  });
});
