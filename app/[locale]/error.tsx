"use client";

import Link from "next/link";
import { useParams } from "next/navigation";

/**
 * The error page's words in both languages. It is the one reader text kept
 * here rather than in the catalogs: this boundary renders when the page (or
 * its data) failed, with no server parent left to translate for it, and
 * shipping a catalog to every reader page for it would cost more than these
 * few lines. The [locale] segment of the route picks one, the same on the
 * server and in the browser.
 */
const words = {
  "zh-CN": {
    title: "暂停服务",
    heading: "服务暂时不可用 Service temporarily unavailable",
    body: "页面暂时无法打开,通常片刻即可恢复。请稍后再试。",
    bodyGloss: "This page could not be loaded just now. Please try again in a moment.",
    retry: "重试 Try again",
    today: "今日报纸 Today's issue",
    reference: "错误编号 Reference:",
  },
  en: {
    title: "Out of service",
    heading: "Service temporarily unavailable",
    body: "This page could not be loaded just now; it usually comes back in a moment. Please try again shortly.",
    bodyGloss: null,
    retry: "Try again",
    today: "Today's issue",
    reference: "Reference:",
  },
};

/**
 * What a reader sees when a page fails to render (most often: the database is
 * unreachable for a moment). No error text or stack reaches the browser in a
 * production build; the digest lets staff find the server's log line.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { locale } = useParams<{ locale?: string }>();
  const t = locale === "en" ? words.en : words["zh-CN"];
  return (
    <div className="mx-auto max-w-xl py-16 text-center" role="alert">
      <p className="font-serif text-5xl font-black text-brand">{t.title}</p>
      <h1 className="mt-3 text-xl font-bold">{t.heading}</h1>
      <p className="mt-4 leading-relaxed text-muted">{t.body}</p>
      {t.bodyGloss && <p className="mt-1 text-sm text-muted">{t.bodyGloss}</p>}
      <p className="mt-8 flex flex-wrap justify-center gap-4 text-sm">
        <button type="button" onClick={reset} className="rounded-md bg-brand px-4 py-2 font-medium text-white">
          {t.retry}
        </button>
        <Link href="/" className="px-2 py-2 text-brand underline">
          {t.today}
        </Link>
      </p>
      {error.digest ? (
        <p className="mt-8 text-xs text-muted">
          {t.reference} {error.digest}
        </p>
      ) : null}
    </div>
  );
}
