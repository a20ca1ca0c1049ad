import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accessWindows, users } from "@/db/schema";
import { currentRole, forgetAccess } from "@/lib/access";

/**
 * Complimentary access (赠阅) granted by staff. The rule lives here, on the
 * server: only admins may grant or revoke it, whatever page or action asks.
 * The actor's role is read from the database, never taken from a session.
 */
export type CompResult = { ok: true; windowId: number } | { error: string };

const isAdmin = async (actorId: string) => (await currentRole(actorId)) === "admin";

export async function grantComplimentaryAccess(
  actorId: string,
  grant: { userId: string; until: Date | null; note: string },
  now = new Date(),
): Promise<CompResult> {
  if (!(await isAdmin(actorId))) return { error: "只有管理员可以赠送阅读权限" };
  if (grant.until && grant.until <= now) return { error: "结束时间必须晚于现在" };
  const note = grant.note.trim().slice(0, 200);
  const db = await getDb();
  const [reader] = await db.select({ id: users.id }).from(users).where(eq(users.id, grant.userId)).limit(1);
  if (!reader) return { error: "没有这个读者" };
  const [window] = await db
    .insert(accessWindows)
    .values({ userId: reader.id, startsAt: now, endsAt: grant.until, source: "comp", reference: `comp:${actorId}${note ? `:${note}` : ""}` })
    .returning({ id: accessWindows.id });
  forgetAccess(reader.id);
  return { ok: true, windowId: window!.id };
}

/** Ends a complimentary window now. Paid windows are never touched here: refunds go through Stripe. */
export async function revokeComplimentaryAccess(actorId: string, windowId: number, now = new Date()): Promise<CompResult> {
  if (!(await isAdmin(actorId))) return { error: "只有管理员可以收回赠阅" };
  const db = await getDb();
  const [window] = await db
    .update(accessWindows)
    .set({ endsAt: now })
    .where(and(eq(accessWindows.id, windowId), eq(accessWindows.source, "comp")))
    .returning({ id: accessWindows.id, userId: accessWindows.userId });
  if (!window) return { error: "没有这条赠阅记录" };
  forgetAccess(window.userId);
  return { ok: true, windowId: window.id };
}
