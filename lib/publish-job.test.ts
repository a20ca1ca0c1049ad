import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "./env";
import { isPublishJobCaller, publishJobToken } from "./publish-job";

describe("publish job caller check", () => {
  const original = process.env.AUTH_SECRET;
  afterEach(() => {
    process.env.AUTH_SECRET = original;
    resetEnvCache();
  });

  it("accepts only the token derived from this deployment's AUTH_SECRET", () => {
    process.env.AUTH_SECRET = "a".repeat(40);
    resetEnvCache();
    const token = publishJobToken();
    expect(isPublishJobCaller(`Bearer ${token}`)).toBe(true);
    expect(isPublishJobCaller(null)).toBe(false);
    expect(isPublishJobCaller(`Bearer ${token.slice(0, -1)}x`)).toBe(false);
    expect(isPublishJobCaller(token)).toBe(false);

    process.env.AUTH_SECRET = "b".repeat(40);
    resetEnvCache();
    expect(isPublishJobCaller(`Bearer ${token}`)).toBe(false);
  });
});
