import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { users } from "@/db/schema";
import { currentRole, forgetAccess } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { requestTranslator } from "@/lib/i18n/translate";
import type { Role } from "@/lib/roles";

/**
 * Staff roles. Only admins change them, the paper always keeps at least one
 * admin, and every change is audited in its own transaction. "Remove staff"
 * is a change to member: the account and its subscriptions stay.
 */
export type RoleChangeResult = { ok: true } | { error: string };

/** The refusals in Chinese (tests compare with them); callers get them in their language (Chinese outside a request). */
export const ONLY_ADMINS = "只有管理员可以管理员工";
export const LAST_ADMIN_REFUSAL = "不能移除最后一位管理员,请先任命另一位管理员";

type Refusal = "onlyAdmins" | "lastAdmin" | "noSuchUser" | "invalidRole";
const refusal = async (key: Refusal): Promise<{ error: string }> => ({ error: (await requestTranslator("adminPeople.staff.errors"))(key) });

const ROLE_VALUES: readonly Role[] = ["member", "editor", "admin"];

export type StaffMember = { id: string; email: string; name: string | null; role: Role; createdAt: Date };

export async function listStaff(): Promise<StaffMember[]> {
  const db = await getDb();
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt })
    .from(users)
    .where(inArray(users.role, ["editor", "admin"]))
    .orderBy(sql`case ${users.role} when 'admin' then 0 else 1 end`, asc(users.email));
}

/**
 * Locks every admin row for the rest of the transaction and returns their ids.
 * Two admins demoting each other at once both want these locks: the second
 * waits, then re-reads the admins after the first committed, and sees itself
 * as the last one (or no admin at all).
 */
export async function lockAdmins(tx: Tx): Promise<string[]> {
  // A fixed order, so two transactions taking these locks cannot deadlock each other.
  const rows = await tx.select({ id: users.id }).from(users).where(eq(users.role, "admin")).orderBy(asc(users.id)).for("update");
  return rows.map((r) => r.id);
}

/**
 * Sets `userId`'s role within `tx` (audited as "user.role"), keeping at least
 * one admin. Used by changeUserRole and by accepting a staff invitation.
 */
export async function setRoleInTx(tx: Tx, actorId: string | null, userId: string, role: Role): Promise<RoleChangeResult> {
  const admins = await lockAdmins(tx);
  const [target] = await tx
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .where(eq(users.id, userId))
    .for("update")
    .limit(1);
  if (!target) return refusal("noSuchUser");
  if (target.role === role) return { ok: true };
  if (target.role === "admin" && role !== "admin" && admins.filter((id) => id !== userId).length === 0) {
    return refusal("lastAdmin");
  }
  await tx.update(users).set({ role }).where(eq(users.id, userId));
  await recordAudit(tx, {
    actorId,
    action: "user.role",
    entity: "user",
    entityId: userId,
    before: { email: target.email, role: target.role },
    after: { email: target.email, role },
  });
  return { ok: true };
}

/** Makes `userId` a member, editor or admin. Admin-only; the actor's role is read from the database. */
export async function changeUserRole(actorId: string, userId: string, role: Role): Promise<RoleChangeResult> {
  if (!ROLE_VALUES.includes(role)) return refusal("invalidRole");
  if ((await currentRole(actorId)) !== "admin") return refusal("onlyAdmins");
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<RoleChangeResult> => {
    // Re-checked under the admins' row locks: an admin demoted a moment ago by another admin must not act.
    const admins = await lockAdmins(tx);
    if (!admins.includes(actorId)) return refusal("onlyAdmins");
    return setRoleInTx(tx, actorId, userId, role);
  });
  if ("ok" in result) forgetAccess(userId);
  return result;
}
