import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccountShell, Gloss, Panel } from "@/components/ui/form-parts";
import { requireViewer } from "@/lib/access";
import { addDays, todayInPaperZone } from "@/lib/dates";
import { MAX_DAYS_AHEAD } from "@/lib/delivery-hold-rules";
import { holdFormFacts, holdsFor, printSubscriptionFor, type HoldView } from "@/lib/delivery-holds";
import type { Locale } from "@/lib/i18n/config";
import { paperMonthDay } from "@/lib/i18n/format";
import { CancelHoldForm, PlaceHoldForm } from "./delivery-forms";
import { holdSpan, issueLabel } from "./labels";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "account.delivery" });
  return { title: t("title") };
}

const linkButton = "inline-flex items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark";

function holdState(hold: HoldView, today: string): { state: "canceled" | "ended" | "active" | "booked"; tone: string } {
  if (hold.canceledAt) return { state: "canceled", tone: "bg-rule/40 text-muted" };
  if (hold.endsOn < today) return { state: "ended", tone: "bg-rule/40 text-muted" };
  if (hold.startsOn <= today) return { state: "active", tone: "bg-amber-50 text-amber-900" };
  return { state: "booked", tone: "bg-emerald-50 text-emerald-800" };
}

function addressParts(address: Record<string, unknown> | null): { address: string; name: string } | null {
  const inner = (address?.address ?? {}) as Record<string, unknown>;
  const parts = [inner.state, inner.city, inner.line1, inner.line2].filter((p): p is string => typeof p === "string" && p.trim() !== "");
  const name = typeof address?.name === "string" ? address.name : "";
  return parts.length ? { address: parts.join(" "), name } : null;
}

/** Print subscribers pause the delivery of the printed paper while away; digital reading goes on. */
export default async function DeliveryHoldsPage({ params }: { params: Params }) {
  const { locale: raw } = await params;
  const locale = raw as Locale;
  setRequestLocale(locale);
  await connection();
  const t = await getTranslations("account.delivery");
  const viewer = await requireViewer("/account/delivery");
  const subscription = await printSubscriptionFor(viewer.id);
  if (!subscription) {
    return (
      <AccountShell title={t("title")} english={t("titleEnglish")}>
        <Panel labelledBy="no-print-heading">
          <h2 id="no-print-heading" className="mb-2 font-serif text-lg font-bold">
            {t("noPrintHeading")}
          </h2>
          <p className="text-sm leading-relaxed">{t("noPrintText")}</p>
          <p className="mt-4 flex flex-wrap gap-3">
            <Link href="/subscribe" className={linkButton}>
              {t("viewPlans")}
            </Link>
            <Link href="/account" className="inline-flex items-center px-2 py-2 text-sm text-brand hover:underline">
              {t("backToAccount")}
            </Link>
          </p>
        </Panel>
      </AccountShell>
    );
  }

  const today = todayInPaperZone();
  const [holds, facts] = await Promise.all([holdsFor(viewer.id, today), holdFormFacts(today)]);
  const { policy, earliestStart } = facts;
  const address = addressParts(subscription.shippingAddress);
  const earliest = earliestStart ? paperMonthDay(earliestStart, locale) : null;
  return (
    <AccountShell title={t("title")} english={t("titleEnglish")} wide>
      <div className="space-y-6">
        <Panel labelledBy="hold-intro-heading">
          <h2 id="hold-intro-heading" className="mb-2 font-serif text-lg font-bold">
            {t("introHeading")} <Gloss text={t("introHeadingEnglish")} />
          </h2>
          <ul id="hold-rules" className="list-disc space-y-1 pl-5 text-sm leading-relaxed">
            <li>{t.rich("digitalUnaffected", { strong: (chunks) => <strong>{chunks}</strong> })}</li>
            <li>
              {earliest
                ? t("leadTimeEarliest", { days: policy.leadPublicationDays, date: earliest })
                : t("leadTime", { days: policy.leadPublicationDays })}
            </li>
            <li>{t("maxWeeks", { weeks: policy.maxWeeksPerYear })}</li>
            {address ? (
              <li>{t("address", { address: address.name ? t("addressWithName", address) : address.address })}</li>
            ) : null}
          </ul>
        </Panel>

        <Panel labelledBy="hold-form-heading">
          <h2 id="hold-form-heading" className="mb-4 font-serif text-lg font-bold">
            {t("formHeading")} <Gloss text={t("formHeadingEnglish")} />
          </h2>
          <PlaceHoldForm min={earliestStart} max={addDays(today, MAX_DAYS_AHEAD)} hint={earliest ? t("earliest", { date: earliest }) : t("pickDate")} />
        </Panel>

        <Panel labelledBy="hold-list-heading">
          <h2 id="hold-list-heading" className="mb-3 font-serif text-lg font-bold">
            {t("listHeading")} <Gloss text={t("listHeadingEnglish")} />
          </h2>
          {holds.length === 0 ? (
            <p className="text-sm text-muted">{t("empty")}</p>
          ) : (
            <ul className="divide-y divide-rule" data-testid="delivery-holds">
              {holds.map((hold) => {
                const state = holdState(hold, today);
                const span = holdSpan(hold, locale);
                return (
                  <li key={hold.id} className="space-y-2 py-4 first:pt-0 last:pb-0" data-testid="delivery-hold">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{span}</span>
                      <span className={`rounded px-1.5 text-xs ${state.tone}`}>{t(`states.${state.state}`)}</span>
                    </p>
                    <div className="text-sm">
                      <p className="text-muted">{t("issuesCount", { count: hold.issues.length })}</p>
                      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1" aria-label={t("issuesLabel", { span })}>
                        {hold.issues.map((issue) => (
                          <li key={issue.date} className={hold.canceledAt ? "text-muted line-through" : ""}>
                            {issueLabel(issue, locale)}
                          </li>
                        ))}
                      </ul>
                    </div>
                    <CancelHoldForm holdId={hold.id} span={span} cancelable={hold.cancelable} />
                  </li>
                );
              })}
            </ul>
          )}
          <p className="mt-4 text-xs text-muted">{t("estimateNote")}</p>
        </Panel>

        <p>
          <Link href="/account" className="text-sm text-brand hover:underline">
            {t("back")}
          </Link>
        </p>
      </div>
    </AccountShell>
  );
}
