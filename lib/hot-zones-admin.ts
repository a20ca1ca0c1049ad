import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { articles, issues, pages } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { makeZonesSchema, zonesSummary, type Zone, type ZoneText } from "@/lib/hot-zones";
import { requestTranslator, translatorFor } from "@/lib/i18n/translate";
import { isStaff } from "@/lib/roles";

/**
 * Saving an article's hot zones (热区) from the editor. The rules live here,
 * not in the form: the actor's role is re-read from the database, the zones
 * are validated and normalised again, and the change and its audit entry land
 * in one transaction.
 */
type IssueRow = typeof issues.$inferSelect;
export type SaveZonesResult = { ok: true; issue: IssueRow; zones: Zone[] } | { ok: false; error: string };

type IssuesT = ReturnType<typeof translatorFor<"adminIssues">>;
const zh = translatorFor("zh-CN", "adminIssues");
/** The Chinese refusals, as tests compare them. */
export const NO_ARTICLE = zh("hotZonesLib.noArticle");
export const WRONG_PAGE = zh("hotZonesLib.wrongPage");

/** The zone rules' messages in the language of `t` (a translator of the adminIssues catalog). */
export const zoneTextOf =
  (t: IssuesT): ZoneText =>
  (key, values) =>
    t(`zoneRules.${key}`, values);

/** The first problem, naming the zone it is in ("第2个热区:…") so the editor can point at it. */
export function zonesError(error: z.ZodError, t: IssuesT): string {
  const issue = error.issues[0];
  if (!issue) return t("hotZonesLib.invalid");
  const index = issue.path[0];
  return typeof index === "number" ? t("hotZonesLib.inZone", { n: String(index + 1), message: issue.message }) : issue.message;
}

export async function saveHotZones(
  actorId: string,
  articleId: number,
  zones: unknown,
  /** The issue (and page) the editor was opened on: a stale or forged form can't write to another one. */
  scope?: { issueId: number; pageNumber?: number },
): Promise<SaveZonesResult> {
  const t = await requestTranslator("adminIssues");
  // Imported here: lib/access loads Next's navigation runtime.
  const { currentRole } = await import("@/lib/access");
  if (!isStaff((await currentRole(actorId)) ?? undefined)) return { ok: false, error: t("common.forbidden") };
  const parsed = makeZonesSchema(zoneTextOf(t)).safeParse(zones);
  if (!parsed.success) return { ok: false, error: zonesError(parsed.error, t) };
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
    if (!row) return { ok: false, error: t("hotZonesLib.noArticle") } as const;
    if (scope && (row.issue.id !== scope.issueId || (scope.pageNumber !== undefined && row.pageNumber !== scope.pageNumber))) {
      return { ok: false, error: t("hotZonesLib.wrongPage") } as const;
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
