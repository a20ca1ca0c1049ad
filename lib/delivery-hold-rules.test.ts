import { describe, expect, it } from "vitest";
import {
  checkHold,
  earliestHoldStart,
  expectedIssues,
  publicationDaysBefore,
  publicationDaysByYear,
  yearlyAllowance,
  type HoldRange,
} from "./delivery-hold-rules";
import type { PauseLike, Schedule } from "./schedule";

const labourDay: PauseLike = { startsOn: "2026-05-04", endsOn: "2026-05-04", reason: "劳动节" };
const monThu = (changes: Schedule["changes"] = []): Schedule => ({ weekdays: [1, 4], changes, pauses: [labourDay] });
const policy = { leadPublicationDays: 2, maxWeeksPerYear: 5 };
const check = (startsOn: string, endsOn: string, today = "2026-05-11", existing: HoldRange[] = []) =>
  checkHold({ range: { startsOn, endsOn }, today, schedule: monThu(), policy, existing });

describe("lead time", () => {
  it("counts publication days from tomorrow to the day before the start: exactly the lead passes, one fewer fails", () => {
    // Monday 05-11: Thursday 05-14 and Monday 05-18 come before a start on Tuesday 05-19.
    expect(publicationDaysBefore("2026-05-19", "2026-05-11", monThu())).toBe(2);
    expect(check("2026-05-19", "2026-05-21")).toEqual({ ok: true, days: ["2026-05-21"] });
    expect(publicationDaysBefore("2026-05-18", "2026-05-11", monThu())).toBe(1);
    expect(check("2026-05-18", "2026-05-21")).toEqual({
      ok: false,
      field: "startsOn",
      message: "暂停投递需至少提前 2 个出版日申请,最早可从5月19日起暂停",
    });
    expect(earliestHoldStart("2026-05-11", monThu(), 2)).toBe("2026-05-19");
  });

  it("does not count today, nor a paused day", () => {
    // Monday 04-27: 04-30 counts, 05-04 is paused, so a start on 05-05 has only one day of notice.
    expect(publicationDaysBefore("2026-05-05", "2026-04-27", monThu())).toBe(1);
    expect(check("2026-05-05", "2026-05-07", "2026-04-27")).toMatchObject({ ok: false, field: "startsOn" });
    expect(earliestHoldStart("2026-04-27", monThu(), 2)).toBe("2026-05-08");
    expect(check("2026-05-08", "2026-05-11", "2026-04-27")).toEqual({ ok: true, days: ["2026-05-11"] });
  });

  it("refuses tomorrow and any day in the past even without a lead", () => {
    expect(check("2026-05-12", "2026-05-14")).toMatchObject({ ok: false, field: "startsOn" });
    const noLead = { leadPublicationDays: 0, maxWeeksPerYear: 5 };
    expect(checkHold({ range: { startsOn: "2026-05-07", endsOn: "2026-05-14" }, today: "2026-05-11", schedule: monThu(), policy: noLead, existing: [] })).toMatchObject({
      ok: false,
      field: "startsOn",
    });
  });
});

describe("dates and range", () => {
  it("rejects impossible dates and inverted ranges on the right field", () => {
    expect(check("2026-02-30", "2026-06-01")).toEqual({ ok: false, field: "startsOn", message: "请填写有效的开始日期" });
    expect(check("2026-06-01", "")).toEqual({ ok: false, field: "endsOn", message: "请填写有效的结束日期" });
    expect(check("2026-06-04", "2026-06-01")).toEqual({ ok: false, field: "endsOn", message: "结束日期不能早于开始日期" });
  });

  it("refuses a range with no publication day: a weekend, or a pause with the days around it", () => {
    expect(check("2026-05-23", "2026-05-24")).toMatchObject({ ok: false, field: null, message: expect.stringContaining("没有出版日") });
    expect(check("2026-05-04", "2026-05-06", "2026-04-23")).toMatchObject({ ok: false, message: expect.stringContaining("没有出版日") });
  });

  it("refuses a hold that ends more than a year ahead", () => {
    expect(check("2027-05-10", "2027-05-12")).toMatchObject({ ok: false, field: "endsOn", message: "只能预约一年之内的暂停投递" });
    expect(check("2027-05-10", "2027-05-11")).toMatchObject({ ok: true });
  });
});

