import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { articles, issues, pages, qrCodes, type QrLanding } from "@/db/schema";
import { recordAudit, summarize } from "@/lib/audit";
import { translatorFor, requestTranslator } from "@/lib/i18n/translate";
import { wallTimeToInstant } from "@/lib/issues-admin";
import { isStaff } from "@/lib/roles";
import { generateQrCode } from "./code";
import { forgetQrCode } from "./resolve";

/**
 * Staff rules for printed QR codes: what a code points at, when it is live, and
 * the one-step codes for every article of an issue. Every entry point re-reads
 * the actor's role from the database; every change is audited in its own
 * transaction and drops the code from the scan path's cache.
 */
export type QrCodeRow = typeof qrCodes.$inferSelect;
/** The staff QR area's messages (lib/i18n/messages/…/admin-qr.json). */
export type AdminQrT = ReturnType<typeof translatorFor<"adminQr">>;
export type Failure = { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export const QR_PLACEMENTS = ["masthead", "issue", "page", "article", "campaign"] as const;
export const QR_DESTINATIONS = ["landing", "article", "issue", "page", "subscribe", "external"] as const;
export type QrPlacement = (typeof QR_PLACEMENTS)[number];
export type QrDestination = (typeof QR_DESTINATIONS)[number];

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
const optionalPage = (message: string) => text.pipe(z.string().regex(/^(|[1-9]\d?)$/, message)).transform((v) => (v ? Number(v) : null));
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
 * The messages are in the staff member's language (`t`, see requestTranslator).
 */
export function makeQrCodeSchema(t: AdminQrT) {
  return z
    .object({
      label: text.pipe(z.string().min(1, t("errors.labelRequired")).max(100, t("errors.labelMax"))),
      placement: z.enum(QR_PLACEMENTS, { error: t("errors.placementRequired") }),
      placementIssueId: optionalId(t("errors.chooseIssue")),
      placementPageNumber: optionalPage(t("errors.pageNumber")),
      placementArticleId: optionalId(t("errors.articleId")),
      campaign: optional(60, t("errors.campaignMax")),
      destination: z.enum(QR_DESTINATIONS, { error: t("errors.destinationRequired") }),
      destinationArticleId: optionalId(t("errors.articleId")),
      destinationIssueId: optionalId(t("errors.chooseIssue")),
      destinationPageNumber: optionalPage(t("errors.pageNumber")),
      promotion: text.pipe(z.string().regex(/^(|[A-Za-z0-9_-]{1,40})$/, t("errors.promotion"))).transform((v) => v || null),
      externalUrl: optional(2000, t("errors.urlTooLong")).refine((v) => v === null || isHttpsUrl(v), t("errors.externalHttps")),
      landingTitle: optional(100, t("errors.titleMax")),
      landingText: optional(2000, t("errors.textMax")),
      landingCtaLabel: optional(30, t("errors.ctaLabelMax")),
      landingCtaHref: optional(2000, t("errors.linkTooLong")).refine((v) => v === null || isSafeCtaHref(v), t("errors.ctaHref")),
      activeFrom: wallTime(t("errors.activeFrom")),
      activeUntil: wallTime(t("errors.activeUntil")),
      fallbackTitle: optional(100, t("errors.titleMax")),
      fallbackText: optional(2000, t("errors.textMax")),
      fallbackCtaLabel: optional(30, t("errors.ctaLabelMax")),
      fallbackCtaHref: optional(2000, t("errors.linkTooLong")).refine((v) => v === null || isSafeCtaHref(v), t("errors.ctaHref")),
      enabled: z
        .union([z.boolean(), z.string()])
        .optional()
        .transform((v) => v === true || v === "on" || v === "true"),
    })
    .superRefine((v, ctx) => {
      const need = (ok: unknown, path: string, message: string) => {
        if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
      };
      if (v.placement === "issue" || v.placement === "page") need(v.placementIssueId, "placementIssueId", t("errors.chooseIssue"));
      if (v.placement === "page") need(v.placementPageNumber, "placementPageNumber", t("errors.pageRequired"));
      if (v.placement === "article") need(v.placementArticleId, "placementArticleId", t("errors.articleRequired"));
      if (v.placement === "campaign") need(v.campaign, "campaign", t("errors.campaignRequired"));
      if (v.destination === "article") need(v.destinationArticleId, "destinationArticleId", t("errors.articleRequired"));
      if (v.destination === "issue" || v.destination === "page") need(v.destinationIssueId, "destinationIssueId", t("errors.chooseIssue"));
      if (v.destination === "page") need(v.destinationPageNumber, "destinationPageNumber", t("errors.pageRequired"));
      if (v.destination === "external") need(v.externalUrl, "externalUrl", t("errors.externalRequired"));
      if (v.destination === "landing") {
        need(v.landingTitle, "landingTitle", t("errors.landingTitleRequired"));
        need(v.landingText, "landingText", t("errors.landingTextRequired"));
      }
      if (v.landingCtaHref) need(v.landingCtaLabel, "landingCtaLabel", t("errors.ctaLabelRequired"));
      if (v.fallbackTitle || v.fallbackText || v.fallbackCtaLabel || v.fallbackCtaHref) need(v.fallbackTitle, "fallbackTitle", t("errors.fallbackTitleRequired"));
      if (v.fallbackCtaHref) need(v.fallbackCtaLabel, "fallbackCtaLabel", t("errors.ctaLabelRequired"));
      if (v.activeFrom && v.activeUntil && v.activeFrom.getTime() >= v.activeUntil.getTime()) {
        ctx.addIssue({ code: "custom", path: ["activeUntil"], message: t("errors.windowOrder") });
      }
    });
}
/** The form's fields (strings from FormData; numbers and booleans are accepted from code). */
export type QrCodeInput = Record<string, string | number | boolean | null | undefined>;
type QrCodeForm = z.output<ReturnType<typeof makeQrCodeSchema>>;
type QrCodeValues = Omit<typeof qrCodes.$inferInsert, "id" | "code" | "createdBy" | "createdAt" | "updatedAt">;

const landingOf = (title: string | null, body: string | null, ctaLabel: string | null, ctaHref: string | null): QrLanding | null =>
  title ? { title, text: body ?? "", imageKey: null, ctaLabel: ctaHref ? ctaLabel : null, ctaHref } : null;

/**
 * The row values for a valid form: fields that don't belong to the chosen
 * placement or destination are cleared, and page numbers and articles are
 * checked against the database (read with `tx`).
 */
async function resolveValues(tx: Tx, form: QrCodeForm, t: AdminQrT): Promise<QrCodeValues | Failure> {
  const errors: Record<string, string[]> = {};
  const issueExists = async (id: number | null) => id !== null && (await tx.select({ id: issues.id }).from(issues).where(eq(issues.id, id)).limit(1)).length > 0;
  const pageOf = async (issueId: number, number: number) =>
    (await tx.select({ id: pages.id }).from(pages).where(and(eq(pages.issueId, issueId), eq(pages.number, number))).limit(1))[0] ?? null;
  const articleOf = async (id: number) => (await tx.select({ id: articles.id, issueId: articles.issueId }).from(articles).where(eq(articles.id, id)).limit(1))[0] ?? null;

  let placementIssueId: number | null = null;
  let placementPageId: number | null = null;
  let placementArticleId: number | null = null;
  if (form.placement === "issue" || form.placement === "page") {
    if (!(await issueExists(form.placementIssueId))) errors.placementIssueId = [t("errors.noIssue")];
    else {
      placementIssueId = form.placementIssueId;
      if (form.placement === "page") {
        const page = await pageOf(placementIssueId!, form.placementPageNumber!);
        if (page) placementPageId = page.id;
        else errors.placementPageNumber = [t("errors.noPage", { page: String(form.placementPageNumber) })];
      }
    }
  }
  if (form.placement === "article") {
    const article = await articleOf(form.placementArticleId!);
    if (article) {
      placementArticleId = article.id;
      placementIssueId = article.issueId;
    } else errors.placementArticleId = [t("errors.noArticle", { id: String(form.placementArticleId) })];
  }

  let destinationArticleId: number | null = null;
  let destinationIssueId: number | null = null;
  let destinationPageNumber: number | null = null;
  if (form.destination === "article") {
    if (await articleOf(form.destinationArticleId!)) destinationArticleId = form.destinationArticleId;
    else errors.destinationArticleId = [t("errors.noArticle", { id: String(form.destinationArticleId) })];
  }
  if (form.destination === "issue" || form.destination === "page") {
    if (!(await issueExists(form.destinationIssueId))) errors.destinationIssueId = [t("errors.noIssue")];
    else {
      destinationIssueId = form.destinationIssueId;
      if (form.destination === "page") {
        if (await pageOf(destinationIssueId!, form.destinationPageNumber!)) destinationPageNumber = form.destinationPageNumber;
        else errors.destinationPageNumber = [t("errors.noPage", { page: String(form.destinationPageNumber) })];
      }
    }
  }
  if (Object.keys(errors).length) return fail(t("errors.checkForm"), errors);

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

function parse(input: QrCodeInput, t: AdminQrT): QrCodeForm | Failure {
  const parsed = makeQrCodeSchema(t).safeParse(input);
  if (parsed.success) return parsed.data;
  const flat = z.flattenError(parsed.error);
  return fail(flat.formErrors[0] ?? t("errors.checkForm"), flat.fieldErrors as Record<string, string[]>);
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
  const t = await requestTranslator("adminQr");
  const form = parse(input, t);
  if (isFailure(form)) return form;
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<CodeResult> => {
    const values = await resolveValues(tx, form, t);
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
  const t = await requestTranslator("adminQr");
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<CodeResult> => {
    const [previous] = await tx.select().from(qrCodes).where(eq(qrCodes.id, id)).for("update").limit(1);
    if (!previous) return fail(t("errors.noCode"));
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
  const t = await requestTranslator("adminQr");
  const form = parse(input, t);
  if (isFailure(form)) return form;
  return changeCode(actorId, id, "qr.update", (tx) => resolveValues(tx, form, t));
}

export function setQrCodeEnabled(actorId: string, id: number, enabled: boolean): Promise<CodeResult> {
  return changeCode(actorId, id, enabled ? "qr.enable" : "qr.disable", async () => ({ enabled }));
}

/** Deleting keeps its scans as orphan scans (code_id set null) and drops its attributions. */
export async function deleteQrCode(actorId: string, id: number): Promise<{ ok: true; code: QrCodeRow } | Failure> {
  const refused = await refusal(actorId);
  if (refused) return refused;
  const t = await requestTranslator("adminQr");
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<{ ok: true; code: QrCodeRow } | Failure> => {
    const [row] = await tx.delete(qrCodes).where(eq(qrCodes.id, id)).returning();
    if (!row) return fail(t("errors.noCode"));
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
  const t = await requestTranslator("adminQr");
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<BulkResult> => {
    // Locking the issue serialises two editors pressing the button at once.
    const [issue] = await tx.select({ id: issues.id, number: issues.number }).from(issues).where(eq(issues.id, issueId)).for("update").limit(1);
    if (!issue) return fail(t("errors.issueGone"));
    const list = await tx
      .select({ id: articles.id, title: articles.title, pageNumber: pages.number, pageId: pages.id })
      .from(articles)
      .innerJoin(pages, eq(pages.id, articles.pageId))
      .where(eq(articles.issueId, issueId))
      .orderBy(asc(pages.number), asc(articles.position), asc(articles.id));
    if (list.length === 0) return fail(t("errors.noArticles"));
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
