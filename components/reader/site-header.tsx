import Link from "next/link";
import { AccountLink } from "./account-link";

/** Static chrome: no data access, so every page that uses it can be cached. */
export function SiteHeader() {
  return (
    <header className="border-b-2 border-brand bg-white/70">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="font-serif text-2xl font-black tracking-widest text-brand">
          财信报<span className="ml-2 align-middle text-xs font-normal tracking-normal text-muted">数字报</span>
        </Link>
        <nav aria-label="主导航 Main" className="flex flex-1 flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <Link href="/" className="hover:text-brand">今日报纸</Link>
          <Link href="/archive" className="hover:text-brand">往期回顾</Link>
          <Link href="/subscribe" className="hover:text-brand">订阅</Link>
          {/* A plain GET form: works without JavaScript and keeps the header static. */}
          <form action="/search" method="get" role="search" aria-label="站内搜索 Site search" className="flex items-center gap-1">
            <label htmlFor="site-search" className="sr-only">站内搜索 Site search</label>
            <input id="site-search" name="q" type="search" maxLength={50} placeholder="搜索" className="w-28 rounded border border-rule bg-white px-2 py-0.5 text-sm sm:w-36" />
            <button type="submit" className="rounded border border-rule px-2 py-0.5 hover:text-brand">搜索</button>
          </form>
          <span className="ml-auto">
            <AccountLink />
          </span>
        </nav>
      </div>
    </header>
  );
}
