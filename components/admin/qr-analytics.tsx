import { BarChart } from "@/components/admin/chart-bars";
import type { DailySeries, QrSummary, Share } from "@/lib/qr/analytics";

const deviceLabel: Record<string, string> = { ios: "iOS", android: "Android", desktop: "电脑", other: "其他" };
const inAppLabel: Record<string, string> = { wechat: "微信", alipay: "支付宝", qq: "QQ", weibo: "微博", other: "其他应用内", none: "系统浏览器" };
const outcomeLabel: Record<string, string> = { ok: "正常", unknown: "未知", disabled: "已停用", expired: "已过期", not_yet: "未开始" };

const percent = (count: number, total: number) => (total ? `${Math.round((count / total) * 100)}%` : "—");

function ShareTable({ caption, shares, labels, total }: { caption: string; shares: Share[]; labels: Record<string, string>; total: number }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="pb-1 text-left text-sm font-semibold">{caption}</caption>
      <tbody className="divide-y divide-rule">
        {shares.length === 0 ? (
          <tr>
            <td className="py-1 text-muted">暂无数据</td>
          </tr>
        ) : (
          shares.map((s) => (
            <tr key={s.key}>
              <th scope="row" className="py-1 font-normal">
                {labels[s.key] ?? s.key}
              </th>
              <td className="py-1 text-right tabular-nums">{s.count}</td>
              <td className="w-16 py-1 text-right tabular-nums text-muted">{percent(s.count, total)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function Stat({ label, english, value, hint }: { label: string; english: string; value: number | string; hint?: string }) {
  return (
    <div className="rounded-lg border border-rule bg-white/60 p-3">
      <dt className="text-xs text-muted">
        {label} <span aria-hidden="true">{english}</span>
      </dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      {hint ? <dd className="text-xs text-muted">{hint}</dd> : null}
    </div>
  );
}

/**
 * Scans per day (server-rendered SVG with a hidden table), totals, device and
 * in-app shares and the funnel for one code, a campaign or all codes.
 */
export function QrAnalytics({ title, series, summary, days }: { title: string; series: DailySeries; summary: QrSummary; days: number }) {
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label="扫码次数" english="Scans" value={summary.scans} hint={`近${days}天,不含机器人`} />
        <Stat label="独立访客" english="Visitors" value={summary.visitors} hint="按日去重" />
        <Stat label="机器人" english="Bots" value={summary.bots} hint="单独计数" />
        <Stat label="有来源页" english="Referrer" value={summary.withReferrer} />
        <Stat label="注册" english="Sign-ups" value={summary.signups} hint="扫码后7天内" />
        <Stat label="订阅" english="Subscriptions" value={summary.subscriptions} hint="扫码后7天内" />
      </dl>
      <BarChart
        title={title}
        description={`近${days}天每天的扫码次数与独立访客(北京时间,不含机器人)`}
        labels={series.days}
        series={[
          { name: "扫码次数", values: series.scans, className: "fill-brand", swatch: "bg-brand" },
          { name: "独立访客", values: series.visitors, className: "fill-stone-400", swatch: "bg-stone-400" },
        ]}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <ShareTable caption="设备 Devices" shares={summary.devices} labels={deviceLabel} total={summary.scans} />
        <ShareTable caption="应用内浏览器 In-app" shares={summary.inApp} labels={inAppLabel} total={summary.scans} />
        <ShareTable caption="结果 Outcome" shares={summary.outcomes} labels={outcomeLabel} total={summary.scans} />
      </div>
    </div>
  );
}
