import { describe, expect, it } from "vitest";
import { NOTICE_TEXT } from "@/db/seed/front-page";
import { bannerNextLabel, bannerPause, bannerSentence, draftPauseNotice, noPublicationDayWarning, noticeDate, pauseRangeText } from "./pause-notice";
import type { Schedule } from "./schedule";

const monThu: Schedule = { weekdays: [1, 4], changes: [], pauses: [] };
const base = { publisher: "财信报社", announcedOn: "2026-04-30" };

describe("draftPauseNotice", () => {
  it("writes the seed's 劳动节 notice word for word, then the publisher and the date", () => {
    const text = draftPauseNotice({
      ...base,
      startsOn: "2026-05-04",
      endsOn: "2026-05-04",
      reason: "劳动节",
      basis: "国务院办公厅关于2026年五一国际劳动节放假安排",
      resumesOn: "2026-05-07",
    });
    expect(text).toBe(
      "根据国务院办公厅关于2026年五一国际劳动节放假安排,本报决定2026年5月4日休刊,5月7日恢复出报工作。休刊期间,本报新媒体持续更新,敬请关注。\n\n财信报社\n\n2026年4月30日",
    );
    expect(text.split("\n\n")[0]).toBe(NOTICE_TEXT);
  });

  it("writes a range once with its year", () => {
    const text = draftPauseNotice({ ...base, startsOn: "2026-10-01", endsOn: "2026-10-08", reason: "国庆节", basis: "国务院办公厅关于2026年部分节假日安排的通知", resumesOn: "2026-10-12", announcedOn: "2026-09-24" });
    expect(text).toContain("本报决定2026年10月1日至10月8日休刊,10月12日恢复出报工作。");
    expect(text.endsWith("财信报社\n\n2026年9月24日")).toBe(true);
  });

  it("writes the year again when it changes from the date before: across a year end", () => {
    const text = draftPauseNotice({ ...base, startsOn: "2026-12-31", endsOn: "2027-01-01", reason: "元旦", basis: null, resumesOn: "2027-01-04", announcedOn: "2026-12-24" });
    expect(text).toContain("本报决定2026年12月31日至2027年1月1日休刊,1月4日恢复出报工作。");
    const single = draftPauseNotice({ ...base, startsOn: "2026-12-31", endsOn: "2026-12-31", reason: "元旦", resumesOn: "2027-01-04" });
    expect(single).toContain("2026年12月31日休刊,2027年1月4日恢复出报工作");
  });

  it("without a basis gives the reason", () => {
    const text = draftPauseNotice({ ...base, startsOn: "2026-05-04", endsOn: "2026-05-04", reason: "劳动节", basis: "  ", resumesOn: "2026-05-07" });
    expect(text.startsWith("因劳动节,本报决定2026年5月4日休刊,5月7日恢复出报工作。")).toBe(true);
  });

  it("without a resume date says it will be announced", () => {
    const text = draftPauseNotice({ ...base, startsOn: "2026-05-04", endsOn: "2026-05-04", reason: "设备检修", resumesOn: null });
    expect(text).toContain("本报决定2026年5月4日休刊,恢复出报时间另行通知。");
  });
});

describe("dates around a notice", () => {
  it("ranges", () => {
    expect(pauseRangeText("2026-05-04", "2026-05-04")).toBe("2026年5月4日");
    expect(pauseRangeText("2026-04-30", "2026-05-05")).toBe("2026年4月30日至5月5日");
    expect(pauseRangeText("2026-12-28", "2027-01-03")).toBe("2026年12月28日至2027年1月3日");
  });

  it("dates the notice on its announcement day, never in the past", () => {
    const pause = { startsOn: "2026-05-04", endsOn: "2026-05-04", reason: "劳动节" };
    expect(noticeDate(pause, "2026-04-01")).toBe("2026-04-27");
    expect(noticeDate({ ...pause, announceOn: "2026-04-30" }, "2026-04-01")).toBe("2026-04-30");
    expect(noticeDate(pause, "2026-05-02")).toBe("2026-05-02");
  });

  it("flags a pause without a usual publication day", () => {
    expect(noPublicationDayWarning("2026-05-05", "2026-05-05", monThu)).toBe("该日不是出版日");
    expect(noPublicationDayWarning("2026-05-05", "2026-05-06", monThu)).toBe("该时段内没有出版日");
    expect(noPublicationDayWarning("2026-05-04", "2026-05-04", monThu)).toBeNull();
  });
});

describe("bannerPause", () => {
  const pause = { id: 1, startsOn: "2026-05-04", endsOn: "2026-05-05", reason: "劳动节", announceOn: null };
  const schedule = { ...monThu, pauses: [pause] };

  it.each([
    ["2026-04-26", null],
    ["2026-04-27", "announced"],
    ["2026-05-04", "current"],
    ["2026-05-06", "announced"], // over, but the paper is not back until Thursday
    ["2026-05-07", null],
  ])("on %s → %s", (today, expected) => {
    const banner = bannerPause(today, schedule);
    expect(banner ? (banner.current ? "current" : "announced") : null).toBe(expected);
    if (banner) expect(banner.resumesOn).toBe("2026-05-07");
  });

  it("says it in one sentence", () => {
    const b = { startsOn: "2026-05-04", endsOn: "2026-05-04", reason: "劳动节", resumesOn: "2026-05-07" };
    expect(bannerSentence({ ...b, current: false }, "2026-04-30")).toBe("本报5月4日休刊(劳动节),5月7日恢复出报。");
    expect(bannerSentence({ ...b, current: true }, "2026-05-04")).toBe("本报今日休刊(劳动节),5月7日恢复出报。");
    expect(bannerSentence({ ...b, current: false }, "2026-05-05")).toBe("本报5月4日休刊(劳动节)已结束,5月7日恢复出报。");
  });

  it("says it in English too", () => {
    const b = { startsOn: "2026-05-04", endsOn: "2026-05-04", reason: "劳动节", resumesOn: "2026-05-07" };
    expect(bannerSentence({ ...b, current: false }, "2026-04-30", "en")).toBe("No issue on 4 May (劳动节); the paper is back on 7 May.");
    expect(bannerSentence({ ...b, current: true }, "2026-05-04", "en")).toBe("No issue today (劳动节); the paper is back on 7 May.");
    expect(bannerSentence({ ...b, current: false }, "2026-05-05", "en")).toBe("The pause on 4 May (劳动节) is over; the paper is back on 7 May.");
    expect(bannerSentence({ ...b, endsOn: "2026-05-06", resumesOn: null, current: false }, "2026-04-30", "en")).toBe("No issue from 4 May to 6 May (劳动节).");
    expect(bannerNextLabel("2026-05-07")).toBe("5月7日 星期四");
    expect(bannerNextLabel("2026-05-07", "en")).toBe("Thursday 7 May");
  });
});
