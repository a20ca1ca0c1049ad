import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { articles, issues, qrCodes, type QrLanding } from "@/db/schema";
import { announce } from "@/lib/cluster/announce";
import { normalizeQrCode } from "./code";

/**
 * What a scan needs to know about a code, read with one statement (the unique
 * index on qr_codes.code, then primary-key joins) and kept in memory for a
 * minute. Staff edits call `forgetQrCode` so the change shows at once on this
 * instance; other instances pick it up when their entry expires.
 */
export type ResolvedQrCode = {
  id: number;
  code: string;
  placement: (typeof qrCodes.$inferSelect)["placement"];
  destination: (typeof qrCodes.$inferSelect)["destination"];
  /** Set only when the article exists and its issue is published. */
  articleId: number | null;
  /** Date of the destination issue (or of the 版面's issue), only when it is published. */
  issueDate: string | null;
  pageNumber: number | null;
  promotionCode: string | null;
  externalUrl: string | null;
  landing: QrLanding | null;
  fallback: QrLanding | null;
  activeFrom: Date | null;
  activeUntil: Date | null;
  enabled: boolean;
};

export const QR_CACHE_TTL_MS = 60_000;
/** Unknown codes are cached too (a misprint gets scanned again and again), so the map needs a bound. */
const MAX_ENTRIES = 10_000;

type Entry = { value: ResolvedQrCode | null; expires: number };
type Cache = { entries: Map<string, Entry>; inflight: Map<string, Promise<ResolvedQrCode | null>>; generation: Map<string, number> };

// On globalThis: the route handler and the admin's server actions may be bundled apart but share one process.
const store = globalThis as unknown as { __caixinQrCache?: Cache };
const cache = (): Cache => (store.__caixinQrCache ??= { entries: new Map(), inflight: new Map(), generation: new Map() });

async function load(code: string): Promise<ResolvedQrCode | null> {
  const db = await getDb();
  const destinationIssue = alias(issues, "destination_issue");
  const articleIssue = alias(issues, "article_issue");
  const [row] = await db
    .select({
      code: qrCodes,
      articleIssueStatus: articleIssue.status,
      issueDate: destinationIssue.date,
      issueStatus: destinationIssue.status,
    })
    .from(qrCodes)
    .leftJoin(articles, eq(articles.id, qrCodes.destinationArticleId))
    .leftJoin(articleIssue, eq(articleIssue.id, articles.issueId))
    .leftJoin(destinationIssue, eq(destinationIssue.id, qrCodes.destinationIssueId))
    .where(eq(qrCodes.code, code))
    .limit(1);
  if (!row) return null;
  const c = row.code;
  return {
    id: c.id,
    code: c.code,
    placement: c.placement,
    destination: c.destination,
    articleId: row.articleIssueStatus === "published" ? c.destinationArticleId : null,
    issueDate: row.issueStatus === "published" ? row.issueDate : null,
    pageNumber: c.destinationPageNumber,
    promotionCode: c.promotionCode,
    externalUrl: c.externalUrl,
    landing: c.landing,
    fallback: c.fallback,
    activeFrom: c.activeFrom,
    activeUntil: c.activeUntil,
    enabled: c.enabled,
  };
}

function remember(entries: Map<string, Entry>, code: string, value: ResolvedQrCode | null): void {
  if (entries.size >= MAX_ENTRIES && !entries.has(code)) {
    // Oldest first (insertion order): drop a tenth rather than one at a time.
    let drop = Math.ceil(MAX_ENTRIES / 10);
    for (const key of entries.keys()) {
      entries.delete(key);
      if (--drop === 0) break;
    }
  }
  entries.delete(code);
  entries.set(code, { value, expires: Date.now() + QR_CACHE_TTL_MS });
}

/**
 * The code's row (null when there is no such code), from memory when fresh.
 * `code` must be normalized (see normalizeQrCode). Concurrent misses share one
 * query; when the database fails, a stale entry is served rather than nothing.
 */
export async function resolveQrCode(code: string): Promise<ResolvedQrCode | null> {
  const { entries, inflight, generation } = cache();
  const hit = entries.get(code);
  if (hit && hit.expires > Date.now()) return hit.value;
  const pending = inflight.get(code);
  if (pending) return pending;
  const startedAt = generation.get(code) ?? 0;
  const query = load(code)
    .then((value) => {
      // An edit during the query (forgetQrCode) makes this answer stale: use it once, don't keep it.
      if ((generation.get(code) ?? 0) === startedAt) remember(entries, code, value);
      return value;
    })
    .catch((error: unknown) => {
      if (hit) return hit.value;
      throw error;
    })
    .finally(() => {
      if (inflight.get(code) === query) inflight.delete(code);
    });
  inflight.set(code, query);
  return query;
}

/** Drops a code from the cache of this instance and the others: call it after creating, editing, enabling or disabling a code. */
export function forgetQrCode(code: string): void {
  forgetQrCodeHere(code);
  announce({ qrCodes: [code] });
}

/** forgetQrCode in this instance only (the cluster's invalidation route). */
export function forgetQrCodeHere(code: string): void {
  const key = normalizeQrCode(code) ?? code;
  const { entries, inflight, generation } = cache();
  entries.delete(key);
  inflight.delete(key);
  generation.set(key, (generation.get(key) ?? 0) + 1);
}

/** Empties the cache (tests, and a staff "refresh everything"). */
export function forgetAllQrCodes(): void {
  const { entries, inflight, generation } = cache();
  entries.clear();
  inflight.clear();
  for (const key of generation.keys()) generation.set(key, (generation.get(key) ?? 0) + 1);
}
