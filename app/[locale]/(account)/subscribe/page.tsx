import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PlanCard } from "@/components/billing/plan-card";
import { InAppHint } from "@/components/reader/in-app-hint";
import { notConfiguredMessage } from "@/lib/billing/checkout";
import { listPlans } from "@/lib/billing/plans";
import { isBillingConfigured } from "@/lib/billing/stripe";
import type { Locale } from "@/lib/i18n/config";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "account.subscribe" });
  return { title: t("title") };
}

export default async function SubscribePage({ params, searchParams }: { params: Params; searchParams: Promise<{ canceled?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  await connection();
  const t = await getTranslations("account.subscribe");
  const [plans, { canceled }] = await Promise.all([listPlans(), searchParams]);
  const online = isBillingConfigured();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-bold">{t("heading")}</h1>
        <p className="text-muted">{t("intro")}</p>
        <p className="text-sm">
          {t.rich("giftPrompt", {
            link: (chunks) => (
              <Link href="/gift" className="text-brand underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </header>
      {canceled && (
        <p role="status" className="rounded border border-rule bg-white px-4 py-3 text-sm">
          {t("canceled")}
        </p>
      )}
      {!online && (
        <div role="note" className="rounded-lg border border-brand/30 bg-white p-4 text-sm">
          <p className="font-bold">{t("notConfiguredTitle")}</p>
          <p className="mt-1 text-muted">{t("notConfiguredNote", { notice: notConfiguredMessage(locale as Locale) })}</p>
        </div>
      )}
      {online && <InAppHint />}
      {plans.length === 0 ? (
        <p className="text-muted">{t("noPlans")}</p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {plans.map((plan) => (
            <PlanCard key={plan.key} plan={plan} online={online} />
          ))}
        </div>
      )}
    </div>
  );
}
