import "server-only";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { issues, scheduleChanges } from "@/db/schema";
import { currentRole } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { isIsoDate, todayInPaperZone, type IsoDate } from "@/lib/dates";
import { isStaff } from "@/lib/roles";

/**
 * Dated schedule changes: from a day on the paper appears on other weekdays.
 * A change may only start after the last published issue and not before
 * tomorrow, so no issue that readers already have changes its schedule.
 */
export type ScheduleChangeResult = { ok: true; effectiveFrom: IsoDate } | { error: string; fieldErrors?: Record<string, string[]> };

export const scheduleChangeSchema = z.object({
  effectiveFrom: z.string().refine(isIsoDate, "请填写有效日期(YYYY-MM-DD)"),
  weekdays: z
    .array(z.coerce.number().int().min(1).max(7))
    .min(1, "至少选择一个出版日")
    .max(7)
    .transform((days) => [...new Set(days)].sort()),
});

const LOCK_KEY = 0x5ced01;

export async function addScheduleChange(actorId: string, input: unknown, now = new Date()): Promise<ScheduleChangeResult> {
  if (!isStaff((await currentRole(actorId)) ?? undefined)) return { error: "只有编辑和管理员可以修改出版日程" };
  const parsed = scheduleChangeSchema.safeParse(input);
  if (!parsed.success) {
    return { error: "请检查填写的内容", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  }
  const { effectiveFrom, weekdays } = parsed.data;
  const today = todayInPaperZone(now);
  if (effectiveFrom <= today) return { error: "新日程最早从明天起生效", fieldErrors: { effectiveFrom: ["新日程最早从明天起生效"] } };
  const db = await getDb();
  return db.transaction(async (tx): Promise<ScheduleChangeResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY}::bigint)`);
    const [published] = await tx
      .select({ date: issues.date, number: issues.number })
      .from(issues)
      .where(and(eq(issues.status, "published"), gt(issues.date, sql`${effectiveFrom}::date - 1`)))
      .orderBy(desc(issues.date))
      .limit(1);
    if (published) {
      const message = `${published.date} 已有已出版的报纸(总第${published.number}期),新日程只能从其后开始`;
      return { error: message, fieldErrors: { effectiveFrom: [message] } };
    }
    await tx
      .insert(scheduleChanges)
      .values({ effectiveFrom, weekdays })
      .onConflictDoUpdate({ target: scheduleChanges.effectiveFrom, set: { weekdays } });
    await recordAudit(tx, { actorId, action: "schedule.change", entity: "schedule_change", entityId: effectiveFrom, after: { effectiveFrom, weekdays } });
    return { ok: true, effectiveFrom };
  });
}

/** Withdraws a change that has not taken effect yet. */
export async function deleteScheduleChange(actorId: string, id: number, now = new Date()): Promise<ScheduleChangeResult> {
  if (!isStaff((await currentRole(actorId)) ?? undefined)) return { error: "只有编辑和管理员可以修改出版日程" };
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(scheduleChanges)
      .where(and(eq(scheduleChanges.id, id), gt(scheduleChanges.effectiveFrom, todayInPaperZone(now))))
      .returning({ effectiveFrom: scheduleChanges.effectiveFrom, weekdays: scheduleChanges.weekdays });
    if (deleted) await recordAudit(tx, { actorId, action: "schedule.change.delete", entity: "schedule_change", entityId: deleted.effectiveFrom, before: deleted });
    return deleted;
  });
  return row ? { ok: true, effectiveFrom: row.effectiveFrom } : { error: "只能撤回尚未生效的日程变更" };
}
