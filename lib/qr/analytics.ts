import { CSV_BOM, csvLine, csvStream } from "@/lib/csv";
import "server-only";
import { and, asc, eq, gt, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { qrAttributions, qrCodes, qrScans } from "@/db/schema";
import { addDays, PAPER_TIME_ZONE, todayInPaperZone, type IsoDate } from "@/lib/dates";
import { instantToWallTime } from "@/lib/issues-admin";

/**
 * What printed codes bring: scans per day, unique visitors, devices and in-app
 * browsers, and the sign-ups and subscriptions attributed to a code. Days are
 * calendar days in Beijing time. Bots are counted apart and left out of every
 * other number.
 *
 * Unique visitors: the visitor hash rotates daily, so a visitor is unique per
 * day; over a range the number is the sum of daily uniques (a reader scanning
 * on two days counts twice).
 */
export type QrFilter = { codeId?: number; campaign?: string };

const zone = sql.raw(`'${PAPER_TIME_ZONE}'`);
const scanDay = sql<string>`to_char((${qrScans.at} at time zone ${zone})::date, 'YYYY-MM-DD')`;
/** Midnight at the start of a Beijing day (no daylight saving there: always +08:00). */
export const startOfPaperDay = (day: IsoDate): Date => new Date(`${day}T00:00:00+08:00`);

function scanFilter(filter: QrFilter): SQL | undefined {
  if (filter.codeId !== undefined) return eq(qrScans.codeId, filter.codeId);
  if (filter.campaign !== undefined) return inArray(qrScans.codeId, sql`(select ${qrCodes.id} from ${qrCodes} where ${qrCodes.campaign} = ${filter.campaign})`);
  return undefined;
}

function attributionFilter(filter: QrFilter): SQL | undefined {
  if (filter.codeId !== undefined) return eq(qrAttributions.codeId, filter.codeId);
  if (filter.campaign !== undefined)
    return inArray(qrAttributions.codeId, sql`(select ${qrCodes.id} from ${qrCodes} where ${qrCodes.campaign} = ${filter.campaign})`);
  return undefined;
}

export type DailySeries = { days: IsoDate[]; scans: number[]; visitors: number[] };

/** Human scans and unique visitors for each of the last `days` Beijing days, today included. */
export async function scansPerDay(filter: QrFilter, days = 30, now = new Date()): Promise<DailySeries> {
  const last = todayInPaperZone(now);
  const first = addDays(last, -(days - 1));
  const db = await getDb();
  const rows = await db
    .select({ day: scanDay, scans: sql<number>`count(*)::int`, visitors: sql<number>`count(distinct ${qrScans.visitorHash})::int` })
    .from(qrScans)
    .where(and(scanFilter(filter), eq(qrScans.isBot, false), gte(qrScans.at, startOfPaperDay(first)), lt(qrScans.at, startOfPaperDay(addDays(last, 1)))))
    .groupBy(scanDay);
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const list = Array.from({ length: days }, (_, i) => addDays(first, i));
  return { days: list, scans: list.map((d) => byDay.get(d)?.scans ?? 0), visitors: list.map((d) => byDay.get(d)?.visitors ?? 0) };
}

export type Share = { key: string; count: number };
export type QrSummary = {
  scans: number;
  /** Sum of daily unique visitors (see above). */
  visitors: number;
  bots: number;
  devices: Share[];
  inApp: Share[];
  outcomes: Share[];
  withReferrer: number;
  signups: number;
  subscriptions: number;
};

/** Totals over the last `days` Beijing days (null: all time). */
export async function qrSummary(filter: QrFilter, days: number | null = 30, now = new Date()): Promise<QrSummary> {
  const db = await getDb();
  const since = days === null ? undefined : gte(qrScans.at, startOfPaperDay(addDays(todayInPaperZone(now), -(days - 1))));
  const scope = and(scanFilter(filter), since);
  const human = and(scope, eq(qrScans.isBot, false));
  const [[totals], devices, inApp, outcomes, funnel] = await Promise.all([
    db
      .select({
        scans: sql<number>`count(*) filter (where not ${qrScans.isBot})::int`,
        bots: sql<number>`count(*) filter (where ${qrScans.isBot})::int`,
        withReferrer: sql<number>`count(*) filter (where not ${qrScans.isBot} and ${qrScans.hasReferrer})::int`,
      })
      .from(qrScans)
      .where(scope),
    db.select({ key: qrScans.device, count: sql<number>`count(*)::int` }).from(qrScans).where(human).groupBy(qrScans.device),
    db
      .select({ key: sql<string>`coalesce(${qrScans.inApp}, 'none')`, count: sql<number>`count(*)::int` })
      .from(qrScans)
      .where(human)
      .groupBy(sql`coalesce(${qrScans.inApp}, 'none')`),
    db.select({ key: qrScans.outcome, count: sql<number>`count(*)::int` }).from(qrScans).where(human).groupBy(qrScans.outcome),
    funnelCounts(filter, days === null ? null : startOfPaperDay(addDays(todayInPaperZone(now), -(days - 1)))),
  ]);
  const visitors = await dailyUniqueSum(human);
  const sorted = (list: Share[]) => [...list].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return {
    scans: totals?.scans ?? 0,
    visitors,
    bots: totals?.bots ?? 0,
    withReferrer: totals?.withReferrer ?? 0,
    devices: sorted(devices),
    inApp: sorted(inApp),
    outcomes: sorted(outcomes),
    ...funnel,
  };
}

async function dailyUniqueSum(where: SQL | undefined): Promise<number> {
  const db = await getDb();
  const perDay = db
    .select({ n: sql<number>`count(distinct ${qrScans.visitorHash})`.as("n") })
    .from(qrScans)
    .where(where)
    .groupBy(scanDay)
    .as("per_day");
  const [row] = await db.select({ total: sql<number>`coalesce(sum(${perDay.n}), 0)::int` }).from(perDay);
  return row?.total ?? 0;
}

async function funnelCounts(filter: QrFilter, since: Date | null): Promise<{ signups: number; subscriptions: number }> {
  const db = await getDb();
  const [row] = await db
    .select({
      signups: sql<number>`count(*) filter (where ${qrAttributions.kind} = 'signup')::int`,
      subscriptions: sql<number>`count(*) filter (where ${qrAttributions.kind} = 'subscription')::int`,
    })
    .from(qrAttributions)
    .where(and(attributionFilter(filter), since ? gte(qrAttributions.at, since) : undefined));
  return { signups: row?.signups ?? 0, subscriptions: row?.subscriptions ?? 0 };
}

export type CodeStats = { scans: number; visitors: number };

/** Human scans and (daily) unique visitors per code over the last `days` Beijing days, for the list. */
export async function statsByCode(codeIds: number[], days = 7, now = new Date()): Promise<Map<number, CodeStats>> {
  const result = new Map<number, CodeStats>();
  if (codeIds.length === 0) return result;
  const db = await getDb();
  const since = startOfPaperDay(addDays(todayInPaperZone(now), -(days - 1)));
  const perDay = db
    .select({ codeId: qrScans.codeId, scans: sql<number>`count(*)`.as("scans"), visitors: sql<number>`count(distinct ${qrScans.visitorHash})`.as("visitors") })
    .from(qrScans)
    .where(and(inArray(qrScans.codeId, codeIds), eq(qrScans.isBot, false), gte(qrScans.at, since)))
    .groupBy(qrScans.codeId, scanDay)
    .as("per_day");
  const rows = await db
    .select({ codeId: perDay.codeId, scans: sql<number>`sum(${perDay.scans})::int`, visitors: sql<number>`sum(${perDay.visitors})::int` })
    .from(perDay)
    .groupBy(perDay.codeId);
  for (const r of rows) if (r.codeId !== null) result.set(r.codeId, { scans: r.scans, visitors: r.visitors });
  return result;
}

export type CampaignTotals = { campaign: string; codes: number; scans: number; visitors: number; bots: number; signups: number; subscriptions: number };

/** Every campaign with its codes' totals (all time) and funnel. */
export async function campaignTotals(): Promise<CampaignTotals[]> {
  const db = await getDb();
  const campaigns = await db
    .select({ campaign: sql<string>`${qrCodes.campaign}`, codes: sql<number>`count(*)::int` })
    .from(qrCodes)
    .where(sql`${qrCodes.campaign} is not null`)
    .groupBy(qrCodes.campaign)
    .orderBy(asc(qrCodes.campaign));
  return Promise.all(
    campaigns.map(async ({ campaign, codes }) => {
      const s = await qrSummary({ campaign }, null);
      return { campaign, codes, scans: s.scans, visitors: s.visitors, bots: s.bots, signups: s.signups, subscriptions: s.subscriptions };
    }),
  );
}

/** Funnel per code (all time), for the list and the CSV. */
export async function funnelByCode(codeIds: number[]): Promise<Map<number, { signups: number; subscriptions: number }>> {
  const result = new Map<number, { signups: number; subscriptions: number }>();
  if (codeIds.length === 0) return result;
  const db = await getDb();
  const rows = await db
    .select({
      codeId: qrAttributions.codeId,
      signups: sql<number>`count(*) filter (where ${qrAttributions.kind} = 'signup')::int`,
      subscriptions: sql<number>`count(*) filter (where ${qrAttributions.kind} = 'subscription')::int`,
    })
    .from(qrAttributions)
    .where(inArray(qrAttributions.codeId, codeIds))
    .groupBy(qrAttributions.codeId);
  for (const r of rows) result.set(r.codeId, { signups: r.signups, subscriptions: r.subscriptions });
  return result;
}

/** For the /admin dashboard: human scans and unique visitors today (Beijing time), all codes and orphan scans. */
export async function qrScansToday(now = new Date()): Promise<{ scans: number; visitors: number }> {
  const db = await getDb();
  const today = todayInPaperZone(now);
  const [row] = await db
    .select({ scans: sql<number>`count(*)::int`, visitors: sql<number>`count(distinct ${qrScans.visitorHash})::int` })
    .from(qrScans)
    .where(and(eq(qrScans.isBot, false), gte(qrScans.at, startOfPaperDay(today)), lt(qrScans.at, startOfPaperDay(addDays(today, 1)))));
  return { scans: row?.scans ?? 0, visitors: row?.visitors ?? 0 };
}

// ── CSV ──

export const CSV_COLUMNS = ["time_beijing", "code", "label", "campaign", "outcome", "device", "in_app", "has_referrer", "is_bot"] as const;
const CSV_BATCH = 2000;


/**
 * Every scan of the last `days` Beijing days (bots included, flagged), oldest
 * first, as CSV lines: BOM and header first. No visitor hash: it is a
 * pseudonym and the spreadsheet doesn't need it.
 */
export async function* scanCsvLines(filter: QrFilter, days = 90, now = new Date()): AsyncGenerator<string> {
  yield `${CSV_BOM}${csvLine(CSV_COLUMNS)}`;
  const db = await getDb();
  const since = startOfPaperDay(addDays(todayInPaperZone(now), -(days - 1)));
  let after = 0;
  for (;;) {
    const batch = await db
      .select({
        id: qrScans.id,
        at: qrScans.at,
        requestedCode: qrScans.requestedCode,
        code: qrCodes.code,
        label: qrCodes.label,
        campaign: qrCodes.campaign,
        outcome: qrScans.outcome,
        device: qrScans.device,
        inApp: qrScans.inApp,
        hasReferrer: qrScans.hasReferrer,
        isBot: qrScans.isBot,
      })
      .from(qrScans)
      .leftJoin(qrCodes, eq(qrCodes.id, qrScans.codeId))
      .where(and(scanFilter(filter), gte(qrScans.at, since), gt(qrScans.id, after)))
      .orderBy(asc(qrScans.id))
      .limit(CSV_BATCH);
    if (batch.length === 0) return;
    let chunk = "";
    for (const s of batch) {
      chunk += csvLine([
        instantToWallTime(s.at).replace("T", " "),
        s.code ?? s.requestedCode,
        s.label ?? "",
        s.campaign ?? "",
        s.outcome,
        s.device,
        s.inApp ?? "",
        s.hasReferrer ? "yes" : "no",
        s.isBot ? "yes" : "no",
      ]);
    }
    yield chunk;
    after = batch[batch.length - 1]!.id;
    if (batch.length < CSV_BATCH) return;
  }
}

export function scanCsvStream(filter: QrFilter, days = 90, now = new Date()): ReadableStream<Uint8Array> {
  return csvStream(scanCsvLines(filter, days, now), "qr-csv");
}
