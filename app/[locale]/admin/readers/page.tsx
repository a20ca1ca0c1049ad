import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/access";
import { formatPaperTime } from "@/lib/issues-admin";
import { describeReaderAccess, roleText, SEARCH_MAX_LENGTH, searchReaders } from "@/lib/readers-admin";

export const metadata: Metadata = { title: "读者" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export default async function ReadersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaff("/admin/readers", ["admin"]);
  const query = await searchParams;
  const requested = /^[1-9]\d{0,5}$/.test(one(query.page)) ? Number(one(query.page)) : 1;
  const { rows, total, page, pages, query: q } = await searchReaders({ query: one(query.q), page: requested });

  const href = (p: number) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (p > 1) params.set("page", String(p));
    const qs = params.toString();
    return qs ? `/admin/readers?${qs}` : "/admin/readers";
  };

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-2xl font-bold">
            读者 <span className="font-sans text-sm font-normal text-muted">Readers</span>
          </h1>
          <p className="mt-1 text-sm text-muted">按邮箱或姓名查找读者,查看其阅读权限、订阅和登录记录,赠送或收回赠阅。时间均为北京时间。</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href="/admin/readers/export.csv" className="inline-flex items-center rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100" download>
            导出 CSV <span className="ml-1 text-xs text-muted">Export</span>
          </a>
          <Link href="/admin/readers/import" className="inline-flex items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
            批量导入 <span className="ml-1 text-xs opacity-80">Import</span>
          </Link>
        </div>
      </header>

      <form method="get" action="/admin/readers" role="search" aria-label="查找读者" className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 space-y-1 sm:max-w-md">
          <label htmlFor="reader-search" className="block text-sm font-medium">
            邮箱或姓名 <span className="text-xs font-normal text-muted">Email or name</span>
          </label>
          <input id="reader-search" name="q" type="search" defaultValue={q} maxLength={SEARCH_MAX_LENGTH} className="block w-full rounded-md border border-rule bg-white px-3 py-2 text-sm" />
        </div>
        <button type="submit" className="rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100">
          查找 <span className="text-xs text-muted">Search</span>
        </button>
        {q ? (
          <Link href="/admin/readers" className="py-2 text-sm text-muted hover:text-brand">
            清除
          </Link>
        ) : null}
      </form>

      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-rule px-4 py-6 text-center text-sm text-muted">{q ? `没有邮箱或姓名包含「${q}」的读者。` : "还没有读者。"}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-rule bg-white/60">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">读者列表,共{total}位</caption>
            <thead className="border-b border-rule text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">邮箱</th>
                <th scope="col" className="px-3 py-2 font-medium">姓名</th>
                <th scope="col" className="px-3 py-2 font-medium">角色</th>
                <th scope="col" className="px-3 py-2 font-medium">当前阅读权限</th>
                <th scope="col" className="px-3 py-2 font-medium">注册时间</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {rows.map((r) => {
                const access = describeReaderAccess(r.access);
                return (
                  <tr key={r.id} data-reader-email={r.email}>
                    <td className="px-3 py-2">
                      <Link href={`/admin/readers/${r.id}`} className="font-medium break-all hover:text-brand hover:underline">
                        {r.email}
                      </Link>
                    </td>
                    <td className="px-3 py-2">{r.name ?? <span className="text-muted">—</span>}</td>
                    <td className="px-3 py-2">{roleText[r.role]}</td>
                    <td className="px-3 py-2">
                      <span className={access.active ? "text-emerald-800" : "text-muted"}>{access.active ? `有 · ${access.text}` : access.text}</span>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap text-muted">{formatPaperTime(r.createdAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <nav aria-label="分页" className="flex items-center justify-between text-sm">
        {page > 1 ? (
          <Link href={href(page - 1)} className="rounded-md border border-rule bg-white px-3 py-1.5 hover:border-ink">
            ← 上一页
          </Link>
        ) : (
          <span />
        )}
        <span className="text-muted">
          第{page}/{pages}页 · 共{total}位读者
        </span>
        {page < pages ? (
          <Link href={href(page + 1)} className="rounded-md border border-rule bg-white px-3 py-1.5 hover:border-ink">
            下一页 →
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}
