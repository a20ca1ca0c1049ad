"use client";

import Link from "next/link";

/**
 * What a reader sees when a page fails to render (most often: the database is
 * unreachable for a moment). No error text or stack reaches the browser in a
 * production build; the digest lets staff find the server's log line.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center" role="alert">
      <p className="font-serif text-5xl font-black text-brand">暂停服务</p>
      <h1 className="mt-3 text-xl font-bold">服务暂时不可用 Service temporarily unavailable</h1>
      <p className="mt-4 leading-relaxed text-muted">页面暂时无法打开,通常片刻即可恢复。请稍后再试。</p>
      <p className="mt-1 text-sm text-muted">This page could not be loaded just now. Please try again in a moment.</p>
      <p className="mt-8 flex flex-wrap justify-center gap-4 text-sm">
        <button type="button" onClick={reset} className="rounded-md bg-brand px-4 py-2 font-medium text-white">
          重试 Try again
        </button>
        <Link href="/" className="px-2 py-2 text-brand underline">
          今日报纸 Today&apos;s issue
        </Link>
      </p>
      {error.digest ? <p className="mt-8 text-xs text-muted">错误编号 Reference: {error.digest}</p> : null}
    </div>
  );
}
