import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The colours readers see in both themes, read from app/globals.css, checked
 * against WCAG AA for body text (4.5:1) on the surfaces the pages use.
 */
const css = readFileSync(path.resolve(import.meta.dirname, "../app/globals.css"), "utf8");

function tokens(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--color-([a-z0-9-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const light = { white: "#ffffff", "stone-100": "#f5f5f4", "stone-200": "#e7e5e4", "stone-700": "#44403b", ...tokens(/@theme\s*{([^}]*)}/.exec(css)![1]!) };
const dark = { ...light, ...tokens(/html\[data-theme="dark"\]\s*{([^}]*)}/.exec(css)![1]!) };

function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string) {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

// [text, background]: what the reader pages actually combine.
const pairs: [string, string][] = [
  ["ink", "paper"],
  ["ink", "white"],
  ["muted", "paper"],
  ["muted", "white"],
  ["muted", "stone-100"],
  ["brand", "paper"],
  ["brand", "white"],
  ["white", "brand"], // text-white on bg-brand buttons
  ["white", "brand-dark"], // their hover state
  ["white", "ink"], // today in the calendar
  ["stone-700", "stone-200"], // the sample-content note
];
const darkOnly: [string, string][] = [
  ["amber-900", "amber-50"],
  ["emerald-800", "emerald-50"],
  ["emerald-900", "emerald-50"],
  ["green-800", "green-50"],
  ["ink", "red-50"],
  ["stone-400", "white"],
];

describe("theme contrast", () => {
  it.each(pairs)("light: %s on %s is at least 4.5:1", (text, background) => {
    expect(contrast(light[text as keyof typeof light]!, light[background as keyof typeof light]!)).toBeGreaterThanOrEqual(4.5);
  });

  it.each([...pairs, ...darkOnly])("dark: %s on %s is at least 4.5:1", (text, background) => {
    const colours = dark as Record<string, string>;
    expect(colours[text], text).toBeDefined();
    expect(colours[background], background).toBeDefined();
    expect(contrast(colours[text]!, colours[background]!)).toBeGreaterThanOrEqual(4.5);
  });

  it("redefines every site token for the dark theme", () => {
    for (const token of ["paper", "white", "ink", "muted", "rule", "brand", "brand-dark"]) expect(dark[token as keyof typeof dark]).not.toBe(light[token as keyof typeof light]);
  });
});
