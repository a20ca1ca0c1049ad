import "server-only";
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { articles, issues, pages, publication, qrCodes, type QrLanding } from "@/db/schema";
import { recordAudit, summarize } from "@/lib/audit";
import { instantToWallTime, wallTimeToInstant } from "@/lib/issues-admin";
import { isStaff } from "@/lib/roles";
import { getObject } from "@/lib/storage";
import { generateQrCode } from "./code";
import { logoPng, type QrLogo } from "./print";
import { forgetQrCode } from "./resolve";

/**
 * Staff rules for printed QR codes: what a code points at, when it is live, and
 * the one-step codes for every article of an issue. Every entry point re-reads
 * the actor's role from the database; every change is audited in its own
 * transaction and drops the code from the scan path's cache.
 */
export type QrCodeRow = typeof qrCodes.$inferSelect;
export type Failure = { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export const QR_PLACEMENTS = ["masthead", "issue", "page", "article", "campaign"] as const;
export const QR_DESTINATIONS = ["landing", "article", "issue", "page", "subscribe", "external"] as const;
export type QrPlacement = (typeof QR_PLACEMENTS)[number];
export type QrDestination = (typeof QR_DESTINATIONS)[number];

export const placementLabel: Record<QrPlacement, string> = { masthead: "报头", issue: "期次", page: "版面", article: "稿件", campaign: "推广活动" };
export const destinationLabel: Record<QrDestination, string> = {
  landing: "自定义落地页",
  article: "稿件",
  issue: "期次",
  page: "版面",
  subscribe: "订阅页",
  external: "外部链接",
};

const CHECK_FORM = "请检查填写的内容";
const NO_CODE = "没有这个二维码,可能已被删除";
const AUDITED = [
  "code",
  "label",
  "placement",
  "placementIssueId",
  "placementPageId",
  "placementArticleId",
  "campaign",
  "destination",
  "destinationArticleId",
  "destinationIssueId",
  "destinationPageNumber",
  "promotionCode",
  "externalUrl",
  "activeFrom",
  "activeUntil",
  "enabled",
] as const;

const fail = (error: string, fieldErrors?: Record<string, string[]>): Failure => (fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error });

/** Imported late, as in lib/issues-admin.ts: lib/access loads Next's navigation runtime. */
async function refusal(actorId: string): Promise<Failure | null> {
  const [{ currentRole }, { FORBIDDEN }] = await Promise.all([import("@/lib/access"), import("@/lib/actions")]);
  return isStaff((await currentRole(actorId)) ?? undefined) ? null : fail(FORBIDDEN);
}

// ── The form ──

const text = z.preprocess((v) => (v == null ? "" : typeof v === "number" ? String(v) : v), z.string().trim());
const optional = (max: number, message: string) => text.pipe(z.string().max(max, message)).transform((v) => v || null);
const optionalId = (message: string) => text.pipe(z.string().regex(/^(|[1-9]\d{0,8})$/, message)).transform((v) => (v ? Number(v) : null));
const optionalPage = text.pipe(z.string().regex(/^(|[1-9]\d?)$/, "版号须为1至99")).transform((v) => (v ? Number(v) : null));
const wallTime = (message: string) =>
  text.transform((v, ctx) => {
    if (!v) return null;
    const at = wallTimeToInstant(v);
    if (!at) ctx.addIssue({ code: "custom", message });
    return at;
  });

/** https only: a printed code must never send a reader to an unencrypted page. */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && Boolean(url.hostname) && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** A call-to-action link: a path on this site ("/subscribe", not "//evil.example") or an https URL. */
export function isSafeCtaHref(value: string): boolean {
  if (value.startsWith("/")) return !value.startsWith("//") && !value.startsWith("/\\") && !/[\s\\]/.test(value);
  return isHttpsUrl(value);
}

export const PROMOTION_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * 新建/编辑二维码. Field names are the form's. The promotion field is called
 * `promotion`, not `promotionCode`: the action wrapper never echoes fields
 * named like secrets ("code"), and staff should not lose what they typed.
 */
