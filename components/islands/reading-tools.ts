import { readingProgress } from "@/lib/reading-progress";
import {
  FONT_SIZE_ATTRIBUTE,
  FONT_SIZE_KEY,
  THEME_ATTRIBUTE,
  THEME_KEY,
  parseFontSize,
  parseThemePreference,
  resolveTheme,
  type FontSize,
  type ThemePreference,
} from "@/lib/reading-settings";
import { disposer } from "./dom";
import { mountListen, type ListenLabels } from "./listen";

export type ReadingToolsProps = { listen: ListenLabels };

const DARK_QUERY = "(prefers-color-scheme: dark)";

// Blocked storage keeps the choice in memory, so the buttons still reflect what the page shows.
const memory = new Map<string, string>();

function read(key: string): string | null {
  try {
    return localStorage.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    return memory.get(key) ?? null;
  }
}

function save(key: string, value: string) {
  memory.set(key, value);
  try {
    localStorage.setItem(key, value);
  } catch {}
}

function applyTheme(preference: ThemePreference) {
  document.documentElement.setAttribute(THEME_ATTRIBUTE, resolveTheme(preference, matchMedia(DARK_QUERY).matches));
}

function applyFontSize(size: FontSize) {
  if (size === "standard") document.documentElement.removeAttribute(FONT_SIZE_ATTRIBUTE);
  else document.documentElement.setAttribute(FONT_SIZE_ATTRIBUTE, size);
}

/**
 * The article's reading settings (components/reader/reading-tools.tsx renders
 * the buttons with the defaults pressed, the same for every reader). The head
 * script has already applied the stored choice; this presses the right
 * buttons, saves changes, follows the system theme and another tab's change,
 * and draws the progress bar.
 */
export function mountReadingTools(root: HTMLElement, props: ReadingToolsProps) {
  const cleanup = disposer();
  const buttons = [...root.querySelectorAll<HTMLButtonElement>("button[data-font-size], button[data-theme]")];
  let followSystem: (() => void) | null = null;
  const query = matchMedia(DARK_QUERY);

  const reflect = () => {
    const size = parseFontSize(read(FONT_SIZE_KEY));
    const theme = parseThemePreference(read(THEME_KEY));
    for (const button of buttons) {
      const pressed = button.dataset.fontSize ? button.dataset.fontSize === size : button.dataset.theme === theme;
      button.setAttribute("aria-pressed", String(pressed));
    }
    // Following the system: keep up when the OS switches between light and dark while reading.
    if (followSystem) query.removeEventListener("change", followSystem);
    followSystem = theme === "system" ? () => applyTheme("system") : null;
    if (followSystem) query.addEventListener("change", followSystem);
  };

  for (const button of buttons) {
    const onClick = () => {
      if (button.dataset.fontSize) {
        const size = parseFontSize(button.dataset.fontSize);
        applyFontSize(size);
        save(FONT_SIZE_KEY, size);
      } else {
        const theme = parseThemePreference(button.dataset.theme);
        applyTheme(theme);
        save(THEME_KEY, theme);
      }
      reflect();
    };
    button.addEventListener("click", onClick);
    cleanup.add(() => button.removeEventListener("click", onClick));
  }

  // Another tab changed a setting: apply it here too.
  const onStorage = (event: StorageEvent) => {
    if (event.key === FONT_SIZE_KEY) applyFontSize(parseFontSize(event.newValue));
    else if (event.key === THEME_KEY) applyTheme(parseThemePreference(event.newValue));
    else return;
    reflect();
  };
  window.addEventListener("storage", onStorage);
  cleanup.add(() => window.removeEventListener("storage", onStorage));
  cleanup.add(() => followSystem && query.removeEventListener("change", followSystem));
  reflect();

  const bar = root.querySelector<HTMLElement>("[data-reading-progress] > div");
  if (bar) cleanup.add(drawProgress(bar));
  const listen = root.querySelector<HTMLElement>("[data-listen]");
  if (listen) cleanup.add(mountListen(listen, props.listen));
  return cleanup.dispose;
}

/**
 * A thin bar at the top of the window showing how far through the article the
 * reader has scrolled, updated at most once a frame and drawn with a transform
 * (no layout).
 */
function drawProgress(bar: HTMLElement): () => void {
  const article = bar.closest("article");
  if (!article) return () => {};
  let frame = 0;
  const update = () => {
    frame = 0;
    const rect = article.getBoundingClientRect();
    bar.style.transform = `scaleX(${readingProgress(rect.top, rect.height, window.innerHeight)})`;
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(update);
  };
  update();
  window.addEventListener("scroll", schedule, { passive: true });
  window.addEventListener("resize", schedule);
  // The rest of the text arrives after load for signed-in readers: the article grows.
  const resized = new ResizeObserver(schedule);
  resized.observe(article);
  return () => {
    cancelAnimationFrame(frame);
    window.removeEventListener("scroll", schedule);
    window.removeEventListener("resize", schedule);
    resized.disconnect();
  };
}
