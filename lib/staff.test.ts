import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { currentRole } from "@/lib/access";
import { changeUserRole, LAST_ADMIN_REFUSAL, listStaff, ONLY_ADMINS } from "./staff";

let db: Db;
let drop: () => Promise<void>;
const ids: Record<string, string> = {};

const addUser = async (key: string, role: "member" | "editor" | "admin") => {
  const [row] = await db.insert(users).values({ email: `${key}@staff.test`, name: key, role }).returning({ id: users.id });
  ids[key] = row!.id;
};

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  await addUser("admin", "admin");
  await addUser("editor", "editor");
  await addUser("member", "member");
});
afterAll(async () => drop());

const roleAudits = () => db.select().from(auditLog).where(eq(auditLog.action, "user.role")).orderBy(auditLog.id);

describe("staff roles", () => {
  it("refuses editors and members, changing nothing", async () => {
    expect(await changeUserRole(ids.editor!, ids.member!, "editor")).toEqual({ error: ONLY_ADMINS });
    expect(await changeUserRole(ids.member!, ids.member!, "admin")).toEqual({ error: ONLY_ADMINS });
    expect(await currentRole(ids.member!)).toBe("member");
    expect(await roleAudits()).toHaveLength(0);
  });

  it("an admin promotes a member, audited with before and after", async () => {
    expect(await changeUserRole(ids.admin!, ids.member!, "editor")).toEqual({ ok: true });
    expect(await currentRole(ids.member!)).toBe("editor");
    const [entry] = await roleAudits();
    expect(entry).toMatchObject({
      actorId: ids.admin,
      actorLabel: "admin <admin@staff.test>",
      entity: "user",
      entityId: ids.member,
      before: { email: "member@staff.test", role: "member" },
      after: { email: "member@staff.test", role: "editor" },
    });
    expect((await listStaff()).map((s) => [s.email, s.role])).toEqual([
      ["admin@staff.test", "admin"],
      ["editor@staff.test", "editor"],
      ["member@staff.test", "editor"],
    ]);
  });

  it("removing staff takes effect on the next server-side role check (not the JWT)", async () => {
    expect(await changeUserRole(ids.admin!, ids.editor!, "member")).toEqual({ ok: true });
    // requireStaff and validatedActionWithUser ask the database, so the demoted editor is refused at once.
    expect(await currentRole(ids.editor!)).toBe("member");
  });

  it("refuses to demote the last admin, even oneself", async () => {
    expect(await changeUserRole(ids.admin!, ids.admin!, "editor")).toEqual({ error: LAST_ADMIN_REFUSAL });
    expect(await currentRole(ids.admin!)).toBe("admin");
  });

  it("an admin may step down when another admin remains", async () => {
    await addUser("admin2", "admin");
    expect(await changeUserRole(ids.admin2!, ids.admin2!, "member")).toEqual({ ok: true });
    expect(await currentRole(ids.admin2!)).toBe("member");
  });

  it("two admins demoting each other at the same time: exactly one succeeds", async () => {
    await addUser("admin3", "admin");
    const results = await Promise.all([changeUserRole(ids.admin!, ids.admin3!, "member"), changeUserRole(ids.admin3!, ids.admin!, "member")]);
    expect(results.filter((r) => "ok" in r)).toHaveLength(1);
    const admins = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin"));
    expect(admins).toHaveLength(1);
  });

  it("a no-op change writes no audit entry", async () => {
    const before = (await roleAudits()).length;
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin"));
    expect(await changeUserRole(admin!.id, admin!.id, "admin")).toEqual({ ok: true });
    expect(await roleAudits()).toHaveLength(before);
  });
});