export const qrCodeSchema = z
  .object({
    label: text.pipe(z.string().min(1, "请填写名称").max(100, "名称最多100字")),
    placement: z.enum(QR_PLACEMENTS, { error: "请选择放置位置" }),
    placementIssueId: optionalId("请选择期次"),
    placementPageNumber: optionalPage,
    placementArticleId: optionalId("稿件编号须为正整数"),
    campaign: optional(60, "活动名称最多60字"),
    destination: z.enum(QR_DESTINATIONS, { error: "请选择目标" }),
    destinationArticleId: optionalId("稿件编号须为正整数"),
    destinationIssueId: optionalId("请选择期次"),
    destinationPageNumber: optionalPage,
    promotion: text.pipe(z.string().regex(/^(|[A-Za-z0-9_-]{1,40})$/, "优惠码只能包含字母、数字、- 和 _,最多40个字符")).transform((v) => v || null),
    externalUrl: optional(2000, "网址过长").refine((v) => v === null || isHttpsUrl(v), "外部链接必须以 https:// 开头"),
    landingTitle: optional(100, "标题最多100字"),
    landingText: optional(2000, "正文最多2000字"),
    landingCtaLabel: optional(30, "按钮文字最多30字"),
    landingCtaHref: optional(2000, "链接过长").refine((v) => v === null || isSafeCtaHref(v), "按钮链接须为本站路径(以 / 开头)或 https:// 网址"),
    activeFrom: wallTime("请填写有效的开始时间(北京时间)"),
    activeUntil: wallTime("请填写有效的结束时间(北京时间)"),
    fallbackTitle: optional(100, "标题最多100字"),
    fallbackText: optional(2000, "正文最多2000字"),
    fallbackCtaLabel: optional(30, "按钮文字最多30字"),
    fallbackCtaHref: optional(2000, "链接过长").refine((v) => v === null || isSafeCtaHref(v), "按钮链接须为本站路径(以 / 开头)或 https:// 网址"),
    enabled: z
      .union([z.boolean(), z.string()])
      .optional()
      .transform((v) => v === true || v === "on" || v === "true"),
  })
  .superRefine((v, ctx) => {
    const need = (ok: unknown, path: string, message: string) => {
      if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
    };
    if (v.placement === "issue" || v.placement === "page") need(v.placementIssueId, "placementIssueId", "请选择期次");
    if (v.placement === "page") need(v.placementPageNumber, "placementPageNumber", "请填写版号");
    if (v.placement === "article") need(v.placementArticleId, "placementArticleId", "请填写稿件编号");
    if (v.placement === "campaign") need(v.campaign, "campaign", "请填写活动名称");
    if (v.destination === "article") need(v.destinationArticleId, "destinationArticleId", "请填写稿件编号");
    if (v.destination === "issue" || v.destination === "page") need(v.destinationIssueId, "destinationIssueId", "请选择期次");
    if (v.destination === "page") need(v.destinationPageNumber, "destinationPageNumber", "请填写版号");
    if (v.destination === "external") need(v.externalUrl, "externalUrl", "请填写外部链接(https://)");
    if (v.destination === "landing") {
      need(v.landingTitle, "landingTitle", "请填写落地页标题");
      need(v.landingText, "landingText", "请填写落地页正文");
    }
    if (v.landingCtaHref) need(v.landingCtaLabel, "landingCtaLabel", "有按钮链接时请填写按钮文字");
    if (v.fallbackTitle || v.fallbackText || v.fallbackCtaLabel || v.fallbackCtaHref) need(v.fallbackTitle, "fallbackTitle", "请填写备用页标题");
    if (v.fallbackCtaHref) need(v.fallbackCtaLabel, "fallbackCtaLabel", "有按钮链接时请填写按钮文字");
    if (v.activeFrom && v.activeUntil && v.activeFrom.getTime() >= v.activeUntil.getTime()) {
      ctx.addIssue({ code: "custom", path: ["activeUntil"], message: "结束时间须晚于开始时间" });
    }
  });
