import { describe, expect, it } from "vitest";
import { nextIssueInfo } from "./next-issue";
import { classifyDay, nextPublicationDay, previousPublicationDay, type PauseLike } from "./schedule";

const monThu = [1, 4];
const labourDay: PauseLike = { startsOn: "2026-05-04", endsOn: "2026-05-04", reason: "劳动节" };

describe("publication calendar", () => {
  it("the seed case: after 04-30 the paper skips the paused 05-04 and resumes 05-07", () => {
    expect(nextPublicationDay("2026-04-30", monThu, [labourDay])).toBe("2026-05-07");
    expect(previousPublicationDay("2026-05-07", monThu, [labourDay])).toBe("2026-04-30");
    expect(classifyDay("2026-05-04", monThu, [labourDay])).toEqual({ kind: "paused", pause: labourDay, wouldPublish: true });
    expect(classifyDay("2026-05-05", monThu, [labourDay])).toEqual({ kind: "no-publication" });
  });

  it("crosses a year end", () => {
    expect(nextPublicationDay("2026-12-31", monThu, [])).toBe("2027-01-04");
  });

  it("a pause on a non-publication day changes nothing", () => {
    const sunday: PauseLike = { startsOn: "2026-05-03", endsOn: "2026-05-03", reason: "测试" };
    expect(nextPublicationDay("2026-04-30", monThu, [sunday])).toBe("2026-05-04");
    expect(classifyDay("2026-05-03", monThu, [sunday])).toMatchObject({ kind: "paused", wouldPublish: false });
  });

  it("a schedule without weekdays has no next day instead of looping", () => {
    expect(nextPublicationDay("2026-04-30", [], [])).toBeNull();
  });
});

describe("next issue notice", () => {
  it("announces the 劳动节 pause on 04-30 with the resume date, and names the skipped day", () => {
    const info = nextIssueInfo("2026-04-30", "2026-04-30", monThu, [labourDay]);
    expect(info.nextDate).toBe("2026-05-07");
    expect(info.skipped).toEqual([{ date: "2026-05-04", pause: labourDay }]);
    expect(info.pause).toEqual({ pause: labourDay, current: false, resumesOn: "2026-05-07" });
  });

  it("on a publication day without its issue yet, the next issue is today's", () => {
    expect(nextIssueInfo("2026-04-30", "2026-04-27", monThu, []).nextDate).toBe("2026-04-30");
  });

  it("does not announce a pause more than a week ahead, and says so while it is on", () => {
    expect(nextIssueInfo("2026-04-20", "2026-04-20", monThu, [labourDay]).pause).toBeNull();
    expect(nextIssueInfo("2026-05-04", "2026-04-30", monThu, [labourDay]).pause?.current).toBe(true);
  });
});
