/**
 * Reading comfort settings, remembered per device in localStorage and mirrored
 * on <html> as data attributes that globals.css keys on. The root layout's
 * inline script applies them before the first paint, so cached pages stay
 * static and nothing flashes; the reading toolbar changes them afterwards.
 */
export const FONT_SIZES = ["standard", "large", "xlarge"] as const;
export type FontSize = (typeof FONT_SIZES)[number];

export const THEMES = ["light", "dark", "system"] as const;
export type ThemePreference = (typeof THEMES)[number];
export type Theme = "light" | "dark";

export const FONT_SIZE_KEY = "cxb:font-size";
export const THEME_KEY = "cxb:theme";
export const FONT_SIZE_ATTRIBUTE = "data-font-size";
export const THEME_ATTRIBUTE = "data-theme";

export function parseFontSize(stored: string | null | undefined): FontSize {
  return FONT_SIZES.includes(stored as FontSize) ? (stored as FontSize) : "standard";
}

export function parseThemePreference(stored: string | null | undefined): ThemePreference {
  return THEMES.includes(stored as ThemePreference) ? (stored as ThemePreference) : "system";
}

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  return preference === "system" ? (systemPrefersDark ? "dark" : "light") : preference;
}

/** One step bigger or smaller, stopping at the ends rather than wrapping round. */
export function stepFontSize(current: FontSize, delta: number): FontSize {
  const index = Math.min(FONT_SIZES.length - 1, Math.max(0, FONT_SIZES.indexOf(current) + Math.sign(delta)));
  return FONT_SIZES[index]!;
}

/**
 * The inline head script: static text (no per-request values) in a plain
 * module of its own, because scripts/server.mjs gives it the CSP nonce of a
 * cached page only when the page's script is exactly this text. It accepts
 * only known values, so a tampered localStorage cannot write arbitrary
 * attribute values. Kept in ES5 for old in-app browsers.
 */
export { readingSettingsScript } from "./theme-script.mjs";