/** The form's fields (strings from FormData; numbers and booleans are accepted from code). */
export type QrCodeInput = Record<string, string | number | boolean | null | undefined>;
type QrCodeForm = z.output<typeof qrCodeSchema>;
type QrCodeValues = Omit<typeof qrCodes.$inferInsert, "id" | "code" | "createdBy" | "createdAt" | "updatedAt">;

const landingOf = (title: string | null, body: string | null, ctaLabel: string | null, ctaHref: string | null): QrLanding | null =>
  title ? { title, text: body ?? "", imageKey: null, ctaLabel: ctaHref ? ctaLabel : null, ctaHref } : null;

/**
 * The row values for a valid form: fields that don't belong to the chosen
 * placement or destination are cleared, and page numbers and articles are
 * checked against the database (read with `tx`).
 */
async function resolveValues(tx: Tx, form: QrCodeForm): Promise<QrCodeValues | Failure> {
  const errors: Record<string, string[]> = {};
  const issueExists = async (id: number | null) => id !== null && (await tx.select({ id: issues.id }).from(issues).where(eq(issues.id, id)).limit(1)).length > 0;
  const pageOf = async (issueId: number, number: number) =>
    (await tx.select({ id: pages.id }).from(pages).where(and(eq(pages.issueId, issueId), eq(pages.number, number))).limit(1))[0] ?? null;
  const articleOf = async (id: number) => (await tx.select({ id: articles.id, issueId: articles.issueId }).from(articles).where(eq(articles.id, id)).limit(1))[0] ?? null;

  let placementIssueId: number | null = null;
  let placementPageId: number | null = null;
  let placementArticleId: number | null = null;
  if (form.placement === "issue" || form.placement === "page") {
    if (!(await issueExists(form.placementIssueId))) errors.placementIssueId = ["没有这一期"];
    else {
      placementIssueId = form.placementIssueId;
      if (form.placement === "page") {
        const page = await pageOf(placementIssueId!, form.placementPageNumber!);
        if (page) placementPageId = page.id;
        else errors.placementPageNumber = [`该期没有第${form.placementPageNumber}版`];
      }
    }
  }
  if (form.placement === "article") {
    const article = await articleOf(form.placementArticleId!);
    if (article) {
      placementArticleId = article.id;
      placementIssueId = article.issueId;
    } else errors.placementArticleId = [`没有编号为 ${form.placementArticleId} 的稿件`];
  }

  let destinationArticleId: number | null = null;
  let destinationIssueId: number | null = null;
  let destinationPageNumber: number | null = null;
  if (form.destination === "article") {
    if (await articleOf(form.destinationArticleId!)) destinationArticleId = form.destinationArticleId;
    else errors.destinationArticleId = [`没有编号为 ${form.destinationArticleId} 的稿件`];
  }
  if (form.destination === "issue" || form.destination === "page") {
    if (!(await issueExists(form.destinationIssueId))) errors.destinationIssueId = ["没有这一期"];
    else {
      destinationIssueId = form.destinationIssueId;
      if (form.destination === "page") {
        if (await pageOf(destinationIssueId!, form.destinationPageNumber!)) destinationPageNumber = form.destinationPageNumber;
        else errors.destinationPageNumber = [`该期没有第${form.destinationPageNumber}版`];
      }
    }
  }
  if (Object.keys(errors).length) return fail(CHECK_FORM, errors);

  return {
    label: form.label,
    placement: form.placement,
    placementIssueId,
    placementPageId,
    placementArticleId,
    campaign: form.campaign,
    destination: form.destination,
    destinationArticleId,
    destinationIssueId,
    destinationPageNumber,
    promotionCode: form.destination === "subscribe" ? form.promotion : null,
    externalUrl: form.destination === "external" ? form.externalUrl : null,
    landing: form.destination === "landing" ? landingOf(form.landingTitle, form.landingText, form.landingCtaLabel, form.landingCtaHref) : null,
    activeFrom: form.activeFrom,
    activeUntil: form.activeUntil,
    fallback: landingOf(form.fallbackTitle, form.fallbackText, form.fallbackCtaLabel, form.fallbackCtaHref),
    enabled: form.enabled,
  };
}

