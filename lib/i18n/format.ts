import { chineseDate, chineseMonthDay, chineseWeekday, isoWeekday, PAPER_TIME_ZONE, type IsoDate, type YearMonth } from "@/lib/dates";
import type { Locale } from "./config";

/**
 * Dates and money as each language writes them. Paper dates are calendar days
 * (ISO strings), formatted in UTC so no server zone can shift them; moments
 * (a Date) are shown in the paper's zone, Asia/Shanghai.
 */
const utcNoon = (iso: IsoDate): Date => new Date(`${iso}T12:00:00Z`);

/** 2026年4月30日 · 30 April 2026 */
export function paperDate(iso: IsoDate, locale: Locale): string {
  if (locale === "zh-CN") return chineseDate(iso);
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(utcNoon(iso));
}

/** 4月30日 · 30 April */
export function paperMonthDay(iso: IsoDate, locale: Locale): string {
  if (locale === "zh-CN") return chineseMonthDay(iso);
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" }).format(utcNoon(iso));
}

/** 星期四 · Thursday */
export function paperWeekday(iso: IsoDate, locale: Locale): string {
  if (locale === "zh-CN") return chineseWeekday(iso);
  return ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][isoWeekday(iso)]!;
}

/** 2026年5月 · May 2026 */
export function paperMonth({ year, month }: YearMonth, locale: Locale): string {
  if (locale === "zh-CN") return `${year}年${month}月`;
  return new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 15)));
}

/** 2026年5月7日 06:00 · 7 May 2026, 06:00 (Asia/Shanghai) */
export function paperDateTime(at: Date, locale: Locale): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: PAPER_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const iso = `${get("year")}-${get("month")}-${get("day")}` as IsoDate;
  return `${paperDate(iso, locale)}${locale === "zh-CN" ? " " : ", "}${get("hour")}:${get("minute")}`;
}

/** Fen (1/100 yuan) as money: ¥12 / ¥12.50 in Chinese, CN¥12.00 in English. */
export function money(fen: number, locale: Locale): string {
  if (locale === "zh-CN") return `¥${fen % 100 === 0 ? fen / 100 : (fen / 100).toFixed(2)}`;
  return new Intl.NumberFormat("en-GB", { style: "currency", currency: "CNY", currencyDisplay: "symbol" }).format(fen / 100);
}
