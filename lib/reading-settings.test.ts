import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import {
  FONT_SIZE_ATTRIBUTE,
  FONT_SIZE_KEY,
  THEME_ATTRIBUTE,
  THEME_KEY,
  parseFontSize,
  parseThemePreference,
  readingSettingsScript,
  resolveTheme,
  stepFontSize,
} from "./reading-settings";

/** Runs the head script as a browser would before the first paint, and returns the attributes it set on <html>. */
function runHeadScript(stored: Record<string, string>, { systemDark = false, storageBlocked = false } = {}) {
  const attributes: Record<string, string> = {};
  const localStorage = {
    getItem(key: string) {
      if (storageBlocked) throw new Error("SecurityError");
      return stored[key] ?? null;
    },
  };
  const matchMedia = (query: string) => ({ matches: query === "(prefers-color-scheme: dark)" && systemDark });
  const document = { documentElement: { setAttribute: (name: string, value: string) => (attributes[name] = value) } };
  const window = { matchMedia };
  runInNewContext(readingSettingsScript, { document, localStorage, matchMedia, window });
  return attributes;
}

describe("reading settings", () => {
  it("accepts only the known values, falling back to the defaults", () => {
    expect(parseFontSize("large")).toBe("large");
    expect(parseFontSize("huge")).toBe("standard");
    expect(parseFontSize(null)).toBe("standard");
    expect(parseThemePreference("dark")).toBe("dark");
    expect(parseThemePreference("<script>")).toBe("system");
  });

  it("steps the font size and stops at the ends", () => {
    expect(stepFontSize("standard", 1)).toBe("large");
    expect(stepFontSize("xlarge", 1)).toBe("xlarge");
    expect(stepFontSize("standard", -1)).toBe("standard");
    expect(stepFontSize("xlarge", -5)).toBe("large");
  });

  it("follows the system only when the reader has not chosen", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
  });
});

describe("the head script", () => {
  it("applies the stored choices before paint", () => {
    expect(runHeadScript({ "cxb:font-size": "xlarge", "cxb:theme": "dark" })).toEqual({ "data-font-size": "xlarge", "data-theme": "dark" });
  });

  it("reads the keys the reading toolbar writes and sets the attributes globals.css keys on", () => {
    expect(runHeadScript({ [FONT_SIZE_KEY]: "large", [THEME_KEY]: "light" })).toEqual({ [FONT_SIZE_ATTRIBUTE]: "large", [THEME_ATTRIBUTE]: "light" });
  });

  it("follows the system theme by default and leaves the standard size unmarked", () => {
    expect(runHeadScript({}, { systemDark: true })).toEqual({ "data-theme": "dark" });
    expect(runHeadScript({ "cxb:theme": "system", "cxb:font-size": "standard" })).toEqual({ "data-theme": "light" });
  });

  it("never writes a tampered value into the page", () => {
    expect(runHeadScript({ "cxb:font-size": '"><img src=x>', "cxb:theme": "evil" })).toEqual({ "data-theme": "light" });
  });

  it("still follows the system when storage is blocked", () => {
    expect(runHeadScript({}, { systemDark: true, storageBlocked: true })).toEqual({ "data-theme": "dark" });
  });

  it("is static text, so a CSP hash can allow it", () => {
    expect(readingSettingsScript).not.toMatch(/[<>`]/);
    expect(readingSettingsScript.length).toBeLessThan(500);
  });
});
