import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { articles, issues, pages } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { zonesSchema, zonesSummary, type Zone } from "@/lib/hot-zones";
import { isStaff } from "@/lib/roles";

/**
 * Saving an article's hot zones (热区) from the editor. The rules live here,
 * not in the form: the actor's role is re-read from the database, the zones
 * are validated and normalised again, and the change and its audit entry land
 * in one transaction.
 */
type IssueRow = typeof issues.$inferSelect;
export type SaveZonesResult = { ok: true; issue: IssueRow; zones: Zone[] } | { ok: false; error: string };

export const NO_ARTICLE = "没有这篇文章,可能已被删除";
export const WRONG_PAGE = "这篇文章不在这一版上,请刷新页面";

/** The first problem, naming the zone it is in ("第2个热区:…") so the editor can point at it. */
export function zonesError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "热区数据不正确";
  const index = issue.path[0];
  return typeof index === "number" ? `第${index + 1}个热区:${issue.message}` : issue.message;
}

export async function saveHotZones(
  actorId: string,
  articleId: number,
  zones: unknown,
  /** The issue (and page) the editor was opened on: a stale or forged form can't write to another one. */
  scope?: { issueId: number; pageNumber?: number },
): Promise<SaveZonesResult> {
  // Imported here: lib/access and lib/actions load Next's navigation runtime.
  const [{ currentRole }, { FORBIDDEN }] = await Promise.all([import("@/lib/access"), import("@/lib/actions")]);
  if (!isStaff((await currentRole(actorId)) ?? undefined)) return { ok: false, error: FORBIDDEN };
  const parsed = zonesSchema.safeParse(zones);
  if (!parsed.success) return { ok: false, error: zonesError(parsed.error) };
  const next = parsed.data;

  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ article: { id: articles.id, title: articles.title, hotZones: articles.hotZones }, issue: issues, pageNumber: pages.number })
      .from(articles)
      .innerJoin(issues, eq(issues.id, articles.issueId))
      .innerJoin(pages, eq(pages.id, articles.pageId))
      .where(eq(articles.id, articleId))
      .limit(1)
      .for("update", { of: articles });
    if (!row) return { ok: false, error: NO_ARTICLE } as const;
    if (scope && (row.issue.id !== scope.issueId || (scope.pageNumber !== undefined && row.pageNumber !== scope.pageNumber))) {
      return { ok: false, error: WRONG_PAGE } as const;
    }
    await tx.update(articles).set({ hotZones: next, updatedAt: sql`now()` }).where(eq(articles.id, articleId));
    await recordAudit(tx, {
      actorId,
      action: "article.zones.update",
      entity: "article",
      entityId: articleId,
      before: { title: row.article.title, ...zonesSummary(row.article.hotZones) },
      after: { title: row.article.title, ...zonesSummary(next) },
    });
    return { ok: true, issue: row.issue, zones: next } as const;
  });
}
