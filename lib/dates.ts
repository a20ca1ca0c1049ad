/**
 * Calendar dates of the paper, as ISO strings "YYYY-MM-DD". A calendar date has
 * no time zone; only "now" does, and it is always read in the paper's zone.
 */
export const PAPER_TIME_ZONE = "Asia/Shanghai";

export type IsoDate = string;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(value: string): value is IsoDate {
  const m = isoDatePattern.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999) return false;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const toUtc = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);
const fromUtc = (d: Date): IsoDate => d.toISOString().slice(0, 10);

/** The calendar date of an instant in a time zone (default: the paper's). */
export function dateInZone(at: Date, timeZone = PAPER_TIME_ZONE): IsoDate {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export const todayInPaperZone = (now = new Date(), timeZone = PAPER_TIME_ZONE): IsoDate => dateInZone(now, timeZone);

export const addDays = (iso: IsoDate, days: number): IsoDate => fromUtc(new Date(toUtc(iso).getTime() + days * 86_400_000));

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (iso: IsoDate): number => ((toUtc(iso).getUTCDay() + 6) % 7) + 1;

export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);

const weekdayNames = ["", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"];
export const chineseWeekday = (iso: IsoDate): string => weekdayNames[isoWeekday(iso)]!;

/** 2026年4月30日 */
export function chineseDate(iso: IsoDate): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** 4月30日 */
export function chineseMonthDay(iso: IsoDate): string {
  const [, m, d] = iso.split("-").map(Number);
  return `${m}月${d}日`;
}

export type YearMonth = { year: number; month: number };

export function parseYearMonth(value: string): YearMonth | null {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return null;
  return { year, month };
}

export const formatYearMonth = ({ year, month }: YearMonth): string => `${year}-${String(month).padStart(2, "0")}`;

export function shiftMonth({ year, month }: YearMonth, delta: number): YearMonth {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Every date of a month, first to last. */
export function datesOfMonth({ year, month }: YearMonth): IsoDate[] {
  const first = `${formatYearMonth({ year, month })}-01`;
  const out: IsoDate[] = [];
  for (let d = first; d.startsWith(formatYearMonth({ year, month })); d = addDays(d, 1)) out.push(d);
  return out;
}
