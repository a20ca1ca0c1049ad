import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { freshDatabase } from "@/db/testing/fresh-database";
import { accessWindows, auditLog, users } from "@/db/schema";
import { isSubscriberNow } from "@/lib/access";
import { COMP_DURATIONS, compEnd, grantComplimentaryAccess, revokeComplimentaryAccess, type CompDuration } from "./comp";

let db: Db;
let drop: () => Promise<void>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  for (const role of ["admin", "editor", "member"] as const) {
    const [row] = await db.insert(users).values({ email: `${role}@comp.test`, role }).returning({ id: users.id });
    ids[role] = row!.id;
  }
  const [reader] = await db.insert(users).values({ email: "reader@comp.test" }).returning({ id: users.id });
  ids.reader = reader!.id;
});

afterAll(async () => drop());

const audits = () => db.select().from(auditLog).orderBy(auditLog.id);

describe("complimentary access", () => {
  it("is refused to editors and members, and writes nothing", async () => {
    for (const actor of [ids.editor!, ids.member!]) {
      expect(await grantComplimentaryAccess(actor, { userId: ids.reader!, until: null, note: "试图赠阅" })).toEqual({ error: "只有管理员可以赠送阅读权限" });
    }
    expect(await isSubscriberNow(ids.reader!)).toBe(false);
    expect(await db.$count(accessWindows)).toBe(0);
    expect(await audits()).toEqual([]);
  });

  it("an admin grants it and the reader has access; revoking ends it; both are audited", async () => {
    const granted = await grantComplimentaryAccess(ids.admin!, { userId: ids.reader!, until: new Date(Date.now() + 86_400_000), note: "记者证" });
    expect(granted).toMatchObject({ ok: true });
    expect(await isSubscriberNow(ids.reader!)).toBe(true);
    const windowId = (granted as { windowId: number }).windowId;
    expect(await revokeComplimentaryAccess(ids.editor!, windowId)).toEqual({ error: "只有管理员可以收回赠阅" });
    expect(await revokeComplimentaryAccess(ids.member!, windowId)).toEqual({ error: "只有管理员可以收回赠阅" });
    expect(await isSubscriberNow(ids.reader!)).toBe(true);
    expect(await revokeComplimentaryAccess(ids.admin!, windowId)).toMatchObject({ ok: true });
    expect(await isSubscriberNow(ids.reader!)).toBe(false);

    const log = await audits();
    expect(log.map((e) => [e.action, e.entityId, e.actorId])).toEqual([
      ["reader.comp.grant", String(windowId), ids.admin],
      ["reader.comp.revoke", String(windowId), ids.admin],
    ]);
    expect(log[0]!.after).toMatchObject({ source: "comp", email: "reader@comp.test", note: "记者证" });
    expect(log[1]!.before).toMatchObject({ endsAt: expect.any(String) });
    expect(new Date(String(log[1]!.after!.endsAt)).getTime()).toBeLessThan(new Date(String(log[1]!.before!.endsAt)).getTime());
  });

  it("grants each offered duration, open-ended included", async () => {
    const now = new Date("2026-05-01T02:00:00Z");
    const expected: Record<CompDuration, string | null> = {
      week: "2026-05-08T02:00:00.000Z",
      month: "2026-06-01T02:00:00.000Z",
      half_year: "2026-11-01T02:00:00.000Z",
      year: "2027-05-01T02:00:00.000Z",
      open: null,
    };
    for (const duration of Object.keys(COMP_DURATIONS) as CompDuration[]) {
      const until = compEnd(duration, now);
      expect(until?.toISOString() ?? null).toBe(expected[duration]);
      const result = await grantComplimentaryAccess(ids.admin!, { userId: ids.reader!, until, note: duration }, now);
      expect(result).toMatchObject({ ok: true });
      const [window] = await db.select().from(accessWindows).where(eq(accessWindows.id, (result as { windowId: number }).windowId));
      expect(window).toMatchObject({ source: "comp", startsAt: now, endsAt: until, reference: `comp:${ids.admin}:${duration}` });
    }
  });

  it("revokes only comps: a paid window is not touched", async () => {
    const [paid] = await db
      .insert(accessWindows)
      .values({ userId: ids.reader!, source: "prepaid", reference: "cs_test_1", startsAt: new Date(), endsAt: new Date(Date.now() + 86_400_000) })
      .returning();
    const before = (await audits()).length;
    expect(await revokeComplimentaryAccess(ids.admin!, paid!.id)).toEqual({ error: "没有这条赠阅记录" });
    expect((await audits()).length).toBe(before);
  });

  it("refuses an end in the past and an unknown reader", async () => {
    expect(await grantComplimentaryAccess(ids.admin!, { userId: ids.reader!, until: new Date(Date.now() - 1000), note: "" })).toEqual({ error: "结束时间必须晚于现在" });
    expect(await grantComplimentaryAccess(ids.admin!, { userId: "no-such-user", until: null, note: "" })).toEqual({ error: "没有这个读者" });
  });
});
