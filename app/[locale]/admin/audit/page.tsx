import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaff } from "@/lib/access";
import { auditDiff, auditFacets, listAuditEntries, type AuditFilter } from "@/lib/audit-log";
import type { Locale } from "@/lib/i18n/config";
import { paperDateTime } from "@/lib/i18n/format";

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminPeople.audit" });
  return { title: t("metaTitle") };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const show = (value: unknown): string => {
  if (value === null || value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};

/** Who changed what, when: every staff mutation, newest first. Admins only. */
export default async function AuditPage({ params: routeParams, searchParams }: { params: Params; searchParams: SearchParams }) {
  const locale = (await routeParams).locale as Locale;
  setRequestLocale(locale);
  await requireStaff("/admin/audit", ["admin"]);
  const t = await getTranslations("adminPeople.audit");
  const hint = (text: string, className: string) => (text ? <span className={className}>{text}</span> : null);
  const params = await searchParams;
  const raw = { action: first(params.action), entity: first(params.entity), actor: first(params.actor), from: first(params.from), to: first(params.to), page: first(params.page) };
  const [result, facets] = await Promise.all([listAuditEntries(raw), auditFacets()]);
  const filter: Partial<AuditFilter> = { action: raw.action, entity: raw.entity, actor: raw.actor, from: raw.from, to: raw.to };
  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value) query.set(key, String(value));
    if (page > 1) query.set("page", String(page));
    const qs = query.toString();
    return qs ? `/admin/audit?${qs}` : "/admin/audit";
  };
  const filtered = Object.values(filter).some(Boolean);
  const inputClass = "block w-full rounded-md border border-rule bg-white px-3 py-2 text-sm";

  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-bold">
        {t("title")} {hint(t("titleHint"), "font-sans text-sm font-normal text-muted")}
      </h1>

      <form method="get" action="/admin/audit" role="search" aria-label={t("filterLabel")} className="grid gap-3 rounded-lg border border-rule bg-white p-4 sm:grid-cols-2 lg:grid-cols-6">
        <div className="space-y-1">
          <label htmlFor="audit-action" className="text-sm font-medium">{t("action")}</label>
          <input id="audit-action" name="action" list="audit-actions" defaultValue={raw.action} placeholder={t("actionPlaceholder")} maxLength={100} className={inputClass} />
          <datalist id="audit-actions">
            {facets.actions.map((a) => (
              <option key={a} value={`${a}.`} />
            ))}
          </datalist>
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-entity" className="text-sm font-medium">{t("entity")}</label>
          <select id="audit-entity" name="entity" defaultValue={raw.entity ?? ""} className={inputClass}>
            <option value="">{t("all")}</option>
            {facets.entities.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-actor" className="text-sm font-medium">{t("actor")}</label>
          <input id="audit-actor" name="actor" type="search" defaultValue={raw.actor} maxLength={254} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-from" className="text-sm font-medium">{t("from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={raw.from} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-to" className="text-sm font-medium">{t("to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={raw.to} className={inputClass} />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
            {t("filter")} {hint(t("filterHint"), "text-xs opacity-80")}
          </button>
          {filtered ? (
            <Link href="/admin/audit" className="px-2 py-2 text-sm text-brand underline-offset-4 hover:underline">
              {t("clear")}
            </Link>
          ) : null}
        </div>
      </form>

      <p role="status" className="text-sm text-muted">
        {result.pageCount > 1 ? t("totalPaged", { total: result.total, page: result.page, pages: result.pageCount }) : t("total", { total: result.total })}
      </p>

      {result.entries.length === 0 ? (
        <p className="text-sm text-muted">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-rule bg-white">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-rule bg-stone-50 text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.time")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.actor")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.action")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.entity")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.changes")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule align-top">
              {result.entries.map((entry) => {
                const diff = auditDiff(entry.before ?? null, entry.after ?? null);
                return (
                  <tr key={entry.id}>
                    <td className="whitespace-nowrap px-3 py-2">
                      <time dateTime={entry.at.toISOString()}>{paperDateTime(entry.at, locale)}</time>
                    </td>
                    <td className="break-all px-3 py-2">{entry.actorLabel}</td>
                    <td className="px-3 py-2 font-mono text-xs">{entry.action}</td>
                    <td className="break-all px-3 py-2">
                      {entry.entity}
                      {entry.entityId ? <span className="ml-1 font-mono text-xs text-muted">#{entry.entityId}</span> : null}
                    </td>
                    <td className="px-3 py-2">
                      {diff.length === 0 ? (
                        <span className="text-muted">—</span>
                      ) : (
                        <ul className="space-y-0.5 text-xs">
                          {diff.map((line) => (
                            <li key={line.key} className="break-all">
                              <span className="font-medium">{line.key}</span>
                              {t("keySeparator")}{" "}
                              {line.kind === "added" ? (
                                <ins className="no-underline text-green-800">{show(line.after)}</ins>
                              ) : line.kind === "removed" ? (
                                <del className="text-muted">{show(line.before)}</del>
                              ) : (
                                <>
                                  <del className="text-muted">{show(line.before)}</del> <span aria-label={t("changedTo")}>→</span>{" "}
                                  <ins className="no-underline text-green-800">{show(line.after)}</ins>
                                </>
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {result.pageCount > 1 ? (
        <nav aria-label={t("pagination")} className="flex items-center gap-4 text-sm">
          {result.page > 1 ? (
            <Link href={pageHref(result.page - 1)} rel="prev" className="text-brand underline-offset-4 hover:underline">
              {t("newer")}
            </Link>
          ) : null}
          <span className="text-muted">
            {t("pageOf", { page: result.page, pages: result.pageCount })}
          </span>
          {result.page < result.pageCount ? (
            <Link href={pageHref(result.page + 1)} rel="next" className="text-brand underline-offset-4 hover:underline">
              {t("older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
