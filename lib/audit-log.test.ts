import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { recordAudit } from "@/lib/audit";
import { AUDIT_PAGE_SIZE, auditDiff, auditFacets, listAuditEntries } from "./audit-log";

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  const [wang] = await db.insert(users).values({ email: "wang@audit.test", name: "王编辑", role: "editor" }).returning();
  const [li] = await db.insert(users).values({ email: "li_100%@audit.test", role: "admin" }).returning();
  await recordAudit(db, { actorId: wang!.id, action: "issue.publish", entity: "issue", entityId: 7, before: { status: "draft" }, after: { status: "published" } });
  await recordAudit(db, { actorId: li!.id, action: "issue.schedule", entity: "issue", entityId: 8 });
  await recordAudit(db, { actorId: li!.id, action: "issues.legacy", entity: "issue", entityId: 9 });
  await recordAudit(db, { actorId: li!.id, action: "user.role", entity: "user", entityId: wang!.id });
  await recordAudit(db, { actorId: null, action: "issue.publish", entity: "issue", entityId: 10 });
  // Two entries around midnight in Beijing: 2026-04-30 23:30 and 2026-05-01 00:30 (UTC+8).
  await db.update(auditLog).set({ at: new Date("2026-04-30T15:30:00Z") }).where(eq(auditLog.entityId, "7"));
  await db.update(auditLog).set({ at: new Date("2026-04-30T16:30:00Z") }).where(eq(auditLog.entityId, "8"));
});
afterAll(async () => drop());


const ids = async (filter: Parameters<typeof listAuditEntries>[0]) => (await listAuditEntries(filter)).entries.map((e) => e.entityId);

describe("audit log query", () => {
  it("lists everything newest first", async () => {
    const page = await listAuditEntries({});
    expect(page.total).toBe(5);
    expect(page.entries.map((e) => e.entityId).slice(-2)).toEqual(["8", "7"]);
  });

  it("filters by action prefix, with or without the dot, not matching a longer word", async () => {
    expect((await ids({ action: "issue." })).sort()).toEqual(["10", "7", "8"]);
    expect((await ids({ action: "issue" })).sort()).toEqual(["10", "7", "8"]);
    expect(await ids({ action: "issue.publish" })).toHaveLength(2);
  });

  it("filters by entity and by actor (email or name contains; wildcards are literal)", async () => {
    expect(await ids({ entity: "user" })).toHaveLength(1);
    expect(await ids({ actor: "王编辑" })).toEqual(["7"]);
    expect(await ids({ actor: "WANG@" })).toEqual(["7"]);
    expect(await ids({ actor: "_100%" })).toHaveLength(3);
    expect(await ids({ actor: "li_1" })).toHaveLength(3);
    expect(await ids({ actor: "li%" })).toHaveLength(0);
    expect(await ids({ actor: "system" })).toEqual(["10"]);
  });

  it("filters by Beijing days", async () => {
    expect(await ids({ from: "2026-04-30", to: "2026-04-30" })).toEqual(["7"]);
    expect(await ids({ from: "2026-05-01", to: "2026-05-01" })).toEqual(["8"]);
    expect(await ids({ to: "2026-05-01" })).toEqual(["8", "7"]);
    // A malformed date is ignored, not an error.
    expect((await listAuditEntries({ from: "2026-02-30" })).total).toBe(5);
  });

  it("pages 50 at a time and clamps the page number", async () => {
    await db.insert(auditLog).values(Array.from({ length: 60 }, (_, i) => ({ actorLabel: "bulk", action: "bulk.add", entity: "bulk", entityId: String(i) })));
    const first = await listAuditEntries({ action: "bulk" });
    expect(first).toMatchObject({ total: 60, page: 1, pageCount: 2 });
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    const second = await listAuditEntries({ action: "bulk", page: "2" });
    expect(second.entries).toHaveLength(10);
    expect((await listAuditEntries({ action: "bulk", page: "99" })).page).toBe(2);
    expect((await listAuditEntries({ action: "bulk", page: "abc" })).page).toBe(1);
    expect(new Set([...first.entries, ...second.entries].map((e) => e.id)).size).toBe(60);
  });

  it("offers the entities and action families present", async () => {
    const facets = await auditFacets();
    expect(facets.entities).toEqual(["bulk", "issue", "user"]);
    expect(facets.actions).toEqual(["bulk", "issue", "issues", "user"]);
  });
});

describe("auditDiff", () => {
  it("shows only what changed", () => {
    expect(auditDiff({ status: "draft", date: "2026-05-07" }, { status: "published", date: "2026-05-07" })).toEqual([
      { key: "status", before: "draft", after: "published", kind: "changed" },
    ]);
    expect(auditDiff(null, { role: "editor" })).toEqual([{ key: "role", after: "editor", kind: "added" }]);
    expect(auditDiff({ role: "editor" }, null)).toEqual([{ key: "role", before: "editor", kind: "removed" }]);
    expect(auditDiff({ weekdays: [1, 4] }, { weekdays: [1, 4] })).toEqual([]);
  });
});
