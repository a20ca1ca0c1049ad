import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaff } from "@/lib/access";
import type { Locale } from "@/lib/i18n/config";
import { paperDateTime } from "@/lib/i18n/format";
import { describeReaderAccess, SEARCH_MAX_LENGTH, searchReaders } from "@/lib/readers-admin";

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminPeople.readers.list" });
  return { title: t("metaTitle") };
}

export default async function ReadersPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  await requireStaff("/admin/readers", ["admin"]);
  const t = await getTranslations("adminPeople.readers.list");
  const roles = await getTranslations("adminPeople.roles");
  const hint = (text: string, className: string) => (text ? <span className={className}>{text}</span> : null);
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
            {t("title")} {hint(t("titleHint"), "font-sans text-sm font-normal text-muted")}
          </h1>
          <p className="mt-1 text-sm text-muted">{t("intro")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href="/admin/readers/export.csv" className="inline-flex items-center rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100" download>
            {t("export")} {hint(t("exportHint"), "ml-1 text-xs text-muted")}
          </a>
          <Link href="/admin/readers/import" className="inline-flex items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
            {t("import")} {hint(t("importHint"), "ml-1 text-xs opacity-80")}
          </Link>
        </div>
      </header>

      <form method="get" action="/admin/readers" role="search" aria-label={t("searchLabel")} className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 space-y-1 sm:max-w-md">
          <label htmlFor="reader-search" className="block text-sm font-medium">
            {t("field")} {hint(t("fieldHint"), "text-xs font-normal text-muted")}
          </label>
          <input id="reader-search" name="q" type="search" defaultValue={q} maxLength={SEARCH_MAX_LENGTH} className="block w-full rounded-md border border-rule bg-white px-3 py-2 text-sm" />
        </div>
        <button type="submit" className="rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100">
          {t("search")} {hint(t("searchHint"), "text-xs text-muted")}
        </button>
        {q ? (
          <Link href="/admin/readers" className="py-2 text-sm text-muted hover:text-brand">
            {t("clear")}
          </Link>
        ) : null}
      </form>

      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-rule px-4 py-6 text-center text-sm text-muted">{q ? t("noMatch", { query: q }) : t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-rule bg-white/60">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption", { total })}</caption>
            <thead className="border-b border-rule text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.email")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.name")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.role")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.access")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.createdAt")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {rows.map((r) => {
                const access = describeReaderAccess(r.access, locale);
                return (
                  <tr key={r.id} data-reader-email={r.email}>
                    <td className="px-3 py-2">
                      <Link href={`/admin/readers/${r.id}`} className="font-medium break-all hover:text-brand hover:underline">
                        {r.email}
                      </Link>
                    </td>
                    <td className="px-3 py-2">{r.name ?? <span className="text-muted">—</span>}</td>
                    <td className="px-3 py-2">{roles(r.role)}</td>
                    <td className="px-3 py-2">
                      <span className={access.active ? "text-emerald-800" : "text-muted"}>{access.active ? t("accessActive", { text: access.text }) : access.text}</span>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap text-muted">{paperDateTime(r.createdAt, locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <nav aria-label={t("pagination")} className="flex items-center justify-between text-sm">
        {page > 1 ? (
          <Link href={href(page - 1)} className="rounded-md border border-rule bg-white px-3 py-1.5 hover:border-ink">
            {t("previous")}
          </Link>
        ) : (
          <span />
        )}
        <span className="text-muted">
          {t("pageOf", { page, pages, total })}
        </span>
        {page < pages ? (
          <Link href={href(page + 1)} className="rounded-md border border-rule bg-white px-3 py-1.5 hover:border-ink">
            {t("next")}
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}
