import "server-only";
import { and, count, desc, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accessWindows, billingCustomers, gifts, payments, plans, signIns, subscriptions, users } from "@/db/schema";
import { summarizeAccess, windowContains, type AccessSummary, type AccessWindowLike } from "@/lib/access-rule";
import { dateInZone } from "@/lib/dates";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { paperDate } from "@/lib/i18n/format";
import { translatorFor } from "@/lib/i18n/translate";
import type { Role } from "@/lib/roles";

/**
 * The admins' view of readers (读者): search and one reader's record. Only
 * reads; the pages that show it are admin-only, and changes go through
 * lib/billing/comp.ts, lib/staff.ts and lib/reader-csv.ts, which check the
 * actor's role themselves.
 */
export const READERS_PER_PAGE = 50;
export const SEARCH_MAX_LENGTH = 100;

export type AccessSource = AccessWindowLike["source"];
export const sourceLabel = (source: AccessSource, locale: Locale = defaultLocale): string => translatorFor(locale, "adminPeople.readerAccess")(`sources.${source}`);

/** Windows end at an exclusive instant (midnight after the last day): the day shown is the one before it. */
const lastIncludedDay = (endExclusive: Date, locale: Locale): string => paperDate(dateInZone(new Date(endExclusive.getTime() - 1)), locale);

/** A short line for staff: "订阅 · 至2026年12月31日", "赠送 · 长期", "已于…到期", "无". */
export function describeReaderAccess(access: AccessSummary, locale: Locale = defaultLocale): { active: boolean; text: string } {
  const t = translatorFor(locale, "adminPeople.readerAccess");
  switch (access.status) {
    case "active": {
      const source = sourceLabel(access.source, locale);
      return { active: true, text: access.until ? t("activeUntil", { source, date: lastIncludedDay(access.until, locale) }) : t("activeOpen", { source }) };
    }
    case "lapsed":
      return { active: false, text: t("lapsed", { date: lastIncludedDay(access.endedAt, locale), source: sourceLabel(access.source, locale) }) };
    case "upcoming":
      return { active: false, text: t("upcoming", { date: paperDate(dateInZone(access.startsAt), locale), source: sourceLabel(access.source, locale) }) };
    case "none":
      return { active: false, text: t("none") };
  }
}

export type ReaderRow = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  createdAt: Date;
  access: AccessSummary;
};

/** A search term as an ILIKE pattern that matches it literally anywhere: % and _ typed by staff are not wildcards. */
export const containsPattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Windows of these readers, grouped by reader: one query for a whole page (or export batch). */
export async function windowsByReader(userIds: readonly string[]): Promise<Map<string, AccessWindowLike[]>> {
  const grouped = new Map<string, AccessWindowLike[]>();
  if (userIds.length === 0) return grouped;
  const db = await getDb();
  const rows = await db
    .select({ userId: accessWindows.userId, startsAt: accessWindows.startsAt, endsAt: accessWindows.endsAt, source: accessWindows.source })
    .from(accessWindows)
    .where(inArray(accessWindows.userId, [...userIds]));
  for (const { userId, ...window } of rows) {
    const list = grouped.get(userId) ?? [];
    list.push(window);
    grouped.set(userId, list);
  }
  return grouped;
}

export type ReaderSearch = { rows: ReaderRow[]; total: number; page: number; pages: number; query: string };

/** Readers whose email or name contains `query` (case-insensitive), newest first, 50 a page. */
export async function searchReaders({ query = "", page = 1 }: { query?: string; page?: number } = {}, now = new Date()): Promise<ReaderSearch> {
  const term = query.trim().slice(0, SEARCH_MAX_LENGTH);
  const db = await getDb();
  let where: SQL | undefined;
  if (term) {
    const pattern = containsPattern(term);
    where = or(ilike(users.email, pattern), ilike(users.name, pattern));
  }
  const [{ total }] = (await db.select({ total: count() }).from(users).where(where)) as [{ total: number }];
  const pages = Math.max(1, Math.ceil(total / READERS_PER_PAGE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const found = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt })
    .from(users)
    .where(where)
    .orderBy(desc(users.createdAt), users.email)
    .limit(READERS_PER_PAGE)
    .offset((current - 1) * READERS_PER_PAGE);
  const windows = await windowsByReader(found.map((r) => r.id));
  const rows = found.map((r) => ({ ...r, access: summarizeAccess(windows.get(r.id) ?? [], now) }));
  return { rows, total, page: current, pages, query: term };
}

