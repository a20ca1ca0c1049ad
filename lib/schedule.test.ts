import { describe, expect, it } from "vitest";
import { todayInPaperZone } from "./dates";
import { announcementDay, nextIssueInfo } from "./next-issue";
import { classifyDay, nextIssue, nextPublicationDay, previousPublicationDay, publicationDaysBetween, weekdaysOn, type PauseLike, type Schedule } from "./schedule";

const labourDay: PauseLike = { startsOn: "2026-05-04", endsOn: "2026-05-04", reason: "劳动节" };
const monThu = (pauses: PauseLike[] = [], changes: Schedule["changes"] = []): Schedule => ({ weekdays: [1, 4], changes, pauses });
const issue1253 = { date: "2026-04-30", number: 1253 };

describe("publication calendar", () => {
  it("the seed case: after 04-30 the paper skips the paused 05-04 and resumes 05-07 as issue 1254", () => {
    const schedule = monThu([labourDay]);
    expect(nextPublicationDay("2026-04-30", schedule)).toBe("2026-05-07");
    expect(previousPublicationDay("2026-05-07", schedule)).toBe("2026-04-30");
    expect(nextIssue(issue1253, "2026-04-30", schedule)).toEqual({ date: "2026-05-07", number: 1254 });
    expect(classifyDay("2026-05-04", schedule)).toEqual({ kind: "paused", pause: labourDay, wouldPublish: true });
    expect(classifyDay("2026-05-05", schedule)).toEqual({ kind: "no-publication" });
  });

  it("crosses year ends, with a pause spanning New Year", () => {
    const newYear: PauseLike = { startsOn: "2026-12-31", endsOn: "2027-01-04", reason: "元旦" };
    expect(nextPublicationDay("2026-12-28", monThu([newYear]))).toBe("2027-01-07");
    expect(publicationDaysBetween("2026-12-25", "2027-01-08", monThu([newYear]))).toEqual(["2026-12-28", "2027-01-07"]);
    expect(nextIssue({ date: "2026-12-28", number: 1320 }, "2026-12-29", monThu([newYear]))).toEqual({ date: "2027-01-07", number: 1321 });
  });

  it("a pause on a non-publication day changes neither the next day nor the number", () => {
    const sunday: PauseLike = { startsOn: "2026-05-03", endsOn: "2026-05-03", reason: "测试" };
    expect(nextIssue(issue1253, "2026-04-30", monThu([sunday]))).toEqual({ date: "2026-05-04", number: 1254 });
    expect(classifyDay("2026-05-03", monThu([sunday]))).toMatchObject({ kind: "paused", wouldPublish: false });
  });

  it("the time-zone edge: at 23:30 UTC it is already the next day in Shanghai, and that day's issue is next", () => {
    const today = todayInPaperZone(new Date("2026-05-06T23:30:00Z")); // 07:30 on 05-07 in Shanghai
    expect(today).toBe("2026-05-07");
    expect(nextIssue(issue1253, today, monThu([labourDay]))).toEqual({ date: "2026-05-07", number: 1254 });
    expect(nextIssue({ date: "2026-05-07", number: 1254 }, today, monThu([labourDay]))).toEqual({ date: "2026-05-11", number: 1255 });
  });

  it("a schedule change mid-year applies from its date on; earlier days keep the old weekdays", () => {
    const weekdaily = monThu([], [{ effectiveFrom: "2026-07-01", weekdays: [1, 2, 3, 4, 5] }]);
    expect(weekdaysOn("2026-06-30", weekdaily)).toEqual([1, 4]);
    expect(weekdaysOn("2026-07-01", weekdaily)).toEqual([1, 2, 3, 4, 5]);
    expect(classifyDay("2026-06-30", weekdaily).kind).toBe("no-publication"); // a Tuesday under the old schedule
    expect(classifyDay("2026-07-07", weekdaily).kind).toBe("publication"); // a Tuesday under the new one
    expect(nextPublicationDay("2026-06-29", weekdaily)).toBe("2026-07-01");
  });

  it("a schedule without weekdays has no next day instead of looping", () => {
    expect(nextPublicationDay("2026-04-30", { weekdays: [], changes: [], pauses: [] })).toBeNull();
  });
});

describe("next issue notice", () => {
  it("announces the 劳动节 pause on 04-30 with the resume date and names the skipped day", () => {
    const info = nextIssueInfo("2026-04-30", issue1253, monThu([labourDay]));
    expect(info).toMatchObject({ nextDate: "2026-05-07", nextNumber: 1254 });
    expect(info.skipped).toEqual([{ date: "2026-05-04", pause: labourDay }]);
    expect(info.pause).toEqual({ pause: labourDay, current: false, resumesOn: "2026-05-07" });
  });

  it("on a publication day without its issue yet, the next issue is today's", () => {
    expect(nextIssueInfo("2026-04-30", { date: "2026-04-27", number: 1252 }, monThu()).nextDate).toBe("2026-04-30");
  });

  it("announces from the announcement day (default a week before) and while the pause is on", () => {
    expect(announcementDay(labourDay)).toBe("2026-04-27");
    expect(nextIssueInfo("2026-04-26", issue1253, monThu([labourDay])).pause).toBeNull();
    expect(nextIssueInfo("2026-04-20", issue1253, monThu([{ ...labourDay, announceOn: "2026-04-20" } as PauseLike])).pause).not.toBeNull();
    expect(nextIssueInfo("2026-05-04", issue1253, monThu([labourDay])).pause?.current).toBe(true);
  });
});
