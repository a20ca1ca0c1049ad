import "server-only";
import { asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { articles, issues, pages, publication, qrCodes } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translate";
import { instantToWallTime } from "@/lib/issues-admin";
import { getObject } from "@/lib/storage";
import type { QrCodeRow } from "./codes-admin";
import { logoPng, type QrLogo } from "./print";

/**
 * The staff QR pages' reading side: codes, campaigns and issues to choose
 * from, how a code's target reads, the form's values, and the print logo.
 * The changes (create, edit, enable, delete, bulk) are in ./codes-admin.ts.
 */
export async function getQrCode(id: number): Promise<QrCodeRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(qrCodes).where(eq(qrCodes.id, id)).limit(1);
  return row ?? null;
}

export async function listQrCodes({ campaign }: { campaign?: string | null } = {}): Promise<QrCodeRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(qrCodes)
    .where(campaign ? eq(qrCodes.campaign, campaign) : undefined)
    .orderBy(desc(qrCodes.createdAt), desc(qrCodes.id))
    .limit(1000);
}

export async function listCampaigns(): Promise<string[]> {
  const db = await getDb();
  const rows = await db.selectDistinct({ campaign: qrCodes.campaign }).from(qrCodes).where(isNotNull(qrCodes.campaign)).orderBy(asc(qrCodes.campaign));
  return rows.map((r) => r.campaign!);
}

/** Issues for the pickers, newest first, plus any older ones in `include` (what a code already points at). */
export async function recentIssues(limit = 60, include: (number | null)[] = []): Promise<{ id: number; number: number; date: string; pageCount: number }[]> {
  const db = await getDb();
  const columns = { id: issues.id, number: issues.number, date: issues.date, pageCount: issues.pageCount };
  const recent = await db.select(columns).from(issues).orderBy(desc(issues.date)).limit(limit);
  const missing = include.filter((id): id is number => id !== null && !recent.some((i) => i.id === id));
  if (missing.length === 0) return recent;
  const older = await db.select(columns).from(issues).where(inArray(issues.id, missing));
  return [...recent, ...older].sort((a, b) => b.date.localeCompare(a.date));
}

/** Where a code's placement and destination point, in words for the list (in `locale`). */
export async function describeTargets(rows: QrCodeRow[], locale: Locale): Promise<Map<number, { placement: string; destination: string }>> {
  const t = translatorFor(locale, "adminQr");
  const db = await getDb();
  const articleIds = [...new Set(rows.flatMap((r) => [r.placementArticleId, r.destinationArticleId]).filter((v): v is number => v !== null))];
  const issueIds = [...new Set(rows.flatMap((r) => [r.placementIssueId, r.destinationIssueId]).filter((v): v is number => v !== null))];
  const pageIds = [...new Set(rows.map((r) => r.placementPageId).filter((v): v is number => v !== null))];
  const [articleRows, issueRows, pageRows] = await Promise.all([
    articleIds.length ? db.select({ id: articles.id, title: articles.title }).from(articles).where(inArray(articles.id, articleIds)) : [],
    issueIds.length ? db.select({ id: issues.id, number: issues.number }).from(issues).where(inArray(issues.id, issueIds)) : [],
    pageIds.length ? db.select({ id: pages.id, number: pages.number }).from(pages).where(inArray(pages.id, pageIds)) : [],
  ]);
  const title = new Map(articleRows.map((a) => [a.id, a.title]));
  const number = new Map(issueRows.map((i) => [i.id, i.number]));
  const page = new Map(pageRows.map((p) => [p.id, p.number]));
  const unknownPage = t("targets.unknownPage");
  const issueText = (id: number | null) => (id && number.has(id) ? t("targets.issue", { number: String(number.get(id)) }) : t("targets.deletedIssue"));
  const articleText = (id: number | null) => (id && title.has(id) ? t("targets.article", { title: title.get(id)! }) : t("targets.deletedArticle"));
  const pageText = (issueId: number | null, pageNumber: number | null | undefined) =>
    t("targets.page", { issue: issueText(issueId), page: pageNumber == null ? unknownPage : String(pageNumber) });
  return new Map(
    rows.map((r) => {
      const placement =
        r.placement === "masthead"
          ? t("targets.masthead")
          : r.placement === "campaign"
            ? t("targets.campaign", { campaign: r.campaign ?? "" })
            : r.placement === "issue"
              ? issueText(r.placementIssueId)
              : r.placement === "page"
                ? pageText(r.placementIssueId, r.placementPageId ? page.get(r.placementPageId) : null)
                : t("targets.onArticle", { article: articleText(r.placementArticleId) });
      const destination =
        r.destination === "landing"
          ? t("targets.landing", { title: r.landing?.title ?? "" })
          : r.destination === "article"
            ? t("targets.toArticle", { article: articleText(r.destinationArticleId) })
            : r.destination === "issue"
              ? issueText(r.destinationIssueId)
              : r.destination === "page"
                ? pageText(r.destinationIssueId, r.destinationPageNumber)
                : r.destination === "subscribe"
                  ? r.promotionCode
                    ? t("targets.subscribePromotion", { promotion: r.promotionCode })
                    : t("targets.subscribe")
                  : (r.externalUrl ?? "");
      return [r.id, { placement, destination }];
    }),
  );
}