function parse(input: QrCodeInput): QrCodeForm | Failure {
  const parsed = qrCodeSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const flat = z.flattenError(parsed.error);
  return fail(flat.formErrors[0] ?? CHECK_FORM, flat.fieldErrors as Record<string, string[]>);
}

const isFailure = (v: unknown): v is Failure => typeof v === "object" && v !== null && (v as { ok?: unknown }).ok === false;

/** Inserts with a fresh random code; a collision (about 1 in 10^10 per pair) just draws again. */
async function insertWithFreshCode(tx: Tx, values: QrCodeValues & { createdBy: string | null }): Promise<QrCodeRow> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const [row] = await tx
      .insert(qrCodes)
      .values({ ...values, code: generateQrCode() })
      .onConflictDoNothing({ target: qrCodes.code })
      .returning();
    if (row) return row;
  }
  throw new Error("could not draw an unused QR code");
}

export type CodeResult = { ok: true; code: QrCodeRow } | Failure;

export async function createQrCode(actorId: string, input: QrCodeInput): Promise<CodeResult> {
  const refused = await refusal(actorId);
  if (refused) return refused;
  const form = parse(input);
  if (isFailure(form)) return form;
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<CodeResult> => {
    const values = await resolveValues(tx, form);
    if (isFailure(values)) return values;
    const row = await insertWithFreshCode(tx, { ...values, createdBy: actorId });
    await recordAudit(tx, { actorId, action: "qr.create", entity: "qr_code", entityId: row.id, after: summarize(row, AUDITED) });
    return { ok: true, code: row };
  });
  // The scan path may remember this code as unknown from before it existed.
  if (result.ok) forgetQrCode(result.code.code);
  return result;
}

async function changeCode(
  actorId: string,
  id: number,
  action: string,
  change: (tx: Tx, row: QrCodeRow) => Promise<Partial<QrCodeValues> | Failure>,
): Promise<CodeResult> {
  const refused = await refusal(actorId);
  if (refused) return refused;
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<CodeResult> => {
    const [previous] = await tx.select().from(qrCodes).where(eq(qrCodes.id, id)).for("update").limit(1);
    if (!previous) return fail(NO_CODE);
    const values = await change(tx, previous);
    if (isFailure(values)) return values;
    const [row] = await tx
      .update(qrCodes)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(qrCodes.id, id))
      .returning();
    await recordAudit(tx, { actorId, action, entity: "qr_code", entityId: id, before: summarize(previous, AUDITED), after: summarize(row!, AUDITED) });
    return { ok: true, code: row! };
  });
  if (result.ok) forgetQrCode(result.code.code);
  return result;
}

/** The code itself never changes: it is printed. */
export async function updateQrCode(actorId: string, id: number, input: QrCodeInput): Promise<CodeResult> {
  // Refused callers learn nothing about the form.
  const refused = await refusal(actorId);
  if (refused) return refused;
  const form = parse(input);
  if (isFailure(form)) return form;
  return changeCode(actorId, id, "qr.update", (tx) => resolveValues(tx, form));
}

export function setQrCodeEnabled(actorId: string, id: number, enabled: boolean): Promise<CodeResult> {
  return changeCode(actorId, id, enabled ? "qr.enable" : "qr.disable", async () => ({ enabled }));
}

/** Deleting keeps its scans as orphan scans (code_id set null) and drops its attributions. */
export async function deleteQrCode(actorId: string, id: number): Promise<{ ok: true; code: QrCodeRow } | Failure> {
  const refused = await refusal(actorId);
  if (refused) return refused;
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<{ ok: true; code: QrCodeRow } | Failure> => {
    const [row] = await tx.delete(qrCodes).where(eq(qrCodes.id, id)).returning();
    if (!row) return fail(NO_CODE);
    await recordAudit(tx, { actorId, action: "qr.delete", entity: "qr_code", entityId: id, before: summarize(row, AUDITED) });
    return { ok: true, code: row };
  });
  if (result.ok) forgetQrCode(result.code.code);
  return result;
}

export type BulkResult = { ok: true; created: QrCodeRow[]; existing: number } | Failure;

