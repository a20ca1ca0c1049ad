import { useTranslations } from "next-intl";
import { BarChart } from "@/components/admin/chart-bars";
import type { DailySeries, QrSummary, Share } from "@/lib/qr/analytics";

const percent = (count: number, total: number) => (total ? `${Math.round((count / total) * 100)}%` : "—");

function ShareTable({ caption, shares, labels, total, noData }: { caption: string; shares: Share[]; labels: Record<string, string>; total: number; noData: string }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="pb-1 text-left text-sm font-semibold">{caption}</caption>
      <tbody className="divide-y divide-rule">
        {shares.length === 0 ? (
          <tr>
            <td className="py-1 text-muted">{noData}</td>
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
        {label}
        {english ? (
          <>
            {" "}
            <span aria-hidden="true">{english}</span>
          </>
        ) : null}
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
  const t = useTranslations("adminQr.analytics");
  const deviceLabel: Record<string, string> = { ios: t("devices.ios"), android: t("devices.android"), desktop: t("devices.desktop"), other: t("devices.other") };
  const inAppLabel: Record<string, string> = {
    wechat: t("inApp.wechat"),
    alipay: t("inApp.alipay"),
    qq: t("inApp.qq"),
    weibo: t("inApp.weibo"),
    other: t("inApp.other"),
    none: t("inApp.none"),
  };
  const outcomeLabel: Record<string, string> = {
    ok: t("outcomes.ok"),
    unknown: t("outcomes.unknown"),
    disabled: t("outcomes.disabled"),
    expired: t("outcomes.expired"),
    not_yet: t("outcomes.notYet"),
  };
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label={t("scans")} english={t("scansGloss")} value={summary.scans} hint={t("scansHint", { days })} />
        <Stat label={t("visitors")} english={t("visitorsGloss")} value={summary.visitors} hint={t("visitorsHint")} />
        <Stat label={t("bots")} english={t("botsGloss")} value={summary.bots} hint={t("botsHint")} />
        <Stat label={t("referrer")} english={t("referrerGloss")} value={summary.withReferrer} />
        <Stat label={t("signups")} english={t("signupsGloss")} value={summary.signups} hint={t("signupsHint")} />
        <Stat label={t("subscriptions")} english={t("subscriptionsGloss")} value={summary.subscriptions} hint={t("subscriptionsHint")} />
      </dl>
      <BarChart
        title={title}
        description={t("chartDescription", { days })}
        labels={series.days}
        series={[
          { name: t("scans"), values: series.scans, className: "fill-brand", swatch: "bg-brand" },
          { name: t("visitors"), values: series.visitors, className: "fill-stone-400", swatch: "bg-stone-400" },
        ]}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <ShareTable caption={t("devicesCaption")} shares={summary.devices} labels={deviceLabel} total={summary.scans} noData={t("noData")} />
        <ShareTable caption={t("inAppCaption")} shares={summary.inApp} labels={inAppLabel} total={summary.scans} noData={t("noData")} />
        <ShareTable caption={t("outcomesCaption")} shares={summary.outcomes} labels={outcomeLabel} total={summary.scans} noData={t("noData")} />
      </div>
    </div>
  );
}
