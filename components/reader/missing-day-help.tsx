"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { Locale } from "@/lib/i18n/config";

type Explanation = { message: string; nearest: { date: string; number: number; label: string }[] } | null;

/**
 * The 404 page is cached and cannot know which date was asked for, so it asks
 * the calendar after load whether that day was a pause or no publication day,
 * in the page's language (named in the URL, so no cache mixes the two).
 */
export function MissingDayHelp({ locale }: { locale: Locale }) {
  const pathname = usePathname();
  const [explanation, setExplanation] = useState<Explanation>(null);
  useEffect(() => {
    if (!pathname.startsWith("/issues/")) return;
    fetch(`/api/calendar/explain?path=${encodeURIComponent(pathname)}${locale === "zh-CN" ? "" : `&lang=${locale}`}`)
      .then((r) => (r.ok ? r.json() : null))
      .then(setExplanation)
      .catch(() => setExplanation(null));
  }, [pathname, locale]);
  if (!explanation) return null;
  return (
    <div className="mt-4 space-y-3" data-testid="missing-day-help">
      <p className="text-lg">{explanation.message}</p>
      {explanation.nearest.length > 0 && (
        <ul className="flex flex-wrap justify-center gap-3">
          {explanation.nearest.map((i) => (
            <li key={i.date}>
              <Link href={`/issues/${i.date}`} className="text-brand underline underline-offset-4">
                {i.label}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
