"use client";

/**
 * The last resort, when even the root layout fails: a whole document of its own,
 * styled inline because the app's stylesheet may be what failed.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "32rem", margin: "4rem auto", padding: "0 1rem", lineHeight: 1.7, textAlign: "center" }}>
        <h1 style={{ fontSize: "1.25rem" }}>服务暂时不可用 Service temporarily unavailable</h1>
        <p>页面暂时无法打开,请稍后再试。This page could not be loaded just now.</p>
        <p>
          <button type="button" onClick={reset} style={{ padding: "0.5rem 1rem" }}>
            重试 Try again
          </button>{" "}
          {/* A full page load on purpose: the app's own router is what may have failed. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/">今日报纸 Today&apos;s issue</a>
        </p>
        {error.digest ? <p style={{ fontSize: "0.75rem", color: "#555" }}>错误编号 Reference: {error.digest}</p> : null}
      </body>
    </html>
  );
}