/** The edit form's initial values (wall times in Beijing time). */
export async function formValuesOf(row: QrCodeRow): Promise<Record<string, string>> {
  const db = await getDb();
  let placementPageNumber = "";
  if (row.placementPageId) {
    const [page] = await db.select({ number: pages.number }).from(pages).where(eq(pages.id, row.placementPageId)).limit(1);
    placementPageNumber = page ? String(page.number) : "";
  }
  const s = (v: unknown) => (v == null ? "" : String(v));
  return {
    label: row.label,
    placement: row.placement,
    placementIssueId: s(row.placementIssueId),
    placementPageNumber,
    placementArticleId: s(row.placementArticleId),
    campaign: s(row.campaign),
    destination: row.destination,
    destinationArticleId: s(row.destinationArticleId),
    destinationIssueId: s(row.destinationIssueId),
    destinationPageNumber: s(row.destinationPageNumber),
    promotion: s(row.promotionCode),
    externalUrl: s(row.externalUrl),
    landingTitle: s(row.landing?.title),
    landingText: s(row.landing?.text),
    landingCtaLabel: s(row.landing?.ctaLabel),
    landingCtaHref: s(row.landing?.ctaHref),
    activeFrom: row.activeFrom ? instantToWallTime(row.activeFrom) : "",
    activeUntil: row.activeUntil ? instantToWallTime(row.activeUntil) : "",
    fallbackTitle: s(row.fallback?.title),
    fallbackText: s(row.fallback?.text),
    fallbackCtaLabel: s(row.fallback?.ctaLabel),
    fallbackCtaHref: s(row.fallback?.ctaHref),
    enabled: row.enabled ? "on" : "",
  };
}

/** Is the code live at `now` (enabled and inside its window)? */
export function liveState(row: Pick<QrCodeRow, "enabled" | "activeFrom" | "activeUntil">, now = new Date()): "live" | "disabled" | "not_yet" | "expired" {
  if (!row.enabled) return "disabled";
  if (row.activeFrom && now < row.activeFrom) return "not_yet";
  if (row.activeUntil && now >= row.activeUntil) return "expired";
  return "live";
}

/** The centre logo for downloads: the paper's uploaded logo when it has one that reads as an image, else the drawn 财 mark. */
export async function printLogo(): Promise<QrLogo> {
  const db = await getDb();
  const [row] = await db.select({ logoKey: publication.logoKey }).from(publication).limit(1);
  if (row?.logoKey) {
    const file = await getObject(row.logoKey).catch(() => null);
    const png = file ? await logoPng(file.body) : null;
    if (png) return { kind: "image", png };
  }
  return { kind: "mark" };
}
