import { describe, expect, it } from "vitest";
import { hasAccessAt, summarizeAccess, type AccessWindowLike } from "./access-rule";

const w = (startsAt: string, endsAt: string | null, source: AccessWindowLike["source"] = "subscription"): AccessWindowLike => ({
  startsAt: new Date(startsAt),
  endsAt: endsAt === null ? null : new Date(endsAt),
  source,
});

describe("access rule", () => {
  it("grants access inside a window and not at its end (half-open)", () => {
    const windows = [w("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z")];
    expect(hasAccessAt(windows, new Date("2026-01-15T00:00:00Z"))).toBe(true);
    expect(hasAccessAt(windows, new Date("2026-02-01T00:00:00Z"))).toBe(false);
    expect(hasAccessAt(windows, new Date("2025-12-31T23:59:59Z"))).toBe(false);
  });

  it("treats a window without an end as open-ended", () => {
    expect(hasAccessAt([w("2026-01-01T00:00:00Z", null, "comp")], new Date("2099-01-01T00:00:00Z"))).toBe(true);
  });

  it("denies a reader who never had a window", () => {
    expect(hasAccessAt([], new Date())).toBe(false);
    expect(summarizeAccess([], new Date())).toEqual({ status: "none" });
  });

  it("reports a lapsed reader with the date their access ended", () => {
    const s = summarizeAccess([w("2025-04-01T00:00:00Z", "2026-03-31T16:00:00Z", "prepaid")], new Date("2026-04-30T00:00:00Z"));
    expect(s).toEqual({ status: "lapsed", endedAt: new Date("2026-03-31T16:00:00Z"), source: "prepaid" });
  });

  it("follows back-to-back renewals to the last end date", () => {
    const s = summarizeAccess(
      [w("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"), w("2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z", "gift")],
      new Date("2026-01-10T00:00:00Z"),
    );
    expect(s).toEqual({ status: "active", until: new Date("2026-03-01T00:00:00Z"), source: "gift" });
  });

  it("mentions a window that has not started yet", () => {
    const s = summarizeAccess([w("2026-06-01T00:00:00Z", null, "gift")], new Date("2026-05-01T00:00:00Z"));
    expect(s.status).toBe("upcoming");
  });
});
