"use client";

import { useEffect, useSyncExternalStore } from "react";
import {
  FONT_SIZE_ATTRIBUTE,
  FONT_SIZE_KEY,
  FONT_SIZES,
  THEME_ATTRIBUTE,
  THEME_KEY,
  THEMES,
  parseFontSize,
  parseThemePreference,
  resolveTheme,
  type FontSize,
  type ThemePreference,
} from "@/lib/reading-settings";
import { Listen, type ListenLabels } from "./listen";
import { ReadingProgress } from "./reading-progress";

const CHANGED = "cxb:reading-settings";
const DARK_QUERY = "(prefers-color-scheme: dark)";

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked: the setting lasts for this page only
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange); // another tab changed it
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}

// Blocked storage keeps the choice in memory, so the buttons still reflect what the page shows.
const memory = new Map<string, string>();
const currentFontSize = () => parseFontSize(read(FONT_SIZE_KEY) ?? memory.get(FONT_SIZE_KEY));
const currentTheme = () => parseThemePreference(read(THEME_KEY) ?? memory.get(THEME_KEY));

function save(key: string, value: string) {
  memory.set(key, value);
  try {
    localStorage.setItem(key, value);
  } catch {}
  window.dispatchEvent(new Event(CHANGED));
}

function applyTheme(preference: ThemePreference) {
  document.documentElement.setAttribute(THEME_ATTRIBUTE, resolveTheme(preference, matchMedia(DARK_QUERY).matches));
}

function applyFontSize(size: FontSize) {
  if (size === "standard") document.documentElement.removeAttribute(FONT_SIZE_ATTRIBUTE);
  else document.documentElement.setAttribute(FONT_SIZE_ATTRIBUTE, size);
}

/** Translated by the server parent, so no message catalog ships to the browser. */
export type ReadingToolsLabels = {
  label: string;
  fontSize: string;
  fontSizeHead: string;
  fontSizes: Record<FontSize, string>;
  theme: string;
  themeHead: string;
  themes: Record<ThemePreference, string>;
  listen: ListenLabels;
};

const buttonClass =
  "rounded border border-rule bg-white px-2.5 py-1 text-sm hover:border-brand aria-pressed:border-brand aria-pressed:bg-brand aria-pressed:text-white";

/**
 * The article's reading settings. The server (and hydration) render the
 * defaults; the store then reports what the head script already applied, so
 * cached pages stay the same for everyone and nothing flashes.
 */
export function ReadingTools({ labels }: { labels: ReadingToolsLabels }) {
  const fontSize = useSyncExternalStore(subscribe, currentFontSize, () => "standard" as const);
  const theme = useSyncExternalStore(subscribe, currentTheme, () => "system" as const);

  // Following the system: keep up when the OS switches between light and dark while reading.
  useEffect(() => {
    if (theme !== "system") return;
    const query = matchMedia(DARK_QUERY);
    const follow = () => applyTheme("system");
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  }, [theme]);

  return (
    <section aria-label={labels.label} data-reading-tools className="mb-6 flex flex-wrap items-center gap-x-5 gap-y-2 text-sm print:hidden">
      <ReadingProgress />
      <div role="group" aria-label={labels.fontSize} className="flex items-center gap-1.5">
        <span aria-hidden="true" className="mr-1 text-muted">{labels.fontSizeHead}</span>
        {FONT_SIZES.map((size) => (
          <button
            key={size}
            type="button"
            aria-pressed={fontSize === size}
            className={buttonClass}
            onClick={() => {
              applyFontSize(size);
              save(FONT_SIZE_KEY, size);
            }}
          >
            {labels.fontSizes[size]}
          </button>
        ))}
      </div>
      <div role="group" aria-label={labels.theme} className="flex items-center gap-1.5">
        <span aria-hidden="true" className="mr-1 text-muted">{labels.themeHead}</span>
        {THEMES.map((preference) => (
          <button
            key={preference}
            type="button"
            aria-pressed={theme === preference}
            className={buttonClass}
            onClick={() => {
              applyTheme(preference);
              save(THEME_KEY, preference);
            }}
          >
            {labels.themes[preference]}
          </button>
        ))}
      </div>
      <Listen labels={labels.listen} />
    </section>
  );
}
