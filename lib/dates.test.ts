import { describe, expect, it } from "vitest";
import { addDays, chineseDate, chineseWeekday, datesOfMonth, isIsoDate, isoWeekday, parseYearMonth, shiftMonth, todayInPaperZone } from "./dates";

describe("dates in the paper's time zone", () => {
  it("23:30 in Shanghai is still today there, though UTC is on the same day", () => {
    expect(todayInPaperZone(new Date("2026-04-30T15:30:00Z"))).toBe("2026-04-30"); // 23:30 Shanghai
  });

  it("23:30 UTC is already the next day in Shanghai", () => {
    expect(todayInPaperZone(new Date("2026-04-29T23:30:00Z"))).toBe("2026-04-30"); // 07:30 Shanghai
    expect(todayInPaperZone(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01"); // midnight Shanghai, new year
  });

  it("the last second before midnight in Shanghai belongs to the old day", () => {
    expect(todayInPaperZone(new Date("2026-04-30T15:59:59Z"))).toBe("2026-04-30");
    expect(todayInPaperZone(new Date("2026-04-30T16:00:00Z"))).toBe("2026-05-01");
  });

  it("accepts only real calendar dates", () => {
    expect(isIsoDate("2026-04-30")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-30", "2026-13-01", "2026-4-30", "20260430", "2026-04-30T00:00", "", "0000-01-01", "2026-04-31"]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });

  it("counts weekdays and days across month and year ends", () => {
    expect(isoWeekday("2026-04-30")).toBe(4);
    expect(isoWeekday("2026-05-04")).toBe(1);
    expect(chineseWeekday("2026-05-07")).toBe("星期四");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(chineseDate("2026-04-30")).toBe("2026年4月30日");
  });

  it("walks months", () => {
    expect(parseYearMonth("2026-05")).toEqual({ year: 2026, month: 5 });
    expect(parseYearMonth("2026-13")).toBeNull();
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(datesOfMonth({ year: 2028, month: 2 })).toHaveLength(29);
  });
});