export type ReaderWindow = {
  id: number;
  source: AccessSource;
  sourceLabel: string;
  startsAt: Date;
  endsAt: Date | null;
  reference: string | null;
  /** What the reference means, in words: a plan, a gift, who granted a comp and why. */
  referenceText: string;
  activeNow: boolean;
  /** A comp that has not ended yet can be revoked. */
  revocable: boolean;
};

export type ReaderDetail = {
  reader: { id: string; email: string; name: string | null; role: Role; createdAt: Date; emailVerified: Date | null; hasPassword: boolean };
  access: AccessSummary;
  windows: ReaderWindow[];
  stripeCustomerId: string | null;
  subscriptions: {
    id: string;
    planName: string | null;
    status: string;
    currentPeriodEnd: Date | null;
    cancelAtPeriodEnd: boolean;
    endedAt: Date | null;
    trialEnd: Date | null;
  }[];
  payments: { id: string; planName: string; status: string; amountFen: number | null; paymentMethodType: string | null; createdAt: Date; paidAt: Date | null }[];
  signIns: { at: Date; method: string; device: string | null }[];
  giftsBought: { id: number; planName: string; months: number; recipientEmail: string; status: string; createdAt: Date; claimedAt: Date | null; claimedByEmail: string | null }[];
  giftsClaimed: { id: number; planName: string; months: number; buyerEmail: string; claimedAt: Date | null }[];
};

const isReaderId = (id: string) => /^[\w-]{1,100}$/.test(id);

/** Parses a comp reference "comp:<actorId>[:<note>]" (lib/billing/comp.ts). */
function parseCompReference(reference: string | null): { actorId: string | null; note: string } {
  const m = /^comp:([^:]*)(?::([\s\S]*))?$/.exec(reference ?? "");
  return m ? { actorId: m[1] || null, note: m[2] ?? "" } : { actorId: null, note: reference ?? "" };
}

