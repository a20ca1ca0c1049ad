import "server-only";
import { and, count, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { issues } from "@/db/schema";
import { datesOfMonth, type YearMonth } from "@/lib/dates";

export type IssueRow = typeof issues.$inferSelect;
export type IssueStatus = IssueRow["status"];
export const statuses: readonly IssueStatus[] = ["draft", "scheduled", "published"];
export const PAGE_SIZE = 30;

/** The 期次 list, newest date first, optionally one status and one month. */
export async function issueList(filter: { status: IssueStatus | null; month: YearMonth | null; page: number }) {
  const db = await getDb();
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(issues.status, filter.status));
  if (filter.month) {
    const days = datesOfMonth(filter.month);
    conditions.push(gte(issues.date, days[0]!), lte(issues.date, days[days.length - 1]!));
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select()
      .from(issues)
      .where(where)
      .orderBy(desc(issues.date))
      .limit(PAGE_SIZE)
      .offset((filter.page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(issues).where(where),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function issueById(id: number): Promise<IssueRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(issues).where(eq(issues.id, id)).limit(1);
  return row ?? null;
}
