import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { NOTICE_TEXT } from "@/db/seed/front-page";
import { calendarFeed, FEED_NAME, type FeedData } from "./calendar-feed";
import { isoWeekday } from "./dates";
import { publicationDaysBetween } from "./schedule";

const labourDay = { id: 7, startsOn: "2026-05-04", endsOn: "2026-05-04", reason: "劳动节", basis: "国务院办公厅关于2026年五一国际劳动节放假安排", noticeText: NOTICE_TEXT };
const data: FeedData = {
  schedule: { weekdays: [1, 4], changes: [], pauses: [labourDay] },
  pauses: [labourDay],
  issues: [
    { date: "2026-04-27", number: 1252 },
    { date: "2026-04-30", number: 1253 },
  ],
  appUrl: "https://e.caixinbao.cn/",
};
// Noon on Thursday 30 April in Shanghai: issue 1253 is out this morning.
const now = new Date("2026-04-30T12:00:00+08:00");
const text = calendarFeed(now, data);

function parsed() {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  return { calendar, events };
}
const byUid = (uid: string) => parsed().events.find((e) => e.uid === uid);

describe("calendarFeed", () => {
  it("is a valid VCALENDAR 2.0 with a PRODID, the paper's name and time zone", () => {
    const { calendar } = parsed();
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toMatch(/caixinbao/);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(FEED_NAME);
    expect(calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Asia/Shanghai");
  });

  it("has the seed pause on 2026-05-04 as an all-day 劳动节 event carrying the notice", () => {
    const pause = byUid("pause-7@caixinbao")!;
    expect(pause.summary).toBe("财信报休刊(劳动节)");
    expect(pause.description).toBe(NOTICE_TEXT);
    expect(pause.startDate.isDate).toBe(true);
    expect(pause.startDate.toString()).toBe("2026-05-04");
    expect(pause.endDate.toString()).toBe("2026-05-05"); // exclusive end: one day
  });

  it("lists publication days ahead on Mondays and Thursdays only, skipping the pause, each with its expected number", () => {
    const days = parsed().events.filter((e) => e.uid.startsWith("pubday-"));
    const dates = days.map((e) => e.startDate.toString());
    // 90 days from today, less today (issue 1253 has its own event).
    expect(dates).toEqual(publicationDaysBetween("2026-05-01", "2026-07-28", data.schedule));
    expect(dates.every((d) => [1, 4].includes(isoWeekday(d)))).toBe(true);
    expect(dates).not.toContain("2026-05-04");
    expect(dates[0]).toBe("2026-05-07");
    expect(days.every((e) => e.summary === "财信报出版")).toBe(true);
    expect(byUid("pubday-2026-05-07@caixinbao")!.description).toContain("预计总第1254期");
    expect(byUid("pubday-2026-05-11@caixinbao")!.description).toContain("预计总第1255期");
  });

  it("shows published issues with their number and link, and no second event for that day", () => {
    const issue = byUid("issue-2026-04-30@caixinbao")!;
    expect(issue.summary).toBe("财信报 总第1253期");
    expect(issue.startDate.toString()).toBe("2026-04-30");
    expect(issue.component.getFirstPropertyValue("url")).toBe("https://e.caixinbao.cn/issues/2026-04-30");
    expect(byUid("issue-2026-04-27@caixinbao")!.summary).toBe("财信报 总第1252期");
    expect(byUid("pubday-2026-04-30@caixinbao")).toBeUndefined();
  });

  it("folds lines at 75 octets and ends every line with CRLF", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.slice(0, -2).split("\r\n");
    expect(lines.some((line) => line.startsWith(" "))).toBe(true); // the long Chinese notice was folded
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    }
  });

  it("gives every event a unique UID that stays the same on the next refresh", () => {
    const uids = parsed().events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    const later = calendarFeed(new Date("2026-04-30T18:00:00+08:00"), data);
    const laterUids = new ICAL.Component(ICAL.parse(later)).getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("uid"));
    expect(laterUids).toEqual(uids);
  });

  it("writes DTSTAMP in UTC", () => {
    expect(text).toMatch(/\r\nDTSTAMP:20260430T040000Z\r\n/);
  });
});
