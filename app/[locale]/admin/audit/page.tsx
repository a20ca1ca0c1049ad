import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/access";
import { auditDiff, auditFacets, listAuditEntries, type AuditFilter } from "@/lib/audit-log";
import { formatPaperTime } from "@/lib/issues-admin";

export const metadata: Metadata = { title: "操作日志" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const show = (value: unknown): string => {
  if (value === null || value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};

/** Who changed what, when: every staff mutation, newest first. Admins only. */
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaff("/admin/audit", ["admin"]);
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
        操作日志 <span className="font-sans text-sm font-normal text-muted">Audit log</span>
      </h1>

      <form method="get" action="/admin/audit" role="search" aria-label="筛选操作日志" className="grid gap-3 rounded-lg border border-rule bg-white p-4 sm:grid-cols-2 lg:grid-cols-6">
        <div className="space-y-1">
          <label htmlFor="audit-action" className="text-sm font-medium">操作前缀</label>
          <input id="audit-action" name="action" list="audit-actions" defaultValue={raw.action} placeholder="如 issue." maxLength={100} className={inputClass} />
          <datalist id="audit-actions">
            {facets.actions.map((a) => (
              <option key={a} value={`${a}.`} />
            ))}
          </datalist>
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-entity" className="text-sm font-medium">对象类型</label>
          <select id="audit-entity" name="entity" defaultValue={raw.entity ?? ""} className={inputClass}>
            <option value="">全部</option>
            {facets.entities.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-actor" className="text-sm font-medium">操作人(邮箱包含)</label>
          <input id="audit-actor" name="actor" type="search" defaultValue={raw.actor} maxLength={254} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-from" className="text-sm font-medium">起始日期(北京时间)</label>
          <input id="audit-from" name="from" type="date" defaultValue={raw.from} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-to" className="text-sm font-medium">截止日期(北京时间)</label>
          <input id="audit-to" name="to" type="date" defaultValue={raw.to} className={inputClass} />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
            筛选 <span className="text-xs opacity-80">Filter</span>
          </button>
          {filtered ? (
            <Link href="/admin/audit" className="px-2 py-2 text-sm text-brand underline-offset-4 hover:underline">
              清除
            </Link>
          ) : null}
        </div>
      </form>

      <p role="status" className="text-sm text-muted">
        共 {result.total} 条{result.pageCount > 1 ? `,第 ${result.page}/${result.pageCount} 页` : ""}
      </p>

      {result.entries.length === 0 ? (
        <p className="text-sm text-muted">没有符合条件的记录。</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-rule bg-white">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <caption className="sr-only">操作日志,按时间倒序</caption>
            <thead className="border-b border-rule bg-stone-50 text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">时间(北京时间)</th>
                <th scope="col" className="px-3 py-2 font-medium">操作人</th>
                <th scope="col" className="px-3 py-2 font-medium">操作</th>
                <th scope="col" className="px-3 py-2 font-medium">对象</th>
                <th scope="col" className="px-3 py-2 font-medium">变更</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule align-top">
              {result.entries.map((entry) => {
                const diff = auditDiff(entry.before ?? null, entry.after ?? null);
                return (
                  <tr key={entry.id}>
                    <td className="whitespace-nowrap px-3 py-2">
                      <time dateTime={entry.at.toISOString()}>{formatPaperTime(entry.at)}</time>
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
                              <span className="font-medium">{line.key}</span>:{" "}
                              {line.kind === "added" ? (
                                <ins className="no-underline text-green-800">{show(line.after)}</ins>
                              ) : line.kind === "removed" ? (
                                <del className="text-muted">{show(line.before)}</del>
                              ) : (
                                <>
                                  <del className="text-muted">{show(line.before)}</del> <span aria-label="改为">→</span>{" "}
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
        <nav aria-label="分页 Pages" className="flex items-center gap-4 text-sm">
          {result.page > 1 ? (
            <Link href={pageHref(result.page - 1)} rel="prev" className="text-brand underline-offset-4 hover:underline">
              ← 较新
            </Link>
          ) : null}
          <span className="text-muted">
            第 {result.page} / {result.pageCount} 页
          </span>
          {result.page < result.pageCount ? (
            <Link href={pageHref(result.page + 1)} rel="next" className="text-brand underline-offset-4 hover:underline">
              较早 →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
