import { describe, expect, it } from "vitest";
import { describeAccess, lastIncludedDay } from "./account-access-view";

const shanghai = (local: string) => new Date(`${local}+08:00`);

describe("describeAccess", () => {
  it("shows the last included day of an active window, in Shanghai", () => {
    const view = describeAccess({ status: "active", until: shanghai("2028-01-01T00:00:00"), source: "prepaid" });
    expect(view).toEqual({ tone: "active", headline: "订阅有效期至 2027年12月31日", source: "预付", invite: false });
  });

  it("shows when a lapsed subscription ended, as its last day", () => {
    const view = describeAccess({ status: "lapsed", endedAt: shanghai("2026-04-01T00:00:00"), source: "subscription" });
    expect(view.headline).toBe("您的订阅已于 2026年3月31日 到期");
    expect(view.source).toBe("订阅");
    expect(view.invite).toBe(true);
  });

  it("words open-ended, upcoming and missing access", () => {
    expect(describeAccess({ status: "active", until: null, source: "comp" })).toMatchObject({ headline: "订阅长期有效", source: "赠送" });
    expect(describeAccess({ status: "upcoming", startsAt: shanghai("2026-05-01T00:00:00"), source: "gift" })).toMatchObject({
      headline: "您的订阅将于 2026年5月1日 开始",
      source: "赠阅",
    });
    expect(describeAccess({ status: "none" })).toEqual({ tone: "none", headline: "您还没有订阅", invite: true });
  });
});

describe("lastIncludedDay", () => {
  it("reads the day in the paper's zone, not UTC", () => {
    // 2026-03-31T16:00Z is midnight of 1 April in Shanghai: the last included day is 31 March.
    expect(lastIncludedDay(new Date("2026-03-31T16:00:00Z"))).toBe("2026年3月31日");
    // An end in the middle of a Shanghai day includes that day.
    expect(lastIncludedDay(shanghai("2026-04-01T09:30:00"))).toBe("2026年4月1日");
  });
});

describe("in English", () => {
  it("words access and dates in English", () => {
    expect(describeAccess({ status: "active", until: shanghai("2028-01-01T00:00:00"), source: "prepaid" }, "en")).toEqual({
      tone: "active",
      headline: "Subscription valid until 31 December 2027",
      source: "Prepaid",
      invite: false,
    });
    expect(describeAccess({ status: "none" }, "en").headline).toBe("You do not have a subscription yet");
    expect(lastIncludedDay(new Date("2026-03-31T16:00:00Z"), "en")).toBe("31 March 2026");
  });
});
