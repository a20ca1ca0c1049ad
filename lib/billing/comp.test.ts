import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { freshDatabase } from "@/db/testing/fresh-database";
import { users } from "@/db/schema";
import { isSubscriberNow } from "@/lib/access";
import { grantComplimentaryAccess, revokeComplimentaryAccess } from "./comp";

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

describe("complimentary access", () => {
  it("is refused to editors and members, and writes nothing", async () => {
    for (const actor of [ids.editor!, ids.member!]) {
      expect(await grantComplimentaryAccess(actor, { userId: ids.reader!, until: null, note: "试图赠阅" })).toEqual({ error: "只有管理员可以赠送阅读权限" });
    }
    expect(await isSubscriberNow(ids.reader!)).toBe(false);
    expect(await db.$count((await import("@/db/schema")).accessWindows)).toBe(0);
  });

  it("an admin grants it and the reader has access; revoking ends it", async () => {
    const granted = await grantComplimentaryAccess(ids.admin!, { userId: ids.reader!, until: new Date(Date.now() + 86_400_000), note: "记者证" });
    expect(granted).toMatchObject({ ok: true });
    expect(await isSubscriberNow(ids.reader!)).toBe(true);
    const windowId = (granted as { windowId: number }).windowId;
    expect(await revokeComplimentaryAccess(ids.editor!, windowId)).toEqual({ error: "只有管理员可以收回赠阅" });
    expect(await revokeComplimentaryAccess(ids.admin!, windowId)).toMatchObject({ ok: true });
    expect(await isSubscriberNow(ids.reader!)).toBe(false);
  });

  it("refuses an end in the past and an unknown reader", async () => {
    expect(await grantComplimentaryAccess(ids.admin!, { userId: ids.reader!, until: new Date(Date.now() - 1000), note: "" })).toEqual({ error: "结束时间必须晚于现在" });
    expect(await grantComplimentaryAccess(ids.admin!, { userId: "no-such-user", until: null, note: "" })).toEqual({ error: "没有这个读者" });
  });
});
