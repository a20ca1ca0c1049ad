"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { BannerData } from "@/app/api/calendar/banner/route";
import type { Locale } from "@/lib/i18n/config";

/** Translated by the server wrapper (./pause-banner.tsx). */
export type PauseBannerLabels = { label: string; badge: string; next: string; close: string };

type Shown = NonNullable<BannerData["pause"]> & { next: BannerData["next"]; key: string };

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
export function PauseBannerNotice({ locale, labels }: { locale: Locale; labels: PauseBannerLabels }) {
  const pathname = usePathname();
  const staffPage = pathname === "/admin" || pathname.startsWith("/admin/");
  const [shown, setShown] = useState<Shown | null>(null);

  useEffect(() => {
    if (staffPage) return;
    let live = true;
    fetch(locale === "zh-CN" ? "/api/calendar/banner" : `/api/calendar/banner?lang=${locale}`, { credentials: "omit" })
      .then((r) => (r.ok ? (r.json() as Promise<BannerData>) : null))
      .then((data) => {
        if (!live || !data?.pause) return;
        const key = storageKey(data.pause);
        if (!dismissed(key)) setShown({ ...data.pause, next: data.next, key });
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [staffPage, locale]);

  if (staffPage || !shown) return null;

  function close() {
    try {
      sessionStorage.setItem(shown!.key, "1");
    } catch {}
    setShown(null);
  }

  return (
    <section aria-label={labels.label} className="border-b border-brand/30 bg-red-50">
      <div className="mx-auto flex max-w-6xl items-start gap-3 px-4 py-2 text-sm sm:items-center sm:px-6">
        <p className="flex-1">
          <span className="mr-2 rounded bg-brand px-1.5 py-0.5 text-xs font-bold text-white">{labels.badge}</span>
          {shown.message}
          {shown.next ? (
            <span className="whitespace-nowrap">
              {labels.next}
              <strong>{shown.next.label}</strong>
            </span>
          ) : null}
        </p>
        <button
          type="button"
          onClick={close}
          aria-label={labels.close}
          className="-my-1 shrink-0 rounded px-2 py-1 text-lg leading-none text-muted hover:bg-white hover:text-ink"
        >
          ×
        </button>
      </div>
    </section>
  );
}