describe("overlap", () => {
  const existing = [{ startsOn: "2026-05-25", endsOn: "2026-05-28" }];
  it("refuses a range sharing even one day with another hold, and allows the day after", () => {
    expect(check("2026-05-28", "2026-06-01", undefined, existing)).toEqual({ ok: false, field: null, message: "与您已有的暂停投递(5月25日至5月28日)日期重叠" });
    expect(check("2026-05-20", "2026-06-30", undefined, existing)).toMatchObject({ ok: false, message: expect.stringContaining("重叠") });
    expect(check("2026-05-29", "2026-06-01", undefined, existing)).toEqual({ ok: true, days: ["2026-06-01"] });
  });
});

describe("yearly cap", () => {
  it("is 5 weeks × 2 days = 10 publication days a year for a Mon/Thu paper", () => {
    expect(yearlyAllowance(2026, monThu(), 5)).toBe(10);
    // A third weekday from July: the richer schedule sets that year's allowance; the next year starts with it.
    const change = monThu([{ effectiveFrom: "2026-07-01", weekdays: [1, 3, 5] }]);
    expect(yearlyAllowance(2026, change, 5)).toBe(15);
    expect(yearlyAllowance(2025, change, 5)).toBe(10);
  });

  it("counts only publication days: weekends and the paused Monday do not use the allowance", () => {
    // 05-01 … 06-04 spans five weeks and ten Mon/Thu, but 05-04 is paused: 9 days.
    const long = { startsOn: "2026-05-01", endsOn: "2026-06-04" };
    expect(publicationDaysByYear(long, monThu()).get(2026)).toHaveLength(9);
    const today = "2026-04-23";
    const oneDay = [{ startsOn: "2026-03-02", endsOn: "2026-03-02" }];
    const twoDays = [{ startsOn: "2026-03-02", endsOn: "2026-03-05" }];
    expect(check(long.startsOn, long.endsOn, today, oneDay)).toMatchObject({ ok: true });
    expect(check(long.startsOn, long.endsOn, today, twoDays)).toEqual({
      ok: false,
      field: null,
      message: "每年最多暂停 10 个出版日(5 周)。2026年已暂停 2 个,本次 9 个,超出上限",
    });
  });

  it("counts each calendar year on its own, also for a hold across New Year", () => {
    const lastYear = [{ startsOn: "2025-06-02", endsOn: "2025-07-03" }]; // 10 days of 2025
    expect(check("2026-06-01", "2026-07-02", "2026-05-11", lastYear)).toMatchObject({ ok: true });
    const earlierIn2026 = [{ startsOn: "2026-06-01", endsOn: "2026-06-29" }]; // 9 days of 2026
    // 12-28 and 12-31 are in 2026 (would make 11), 01-04 and 01-07 in 2027.
    expect(check("2026-12-28", "2027-01-07", "2026-12-10", earlierIn2026)).toMatchObject({ ok: false, message: expect.stringContaining("2026年已暂停 9 个,本次 2 个") });
    expect(check("2026-12-29", "2027-01-07", "2026-12-10", earlierIn2026)).toMatchObject({ ok: true, days: ["2026-12-31", "2027-01-04", "2027-01-07"] });
  });
});

describe("expected issue numbers", () => {
  const known = [
    { date: "2026-04-30", number: 1253 },
    { date: "2026-04-27", number: 1252 },
  ];
  it("takes the number of an existing issue and counts on from the last one, skipping the pause", () => {
    expect(expectedIssues(["2026-04-30", "2026-05-07", "2026-05-11"], known, monThu(), "2026-05-01")).toEqual([
      { date: "2026-04-30", number: 1253, estimated: false },
      { date: "2026-05-07", number: 1254, estimated: true },
      { date: "2026-05-11", number: 1255, estimated: true },
    ]);
  });

  it("counts from today when days passed without an issue, as the next-issue notice does; such past days have none", () => {
    expect(expectedIssues(["2026-11-26", "2026-11-30", "2026-12-03"], known, monThu(), "2026-11-28")).toEqual([
      { date: "2026-11-26", number: null, estimated: true },
      { date: "2026-11-30", number: 1254, estimated: true },
      { date: "2026-12-03", number: 1255, estimated: true },
    ]);
  });

  it("has no number when there is no issue to count from", () => {
    expect(expectedIssues(["2026-05-07"], [], monThu(), "2026-05-01")).toEqual([{ date: "2026-05-07", number: null, estimated: true }]);
  });
});