/** Everything an admin needs to help one reader, read from our database only (Stripe is not called). */
export async function readerDetail(userId: string, now = new Date(), locale: Locale = defaultLocale): Promise<ReaderDetail | null> {
  if (!isReaderId(userId)) return null;
  const db = await getDb();
  const [reader] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!reader) return null;
  const [windowRows, customer, subs, paymentRows, signInRows, bought, claimed] = await Promise.all([
    db
      .select({ window: accessWindows, planName: plans.name })
      .from(accessWindows)
      .leftJoin(payments, eq(payments.windowId, accessWindows.id))
      .leftJoin(plans, eq(plans.key, payments.planKey))
      .where(eq(accessWindows.userId, userId))
      .orderBy(desc(accessWindows.startsAt), desc(accessWindows.id)),
    db.select({ id: billingCustomers.stripeCustomerId }).from(billingCustomers).where(eq(billingCustomers.userId, userId)).limit(1),
    db
      .select({
        id: subscriptions.id,
        planName: plans.name,
        status: subscriptions.status,
        currentPeriodEnd: subscriptions.currentPeriodEnd,
        cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
        endedAt: subscriptions.endedAt,
        trialEnd: subscriptions.trialEnd,
      })
      .from(subscriptions)
      .leftJoin(plans, eq(plans.key, subscriptions.planKey))
      .where(eq(subscriptions.userId, userId))
      .orderBy(desc(subscriptions.updatedAt)),
    db
      .select({
        id: payments.id,
        planName: plans.name,
        status: payments.status,
        amountFen: payments.amountFen,
        paymentMethodType: payments.paymentMethodType,
        createdAt: payments.createdAt,
        paidAt: payments.paidAt,
      })
      .from(payments)
      .innerJoin(plans, eq(plans.key, payments.planKey))
      .where(eq(payments.userId, userId))
      .orderBy(desc(payments.createdAt)),
    db.select({ at: signIns.at, method: signIns.method, device: signIns.device }).from(signIns).where(eq(signIns.userId, userId)).orderBy(desc(signIns.at), desc(signIns.id)).limit(10),
    db
      .select({
        id: gifts.id,
        planName: plans.name,
        months: gifts.months,
        recipientEmail: gifts.recipientEmail,
        status: gifts.status,
        createdAt: gifts.createdAt,
        claimedAt: gifts.claimedAt,
        claimedByEmail: users.email,
      })
      .from(gifts)
      .innerJoin(plans, eq(plans.key, gifts.planKey))
      .leftJoin(users, eq(users.id, gifts.claimedByUserId))
      .where(eq(gifts.buyerUserId, userId))
      .orderBy(desc(gifts.createdAt)),
    db
      .select({ id: gifts.id, planName: plans.name, months: gifts.months, buyerEmail: users.email, claimedAt: gifts.claimedAt })
      .from(gifts)
      .innerJoin(plans, eq(plans.key, gifts.planKey))
      .innerJoin(users, eq(users.id, gifts.buyerUserId))
      .where(eq(gifts.claimedByUserId, userId))
      .orderBy(desc(gifts.claimedAt)),
  ]);

  // Who granted each comp: one lookup for all of them.
  const grantorIds = [...new Set(windowRows.map((r) => (r.window.source === "comp" ? parseCompReference(r.window.reference).actorId : null)).filter((id): id is string => !!id))];
  const grantors = new Map<string, string>();
  if (grantorIds.length) {
    for (const g of await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(inArray(users.id, grantorIds))) {
      grantors.set(g.id, g.name ? `${g.name} <${g.email}>` : g.email);
    }
  }
  const giftById = new Map(claimed.map((g) => [g.id, g]));
  const t = translatorFor(locale, "adminPeople.readerAccess.reference");

  const windows: ReaderWindow[] = windowRows.map(({ window: w, planName }) => {
    let referenceText = w.reference ?? "";
    const reference = w.reference ?? "";
    if (w.source === "subscription") referenceText = t("subscription", { reference });
    else if (w.source === "prepaid") referenceText = t("prepaid", { plan: planName ?? t("prepaidPlan"), reference });
    else if (w.source === "gift") {
      const giftId = Number(/^gift:(\d+)$/.exec(w.reference ?? "")?.[1]);
      const gift = giftById.get(giftId);
      referenceText = gift ? t("gift", { id: gift.id, plan: gift.planName, buyer: gift.buyerEmail }) : t("giftUnknown", { reference });
    } else {
      const { actorId, note } = parseCompReference(w.reference);
      const by = actorId ? (grantors.get(actorId) ?? t("deletedAccount")) : t("unknown");
      referenceText = note ? t("compWithNote", { by, note }) : t("comp", { by });
    }
    return {
      id: w.id,
      source: w.source,
      sourceLabel: sourceLabel(w.source, locale),
      startsAt: w.startsAt,
      endsAt: w.endsAt,
      reference: w.reference,
      referenceText,
      activeNow: windowContains(w, now),
      revocable: w.source === "comp" && (w.endsAt === null || w.endsAt > now),
    };
  });

  return {
    reader: {
      id: reader.id,
      email: reader.email,
      name: reader.name,
      role: reader.role,
      createdAt: reader.createdAt,
      emailVerified: reader.emailVerified,
      hasPassword: Boolean(reader.passwordHash),
    },
    access: summarizeAccess(windowRows.map((r) => r.window), now),
    windows,
    stripeCustomerId: customer[0]?.id ?? null,
    subscriptions: subs,
    payments: paymentRows,
    signIns: signInRows,
    giftsBought: bought,
    giftsClaimed: claimed,
  };
}

/** True when this window id is a comp of this reader: the revoke form must not reach another reader's window. */
export async function isCompOf(userId: string, windowId: number): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ id: accessWindows.id })
    .from(accessWindows)
    .where(and(eq(accessWindows.id, windowId), eq(accessWindows.userId, userId), eq(accessWindows.source, "comp")))
    .limit(1);
  return Boolean(row);
}
