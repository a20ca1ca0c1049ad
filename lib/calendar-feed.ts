import ical, { ICalEventTransparency } from "ical-generator";
import { addDays, chineseDate, chineseMonthDay, chineseWeekday, PAPER_TIME_ZONE, todayInPaperZone, type IsoDate } from "@/lib/dates";
import { expectedIssues } from "@/lib/delivery-hold-rules";
import { publicationDaysBetween, weekdaysOn, type Schedule } from "@/lib/schedule";

/**
 * The publication calendar as an iCalendar (RFC 5545) feed for calendar apps:
 * publication days ahead, issues already out, and pauses (休刊). Pure: the
 * route loads the data and passes `now`, so tests need no database.
 *
 * UIDs are derived from what an event stands for (a date, a pause id), never
 * from its position in the feed, so a refreshed subscription updates events in
 * place instead of adding copies. When a publication day gets its issue, the
 * pubday- event gives way to the issue- event of that date.
 */
export type FeedPause = { id: number; startsOn: IsoDate; endsOn: IsoDate; reason: string; basis?: string | null; noticeText?: string | null };
export type FeedIssue = { date: IsoDate; number: number };
export type FeedData = {
  schedule: Schedule;
  pauses: readonly FeedPause[];
  /** Published issues: those in the window become events; the latest before a day numbers it. */
  issues: readonly FeedIssue[];
  /** The site's public origin, for issue links. */
  appUrl: string;
};

export const FEED_NAME = "财信报出版日历";
/** Publication days this far ahead; published issues and pauses this far back. */
export const FEED_DAYS_AHEAD = 90;
export const FEED_DAYS_BACK = 90;
/** Pauses are announced well ahead: show them up to a year out. */
const PAUSES_AHEAD = 365;

const UID_DOMAIN = "caixinbao";
const weekdayNames = ["", "一", "二", "三", "四", "五", "六", "日"];

/** Midnight UTC of the date: with no calendar-level zone, ical-generator writes a DATE from the UTC fields. */
const utcDay = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);

export function calendarFeed(now: Date, data: FeedData): string {
  const today = todayInPaperZone(now);
  const from = addDays(today, -FEED_DAYS_BACK);
  const until = addDays(today, FEED_DAYS_AHEAD - 1);
  const origin = data.appUrl.replace(/\/+$/, "");
  const weekdays = [...weekdaysOn(today, data.schedule)].sort().map((d) => weekdayNames[d]).join("、");

  const calendar = ical({
    name: FEED_NAME,
    description: `${FEED_NAME}:财信报每周${weekdays}出版,含出版日、已出版各期与休刊安排。`,
    prodId: { company: "caixinbao", product: "publication-calendar", language: "ZH" },
    url: `${origin}/calendar.ics`,
    ttl: 6 * 3600,
    // The zone is given as X-WR-TIMEZONE only. ical-generator's timezone() would
    // also turn DTSTAMP into floating local time, which RFC 5545 forbids (it must
    // be UTC); every event here is an all-day DATE, which needs no zone anyway.
    x: [["X-WR-TIMEZONE", PAPER_TIME_ZONE]],
  });
  const allDay = (uid: string, start: IsoDate, end: IsoDate) => ({
    id: `${uid}@${UID_DOMAIN}`,
    start: utcDay(start),
    end: utcDay(addDays(end, 1)), // DTEND of an all-day event is exclusive
    allDay: true,
    stamp: now,
    transparency: ICalEventTransparency.TRANSPARENT, // a paper coming out does not make anyone busy
  });

  const published = [...data.issues].sort((a, b) => (a.date < b.date ? -1 : 1));
  const byDate = new Map(published.map((i) => [i.date, i]));

  for (const issue of published) {
    if (issue.date < from || issue.date > until) continue;
    const url = `${origin}/issues/${issue.date}`;
    calendar.createEvent({
      ...allDay(`issue-${issue.date}`, issue.date, issue.date),
      summary: `财信报 总第${issue.number}期`,
      description: `${chineseDate(issue.date)} ${chineseWeekday(issue.date)}出版。阅读电子版:${url}`,
      url,
    });
  }

  const upcoming = publicationDaysBetween(today, until, data.schedule).filter((d) => !byDate.has(d));
  for (const day of expectedIssues(upcoming, published, data.schedule, today)) {
    calendar.createEvent({
      ...allDay(`pubday-${day.date}`, day.date, day.date),
      summary: "财信报出版",
      description: `${chineseDate(day.date)} ${chineseWeekday(day.date)}出版${day.number ? `,预计总第${day.number}期` : ""}。`,
    });
  }

  for (const pause of data.pauses) {
    if (pause.endsOn < from || pause.startsOn > addDays(today, PAUSES_AHEAD)) continue;
    const when = pause.startsOn === pause.endsOn ? chineseDate(pause.startsOn) : `${chineseDate(pause.startsOn)}至${chineseMonthDay(pause.endsOn)}`;
    calendar.createEvent({
      ...allDay(`pause-${pause.id}`, pause.startsOn, pause.endsOn),
      summary: `财信报休刊(${pause.reason})`,
      description: pause.noticeText ?? pause.basis ?? `本报${when}休刊。`,
    });
  }

  // RFC 5545 ends every content line, the last one too, with CRLF; ical-generator omits the final one.
  return `${calendar.toString()}\r\n`;
}
