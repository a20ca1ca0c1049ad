import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it.each([
    ["/account", "/account"],
    ["/", "/"],
    ["/articles/12?from=today#top", "/articles/12?from=today#top"],
    ["/search?q=%E8%B4%A2%E4%BF%A1", "/search?q=%E8%B4%A2%E4%BF%A1"],
    ["/a/./b/../c", "/a/c"],
    ["/search?q=a%20b", "/search?q=a%20b"],
  ])("keeps the same-site path %s", (raw, expected) => {
    expect(safeNext(raw)).toBe(expected);
  });

  it.each([
    "//evil.com",
    "///evil.com",
    "/\\evil.com",
    "\\\\evil.com",
    "\\/evil.com",
    "https://evil.com",
    "http:evil.com",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.com",
    "account",
    "/%2F%2Fevil.com",
    "/%2fevil.com",
    "%2F%2Fevil.com",
    "/%5Cevil.com",
    "/%5c%5cevil.com",
    "/%255C%255Cevil.com",
    "/%252F%252Fevil.com",
    "/\t/evil.com",
    "/%09/evil.com",
    "/%20/evil.com",
    "/\n/evil.com",
    " /evil.com",
    "/a/../..//evil.com",
    "/%E0%A4%A", // does not decode
    "",
    "/" + "a".repeat(5000),
  ])("refuses %j", (raw) => {
    expect(safeNext(raw)).toBe("/");
  });

  it("refuses non-strings and uses the given fallback", () => {
    expect(safeNext(undefined)).toBe("/");
    expect(safeNext(null)).toBe("/");
    expect(safeNext(["/account"])).toBe("/");
    expect(safeNext("//evil.com", "/account")).toBe("/account");
  });
});