/**
 * 为本期所有稿件生成二维码: one code per article (placed on and pointing at the
 * article, labelled with its title). Articles that already have such a code
 * are skipped, so running it again after adding articles only adds theirs.
 */
export async function createQrCodesForIssue(actorId: string, issueId: number): Promise<BulkResult> {
  const refused = await refusal(actorId);
  if (refused) return refused;
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<BulkResult> => {
    // Locking the issue serialises two editors pressing the button at once.
    const [issue] = await tx.select({ id: issues.id, number: issues.number }).from(issues).where(eq(issues.id, issueId)).for("update").limit(1);
    if (!issue) return fail("没有这一期,可能已被删除");
    const list = await tx
      .select({ id: articles.id, title: articles.title, pageNumber: pages.number, pageId: pages.id })
      .from(articles)
      .innerJoin(pages, eq(pages.id, articles.pageId))
      .where(eq(articles.issueId, issueId))
      .orderBy(asc(pages.number), asc(articles.position), asc(articles.id));
    if (list.length === 0) return fail("该期还没有稿件");
    const covered = new Set(
      (
        await tx
          .select({ articleId: qrCodes.placementArticleId })
          .from(qrCodes)
          .where(
            and(
              eq(qrCodes.placement, "article"),
              eq(qrCodes.destination, "article"),
              inArray(
                qrCodes.placementArticleId,
                list.map((a) => a.id),
              ),
            ),
          )
      ).map((r) => r.articleId),
    );
    const created: QrCodeRow[] = [];
    for (const article of list) {
      if (covered.has(article.id)) continue;
      created.push(
        await insertWithFreshCode(tx, {
          label: article.title.slice(0, 100),
          placement: "article",
          placementIssueId: issueId,
          placementPageId: article.pageId,
          placementArticleId: article.id,
          campaign: null,
          destination: "article",
          destinationArticleId: article.id,
          destinationIssueId: null,
          destinationPageNumber: null,
          promotionCode: null,
          externalUrl: null,
          landing: null,
          activeFrom: null,
          activeUntil: null,
          fallback: null,
          enabled: true,
          createdBy: actorId,
        }),
      );
    }
    if (created.length) {
      await recordAudit(tx, {
        actorId,
        action: "qr.create.issue",
        entity: "issue",
        entityId: issueId,
        after: { issueNumber: issue.number, created: created.map((c) => c.code), skipped: list.length - created.length },
      });
    }
    return { ok: true, created, existing: list.length - created.length };
  });
  if (result.ok) for (const row of result.created) forgetQrCode(row.code);
  return result;
}

// ── Reading ──

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

/** Where a code's placement and destination point, in words for the list. */
export async function describeTargets(rows: QrCodeRow[]): Promise<Map<number, { placement: string; destination: string }>> {
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
  const issueText = (id: number | null) => (id && number.has(id) ? `总第${number.get(id)}期` : "(已删除的期次)");
  const articleText = (id: number | null) => (id && title.has(id) ? `《${title.get(id)}》` : "(已删除的稿件)");
  return new Map(
    rows.map((r) => {
      const placement =
        r.placement === "masthead"
          ? "报头"
          : r.placement === "campaign"
            ? `推广活动 ${r.campaign ?? ""}`
            : r.placement === "issue"
              ? issueText(r.placementIssueId)
              : r.placement === "page"
                ? `${issueText(r.placementIssueId)} 第${r.placementPageId ? (page.get(r.placementPageId) ?? "?") : "?"}版`
                : `稿件 ${articleText(r.placementArticleId)}`;
      const destination =
        r.destination === "landing"
          ? `落地页「${r.landing?.title ?? ""}」`
          : r.destination === "article"
            ? `稿件 ${articleText(r.destinationArticleId)}`
            : r.destination === "issue"
              ? issueText(r.destinationIssueId)
              : r.destination === "page"
                ? `${issueText(r.destinationIssueId)} 第${r.destinationPageNumber ?? "?"}版`
                : r.destination === "subscribe"
                  ? `订阅页${r.promotionCode ? `(优惠码 ${r.promotionCode})` : ""}`
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
