import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { cancelSubscription, manageBilling, resumeSubscription } from "@/app/[locale]/(account)/account/billing-actions";
import { Gloss } from "@/components/ui/form-parts";
import { lastIncludedDay } from "@/lib/account-access-view";
import { planText } from "@/lib/billing/plan-catalog";
import type { BillingOverview } from "@/lib/billing/overview";
import { dateInZone } from "@/lib/dates";
import { paperDate } from "@/lib/i18n/format";
import { PortalButton, SubscriptionControls } from "./subscription-controls";

/** Plan, status, renewal or end date, payment method, and the history of access, on /account. */
export async function BillingPanel({ overview }: { overview: BillingOverview }) {
  const { subscriptions, prepaid, windows } = overview;
  if (subscriptions.length === 0 && prepaid.length === 0 && windows.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("account.billing"), getLocale()]);
  const day = (d: Date) => paperDate(dateInZone(d), locale);
  const until = (d: Date) => lastIncludedDay(d, locale);
  /** A catalog label for a value Stripe or the database gives, or the value itself when the catalog has none. */
  const label = (group: "statuses" | "methods" | "sources", value: string) => {
    const key = `${group}.${value}` as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : value;
  };
  return (
    <section id="billing" aria-labelledby="billing-heading" className="space-y-4 rounded-lg border border-rule bg-white p-5">
      <h2 id="billing-heading" className="font-serif text-lg font-bold">
        {t("heading")} <Gloss text={t("headingEnglish")} />
      </h2>
      {subscriptions.map((s) => {
        const live = ["active", "trialing", "past_due"].includes(s.status);
        const endsOn = s.currentPeriodEnd ? until(s.currentPeriodEnd) : null;
        return (
          <div key={s.id} className="space-y-2 border-b border-rule pb-4" data-testid="subscription">
            <p className="font-medium">
              {s.planName ? planText(s.planName, locale) : t("subscriptionFallback")} · <span>{label("statuses", s.status)}</span>
            </p>
            {live && endsOn && (
              <p className="text-sm">{s.cancelAtPeriodEnd ? t("endsNoRenew", { date: endsOn }) : t("nextRenewal", { date: day(s.currentPeriodEnd!) })}</p>
            )}
            {s.status === "trialing" && s.trialEnd && <p className="text-sm text-muted">{t("trialUntil", { date: until(s.trialEnd) })}</p>}
            {s.endedAt && <p className="text-sm text-muted">{t("endedOn", { date: day(s.endedAt) })}</p>}
            {s.paymentMethodType && <p className="text-sm text-muted">{t("paymentMethod", { method: label("methods", s.paymentMethodType) })}</p>}
            {live && (
              <SubscriptionControls subscriptionId={s.id} cancelAtPeriodEnd={s.cancelAtPeriodEnd} endsOn={endsOn} cancel={cancelSubscription} resume={resumeSubscription} />
            )}
          </div>
        );
      })}
      {prepaid.map((p) => (
        <div key={p.id} className="flex flex-wrap items-center justify-between gap-2 border-b border-rule pb-3 text-sm">
          <span>
            {planText(p.planName, locale)}
            {p.endsAt && t("prepaidUntil", { date: until(p.endsAt) })}
          </span>
          <Link href={`/subscribe/checkout?plan=${encodeURIComponent(p.planKey)}`} className="rounded border border-brand px-3 py-1 text-brand">
            {t("renew")}
          </Link>
        </div>
      ))}
      {subscriptions.length + prepaid.length > 0 && <PortalButton action={manageBilling} />}
      {windows.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm text-muted">{t("history")}</summary>
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr className="text-muted">
                <th className="py-1 font-normal">{t("colSource")}</th>
                <th className="py-1 font-normal">{t("colStart")}</th>
                <th className="py-1 font-normal">{t("colEnd")}</th>
              </tr>
            </thead>
            <tbody>
              {windows.map((w) => (
                <tr key={w.id} className="border-t border-rule" data-source={w.source} data-starts={w.startsAt.toISOString()} data-ends={w.endsAt?.toISOString() ?? ""}>
                  <td className="py-1">{label("sources", w.source)}</td>
                  <td className="py-1">{day(w.startsAt)}</td>
                  <td className="py-1">{w.endsAt ? until(w.endsAt) : t("openEnded")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
