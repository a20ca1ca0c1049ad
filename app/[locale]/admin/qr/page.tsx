import type { Metadata } from "next";
import Link from "next/link";
import { QrAnalytics } from "@/components/admin/qr-analytics";
import { QrIssueBulkForm } from "@/components/admin/qr-tools";
import { requireStaff } from "@/lib/access";
import { funnelByCode, qrSummary, scansPerDay, statsByCode } from "@/lib/qr/analytics";
import { stateLabel, windowText } from "./format";
import { describeTargets, listCampaigns, listQrCodes, liveState, recentIssues, type QrCodeRow } from "@/lib/qr/codes-admin";

export const metadata: Metadata = { title: "二维码" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
const DAYS = 30;

export default async function QrCodesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaff("/admin/qr");
  const query = await searchParams;
  const campaigns = await listCampaigns();
  const campaign = campaigns.includes(one(query.campaign)) ? one(query.campaign) : null;
  const [codes, issues, series, summary] = await Promise.all([
    listQrCodes({ campaign }),
    recentIssues(),
    scansPerDay(campaign ? { campaign } : {}, DAYS),
    qrSummary(campaign ? { campaign } : {}, DAYS),
  ]);
  const ids = codes.map((c) => c.id);
  const [stats, funnel, targets] = await Promise.all([statsByCode(ids), funnelByCode(ids), describeTargets(codes)]);
  const deleted = one(query.done) === "deleted" ? one(query.code).replace(/[^A-Z0-9]/g, "") : null;
  const csvHref = campaign ? `/admin/qr/export.csv?campaign=${encodeURIComponent(campaign)}` : "/admin/qr/export.csv";

  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-2xl font-bold">
            二维码 <span className="font-sans text-sm font-normal text-muted">QR codes</span>
          </h1>
          <p className="mt-1 text-sm text-muted">印在报纸上的二维码:扫码后打开的页面、印刷文件下载和扫码统计。时间均为北京时间。</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/qr/campaigns" className="inline-flex items-center rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100">
            按活动统计 <span className="ml-1 text-xs text-muted">Campaigns</span>
          </Link>
          <a href={csvHref} className="inline-flex items-center rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100">
            导出扫码记录 CSV <span className="ml-1 text-xs text-muted">Export</span>
          </a>
          <Link href="/admin/qr/new" className="inline-flex items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
            新建二维码 <span className="ml-1 text-xs opacity-80">New</span>
          </Link>
        </div>
      </header>

      {deleted ? (
        <p role="status" className="rounded-md border border-rule bg-white px-3 py-2 text-sm">
          已删除二维码 {deleted}。
        </p>
      ) : null}

      <section aria-labelledby="qr-bulk-heading" className="space-y-2 rounded-lg border border-rule bg-white/60 p-4">
        <h2 id="qr-bulk-heading" className="font-semibold">
          为本期所有稿件生成二维码 <span className="text-xs font-normal text-muted">For the layout team</span>
        </h2>
        <p className="text-sm text-muted">每篇稿件一个二维码,扫码打开该稿件,名称为稿件标题。已有二维码的稿件不会重复生成。</p>
        <QrIssueBulkForm issues={issues} />
      </section>

      <section aria-labelledby="qr-list-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="qr-list-heading" className="font-semibold">
            全部二维码 <span className="text-xs font-normal text-muted">All codes · {codes.length}</span>
          </h2>
          {campaigns.length ? (
            <form method="get" action="/admin/qr" className="flex flex-wrap items-end gap-2" aria-label="按活动筛选">
              <div className="space-y-1">
                <label htmlFor="qr-filter-campaign" className="block text-sm font-medium">
                  活动 <span className="text-xs font-normal text-muted">Campaign</span>
                </label>
                <select id="qr-filter-campaign" name="campaign" defaultValue={campaign ?? ""} className="rounded-md border border-rule bg-white px-3 py-2 text-sm">
                  <option value="">全部</option>
                  {campaigns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100">
                筛选 <span className="text-xs text-muted">Filter</span>
              </button>
              {campaign ? (
                <Link href="/admin/qr" className="py-2 text-sm text-muted hover:text-brand">
                  清除筛选
                </Link>
              ) : null}
            </form>
          ) : null}
        </div>
        {codes.length === 0 ? (
          <p className="rounded-md border border-dashed border-rule px-4 py-6 text-center text-sm text-muted">还没有二维码。点「新建二维码」,或为一期的所有稿件一次生成。</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-rule bg-white/60">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">二维码列表,共{codes.length}个</caption>
              <thead className="border-b border-rule text-xs text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">名称</th>
                  <th scope="col" className="px-3 py-2 font-medium">短码</th>
                  <th scope="col" className="px-3 py-2 font-medium">放置位置</th>
                  <th scope="col" className="px-3 py-2 font-medium">目标</th>
                  <th scope="col" className="px-3 py-2 font-medium">状态</th>
                  <th scope="col" className="px-3 py-2 font-medium">有效期</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">近7天扫码</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">近7天访客</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">注册</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">订阅</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-rule">
                {codes.map((code) => (
                  <CodeRow key={code.id} code={code} target={targets.get(code.id)} stats={stats.get(code.id)} funnel={funnel.get(code.id)} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="qr-stats-heading" className="space-y-3">
        <h2 id="qr-stats-heading" className="font-semibold">
          扫码统计{campaign ? ` · ${campaign}` : ""} <span className="text-xs font-normal text-muted">Scans, last {DAYS} days</span>
        </h2>
        <QrAnalytics title={`近${DAYS}天扫码${campaign ? `(${campaign})` : ""}`} series={series} summary={summary} days={DAYS} />
      </section>
    </div>
  );
}

function CodeRow({
  code,
  target,
  stats,
  funnel,
}: {
  code: QrCodeRow;
  target?: { placement: string; destination: string };
  stats?: { scans: number; visitors: number };
  funnel?: { signups: number; subscriptions: number };
}) {
  const state = liveState(code);
  return (
    <tr data-qr-code={code.code}>
      <td className="px-3 py-2">
        <Link href={`/admin/qr/${code.id}`} className="font-medium hover:text-brand hover:underline">
          {code.label}
        </Link>
      </td>
      <td className="px-3 py-2 font-mono">{code.code}</td>
      <td className="px-3 py-2">{target?.placement}</td>
      <td className="max-w-xs truncate px-3 py-2" title={target?.destination}>
        {target?.destination}
      </td>
      <td className="px-3 py-2">
        <span className={state === "live" ? "text-green-800" : "text-muted"}>{stateLabel[state]}</span>
      </td>
      <td className="px-3 py-2 text-muted">{windowText(code)}</td>
      <td className="px-3 py-2 text-right tabular-nums">{stats?.scans ?? 0}</td>
      <td className="px-3 py-2 text-right tabular-nums">{stats?.visitors ?? 0}</td>
      <td className="px-3 py-2 text-right tabular-nums">{funnel?.signups ?? 0}</td>
      <td className="px-3 py-2 text-right tabular-nums">{funnel?.subscriptions ?? 0}</td>
    </tr>
  );
}
