import type { BannerData } from "@/app/api/calendar/banner/route";
import { h } from "./dom";

/** Translated by the server (components/reader/pause-banner.tsx). */
export type PauseBannerProps = { locale: string; labels: { label: string; badge: string; next: string; close: string } };

const storageKey = (p: { id: number; startsOn: string; endsOn: string }) => `pause-banner-dismissed:${p.id}:${p.startsOn}:${p.endsOn}`;

function dismissed(key: string): boolean {
  try {
    return sessionStorage.getItem(key) === "1";
  } catch {
    return false; // storage blocked: show the banner, it can still be closed for this page
  }
}

/**
 * The site-wide 休刊 banner under the header. The chrome is static, so the
 * banner asks a small cached JSON route after load, in the page's language
 * (English has its own URL, so no cache mixes the two). Closing it hides this
 * pause for the rest of the browser session; changed dates show it again.
 * Staff pages (/admin) go without: they manage the pauses themselves.
 */
export function mountPauseBanner(root: HTMLElement, { locale, labels }: PauseBannerProps) {
  const path = location.pathname;
  if (path === "/admin" || path.startsWith("/admin/")) return;
  let live = true;
  fetch(locale === "zh-CN" ? "/api/calendar/banner" : `/api/calendar/banner?lang=${encodeURIComponent(locale)}`, { credentials: "omit" })
    .then((r) => (r.ok ? (r.json() as Promise<BannerData>) : null))
    .then((data) => {
      if (!live || !data?.pause) return;
      const key = storageKey(data.pause);
      if (dismissed(key)) return;
      const close = h("button", { type: "button", "aria-label": labels.close, className: "-my-1 shrink-0 rounded px-2 py-1 text-lg leading-none text-muted hover:bg-white hover:text-ink" }, "×");
      const banner = h(
        "section",
        { "aria-label": labels.label, className: "border-b border-brand/30 bg-red-50" },
        h(
          "div",
          { className: "mx-auto flex max-w-6xl items-start gap-3 px-4 py-2 text-sm sm:items-center sm:px-6" },
          h(
            "p",
            { className: "flex-1" },
            h("span", { className: "mr-2 rounded bg-brand px-1.5 py-0.5 text-xs font-bold text-white" }, labels.badge),
            data.pause.message,
            data.next && h("span", { className: "whitespace-nowrap" }, labels.next, h("strong", {}, data.next.label)),
          ),
          close,
        ),
      );
      close.addEventListener("click", () => {
        try {
          sessionStorage.setItem(key, "1");
        } catch {}
        banner.remove();
      });
      root.replaceChildren(banner);
    })
    .catch(() => {});
  return () => {
    live = false;
  };
}
