import { Island } from "@/components/islands/island";
import type { ListenLabels } from "@/components/islands/listen";
import { FONT_SIZES, THEMES, type FontSize, type ThemePreference } from "@/lib/reading-settings";

/** Translated by the server parent, so no message catalog ships to the browser. */
export type ReadingToolsLabels = {
  label: string;
  fontSize: string;
  fontSizeHead: string;
  fontSizes: Record<FontSize, string>;
  theme: string;
  themeHead: string;
  themes: Record<ThemePreference, string>;
  listen: ListenLabels & { label: string };
};

const buttonClass =
  "rounded border border-rule bg-white px-2.5 py-1 text-sm hover:border-brand aria-pressed:border-brand aria-pressed:bg-brand aria-pressed:text-white";
const listenButton = "rounded border border-rule bg-white px-2.5 py-1 text-sm hover:border-brand";

/**
 * The article's reading settings: font size, theme, the progress bar and 朗读.
 * Rendered with the defaults pressed, the same for every reader; the
 * reading-tools island (components/islands/reading-tools.ts) presses what the
 * head script already applied, and shows 朗读 only where a Chinese voice exists.
 */
export function ReadingTools({ labels }: { labels: ReadingToolsLabels }) {
  const { label: listenLabel, ...listen } = labels.listen;
  return (
    <Island name="reading-tools" props={{ listen }} as="section" aria-label={labels.label} data-reading-tools className="mb-6 flex flex-wrap items-center gap-x-5 gap-y-2 text-sm print:hidden">
      {/* Decorative: the scroll position already tells, and announcing every change would be noise. */}
      <div aria-hidden="true" data-reading-progress className="pointer-events-none fixed inset-x-0 top-0 z-40 h-1 print:hidden">
        <div className="h-full origin-left bg-brand" style={{ transform: "scaleX(0)" }} />
      </div>
      <div role="group" aria-label={labels.fontSize} className="flex items-center gap-1.5">
        <span aria-hidden="true" className="mr-1 text-muted">{labels.fontSizeHead}</span>
        {FONT_SIZES.map((size) => (
          <button key={size} type="button" data-font-size={size} aria-pressed={size === "standard"} className={buttonClass}>
            {labels.fontSizes[size]}
          </button>
        ))}
      </div>
      <div role="group" aria-label={labels.theme} className="flex items-center gap-1.5">
        <span aria-hidden="true" className="mr-1 text-muted">{labels.themeHead}</span>
        {THEMES.map((preference) => (
          <button key={preference} type="button" data-theme={preference} aria-pressed={preference === "system"} className={buttonClass}>
            {labels.themes[preference]}
          </button>
        ))}
      </div>
      <div role="group" aria-label={listenLabel} data-listen hidden className="flex items-center gap-1.5">
        <button type="button" data-listen-main className={listenButton}>
          {listen.listen}
        </button>
        <button type="button" data-listen-stop hidden className={listenButton}>
          {listen.stop}
        </button>
        <span role="status" className="sr-only" />
      </div>
    </Island>
  );
}
