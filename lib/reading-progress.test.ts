import { describe, expect, it } from "vitest";
import { readingProgress } from "./reading-progress";

describe("reading progress", () => {
  it("runs from 0 at the article's top to 1 when its end is in view", () => {
    // A 3,000 px article in an 800 px window: 2,200 px of scrolling.
    expect(readingProgress(120, 3000, 800)).toBe(0);
    expect(readingProgress(0, 3000, 800)).toBe(0);
    expect(readingProgress(-1100, 3000, 800)).toBe(0.5);
    expect(readingProgress(-2200, 3000, 800)).toBe(1);
    expect(readingProgress(-2900, 3000, 800)).toBe(1);
  });

  it("counts a short article as read once it is all on screen", () => {
    expect(readingProgress(100, 500, 800)).toBe(1);
    expect(readingProgress(400, 500, 800)).toBe(0);
  });

  it("grows back when the rest of the text arrives", () => {
    const before = readingProgress(-600, 1400, 800);
    const after = readingProgress(-600, 4000, 800);
    expect(before).toBe(1);
    expect(after).toBeCloseTo(600 / 3200);
  });
});
