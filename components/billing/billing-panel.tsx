import Link from "next/link";
import { cancelSubscription, manageBilling, resumeSubscription } from "@/app/[locale]/(account)/account/billing-actions";
import { lastIncludedDay } from "@/lib/account-access-view";
import type { BillingOverview } from "@/lib/billing/overview";
import { chineseDate, dateInZone } from "@/lib/dates";
import { PortalButton, SubscriptionControls } from "./subscription-controls";

const statusLabels: Record<string, string> = {
  active: "生效中",
  trialing: "试读中",
  past_due: "付款失败,宽限期内",
  canceled: "已取消",
  incomplete: "待付款",
  incomplete_expired: "未完成",
  unpaid: "未付款",
  paused: "已暂停",
};
const methodLabels: Record<string, string> = { card: "银行卡", alipay: "支付宝", wechat_pay: "微信支付" };
const sourceLabels: Record<string, string> = { subscription: "自动续费订阅", prepaid: "预付订阅", gift: "礼物", comp: "赠阅" };
const day = (d: Date) => chineseDate(dateInZone(d));

/** Plan, status, renewal or end date, payment method, and the history of access, on /account. */
export function BillingPanel({ overview }: { overview: BillingOverview }) {
  const { subscriptions, prepaid, windows } = overview;
  if (subscriptions.length === 0 && prepaid.length === 0 && windows.length === 0) return null;
  return (
    <section id="billing" aria-labelledby="billing-heading" className="space-y-4 rounded-lg border border-rule bg-white p-5">
      <h2 id="billing-heading" className="font-serif text-lg font-bold">
        订阅与付款 <span className="font-sans text-xs font-normal text-muted">Billing</span>
      </h2>
      {subscriptions.map((s) => {
        const live = ["active", "trialing", "past_due"].includes(s.status);
        const endsOn = s.currentPeriodEnd ? lastIncludedDay(s.currentPeriodEnd) : null;
        return (
          <div key={s.id} className="space-y-2 border-b border-rule pb-4" data-testid="subscription">
            <p className="font-medium">
              {s.planName ?? "订阅"} · <span>{statusLabels[s.status] ?? s.status}</span>
            </p>
            {live && endsOn && (
              <p className="text-sm">{s.cancelAtPeriodEnd ? `将于 ${endsOn} 到期后结束,不再续费` : `下次续费日 ${day(s.currentPeriodEnd!)}`}</p>
            )}
            {s.status === "trialing" && s.trialEnd && <p className="text-sm text-muted">免费试读至 {lastIncludedDay(s.trialEnd)}</p>}
            {s.endedAt && <p className="text-sm text-muted">已于 {day(s.endedAt)} 结束</p>}
            {s.paymentMethodType && <p className="text-sm text-muted">付款方式:{methodLabels[s.paymentMethodType] ?? s.paymentMethodType}</p>}
            {live && (
              <SubscriptionControls subscriptionId={s.id} cancelAtPeriodEnd={s.cancelAtPeriodEnd} endsOn={endsOn} cancel={cancelSubscription} resume={resumeSubscription} />
            )}
          </div>
        );
      })}
      {prepaid.map((p) => (
        <div key={p.id} className="flex flex-wrap items-center justify-between gap-2 border-b border-rule pb-3 text-sm">
          <span>
            {p.planName}
            {p.endsAt && ` · 有效期至 ${lastIncludedDay(p.endsAt)}`}
          </span>
          <Link href={`/subscribe/checkout?plan=${encodeURIComponent(p.planKey)}`} className="rounded border border-brand px-3 py-1 text-brand">
            续订 Renew
          </Link>
        </div>
      ))}
      {subscriptions.length + prepaid.length > 0 && <PortalButton action={manageBilling} />}
      {windows.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm text-muted">阅读权限记录 Access history</summary>
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr className="text-muted">
                <th className="py-1 font-normal">来源</th>
                <th className="py-1 font-normal">开始</th>
                <th className="py-1 font-normal">结束</th>
              </tr>
            </thead>
            <tbody>
              {windows.map((w) => (
                <tr key={w.id} className="border-t border-rule" data-source={w.source} data-starts={w.startsAt.toISOString()} data-ends={w.endsAt?.toISOString() ?? ""}>
                  <td className="py-1">{sourceLabels[w.source] ?? w.source}</td>
                  <td className="py-1">{day(w.startsAt)}</td>
                  <td className="py-1">{w.endsAt ? lastIncludedDay(w.endsAt) : "长期"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
