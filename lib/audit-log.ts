import "server-only";
import { and, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { addDays, isIsoDate } from "@/lib/dates";
import { wallTimeToInstant } from "@/lib/issues-admin";

/**
 * Reading the audit log (操作日志) for the admin page: filters by action
 * prefix, entity, actor and a range of Beijing days; newest first, 50 a page.
 */
export const AUDIT_PAGE_SIZE = 50;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);
const optionalDate = z
  .string()
  .trim()
  .optional()
  .catch(undefined)
  .transform((v) => (v && isIsoDate(v) ? v : undefined));

/** The page's query string; anything malformed is dropped rather than refused. */
export const auditFilterSchema = z.object({
  action: optionalText(100),
  entity: optionalText(100),
  actor: optionalText(254),
  from: optionalDate,
  to: optionalDate,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export type AuditEntryView = typeof auditLog.$inferSelect;
export type AuditPage = { entries: AuditEntryView[]; total: number; page: number; pageCount: number };

/** LIKE wildcards in user input match themselves. */
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Start of a Beijing calendar day as an instant. */
const dayStart = (iso: string) => wallTimeToInstant(`${iso}T00:00`)!;

function conditions(filter: AuditFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (filter.action) {
    // "issue." and "issue" both mean the issue actions (and "issue" itself), not "issues.x".
    const prefix = filter.action.replace(/\.$/, "");
    where.push(or(eq(auditLog.action, prefix), ilike(auditLog.action, `${escapeLike(prefix)}.%`)));
  }
  if (filter.entity) where.push(eq(auditLog.entity, filter.entity));
  if (filter.actor) where.push(ilike(auditLog.actorLabel, `%${escapeLike(filter.actor)}%`));
  if (filter.from) where.push(gte(auditLog.at, dayStart(filter.from)));
  if (filter.to) where.push(lt(auditLog.at, dayStart(addDays(filter.to, 1))));
  return and(...where);
}

export async function listAuditEntries(input: Partial<Record<keyof AuditFilter, unknown>>): Promise<AuditPage> {
  const filter = auditFilterSchema.parse(input);
  const db = await getDb();
  const where = conditions(filter);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog).where(where);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const entries = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return { entries, total, page, pageCount };
}

/** The entities and action families present, for the filter's suggestions. */
export async function auditFacets(): Promise<{ entities: string[]; actions: string[] }> {
  const db = await getDb();
  const entities = await db.selectDistinct({ value: auditLog.entity }).from(auditLog).orderBy(auditLog.entity);
  const actions = await db
    .selectDistinct({ value: sql<string>`split_part(${auditLog.action}, '.', 1)` })
    .from(auditLog)
    .orderBy(sql`1`);
  return { entities: entities.map((e) => e.value), actions: actions.map((a) => a.value) };
}

export type DiffLine = { key: string; before?: unknown; after?: unknown; kind: "added" | "removed" | "changed" };

/** The keys whose values differ between before and after; unchanged keys are left out. */
export function auditDiff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): DiffLine[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const lines: DiffLine[] = [];
  for (const key of keys) {
    const inBefore = before != null && key in before;
    const inAfter = after != null && key in after;
    if (inBefore && inAfter) {
      if (JSON.stringify(before![key]) !== JSON.stringify(after![key])) lines.push({ key, before: before![key], after: after![key], kind: "changed" });
    } else if (inAfter) {
      lines.push({ key, after: after![key], kind: "added" });
    } else {
      lines.push({ key, before: before![key], kind: "removed" });
    }
  }
  return lines;
}
